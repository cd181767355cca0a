/**
 * Whether two words that could be one ("a way" / "away") read, in their sentence, as the phrase
 * they also are ("a way to win" against "ran a way").
 */
import { CONNECTIVES, STOPWORDS } from '../lexicon/stopwords';
import { spaceBetween, type Word } from './words';

/** Words after which a function word opens a noun phrase rather than a closed compound ("a way to win", "a round of talks", "a rise in prices"). */
const NOUN_COMPLEMENTS = new Set(['of', 'to', 'for', 'that', 'in']);
/** Determiners that also open closed compounds ("a way" / "away", "any time" / "anytime"). */
export const DETERMINERS = new Set(['a', 'an', 'any', 'no', 'every', 'some']);
/** Second halves of the indefinite pronouns and adverbs (someone, anybody, everything, nowhere, sometimes). */
const PRONOUN_HEADS = new Set(['one', 'body', 'thing', 'where', 'times']);
/** Subject pronouns: after a determiner pair they open a relative clause on its noun ("any way you want", "any more I could give"). */
const SUBJECTS = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it']);
/** Forms of "be": before an -ing word they make a verb phrase ("is suing", not "issuing"). */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);

/**
 * Whether an article pair stands before a number ("at a round 9.35am", "a bout 20 people"): a noun
 * phrase "a round" takes no numeral after its head, while the adverb (around, about) does, so
 * only the closed compound reads there. Numbers are not word tokens, so the text is read.
 */
export function beforeNumber(text: string, x: string, end: number): boolean {
  if (x !== 'a' && x !== 'an') return false;
  let i = end;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * Whether a pair led by a determiner or a form of "be" ("a way", "any time", "is suing") reads as the phrase it
 * also is, from the words around it. After a preposition or conjunction the determiner opens that
 * word's object ("looking for a way out", "in a round or two", "or a bout with Haye"). Before a
 * content word the second word modifies it ("a lone gunman", "after a long delay", "in any way
 * connected"); before "of" or "to" it is a noun with its complement ("a round of talks", "a way to
 * win"). What is left is the compound after a verb or a noun and before a function word or the
 * sentence end: "ran a way.", "walked a round the block", "five buildings a way on", "care a bout all".
 * An indefinite pronoun ("from some one who") and an article before a number ("at a round 9am") are
 * the compound wherever they stand.
 */
/** Whether the pair is a split indefinite pronoun or adverb ("some one", "no where"): the compound wherever it stands. */
export function isIndefinitePronoun(x: string, y: string): boolean {
  return DETERMINERS.has(x) && PRONOUN_HEADS.has(y);
}

export function isPhraseInContext(words: ReadonlyArray<Word>, i: number, text: string, x: string, y: string): boolean {
  if (!DETERMINERS.has(x) && !BE.has(x)) return false;
  const a = words[i - 1];
  const after = words[i + 1];
  if (BE.has(x)) return y.endsWith('ing');
  // "some one said", "out of no where": an indefinite pronoun split in two stays a slip wherever it stands.
  if (PRONOUN_HEADS.has(y)) return false;
  if (beforeNumber(text, x, words[i].end)) return false;
  const before = words[i - 2];
  if (before !== undefined && before.sentence === a.sentence && CONNECTIVES.has(before.lower) && spaceBetween(text, before, a)) return true;
  if (!after || after.sentence !== a.sentence || !spaceBetween(text, words[i], after)) return false;
  if (NOUN_COMPLEMENTS.has(after.lower) || SUBJECTS.has(after.lower)) return true;
  return !after.capitalised && after.plain && !STOPWORDS.has(after.lower);
}
