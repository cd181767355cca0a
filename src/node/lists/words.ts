/**
 * `.second-source/words.txt`: accepted words, one a line. Blank lines and `#` comments are
 * the user's too, so a word is added by appending a line, never by rewriting the list.
 */
import { conflictProblem, lineEnding, type Parsed } from './text';

/** A readable word list: its words, and the file text with more words appended. */
export interface WordList {
  words: string[];
  withAdded(words: ReadonlyArray<string>): string;
}

/** Reads a word list's text (already decoded); a merge conflict is a problem, not a word. */
export function parseWordList(text: string): Parsed<WordList> {
  const conflict = conflictProblem(text);
  if (conflict) return { ok: false, problem: conflict };
  const words = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((w) => w.trim())
    .filter((w) => w && !w.startsWith('#'));
  const withAdded = (added: ReadonlyArray<string>) => {
    if (added.length === 0) return text;
    const eol = lineEnding(text);
    const body = text === '' || /[\r\n]$/.test(text) ? text : text + eol;
    return body + added.map((w) => w + eol).join('');
  };
  return { ok: true, value: { words, withAdded } };
}

/** The form a word is stored in: one line, trimmed ("news\npaper" becomes "news paper"). */
export function normalizeWord(word: string): string {
  return word.replace(/\s+/g, ' ').trim();
}

/** The engine matches words case-insensitively, so "Unicorn" already covers "unicorn". */
export const sameWord = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
