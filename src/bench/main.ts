/**
 * `npm run bench -- <folder>`: analyses a folder of articles (the BBC folder by default,
 * given as a path) and prints JSON with wall time, words per second, peak memory, and the
 * time to re-analyse one edited document inside that corpus (median and p95).
 */
import { performance } from 'node:perf_hooks';
import { createEngine } from '../core/engine';
import { collectFiles, readDocument, DEFAULT_INCLUDE } from '../node/files';
import { loadResources } from '../node/resources';

const EDITS = 40;

function main(): void {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('Usage: npm run bench -- <folder of articles, e.g. ../shared/data/bbc>\n');
    process.exitCode = 2;
    return;
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const resources = loadResources();
  const tResources = performance.now();
  const engine = createEngine(resources, process.env.BENCH_CHECKS ? { checks: JSON.parse(process.env.BENCH_CHECKS) } : {});
  const tEngine = performance.now();

  const { files } = collectFiles([folder], DEFAULT_INCLUDE, process.cwd());
  const texts = new Map<string, string>();
  let words = 0;
  for (const file of files) {
    const doc = readDocument(file, process.cwd());
    if ('reason' in doc) continue;
    texts.set(doc.path, doc.text);
    words += doc.text.split(/\s+/).filter(Boolean).length;
  }
  const tRead = performance.now();
  for (const [id, text] of texts) engine.setDocument({ id, text });
  const tIndexed = performance.now();
  const analysis = engine.analyzeCorpus();
  const tAnalysed = performance.now();
  const cpu = process.cpuUsage(cpu0);

  // Re-analysis after an edit: a word changes in one document, the rest of the corpus stays.
  const ids = [...texts.keys()];
  const timings: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const id = ids[Math.floor(((i * 7919) % ids.length))];
    const text = texts.get(id)!;
    const edited = text.replace(/\bthe\b/, i % 2 ? 'a' : 'the the');
    const s = performance.now();
    engine.setDocument({ id, text: edited });
    engine.analyzeDocument(id);
    timings.push(performance.now() - s);
    engine.setDocument({ id, text });
  }
  timings.sort((a, b) => a - b);
  const ms = (x: number) => Math.round(x);
  const analysisSeconds = (tAnalysed - tRead) / 1000;
  process.stdout.write(
    JSON.stringify(
      {
        folder,
        documents: texts.size,
        words,
        claims: analysis.documents.reduce((n, d) => n + d.claims.length, 0),
        shownFindings: analysis.documents.reduce((n, d) => n + d.findings.filter((f) => f.severity !== 'hint').length, 0),
        copyGroups: analysis.copies.length,
        ms: {
          loadResources: ms(tResources - t0),
          createEngine: ms(tEngine - tResources),
          readFiles: ms(tRead - tEngine),
          parseAndIndex: ms(tIndexed - tRead),
          analyse: ms(tAnalysed - tIndexed),
          total: ms(tAnalysed - t0),
          // CPU time of the whole process up to here (GC threads included): steadier than wall time on a busy machine.
          cpu: ms((cpu.user + cpu.system) / 1000),
        },
        wordsPerSecond: Math.round(words / analysisSeconds),
        peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
        reanalyseOneDocumentMs: { edits: EDITS, median: round1(timings[Math.floor(EDITS / 2)]), p95: round1(timings[Math.floor(EDITS * 0.95)]) },
      },
      null,
      2,
    ) + '\n',
  );
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

main();
