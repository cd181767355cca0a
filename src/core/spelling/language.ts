/**
 * Whether a document is English enough to spell-check. A French or German article would
 * otherwise drown in "misspellings" ("sur" → "sir"); it gets a note instead of findings.
 */
import type { Lexicon } from './lexicon';
import type { Word } from './words';

/** Fewer lower-case words than this say too little to judge; such a text is checked. */
const MIN_WORDS = 12;
/** English prose has well over nine in ten of its lower-case words in the dictionary. */
const MIN_ENGLISH_SHARE = 0.6;

/** The share of lower-case words an English dictionary knows, and whether that reads as English. */
export function englishShare(words: ReadonlyArray<Word>, lexicon: Pick<Lexicon, 'verdict'>): { english: boolean; share: number } {
  let judged = 0;
  let known = 0;
  for (const w of words) {
    // Names and sentence starts are capitalised in any language; numbers say nothing.
    if (w.capitalised || !/\p{L}/u.test(w.form)) continue;
    judged++;
    if (w.plain && lexicon.verdict(w) !== 0) known++;
  }
  const share = judged === 0 ? 1 : known / judged;
  return { english: judged < MIN_WORDS || share >= MIN_ENGLISH_SHARE, share };
}
