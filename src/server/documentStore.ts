/**
 * The server's documents, each through three named stages:
 *
 * - **read**: the text last read, from the disk or from the editor (with its version);
 * - **parsed**: the text the engine holds (sent to the worker, which parses it);
 * - **analysed**: the engine's analysis, with the parsed text its offsets refer to.
 *
 * A document whose read text differs from its parsed text has an analysis pending. Files that
 * matched the globs but cannot be analysed are kept apart with the reason. The store does no
 * I/O and talks to no one: the analyser moves documents from stage to stage.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../core/types';

/** A text and the line index over it (a `TextDocument` gives positions ↔ offsets). */
export interface TextSnapshot {
  text: string;
  lines: TextDocument;
}

/** Where a document lives: its workspace folder (if any) and its path there. */
export interface DocumentPlace {
  /** The workspace folder's URI, `undefined` for a document outside every folder. */
  folder: string | undefined;
  /** Path relative to the folder (`/`-separated), or the file's own path outside folders. */
  label: string;
}

/** One article and its stages. */
export interface ArticleRecord extends DocumentPlace {
  uri: string;
  read: { text: string; version: number | null };
  parsed?: TextSnapshot;
  analysed?: { analysis: DocumentAnalysis; basis: TextSnapshot };
}

/** A file that matched the globs but was not analysed. */
export interface SkippedRecord extends DocumentPlace {
  uri: string;
  reason: string;
}

export function snapshot(uri: string, text: string): TextSnapshot {
  return { text, lines: TextDocument.create(uri, 'plaintext', 0, text) };
}

export class DocumentStore {
  private readonly records = new Map<string, ArticleRecord>();
  private readonly skippedFiles = new Map<string, SkippedRecord>();
  private storyGroups: string[][] = [];

  /** Stage 1: a document's text as read now (`version` null for the disk's text). */
  read(uri: string, place: DocumentPlace, text: string, version: number | null): ArticleRecord {
    this.skippedFiles.delete(uri);
    const record = this.records.get(uri) ?? { uri, ...place, read: { text, version } };
    record.read = { text, version };
    record.folder = place.folder;
    record.label = place.label;
    this.records.set(uri, record);
    return record;
  }

  /** A document that cannot be analysed: it leaves the stages, its reason is kept. */
  skip(uri: string, place: DocumentPlace, reason: string): void {
    this.records.delete(uri);
    this.skippedFiles.set(uri, { uri, ...place, reason });
  }

  /** Documents whose read text the engine does not hold yet. */
  unparsed(uris?: readonly string[]): ArticleRecord[] {
    const pick = uris ? uris.map((u) => this.records.get(u)).filter((r): r is ArticleRecord => r !== undefined) : [...this.records.values()];
    return pick.filter((r) => r.parsed?.text !== r.read.text);
  }

  /** Stage 2: the engine now holds `text` for the document. */
  markParsed(uri: string, text: string): void {
    const record = this.records.get(uri);
    if (record) record.parsed = snapshot(uri, text);
  }

  /** The parsed snapshots as they are now: the basis of an analysis requested now. */
  parsedSnapshots(): Map<string, TextSnapshot> {
    const out = new Map<string, TextSnapshot>();
    for (const r of this.records.values()) if (r.parsed) out.set(r.uri, r.parsed);
    return out;
  }

  /** Stage 3: an analysis of `basis` (what the engine held when asked). Dropped if the document has gone. */
  markAnalysed(analysis: DocumentAnalysis, basis: TextSnapshot): ArticleRecord | undefined {
    const record = this.records.get(analysis.docId);
    if (record) record.analysed = { analysis, basis };
    return record;
  }

  setStories(groups: string[][]): void {
    this.storyGroups = groups;
  }

  /** Forgets documents (and skipped files) at `uri` or below it (a deleted folder); returns the URIs the engine held. */
  remove(uri: string): string[] {
    const under = (key: string) => key === uri || key.startsWith(uri.endsWith('/') ? uri : `${uri}/`);
    const gone: string[] = [];
    for (const key of [...this.records.keys()].filter(under)) {
      if (this.records.get(key)?.parsed) gone.push(key);
      this.records.delete(key);
    }
    for (const key of [...this.skippedFiles.keys()].filter(under)) this.skippedFiles.delete(key);
    return gone;
  }

  /** Every document the engine holds that is not in `keep` (files gone from the folders). */
  parsedExcept(keep: ReadonlySet<string>): string[] {
    return [...this.records.values()].filter((r) => !keep.has(r.uri)).map((r) => r.uri);
  }

  has(uri: string): boolean {
    return this.records.has(uri);
  }

  article(uri: string): ArticleRecord | undefined {
    return this.records.get(uri);
  }

  /** Analysed articles, by label. */
  analysed(): (ArticleRecord & { analysed: NonNullable<ArticleRecord['analysed']> })[] {
    return [...this.records.values()]
      .filter((r): r is ArticleRecord & { analysed: NonNullable<ArticleRecord['analysed']> } => r.analysed !== undefined)
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  skipped(): SkippedRecord[] {
    return [...this.skippedFiles.values()].sort((a, b) => a.label.localeCompare(b.label));
  }

  /** Story groups restricted to the articles still held. */
  stories(): string[][] {
    return this.storyGroups.map((g) => g.filter((uri) => this.records.has(uri))).filter((g) => g.length > 1);
  }
}
