/**
 * The words of a parsed document as the spelling checks see them: where each sits in its
 * sentence, whether it is capitalised, and the form to look up ("Xiaomi's" → "Xiaomi").
 */
import type { ParsedDocument, Token } from '../text/parse';

/** A word token with the context the checks need. */
export interface Word extends Token {
  /** The form to look up: possessive and curly apostrophes normalised away. */
  form: string;
  sentence: number;
  /** Position among the sentence's tokens. */
  position: number;
  /** First word of its sentence (or after an opening quote/bracket), where capitals say nothing. */
  sentenceStart: boolean;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** Letters only (plus inner apostrophes and hyphens): the kind of token a spelling check can judge. */
  plain: boolean;
  /** `Lexicon.verdict` on `form`, once asked, and the lexicon that gave it. */
  verdict: number;
  verdictBy: object | undefined;
}

const PLAIN = /^[A-Za-z]+(?:['-][A-Za-z]+)*$/;

/**
 * Every word token of `doc`, in order. Made anew at each call, not kept with the document:
 * counting the folder and checking a document each walk them once, and kept for every document
 * of a 2,225-article folder they were a tenth of a gigabyte held to the end of the run.
 */
export function documentWords(doc: ParsedDocument): Word[] {
  const out: Word[] = [];
  for (const sentence of doc.sentences) {
    let first = true;
    sentence.tokens.forEach((token, position) => {
      if (token.kind !== 'word') {
        if (token.kind === 'punctuation' && /^["'“‘([]$/.test(token.text)) return; // an opening mark keeps "first"
        first = false;
        return;
      }
      if (gluedToAstralLetter(doc.text, token.start, token.end)) {
        first = false;
        return;
      }
      const form = lookupForm(token.text);
      // An explicit literal (not a spread) keeps one object shape: spreads here made V8
      // fall back to slow dictionary objects and cost seconds on a large folder.
      out.push({
        start: token.start,
        end: token.end,
        text: token.text,
        lower: token.lower,
        kind: token.kind,
        form,
        sentence: sentence.index,
        position,
        sentenceStart: first,
        capitalised: /^[A-Z]/.test(form),
        plain: PLAIN.test(form),
        verdict: 0,
        verdictBy: undefined,
      });
      first = false;
    });
  }
  return out;
}

const LETTER = /[\p{L}\p{M}]/u;

/**
 * Whether `[start, end)` is a piece of a longer word: the parser reads letters outside the Basic
 * Multilingual Plane as symbols, so "𝒳iaomi" reaches the checks as "𝒳" and "iaomi", and "iaomi"
 * is not a word to judge. Only a surrogate pair beside the span can be such a letter.
 */
export function gluedToAstralLetter(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  const letterAt = (i: number) => LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
  return (before >= 0xdc00 && before <= 0xdfff && start >= 2 && letterAt(start - 2)) || (after >= 0xd800 && after <= 0xdbff && letterAt(end));
}

/** The dictionary form of a written word: straight apostrophes, no possessive ending. */
export function lookupForm(text: string): string {
  // Most words hold no apostrophe: they are their own form.
  if (!/['’‘]/.test(text)) return text;
  return text.replace(/[’‘]/g, "'").replace(/'s$|'$/i, '');
}

/** Whether the gap between two tokens is a plain word space (no line break, no mark). */
export function spaceBetween(text: string, a: Token, b: Token): boolean {
  // Read in place: asked of every pair of adjacent words, and a slice per pair added up.
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

const PLURAL_ACRONYM = /^[A-Z]{2,}s$/;

/** A word the spelling check should judge as a word: not an acronym, code, or mixed-case brand. */
export function isJudgeable(word: Word): boolean {
  if (!word.plain || word.form.length < 2) return false;
  if (word.form.length > 1 && word.form === word.form.toUpperCase()) return false; // IAF, SMS
  if (PLURAL_ACRONYM.test(word.form)) return false; // CIOs, MPs: an acronym with a plural ending is still an acronym
  return !/[a-z][A-Z]/.test(word.form); // iPhone, YouTube, NextBigWhat
}
