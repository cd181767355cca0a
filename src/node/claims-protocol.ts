/** What the CLI's two threads say to each other (see `split-analysis.ts` and `claims-worker.ts`). */
import type { DocumentAnalysis, EngineOptions, SourceDocument } from '../core/types';
import type { PackedParse } from '../core/text/packed-parse';

/** What the claims worker is started with; the documents follow in messages. */
export interface ClaimsJob {
  dataDir: string;
  options: EngineOptions;
}

/** Messages to the claims worker: batches of documents (with their parse when made), then `analyze`. */
export type ClaimsMessage =
  | { kind: 'documents'; documents: Array<{ doc: SourceDocument; parse?: PackedParse }> }
  | { kind: 'analyze' };

/**
 * Messages from the claims worker: analyses in batches as they are made (this thread takes each
 * in while the worker goes on), then `done` with the copy groups and stories.
 */
export type ClaimsReply = { kind: 'analyses'; documents: DocumentAnalysis[] } | { kind: 'done'; copies: string[][]; stories: string[][] };

/** Documents per message either way: small enough to start the other side early, large enough to post few. */
export const BATCH = 64;
