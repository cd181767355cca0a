/**
 * The messages between the language server and the engine worker (dist/worker.js). Requests carry
 * an id; the worker answers each with exactly one response and may send progress before it.
 */
import type { CorpusAnalysis, DocumentAnalysis, EngineOptions, SourceDocument } from '../core/types';
import type { PackedParse } from '../core/text/packed-parse';
import type { ResourcePart } from './resources';

/** What the server asks the worker to do. */
export type WorkerRequest =
  /** Loads the data files and (re)creates the engine with these options; documents already sent are kept. */
  | { id: number; type: 'configure'; dataDir: string; options: EngineOptions; parts?: ResourcePart[] }
  /**
   * Adds or replaces documents; `parses[i]`, when given, is documents[i] already parsed by the
   * sender (the CLI parses once, on its own thread, for both halves of the checks).
   */
  | { id: number; type: 'setDocuments'; documents: SourceDocument[]; parses?: Array<PackedParse | undefined> }
  | { id: number; type: 'removeDocuments'; ids: string[] }
  | { id: number; type: 'setUserWords'; words: string[] }
  /**
   * Analyses the given documents (all when `ids` is absent), plus every document related to one
   * of `relatedTo` (see `Engine.related`); progress is reported per document.
   */
  | {
      id: number;
      type: 'analyze';
      ids?: string[];
      relatedTo?: string[];
      /**
       * Stops after the first document that ends past this many milliseconds (the rest are not
       * in the answer): a background slice then keeps the worker for about this long at most.
       */
      budgetMs?: number;
      /** False leaves copies and stories out of the answer (a slice of a pass: the last slice has them). */
      groups?: boolean;
      /**
       * Each document's analysis goes in its progress message, and the answer lists none: the
       * receiver can write each out as it comes instead of holding the folder's in one message.
       */
      stream?: boolean;
    }
  /**
   * Builds what the engine builds on first use (the spelling suggester's index over the
   * dictionary words: most of a second), so the first misspelling typed does not wait for it.
   */
  | { id: number; type: 'warmUp' }
  /** The documents whose claims may change after `edited` changed (see `Engine.related`), without analysing them. */
  | { id: number; type: 'related'; edited: string[] };

/** Request without its id, as the client's callers write it. */
export type WorkerCall = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** What the worker sends back. */
export type WorkerMessage =
  | { id: number; type: 'result'; result?: CorpusAnalysis; ids?: string[] }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'progress'; done: number; total: number; document?: DocumentAnalysis };
