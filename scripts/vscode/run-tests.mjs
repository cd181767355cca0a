// `npm run test:vscode`: builds the extension and the extension-host suites, then runs them
// in a real VS Code on a temp copy of examples/. Where a VS Code can be downloaded it uses
// @vscode/test-electron; offline (or with SECOND_SOURCE_TEST_RUNNER=code-server) it uses the
// VS Code server bundled in code-server, in headless Chromium. Does its own set-up; exits
// non-zero on any failure and prints mocha's report to stdout.
//
// `npm run test:vsix` (`--installed`): packages the .vsix as `npm run package` does, installs that
// file into the VS Code under test and runs the smoke suites against the installed copy, so a
// file the package leaves out fails the run. The development folder is not loaded.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { root } from './setup.mjs';
import { buildExtension } from './manifest.mjs';
import { packageExtension } from './package.mjs';
import { installExtension, launchBrowser, startVSCodeServer, workbenchUrl } from './server.mjs';

const started = Date.now();
const log = (msg) => process.stderr.write(`[test:vscode] ${msg}\n`);
// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); an ordinary run
// writes them under .vscode-test/ so that `npm test` leaves the working tree as it was.
const screenshotsDir = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs', 'screenshots') : join(root, '.vscode-test', 'screenshots');
const testOut = join(root, 'dist', 'test', 'vscode');
const installed = process.argv.includes('--installed');
// `npm run test:vscode -- --big-folder`: only the big-folder run (the seeds' suites take minutes).
const bigFolderOnly = process.argv.includes('--big-folder');
const VSCODE_VERSION = '1.100.3';

/** Builds the extension (npm run build; packaging builds it too) and bundles the suites next to it. */
async function buildAll() {
  if (!installed) await buildExtension();
  rmSync(testOut, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning' };
  for (const name of ['index', 'suites', 'smoke', 'bigFolder']) {
    await build({ ...common, entryPoints: [join(root, 'test', 'vscode', `${name}.ts`)], outfile: join(testOut, `${name}.js`) });
  }
  await build({ ...common, entryPoints: [join(root, 'test', 'fixtures', 'generated-folder.ts')], outfile: join(testOut, 'generated-folder.js') });
}

/** Articles in the big-folder run: enough that the server's first pass over them takes seconds. */
const BIG_FOLDER_ARTICLES = 400;

/**
 * A temp folder of generated articles (test/fixtures/generated-folder.ts) with a misspelling
 * planted in one, for the suite that checks the opened article is answered before the folder.
 */
function makeBigWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'ss-big-workspace-'));
  const { writeGeneratedFolder } = createRequire(import.meta.url)(join(testOut, 'generated-folder.js'));
  writeGeneratedFolder(dir, BIG_FOLDER_ARTICLES);
  const open = 'news/0200.txt';
  const planted = 'recieved';
  writeFileSync(join(dir, open), readFileSync(join(dir, open), 'utf8').replace('\n\n', `\n\nThe council ${planted} the letter on Monday.\n`));
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'files.autoSave': 'off' }, null, 2));
  return { dir, env: { SECOND_SOURCE_TEST_OPEN: open, SECOND_SOURCE_TEST_PLANTED: planted, SECOND_SOURCE_TEST_ARTICLES: String(BIG_FOLDER_ARTICLES) } };
}

/**
 * What the run loads. By default the development folder. With `--installed`, a fresh .vsix
 * installed into an empty extensions folder, and an empty stand-in for the development
 * extension: VS Code runs a test index only for a development extension.
 */
async function extensionUnderTest(dir) {
  if (!installed) return { extensionDevelopmentPath: root, suites: 'suites.js' };
  const started = Date.now();
  const vsix = await packageExtension({ out: join(dir, 'second-source.vsix'), quiet: true });
  const extensionsDir = join(dir, 'extensions');
  const host = join(dir, 'test-host');
  mkdirSync(host);
  mkdirSync(extensionsDir);
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'second-source-test-host', publisher: 'second-source', version: '0.0.0', engines: { vscode: '^1.100.0' } }));
  if (!useTestElectron()) installExtension(vsix, extensionsDir);
  log(`packaged ${vsix} in ${((Date.now() - started) / 1000).toFixed(1)} s; installing into ${extensionsDir}`);
  return { extensionDevelopmentPath: host, extensionsDir, vsix, suites: 'smoke.js' };
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

async function runWithElectron({ workspace, env, target }) {
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');
  Object.assign(process.env, env);
  const vscodeExecutablePath = await downloadAndUnzipVSCode(VSCODE_VERSION);
  // The installed copy needs its extensions folder; otherwise no other extension may load.
  let extensionArgs = ['--disable-extensions'];
  if (target.extensionsDir) {
    const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const own = args.filter((a) => !a.startsWith('--extensions-dir'));
    const result = spawnSync(cli, [...own, '--extensions-dir', target.extensionsDir, '--install-extension', target.vsix, '--force'], { encoding: 'utf8', stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`installing ${target.vsix} failed`);
    extensionArgs = ['--extensions-dir', target.extensionsDir];
  }
  return runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: target.extensionDevelopmentPath,
    extensionTestsPath: join(testOut, 'index.js'),
    launchArgs: [workspace, ...extensionArgs, '--no-sandbox', '--disable-workspace-trust'],
  }).then(() => 0, () => 1);
}

async function runWithCodeServer({ workspace, env, requestsDir, target }) {
  const server = await startVSCodeServer({
    extensionDevelopmentPath: target.extensionDevelopmentPath,
    extensionsDir: target.extensionsDir,
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
    await page.goto(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: target.extensionDevelopmentPath, extensionTestsPath: join(testOut, 'index.js') }));

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
  const installDir = mkdtempSync(join(tmpdir(), 'ss-installed-'));
  mkdirSync(screenshotsDir, { recursive: true });
  const useElectron = useTestElectron();
  log(`runner: ${useElectron ? '@vscode/test-electron' : 'code-server 4.100.3 VS Code server + headless Chromium'}; workspace ${workspace}`);
  const stopTail = tail(logFile);
  let code = 1;
  let big;
  try {
    const target = await extensionUnderTest(installDir);
    const env = { SECOND_SOURCE_TEST_LOG: logFile, SECOND_SOURCE_TEST_SUITES: target.suites, ...(target.extensionsDir ? { SECOND_SOURCE_INSTALLED_IN: target.extensionsDir } : {}) };
    const run = (workspace, env) =>
      useElectron ? runWithElectron({ workspace, env, target }) : runWithCodeServer({ workspace, env: { ...env, SECOND_SOURCE_SCREENSHOT_REQUESTS: requestsDir }, requestsDir, target });
    code = bigFolderOnly ? 0 : await run(workspace, env);
    // The big folder needs a window of its own (its own workspace, a fresh server); the installed package is checked on the seeds only.
    if (code === 0 && !installed) {
      big = makeBigWorkspace();
      log(`big folder: ${BIG_FOLDER_ARTICLES} generated articles in ${big.dir}`);
      code = await run(big.dir, { ...env, ...big.env, SECOND_SOURCE_TEST_SUITES: 'bigFolder.js' });
    }
  } finally {
    stopTail();
    rmSync(workspace, { recursive: true, force: true });
    if (big) rmSync(big.dir, { recursive: true, force: true });
    rmSync(requestsDir, { recursive: true, force: true });
    rmSync(installDir, { recursive: true, force: true });
  }
  log(`exit code ${code}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  process.exit(code === 0 ? 0 : 1);
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
