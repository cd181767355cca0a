/**
 * Corroboration on the Microsoft Research Paraphrase Corpus, by the folder protocol: both
 * sentences of every pair become documents of one corpus, the corpus is analysed once, and a
 * pair counts as "same fact" when either side lists the other as evidence (corroborates or copy).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../core/engine';
import type { EngineOptions } from '../core/types';
import { loadResources } from '../node/resources';
import { DEFAULT_CORROBORATION_THRESHOLD } from '../core/corpus';

interface Pair {
  id: number;
  paraphrase: boolean;
  a: string;
  b: string;
}

/** Reads `msrp/msr_paraphrase_train.txt` (tab-separated; quotes are not field delimiters). */
export function readPairs(dataDir: string): Pair[] {
  const text = readFileSync(join(dataDir, 'msrp', 'msr_paraphrase_train.txt'), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line, id) => {
      const f = line.split('\t');
      return { id, paraphrase: f[0] === '1', a: f[3], b: f[4] };
    });
}

/** Runs the folder protocol and returns pairs, accuracy, precision, recall, F1, threshold and seconds. */
export async function evaluateCorroboration(dataDir: string, options: EngineOptions = {}): Promise<Record<string, unknown>> {
  const started = performance.now();
  const pairs = readPairs(dataDir);
  const engine = createEngine(loadResources(), {
    ...options,
    checks: { claims: true, spelling: false, names: false, compounds: false, style: false },
  });
  for (const p of pairs) {
    engine.setDocument({ id: `${p.id}-a.txt`, text: p.a });
    engine.setDocument({ id: `${p.id}-b.txt`, text: p.b });
  }
  const links = (from: string, to: string) =>
    engine.analyzeDocument(from).claims.some((c) => c.evidence.some((e) => e.docId === to && (e.relation === 'corroborates' || e.relation === 'copy')));
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const p of pairs) {
    const a = `${p.id}-a.txt`, b = `${p.id}-b.txt`;
    const same = links(a, b) || links(b, a);
    if (same && p.paraphrase) tp++;
    else if (same) fp++;
    else if (p.paraphrase) fn++;
    else tn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return {
    pairs: pairs.length,
    counts: { tp, fp, fn, tn },
    accuracy: r((tp + tn) / pairs.length),
    precision: r(precision),
    recall: r(recall),
    f1: r((2 * precision * recall) / Math.max(1e-9, precision + recall)),
    threshold: options.corroborationThreshold ?? DEFAULT_CORROBORATION_THRESHOLD,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
