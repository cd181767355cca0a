/**
 * Which spelling variety a document is written in: words only the British dictionary
 * accepts ("apologised", "colour") against words only the American one does.
 */
import type { Dialect } from '../types';
import { IN_GB, IN_US, type Lexicon } from './lexicon';
import type { Word } from './words';

/** British when British-only spellings outnumber American-only ones; American otherwise. */
export function detectDialect(words: ReadonlyArray<Word>, lexicon: Lexicon): Dialect {
  let gb = 0;
  let us = 0;
  for (const w of words) {
    if (!w.plain || w.capitalised) continue;
    const verdict = lexicon.verdict(w);
    const inUs = (verdict & IN_US) !== 0;
    const inGb = (verdict & IN_GB) !== 0;
    if (inGb && !inUs) gb++;
    else if (inUs && !inGb) us++;
  }
  return gb > us ? 'en-GB' : 'en-US';
}
