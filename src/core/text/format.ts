/**
 * Which reading a document gets: plain text, or Markdown (prose only; code, markup and front
 * matter left alone). Faces may say so (`SourceDocument.format`, e.g. from the editor's language);
 * otherwise the document's id, a path or URI, decides by its extension.
 */
import type { DocumentFormat, SourceDocument } from '../types';

// The extensions VS Code's own Markdown language claims, so a file the editor shows as Markdown
// is read as Markdown by every face, not only the editor.
const MARKDOWN_EXTENSION = /\.(?:md|markdown|mdown|mkdn|mkd|mdwn|mdtxt|mdtext)$/i;

/** The format of a file named by `id` (a path, or a URI whose query or fragment is ignored). */
export function formatOfPath(id: string): DocumentFormat {
  // Only a URI has a query or fragment: in a path "#" and "?" are part of the name.
  const path = /^[a-z][a-z0-9+.-]+:\/\//i.test(id) ? id.replace(/[?#].*$/s, '') : id;
  return MARKDOWN_EXTENSION.test(path) ? 'markdown' : 'text';
}

/** The document's format: the one it was given, else the one its id's extension implies. */
export function documentFormat(doc: Pick<SourceDocument, 'id' | 'format'>): DocumentFormat {
  return doc.format === 'markdown' || doc.format === 'text' ? doc.format : formatOfPath(doc.id);
}

/**
 * Text shown to people: runs of white space as one space. Markdown's markup is blanked to spaces,
 * so white space before a closing mark that ends a word ("[Reuters](https://…)." reads
 * "Reuters.", "*Evening Post*." "Evening Post.") or after an opening one ("(**Xiaomi**)") is
 * markup that sat against the word, and goes. A quote mark or "%" may open a word or close it, so
 * only a run of two or more (never typed) goes before one.
 */
export function plainText(text: string): string {
  return text
    .replace(/\s+(?=[.,;:!?…)\]}”]+(?:\s|$|['’"]))/g, '')
    .replace(/\s{2,}(?=['’%])/g, '')
    .replace(/(?<=[([{“])\s+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
