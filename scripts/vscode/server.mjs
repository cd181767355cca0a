// Starts the VS Code server bundled in code-server (a real VS Code 1.100.3 workbench and
// extension host) and, for tests, drives its web workbench in headless Chromium.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, ensureCodeServer } from './setup.mjs';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Installs a `.vsix` into `extensionsDir` with the VS Code server's own installer (what a user's
 * "Install from VSIX…" does), so a run with that folder loads the packaged copy.
 */
export function installExtension(vsix, extensionsDir) {
  const vscodeDir = ensureCodeServer();
  execFileSync(process.execPath, [join(vscodeDir, 'out', 'server-main.js'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
}

/**
 * Starts `server-main.js` and resolves once it listens. `extensionTestsPath` makes the
 * workbench run a test index; `env` is passed to the extension host; `extensionsDir` is
 * where installed extensions are read from (a fresh temp folder by default).
 */
export async function startVSCodeServer({ extensionDevelopmentPath, extensionTestsPath, extensionsDir, env = {}, port, onLog = () => {} }) {
  const vscodeDir = ensureCodeServer();
  port ??= await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ss-vscode-server-'));
  const args = [
    join(vscodeDir, 'out', 'server-main.js'),
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--server-data-dir', dataDir,
    '--disable-telemetry',
    ...(extensionsDir ? ['--extensions-dir', extensionsDir] : []),
    `--extensionDevelopmentPath=${extensionDevelopmentPath}`,
    ...(extensionTestsPath ? [`--extensionTestsPath=${extensionTestsPath}`] : []),
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  await new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      onLog(text);
      seen += text;
      if (seen.includes('Extension host agent listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`VS Code server exited early (code ${code}):\n${seen.slice(-2000)}`)));
  });
  return { port, child, stop, url: `http://127.0.0.1:${port}` };
}

/** The workbench URL that opens `folder` and, for tests, runs the test index. */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)], ['skipWelcome', 'true']];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Opens headless Chromium (Debian's) with the flags that work in containers. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}
