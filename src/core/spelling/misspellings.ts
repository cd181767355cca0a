/**
 * Single-word checks: ordinary misspellings with a confident correction, run-together
 * words ("alot" → "a lot"), and unknown words (at most a hint). Capitalised words the
 * dictionary does not know are names unless the name check says otherwise.
 */
import type { Dialect, Finding } from '../types';
import type { Lexicon } from './lexicon';
import { EDIT_PENALTY, type Suggester, type Candidate } from './suggest';
import { wordItem, type FolderVocabulary } from './vocabulary';
import { isJudgeable, type Word } from './words';

/** One ordinary edit: the most a correction may cost to be offered with confidence. */
const CONFIDENT_COST = 1;
/** A shown correction must take at least this share of the candidates' probability. */
const CONFIDENT_SHARE = 0.5;
/** A run-together must split into a pair common enough to occur by chance in SUBTLEX. */
const SPLIT_EXPECTED_MIN = 1;

/** Judges words one by one (cached per form, dialect and folder state). */
export function judgeWords(words: ReadonlyArray<Word>, dialect: Dialect, lexicon: Lexicon, suggester: Suggester, folder: FolderVocabulary): Finding[] {
  const findings: Finding[] = [];
  for (const w of words) {
    if (!isJudgeable(w) || knownWord(w.form, lexicon)) continue;
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
  if (folder.contexts(wordItem(w.form)) > 1) return undefined;
  if (w.capitalised || w.form.includes('-')) {
    return { ...span, rule: 'unknown-word', message: `"${span.text}" is not in the dictionary and appears only once in the folder.`, suggestions: [], confidence: 0.2, severity: 'hint' };
  }
  const ranked = suggester.rank(w.form, dialect, 5);
  const top = ranked[0];
  const share = top ? shareOf(ranked) : 0;
  if (top?.parts) {
    const expected = Math.exp(top.score + EDIT_PENALTY * top.cost) - 0.5;
    if (expected >= SPLIT_EXPECTED_MIN && share >= CONFIDENT_SHARE) {
      return {
        ...span, rule: 'run-together',
        message: `"${span.text}" looks like two words run together: "${top.word}".`,
        suggestions: ranked.map((c) => c.word), confidence: round(share * 0.9), severity: 'warning',
        reason: { kind: 'split', parts: top.parts },
      };
    }
  } else if (top && top.cost <= CONFIDENT_COST && share >= CONFIDENT_SHARE) {
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

// The top candidate's share of the probability mass of all candidates.
function shareOf(ranked: ReadonlyArray<Candidate>): number {
  const max = ranked[0].score;
  const sum = ranked.reduce((s, c) => s + Math.exp(c.score - max), 0);
  return 1 / sum;
}

const round = (x: number) => Math.round(x * 100) / 100;
