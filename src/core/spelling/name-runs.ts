/**
 * Capitalised runs as evidence of a name: a writer who capitalises two or more words in a row
 * inside ordinary prose ("according to Kantar Worldpanel ComTech") is writing a proper name, so a
 * word of the run the dictionary lacks is a name, not a slip to hint at. In a title-case line
 * ("AI Excites But Stresses CIOs, IDC Expereo Finds") every word has a capital and the capitals
 * say nothing, so its runs are no evidence.
 */
import { spaceBetween, type Word } from './words';

/** A sentence with no lower-case word of this length or more is read as title case. */
const PROSE_WORD_MIN = 4;

/** Start offsets of the words that stand in a run of two or more capitalised words within prose. */
export function nameRunWords(words: ReadonlyArray<Word>, text: string): Set<number> {
  const out = new Set<number>();
  const prose = new Set<number>();
  for (const w of words) if (!w.capitalised && w.plain && w.form.length >= PROSE_WORD_MIN) prose.add(w.sentence);
  let runStart = 0;
  for (let i = 1; i <= words.length; i++) {
    const prev = words[i - 1];
    const w = words[i];
    const joined = w !== undefined && w.capitalised && prev.capitalised && w.sentence === prev.sentence && spaceBetween(text, prev, w);
    if (joined) continue;
    // The run is words[runStart .. i-1]; a lone capitalised word (or none) is no run.
    if (i - runStart >= 2 && prose.has(prev.sentence)) for (let j = runStart; j < i; j++) out.add(words[j].start);
    runStart = i;
  }
  return out;
}
