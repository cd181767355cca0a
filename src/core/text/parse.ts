/**
 * Parses a document with unified + retext-english into blocks, sentences and tokens that
 * carry exact UTF-16 offsets into the original text. A Markdown document is parsed through its
 * prose view (./markdown): the same length as the file, so the offsets are the file's.
 */
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { toString as nlcstToString } from 'nlcst-to-string';
import type { Root, Sentence as NlcstSentence, Paragraph, SentenceContent } from 'nlcst';
import type { DocumentFormat, Span } from '../types';
import { markdownProse } from './markdown';

/** The kind of a token, as nlcst sees it, with numbers told apart from words. */
export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol';

/** A word, number or mark inside a sentence. */
export interface Token extends Span {
  text: string;
  /** `text` in lower case, made once: every check compares tokens case-blind. */
  lower: string;
  kind: TokenKind;
}

/**
 * One sentence. A sentence never spans a line break: a headline line is its own sentence. (In
 * Markdown a paragraph's soft line breaks are spaces of its prose, so sentences run over them.)
 */
export interface Sentence extends Span {
  /** Position in the document's sentence list. */
  index: number;
  /** Index of the block (line) that holds it. */
  block: number;
  text: string;
  /** Words, numbers and marks, in order (white space left out). */
  tokens: Token[];
}

/**
 * A line of text (or a paragraph when the source wraps paragraphs over no line breaks); in
 * Markdown, a heading, a paragraph, a table cell or the front matter's title.
 */
export interface Block extends Span {
  index: number;
  text: string;
  sentences: Sentence[];
}

/** A document parsed once, shared by every check. */
export interface ParsedDocument {
  id: string;
  /**
   * The text the checks read, as long as `source`: `source` itself for plain text; for Markdown
   * its prose, with markup, code and front matter blanked to spaces. Every span slices both.
   */
  text: string;
  /** The document as given. */
  source: string;
  format: DocumentFormat;
  /**
   * The nlcst tree of the whole text (positions are absolute), for retext plugins. The engine
   * drops it once the tree-based checks have run: a 2,000-article folder's trees take ~0.5 GB.
   */
  tree?: Root;
  blocks: Block[];
  sentences: Sentence[];
}

const parser = unified().use(retextEnglish);

const NUMBER = /^[+-]?(?:\d[\d,]*)(?:\.\d+)?%?$/;

/** Parses `source` read as `format`; never throws on odd input (empty text gives empty lists). */
export function parseDocument(id: string, source: string, format: DocumentFormat = 'text'): ParsedDocument {
  const prose = format === 'markdown' ? markdownProse(source) : undefined;
  const text = prose ? prose.text : source;
  const tree = parser.parse(text) as Root;
  const sentences: Sentence[] = [];
  const blocks: Block[] = prose?.blocks.length ? spanBlocks(text, prose.blocks) : lineBlocks(text);
  let blockIndex = 0;

  const pushSentence = (nodes: SentenceContent[]) => {
    const raw: Token[] = [];
    for (const node of nodes) {
      const token = nodeToken(node, text);
      if (token) raw.push(token);
    }
    const tokens = joinDigitGroups(raw, text);
    if (tokens.length === 0) return;
    const start = tokens[0].start;
    const end = tokens[tokens.length - 1].end;
    while (blockIndex < blocks.length - 1 && blocks[blockIndex].end <= start) blockIndex++;
    const sentence: Sentence = {
      index: sentences.length,
      block: blockIndex,
      start,
      end,
      text: text.slice(start, end),
      tokens,
    };
    sentences.push(sentence);
    blocks[blockIndex].sentences.push(sentence);
  };

  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of (paragraph as Paragraph).children) {
      if (sentence.type !== 'SentenceNode') continue;
      // retext joins lines with no end mark into one sentence; a line break ends a sentence
      // here, so "Trending News\nChinese Tech Giant…" stays two.
      let current: SentenceContent[] = [];
      for (const child of (sentence as NlcstSentence).children) {
        if (child.type === 'WhiteSpaceNode' && hasLineBreak(child, text)) {
          pushSentence(current);
          current = [];
        } else {
          current.push(child);
        }
      }
      pushSentence(current);
    }
  }
  return { id, text, source, format, tree, blocks, sentences };
}

/** Blocks at the given spans (at least one, as `lineBlocks` gives, so every sentence has a block). */
function spanBlocks(text: string, spans: readonly Span[]): Block[] {
  const blocks = spans.map(({ start, end }, index) => ({ index, start, end, text: text.slice(start, end), sentences: [] }));
  return blocks.length ? blocks : [{ index: 0, start: 0, end: 0, text: '', sentences: [] }];
}

function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n\u2028\u2029]*(?:\r\n|[\r\n\u2028\u2029]|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') {
    const line = m[0].replace(/[\r\n\u2028\u2029]+$/, '');
    blocks.push({ index: blocks.length, start: m.index, end: m.index + line.length, text: line, sentences: [] });
  }
  if (blocks.length === 0) blocks.push({ index: 0, start: 0, end: 0, text: '', sentences: [] });
  return blocks;
}

/** Whether a white-space node holds a line break, read in place (one per gap between words). */
function hasLineBreak(node: SentenceContent, text: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return /[\n\r\u2028\u2029]/.test(nlcstToString(node));
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

function nodeToken(node: SentenceContent, source: string): Token | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const text = source.slice(start, end);
  switch (node.type) {
    case 'WordNode':
      return makeToken(start, end, text, NUMBER.test(text) ? 'number' : 'word');
    case 'PunctuationNode':
      return makeToken(start, end, text, 'punctuation');
    case 'SymbolNode':
      return makeToken(start, end, text, 'symbol');
    default:
      return undefined;
  }
}

/** A token whose `text` is `source.slice(start, end)`; its lower-case form is made here once. */
export function makeToken(start: number, end: number, text: string, kind: TokenKind): Token {
  return { start, end, text, lower: kind === 'punctuation' ? text : text.toLowerCase(), kind };
}

// retext splits "90,000" at the comma; a comma between digits with a 3-digit group after
// it is a thousands separator, so the parts are one number.
function joinDigitGroups(tokens: Token[], text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const prev = out[out.length - 1];
    const comma = tokens[i];
    const next = tokens[i + 1];
    if (
      prev?.kind === 'number' && comma.text === ',' && next !== undefined &&
      prev.end === comma.start && comma.end === next.start && /^\d{3}(?:\.\d+)?%?\.?$/.test(next.text) && !prev.text.includes('.')
    ) {
      // At the very end of a text retext keeps the full stop on the word ("000."): split it off.
      const stop = next.text.endsWith('.') ? 1 : 0;
      const end = next.end - stop;
      const joined = text.slice(prev.start, end);
      out[out.length - 1] = makeToken(prev.start, end, joined, 'number');
      if (stop) out.push(makeToken(end, next.end, '.', 'punctuation'));
      i++;
      continue;
    }
    out.push(comma);
  }
  return out;
}
