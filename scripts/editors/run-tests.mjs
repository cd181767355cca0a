// `npm run test:editors [nvim|emacs …]`: real LSP clients nobody here wrote, headless, against the
// language server (dist/cli.js lsp --stdio), each on its own copy of examples/: Neovim's built-in
// client (test/nvim/lsp.lua) and Emacs's eglot (test/emacs/eglot.el). Installs their Debian
// packages when missing (as the VS Code runs install chromium). Prints one line per check and,
// per editor, a closing "<editor>: N passed, N failed" line; exits 1 when a check failed or a
// script did not finish.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages, root } from '../vscode/setup.mjs';

const TIMEOUT_MS = 240_000;

/** Each editor: its Debian packages and how it runs its script headless (`work` is its scratch folder). */
const EDITORS = {
  nvim: {
    packages: ['neovim'],
    command: (work) => ['nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test', 'nvim', 'lsp.lua')}`], { XDG_STATE_HOME: work, XDG_DATA_HOME: work }],
  },
  emacs: {
    packages: ['emacs-nox', 'elpa-eglot'],
    // --batch reads no init file; HOME keeps eglot's and Emacs's own files out of the user's.
    command: (work) => ['emacs', ['--batch', '-l', join(root, 'test', 'emacs', 'eglot.el')], { HOME: work }],
  },
};

const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing; run `npm run build` first.');
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(EDITORS);
const unknown = names.filter((n) => !(n in EDITORS));
if (unknown.length) throw new Error(`Unknown editor ${unknown.join(', ')}; known: ${Object.keys(EDITORS).join(', ')}.`);
ensureDebianPackages(names.flatMap((n) => EDITORS[n].packages));

let failedRuns = 0;
for (const name of names) {
  const work = mkdtempSync(join(tmpdir(), `second-source-${name}-`));
  const workspace = join(work, 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const resultsPath = join(work, 'results.json');
  const [command, args, env] = EDITORS[name].command(work);
  const child = spawn(command, args, {
    env: { ...process.env, ...env, SECOND_SOURCE_CLI: cli, SECOND_SOURCE_WORKSPACE: workspace, SECOND_SOURCE_RESULTS: resultsPath },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(signal ?? c)));
  clearTimeout(timer);

  const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : [];
  if (results.length === 0) results.push({ name: `${name} finished its script (exit ${code})`, ok: false, detail: stderr.slice(-3000) || 'no results written' });
  process.stdout.write(`${name}\n`);
  for (const r of results) process.stdout.write(`  ${r.ok ? '✔' : '✘'} ${r.name}${r.ok ? '' : `\n      ${String(r.detail).split('\n').join('\n      ')}`}\n`);
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`${name}: ${results.length - failed} passed, ${failed} failed\n`);
  if (failed || code !== 0) failedRuns++;
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failedRuns ? 1 : 0;
