/**
 * Moves documents through the store's stages on the engine worker, one step at a time: a
 * whole-folder pass and an edit never interleave their messages, and the message loop stays
 * free (the engine runs on its own thread), so requests are answered while it works.
 */
import type { EngineClient, OnProgress } from '../node/engine-client';
import type { EngineOptions } from '../core/types';
import type { ArticleRecord, DocumentStore } from './documentStore';

/** Documents sent to the worker per message: progress moves and memory stays flat. */
const BATCH = 50;

export class Analyser {
  private queue: Promise<unknown> = Promise.resolve();
  private configuredWith = '';

  constructor(
    private readonly client: EngineClient,
    private readonly store: DocumentStore,
    private readonly dataDir: string,
    private readonly onError: (error: unknown) => void,
    /** Gets the engine's notes on a document ("decoded as Latin-1", …) as log lines. */
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Runs `step` after every step queued before it; a failed step does not stop the ones after. */
  serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(this.onError);
    return next;
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
    const changed: ArticleRecord[] = [];
    for (const analysis of result.documents) {
      const b = basis.get(analysis.docId);
      const record = b && this.store.markAnalysed(analysis, b);
      if (!record) continue;
      changed.push(record);
      analysis.notes.forEach((note) => this.log(`${record.label}: ${note}`));
    }
    return changed;
  }
}
