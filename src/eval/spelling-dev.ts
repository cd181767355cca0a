/**
 * Measures the spelling check on spelling-dev (shared/data): real errors set into the ECB+ dev
 * articles, scored as the data README says. Only shown findings (warning, information) count.
 * Per kind: recall (a shown finding overlaps the injection) and top-1 (applying its first
 * suggestion restores the correct text); false alarms are shown findings that overlap no
 * injection, per 1,000 `\w+` words.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../core/engine';
import { isShown } from '../core/shown';
import type { EngineResources, Finding } from '../core/types';

/** One error set into an article (`injections.tsv`). */
interface Injection {
  doc: string;
  start: number;
  end: number;
  injected: string;
  correct: string;
  kind: string;
}

/** Runs the spelling-dev measure; `dir` is shared/data/spelling-dev. Undefined when the folder is missing. */
export function measureSpellingDev(dir: string, resources: EngineResources): Record<string, unknown> | undefined {
  if (!existsSync(join(dir, 'injections.tsv'))) return undefined;
  const injections = readInjections(join(dir, 'injections.tsv'));
  const docsDir = join(dir, 'docs');
  const texts = new Map(readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(join(docsDir, f), 'utf8')] as const));
  const engine = createEngine(resources, { checks: { claims: false } });
  for (const [id, text] of texts) engine.setDocument({ id, text });
  const shownByDoc = new Map<string, Finding[]>();
  for (const id of texts.keys()) shownByDoc.set(id, engine.analyzeDocument(id).findings.filter(isShown));

  const overlaps = (f: Finding, i: Injection) => f.start < i.end && i.start < f.end;
  const kinds: Record<string, { n: number; shown: number; top1: number; missed: string[]; wrongFix: string[] }> = {};
  for (const inj of injections) {
    const k = (kinds[inj.kind] ??= { n: 0, shown: 0, top1: 0, missed: [], wrongFix: [] });
    k.n++;
    const hit = (shownByDoc.get(inj.doc) ?? []).find((f) => overlaps(f, inj));
    if (!hit) {
      k.missed.push(`${inj.injected} (${inj.correct})`);
      continue;
    }
    k.shown++;
    if (restores(texts.get(inj.doc)!, hit, inj)) k.top1++;
    else k.wrongFix.push(`${hit.text} → ${hit.suggestions[0] ?? '∅'} (${inj.correct})`);
  }
  const falseAlarms: string[] = [];
  for (const [id, findings] of shownByDoc) {
    for (const f of findings) {
      if (!injections.some((i) => i.doc === id && overlaps(f, i))) falseAlarms.push(`${id}: ${f.text} → ${f.suggestions[0] ?? ''} (${f.rule})`);
    }
  }
  const words = [...texts.values()].reduce((s, t) => s + (t.match(/\w+/g) ?? []).length, 0);
  const perKind = Object.fromEntries(
    Object.entries(kinds).map(([kind, k]) => [kind, { n: k.n, recall: round3(k.shown / k.n), top1: round3(k.top1 / k.n), missed: k.missed, wrongFix: k.wrongFix }]),
  );
  return { documents: texts.size, words, ...perKind, falseAlarms: falseAlarms.length, falseAlarmsPerThousandWords: round3((falseAlarms.length * 1000) / words), falseAlarmExamples: falseAlarms };
}

// Applying the first suggestion to the finding's span restores the text the injection replaced.
function restores(text: string, f: Finding, inj: Injection): boolean {
  const fix = f.suggestions[0];
  if (fix === undefined) return false;
  const fixed = text.slice(0, f.start) + fix + text.slice(f.end);
  const original = text.slice(0, inj.start) + inj.correct + text.slice(inj.end);
  // Compare the neighbourhood: other findings elsewhere in the document do not matter here.
  const from = Math.min(f.start, inj.start);
  const shift = fix.length - (f.end - f.start);
  const shiftOriginal = inj.correct.length - (inj.end - inj.start);
  const to = Math.max(f.end, inj.end);
  return fixed.slice(from, to + shift) === original.slice(from, to + shiftOriginal);
}

function readInjections(path: string): Injection[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [doc, start, end, injected, correct, kind] = line.split('\t');
      return { doc, start: Number(start), end: Number(end), injected, correct, kind };
    });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
