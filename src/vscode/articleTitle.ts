/**
 * An article's name as a reader knows it: its headline (a Markdown heading or front-matter
 * title when there is one), else its first line of text. Seed files are named by hashes
 * (`002_1d4e819504267dee.txt`), which say nothing of which article it is. No `vscode` import.
 */

/** Longest title shown; a first line that is a whole paragraph is cut with an ellipsis. */
const MAX = 90;
// A first line of one to three words is site furniture ("Trending News") more often than a headline.
const MIN_WORDS = 4;

/** The headline or first line of `text`; undefined when the text has no line to show. */
export function articleTitle(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  let at = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) {
      const title = lines.slice(1, close).map((l) => /^title:\s*(.+)$/i.exec(l)?.[1]).find(Boolean);
      if (title) return cut(title.replace(/^(["'])(.*)\1$/, '$2'));
      at = close + 1;
    }
  }
  const shown = lines
    .slice(at)
    .map((l) => l.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').trim())
    .filter((l) => l.length > 0 && !/^([-=*_]\s*){3,}$/.test(l));
  // A heading that opens the body is the headline, however short.
  const first = lines.slice(at).find((l) => l.trim().length > 0);
  if (first && /^\s{0,3}#{1,6}\s+\S/.test(first) && shown[0]) return cut(shown[0]);
  const line = shown.find((l) => l.split(/\s+/).length >= MIN_WORDS) ?? shown[0];
  return line ? cut(line) : undefined;
}

function cut(line: string): string {
  const text = line.trim().replace(/\s+/g, ' ');
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
