/**
 * Attribution: who a sentence says its fact comes from — "according to Reuters",
 * "Lou told reporters", "a statement from Taiwan's executive branch", "Reuters reported".
 */
import type { Sentence, Token } from '../text/parse';
import { isClauseMark, isClauseWord } from '../text/clauses';

/** Reporting verbs that attribute a statement to the word group next to them. */
const REPORTING = new Set([
  'said', 'says', 'told', 'tells', 'reported', 'reports', 'stated', 'states', 'announced', 'announces',
  'added', 'explained', 'noted', 'claimed', 'claims', 'confirmed', 'confirms', 'wrote', 'writes',
  'quoted', 'warned', 'insisted', 'argued', 'estimated', 'revealed', 'disclosed', 'acknowledged', 'admitted',
]);
const MAX_WORDS = 9;
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);
/** Words that can end a subject before its verb but are not part of the source's name. */
const TRAILING_FILLER = /(?:\s+(?:has|have|had|was|were|is|are|also|has also|had also|recently|then|later|previously|earlier|again|would|will|had|been|once|further|publicly|separately|reportedly))+$/i;
const PRONOUN_OR_AUX = /^(?:it|he|she|they|we|i|you|this|that|there|these|those|was|were|is|are|has|have|had|been|be)\b/i;
const JOINERS = new Set(['of', 'from', 'at', 'for', 'the', "'s", '’s', '-']);

/** Whether a lower-case word reports speech ("said", "told", "announced"): it frames a fact rather than states one. */
export function isReportingVerb(lower: string): boolean {
  return REPORTING.has(lower);
}

/** The source a sentence names for itself, as written, or undefined. */
export function findAttribution(sentence: Sentence): string | undefined {
  const tokens = sentence.tokens;
  const lower = tokens.map((t) => t.lower);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (lower[i] === 'according' && lower[i + 1] === 'to') return phraseAfter(sentence, i + 2);
  }
  for (let i = 0; i < tokens.length; i++) {
    // "the said company" uses "said" as an adjective.
    if (!REPORTING.has(lower[i]) || DETERMINERS.has(lower[i - 1] ?? '')) continue;
    const before = phraseBefore(sentence, i);
    if (before) return before;
    // Inverted order after a quote: `"…," said John Smith.`
    const after = phraseAfter(sentence, i + 1);
    if (after && /^\p{Lu}/u.test(after)) return after;
  }
  return undefined;
}

// A name, not a span: Markdown's blanked markup ("a **Reuters** report") closes up.
const text = (s: Sentence, a: Token, b: Token) => s.text.slice(a.start - s.start, b.end - s.start).replace(/\s+/g, ' ');

function phraseAfter(s: Sentence, from: number): string | undefined {
  const t = s.tokens;
  let end = from;
  while (end < t.length && end - from < MAX_WORDS && !isClauseMark(t, end) && t[end].text !== '.' && !isClauseWord(t, end)) {
    // A lower-case word right after a name starts the next clause: "…from Russia Xiaomi is planning".
    const prev = t[end - 1]?.text ?? '';
    const prevLower = t[end - 1]?.lower ?? '';
    if (end > from && /^\p{Ll}/u.test(t[end].text) && /^\p{Lu}/u.test(prev) && !/['’]s$/.test(prev) && !JOINERS.has(t[end].lower)) break;
    // …and a name right after a common noun starts it too: "the government statement Xiaomi's devices send…".
    if (end > from && /^\p{Lu}/u.test(t[end].text) && /^\p{Ll}/u.test(prev) && !JOINERS.has(prevLower) && !DETERMINERS.has(prevLower)) break;
    end++;
  }
  return end > from ? text(s, t[from], t[end - 1]) : undefined;
}

function phraseBefore(s: Sentence, verb: number): string | undefined {
  const t = s.tokens;
  // "John Smith, a spokesman for the firm, said": skip the appositive back to the name.
  if (t[verb - 1]?.text === ',') {
    let p = verb - 2;
    while (p >= 0 && t[p].text !== ',' && verb - p < MAX_WORDS + 2) p--;
    if (p <= 0 || t[p].text !== ',' || !DETERMINERS.has(t[p + 1].lower)) return undefined;
    let nameStart = p;
    while (nameStart > 0 && /^\p{Lu}/u.test(t[nameStart - 1].text)) nameStart--;
    if (nameStart === p || (nameStart > 0 && !isClauseMark(t, nameStart - 1))) return undefined;
    return text(s, t[nameStart], t[p - 1]);
  }
  let start = verb;
  while (start > 0 && verb - start < MAX_WORDS && !isClauseMark(t, start - 1) && !isClauseWord(t, start - 1)) start--;
  if (start === verb) return undefined;
  // "Gin-Shian Lou, a director at …, said": the appositive names a role; the name before it is the source.
  if (start > 0 && t[start - 1].text === ',' && /^an?$|^the$/i.test(t[start].text)) {
    let nameStart = start - 1;
    while (nameStart > 0 && !isClauseMark(t, nameStart - 1) && /^\p{Lu}/u.test(t[nameStart - 1].text)) nameStart--;
    if (nameStart < start - 1 && (nameStart === 0 || isClauseMark(t, nameStart - 1))) return text(s, t[nameStart], t[start - 2]);
  }
  const phrase = text(s, t[start], t[verb - 1]).replace(TRAILING_FILLER, '');
  // A pronoun is not a source worth showing; an auxiliary means a passive ("was acknowledged").
  if (phrase === '' || PRONOUN_OR_AUX.test(phrase)) return undefined;
  return phrase;
}
