/**
 * Analyses a corpus on two cores: claims and copy groups (index, corroboration, shingles) in a
 * worker thread, parsing and suspect spellings on this thread, then one merged result. Each half
 * runs its own engine; this thread parses each document once and hands the worker the parse as
 * offsets, so retext runs once per document. This thread also runs the style plugins, which need
 * the parse tree, so copy detection sits with the claims to even out the two halves.
 */
import { existsSync } from 'node:fs';
import { copiesWanted, createEngine, DEFAULT_MAX_DOCUMENT_LENGTH } from '../core/engine';
import { parseDocument } from '../core/text/parse';
import { documentFormat } from '../core/text/format';
import { packParse, type PackedParse } from '../core/text/packed-parse';
import { createEngineClient, type EngineClient } from './engine-client';
import { collectGarbage } from './collect-garbage';
import { distCandidates, type ResourcePart } from './resources';
import type { CorpusAnalysis, DocumentAnalysis, EngineOptions, EngineResources, SourceDocument } from '../core/types';

/** Options for the claims and copies half: every spelling check off. */
export function claimsOnly(options: EngineOptions): EngineOptions {
  return { ...options, checks: { ...options.checks, spelling: false, names: false, compounds: false, style: false, copies: copiesWanted(options) } };
}

/** Options for the spelling half: claims and copies off. */
export function spellingOnly(options: EngineOptions): EngineOptions {
  return { ...options, checks: { ...options.checks, claims: false, copies: false } };
}

/** The bundled engine worker (the language server's too), when the build has made it. */
function workerScript(): string | undefined {
  return distCandidates('worker.js').find(existsSync);
}

/** A split analysis whose claims worker is already starting. */
export interface CorpusSplit {
  /**
   * Analyses `documents` as one corpus; call once. With `onDocument`, each document's analysis is
   * handed to it as soon as both halves have it, in the order of `documents`, and the answer lists
   * no documents (only copies and stories): a caller that writes each one out then never holds
   * the folder's claims twice (the worker's answer and its copy here).
   */
  analyze(
    documents: SourceDocument[],
    resources: ResourceLoader,
    onProgress?: (done: number, total: number) => void,
    onDocument?: (document: DocumentAnalysis) => void,
  ): Promise<CorpusAnalysis>;
  /** Stops the worker when `analyze` will not be called. */
  dispose(): void;
}

/**
 * The data for this thread's share of the checks: `analyze` asks for what it will use (all of
 * it when one engine runs here), so this thread does not read WordNet for the worker.
 */
export type ResourceLoader = (parts: readonly ResourcePart[]) => EngineResources;

/** Documents per message to the worker: small enough to start it early, large enough to post few. */
const BATCH = 64;

/**
 * Starts the claims worker now, so that it loads its code and data while the caller reads the
 * files; `analyze` then hands it the documents. Without the bundled worker, or when only one
 * half is wanted, `analyze` runs one engine on this thread.
 */
export function startCorpusSplit(dataDir: string, options: EngineOptions = {}): CorpusSplit {
  const checks = { claims: true, spelling: true, ...options.checks };
  const script = workerScript();
  const claims = script && checks.claims && checks.spelling ? createEngineClient(script) : undefined;
  // Until `analyze` is called, the worker must not keep a process that fails early alive.
  claims?.holdProcess(false);
  // Loading starts now; a worker that fails while loading must reject `analyze`, not crash this thread.
  const configured = claims?.configure(dataDir, claimsOnly(options), ['claims']);
  configured?.catch(() => undefined);
  return {
    async analyze(documents, resources, onProgress, onDocument) {
      if (!claims || documents.length < 2) {
        claims?.dispose();
        const engine = createEngine(resources(['spelling', 'claims']), options);
        for (const doc of documents) engine.setDocument(doc);
        const analysis = engine.analyzeCorpus(onProgress);
        if (!onDocument) return analysis;
        analysis.documents.forEach(onDocument);
        return { ...analysis, documents: [] };
      }
      claims.holdProcess(true);
      try {
        const merge = onDocument && createStreamMerge(onDocument);
        const { spelling, sent, claimsAnalysis } = analyzeHere(claims, documents, resources, options, onProgress, merge?.claims);
        merge?.spelling(spelling.documents);
        collectGarbage();
        await configured;
        await Promise.all(sent);
        const analysis = await claimsAnalysis;
        if (!merge) return mergeAnalyses(analysis, spelling);
        merge.finish();
        return { documents: [], copies: analysis.copies, stories: analysis.stories };
      } finally {
        claims.dispose();
      }
    },
    dispose: () => claims?.dispose(),
  };
}

/**
 * This thread's half: parses each document, hands the parse to the worker and checks the
 * spellings. Its engine is unreachable once this returns: while the worker finishes the claims,
 * its parses, words and dictionaries (a third of a gigabyte on 2,225 articles) can be collected.
 */
function analyzeHere(
  claims: EngineClient,
  documents: SourceDocument[],
  resources: ResourceLoader,
  options: EngineOptions,
  onProgress?: (done: number, total: number) => void,
  onClaims?: (document: DocumentAnalysis) => void,
): { spelling: CorpusAnalysis; sent: Array<Promise<void>>; claimsAnalysis: Promise<CorpusAnalysis> } {
  const engine = createEngine(resources(['spelling']), spellingOnly(options));
  const maxLength = options.maxDocumentLength ?? DEFAULT_MAX_DOCUMENT_LENGTH;
  const sent: Array<Promise<void>> = [];
  let batch: SourceDocument[] = [];
  let parses: Array<PackedParse | undefined> = [];
  const post = () => {
    sent.push(claims.setDocuments(batch, parses));
    batch = [];
    parses = [];
  };
  for (const doc of documents) {
    // A document the engines skip for its length is sent as text: the worker skips it too.
    const parsed = doc.text.length <= maxLength ? parseDocument(doc.id, doc.text, documentFormat(doc)) : undefined;
    batch.push(doc);
    parses.push(parsed && packParse(parsed));
    if (batch.length === BATCH) post();
    engine.setDocument(doc, parsed);
  }
  if (batch.length > 0) post();
  // The worker answers in order: its analysis comes after every batch.
  const claimsAnalysis = claims.analyze(undefined, undefined, onClaims);
  return { spelling: engine.analyzeCorpus(onProgress), sent, claimsAnalysis };
}

/** Claims, copy groups and stories from the first analysis; findings and dialect from the second; notes from both. */
export function mergeAnalyses(claims: CorpusAnalysis, spelling: CorpusAnalysis): CorpusAnalysis {
  const byId = new Map(claims.documents.map((d) => [d.docId, d]));
  const documents = spelling.documents.map((s) => mergeDocument(byId.get(s.docId), s));
  return { documents, copies: claims.copies, stories: claims.stories };
}

/** One document's claims from the claims half, findings and dialect from the spelling half, notes from both. */
export function mergeDocument(c: DocumentAnalysis | undefined, s: DocumentAnalysis): DocumentAnalysis {
  return { ...s, claims: c?.claims ?? [], notes: [...new Set([...(c?.notes ?? []), ...s.notes])] };
}

/**
 * `mergeAnalyses` one document at a time: the claims come from the worker as it goes, the
 * spelling half is known whole; each merged document is handed on in the spelling half's order.
 */
function createStreamMerge(onDocument: (document: DocumentAnalysis) => void) {
  let order: DocumentAnalysis[] = [];
  let next = 0;
  const arrived = new Map<string, DocumentAnalysis>();
  const handOn = (all: boolean) => {
    while (next < order.length && (all || arrived.has(order[next].docId))) {
      const s = order[next++];
      onDocument(mergeDocument(arrived.get(s.docId), s));
      arrived.delete(s.docId);
    }
  };
  return {
    claims: (c: DocumentAnalysis) => {
      arrived.set(c.docId, c);
      handOn(false);
    },
    spelling: (documents: DocumentAnalysis[]) => {
      order = documents;
      handOn(false);
    },
    /** Hands on the rest: a document the worker did not answer for has no claims, as in `mergeAnalyses`. */
    finish: () => handOn(true),
  };
}
