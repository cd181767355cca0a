/**
 * Claim detection: which sentences of a parsed document assert something checkable,
 * and who the text attributes them to.
 * CONTRACT (owned by the claims/corroboration work): keep these exports' shapes.
 */
import type { ParsedDocument, Sentence } from '../text/parse';

/** A sentence judged to be a claim, before the corpus is consulted. */
export interface ClaimSentence {
  sentence: Sentence;
  attribution?: string;
}

/** Returns the claims of a document in document order. */
export function extractClaims(doc: ParsedDocument): ClaimSentence[] {
  return doc.sentences.filter((s) => /[.!]["”’)]*$/.test(s.text) && s.tokens.length > 5).map((sentence) => ({ sentence }));
}
