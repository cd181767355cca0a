/**
 * Lemmas with wink-lemmatizer: "refused" → "refuse", "allegations" → "allegation".
 * Without a part-of-speech tagger the verb reading is tried first, then noun, then adjective.
 */
import type winkLemmatizer from 'wink-lemmatizer';

// Loaded at the first lemma, not with this module: its word lists take ~0.2 s to set up, and a
// face that runs only the spelling checks (the CLI's main thread) never asks for a lemma. The
// bundler resolves this require like an import, for Node and for the web alike.
let loaded: typeof winkLemmatizer | undefined;
const lemmatizer = () => (loaded ??= (require('wink-lemmatizer') as typeof winkLemmatizer));

const cache = new Map<string, string>();

/** The dictionary form of a lower-case word; the word itself when no rule applies. */
export function lemmatize(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let lemma = word;
  if (/^[a-z][a-z'-]*$/.test(word)) {
    const verb = lemmatizer().verb(word);
    if (verb !== word) lemma = verb;
    else {
      const noun = lemmatizer().noun(word);
      // Very short stems are usually a wrong rule ("its" → "it"), so they are not taken.
      if (noun !== word && noun.length >= 3) lemma = noun;
      else {
        const adjective = lemmatizer().adjective(word);
        if (adjective !== word) lemma = adjective;
      }
    }
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(word, lemma);
  return lemma;
}
