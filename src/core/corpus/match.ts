/**
 * Scores how far two sentences state the same fact: IDF-weighted alignment of their items
 * (same lemma, same name, WordNet synonym, same normalised number or date), measured from
 * both sides so that neither sentence may carry much the other lacks.
 */
import type { MatchReason } from '../types';
import type { SynonymLookup } from '../lexicon';
import type { Item, SentenceFeatures } from './features';

/** Tunable weights of the matcher; few and global on purpose. */
export const MATCH_WEIGHTS = {
  /** Credit for a WordNet synonym relative to an identical lemma. */
  synonym: 0.8,
  /** Extra weight of names: a different name usually means a different event. */
  name: 1.5,
  /** Extra weight of numbers and dates, for the same reason. */
  quantity: 1.5,
  /** Exponent on IDF: below 1 flattens the gap between rare and common words. */
  idfPower: 1,
  /** Credit for two words sharing a long common stem ("investigation" ~ "investigate"). */
  stem: 0,
  /** 0 = harmonic mean of the two coverages, 1 = arithmetic mean. */
  arithmetic: 0,
};

/** The outcome of comparing a claim with a source sentence. */
export interface MatchResult {
  /** 0..1, both-sided coverage of weighted items. */
  score: number;
  /** The same, ignoring numbers and dates: used to tell a conflict from a different fact. */
  contentScore: number;
  reasons: MatchReason[];
  /** Same kind of number or date with different values on each side. */
  conflict?: { claim: string; source: string };
  /** True when every name on each side is found on the other. */
  namesAgree: boolean;
}

const weightOf = (item: Item, idf: (key: string) => number) =>
  Math.pow(idf(item.key), MATCH_WEIGHTS.idfPower) * (item.kind === 'name' ? MATCH_WEIGHTS.name : item.kind === 'word' ? 1 : MATCH_WEIGHTS.quantity);

/** Compares claim `a` with source `b`. `idf` gives term weights from the live index. */
export function matchSentences(a: SentenceFeatures, b: SentenceFeatures, idf: (key: string) => number, synonyms: SynonymLookup): MatchResult {
  const reasons: MatchReason[] = [];
  const bByKey = new Map<string, Item>();
  for (const it of b.items) if (!bByKey.has(it.key)) bByKey.set(it.key, it);
  const matchedB = new Set<string>();
  const seenA = new Set<string>();
  let totalA = 0, gotA = 0, contentTotalA = 0, contentGotA = 0;
  let unmatchedNames = 0;

  for (const it of a.items) {
    if (seenA.has(it.key)) continue;
    seenA.add(it.key);
    const w = weightOf(it, idf);
    const content = it.kind === 'word' || it.kind === 'name';
    totalA += w;
    if (content) contentTotalA += w;
    let credit = 0;
    const same = bByKey.get(it.key);
    if (same) {
      credit = 1;
      matchedB.add(it.key);
      reasons.push({ kind: it.kind === 'word' ? 'lemma' : it.kind, claim: it.surface, source: same.surface });
    } else if (it.kind === 'word') {
      const syn = b.items.find((o) => o.kind === 'word' && !matchedB.has(o.key) && synonyms.areSynonyms(it.key, o.key));
      if (syn) {
        credit = MATCH_WEIGHTS.synonym;
        matchedB.add(syn.key);
        reasons.push({ kind: 'synonym', claim: it.surface, source: syn.surface });
      } else if (MATCH_WEIGHTS.stem > 0) {
        const st = b.items.find((o) => o.kind === 'word' && !matchedB.has(o.key) && sameStem(it.key, o.key));
        if (st) {
          credit = MATCH_WEIGHTS.stem;
          matchedB.add(st.key);
          reasons.push({ kind: 'lemma', claim: it.surface, source: st.surface });
        }
      }
    } else if (it.kind === 'name') unmatchedNames++;
    gotA += w * credit;
    if (content) contentGotA += w * credit;
  }

  let totalB = 0, gotB = 0, contentTotalB = 0, contentGotB = 0;
  const seenB = new Set<string>();
  for (const it of b.items) {
    if (seenB.has(it.key)) continue;
    seenB.add(it.key);
    const w = weightOf(it, idf);
    const content = it.kind === 'word' || it.kind === 'name';
    totalB += w;
    if (content) contentTotalB += w;
    let credit = 0;
    if (seenA.has(it.key)) credit = 1;
    else if (matchedB.has(it.key)) credit = MATCH_WEIGHTS.synonym;
    else if (it.kind === 'name') unmatchedNames++;
    gotB += w * credit;
    if (content) contentGotB += w * credit;
  }

  const f = (x: number, y: number) => MATCH_WEIGHTS.arithmetic * (x + y) / 2 + (1 - MATCH_WEIGHTS.arithmetic) * (x + y === 0 ? 0 : (2 * x * y) / (x + y));
  const score = f(totalA ? gotA / totalA : 0, totalB ? gotB / totalB : 0);
  const contentScore = f(contentTotalA ? contentGotA / contentTotalA : 0, contentTotalB ? contentGotB / contentTotalB : 0);
  return { score, contentScore, reasons, conflict: findConflict(a, b), namesAgree: unmatchedNames === 0 };
}

/** Derived forms share a long stem: "investigation" ~ "investigate", "announcement" ~ "announced". */
function sameStem(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  if (n < 5) return false;
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i >= 5 && i >= n - 2;
}

/** A number with the same unit, or a date of the same kind, that differs between the two sentences. */
export function findConflict(a: SentenceFeatures, b: SentenceFeatures): { claim: string; source: string } | undefined {
  for (const qa of a.quantities) {
    const sameUnit = b.quantities.filter((qb) => qb.unit === qa.unit && qa.unit !== '');
    if (sameUnit.length > 0 && !sameUnit.some((qb) => qb.value === qa.value)) {
      // Only when A has no other figure of that unit that B shares (lists of figures are not conflicts).
      const shared = a.quantities.some((x) => x.unit === qa.unit && sameUnit.some((qb) => qb.value === x.value));
      if (!shared) return { claim: qa.text, source: sameUnit[0].text };
    }
  }
  for (const kind of ['y', 'md'] as const) {
    const pick = (keys: string[]) => keys.filter((k) => (kind === 'y' ? k.startsWith('y') : /^m\d+-d/.test(k)));
    const da = a.dates.filter((d) => pick(d.keys).length > 0);
    const db = b.dates.filter((d) => pick(d.keys).length > 0);
    if (da.length === 0 || db.length === 0) continue;
    const ka = new Set(da.flatMap((d) => pick(d.keys)));
    if (!db.some((d) => pick(d.keys).some((k) => ka.has(k)))) return { claim: da[0].text, source: db[0].text };
  }
  return undefined;
}
