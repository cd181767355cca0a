/**
 * Analyses a corpus on two cores: claims (parse, index, corroboration) in a worker thread,
 * suspect spellings on this thread, then one merged result. The two halves share nothing
 * but the texts, so each runs its own engine; the price is parsing twice and more memory.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createEngine } from '../core/engine';
import { distCandidates } from './resources';
import type { CorpusAnalysis, DocumentAnalysis, EngineOptions, EngineResources, SourceDocument } from '../core/types';

/** What the claims worker is sent. */
export interface ClaimsJob {
  dataDir: string;
  options: EngineOptions;
  documents: SourceDocument[];
}

/** Options for the claims half: every spelling check off. */
export function claimsOnly(options: EngineOptions): EngineOptions {
  return { ...options, checks: { ...options.checks, spelling: false, names: false, compounds: false, style: false } };
}

/** Options for the spelling half: claims off. */
export function spellingOnly(options: EngineOptions): EngineOptions {
  return { ...options, checks: { ...options.checks, claims: false } };
}

/** The bundled worker script, when the build has made it. */
function workerScript(): string | undefined {
  return distCandidates('claims-worker.js').find(existsSync);
}

/**
 * Analyses `documents` as one corpus. Uses a worker for the claims when the bundled
 * worker exists and both halves are wanted; otherwise one engine on this thread.
 */
export async function analyzeCorpusSplit(
  documents: SourceDocument[],
  resources: EngineResources,
  dataDir: string,
  options: EngineOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<CorpusAnalysis> {
  const checks = { claims: true, spelling: true, ...options.checks };
  const script = workerScript();
  if (!script || !checks.claims || !checks.spelling || documents.length < 2) {
    const engine = createEngine(resources, options);
    for (const doc of documents) engine.setDocument(doc);
    return engine.analyzeCorpus(onProgress);
  }
  const claims = runClaimsWorker(script, { dataDir, options: claimsOnly(options), documents });
  // If spelling throws, the worker's failure must not go unhandled as well.
  claims.catch(() => undefined);
  const engine = createEngine(resources, spellingOnly(options));
  for (const doc of documents) engine.setDocument(doc);
  const spelling = engine.analyzeCorpus(onProgress);
  return mergeAnalyses(await claims, spelling);
}

function runClaimsWorker(script: string, job: ClaimsJob): Promise<CorpusAnalysis> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    worker.once('message', (result: CorpusAnalysis) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The claims worker stopped with exit code ${code}.`));
    });
  });
}

/** Claims and copies from the first analysis, findings and dialect from the second. */
export function mergeAnalyses(claims: CorpusAnalysis, spelling: CorpusAnalysis): CorpusAnalysis {
  const byId = new Map(claims.documents.map((d) => [d.docId, d]));
  const documents = spelling.documents.map((s): DocumentAnalysis => {
    const c = byId.get(s.docId);
    return { ...s, claims: c?.claims ?? [], notes: [...new Set([...(c?.notes ?? []), ...s.notes])] };
  });
  return { documents, copies: claims.copies };
}
