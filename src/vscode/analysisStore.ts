/**
 * The extension's picture of the workspace, read from the language server through its custom
 * requests (src/server/protocol.ts): the analysed articles, the skipped files and the stories.
 * The trees, decorations, status bar, navigation and hover cards read from here (no I/O of
 * their own) and refresh on `onDidChange`; the server says when to read again.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Claim, DocumentAnalysis } from '../core/types';
import { AnalysisChangedNotification, PassStateRequest, ReanalyzeRequest, WorkspaceChangesRequest, type PassState, type WorkspaceChanges } from '../server/protocol';
import { articleTitle } from './articleTitle';
import { createLineIndex, type LineIndex } from './lineIndex';

/** One analysed article, with the text its offsets refer to. */
export interface Article {
  uri: vscode.Uri;
  /** `uri.toString()`: how the extension names the document. */
  key: string;
  /** Path relative to the workspace (with the folder name in multi-root workspaces). */
  label: string;
  /** The headline or first line, which says which article it is; the label when there is none. */
  title: string;
  text: string;
  lines: LineIndex;
  /** The engine's analysis, with ignored and low-confidence findings left out (by the server). */
  analysis: DocumentAnalysis;
}

/** A file that matched the globs but was not analysed, and why. */
export interface SkippedFile {
  uri: vscode.Uri;
  label: string;
  reason: string;
}

/** Read access to the server's analysis, and the one request that asks for more. */
export interface AnalysisStore extends vscode.Disposable {
  /** Settles when the first whole-workspace analysis has finished (or could not run). */
  readonly ready: Promise<void>;
  readonly onDidChange: vscode.Event<void>;
  articles(): Article[];
  article(uri: vscode.Uri | string): Article | undefined;
  skipped(): SkippedFile[];
  /** Groups of article keys that report one story (from the latest analysis). */
  stories(): string[][];
  /** The claim whose sentence holds `offset`, if any. */
  claimAt(uri: vscode.Uri, offset: number): Claim | undefined;
  /** Re-reads and re-analyses the whole workspace. */
  reanalyze(): Promise<void>;
  /** How far the server's folder pass is now (what its progress in the status bar says). */
  passState(): Promise<PassState>;
}

/** The server's URIs spelt as VS Code spells them (percent-encoding may differ). */
const keyOf = (uri: string) => vscode.Uri.parse(uri).toString();

/** Creates the store over a client; `started` settles when the client is running (or failed to start). */
export function createAnalysisStore(client: BaseLanguageClient, started: Promise<void>, output: vscode.OutputChannel): AnalysisStore {
  const changed = new vscode.EventEmitter<void>();
  let results = new Map<string, Article>();
  // What the server sent for each article (by its URI), so that it sends only what changed.
  let held = new Map<string, { stamp: string; article: Article }>();
  let skippedFiles: SkippedFile[] = [];
  let storyKeys: string[][] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const take = (snapshot: WorkspaceChanges) => {
    const nextHeld = new Map<string, { stamp: string; article: Article }>();
    for (const uri of snapshot.unchanged) {
      const kept = held.get(uri);
      if (kept) nextHeld.set(uri, kept);
    }
    for (const a of snapshot.changed) {
      const key = keyOf(a.uri);
      const before = held.get(a.uri)?.article;
      // Indexing a text's lines is the costly part; an unchanged text keeps its index.
      const lines = before?.text === a.text ? before.lines : createLineIndex(a.text);
      const title = articleTitle(a.text) ?? a.label;
      nextHeld.set(a.uri, { stamp: a.stamp, article: { uri: vscode.Uri.parse(a.uri), key, label: a.label, title, text: a.text, lines, analysis: a.analysis } });
    }
    held = nextHeld;
    results = new Map([...held.values()].map(({ article }) => [article.key, article]));
    skippedFiles = snapshot.skipped.map((s) => ({ uri: vscode.Uri.parse(s.uri), label: s.label, reason: s.reason })).sort((a, b) => a.label.localeCompare(b.label));
    storyKeys = snapshot.stories.map((g) => g.map(keyOf));
    changed.fire();
    if (snapshot.complete) markReady();
  };

  // One read at a time; news during a read asks for one more read after it, not one per message.
  let reading: Promise<void> | undefined;
  let again = false;
  const read = (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        const known = Object.fromEntries([...held].map(([uri, { stamp }]) => [uri, stamp]));
        take(await client.sendRequest(WorkspaceChangesRequest, { known }));
      } while (again);
    })()
      .catch((error) => output.appendLine(`[error] reading the analysis: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (reading = undefined));
    return reading;
  };

  const subscription = client.onNotification(AnalysisChangedNotification, () => void read());
  // A server that never starts ends the wait too: the features stay empty, the error is shown.
  started.then(read, () => markReady());

  const sortedArticles = () => [...results.values()].sort((a, b) => a.label.localeCompare(b.label));
  const article = (uri: vscode.Uri | string) => results.get(typeof uri === 'string' ? keyOf(uri) : uri.toString());

  return {
    ready,
    onDidChange: changed.event,
    articles: sortedArticles,
    article,
    skipped: () => skippedFiles,
    stories: () => storyKeys.map((g) => g.filter((key) => results.has(key))).filter((g) => g.length > 1),
    claimAt: (uri, offset) => article(uri)?.analysis.claims.find((c) => c.start <= offset && offset <= c.end),
    reanalyze: () =>
      Promise.resolve(
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Second Source', cancellable: false }, async (progress) => {
          progress.report({ message: 'analysing the workspace' });
          await client.sendRequest(ReanalyzeRequest);
          await read();
        }),
      ),
    passState: () => started.then(() => client.sendRequest(PassStateRequest)),
    dispose() {
      subscription.dispose();
      changed.dispose();
    },
  };
}
