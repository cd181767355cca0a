/**
 * Single-word checks: ordinary misspellings with a confident correction, run-together
 * words ("alot" → "a lot"), and unknown words (at most a hint). Capitalised words the
 * dictionary does not know are names unless the name check says otherwise.
 */
import type { Dialect, Finding } from '../types';
import type { Lexicon } from './lexicon';
import type { Suggester, Candidate } from './suggest';
import { COST } from './error-model';
import { wordItem, type FolderVocabulary } from './vocabulary';
import { isJudgeable, type Word } from './words';

/**
 * A clear correction is at most two ordinary slips away (letters alone, before the sound-alike
 * discount): "inexpierenced" (a swap and a dropped letter) is still plainly "inexperienced".
 */
const CLEAR_EDITS = 2;
/** A shown correction must take at least this share of the probability of all readings, the word as typed included. */
const CLEAR_SHARE = 0.5;
/**
 * Natural-log score of "meant as typed" for an unknown word SUBTLEX never saw: as likely as a
 * word seen e^-5 times in its 50 million words. A candidate seen 20 times and one slip away
 * (score ln 20 − 5 ≈ −2) then wins clearly; chosen from the curve of real errors found
 * against false alarms on edited news (README, Measured).
 */
const UNSEEN_SELF = -5;
/** People write a word SUBTLEX counts this often ("homie", "bona"): it is meant, at most a hint. */
const WRITTEN_MIN = 10;
/** Shorter words are one slip from many others and are often abbreviations ("du", "http"): at most a hint. */
const CLEAR_MIN_LENGTH = 4;
/**
 * A word made of two common words of at least three letters ("hitman", "fanbase") is a compound
 * the dictionary lacks, not a slip: each half must be seen this often (about 20 per million).
 */
const COMPOUND_HALF_MIN = 1000;
/**
 * A run-together must split into everyday words: a pair expected at least this often by
 * chance in SUBTLEX's 50 million words (about once per million). Rarer pairs are more
 * likely a compound the dictionary lacks ("matchday") than a missing space.
 */
const SPLIT_EXPECTED_MIN = 50;
/** Inflections and derivations Hunspell may lack for a word it knows ("workforces"). */
const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly', 'ation', 'ations', 'isation', 'ization', 'ness', 'ment', 'ments', 'able'];
/** Prefixes that make new words from known ones ("demerged", "untaxed"). */
const PREFIXES = ['de', 'un', 're', 'non', 'pre', 'post', 'over', 'under', 'out', 'co', 'anti', 'mis', 'sub', 'inter', 'multi', 'super', 'micro', 'mega', 'cyber', 'e'];

/** Judges words one by one (cached per form, dialect and folder state). */
export function judgeWords(words: ReadonlyArray<Word>, dialect: Dialect, lexicon: Lexicon, suggester: Suggester, folder: FolderVocabulary, text = ''): Finding[] {
  const findings: Finding[] = [];
  for (const w of words) {
    if (!isJudgeable(w) || lexicon.verdict(w) !== 0 || knownWord(w.form, lexicon) || isFragment(text, w)) continue;
    // A word a larger maintained list holds is a word ("orcas"): not flagged, though never a fix either.
    if (!w.capitalised && lexicon.isListed(w.form.toLowerCase())) continue;
    const f = judge(w, dialect, lexicon, suggester, folder);
    if (f) findings.push(f);
  }
  return findings;
}

/**
 * Whether the word is part of a larger token the parser split: a contraction written with spaces
 * ("hadn ' t", text rebuilt from tokens) or a URL scheme ("http://").
 */
function isFragment(text: string, w: Word): boolean {
  // An apostrophe then a letter ("hadn ’ t"); a closing quote ("the 'hybird' car") is followed by a space and a word or a mark.
  return FRAGMENT_TAIL.test(text.slice(w.end, w.end + 8));
}
const FRAGMENT_TAIL = /^ ?['\u2019] ?(?:t|s|d|ll|re|ve|m)\b|^ ?: ?\//i;

/** Whether the dictionaries accept the word, or every part of a hyphenated word (a word or a prefix). */
export function knownWord(form: string, lexicon: Lexicon): boolean {
  if (lexicon.acceptsAny(form)) return true;
  const parts = form.split('-');
  if (parts.length < 2) return false;
  // "cyber-attacks": a productive prefix written apart is as good as a word; "teen-ager": a closed compound written with a hyphen.
  return parts.every((p) => p.length === 0 || lexicon.acceptsAny(p) || PREFIXES.includes(p.toLowerCase())) || lexicon.acceptsAny(parts.join(''));
}

function judge(w: Word, dialect: Dialect, lexicon: Lexicon, suggester: Suggester, folder: FolderVocabulary): Finding | undefined {
  const span = { start: w.start, end: w.start + w.form.length, text: w.text.slice(0, w.form.length) };
  // A capitalised word that recurs is a name (copies of one text included: syndication spreads
  // names too). A lower-case word is only excused by recurrence further down, when no clear
  // correction explains it: two writers making one slip ("definately") do not make a spelling.
  if (w.capitalised && folder.count(w.form) > 1) return undefined;
  if (w.capitalised || w.form.includes('-')) {
    return { ...span, rule: 'unknown-word', message: `"${span.text}" is not in the dictionary and appears only once in the folder.`, suggestions: [], confidence: 0.2, severity: 'hint' };
  }
  const ranked = suggester.rank(w.form, dialect, 6, true);
  const recurs = folder.contexts(wordItem(w.form)) > 1;
  const split = ranked[0]?.parts ? ranked[0] : undefined;
  const words = ranked.filter((c) => !c.parts);
  const best = words[0];
  const self = selfScore(w.form, lexicon, suggester);
  if (split) {
    const [a, b] = split.parts!;
    const expected = (lexicon.frequency(a) * lexicon.frequency(b)) / lexicon.total;
    const share = shareOf(ranked, self);
    // A run-together the folder writes in several contexts is a closed compound the dictionary lacks ("takedown").
    if (!recurs && expected >= SPLIT_EXPECTED_MIN && share >= CLEAR_SHARE) {
      return {
        ...span, rule: 'run-together',
        message: `"${span.text}" looks like two words run together: "${split.word}".`,
        suggestions: ranked.map((c) => c.word), confidence: round(share * 0.9), severity: 'warning',
        reason: { kind: 'split', parts: split.parts! },
      };
    }
  }
  // A rare split ("falter in") is no reason to doubt a plain correction ("faltering"): words are judged among words.
  const suggestions = [...words, ...(split ? [split] : [])].map((c) => c.word);
  const share = best ? shareOf(words, self) : 0;
  // One slip is never excused by recurrence ("definately" in two articles is still a slip); a word
  // two slips from its fix that the folder uses in several contexts is more likely a term ("cyber").
  if (best && share >= CLEAR_SHARE && (!recurs || best.edits <= 1 + 1e-6) && isClearSlip(w.form.toLowerCase(), best, lexicon)) {
    return {
      ...span, rule: 'misspelling',
      message: `"${span.text}" is not in the ${dialect} dictionary; did you mean "${best.word}"?`,
      suggestions, confidence: round(share * 0.9), severity: share >= 0.8 ? 'warning' : 'information',
      reason: { kind: 'dictionary', dialect, editDistance: Math.ceil(best.edits) },
    };
  }
  // A term the folder uses in more than one context (so not a copy) and no clear slip explains: intended.
  if (recurs) return undefined;
  return {
    ...span, rule: 'unknown-word',
    message: `"${span.text}" is not in the ${dialect} dictionary and has no confident correction.`,
    suggestions, confidence: 0.2, severity: 'hint',
    reason: { kind: 'dictionary', dialect },
  };
}

/**
 * Whether `best` explains the word as an ordinary slip rather than the word being one the
 * dictionary lacks: a short word, one people write, a compound of two common words or a regular
 * derivation ("untaxed") is only a clear slip when the fix merely undoubles or doubles a letter.
 */
function isClearSlip(word: string, best: Candidate, lexicon: Lexicon): boolean {
  if (best.edits > CLEAR_EDITS + 1e-6) return false;
  // Writers seldom get the first letter wrong, so two slips starting there ("cyber" → "sober",
  // alike in sound only) are more likely a word the dictionary lacks.
  if (best.edits > 1 + 1e-6 && best.word[0].toLowerCase() !== word[0]) return false;
  if (word.length < CLEAR_MIN_LENGTH || lexicon.frequency(word) >= WRITTEN_MIN || isCompoundOfCommonWords(word, lexicon)) return false;
  // "commited", "tittled": one letter doubled or undoubled wins over a derivation.
  return best.edits <= COST.doubling + 1e-6 || !derivedFromKnown(word, lexicon);
}

// The word as typed, scored like a candidate: SUBTLEX counts what people really write, and a word it never saw gets a fixed, low prior.
function selfScore(form: string, lexicon: Lexicon, suggester: Suggester): number {
  return lexicon.frequency(form) > 0 ? suggester.selfScore(form) : UNSEEN_SELF;
}

/** Whether the word is two common words of three letters or more ("hitman" = "hit" + "man"). */
function isCompoundOfCommonWords(word: string, lexicon: Lexicon): boolean {
  for (let i = 3; i <= word.length - 3; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (lexicon.frequency(a) >= COMPOUND_HALF_MIN && lexicon.frequency(b) >= COMPOUND_HALF_MIN && lexicon.isCommonWord(a) && lexicon.isCommonWord(b)) return true;
  }
  return false;
}

// The top candidate's share of the probability mass of all candidates and the word as typed.
function shareOf(ranked: ReadonlyArray<Candidate>, self: number): number {
  const max = ranked[0].score;
  const sum = ranked.reduce((s, c) => s + Math.exp(c.score - max), 0) + Math.exp(self - max);
  return 1 / sum;
}

/** Whether the word is a known word with a productive prefix or suffix added. */
function derivedFromKnown(word: string, lexicon: Lexicon): boolean {
  const known = (stem: string) => stem.length >= 3 && (lexicon.acceptsAny(stem) || lexicon.acceptsAny(stem + 'e'));
  for (const suffix of SUFFIXES) if (word.endsWith(suffix) && known(word.slice(0, -suffix.length))) return true;
  for (const prefix of PREFIXES) if (word.startsWith(prefix) && known(word.slice(prefix.length))) return true;
  return false;
}

const round = (x: number) => Math.round(x * 100) / 100;
