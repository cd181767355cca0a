/**
 * What the two list files have in common: UTF-8 text that must read back exactly before
 * anything is written to it. A file that does not decode, or that holds a merge conflict,
 * is the user's unfinished work, not something to rewrite.
 */

/** A list file read as text, or the reason it cannot be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Decodes a list file; refuses bytes that are not UTF-8 (rewriting them would change them). */
export function decodeListText(bytes: Uint8Array): Parsed<string> {
  try {
    // ignoreBOM keeps a leading U+FEFF in the text, so a rewrite keeps it too.
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'is not valid UTF-8 text' };
  }
}

// Git writes `<<<<<<< ours`, `=======`, `>>>>>>> theirs` (and `|||||||` with diff3) at line starts.
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})(?:[ \t]|\r?$)/m;

/** The problem when `text` holds a merge-conflict marker ("has a merge conflict marker on line 3"). */
export function conflictProblem(text: string): string | undefined {
  const match = CONFLICT_MARKER.exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index).split('\n').length;
  return `has a merge conflict marker on line ${line}`;
}

/** The line ending a file already uses, for lines added to it. */
export function lineEnding(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}
