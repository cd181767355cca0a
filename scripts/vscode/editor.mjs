// `npm run editor`: builds the extension and opens it in a real VS Code on examples/.
// The desktop `code --extensionDevelopmentPath` where `code` exists; otherwise the VS Code
// server from code-server (installed into .vscode-test/ on first use) in the browser, with
// its local URL printed. `--check` starts it, checks the page answers, and stops (for CI).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './setup.mjs';
import { buildExtension } from './manifest.mjs';
import { startVSCodeServer, workbenchUrl } from './server.mjs';

const check = process.argv.includes('--check');
const folder = join(root, 'examples');
const log = (msg) => process.stdout.write(`${msg}\n`);

await buildExtension();

const desktop = !process.env.SECOND_SOURCE_EDITOR_WEB && spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (desktop && !check) {
  log('Opening VS Code with Second Source loaded from this folder…');
  spawn('code', [`--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit', detached: true }).unref();
} else {
  const port = Number(process.env.PORT) || undefined;
  const server = await startVSCodeServer({ extensionDevelopmentPath: root, port });
  const url = workbenchUrl({ port: server.port, folder, extensionDevelopmentPath: root });
  if (check) {
    const response = await fetch(url);
    server.stop();
    log(`VS Code server answered ${response.status} at ${server.url}`);
    process.exit(response.ok ? 0 : 1);
  }
  log('');
  log('Second Source is running in VS Code (the VS Code server bundled with code-server, offline).');
  log(`Open this URL in a browser on this machine:\n\n  ${url}\n`);
  log('Press Ctrl+C to stop.');
  const stop = () => (server.stop(), process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => process.exit(code ?? 0));
}
