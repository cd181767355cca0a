/**
 * The language server's own messages, declared once and imported by both sides (the server
 * and its clients: the protocol tests today, the VS Code client later). Everything else the
 * server speaks is standard LSP.
 */
import { RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { DocumentAnalysis, Finding } from '../core/types';

/** The commands the server executes (`workspace/executeCommand`); the ids are the extension's. */
export const SERVER_COMMANDS = {
  addToWordList: 'secondSource.addToWordList',
  ignoreFinding: 'secondSource.ignoreFinding',
} as const;

/** The argument of both commands: a finding and the document it is in. */
export interface FindingTarget {
  uri: string;
  finding: Finding;
}

/** One analysed article as a client sees it: findings filtered as the diagnostics are. */
export interface ArticleAnalysis {
  uri: string;
  /** Path relative to its workspace folder. */
  label: string;
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
}

/** One document's analysis (`null` when the document is not an analysed article). */
export const DocumentAnalysisRequest = new RequestType<{ uri: string }, ArticleAnalysis | null, void>('secondSource/documentAnalysis');

/** Every article, every skipped file and the story groups. */
export const WorkspaceAnalysisRequest = new RequestType0<WorkspaceAnalysis, void>('secondSource/workspaceAnalysis');

/** Re-reads and re-analyses every workspace folder; resolves when the new diagnostics are out. */
export const ReanalyzeRequest = new RequestType0<void, void>('secondSource/reanalyze');
