/**
 * `npm run bench -- <folder>`: analyses a folder of articles (e.g. the BBC folder) and prints
 * JSON: the batch run as the CLI does it (two threads: claims and spellings), with wall time,
 * CPU time, words per second and peak memory; then the editor's case — one engine holding the
 * corpus — and the time to re-analyse one edited document inside it (median and p95); then the
 * language server: `initialize` to the first diagnostics, and hover latency (see ./lsp).
 */
import { existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../core/engine';
import { shownCount } from '../core/shown';
import type { SourceDocument } from '../core/types';
import { collectFiles, readDocument, DEFAULT_INCLUDE } from '../node/files';
import { defaultDataDir, loadResources } from '../node/resources';
import { startCorpusSplit } from '../node/split-analysis';
import { benchLanguageServer } from './lsp';

const EDITS = 40;

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder || folder.startsWith('-') || !existsSync(folder) || !statSync(folder).isDirectory()) {
    if (folder && !folder.startsWith('-')) process.stderr.write(`second-source bench: not a folder: ${folder}\n`);
    process.stderr.write('Usage: npm run bench -- <folder of articles, e.g. ../shared/data/bbc> [--lsp-only]\n');
    process.exitCode = 2;
    return;
  }
  // The language server alone, for a quick look after changing it (the rest takes minutes on the BBC folder).
  if (process.argv.includes('--lsp-only')) {
    process.stdout.write(`${JSON.stringify({ folder, languageServer: await benchLanguageServer(folder) }, null, 2)}\n`);
    return;
  }
  const ms = (x: number) => Math.round(x);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const dataDir = defaultDataDir();
  const split = startCorpusSplit(dataDir);
  const resources = loadResources(dataDir);
  const tResources = performance.now();

  const { files } = collectFiles([folder], DEFAULT_INCLUDE, process.cwd());
  const documents: SourceDocument[] = [];
  let words = 0;
  for (const file of files) {
    const doc = readDocument(file, process.cwd());
    if ('reason' in doc) continue;
    documents.push({ id: doc.path, text: doc.text });
    words += doc.text.split(/\s+/).filter(Boolean).length;
  }
  const tRead = performance.now();
  const analysis = await split.analyze(documents, () => resources);
  const tAnalysed = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const batchRss = process.resourceUsage().maxRSS;

  // The editor's case: one engine holds the corpus; a word changes in one document.
  const engine = createEngine(resources);
  const tEngine0 = performance.now();
  for (const doc of documents) engine.setDocument(doc);
  engine.analyzeCorpus();
  const tEngine = performance.now();
  // Two kinds of keystroke: a function word (most of typing: the document's story profile stays
  // as it was) and a typo in the lead's first long word (the profile, and so the stories, change).
  const reanalyse = (edit: (text: string, i: number) => string) => {
    const timings: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const doc = documents[(i * 7919) % documents.length];
      const s = performance.now();
      engine.setDocument({ id: doc.id, text: edit(doc.text, i) });
      engine.analyzeDocument(doc.id);
      timings.push(performance.now() - s);
      // The undo is an edit of its own, analysed as the editor would before the next keystroke:
      // left pending, its indexing was counted in the next edit's time.
      engine.setDocument(doc);
      engine.analyzeDocument(doc.id);
    }
    timings.sort((a, b) => a - b);
    return { edits: EDITS, median: round1(timings[Math.floor(EDITS / 2)]), p95: round1(timings[Math.floor(EDITS * 0.95)]) };
  };
  const functionWord = reanalyse((text, i) => text.replace(/\bthe\b/, i % 2 ? 'a' : 'the the'));
  const wordTypo = reanalyse((text) => text.replace(/\b(\p{L}{6,})\b/u, (w) => `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`));
  const languageServer = await benchLanguageServer(folder);

  const seconds = (tAnalysed - tRead) / 1000;
  const result = {
    folder,
    documents: documents.length,
    words,
    claims: analysis.documents.reduce((n, d) => n + d.claims.length, 0),
    shownFindings: analysis.documents.reduce((n, d) => n + shownCount(d.findings), 0),
    copyGroups: analysis.copies.length,
    batch: {
      ms: { loadResources: ms(tResources - t0), readFiles: ms(tRead - tResources), analyse: ms(tAnalysed - tRead), total: ms(tAnalysed - t0) },
      // CPU time of both threads (and GC): what the run costs, steadier than wall time on a busy machine.
      cpuMs: ms((cpu.user + cpu.system) / 1000),
      wordsPerSecond: Math.round(words / seconds),
      peakMemoryMB: Math.round(batchRss / 1024),
    },
    editor: {
      analyseCorpusMs: ms(tEngine - tEngine0),
      reanalyseOneDocumentMs: functionWord,
      reanalyseAfterWordTypoMs: wordTypo,
    },
    languageServer,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
