/**
 * Moves documents through the store's stages on the engine worker, one step at a time (see
 * ./scheduler): a pass and an edit never interleave their messages, an edit goes before the
 * pass's next slice, and the message loop stays free (the engine runs on its own thread), so
 * requests are answered while it works.
 */
import type { EngineClient, OnProgress } from '../node/engine-client';
import type { DocumentAnalysis, EngineOptions } from '../core/types';
import type { ArticleRecord, DocumentStore, TextSnapshot } from './documentStore';
import { Scheduler, type CANCELLED, type Job } from './scheduler';
import { SLICE_MS } from './folderPass';

/**
 * How long before an edit is due no background slice starts: a slice aims at SLICE_MS but may
 * run over by a document's analysis (edits during the BBC folder's first pass waited 6–91 ms).
 */
const RESERVE_LEAD_MS = 2 * SLICE_MS;
/** Documents sent to the worker per message when nothing waits on them (settings changed, lists). */
const BATCH = 50;

export class Analyser {
  private readonly scheduler = new Scheduler();
  private configuredWith = '';

  constructor(
    private readonly client: EngineClient,
    private readonly store: DocumentStore,
    private readonly dataDir: string,
    private readonly onError: (error: unknown) => void,
    /** Gets the engine's notes on a document ("decoded as Latin-1", …) as log lines. */
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Runs `step` in the foreground lane: after the foreground steps queued before it, before any background slice not started. */
  serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.scheduler.foreground(step);
    next.catch(this.onError);
    return next;
  }

  /** Says a foreground step (an edit's re-analysis) will come in `delay` ms: background slices then leave the worker free for it. */
  reserve(delay: number): void {
    this.scheduler.reserve(delay, RESERVE_LEAD_MS);
  }

  /** Runs `step` as a background slice of `job` (dropped, resolving `CANCELLED`, if the job is cancelled first). */
  background<T>(job: Job, step: () => Promise<T>): Promise<T | typeof CANCELLED> {
    return this.scheduler.background(job, step);
  }

  /** (Re)creates the engine when the options changed; true when it did (every analysis is then stale). Call inside `serial`. */
  async configure(options: EngineOptions): Promise<boolean> {
    const signature = JSON.stringify(options);
    if (signature === this.configuredWith) return false;
    await this.client.configure(this.dataDir, options);
    this.configuredWith = signature;
    return true;
  }

  /** Replaces the accepted words (the engine then re-analyses on the next question). Call inside `serial`. */
  setUserWords(words: string[]): Promise<void> {
    return this.client.setUserWords(words);
  }

  /** Tells the engine to forget documents. Call inside `serial`. */
  forget(uris: string[]): Promise<void> {
    return this.client.removeDocuments(uris);
  }

  /** Sends the read texts the engine does not hold yet (only of `uris`, when given). Call inside `serial`. */
  async sendUnparsed(uris?: readonly string[]): Promise<void> {
    const pending = this.store.unparsed(uris);
    for (let i = 0; i < pending.length; i += BATCH) {
      const batch = pending.slice(i, i + BATCH).map((r) => ({ id: r.uri, text: r.read.text }));
      await this.client.setDocuments(batch);
      batch.forEach((d) => this.store.markParsed(d.id, d.text));
    }
  }

  /**
   * Analyses documents (all when `uris` is absent; with `related`, also those whose claims cite
   * or are cited by them) and stores the results. Call inside `serial`. Returns the records
   * whose analysis changed.
   */
  async analyse(uris?: string[], options: { related?: boolean; onProgress?: OnProgress } = {}): Promise<ArticleRecord[]> {
    // The basis is what the worker holds when it runs this request: everything sent before it.
    const basis = this.store.parsedSnapshots();
    const result = options.related ? await this.client.analyzeRelated(uris ?? []) : await this.client.analyze(uris, options.onProgress);
    this.store.setStories(result.stories);
    return this.take(result.documents, basis);
  }

  /**
   * Analyses `uris` in order for about `budgetMs` (at least one): a background slice. Call inside
   * a step. Returns the records stored and the URIs not reached, for the next slice. Stories
   * are asked for only with `groups` (they cost a pass over the folder's index).
   */
  async analyseSlice(uris: string[], budgetMs: number, groups: boolean): Promise<{ changed: ArticleRecord[]; rest: string[] }> {
    const basis = this.store.parsedSnapshots();
    const result = await this.client.analyzeSlice(uris, budgetMs, groups);
    const done = new Set(result.documents.map((d) => d.docId));
    if (groups) this.store.setStories(result.stories);
    // The worker skips URIs it no longer holds, so the rest is what comes after the last one done.
    let last = -1;
    uris.forEach((u, i) => done.has(u) && (last = i));
    return { changed: this.take(result.documents, basis), rest: done.size ? uris.slice(last + 1) : [] };
  }

  /** Builds the engine's lazily built parts, so the first typed misspelling does not wait for them. Call inside a step. */
  warmUp(): Promise<void> {
    return this.client.warmUp();
  }

  /** The articles whose claims may change after `edited` changed (not analysed). Call inside a step. */
  related(edited: string[]): Promise<string[]> {
    return this.client.related(edited);
  }

  private take(documents: DocumentAnalysis[], basis: Map<string, TextSnapshot>): ArticleRecord[] {
    const changed: ArticleRecord[] = [];
    for (const analysis of documents) {
      const b = basis.get(analysis.docId);
      const record = b && this.store.markAnalysed(analysis, b);
      if (!record) continue;
      changed.push(record);
      analysis.notes.forEach((note) => this.log(`${record.label}: ${note}`));
    }
    return changed;
  }
}
