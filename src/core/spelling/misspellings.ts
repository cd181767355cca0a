/**
 * Single-word checks: ordinary misspellings with a confident correction, run-together
 * words ("alot" → "a lot"), and unknown words (at most a hint). Capitalised words the
 * dictionary does not know are names unless the name check says otherwise.
 */
import type { Dialect, Finding } from '../types';
import type { Lexicon } from './lexicon';
import type { Suggester, Candidate } from './suggest';
import { wordItem, type FolderVocabulary } from './vocabulary';
import { isJudgeable, type Word } from './words';

/** One ordinary edit: the most a correction may cost to be offered with confidence. */
const CONFIDENT_COST = 1;
/** A shown correction must take at least this share of the candidates' probability. */
const CONFIDENT_SHARE = 0.5;
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
export function judgeWords(words: ReadonlyArray<Word>, dialect: Dialect, lexicon: Lexicon, suggester: Suggester, folder: FolderVocabulary): Finding[] {
  const findings: Finding[] = [];
  for (const w of words) {
    if (!isJudgeable(w) || lexicon.verdict(w) !== 0 || knownWord(w.form, lexicon)) continue;
    const f = judge(w, dialect, lexicon, suggester, folder);
    if (f) findings.push(f);
  }
  return findings;
}

/** Whether the dictionaries accept the word, or every part of a hyphenated word. */
export function knownWord(form: string, lexicon: Lexicon): boolean {
  if (lexicon.acceptsAny(form)) return true;
  const parts = form.split('-');
  return parts.length > 1 && parts.every((p) => p.length === 0 || lexicon.acceptsAny(p));
}

function judge(w: Word, dialect: Dialect, lexicon: Lexicon, suggester: Suggester, folder: FolderVocabulary): Finding | undefined {
  const span = { start: w.start, end: w.start + w.form.length, text: w.text.slice(0, w.form.length) };
  // A name, or a term the folder uses again (in another context, so not a copy): not an
  // error. Seen once: a hint at most.
  // Names recur in copies of one text too (syndication), so any recurrence makes a name.
  if (w.capitalised ? folder.count(w.form) > 1 : folder.contexts(wordItem(w.form)) > 1) return undefined;
  if (w.capitalised || w.form.includes('-')) {
    return { ...span, rule: 'unknown-word', message: `"${span.text}" is not in the dictionary and appears only once in the folder.`, suggestions: [], confidence: 0.2, severity: 'hint' };
  }
  if (derivedFromKnown(w.form.toLowerCase(), lexicon)) {
    return { ...span, rule: 'unknown-word', message: `"${span.text}" is not in the dictionary but looks like a regular form of a word it knows.`, suggestions: [], confidence: 0.1, severity: 'hint', reason: { kind: 'dictionary', dialect } };
  }
  const ranked = suggester.rank(w.form, dialect, 5, false);
  const top = ranked[0];
  // The word itself is a hypothesis too: SUBTLEX counts what people really write.
  const share = top ? shareOf(ranked, suggester.selfScore(w.form)) : 0;
  if (top?.parts) {
    const expected = (lexicon.frequency(top.parts[0]) * lexicon.frequency(top.parts[1])) / lexicon.total;
    if (expected >= SPLIT_EXPECTED_MIN && share >= CONFIDENT_SHARE) {
      return {
        ...span, rule: 'run-together',
        message: `"${span.text}" looks like two words run together: "${top.word}".`,
        suggestions: ranked.map((c) => c.word), confidence: round(share * 0.9), severity: 'warning',
        reason: { kind: 'split', parts: top.parts },
      };
    }
  } else if (top && top.cost <= CONFIDENT_COST && top.edits <= CONFIDENT_COST && share >= CONFIDENT_SHARE) {
    // The sound-alike discount ranks candidates ("fone" → "phone"), but a correction is confident
    // only when the letters themselves are one slip apart: "cyber" and "sober" sound alike, yet
    // two letters differ, and the word is more likely one the dictionary lacks.
    return {
      ...span, rule: 'misspelling',
      message: `"${span.text}" is not in the ${dialect} dictionary; did you mean "${top.word}"?`,
      suggestions: ranked.map((c) => c.word), confidence: round(share * 0.9), severity: share >= 0.8 ? 'warning' : 'information',
      reason: { kind: 'dictionary', dialect, editDistance: Math.ceil(top.cost) },
    };
  }
  return {
    ...span, rule: 'unknown-word',
    message: `"${span.text}" is not in the ${dialect} dictionary and has no confident correction.`,
    suggestions: ranked.map((c: Candidate) => c.word), confidence: 0.2, severity: 'hint',
    reason: { kind: 'dictionary', dialect },
  };
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
