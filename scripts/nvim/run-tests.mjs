// `npm run test:nvim`: Neovim's built-in LSP client, headless, against the language server
// (dist/cli.js lsp --stdio) on a copy of examples/. Installs Debian's `neovim` package when it
// is missing (as the VS Code runs install chromium). Prints one line per check and a closing
// "nvim: N passed, N failed" line; exits 1 when a check failed or the script did not finish.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages, root } from '../vscode/setup.mjs';

const TIMEOUT_MS = 240_000;

ensureDebianPackages(['neovim']);
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing; run `npm run build` first.');

const work = mkdtempSync(join(tmpdir(), 'second-source-nvim-'));
const workspace = join(work, 'examples');
cpSync(join(root, 'examples'), workspace, { recursive: true });
const resultsPath = join(work, 'results.json');

const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test', 'nvim', 'lsp.lua')}`], {
  env: { ...process.env, SECOND_SOURCE_CLI: cli, SECOND_SOURCE_WORKSPACE: workspace, SECOND_SOURCE_RESULTS: resultsPath, XDG_STATE_HOME: work, XDG_DATA_HOME: work },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const timer = setTimeout(() => nvim.kill('SIGKILL'), TIMEOUT_MS);
const code = await new Promise((resolve) => nvim.on('exit', (c, signal) => resolve(signal ?? c)));
clearTimeout(timer);

const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : [];
if (results.length === 0) results.push({ name: `Neovim finished the script (exit ${code})`, ok: false, detail: 'no results written' });
for (const r of results) process.stdout.write(`  ${r.ok ? '✔' : '✘'} ${r.name}${r.ok ? '' : `\n      ${String(r.detail).split('\n').join('\n      ')}`}\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`nvim: ${results.length - failed} passed, ${failed} failed\n`);
rmSync(work, { recursive: true, force: true });
process.exitCode = failed || code !== 0 ? 1 : 0;
