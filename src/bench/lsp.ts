/**
 * The language server's speed as an editor meets it, the figures `npm run bench:editor` takes in
 * VS Code: one article open from the start with a misspelling planted in it (in the editor's
 * text; the folder is not written), the time from `initialize` to that misspelling's diagnostic
 * (open articles are analysed first), to its claims' hover cards reading as they do once the
 * folder is read, and to the whole folder's diagnostics (the end of the first analysis);
 * keystroke-to-diagnostic latency while the folder is being indexed and after; hover latency on
 * claims spread over the folder (median and p95); and the server's peak memory and CPU time (its
 * process, engine threads included). Runs `dist/cli.js lsp --stdio`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysisRequest } from '../server/protocol';
import { DEFAULT_SETTINGS } from '../server/settings';
import { findArticleFiles } from '../node/article-files';

const HOVERS = 60;
/** Typed misspellings per phase (during the first pass, after it). */
const EDITS = 10;
/** Words the engine flags with a confident correction: each edit types one at the end of the open article. */
const TYPOS = ['goverment', 'recieved', 'beleive', 'seperate', 'accomodate', 'occured', 'tommorow', 'definately', 'wierd', 'untill'];
/** The misspelling planted at start-up (in a sentence of its own after the first paragraph). */
const PLANTED = 'recieved';
/** How often the open article's claims are hovered while the folder is read, and how many. */
const CLAIM_POLL_MS = 250;
const CLAIMS_FOLLOWED = 6;

export interface Latency {
  edits: number;
  median: number;
  p95: number;
  /** Each edit's, in the order typed (a slow first edit is warm-up, a slow late one is not). */
  each: number[];
}

export interface LspTimings {
  /** To the diagnostic of the misspelling planted in the one article open from the start. */
  initializeToOpenArticleDiagnosticsMs: number;
  /** To the first claim card on a hover of that article, and to its claims' cards reading as they do at the end. */
  initializeToClaimCardMs: number | null;
  initializeToClaimsAnswerMs: number | null;
  /** To the end of the first analysis, when every article's diagnostics are out. */
  initializeToFolderDiagnosticsMs: number;
  articles: number;
  /** A typed misspelling to its diagnostic (the server's debounce, `debounceMs`, included). */
  keystrokeToDiagnosticMs: { debounceMs: number; duringFirstPass: Latency; afterFirstPass: Latency };
  hover: { requests: number; median: number; p95: number };
  /** The server process's peak resident memory (main and engine threads), from /proc. */
  serverPeakMemoryMB: number | null;
  /** The server process's CPU time (user + system, every thread) over the whole run, from /proc. */
  serverCpuMs: number | null;
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

/** CPU time (user + system, all threads) of a process so far (Linux), in ms. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The opened article's text with `PLANTED` in a sentence after its first paragraph (after the headline). */
function plant(text: string): string {
  const headline = text.indexOf('\n\n');
  const paragraph = headline < 0 ? -1 : text.indexOf('\n\n', headline + 2);
  const cut = paragraph < 0 ? text.length : paragraph;
  return `${text.slice(0, cut)} The council ${PLANTED} the letter on Monday.${text.slice(cut)}`;
}

const isClaimCard = (hover: unknown) => /(Corroborated|Single source|Copies only|Conflicting)\*\* claim/.test(JSON.stringify(hover ?? ''));

export async function benchLanguageServer(folder: string, cli = join(__dirname, 'cli.js')): Promise<LspTimings> {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const root = resolve(folder);
  const openPath = join(root, findArticleFiles(root, DEFAULT_SETTINGS.files, DEFAULT_SETTINGS.exclude)[0]);
  const openUri = pathToFileURL(openPath).href;
  let openDiagnostics: number | undefined;
  const published = new Set<string>();
  let planted: { line: number; character: number } | undefined;
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
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: { range: { start: { line: number; character: number } } }[] }) => {
    published.add(p.uri);
    if (p.uri !== openUri) return;
    if (openDiagnostics === undefined && planted && p.diagnostics.some((d) => d.range.start.line === planted!.line && d.range.start.character === planted!.character)) {
      openDiagnostics = performance.now();
      firstOpen();
    }
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
  let doc = TextDocument.create(openUri, 'plaintext', 1, plant(readFileSync(openPath, 'utf8')));
  const at = doc.positionAt(doc.getText().indexOf(PLANTED));
  planted = at;
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
  // The open article's claims, hovered every CLAIM_POLL_MS until just after the pass ends.
  const samples: { at: number; hovers: string[] }[] = [];
  const followClaims = (async () => {
    const first = await connection.sendRequest(DocumentAnalysisRequest, { uri: openUri });
    const claims = first?.analysis.claims ?? [];
    const step = Math.max(1, Math.floor(claims.length / CLAIMS_FOLLOWED));
    const positions = claims.filter((_, i) => i % step === 0).slice(0, CLAIMS_FOLLOWED).map((c) => TextDocument.create(openUri, 'plaintext', 0, first!.text).positionAt((c.start + c.end) >> 1));
    for (;;) {
      const ended = passEnded;
      const hovers = await Promise.all(positions.map((position) => connection.sendRequest('textDocument/hover', { textDocument: { uri: openUri }, position })));
      samples.push({ at: performance.now(), hovers: hovers.map((h) => JSON.stringify(h)) });
      if (ended || !positions.length) return;
      await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
    }
  })();
  const during: number[] = [];
  for (let i = 0; i < EDITS && !passEnded; i++) {
    const ms = await typeMisspelling(i);
    // Only edits answered before the pass ended count as "during".
    if (!passEnded) during.push(ms);
  }
  const tAnalysed = await done;
  await followClaims;
  const final = samples[samples.length - 1]?.hovers ?? [];
  let settled = samples.length;
  while (settled > 0 && samples[settled - 1].hovers.every((h, i) => h === final[i])) settled--;
  const firstCard = samples.find((s) => s.hovers.some(isClaimCard));
  const after: number[] = [];
  for (let i = 0; i < EDITS; i++) after.push(await typeMisspelling(i));

  // Claims of articles spread evenly over the folder; the hover is on the middle of each. Asked
  // article by article: the whole workspace in one answer would swell the server's peak memory,
  // which an editor never asks for.
  const files = findArticleFiles(root, DEFAULT_SETTINGS.files, DEFAULT_SETTINGS.exclude).map((f) => pathToFileURL(join(root, f)).href);
  const picked: { uri: string; offset: number }[] = [];
  for (let i = 0; i < files.length; i++) {
    const uri = files[Math.floor((i * files.length) / Math.min(HOVERS, files.length)) % files.length];
    if (picked.length >= HOVERS) break;
    if (uri === openUri) continue;
    const a = await connection.sendRequest(DocumentAnalysisRequest, { uri });
    const claim = a?.analysis.claims[Math.floor(a.analysis.claims.length / 2)];
    if (claim) picked.push({ uri, offset: (claim.start + claim.end) >> 1 });
  }
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
  const serverCpuMs = cpuMs(child.pid);

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  const hover = latency(timings);
  return {
    initializeToOpenArticleDiagnosticsMs: Math.round((openDiagnostics ?? Number.NaN) - t0),
    initializeToClaimCardMs: firstCard ? Math.round(firstCard.at - t0) : null,
    initializeToClaimsAnswerMs: final.some(isClaimCard) && samples[settled] ? Math.round(samples[settled].at - t0) : null,
    initializeToFolderDiagnosticsMs: Math.round(tAnalysed - t0),
    articles: published.size,
    keystrokeToDiagnosticMs: { debounceMs: DEFAULT_SETTINGS.debounce, duringFirstPass: latency(during), afterFirstPass: latency(after) },
    hover: { requests: hover.edits, median: hover.median, p95: hover.p95 },
    serverPeakMemoryMB,
    serverCpuMs,
  };
}
