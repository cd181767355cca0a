/**
 * The analysis engine: holds a corpus of documents and answers, for each, its claims
 * with evidence and its suspect spellings. No editor, no disk: faces hand it text.
 */
import type { CorpusAnalysis, DocumentAnalysis, EngineOptions, EngineResources, Finding, SourceDocument } from './types';
import { parseDocument, type ParsedDocument } from './text/parse';
import { extractClaims } from './claims';
import { createCorroborationIndex } from './corpus';
import { CopyDetector, copyWords } from './corpus/copies';
import { createSpellChecker } from './spelling';
import { documentFormat } from './text/format';
import { findingsInSource } from './text/source-findings';

/** Default limit on one document's length (UTF-16 units); longer ones are skipped with a note. */
export const DEFAULT_MAX_DOCUMENT_LENGTH = 2_000_000;

/** A live corpus. Mutations are cheap; analysis is computed on demand and cached. */
export interface Engine {
  /**
   * Adds or replaces a document: parsed now, taken into the folder-wide index at the next question
   * (or `indexPending`). `parsed`, when given, is the document already parsed by `parseDocument`
   * (e.g. on another thread) and is used instead of parsing again.
   */
  setDocument(doc: SourceDocument, parsed?: ParsedDocument): void;
  removeDocument(id: string): void;
  /**
   * Takes the documents set since the last question into the folder-wide index, counts and copy
   * detector now; otherwise the next question does. Lets a face do that work while it waits for more.
   */
  indexPending(): void;
  /** Ids of the documents in the corpus, in the order they were added. */
  documentIds(): string[];
  /** One document's analysis against the current corpus. */
  analyzeDocument(id: string): DocumentAnalysis;
  /**
   * Every document's analysis and the copy groups. `onProgress(done, total)` counts steps: one per
   * document taken into the index (those set since the last question), then one per document analysed.
   */
  analyzeCorpus(onProgress?: (done: number, total: number) => void): CorpusAnalysis;
  /** Groups of document ids that are copies of one another. */
  copies(): string[][];
  /** Groups of document ids that report one story (copies included). */
  stories(): string[][];
  /** Whether two documents are copies of one text (the pairs that `copies` groups). */
  areCopies(a: string, b: string): boolean;
  /** Replaces the user's word list (accepted words stop being flagged). */
  setUserWords(words: ReadonlyArray<string>): void;
  /**
   * Documents whose claims may change when `id` changed: those its claims cite now and those
   * whose analysis cited it before. An editor re-analyses these after an edit, not the folder.
   */
  related(id: string): string[];
  /**
   * Drops the analysis of a document kept for the next question (it is made again when asked): a
   * face that hands each analysis on and asks no more (the CLI's worker) need not hold the folder's.
   */
  forget(id: string): void;
}

interface Entry {
  /** The parse, while a check still needs it: without the spelling checks, only until it is indexed. */
  parsed?: ParsedDocument;
  /** Parsed (not skipped), whether or not the parse is still held. */
  readable: boolean;
  /** The document, to parse again, when the spelling checks run and parses are not kept (`EngineOptions.keepParses`). */
  source?: SourceDocument;
  /** Parsed but not yet in the folder-wide index, counts and copy detector. */
  pending?: boolean;
  notes: string[];
  /** The last analysis and the corpus version it was made against. */
  cached?: { version: number; result: DocumentAnalysis };
}

/** Creates an engine over the given dictionaries and lexical data. */
export function createEngine(resources: EngineResources, options: EngineOptions = {}): Engine {
  validateOptions(options);
  const checks = { claims: true, spelling: true, names: true, compounds: true, style: true, ...options.checks };
  const maxLength = options.maxDocumentLength ?? DEFAULT_MAX_DOCUMENT_LENGTH;
  const keepParses = options.keepParses ?? true;
  let userWords = new Set((options.userWords ?? []).map((w) => w.toLowerCase()));
  // Each half is built only when its checks run (the CLI's claims thread loads no dictionaries).
  const spell = checks.spelling ? createSpellChecker(resources, options) : undefined;
  const vocabulary = spell?.createVocabulary();
  const copyDetector = copiesWanted(options) ? new CopyDetector() : undefined;
  const areCopies = (a: string, b: string) => copyDetector?.areCopies(a, b) ?? false;
  const copyGroups = () => copyDetector?.groups() ?? [];
  const index = checks.claims ? createCorroborationIndex(resources, options, { areCopies, groups: copyGroups }) : undefined;
  const entries = new Map<string, Entry>();
  // Who cited whom in any analysis made so far; it only grows, so `related` errs on the side of more.
  const citedBy = new Map<string, Set<string>>();

  // Any change can move another document's evidence or names, so every cached result goes stale
  // at once: a version number says so without touching each entry (loading a folder is O(n), not O(n²)).
  let version = 0;
  const invalidate = () => void version++;

  const remove = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    pending.delete(id);
    if (entry.pending) return;
    index?.remove(id);
    copyDetector?.remove(id);
    vocabulary?.remove(id);
  };

  // `setDocument` parses and runs the checks that need only the document; the folder-wide
  // index, counts and copy detector take it in at the next question. So a face that hands each
  // parse to another thread (the CLI's split) passes every document on before the heavy work.
  const pending = new Set<string>();
  const flush = (onEach?: () => void) => {
    for (const id of pending) {
      const entry = entries.get(id)!;
      const parsed = entry.parsed!;
      entry.pending = false;
      index?.upsert(parsed, extractClaims(parsed));
      copyDetector?.upsert(id, copyWords(parsed));
      vocabulary?.add(parsed);
      // The claims keep what they match on; only the spelling checks read the parse again.
      if (!spell) entry.parsed = undefined;
      onEach?.();
    }
    pending.clear();
  };

  const analyze = (id: string): DocumentAnalysis => {
    flush();
    const entry = entries.get(id);
    if (!entry) throw new Error(`Unknown document: ${id}`);
    if (entry.cached?.version === version) return entry.cached.result;
    let { parsed } = entry;
    // A parse let go after the last analysis (`keepParses` false) is made again: the spelling checks read it.
    if (!parsed && entry.source) parsed = parseDocument(id, entry.source.text, documentFormat(entry.source));
    let result: DocumentAnalysis;
    if (!entry.readable) {
      result = { docId: id, claims: [], findings: [], dialect: 'en-US', notes: entry.notes };
    } else {
      const spelling = spell && vocabulary && parsed ? spell.check(parsed, vocabulary) : { findings: [], dialect: 'en-US' as const, note: undefined };
      result = {
        docId: id,
        claims: index ? index.corroborate(id) : [],
        findings: parsed ? findingsInSource(spelling.findings, parsed).filter((f) => !isUserWord(f, userWords)) : [],
        dialect: spelling.dialect,
        notes: spelling.note ? [...entry.notes, spelling.note] : entry.notes,
      };
    }
    for (const claim of result.claims) {
      for (const e of claim.evidence) {
        let citing = citedBy.get(e.docId);
        if (!citing) citedBy.set(e.docId, (citing = new Set()));
        citing.add(id);
      }
    }
    entry.cached = { version, result };
    if (!keepParses) entry.parsed = undefined;
    return result;
  };

  return {
    setDocument(doc, given) {
      const format = documentFormat(doc);
      if (given && (given.id !== doc.id || given.source !== doc.text || given.format !== format)) throw new Error(`The parse given for ${doc.id} is of another text.`);
      remove(doc.id);
      const entry: Entry = { notes: [], readable: false };
      entries.set(doc.id, entry);
      invalidate();
      if (doc.text.length > maxLength) {
        entry.notes.push(`Skipped: ${doc.text.length.toLocaleString('en')} characters is over the limit of ${maxLength.toLocaleString('en')}.`);
        return;
      }
      if (doc.text.trim() === '') {
        entry.notes.push('Empty document: nothing to check.');
      }
      const parsed = given ?? parseDocument(doc.id, doc.text, format);
      entry.parsed = parsed;
      entry.readable = true;
      if (!keepParses && spell) entry.source = doc;
      spell?.prepare(parsed);
      parsed.tree = undefined;
      entry.pending = true;
      pending.add(doc.id);
    },
    removeDocument(id) {
      remove(id);
      invalidate();
    },
    indexPending: () => flush(),
    documentIds: () => [...entries.keys()],
    analyzeDocument: analyze,
    analyzeCorpus(onProgress) {
      const ids = [...entries.keys()];
      const total = pending.size + ids.length;
      let done = 0;
      flush(() => onProgress?.(++done, total));
      const documents = ids.map((id) => {
        const result = analyze(id);
        onProgress?.(++done, total);
        return result;
      });
      return { documents, copies: copyGroups(), stories: index?.stories() ?? [] };
    },
    copies() {
      flush();
      return copyGroups();
    },
    stories() {
      flush();
      return index?.stories() ?? [];
    },
    areCopies(a, b) {
      flush();
      return areCopies(a, b);
    },
    related(id) {
      const out = new Set<string>(citedBy.get(id));
      if (entries.has(id)) for (const claim of analyze(id).claims) for (const e of claim.evidence) out.add(e.docId);
      out.delete(id);
      return [...out].filter((other) => entries.has(other));
    },
    setUserWords(words) {
      userWords = new Set(words.map((w) => w.toLowerCase()));
      invalidate();
    },
    forget(id) {
      const entry = entries.get(id);
      if (entry) entry.cached = undefined;
    },
  };
}

/** Copy groups are part of the claims check unless asked for on their own. */
export function copiesWanted(options: EngineOptions): boolean {
  return options.checks?.copies ?? options.checks?.claims ?? true;
}

function isUserWord(finding: Finding, words: Set<string>): boolean {
  if (finding.rule === 'repeated-word' || finding.rule === 'indefinite-article') return false;
  return words.has(finding.text.toLowerCase());
}

function validateOptions(options: EngineOptions): void {
  const t = options.corroborationThreshold;
  if (t !== undefined && !(t >= 0 && t <= 1)) throw new TypeError(`corroborationThreshold must be in [0, 1], got ${t}`);
  const m = options.maxDocumentLength;
  if (m !== undefined && !(Number.isInteger(m) && m > 0)) throw new TypeError(`maxDocumentLength must be a positive integer, got ${m}`);
}
