/**
 * Where a sentence's clauses begin: the one clause splitter that fact matching and
 * attribution share. A clause starts at a comma, semicolon, colon, dash, bracket or quote
 * mark, and at a subordinating or coordinating word ("that", "which", "and", "but", "while").
 */
import type { Token } from './parse';

/** Marks that end a clause. A hyphen counts only set apart by a space: "Gin-Shian" is one name. */
const CLAUSE_MARKS = new Set([',', ';', ':', '—', '–', '--', '(', ')', '"', '“', '”']);
/** Words that open a new clause. */
const CLAUSE_WORDS = new Set(['that', 'and', 'but', 'if', 'whether', 'which', 'who', 'while', 'because', 'although', 'though', 'whereas', 'where', 'when', 'as']);

/** Whether the token at `i` is a mark that separates clauses. */
export function isClauseMark(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (CLAUSE_MARKS.has(t.text)) return true;
  // "a test - the first": a spaced hyphen is a dash.
  return t.text === '-' && (i === 0 || tokens[i - 1].end < t.start || i + 1 === tokens.length || tokens[i + 1].start > t.end);
}

/** Whether the token at `i` is a word that opens a clause. */
export function isClauseWord(tokens: readonly Token[], i: number): boolean {
  return CLAUSE_WORDS.has(tokens[i].lower);
}

/** Words that open a clause that is what a verb says or asks ("found that…", "asked whether…"). */
const COMPLEMENT_WORDS = new Set(['that', 'whether', 'if']);
/** Auxiliaries and copulas: a clause holding one has its verb. */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'do', 'does', 'did']);

/** Whether a word shows a clause's verb without a tagger: an auxiliary, or an -ed or -ing form. */
export function marksVerb(t: Token): boolean {
  return AUXILIARIES.has(t.lower) || (t.lower.length > 4 && /(?:ed|ing)$/.test(t.lower));
}

/** For each token, the number of the clause that holds it (0-based, in reading order). */
export function clauseIndexes(tokens: readonly Token[]): number[] {
  let clause = 0;
  // Inside "found that user's phone and personal data are not secured", the "and" joins the
  // subject's nouns: a complement clause with no verb yet does not end at "and".
  let verbless = false;
  return tokens.map((t, i) => {
    if (i > 0 && (isClauseMark(tokens, i) || isClauseWord(tokens, i))) {
      const joinsNouns = verbless && t.lower === 'and';
      if (!joinsNouns) {
        clause++;
        verbless = COMPLEMENT_WORDS.has(t.lower);
      }
    } else if (verbless && marksVerb(t)) verbless = false;
    return clause;
  });
}
