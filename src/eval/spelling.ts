/**
 * Measures the spelling check on real data (shared/data): real errors set into news
 * (spelling-dev, see spelling-dev.ts), noise on the BBC folder
 * (shown findings per 1,000 words), recall of Birkbeck split compounds set in real
 * sentences, and top-1 accuracy of suggestions on Norvig's test sets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../core/engine';
import { isShown } from '../core/shown';
import { createSpellChecker } from '../core/spelling';
import type { EngineResources } from '../core/types';
import { loadResources } from '../node/resources';
import { collectFiles, readDocument } from '../node/files';
import { measureSpellingDev } from './spelling-dev';

/** How many real sentences each Birkbeck split error is set in. */
const SENTENCES_PER_CASE = 3;

/** Runs the spelling measures; `dataDir` is the shared/data folder. */
export async function evaluateSpelling(dataDir: string, resources: EngineResources = loadResources()): Promise<Record<string, unknown>> {
  const bbc = readBbc(join(dataDir, 'bbc'));
  return {
    spellingDev: measureSpellingDev(join(dataDir, 'spelling-dev'), resources),
    bbc: measureBbc(bbc, resources),
    birkbeckCompounds: measureCompounds(join(dataDir, 'spelling', 'birkbeck-compounds-dev.tsv'), bbc, resources),
    norvig: measureNorvig(join(dataDir, 'spelling'), resources),
  };
}

function readBbc(dir: string): { id: string; text: string }[] {
  // The articles sit one folder down (business/, sport/, …); the folder's README does not count.
  const { files } = collectFiles(['.'], ['*/*.txt'], dir);
  return files.map((file) => readDocument(file, dir)).flatMap((doc) => ('reason' in doc ? [] : [{ id: doc.path, text: doc.text }]));
}

const wordCount = (text: string) => (text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? []).length;

function measureBbc(docs: { id: string; text: string }[], resources: EngineResources) {
  const engine = createEngine(resources, { checks: { claims: false } });
  const t0 = Date.now();
  for (const d of docs) engine.setDocument(d);
  const byRule: Record<string, number> = {};
  const examples: Record<string, string[]> = {};
  let shown = 0;
  let hints = 0;
  for (const id of engine.documentIds()) {
    for (const f of engine.analyzeDocument(id).findings) {
      if (f.severity === 'hint') {
        hints++;
        continue;
      }
      shown++;
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      const list = (examples[f.rule] ??= []);
      if (list.length < 15) list.push(`${f.text} → ${f.suggestions[0] ?? ''}`);
    }
  }
  const words = docs.reduce((s, d) => s + wordCount(d.text), 0);
  return { documents: docs.length, words, shownFindings: shown, perThousandWords: round3((shown * 1000) / words), hints, byRule, examples, seconds: (Date.now() - t0) / 1000 };
}

/**
 * Each split error ("news paper" for "newspaper") is set in up to three BBC sentences that
 * contain the correct form as a whole lower-case word, with the form replaced by the error
 * (a neutral carrier sentence when no BBC sentence has the word). Round k puts every
 * case's k-th sentence in one folder, one document per case, so no folder holds the same
 * error twice. Found = a shown split-compound finding on exactly the error's span whose
 * first suggestion is the correct form.
 */
function measureCompounds(path: string, bbc: { id: string; text: string }[], resources: EngineResources) {
  const rows = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split('\t'));
  const sentences = bbc.flatMap((d) => d.text.split(/(?<=[.!?])\s+|\n+/)).filter((s) => s.length > 20 && s.length < 300);
  const rounds: { id: string; text: string; error: string; correct: string; start: number }[][] = [[], [], []];
  for (const [error, correct, kind] of rows) {
    if (kind !== 'split') continue;
    const re = new RegExp(`(?<![\\w'-])${correct.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![\\w'-])`);
    const hits = sentences.filter((s) => re.test(s)).slice(0, SENTENCES_PER_CASE);
    const carriers = hits.length ? hits : [`They talked about the ${correct} for a while.`];
    carriers.forEach((s, k) => {
      const start = s.search(re);
      rounds[k].push({ id: error, text: s.slice(0, start) + error + s.slice(start + correct.length), error, correct, start });
    });
  }
  let found = 0;
  let cases = 0;
  const missed = new Set<string>();
  for (const round of rounds) {
    const engine = createEngine(resources, { checks: { claims: false } });
    for (const c of round) engine.setDocument({ id: c.id, text: c.text });
    for (const c of round) {
      cases++;
      const ok = engine.analyzeDocument(c.id).findings.some(
        (f) => isShown(f) && f.start === c.start && f.end === c.start + c.error.length && f.suggestions[0]?.toLowerCase() === c.correct.toLowerCase(),
      );
      if (ok) found++;
      else missed.add(c.error);
    }
  }
  return { cases, found, recall: round3(found / Math.max(1, cases)), missed: [...missed] };
}

function measureNorvig(dir: string, resources: EngineResources) {
  const checker = createSpellChecker(resources, {});
  const one = (file: string) => {
    let n = 0;
    let top1 = 0;
    for (const line of readFileSync(join(dir, file), 'utf8').trim().split(/\r?\n/)) {
      const [right, wrongs] = line.split(':');
      for (const wrong of wrongs.trim().split(/\s+/)) {
        n++;
        if (checker.suggest(wrong)[0] === right.trim()) top1++;
      }
    }
    return { n, top1: round3(top1 / n) };
  };
  return { set1: one('spell-testset1.txt'), set2: one('spell-testset2.txt') };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
