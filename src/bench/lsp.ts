/**
 * The language server's speed as an editor meets it: one article open from the start, the time
 * from `initialize` to its diagnostics (open articles are analysed first) and to the whole
 * folder's (the end of the first analysis), then hover latency on claims spread over the
 * folder (median and p95). Runs `dist/cli.js lsp --stdio`.
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

export interface LspTimings {
  /** To the diagnostics of the one article open from the start. */
  initializeToOpenArticleDiagnosticsMs: number;
  /** To the end of the first analysis, when every article's diagnostics are out. */
  initializeToFolderDiagnosticsMs: number;
  articles: number;
  hover: { requests: number; median: number; p95: number };
}

export async function benchLanguageServer(folder: string, cli = join(__dirname, 'cli.js')): Promise<LspTimings> {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const root = resolve(folder);
  const openPath = join(root, findArticleFiles(root, DEFAULT_SETTINGS.files, DEFAULT_SETTINGS.exclude)[0]);
  const openUri = pathToFileURL(openPath).href;
  let openDiagnostics: number | undefined;
  let analysed: () => void = () => undefined;
  const done = new Promise<number>((r) => (analysed = () => r(performance.now())));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onNotification('$/progress', (p: { value: { kind: string } }) => p.value.kind === 'end' && analysed());
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    if (p.uri === openUri) openDiagnostics ??= performance.now();
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
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'plaintext', version: 1, text: readFileSync(openPath, 'utf8') } });
  const tAnalysed = await done;

  // Claims spread evenly over the folder; the hover is on the middle of each.
  const ws = await connection.sendRequest(WorkspaceAnalysisRequest);
  const claims = ws.articles.flatMap((a) => a.analysis.claims.map((c) => ({ uri: a.uri, offset: (c.start + c.end) >> 1 })));
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
  timings.sort((a, b) => a - b);

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    initializeToOpenArticleDiagnosticsMs: Math.round((openDiagnostics ?? Number.NaN) - t0),
    initializeToFolderDiagnosticsMs: Math.round(tAnalysed - t0),
    articles: ws.articles.length,
    hover: { requests: timings.length, median: round1(timings[Math.floor(timings.length / 2)]), p95: round1(timings[Math.min(timings.length - 1, Math.floor(timings.length * 0.95))]) },
  };
}
