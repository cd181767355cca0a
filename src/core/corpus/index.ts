/**
 * The corpus-level index: copies between documents and corroboration of claims.
 * CONTRACT (owned by the claims/corroboration work): keep these exports' shapes.
 */
import type { Claim, EngineOptions, EngineResources } from '../types';
import type { ParsedDocument } from '../text/parse';
import type { ClaimSentence } from '../claims';

/** Incrementally maintained index over every document's sentences and claims. */
export interface CorroborationIndex {
  /** Adds or replaces a document (its sentences are indexed; its claims remembered). */
  upsert(doc: ParsedDocument, claims: ClaimSentence[]): void;
  remove(docId: string): void;
  /** The claims of one document with status and evidence against all other documents. */
  corroborate(docId: string): Claim[];
  /** Copy groups (document ids, each group sorted, groups sorted by first id). */
  copies(): string[][];
}

/** Creates an empty index. */
export function createCorroborationIndex(_resources: EngineResources, _options: EngineOptions): CorroborationIndex {
  const docs = new Map<string, ClaimSentence[]>();
  return {
    upsert(doc, claims) { docs.set(doc.id, claims); },
    remove(id) { docs.delete(id); },
    corroborate(id) {
      return (docs.get(id) ?? []).map((c) => ({
        id: `${id}#${c.sentence.start}`, start: c.sentence.start, end: c.sentence.end, text: c.sentence.text,
        status: 'single-source' as const, attribution: c.attribution, evidence: [],
      }));
    },
    copies() { return []; },
  };
}
