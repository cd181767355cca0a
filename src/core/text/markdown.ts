/**
 * The prose of a Markdown file, as the checks read it: a text exactly as long as the file, in
 * which every character of prose stands where it stands in the file and everything else is a
 * space. So the one parser and every check run unchanged, and every offset they give (claims,
 * findings, evidence, fixes) is an offset into the file, even inside emphasis or a link's text.
 *
 * Prose is the text of headings, paragraphs (in lists, block quotes and footnotes too), table
 * cells, link texts and image descriptions, and a front matter `title:` when no heading opens the
 * body. Code (fenced, indented, inline), HTML, link and image URLs, autolinks, front matter,
 * footnote labels and reference definitions are blanked.
 *
 * For VS Code for the Web: micromark decodes named character references through
 * `decode-named-character-reference`, whose `browser` build needs a DOM; a web worker bundle must
 * resolve its `worker` export condition (listed first), which decodes without one.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Span } from '../types';

/** The prose view of a Markdown file. */
export interface MarkdownProse {
  /** As long as the file: prose in place, everything else blanked (line breaks end blocks). */
  text: string;
  /** The prose blocks (headings, paragraphs, table cells, the title), in order: from their first prose character to just after their last. */
  blocks: Span[];
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** The parts of an mdast node this module reads (the mdast types would need a cast per node kind). */
interface MdNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  value?: string;
  alt?: string | null;
  children?: MdNode[];
}

/** Nodes whose prose is one block: a sentence never runs from one into the next. */
const BLOCK_TYPES = new Set(['heading', 'paragraph', 'tableCell']);
/** Nodes whose content is never prose (their text children, if any, are left alone too). */
const SKIPPED_TYPES = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition', 'footnoteReference']);

const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * remark's time grows with the square of counts that no article reaches: containers nested on
 * one line (5,000 `>` took 2.8 s, 3,000 nested `- ` 9.8 s) and emphasis or link marks in one
 * paragraph (50,000 `*a` took 98 s, 20,000 `[` 16 s). A file past either limit is read as plain
 * text rather than let it stall the editor; the limits are far above any article's.
 */
const MAX_CONTAINER_DEPTH = 32;
const MAX_MARKS_PER_PARAGRAPH = 1_000;

/** Builds the prose view of `source`; never throws (a file remark cannot read is taken as it is). */
export function markdownProse(source: string): MarkdownProse {
  if (tooCostly(source)) return { text: source, blocks: [] };
  let root: MdNode;
  try {
    root = parser.parse(source) as MdNode;
  } catch {
    // Nothing in remark is known to throw on a string, but a file must never stop the analysis.
    return { text: source, blocks: [] };
  }
  // micromark drops a leading byte-order mark and counts its offsets from the character after it.
  const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const at = (point: { offset?: number } | undefined) => (point?.offset === undefined ? undefined : point.offset + shift);
  const keep = new Uint8Array(source.length);
  const inBlock = new Uint8Array(source.length);
  const blocks: Span[] = [];

  const title = titleSpan(root, source, at);
  if (title) {
    keep.fill(1, title.start, title.end);
    blocks.push(title);
  }

  // Depth-first, without recursion: deeply nested quotes or lists must not overflow the stack.
  const stack: Array<{ node: MdNode; block: Span | undefined }> = [{ node: root, block: undefined }];
  while (stack.length > 0) {
    const { node, block } = stack.pop()!;
    const start = at(node.position?.start);
    const end = at(node.position?.end);
    if (SKIPPED_TYPES.has(node.type) || start === undefined || end === undefined) continue;
    // An autolink (`<https://…>`, a bare `www.…`) shows its URL as its text: not prose.
    if (node.type === 'link' && source.charCodeAt(start) !== 91 /* [ */) continue;
    let here = block;
    if (BLOCK_TYPES.has(node.type)) {
      here = { start: -1, end: -1 };
      blocks.push(here);
      inBlock.fill(1, start, end);
    }
    if (node.type === 'text' && here) {
      markValue(source, start, end, node.value ?? '', keep, here);
    } else if (node.type === 'image' && here && node.alt) {
      // `![alt](src)`: the description follows the two opening marks; the rest is the URL.
      markValue(source, Math.min(start + 2, end), end, node.alt, keep, here);
    } else if (node.type === 'break') {
      // A hard line break ends a sentence, as a line break does in plain text.
      inBlock.fill(0, start, end);
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], block: here });
  }

  const found = blocks.filter((b) => b.start >= 0).sort((a, b) => a.start - b.start);
  return { text: proseText(source, keep, inBlock, found), blocks: found };
}

/**
 * Whether `source` passes a limit above, counted in one pass: the block-quote and list markers
 * that open each line, and the emphasis and link marks of each paragraph (counted afresh after a
 * blank line and at each list item, quoted line, table row or heading, so a long list of links passes).
 */
function tooCostly(source: string): boolean {
  let depth = 0;
  let marks = 0;
  let lineStart = true;
  let blank = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (blank) marks = 0;
      depth = 0;
      lineStart = true;
      blank = true;
      continue;
    }
    if (lineStart && (c === 124 /* | */ || c === 35 /* # */)) marks = 0;
    if (c !== 32 && c !== 9) blank = false;
    // * _ [ ] ~
    if ((c === 42 || c === 95 || c === 91 || c === 93 || c === 126) && ++marks > MAX_MARKS_PER_PARAGRAPH) return true;
    if (!lineStart || c === 32 || c === 9) continue;
    const marker = c === 62 /* > */ ? 1 : (c === 45 || c === 42 || c === 43) /* - * + */ && /[ \t]/.test(source[i + 1] ?? '') ? 1 : orderedMarker(source, i);
    if (marker === 0) lineStart = false;
    else {
      marks = 0;
      if (++depth > MAX_CONTAINER_DEPTH) return true;
      i += marker - 1;
    }
  }
  return false;
}

/** The length of an ordered list marker ("12. ", "3) ") at `i` without its space, or 0. */
function orderedMarker(source: string, i: number): number {
  let j = i;
  while (j < source.length && j - i < 10 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
  return j > i && /[.)]/.test(source[j] ?? '') && /[ \t]/.test(source[j + 1] ?? '') ? j + 1 - i : 0;
}

/**
 * Marks as prose the characters of `source[start, end)` that spell `value`, the node's text as
 * remark decoded it. What is left over is markup inside the node's span: a backslash escape's
 * backslash, a character reference, the `>` and indent that open a quote's or list's next line.
 * Stops when `value` is spelled out, so an image's URL after its description stays blank.
 */
function markValue(source: string, start: number, end: number, value: string, keep: Uint8Array, block: Span): void {
  let j = 0;
  for (let i = start; i < end && j < value.length; ) {
    if (source[i] === value[j]) {
      keep[i] = 1;
      if (block.start < 0) block.start = i;
      block.end = i + 1;
      i++;
      j++;
      continue;
    }
    const reference = source[i] === '&' ? CHARACTER_REFERENCE.exec(source.slice(i, i + 40)) : null;
    if (reference) {
      // "&#39;" stands for one character (two for one outside the BMP): blank it, skip that one.
      i += reference[0].length;
      j += isHighSurrogate(value.charCodeAt(j)) ? 2 : 1;
    } else i++;
  }
}

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * Writes the view: prose characters as they are, but a line break inside a block (a soft break)
 * as a space, since Markdown wraps paragraphs over lines; blanks as spaces, but line breaks
 * outside blocks (and hard breaks) as they are, and a line break after a block that shares its
 * line with the next (table cells), so the parser's rule "a line break ends a sentence" holds.
 */
function proseText(source: string, keep: Uint8Array, inBlock: Uint8Array, blocks: Span[]): string {
  const out: string[] = new Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (isLineBreak(c)) out[i] = keep[i] || inBlock[i] ? ' ' : source[i];
    else out[i] = keep[i] ? source[i] : ' ';
  }
  for (let k = 0; k + 1 < blocks.length; k++) {
    const { end } = blocks[k];
    const next = blocks[k + 1].start;
    let broken = false;
    for (let i = end; i < next && !broken; i++) broken = isLineBreak(out[i].charCodeAt(0));
    if (!broken && end < next) out[end] = '\n';
  }
  return out.join('');
}

/**
 * The value of a front matter `title:` (YAML) or `title =` (TOML), quotes left out, when no
 * heading opens the body: then it is the article's headline.
 */
function titleSpan(root: MdNode, source: string, at: (point: { offset?: number } | undefined) => number | undefined): Span | undefined {
  const children = root.children ?? [];
  const matter = children.find((n) => n.type === 'yaml' || n.type === 'toml');
  const first = children.find((n) => n.type !== 'yaml' && n.type !== 'toml' && n.type !== 'html' && n.type !== 'definition');
  if (!matter || first?.type === 'heading') return undefined;
  const start = at(matter.position?.start);
  const end = at(matter.position?.end);
  if (start === undefined || end === undefined) return undefined;
  const raw = source.slice(start, end);
  const line = (matter.type === 'yaml' ? /^title[ \t]*:[ \t]*(\S.*?)[ \t]*$/m : /^title[ \t]*=[ \t]*(\S.*?)[ \t]*$/m).exec(raw);
  if (!line) return undefined;
  let from = start + line.index + line[0].indexOf(line[1]);
  let to = from + line[1].length;
  const quote = line[1][0];
  if ((quote === '"' || quote === "'") && line[1].length > 1 && line[1].endsWith(quote)) {
    from++;
    to--;
  } else if (/^[|>[{&*!]/.test(line[1])) {
    // A block scalar, a list, an anchor or a tag: not a one-line title.
    return undefined;
  }
  return to > from ? { start: from, end: to } : undefined;
}
