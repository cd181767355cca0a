// `npm run test:vscode`: builds the extension and the extension-host suites, then runs them
// in a real VS Code on a temp copy of examples/. Where a VS Code can be downloaded it uses
// @vscode/test-electron; offline (or with SECOND_SOURCE_TEST_RUNNER=code-server) it uses the
// VS Code server bundled in code-server, in headless Chromium. Does its own set-up; exits
// non-zero on any failure and prints mocha's report to stdout.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './setup.mjs';
import { buildExtension } from './manifest.mjs';
import { launchBrowser, startVSCodeServer, workbenchUrl } from './server.mjs';

const started = Date.now();
const log = (msg) => process.stderr.write(`[test:vscode] ${msg}\n`);
// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); an ordinary run
// writes them under .vscode-test/ so that `npm test` leaves the working tree as it was.
const screenshotsDir = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs', 'screenshots') : join(root, '.vscode-test', 'screenshots');
const testOut = join(root, 'dist', 'test', 'vscode');

/** Builds the extension (npm run build) and bundles the suites next to it. */
async function buildAll() {
  await buildExtension();
  rmSync(testOut, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning' };
  await build({ ...common, entryPoints: [join(root, 'test', 'vscode', 'index.ts')], outfile: join(testOut, 'index.js') });
  await build({ ...common, entryPoints: [join(root, 'test', 'vscode', 'suites.ts')], outfile: join(testOut, 'suites.js') });
}

/** A fresh temp copy of examples/, so fixes and word lists never touch the repository. */
function makeWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'ss-workspace-'));
  cpSync(join(root, 'examples'), dir, { recursive: true });
  // Long article paragraphs read better wrapped in the screenshots (the temp copy's settings, not the user's).
  mkdirSync(join(dir, '.vscode'));
  // The web workbench saves after a delay by default; the tests check that an edit stays the user's, unsaved.
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'editor.wordWrap': 'on', 'workbench.startupEditor': 'none', 'files.autoSave': 'off' }, null, 2));
  return dir;
}

/**
 * Whether to run under @vscode/test-electron: asked for (SECOND_SOURCE_TEST_RUNNER=electron), or a
 * desktop VS Code it downloaded before is in its cache (.vscode-test/vscode-*). Otherwise the
 * offline runner: this script sends nothing to any host but the local VS Code server.
 */
function useTestElectron() {
  const choice = process.env.SECOND_SOURCE_TEST_RUNNER;
  if (choice === 'electron') return true;
  if (choice === 'code-server') return false;
  const cache = join(root, '.vscode-test');
  return existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('vscode-') && !name.startsWith('vscode-ripgrep'));
}

/** Prints what the suite appends to its log file, as it appears. */
function tail(file) {
  let offset = 0;
  const pump = () => {
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    if (size <= offset) return;
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    closeSync(fd);
    offset = size;
    process.stdout.write(buf);
  };
  const timer = setInterval(pump, 200);
  return () => (clearInterval(timer), pump());
}

async function runWithElectron({ workspace, env }) {
  const { runTests } = await import('@vscode/test-electron');
  Object.assign(process.env, env);
  return runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(testOut, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--no-sandbox', '--disable-workspace-trust'],
  }).then(() => 0, () => 1);
}

async function runWithCodeServer({ workspace, env, requestsDir }) {
  const server = await startVSCodeServer({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(testOut, 'index.js'),
    env,
    onLog: (text) => process.env.SECOND_SOURCE_TEST_VERBOSE && process.stderr.write(text),
  });
  const browser = await launchBrowser();
  const workbenchErrors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const exit = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = `[workbench ${type}] ${JSON.stringify(args).slice(0, 800)}`;
      if (process.env.SECOND_SOURCE_TEST_VERBOSE) process.stderr.write(`${line}\n`);
      else if (type === 'error') workbenchErrors.push(line);
    });
    page.on('pageerror', (e) => process.env.SECOND_SOURCE_TEST_VERBOSE && process.stderr.write(`[page error] ${e.message}\n`));
    await page.goto(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: root, extensionTestsPath: join(testOut, 'index.js') }));

    // The suite asks for screenshots by dropping `<name>.request`; we answer with `<name>.done`.
    let busy = false;
    const serveScreenshots = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        for (const file of readdirSync(requestsDir).filter((f) => f.endsWith('.request'))) {
          const { name, waitForSelector, timeoutMs = 20_000 } = JSON.parse(readFileSync(join(requestsDir, file), 'utf8'));
          rmSync(join(requestsDir, file));
          let status = 'ok';
          try {
            await page.waitForSelector(waitForSelector, { state: 'visible', timeout: timeoutMs });
            // Let the workbench finish laying out what it just rendered (fonts, icons).
            await page.waitForTimeout(600);
            await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
          } catch (error) {
            status = `failed: ${error.message.split('\n')[0]}`;
          }
          writeFileSync(join(requestsDir, `${name}.done`), status);
        }
      } finally {
        busy = false;
      }
    }, 250);

    const timeout = new Promise((resolve) => setTimeout(() => (log('timed out after 15 minutes'), resolve(1)), 15 * 60_000).unref());
    const code = await Promise.race([exit, timeout]);
    clearInterval(serveScreenshots);
    // Offline, the workbench logs gallery and service-worker errors; show the rest when the run failed.
    if (code !== 0) workbenchErrors.filter((l) => !/open-vsx|gallery|ENOTFOUND|service ?worker|trust the authors/i.test(l)).slice(-30).forEach((l) => process.stderr.write(`${l}\n`));
    return code;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}

async function main() {
  await buildAll();
  const workspace = makeWorkspace();
  const requestsDir = mkdtempSync(join(tmpdir(), 'ss-screenshot-requests-'));
  const logFile = join(mkdtempSync(join(tmpdir(), 'ss-test-log-')), 'mocha.log');
  mkdirSync(screenshotsDir, { recursive: true });
  const useElectron = useTestElectron();
  log(`runner: ${useElectron ? '@vscode/test-electron' : 'code-server 4.100.3 VS Code server + headless Chromium'}; workspace ${workspace}`);
  const stopTail = tail(logFile);
  let code = 1;
  try {
    const env = { SECOND_SOURCE_TEST_LOG: logFile };
    code = useElectron
      ? await runWithElectron({ workspace, env })
      : await runWithCodeServer({ workspace, env: { ...env, SECOND_SOURCE_SCREENSHOT_REQUESTS: requestsDir }, requestsDir });
  } finally {
    stopTail();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(requestsDir, { recursive: true, force: true });
  }
  log(`exit code ${code}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  process.exit(code === 0 ? 0 : 1);
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
