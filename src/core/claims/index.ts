/**
 * Claim detection: which sentences of a parsed document assert something checkable,
 * and who the text attributes them to.
 * CONTRACT (owned by the claims/corroboration work): keep these exports' shapes.
 */
import type { ParsedDocument, Sentence } from '../text/parse';
import { furnitureBlocks } from './furniture';
import { findAttribution } from './attribution';

/** A sentence judged to be a claim, before the corpus is consulted. */
export interface ClaimSentence {
  sentence: Sentence;
  attribution?: string;
}

/** Fewest words (numbers included) a claim can have: shorter lines are labels and fragments. */
export const MIN_CLAIM_WORDS = 5;

/** Returns the claims of a document in document order. */
export function extractClaims(doc: ParsedDocument): ClaimSentence[] {
  const furniture = furnitureBlocks(doc);
  const out: ClaimSentence[] = [];
  const headline = headlineBlock(doc, furniture);
  for (const sentence of joinBrokenSentences(doc)) {
    if (furniture.has(sentence.block)) continue;
    if (!(isAssertion(sentence) || (sentence.block === headline && isHeadline(sentence)) || isStandfirst(sentence, doc))) continue;
    const attribution = findAttribution(sentence);
    out.push(attribution ? { sentence, attribution } : { sentence });
  }
  return out;
}

const ELLIPSIS_END = /(?:\.\.\.|…)$/;

/**
 * Rejoins sentences the splitter cut inside a token: "Index .SPX was up" and "<.IXIC> added"
 * are split after the full stop although no space follows it. Also rejoins across an ellipsis
 * that has more of its paragraph after it: there it marks words left out of a quotation
 * ("through the prism of ... Sept. 11th"), not the end of a statement.
 */
export function joinBrokenSentences(doc: ParsedDocument): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    const prev = out[out.length - 1];
    if (prev && prev.block === s.block && (prev.end === s.start || ELLIPSIS_END.test(prev.text))) {
      out[out.length - 1] = { ...prev, end: s.end, text: doc.text.slice(prev.start, s.end), tokens: [...prev.tokens, ...s.tokens] };
    } else out.push(s);
  }
  return out;
}

/** Fewest words a headline needs to state something ("Sacked worker shoots ex-colleagues"). */
const MIN_HEADLINE_WORDS = 4;

/**
 * The headline: the first line of article text, before any other, when more text follows. It
 * states the story's main fact ("Indian Navy foils pirate attack off Gulf of Aden"), so it is a
 * claim although it ends without a full stop. Page labels above it ("Trending News") are too short.
 */
function headlineBlock(doc: ParsedDocument, furniture: ReadonlySet<number>): number {
  const blocks = doc.blocks.filter((b) => b.text.trim() !== '' && !furniture.has(b.index));
  for (const [k, b] of blocks.entries()) {
    if (k + 1 === blocks.length) return -1;
    if (b.sentences.length === 1 && wordCount(b.sentences[0]) >= MIN_HEADLINE_WORDS) return b.index;
    // A line of prose before any headline-like line: the document has no headline.
    if (b.sentences.some(isAssertion)) return -1;
  }
  return -1;
}

/** A headline that asks ("Will The Company Be Proven Guilty") states nothing. */
const QUESTION_OPENING = /^\W*(?:will|would|can|could|should|shall|is|are|was|were|do|does|did|has|have|had|how|why|what|who|whom|which|when|where)\b/i;

/** A headline line that states something: not a question, not cut off as a teaser. */
function isHeadline(sentence: Sentence): boolean {
  const core = sentence.text.replace(TRAILING, '');
  return !core.endsWith('?') && !QUESTION_OPENING.test(core) && !/(?:\.\.\.|…)$/.test(core) && !/:$/.test(core);
}

const wordCount = (sentence: Sentence) => sentence.tokens.filter((t) => t.kind === 'word' || t.kind === 'number').length;

/** Fewest words an unpunctuated line of prose needs to state something of its own. */
const MIN_STANDFIRST_WORDS = 6;

/**
 * A line of prose in sentence case that stands alone without a full stop: a standfirst under
 * the headline, a summary bullet ("His sister Katie Jenkin, 20, and mother Alice McMeekin, 58,
 * were found dead in a home in Millom, Cumbria"), or a paragraph whose full stop was lost.
 * Title-case lines, labels and lines ending in a colon or a cut are left out.
 */
function isStandfirst(sentence: Sentence, doc: ParsedDocument): boolean {
  if (doc.blocks[sentence.block]?.sentences.length !== 1) return false;
  const words = sentence.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  if (words.length < MIN_STANDFIRST_WORDS) return false;
  const core = sentence.text.replace(TRAILING, '');
  if (/[?:;,…]$|\.\.\.$/.test(core) || !/^[\p{Lu}\p{N}"“‘']/u.test(core)) return false;
  const long = words.map((w) => w.text).filter((w) => /^\p{L}{4,}/u.test(w));
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return long.length >= 3 && capitalised / long.length <= 0.5;
}

const TRAILING = /[\s"'”’»)\]]+$/;
/** A photo or wire credit after the last full stop: "… Samsung Electronics Co Ltd. Reuters". */
const CREDIT = /\.\s+\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)?$/u;

/** True when a sentence reads as a statement: ended like prose, long enough, not a headline or question. */
export function isAssertion(sentence: Sentence): boolean {
  const words = sentence.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  if (words.length < MIN_CLAIM_WORDS) return false;
  const core = sentence.text.replace(TRAILING, '');
  if (core.endsWith('?')) return false;
  // A teaser cut off with an ellipsis is not a whole statement.
  if (/(?:\.\.\.|…)$/.test(core)) return false;
  if (/\.$/.test(core)) return true;
  // Headlines end without a full stop; one ending in "!" or a wire credit is a headline when title-cased.
  if (!/!$/.test(core) && !CREDIT.test(core)) return false;
  return !isTitleCase(words.map((w) => w.text));
}

// "Three Models Of China's Xiaomi Mi Phones Are Pictured": nearly every longer word capitalised.
function isTitleCase(words: string[]): boolean {
  const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
  if (long.length < 4) return false;
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / long.length >= 0.85;
}
