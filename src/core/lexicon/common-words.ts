/**
 * Common words from a Hunspell dictionary's word list (lower-case stems): a capitalised word
 * at the start of a sentence is a name only when the dictionary does not list it in lower case.
 */
import type { HunspellDictionary } from '../types';

const byDictionary = new WeakMap<HunspellDictionary, Set<string>>();

/** The lower-case stems of a Hunspell `.dic` file (shared: do not modify). */
export function commonWordsFromDic(dictionary: HunspellDictionary | undefined): ReadonlySet<string> {
  if (!dictionary) return new Set();
  // Every engine made over the same resources (the editor rebuilds one on each settings change) shares the set.
  const cached = byDictionary.get(dictionary);
  if (cached) return cached;
  const out = new Set<string>();
  byDictionary.set(dictionary, out);
  const text = typeof dictionary.dic === 'string' ? dictionary.dic : new TextDecoder().decode(dictionary.dic);
  for (const line of text.split('\n')) {
    const stem = line.split('/', 1)[0].trim();
    if (stem !== '' && stem === stem.toLowerCase() && /^\p{Ll}/u.test(stem)) out.add(stem);
  }
  return out;
}
