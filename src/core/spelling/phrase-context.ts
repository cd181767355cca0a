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
/** Forms of "be": before an -ing word they make a verb phrase ("is suing", not "issuing"). */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);

/**
 * Whether a pair led by a determiner or a form of "be" ("a way", "any time", "is suing") reads as the phrase it
 * also is, from the word after it. Before a content word the second word modifies it ("a lone
 * gunman", "after a long delay", "in any way connected"); before "of" or "to" it is a noun with
 * its complement ("a round of talks", "a way to win"). What is left is the compound read alone
 * or before a function word: "ran a way.", "walked a round the block", "from some one who".
 * A preposition before the pair counts only where the pair ends the phrase ("at any time." but
 * "at a round 9am", "from some one who").
 */
export function isPhraseInContext(words: ReadonlyArray<Word>, i: number, text: string, x: string, y: string): boolean {
  if (!DETERMINERS.has(x) && !BE.has(x)) return false;
  const a = words[i - 1];
  const after = words[i + 1];
  if (BE.has(x)) return y.endsWith('ing');
  // "some one said", "out of no where": an indefinite pronoun split in two stays a slip wherever it stands.
  if (PRONOUN_HEADS.has(y)) return false;
  if (!after || after.sentence !== a.sentence || !spaceBetween(text, words[i], after)) {
    // Closing a prepositional phrase, the pair is the object of the preposition: "turn it off at any time."
    const before = words[i - 2];
    return before !== undefined && before.sentence === a.sentence && CONNECTIVES.has(before.lower) && spaceBetween(text, before, a);
  }
  if (NOUN_COMPLEMENTS.has(after.lower)) return true;
  return !after.capitalised && after.plain && !STOPWORDS.has(after.lower);
}

