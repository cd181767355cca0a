/**
 * Findings of a Markdown document are found in its prose view (./markdown), where markup is
 * blanked. Their offsets are the file's already; this gives each the file's own text, and takes
 * the fix off one whose span holds markup ("news **paper**"): replacing the span would delete
 * the markup with the error.
 */
import type { Finding } from '../types';
import type { ParsedDocument } from './parse';

/** `findings` as the file has them: `text` sliced from the source, no suggestion across markup. */
export function findingsInSource(findings: Finding[], doc: Pick<ParsedDocument, 'text' | 'source'>): Finding[] {
  if (doc.source === doc.text) return findings;
  return findings.map((f) => {
    const text = doc.source.slice(f.start, f.end);
    if (text === doc.text.slice(f.start, f.end)) return f;
    return { ...f, text, suggestions: [] };
  });
}
