/**
 * Page furniture: the parts of a scraped page that are not the article — related-article
 * lists with "6 hours ago" stamps, copyright lines, bylines, author bios after a name line.
 */
import type { Block, ParsedDocument } from '../text/parse';

const TIMESTAMP = /^\s*(?:\d+|an?|one)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago\s*$/i;
// A copyright notice opens with the sign or the word, or says "all rights reserved"; the
// word alone inside a sentence is news ("copyright holders", "copyright law").
const COPYRIGHT = /^\W*(?:©|\(c\)\s*\d{4}|copyright\b)|©\s*\d{4}|\ball rights reserved\b/i;
// "By Josh Samuel", "Oct 29, 2014 | By Josh Samuel": a short line with no sentence end.
// ("By Wednesday, the planet will…" opens a sentence, not a byline.)
const BYLINE = /(?:^|\|)\s*[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:$|[,|·/])/u;
const isByline = (text: string) => BYLINE.test(text) && text.trim().split(/\s+/).length <= 12 && !/[.!?]["”’')\]]*\s*$/.test(text);
const NAME_LINE = /^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*$/u;
/** Calls to action that pages put between or after articles. */
const CALL_TO_ACTION = /^\s*(?:click|subscribe|sign up|follow us|read more|take our|share this|related:|see also|advertisement)\b/i;

/** Indexes of the blocks that are furniture, not article text. */
export function furnitureBlocks(doc: ParsedDocument): Set<number> {
  const out = new Set<number>();
  const nonEmpty = doc.blocks.filter((b) => b.text.trim() !== '');
  nonEmpty.forEach((block, k) => {
    const text = block.text;
    if (COPYRIGHT.test(text) || isByline(text) || CALL_TO_ACTION.test(text)) out.add(block.index);
    if (TIMESTAMP.test(text)) {
      out.add(block.index);
      // The teaser line above a relative time stamp belongs to a related-article list.
      if (k > 0) out.add(nonEmpty[k - 1].index);
      if (k > 1 && !/[.!?]["”’')\]]*\s*$/.test(nonEmpty[k - 2].text)) out.add(nonEmpty[k - 2].index);
    }
    if (k > 0 && isBioAfterName(nonEmpty[k - 1], block)) out.add(block.index);
  });
  return out;
}

// "Mike Moore" on its own line, then "Michael Moore joined TechWeek Europe…": an author bio.
function isBioAfterName(nameBlock: Block, block: Block): boolean {
  if (!NAME_LINE.test(nameBlock.text)) return false;
  const names = new Set(nameBlock.text.trim().split(/\s+/).map((w) => w.toLowerCase()));
  const lead = /^\s*((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)/u.exec(block.text);
  if (!lead) return false;
  return lead[1].split(/\s+/).some((w) => names.has(w.toLowerCase()));
}
