/**
 * Which spelling variety a document is written in: words only the British dictionary
 * accepts ("apologised", "colour") against words only the American one does.
 */
import type { Dialect } from '../types';
import type { Lexicon } from './lexicon';
import type { Word } from './words';

/** British when British-only spellings outnumber American-only ones; American otherwise. */
export function detectDialect(words: ReadonlyArray<Word>, lexicon: Lexicon): Dialect {
  let gb = 0;
  let us = 0;
  for (const w of words) {
    if (!w.plain || w.capitalised) continue;
    const inUs = lexicon.accepts(w.form, 'en-US');
    const inGb = lexicon.accepts(w.form, 'en-GB');
    if (inGb && !inUs) gb++;
    else if (inUs && !inGb) us++;
  }
  return gb > us ? 'en-GB' : 'en-US';
}
