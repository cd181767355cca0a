/**
 * Candidate corrections for a word, ranked by a noisy-channel score: how common the word
 * is (SUBTLEX) against how costly the typing error would be (error-model.ts). Candidates
 * are generated here rather than by nspell, whose `suggest` is far slower.
 */
import type { Dialect } from '../types';
import type { Lexicon } from './lexicon';
import { COST, editCost, soundKey } from './error-model';

/** One ranked candidate. `parts` is set when the fix splits the word in two ("alot" → "a lot"). */
export interface Candidate {
  word: string;
  /** Weighted edit cost from the candidate to the typed word (error-model units), less the sound-alike discount: what ranks it. */
  cost: number;
  /** The same cost of the letters alone, before any discount: what says whether one slip explains the word. */
  edits: number;
  /** Natural-log score; higher is better. */
  score: number;
  parts?: [string, string];
}

/**
 * Each unit of edit cost makes a candidate e^5 ≈ 150 times less likely: a writer gets
 * roughly one letter in a hundred or two wrong, so a word must be that much more common
 * than a closer one to win.
 */
export const EDIT_PENALTY = 5;
/** Candidates further than this (about two ordinary edits) are not considered. */
const MAX_COST = 2.2;
/** Sound-alike spellings are cheaper than their letters suggest. */
const SOUND_DISCOUNT = 0.6;
/** Writing two words as one is one missing space: a cheap, common slip. */
const SPLIT_COST = COST.doubling;

/** Ranks corrections; built once per lexicon (indexes its words by length and sound). */
export interface Suggester {
  /**
   * Best-first candidates for `word` (at most `limit`), accepted by the dialect's dictionary.
   * `deep` scans the whole lexicon for two-edit candidates; without it only one-edit and
   * sound-alike words are tried, which is enough to decide whether a fix is confident.
   */
  rank(word: string, dialect: Dialect, limit?: number, deep?: boolean): Candidate[];
  /** Natural-log score of the typed word itself being meant (it is in SUBTLEX, so people write it). */
  selfScore(word: string): number;
}

/** Builds the candidate index lazily on first use (a few hundred milliseconds). */
export function createSuggester(lexicon: Lexicon): Suggester {
  // Words by first letter, then length: writers rarely get the first letter wrong, and
  // when they do, one-edit variants and the sound index still find the word.
  let byStart: Map<string, string[][]> | undefined;
  let bySound: Map<string, string[]> | undefined;
  let known: Set<string> | undefined;
  let longest = 0;
  const index = () => {
    if (byStart && bySound && known) return { byStart, bySound, known, longest };
    byStart = new Map();
    bySound = new Map();
    known = new Set(lexicon.knownWords());
    for (const w of known) {
      longest = Math.max(longest, w.length);
      let lists = byStart.get(w[0]);
      if (!lists) byStart.set(w[0], (lists = []));
      (lists[w.length] ??= []).push(w);
      const key = soundKey(w);
      const list = bySound.get(key);
      if (list) list.push(w);
      else bySound.set(key, [w]);
    }
    return { byStart, bySound, known, longest };
  };
  const cache = new Map<string, Candidate[]>();
  const logFreq = (w: string) => Math.log(lexicon.frequency(w) + 0.5);

  return {
    selfScore: (word) => logFreq(word),
    rank(word, dialect, limit = 5, deep = true) {
      const key = `${dialect}\u0000${deep}\u0000${word}`;
      const cached = cache.get(key);
      if (cached) return cached.slice(0, limit);
      const lower = word.toLowerCase();
      const { byStart, bySound, known, longest } = index();
      // No candidate can be near a token far longer than any known word (a base64 blob, a row of
      // "====="): a fix is at most ~8 letters longer or shorter (2.8 / COST.doubling) and a split
      // has two known halves. Generating one-edit variants of such a token costs O(length²):
      // minutes and gigabytes for a 20,000-character line.
      if (lower.length > 2 * longest + 9) return [];
      const found = new Map<string, number>();
      const editsOf = new Map<string, number>();
      const consider = (w: string, cost: number, edits: number) => {
        if (cost > MAX_COST + SOUND_DISCOUNT || cost >= (found.get(w) ?? Infinity)) return;
        found.set(w, cost);
        editsOf.set(w, edits);
      };
      const sound = soundKey(lower);
      const lists = (deep && byStart.get(lower[0])) || [];
      for (let len = Math.max(1, lower.length - 2); len <= lower.length + 2; len++) {
        for (const w of lists[len] ?? []) {
          if (w === lower) continue;
          const c = editCost(lower, w, MAX_COST);
          if (c <= MAX_COST) consider(w, soundKey(w) === sound ? Math.max(0.2, c - SOUND_DISCOUNT) : c, c);
        }
      }
      for (const w of edits1(lower)) {
        if (!known.has(w) || found.has(w)) continue;
        const c = editCost(lower, w);
        consider(w, c, c);
      }
      for (const w of bySound.get(sound) ?? []) {
        if (w === lower || found.has(w)) continue;
        const c = editCost(lower, w);
        consider(w, Math.max(0.2, c - SOUND_DISCOUNT), c);
      }
      const out: Candidate[] = [];
      for (const [w, cost] of found) {
        if (!lexicon.accepts(w, dialect)) continue;
        out.push({ word: w, cost, edits: editsOf.get(w)!, score: logFreq(w) - EDIT_PENALTY * cost });
      }
      const split = bestSplit(lower, lexicon, dialect);
      if (split) out.push(split);
      out.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
      const result = out.map((c) => ({ ...c, word: matchCase(word, c.word) }));
      cache.set(key, result);
      return result.slice(0, limit);
    },
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one deletion, transposition, substitution or insertion away (Norvig's edits1). */
export function edits1(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

/**
 * The most likely reading of `word` as two words run together. How often a pair is really
 * written lies between two bounds: the count under independence (too low for phrases like
 * "a lot") and the count of its rarer word (too high); the score takes their midpoint in
 * log space.
 */
export function bestSplit(word: string, lexicon: Lexicon, dialect: Dialect): Candidate | undefined {
  let best: Candidate | undefined;
  for (let i = 1; i < word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    // One-letter words other than "a" and "I" are noise in a dictionary.
    if ((a.length === 1 && a !== 'a' && a !== 'i') || b.length < 2) continue;
    if (!lexicon.accepts(a, dialect) || !lexicon.accepts(b, dialect)) continue;
    const fa = lexicon.frequency(a);
    const fb = lexicon.frequency(b);
    if (fa === 0 || fb === 0) continue;
    const expected = (fa * fb) / lexicon.total;
    const score = (Math.log(expected + 0.5) + Math.log(Math.min(fa, fb))) / 2 - EDIT_PENALTY * SPLIT_COST;
    if (!best || score > best.score) best = { word: `${a} ${b}`, cost: SPLIT_COST, edits: SPLIT_COST, score, parts: [a, b] };
  }
  return best;
}

/** Gives `suggestion` the capitalisation pattern of `typed` ("Recieve" → "Receive"). */
export function matchCase(typed: string, suggestion: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase() && /[A-Z]/.test(typed)) return suggestion.toUpperCase();
  if (/^[A-Z]/.test(typed) && /^[a-z]/.test(suggestion)) return suggestion[0].toUpperCase() + suggestion.slice(1);
  return suggestion;
}
