/**
 * The retext style plugins that fit this check: retext-repeated-words ("the the") and
 * retext-indefinite-article ("a apple"), run over the already parsed tree.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import retextRepeatedWords from 'retext-repeated-words';
import retextIndefiniteArticle from 'retext-indefinite-article';
import type { Root, Sentence } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import type { Finding } from '../types';
import type { ParsedDocument } from '../text/parse';
import { gluedToAstralLetter } from './words';

const processor = unified().use(retextRepeatedWords).use(retextIndefiniteArticle);

/** Findings from the retext plugins, with offsets into the document. */
export function pluginFindings(doc: ParsedDocument, tree: Root): Finding[] {
  // The plugins only ever speak about sentences with a repeated word or an article, so only
  // those are handed to them (running them over every sentence of a large folder is slow).
  const sentences = candidateSentences(tree, doc.text);
  if (sentences.length === 0) return [];
  const root: Root = { type: 'RootNode', children: [{ type: 'ParagraphNode', children: sentences }] };
  const file = new VFile({ value: doc.text });
  processor.runSync(root, file);
  const findings: Finding[] = [];
  for (const m of file.messages) {
    const place = m.place;
    const start = place && 'start' in place ? place.start.offset : undefined;
    const end = place && 'end' in place ? place.end.offset : undefined;
    // "𝐇𝐞𝐥𝐥𝐨the the": the first "the" is the end of a word the parser split, not a repeat.
    if (start === undefined || end === undefined || gluedToAstralLetter(doc.text, start, end)) continue;
    const text = doc.text.slice(start, end);
    const expected = (m.expected ?? []).filter((e): e is string => typeof e === 'string');
    if (m.source === 'retext-repeated-words') {
      // A repeat across a line break is a headline running into its text, not a typo.
      if (/[\r\n]/.test(text)) continue;
      findings.push({
        start, end, text, rule: 'repeated-word',
        message: `"${expected[0] ?? text}" is repeated.`,
        suggestions: expected, confidence: 0.7, severity: 'warning',
        reason: { kind: 'plugin', source: 'retext-repeated-words' },
      });
    } else if (m.source === 'retext-indefinite-article') {
      findings.push({
        start, end, text, rule: 'indefinite-article',
        message: `${m.reason}.`,
        suggestions: expected, confidence: 0.6, severity: 'information',
        reason: { kind: 'plugin', source: 'retext-indefinite-article' },
      });
    }
  }
  return findings;
}

function candidateSentences(tree: Root, text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      let previous = '';
      let hit = false;
      for (const child of sentence.children) {
        if (child.type !== 'WordNode') continue;
        // Positions are absolute: a word's text is its slice of the source, cheaper than joining its children.
        const start = child.position?.start.offset;
        const end = child.position?.end.offset;
        const raw = start === undefined || end === undefined ? nlcstToString(child) : text.slice(start, end);
        const word = raw.toLowerCase();
        // "a" before a vowel letter, h, a digit or a capital (acronyms), or "an" before anything
        // else, is where the article plugin may speak; "a house" and "an apple" need no look.
        if (word === previous || (previous === 'a' && /^[aeiouhAEIOUH0-9]|^[A-Z]/.test(raw)) || (previous === 'an' && !/^[aeiou]/.test(word))) {
          hit = true;
          break;
        }
        previous = word;
      }
      if (hit) out.push(sentence);
    }
  }
  return out;
}
