// `npm run bench:editor -- <folder> [--open <relative path>] [--runs N] [--profile <file>]`: the extension in a
// real VS Code (the extension-host tests' harness: code-server's VS Code server in headless
// Chromium, offline) on a temp copy of <folder> with one misspelling planted in one article
// (the folder itself is never written). Prints JSON: from the window opening to the planted
// misspelling's diagnostic and to the article's claims answering a hover as they do once the
// folder is read; edit → diagnostic over ten typed misspellings during the first pass and ten
// after (median, p95); hover latency; the extension host's and the language server's peak
// memory and CPU time (from /proc, threads included). See src/bench/editor-host.ts.
import { build } from 'esbuild';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root } from './setup.mjs';
import { buildExtension } from './manifest.mjs';
import { launchBrowser, startVSCodeServer, workbenchUrl } from './server.mjs';

const log = (msg) => process.stderr.write(`[bench:editor] ${msg}\n`);
const PLANTED = 'recieved';
const CLK_TCK = 100;

function parseArgs(argv) {
  const args = { folder: undefined, open: undefined, runs: 1 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--open') args.open = argv[++i];
    else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else if (argv[i] === '--profile') args.profile = resolve(argv[++i]);
    else args.folder ??= argv[i];
  }
  return args;
}

/** The articles under `dir` (relative, sorted), as the extension's default globs see them. */
function articles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (e.name.startsWith('.') || e.name === 'node_modules' ? [] : articles(dir, join(prefix, e.name))) : /\.(txt|md|markdown)$/.test(e.name) ? [join(prefix, e.name)] : []))
    .sort();
}

/** A temp copy of the folder with `PLANTED` in a new sentence at the end of the opened article's first paragraph after the headline. */
function plantedCopy(folder, open) {
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-editor-'));
  cpSync(folder, dir, { recursive: true });
  const relative = open ?? articles(dir)[0];
  const path = join(dir, relative);
  const text = readFileSync(path, 'utf8');
  const headline = text.indexOf('\n\n');
  const paragraph = headline < 0 ? -1 : text.indexOf('\n\n', headline + 2);
  const cut = paragraph < 0 ? text.length : paragraph;
  writeFileSync(path, `${text.slice(0, cut)} The council ${PLANTED} the letter on Monday.${text.slice(cut)}`);
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'files.autoSave': 'off' }));
  return { dir, path, relative };
}

/** Every process under `pid` (children first found through /proc/<pid>/task/<tid>/children). */
function descendants(pid) {
  const out = [];
  const walk = (p) => {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8');
      } catch {}
      for (const c of children.split(/\s+/).filter(Boolean).map(Number)) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(pid);
  return out;
}

/** Peak resident memory (MB) and CPU time (ms, user + system, all threads) of a live process. */
function usage(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { peakMB: Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK, cmdline };
  } catch {
    return undefined;
  }
}

async function runOnce(extensionTests, folder, open, profile) {
  const loadBefore = loadavg()[0];
  const copy = plantedCopy(folder, open);
  const out = join(mkdtempSync(join(tmpdir(), 'ss-bench-out-')), 'result.json');
  const server = await startVSCodeServer({
    extensionDevelopmentPath: root,
    extensionTestsPath: extensionTests,
    env: { SECOND_SOURCE_BENCH_OUT: out, SECOND_SOURCE_BENCH_OPEN: copy.path, SECOND_SOURCE_BENCH_PLANTED: PLANTED, SECOND_SOURCE_BENCH_PROFILE: profile ?? '' },
  });
  const browser = await launchBrowser();
  // The last reading of each process: peak memory only grows, CPU time too.
  const seen = new Map();
  const sample = () => {
    for (const pid of descendants(server.child.pid)) {
      const u = usage(pid);
      if (u) seen.set(pid, u);
    }
  };
  const sampler = setInterval(sample, 250);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const exit = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    const windowOpened = Date.now();
    await page.goto(workbenchUrl({ port: server.port, folder: copy.dir, extensionDevelopmentPath: root, extensionTestsPath: extensionTests }));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 20 * 60_000).unref());
    const code = await Promise.race([exit, timeout]);
    sample();
    if (code !== 0 || !existsSync(out)) throw new Error(`the bench in VS Code ended with ${code}; SECOND_SOURCE_TEST_VERBOSE=1 shows its log`);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    const host = seen.get(r.extensionHostPid);
    const lsp = [...seen.values()].find((u) => /cli\.js lsp/.test(u.cmdline));
    const since = (t) => (t == null ? null : t - windowOpened);
    return {
      opened: copy.relative,
      articles: r.articles,
      // From the window opening (page navigation), the user's start-up.
      firstDiagnosticMs: since(r.times.firstDiagnostic),
      firstClaimCardMs: since(r.times.firstClaimCard),
      claimsAnswerMs: since(r.times.claimsSettled),
      firstPassMs: since(r.times.passEnded),
      // How much of that the workbench took to start the extension host (our code runs from then on).
      extensionHostUpMs: since(r.times.started),
      firstDiagnosticAfterExtensionHostMs: r.times.firstDiagnostic - r.times.started,
      claimCardsFollowed: `${r.claimCardsAtEnd}/${r.claimsFollowed}`,
      editToDiagnosticMs: r.editToDiagnosticMs,
      editToChangeEventMs: r.editToChangeEventMs,
      editToDiagnosticsEventMs: r.editToDiagnosticsEventMs,
      hoverMs: r.hoverMs,
      memoryPeakMB: { extensionHost: host?.peakMB ?? null, languageServer: lsp?.peakMB ?? null },
      cpuMs: { extensionHost: host?.cpuMs ?? null, languageServer: lsp?.cpuMs ?? null },
      // The machine's load (1-minute average) before and after: on shared cores the wall times move with it.
      loadAverage: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 10) / 10),
    };
  } finally {
    clearInterval(sampler);
    await browser.close().catch(() => {});
    server.stop();
    rmSync(copy.dir, { recursive: true, force: true });
  }
}

async function main() {
  const { folder, open, runs, profile } = parseArgs(process.argv.slice(2));
  if (!folder) {
    process.stderr.write('Usage: npm run bench:editor -- <folder of articles> [--open <relative path>] [--runs N] [--profile <file.cpuprofile>]\n');
    process.exit(2);
  }
  await buildExtension();
  const extensionTests = join(root, 'dist', 'bench', 'editor-host.js');
  await build({ entryPoints: [join(root, 'src', 'bench', 'editor-host.ts')], outfile: extensionTests, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  const results = [];
  for (let i = 0; i < runs; i++) {
    log(`run ${i + 1}/${runs} on ${resolve(folder)}`);
    results.push(await runOnce(extensionTests, resolve(folder), open, profile && runs > 1 ? profile.replace(/(\.cpuprofile)?$/, `-${i + 1}.cpuprofile`) : profile));
  }
  process.stdout.write(`${JSON.stringify({ folder: resolve(folder), runs: results }, null, 2)}\n`);
  process.exit(0);
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
