/**
 * Near-verbatim sentences: the same wording with at most small edits, the mark of a passage
 * copied from one text into another rather than reported again.
 */

/** Word-bigram overlap (Jaccard) at or above which two sentences count as one copied passage. */
export const VERBATIM_JACCARD = 0.8;
/** Shorter sentences are too formulaic for identical wording to prove copying. */
const MIN_WORDS = 8;

/** True when two word sequences are the same passage with small edits. */
export function isNearVerbatim(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < MIN_WORDS || b.length < MIN_WORDS) return false;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared) >= VERBATIM_JACCARD;
}

const cache = new WeakMap<readonly string[], Set<string>>();

function bigrams(words: readonly string[]): Set<string> {
  const hit = cache.get(words);
  if (hit) return hit;
  const out = new Set<string>();
  cache.set(words, out);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}
