/**
 * The language server's own messages, declared once and imported by both sides (the server
 * and its clients: the protocol tests and the VS Code extension). Everything else the server
 * speaks is standard LSP.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { DocumentAnalysis, Finding } from '../core/types';
import type { ListProblem } from '../node/lists/user-lists';

export { CLIENT_COMMANDS, SERVER_COMMANDS } from './commands';

/** The argument of the finding commands: a finding and the document it is in. */
export interface FindingTarget {
  uri: string;
  finding: Finding;
}

/** One analysed article as a client sees it: findings filtered as the diagnostics are. */
export interface ArticleAnalysis {
  uri: string;
  /** Path relative to its workspace folder. */
  label: string;
  /** The text the analysis' offsets refer to (the editor may have moved on since). */
  text: string;
  analysis: DocumentAnalysis;
}

/** A file that matched the globs but was not analysed, and why. */
export interface SkippedArticle {
  uri: string;
  label: string;
  reason: string;
}

/** The whole workspace as the server holds it. */
export interface WorkspaceAnalysis {
  articles: ArticleAnalysis[];
  skipped: SkippedArticle[];
  /** Groups of article URIs that report one story. */
  stories: string[][];
  /** The first whole-workspace analysis has finished. */
  complete: boolean;
}

/** One document's analysis (`null` when the document is not an analysed article). */
export const DocumentAnalysisRequest = new RequestType<{ uri: string }, ArticleAnalysis | null, void>('secondSource/documentAnalysis');

/** Every article, every skipped file and the story groups. */
export const WorkspaceAnalysisRequest = new RequestType0<WorkspaceAnalysis, void>('secondSource/workspaceAnalysis');

/** What a client already holds: each article's stamp, from the last `WorkspaceChangesRequest`. */
export interface KnownArticles {
  known: Record<string, string>;
}

/** An article with the stamp of what the client is shown of it (its analysis, as filtered now). */
export type StampedArticle = ArticleAnalysis & { stamp: string };

/** The workspace as `WorkspaceAnalysis`, less the articles the client holds as they are. */
export interface WorkspaceChanges extends Omit<WorkspaceAnalysis, 'articles'> {
  /** Articles new or changed since the stamps the client sent. */
  changed: StampedArticle[];
  /** Articles the client holds as they are (any other it holds is gone). */
  unchanged: string[];
}

/**
 * The workspace for a client that keeps a copy (the VS Code extension): a large folder's
 * analyses and texts cross the wire once, then only those an edit changed.
 */
export const WorkspaceChangesRequest = new RequestType<KnownArticles, WorkspaceChanges, void>('secondSource/workspaceChanges');

/**
 * How far the folder's pass is, as `$/progress` reports it: `indexing` then `analysing` `done`
 * of `total` articles, `idle` between passes. A client that wants it without tracking progress
 * tokens (the extension's tests and bench) asks for it.
 */
export interface PassState {
  phase: 'listing' | 'indexing' | 'analysing' | 'idle';
  done: number;
  total: number;
  /** The first whole-workspace analysis has finished. */
  complete: boolean;
}

export const PassStateRequest = new RequestType0<PassState, void>('secondSource/passState');

/** Re-reads and re-analyses every workspace folder; resolves when the new diagnostics are out. */
export const ReanalyzeRequest = new RequestType0<void, void>('secondSource/reanalyze');

/**
 * What a client may ask for in `initializationOptions.client` (generic clients send nothing and
 * get plain LSP): `listProblems` sends a broken word list's problems as
 * `ListProblemsNotification` instead of `window/showMessage`, for a client that shows them itself;
 * `commandLinks` draws hover cards with codicons and `command:` links to CLIENT_COMMANDS and
 * SERVER_COMMANDS (./linkedCards), for a client that trusts them.
 */
export interface ClientOptions {
  listProblems?: boolean;
  commandLinks?: boolean;
}

/** Sent after anything the custom requests answer changed (diagnostics out, files skipped or gone). */
export const AnalysisChangedNotification = new NotificationType0('secondSource/analysisChanged');

/** A workspace folder's list problems (`fromAction`: the user just chose something that could not be written). */
export interface ListProblemsParams {
  folder: string;
  problems: ListProblem[];
  fromAction: boolean;
}

export const ListProblemsNotification = new NotificationType<ListProblemsParams>('secondSource/listProblems');
