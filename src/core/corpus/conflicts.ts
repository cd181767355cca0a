/**
 * Conflicts: the same kind of figure or date with a different value on each side
 * ("released in three months" against "in 6 months"). Whether the two sentences state the
 * same fact is the scoring policy's question (`match.ts`); this only finds the differing values.
 */
import { sameFigure } from '../lexicon';
import type { SentenceFeatures } from './features';

/** The differing values as written, and the token of the claim's value (to find its fact). */
export interface Conflict {
  claim: string;
  source: string;
  /** Index in the claim sentence's tokens of the first token of its value. */
  claimToken: number;
}

/** A number with the same unit, or a date of the same kind, that differs between the two sentences. */
export function findConflict(a: SentenceFeatures, b: SentenceFeatures): Conflict | undefined {
  return figureConflict(a, b) ?? dateConflict(a, b);
}

function figureConflict(a: SentenceFeatures, b: SentenceFeatures): Conflict | undefined {
  // The matcher asks of every pair it scores; most hold a figure on one side at most.
  if (b.quantities.length === 0) return undefined;
  for (const qa of a.quantities) {
    const sameUnit = b.quantities.filter((qb) => qb.unit === qa.unit && qa.unit !== '');
    if (sameUnit.length > 0 && !sameUnit.some((qb) => sameFigure(qb, qa))) {
      // Only when A has no other figure of that unit that B shares (lists of figures are not conflicts).
      const shared = a.quantities.some((x) => x.unit === qa.unit && sameUnit.some((qb) => sameFigure(qb, x)));
      if (!shared) return { claim: qa.text, source: sameUnit[0].text, claimToken: qa.first };
    }
  }
  return undefined;
}

function dateConflict(a: SentenceFeatures, b: SentenceFeatures): Conflict | undefined {
  if (a.dates.length === 0 || b.dates.length === 0) return undefined;
  for (const kind of ['y', 'md'] as const) {
    const pick = (keys: string[]) => keys.filter((k) => (kind === 'y' ? k.startsWith('y') : /^m\d+-d/.test(k)));
    const da = a.dates.filter((d) => pick(d.keys).length > 0);
    const db = b.dates.filter((d) => pick(d.keys).length > 0);
    if (da.length === 0 || db.length === 0) continue;
    const ka = new Set(da.flatMap((d) => pick(d.keys)));
    if (!db.some((d) => pick(d.keys).some((k) => ka.has(k)))) return { claim: da[0].text, source: db[0].text, claimToken: da[0].first };
  }
  return undefined;
}
