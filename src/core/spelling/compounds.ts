/**
 * Split compounds: two words written apart that are one ("news paper" → "newspaper").
 * Evidence is lexical: the joined word is in the dictionary and is written far more
 * often than the pair would occur by chance, or one half is not a word at all
 * ("to gether"). A pair the folder itself writes more than once is deliberate. A content word
 * followed by a preposition, particle or conjunction is read as the two words it is: a phrasal
 * verb or a phrase boundary ("pile up", "dug out", "fell as much", "success or failure").
 */
import type { Dialect, Finding } from '../types';
import type { Lexicon } from './lexicon';
import { pairItem, type FolderVocabulary } from './vocabulary';
import { spaceBetween, type Word } from './words';
import { CONNECTIVES, STOPWORDS } from '../lexicon/stopwords';
import { DETERMINERS, isPhraseInContext } from './phrase-context';

/**
 * The joined word must be at least this many times more frequent (SUBTLEX) than the two
 * halves side by side would be if words were independent: an order of magnitude.
 */
export const ASSOCIATION_MIN = 10;
/** An apostrophe or hyphen: such a word is not half of a closed compound. */
const MARK = /['-]/;
/** A pair the folder writes in this many different contexts is a deliberate two-word form. */
const FOLDER_CONSISTENT = 2;

// Closing double quotes too: text decoded with the wrong code page writes "Drake ” s end".
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u201d', '"']);

/** Whether the last mark before `at`, spaces aside, is an apostrophe. */
function afterApostrophe(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 && APOSTROPHES.has(text[i]);
}

/** Finds split compounds among a document's words. */
export function findSplitCompounds(text: string, words: ReadonlyArray<Word>, dialect: Dialect, lexicon: Lexicon, folder: FolderVocabulary): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (a.sentence !== b.sentence || !spaceBetween(text, a, b)) continue;
    if (a.capitalised && !a.sentenceStart) continue;
    if (b.capitalised || !a.plain || !b.plain || a.form !== a.text || b.form !== b.text || MARK.test(a.form) || MARK.test(b.form)) continue;
    // Asked of every pair of adjacent words: nothing is built until the pair may be a compound.
    if (a.form.length + b.form.length < 4) continue;
    const x = a.lower; // the form is the text here, so this is the form in lower case
    const y = b.form;
    const knownX = x === a.form ? lexicon.verdict(a) !== 0 : lexicon.acceptsAny(x);
    // A single letter other than the words "a" and "I" is no word ("e mail").
    const halfUnknown = !knownX || lexicon.verdict(b) === 0 || (x.length === 1 && x !== 'a' && x !== 'i');
    // A content word and the connective after it are a phrase; asked first, as it costs a Set look-up.
    if (!halfUnknown && CONNECTIVES.has(y) && !STOPWORDS.has(x)) continue;
    // "Henry ’ s words" (text rebuilt from tokens): a clitic is no half of a compound.
    if (afterApostrophe(text, a.start)) continue;
    if (isPhraseInContext(words, i, text, x, y)) continue;
    // Common joined words first: asking Hunspell about every pair in a folder is slow.
    if (!(halfUnknown || lexicon.isCommonJoin(x, y))) continue;
    const joined = x + y;
    if (!lexicon.accepts(joined, dialect)) continue;
    if (folder.contexts(pairItem(x, y)) >= FOLDER_CONSISTENT) continue;
    const fj = lexicon.frequency(joined);
    const association = (fj * lexicon.total) / Math.max(1, lexicon.frequency(x) * lexicon.frequency(y));
    // "a" is in every sentence, so "away" can never be ten times likelier than "a" + "way" by chance;
    // once the context has ruled out the phrase, the joined word need only be the likelier reading.
    const bar = DETERMINERS.has(x) ? 1 : ASSOCIATION_MIN;
    if (!halfUnknown && (fj === 0 || association < bar)) continue;
    const fix = a.capitalised ? joined[0].toUpperCase() + joined.slice(1) : joined;
    const strong = halfUnknown || association >= ASSOCIATION_MIN * 10;
    findings.push({
      start: a.start,
      end: b.end,
      text: text.slice(a.start, b.end),
      rule: 'split-compound',
      message: halfUnknown
        ? `"${text.slice(a.start, b.end)}" looks like one word split in two: "${fix}" is a word and "${lexicon.acceptsAny(x) ? y : x}" is not.`
        : `"${text.slice(a.start, b.end)}" is usually written as one word, "${fix}" (about ${Math.round(association)}× more common than the pair by chance).`,
      suggestions: [fix],
      confidence: strong ? 0.8 : 0.6,
      severity: strong ? 'warning' : 'information',
      reason: { kind: 'compound', joined: fix },
    });
    i++; // the second word is used up
  }
  return findings;
}
