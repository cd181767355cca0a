/**
 * The language server's speed as an editor meets it: one article open from the start, the time
 * from `initialize` to its diagnostics (open articles are analysed first) and to the whole
 * folder's (the end of the first analysis); keystroke-to-diagnostic latency while the folder is
 * being indexed and after; hover latency on claims spread over the folder (median and p95);
 * and the server's peak memory (its process, engine thread included). Runs `dist/cli.js lsp --stdio`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceAnalysisRequest } from '../server/protocol';
import { DEFAULT_SETTINGS } from '../server/settings';
import { findArticleFiles } from '../node/article-files';

const HOVERS = 60;
/** Typed misspellings per phase (during the first pass, after it). */
const EDITS = 10;
/** Words the engine flags with a confident correction: each edit types one at the end of the open article. */
const TYPOS = ['goverment', 'recieved', 'beleive', 'seperate', 'accomodate', 'occured', 'tommorow', 'definately', 'wierd', 'untill'];

export interface Latency {
  edits: number;
  median: number;
  p95: number;
  /** Each edit's, in the order typed (a slow first edit is warm-up, a slow late one is not). */
  each: number[];
}

export interface LspTimings {
  /** To the diagnostics of the one article open from the start. */
  initializeToOpenArticleDiagnosticsMs: number;
  /** To the end of the first analysis, when every article's diagnostics are out. */
  initializeToFolderDiagnosticsMs: number;
  articles: number;
  /** A typed misspelling to its diagnostic (the server's debounce, `debounceMs`, included). */
  keystrokeToDiagnosticMs: { debounceMs: number; duringFirstPass: Latency; afterFirstPass: Latency };
  hover: { requests: number; median: number; p95: number };
  /** The server process's peak resident memory (main and engine threads), from /proc. */
  serverPeakMemoryMB: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const latency = (timings: number[]): Latency => {
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    edits: sorted.length,
    median: round1(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
    p95: round1(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN),
    each: timings.map(Math.round),
  };
};

/** Peak resident memory of a process (Linux), in MB. */
function peakMemoryMB(pid: number | undefined): number | null {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? Math.round(Number(hwm[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export async function benchLanguageServer(folder: string, cli = join(__dirname, 'cli.js')): Promise<LspTimings> {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const root = resolve(folder);
  const openPath = join(root, findArticleFiles(root, DEFAULT_SETTINGS.files, DEFAULT_SETTINGS.exclude)[0]);
  const openUri = pathToFileURL(openPath).href;
  let openDiagnostics: number | undefined;
  let firstOpen: () => void = () => undefined;
  const opened = new Promise<void>((r) => (firstOpen = r));
  let analysed: () => void = () => undefined;
  let passEnded = false;
  const done = new Promise<number>((r) => (analysed = () => r(performance.now())));
  // Each typed misspelling waits for the diagnostics of its version that flag it.
  let awaited: { version: number; line: number; resolve: () => void } | undefined;
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
    if (p.value.kind !== 'end' || passEnded) return;
    passEnded = true;
    analysed();
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: { range: { start: { line: number } } }[] }) => {
    if (p.uri !== openUri) return;
    openDiagnostics ??= performance.now();
    firstOpen();
    if (awaited && p.version === awaited.version && p.diagnostics.some((d) => d.range.start.line === awaited!.line)) awaited.resolve();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const t0 = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  let doc = TextDocument.create(openUri, 'plaintext', 1, readFileSync(openPath, 'utf8'));
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'plaintext', version: 1, text: doc.getText() } });

  // Types a misspelling as a new last line of the open article; resolves with the time to its diagnostic.
  const typeMisspelling = async (i: number): Promise<number> => {
    const end = doc.positionAt(doc.getText().length);
    const change = { range: { start: end, end }, text: `\nThey said the ${TYPOS[i % TYPOS.length]} was late.` };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    const flagged = new Promise<void>((r) => (awaited = { version: doc.version, line: end.line + 1, resolve: r }));
    const s = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: openUri, version: doc.version }, contentChanges: [change] });
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostic for edit ${i} within 30 s`)), 30_000));
    await Promise.race([flagged, timeout]);
    awaited = undefined;
    return performance.now() - s;
  };

  await opened;
  const during: number[] = [];
  for (let i = 0; i < EDITS && !passEnded; i++) {
    const ms = await typeMisspelling(i);
    // Only edits answered before the pass ended count as "during".
    if (!passEnded) during.push(ms);
  }
  const tAnalysed = await done;
  const after: number[] = [];
  for (let i = 0; i < EDITS; i++) after.push(await typeMisspelling(i));

  // Claims spread evenly over the folder; the hover is on the middle of each.
  const ws = await connection.sendRequest(WorkspaceAnalysisRequest);
  const claims = ws.articles.filter((a) => a.uri !== openUri).flatMap((a) => a.analysis.claims.map((c) => ({ uri: a.uri, offset: (c.start + c.end) >> 1 })));
  const picked = Array.from({ length: Math.min(HOVERS, claims.length) }, (_, i) => claims[Math.floor((i * claims.length) / Math.min(HOVERS, claims.length))]);
  const texts = new Map<string, TextDocument>();
  const timings: number[] = [];
  for (const { uri, offset } of picked) {
    if (!texts.has(uri)) texts.set(uri, TextDocument.create(uri, 'plaintext', 0, readFileSync(fileURLToPath(uri), 'utf8')));
    const position = texts.get(uri)!.positionAt(offset);
    const s = performance.now();
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    timings.push(performance.now() - s);
    if (!hover) throw new Error(`no hover on a claim of ${uri}`);
  }
  const serverPeakMemoryMB = peakMemoryMB(child.pid);

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  const hover = latency(timings);
  return {
    initializeToOpenArticleDiagnosticsMs: Math.round((openDiagnostics ?? Number.NaN) - t0),
    initializeToFolderDiagnosticsMs: Math.round(tAnalysed - t0),
    articles: ws.articles.length,
    keystrokeToDiagnosticMs: { debounceMs: DEFAULT_SETTINGS.debounce, duringFirstPass: latency(during), afterFirstPass: latency(after) },
    hover: { requests: hover.edits, median: hover.median, p95: hover.p95 },
    serverPeakMemoryMB,
  };
}
