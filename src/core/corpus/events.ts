/**
 * The event two sentences share, when they state it in the same verb: "some models are sending
 * users' data to servers in mainland China" and "Xiaomi phones are automatically sending user
 * data to the firm's servers in Beijing". Inside one story, a source that states the claim's
 * event in the same verb and meets some of its arguments is likelier to state the same fact than
 * one that shares names and topic words only ("India too has been a potential market" ~ "a
 * potential ban on Xiaomi products"), so the index asks less of it.
 *
 * Without a part-of-speech tagger a verb is told by its form: an -ed or -ing word that
 * wink-lemmatizer takes back to a different verb lemma, written in lower case (names are items
 * of their own kind; a capitalised word, at a sentence's start or in a title-cased headline, is
 * not taken). Participles that work as prepositions ("according to", "based on") state no
 * event, and very common verbs ("made", "taking") say little of which one.
 */
import { lemmatize } from '../lexicon';
import type { WordRarity } from '../lexicon';
import type { SentenceFeatures } from './features';

/** Participles used as prepositions or conjunctions in English grammar: no event of their own. */
const PARTICIPLE_PREPOSITIONS = new Set(['according', 'barring', 'based', 'concerning', 'considering', 'excluding', 'failing', 'following', 'given', 'including', 'owing', 'pending', 'regarding']);
/** Below this general rarity (SUBTLEX) a verb says little of which event ("make" 6.6, "take" 6.2; "send" 8.6, "kill" 7.7). */
const MIN_EVENT_RARITY = 7;
/** Fewest items the two must share exactly, the verb included: the event and some of its arguments. */
const MIN_SHARED = 3;

/** The verb lemma a word states an event in, or undefined. */
export function eventVerb(surface: string, rarity: WordRarity): string | undefined {
  if (!/^[a-z]+(?:ed|ing)$/.test(surface) || PARTICIPLE_PREPOSITIONS.has(surface)) return undefined;
  const lemma = lemmatize(surface);
  return lemma !== surface && rarity(lemma) >= MIN_EVENT_RARITY ? lemma : undefined;
}

/**
 * Whether claim and source state an event in the same verb and share at least MIN_SHARED items.
 * With `fact` (an index into `claim.facts`), the verb must be in that fact: the one the source
 * backs ("carried" in "Apple Daily carried a story" is no event of "Nexusguard found that…").
 */
export function sharesEvent(claim: SentenceFeatures, source: SentenceFeatures, rarity: WordRarity, fact = -1): boolean {
  // The index asks of every candidate in a story: the cheap tests first, the word forms last.
  let shared = 0;
  for (const id of claim.keyIds) if (source.keyIds.includes(id)) shared++;
  if (shared < MIN_SHARED) return false;
  return claim.items.some((a) => {
    if (a.kind !== 'word' || (fact >= 0 && a.fact !== fact) || !source.keyIds.includes(a.keyId)) return false;
    const verb = eventVerb(a.surface, rarity);
    return verb !== undefined && source.items.some((b) => b.keyId === a.keyId && b.kind === 'word' && eventVerb(b.surface, rarity) === verb);
  });
}
