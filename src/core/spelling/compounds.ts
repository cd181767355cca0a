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
import { beforeNumber, DETERMINERS, isIndefinitePronoun, isPhraseInContext } from './phrase-context';

/**
 * The joined word must be at least this many times more frequent (SUBTLEX) than the two
 * halves side by side would be if words were independent: an order of magnitude.
 */
export const ASSOCIATION_MIN = 10;
/**
 * The bar for a determiner pair that its context leaves open ("tackled a blaze at", "ran a way on"). Chosen from
 * the curve on spelling-dev and the BBC folder: the phrases found there score at most 9.4 ("a blaze"; "a rise" 5,
 * "a piece" 2, "a while" 1), the split adverbs at least 24 ("a way"; "a round" 529, "a bout" 9080); 15 is
 * the middle of that gap on a log scale.
 */
export const DETERMINER_ASSOCIATION_MIN = 15;
/** An apostrophe or hyphen: such a word is not half of a closed compound. */
const MARK = /['-]/;
/** A possessive ending as written after a word's lookup form ("paper's", "papers'"). */
const POSSESSIVE = /^['\u2019](?:s)?$/i;
/** A pair the folder writes in this many different contexts is a deliberate two-word form. */
const FOLDER_CONSISTENT = 2;

// Closing double quotes too: text decoded with the wrong code page writes "Drake ” s end".
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u201d', '"']);

/** Whether the last mark before `at`, spaces aside, is an apostrophe (not a quotation mark opening at the word). */
function afterApostrophe(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === ' ') i--;
  if (i < 0 || !APOSTROPHES.has(text[i])) return false;
  // Glued to the word and standing after a space, the mark opens a quotation: "any thing uncomfortable".
  return !(i === at - 1 && (i === 0 || OPENS_AFTER.test(text[i - 1])));
}
/** What stands before an opening quotation mark. */
const OPENS_AFTER = /[\s([{]/;

/** Finds split compounds among a document's words. */
export function findSplitCompounds(text: string, words: ReadonlyArray<Word>, dialect: Dialect, lexicon: Lexicon, folder: FolderVocabulary): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (a.sentence !== b.sentence || !spaceBetween(text, a, b)) continue;
    if (a.capitalised && !a.sentenceStart) continue;
    if (b.capitalised || !a.plain || !b.plain || a.form !== a.text || MARK.test(b.form)) continue;
    // "the news paper's sources": the possessive belongs to the joined word and is kept after it.
    const possessive = b.form === b.text ? '' : b.text.slice(b.form.length);
    if (possessive !== '' && !POSSESSIVE.test(possessive)) continue;
    // "an ex-girl friend": the last part of a hyphenated word is the first half ("ex-girlfriend").
    const hyphen = a.form.lastIndexOf('-');
    if (a.form.includes("'")) continue;
    // Asked of every pair of adjacent words: nothing is built until the pair may be a compound.
    if (a.form.length - hyphen - 1 + b.form.length < 4) continue;
    const prefix = hyphen < 0 ? '' : a.text.slice(0, hyphen + 1);
    const x = hyphen < 0 ? a.lower : a.lower.slice(hyphen + 1); // the form is the text here, so this is the form in lower case
    const y = b.form;
    const knownX = hyphen < 0 && x === a.form ? lexicon.verdict(a) !== 0 : lexicon.acceptsAny(x);
    // A single letter other than the words "a" and "I" is no word ("e mail").
    const halfUnknown = !knownX || lexicon.verdict(b) === 0 || (x.length === 1 && x !== 'a' && x !== 'i');
    // After a hyphen only two real words joined by frequency count: "co-op erate" is no evidence.
    if (hyphen >= 0 && (halfUnknown || x.length < 2)) continue;
    // A content word and the connective after it are a phrase; asked first, as it costs a Set look-up.
    if (!halfUnknown && CONNECTIVES.has(y) && !STOPWORDS.has(x)) continue;
    // "Henry ’ s words" (text rebuilt from tokens): a clitic is no half of a compound.
    if (afterApostrophe(text, a.start)) continue;
    if (hyphen < 0 && isPhraseInContext(words, i, text, x, y)) continue;
    // Common joined words first: asking Hunspell about every pair in a folder is slow.
    if (!(halfUnknown || lexicon.isCommonJoin(x, y))) continue;
    const joined = x + y;
    if (!lexicon.accepts(joined, dialect)) continue;
    // Where only the compound parses ("at a round 9.35am"), the folder's other uses of the pair do not make this one deliberate.
    const fj = lexicon.frequency(joined);
    const association = (fj * lexicon.total) / Math.max(1, lexicon.frequency(x) * lexicon.frequency(y));
    if (!beforeNumber(text, x, b.end) && folder.contexts(pairItem(x, y)) >= FOLDER_CONSISTENT) continue;
    // "no" and "where" are in every other sentence, so "nowhere" can never be ten times likelier than the pair by
    // chance; a split indefinite pronoun need only be the likelier reading. Other determiner pairs the context
    // leaves open ("tackled a blaze at") must clear their own bar.
    const bar = isIndefinitePronoun(x, y) ? 1 : DETERMINERS.has(x) ? DETERMINER_ASSOCIATION_MIN : ASSOCIATION_MIN;
    if (!halfUnknown && (fj === 0 || association < bar)) continue;
    const fix = prefix + (a.capitalised && hyphen < 0 ? joined[0].toUpperCase() + joined.slice(1) : joined) + possessive;
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
