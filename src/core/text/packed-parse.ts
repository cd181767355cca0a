/**
 * A parsed document flattened into integer arrays, so that a parse made on one thread can be
 * handed to another (the arrays transfer without copying) and rebuilt there without running
 * retext again. Every text in a parse is a slice of the source, so offsets are all it takes.
 */
import { makeToken, type Block, type ParsedDocument, type Sentence, type Token, type TokenKind } from './parse';
import type { DocumentFormat } from '../types';

/** `ParsedDocument` without its nlcst tree, as offsets. */
export interface PackedParse {
  id: string;
  text: string;
  /** The document as given, when it is not `text` (Markdown): strings are copied, so plain text sends one. */
  source?: string;
  format: DocumentFormat;
  /** `start, end` per block. */
  blocks: Int32Array;
  /** `block, start, end, token count` per sentence; a sentence's tokens follow the previous sentence's. */
  sentences: Int32Array;
  /** `start, end, kind` per token (kind as its index in `KINDS`). */
  tokens: Int32Array;
}

const KINDS: readonly TokenKind[] = ['word', 'number', 'punctuation', 'symbol'];

/** Flattens `doc` (its tree, if any, is left out). */
export function packParse(doc: ParsedDocument): PackedParse {
  const blocks = new Int32Array(doc.blocks.length * 2);
  doc.blocks.forEach((b, i) => {
    blocks[i * 2] = b.start;
    blocks[i * 2 + 1] = b.end;
  });
  const sentences = new Int32Array(doc.sentences.length * 4);
  let tokenCount = 0;
  doc.sentences.forEach((s, i) => {
    sentences[i * 4] = s.block;
    sentences[i * 4 + 1] = s.start;
    sentences[i * 4 + 2] = s.end;
    sentences[i * 4 + 3] = s.tokens.length;
    tokenCount += s.tokens.length;
  });
  const tokens = new Int32Array(tokenCount * 3);
  let t = 0;
  for (const s of doc.sentences) {
    for (const token of s.tokens) {
      tokens[t++] = token.start;
      tokens[t++] = token.end;
      tokens[t++] = KINDS.indexOf(token.kind);
    }
  }
  const source = doc.source === doc.text ? undefined : doc.source;
  return { id: doc.id, text: doc.text, ...(source === undefined ? {} : { source }), format: doc.format, blocks, sentences, tokens };
}

/** Rebuilds the parse `packParse` flattened: equal to the original but for the tree. */
export function unpackParse(packed: PackedParse): ParsedDocument {
  const { text } = packed;
  const blocks: Block[] = [];
  for (let i = 0; i < packed.blocks.length; i += 2) {
    const start = packed.blocks[i];
    const end = packed.blocks[i + 1];
    blocks.push({ index: blocks.length, start, end, text: text.slice(start, end), sentences: [] });
  }
  const sentences: Sentence[] = [];
  let t = 0;
  for (let i = 0; i < packed.sentences.length; i += 4) {
    const block = packed.sentences[i];
    const start = packed.sentences[i + 1];
    const end = packed.sentences[i + 2];
    const count = packed.sentences[i + 3];
    const tokens: Token[] = [];
    for (let k = 0; k < count; k++, t += 3) {
      const tokenStart = packed.tokens[t];
      const tokenEnd = packed.tokens[t + 1];
      tokens.push(makeToken(tokenStart, tokenEnd, text.slice(tokenStart, tokenEnd), KINDS[packed.tokens[t + 2]]));
    }
    const sentence: Sentence = { index: sentences.length, block, start, end, text: text.slice(start, end), tokens };
    sentences.push(sentence);
    blocks[block].sentences.push(sentence);
  }
  return { id: packed.id, text, source: packed.source ?? text, format: packed.format, blocks, sentences };
}

/** The buffers to list as transferred when posting `packed` to another thread. */
export function packedBuffers(packed: PackedParse): ArrayBuffer[] {
  return [packed.blocks.buffer as ArrayBuffer, packed.sentences.buffer as ArrayBuffer, packed.tokens.buffer as ArrayBuffer];
}
