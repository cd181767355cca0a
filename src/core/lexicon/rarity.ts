/**
 * How rare a word is in general English, from the SUBTLEX-US counts the faces load: the
 * natural log of its inverse frequency. A word SUBTLEX lacks ("Xiaomi", "smartphone") is
 * as rare as one seen once.
 */

/** Rarity of a lower-case word or lemma; higher is rarer (about 3.5 for "the", 17.7 for an unknown word). */
export type WordRarity = (lower: string) => number;

/** Builds the look-up; without counts every word is equally rare. */
export function createWordRarity(counts: ReadonlyArray<readonly [word: string, count: number]> | undefined): WordRarity {
  if (!counts || counts.length === 0) return () => 10;
  const byWord = new Map<string, number>();
  let total = 0;
  for (const [word, n] of counts) {
    const lower = word.toLowerCase();
    byWord.set(lower, (byWord.get(lower) ?? 0) + n);
    total += n;
  }
  return (lower) => Math.log((total + 1) / ((byWord.get(lower) ?? 0) + 1));
}
