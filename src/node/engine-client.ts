/**
 * The language server's handle on the engine worker: typed calls that resolve with the worker's
 * answer. Calls are answered in order, one at a time, by the single worker thread.
 */
import { Worker } from 'node:worker_threads';
import type { CorpusAnalysis, DocumentAnalysis, EngineOptions, SourceDocument } from '../core/types';
import { packedBuffers, type PackedParse } from '../core/text/packed-parse';
import type { WorkerCall, WorkerMessage } from './engine-protocol';
import type { ResourcePart } from './resources';

/** Progress callback: documents analysed so far out of the total. */
export type OnProgress = (done: number, total: number) => void;

/** Typed calls into the engine worker. */
export interface EngineClient {
  /** (Re)creates the engine; `parts` limits the data loaded to what its checks use (all by default). */
  configure(dataDir: string, options: EngineOptions, parts?: ResourcePart[]): Promise<void>;
  /** Adds or replaces documents; `parses`, when given, are their parses made here (moved to the worker, not copied). */
  setDocuments(documents: SourceDocument[], parses?: Array<PackedParse | undefined>): Promise<void>;
  removeDocuments(ids: string[]): Promise<void>;
  setUserWords(words: string[]): Promise<void>;
  /**
   * Analyses `ids` (all by default). With `onDocument`, each document's analysis is handed to it
   * as it comes, in order, and the answer lists no documents (only copies and stories).
   */
  analyze(ids?: string[], onProgress?: OnProgress, onDocument?: (document: DocumentAnalysis) => void): Promise<CorpusAnalysis>;
  /**
   * Analyses `ids` in order for about `budgetMs` (at least one document), without copies and
   * stories unless `groups`: a background slice. The answer holds the documents done.
   */
  analyzeSlice(ids: string[], budgetMs: number, groups: boolean): Promise<CorpusAnalysis>;
  /** Builds what the engine otherwise builds at the first misspelling (see the worker's `warmUp`). */
  warmUp(): Promise<void>;
  /** The documents whose claims may change after `edited` changed, not analysed (`Engine.related`). */
  related(edited: string[]): Promise<string[]>;
  /** Analyses the documents whose claims may have moved after `edited` changed (see `Engine.related`). */
  analyzeRelated(edited: string[]): Promise<CorpusAnalysis>;
  /** Whether the worker keeps the process alive (it does from the start). */
  holdProcess(hold: boolean): void;
  dispose(): void;
}

interface Pending {
  resolve(message: { result?: CorpusAnalysis; ids?: string[] }): void;
  reject(error: Error): void;
  onProgress?: OnProgress;
  onDocument?: (document: DocumentAnalysis) => void;
}

/** Starts the worker script (dist/worker.js) and returns a client for it. */
export function createEngineClient(workerPath: string): EngineClient {
  const worker = new Worker(workerPath);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let exited: Error | undefined;

  worker.on('message', (message: WorkerMessage) => {
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      if (message.document) entry.onDocument?.(message.document);
      return entry.onProgress?.(message.done, message.total);
    }
    pending.delete(message.id);
    if (message.type === 'error') entry.reject(new Error(message.message));
    else entry.resolve(message);
  });
  const failAll = (error: Error) => {
    exited = error;
    pending.forEach((p) => p.reject(error));
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The Second Source engine stopped (exit code ${code})`)));

  const answer = (request: WorkerCall, onProgress?: OnProgress, transfer: ArrayBuffer[] = [], onDocument?: Pending['onDocument']) =>
    new Promise<{ result?: CorpusAnalysis; ids?: string[] }>((resolve, reject) => {
      if (exited) return reject(exited);
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress, onDocument });
      worker.postMessage({ ...request, id }, transfer);
    });

  const call = async (request: WorkerCall, onProgress?: OnProgress, transfer?: ArrayBuffer[], onDocument?: Pending['onDocument']) =>
    (await answer(request, onProgress, transfer, onDocument)).result;
  const empty: CorpusAnalysis = { documents: [], copies: [], stories: [] };
  return {
    configure: async (dataDir, options, parts) => void (await call({ type: 'configure', dataDir, options, parts })),
    setDocuments: async (documents, parses) =>
      void (documents.length && (await call({ type: 'setDocuments', documents, parses }, undefined, parses?.flatMap((p) => (p ? packedBuffers(p) : []))))),
    removeDocuments: async (ids) => void (ids.length && (await call({ type: 'removeDocuments', ids }))),
    setUserWords: async (words) => void (await call({ type: 'setUserWords', words })),
    analyze: async (ids, onProgress, onDocument) => (await call({ type: 'analyze', ids, ...(onDocument ? { stream: true } : {}) }, onProgress, [], onDocument)) ?? empty,
    analyzeRelated: async (edited) => (await call({ type: 'analyze', ids: [], relatedTo: edited })) ?? empty,
    analyzeSlice: async (ids, budgetMs, groups) => (await call({ type: 'analyze', ids, budgetMs, groups })) ?? empty,
    warmUp: async () => void (await call({ type: 'warmUp' })),
    related: async (edited) => (await answer({ type: 'related', edited })).ids ?? [],
    holdProcess: (hold) => void (hold ? worker.ref() : worker.unref()),
    dispose: () => void worker.terminate(),
  };
}
