/**
 * The word knowledge the spelling check leans on: Hunspell dictionaries (nspell over
 * dictionary-en / dictionary-en-gb) and SUBTLEX word counts, behind per-word caches.
 */
import nspell from 'nspell';
import type { Dialect, EngineResources } from '../types';
import type { Word } from './words';
import { JoinedWordFilter } from './joined-words';

/** Dictionary and frequency look-ups, cached per word. */
export interface Lexicon {
  /** Whether the dialect's dictionary accepts `word` (as written; Hunspell handles case). */
  accepts(word: string, dialect: Dialect): boolean;
  /** Whether either dictionary accepts `word`. */
  acceptsAny(word: string): boolean;
  /**
   * Which dictionaries accept the word's form, as `IN_US | IN_GB` bits (0: neither). Kept on the
   * word: counting the folder and each check ask about every word.
   */
  verdict(word: Word): number;
  /** SUBTLEX count of the word, case folded (0 when unseen). */
  frequency(word: string): number;
  /** Sum of all SUBTLEX counts: the corpus size that frequencies are out of. */
  readonly total: number;
  /** Lower-case words both attested in SUBTLEX and accepted by a dictionary, for candidate scans. */
  knownWords(): ReadonlyArray<string>;
  /** Whether `word` (lower case) is among `knownWords()`. */
  isCommonWord(word: string): boolean;
  /** Whether `x + y` is among `knownWords()` (asked of every pair of adjacent words). */
  isCommonJoin(x: string, y: string): boolean;
  /** Whether a larger word list holds the lower-case word though Hunspell does not (see `EngineResources.listedWords`). */
  isListed(word: string): boolean;
}

/** `Lexicon.verdict` bit: the American dictionary accepts the word. */
export const IN_US = 1;
/** `Lexicon.verdict` bit: the British dictionary accepts the word. */
export const IN_GB = 2;

/** Loads both dictionaries and the frequency table once. */
export function createLexicon(resources: EngineResources): Lexicon {
  // Loaded at the first question, not here: building Hunspell's tables is the slow part of the
  // checker, and a face that parses the folder first should not wait for it.
  let dictionaries: { us: nspell.NSpell; gb: nspell.NSpell } | undefined;
  const load = () => {
    const us = nspell(resources.dictionaries['en-US'].aff, resources.dictionaries['en-US'].dic);
    const gbDict = resources.dictionaries['en-GB'];
    return { us, gb: gbDict ? nspell(gbDict.aff, gbDict.dic) : us };
  };
  const counts = new Map<string, number>();
  let total = 0;
  for (const [word, count] of resources.wordFrequencies ?? []) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    total += count;
  }
  const variants = new Set(resources.britishVariants ?? []);
  const listed = new Set(resources.listedWords ?? []);
  const verdicts = new Map<string, number>();
  const verdict = (word: string): number => {
    let v = verdicts.get(word);
    if (v === undefined) {
      const { us, gb } = (dictionaries ??= load());
      const inUs = us.correct(word);
      const inGb = gb === us ? inUs : gb.correct(word);
      v = (inUs ? IN_US : 0) | (inGb ? IN_GB : 0);
      // SCOWL's British variants that dictionary-en-gb leaves out ("focussed", "despatched").
      if (v === 0 && variants.has(word.toLowerCase())) v = IN_GB;
      verdicts.set(word, v);
    }
    return v;
  };
  // SUBTLEX holds names and subtitle noise; only dictionary words are offered as fixes.
  const isKnown = (w: string) => /^[a-z][a-z']*$/.test(w) && verdict(w) !== 0;
  let known: string[] | undefined;
  const knownWords = () => (known ??= [...counts.keys()].filter(isKnown));
  let joins: JoinedWordFilter | undefined;
  const isCommonWord = (word: string) => counts.has(word) && isKnown(word);
  // Tags the verdicts kept on words, so a word another lexicon judged is judged again.
  const tag = {};
  return {
    verdict(w) {
      if (w.verdictBy !== tag) {
        w.verdict = verdict(w.form);
        w.verdictBy = tag;
      }
      return w.verdict;
    },
    accepts: (word, dialect) => (verdict(word) & (dialect === 'en-GB' ? IN_GB : IN_US)) !== 0,
    acceptsAny: (word) => verdict(word) !== 0,
    frequency: (word) => counts.get(word.toLowerCase()) ?? 0,
    total: Math.max(total, 1),
    knownWords,
    // Answered word by word: checking all 74,000 SUBTLEX words up front costs most of a second.
    isCommonWord,
    isListed: (word) => listed.has(word),
    isCommonJoin: (x, y) => (joins ??= new JoinedWordFilter(counts.keys())).mayHoldJoined(x, y) && isCommonWord(x + y),
  };
}
