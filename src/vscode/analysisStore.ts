/**
 * The extension's picture of the workspace: which articles exist, the text the engine has
 * for each, and the latest analysis. Every provider reads from here (no I/O of its own)
 * and refreshes on `onDidChange`. Work goes to the engine worker one step at a time.
 */
import * as vscode from 'vscode';
import type { Claim, DocumentAnalysis, Finding } from '../core/types';
import type { EngineClient } from '../node/engine-client';
import { createLineIndex, type LineIndex } from './lineIndex';
import { findArticles, isArticleDocument, readArticle } from './articleFiles';
import { affects, engineOptions, readSettings, type Settings } from './settings';
import { matchesAny } from '../core/glob';
import { createFolderLists, DATA_FOLDER, findingContext, sameIgnored, type IgnoredFinding, type ListProblemReporter } from './workspaceData';
import type { UserLists } from '../node/lists/user-lists';

/** One analysed article, with the text its offsets refer to. */
export interface Article {
  uri: vscode.Uri;
  /** `uri.toString()`: the engine's document id. */
  key: string;
  /** Path relative to the workspace (with the folder name in multi-root workspaces). */
  label: string;
  text: string;
  lines: LineIndex;
  /** The engine's analysis, with ignored and low-confidence findings left out. */
  analysis: DocumentAnalysis;
}

/** A file that matched the globs but was not analysed, and why. */
export interface SkippedFile {
  uri: vscode.Uri;
  label: string;
  reason: string;
}

/** Read access to the analysis, and the few actions that change what the engine knows. */
export interface AnalysisStore extends vscode.Disposable {
  /** Settles when the first whole-workspace analysis has finished. */
  readonly ready: Promise<void>;
  readonly onDidChange: vscode.Event<void>;
  articles(): Article[];
  article(uri: vscode.Uri | string): Article | undefined;
  skipped(): SkippedFile[];
  /** Groups of article keys that report one story (from the latest analysis). */
  stories(): string[][];
  /** The claim whose sentence holds `offset`, if any. */
  claimAt(uri: vscode.Uri, offset: number): Claim | undefined;
  /** Adds a word to the list of the article's workspace folder and re-analyses; the list's URI once written there. */
  addWord(uri: vscode.Uri, word: string): Promise<vscode.Uri | undefined>;
  /** Dismisses one finding in place and refreshes. */
  ignore(uri: vscode.Uri, finding: Finding): Promise<void>;
  /** Re-reads and re-analyses the whole workspace. */
  reanalyze(): Promise<void>;
}

/** What the store needs from the extension. */
export interface AnalysisStoreDeps {
  client: EngineClient;
  dataDir: string;
  output: vscode.OutputChannel;
  listProblems: ListProblemReporter;
}

interface Sent {
  uri: vscode.Uri;
  text: string;
  lines: LineIndex;
}

const STALE_REFRESH_MS = 1500;
const BATCH = 50;

/** Creates the store, starts the first analysis (with a progress notification) and follows edits and file changes. */
export function createAnalysisStore({ client, dataDir, output, listProblems }: AnalysisStoreDeps): AnalysisStore {
  const changed = new vscode.EventEmitter<void>();
  const sent = new Map<string, Sent>();
  const raw = new Map<string, { analysis: DocumentAnalysis; basis: Sent }>();
  const results = new Map<string, Article>();
  const skippedFiles = new Map<string, SkippedFile>();
  const ignored = new Map<string, IgnoredFinding[]>();
  // One per folder for the session: each keeps the choices its files could not take yet.
  const lists = new Map<string, UserLists>();
  const listsOf = (folder: vscode.WorkspaceFolder) => {
    const key = folder.uri.toString();
    if (!lists.has(key)) lists.set(key, createFolderLists(folder.uri));
    return lists.get(key)!;
  };
  const disposables: vscode.Disposable[] = [changed];
  const editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let stories: string[][] = [];
  let configuredWith = '';
  let queue: Promise<unknown> = Promise.resolve();

  // One step at a time, so a whole-workspace pass and an edit never interleave their messages.
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(report);
    return next;
  };
  function report(error: unknown) {
    output.appendLine(`[error] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  const label = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const folderOf = (uri: vscode.Uri) => vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];

  const isIgnored = (article: Sent, finding: Finding) => {
    const folder = folderOf(article.uri);
    const entries = folder ? ignored.get(folder.uri.toString()) : undefined;
    if (!folder || !entries?.length) return false;
    const here: IgnoredFinding = { file: relativeTo(folder, article.uri), rule: finding.rule, text: finding.text, context: findingContext(article.text, finding) };
    return entries.some((e) => sameIgnored(e, here));
  };

  const derive = (key: string) => {
    const entry = raw.get(key);
    if (!entry) return void results.delete(key);
    const { analysis, basis } = entry;
    const minimum = readSettings(basis.uri).minimumConfidence;
    const findings = analysis.findings.filter((f) => f.confidence >= minimum && !isIgnored(basis, f));
    results.set(key, { uri: basis.uri, key, label: label(basis.uri), text: basis.text, lines: basis.lines, analysis: { ...analysis, findings } });
  };

  async function configure(settings: Settings) {
    const options = engineOptions(settings);
    const signature = JSON.stringify(options);
    if (signature === configuredWith) return false;
    await client.configure(dataDir, options);
    configuredWith = signature;
    return true;
  }

  // The word list last sent to the engine: a reload that changes nothing needs no analysis.
  let sentWords: string | undefined;

  /** Reloads the word lists and dismissals; true when the engine's word list changed. */
  async function loadLists(): Promise<boolean> {
    const words = new Set<string>();
    ignored.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const state = await listsOf(folder).load();
      state.words.forEach((w) => words.add(w));
      ignored.set(folder.uri.toString(), state.ignored);
      listProblems.report(folder.uri, state.problems);
    }
    const list = [...words].sort();
    if (list.join('\n') === sentWords) return false;
    sentWords = list.join('\n');
    await client.setUserWords(list);
    return true;
  }

  /** After the lists change: the engine's results if its word list changed, else only the dismissals. */
  async function applyLists() {
    if (await loadLists()) return analyze();
    raw.forEach((_, k) => derive(k));
    changed.fire();
  }

  async function setTexts(items: { uri: vscode.Uri; text: string }[]) {
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      batch.forEach(({ uri, text }) => {
        sent.set(uri.toString(), { uri, text, lines: createLineIndex(text) });
        skippedFiles.delete(uri.toString());
      });
      await client.setDocuments(batch.map(({ uri, text }) => ({ id: uri.toString(), text })));
    }
  }

  async function remove(keys: string[]) {
    const present = keys.filter((k) => sent.has(k));
    present.forEach((k) => (sent.delete(k), raw.delete(k), results.delete(k)));
    keys.forEach((k) => skippedFiles.delete(k));
    await client.removeDocuments(present);
  }

  async function analyze(keys?: string[], onProgress?: (done: number, total: number) => void, relatedTo?: string[]) {
    // The basis is what the worker holds when it runs this request: everything sent before it.
    const basis = new Map(sent);
    const result = relatedTo ? await client.analyzeRelated(relatedTo) : await client.analyze(keys, onProgress);
    stories = result.stories;
    for (const analysis of result.documents) {
      const b = basis.get(analysis.docId);
      if (!b) continue;
      raw.set(analysis.docId, { analysis, basis: b });
      derive(analysis.docId);
      analysis.notes.forEach((note) => output.appendLine(`${label(b.uri)}: ${note}`));
    }
    changed.fire();
  }

  const currentText = async (uri: vscode.Uri, settings: Settings) => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? { text: open.getText() } : readArticle(uri, settings.maxFileSize);
  };

  function skip(uri: vscode.Uri, reason: string) {
    skippedFiles.set(uri.toString(), { uri, label: label(uri), reason });
    output.appendLine(`Skipped ${label(uri)}: ${reason}`);
  }

  async function analyzeWorkspace(progress?: vscode.Progress<{ message?: string; increment?: number }>) {
    const settings = readSettings();
    const reconfigured = await configure(settings);
    if (reconfigured) (raw.clear(), results.clear());
    await loadLists();
    const uris = await findArticles((folder) => readSettings(folder.uri));
    const extra = vscode.workspace.textDocuments.filter((d) => !vscode.workspace.getWorkspaceFolder(d.uri) && isArticleDocument(d, readSettings(d.uri))).map((d) => d.uri);
    const all = [...uris, ...extra];
    progress?.report({ message: `reading ${all.length} articles` });
    const texts: { uri: vscode.Uri; text: string }[] = [];
    for (const uri of all) {
      const read = await currentText(uri, readSettings(uri));
      if ('skipped' in read) skip(uri, read.skipped);
      else if (sent.get(uri.toString())?.text !== read.text || reconfigured) texts.push({ uri, text: read.text });
    }
    const keep = new Set(all.map((u) => u.toString()));
    await remove([...sent.keys()].filter((k) => !keep.has(k)));
    await setTexts(texts);
    let reported = 0;
    await analyze(undefined, (done, total) => {
      const percent = (done / Math.max(total, 1)) * 100;
      progress?.report({ message: `analysing ${done}/${total}`, increment: percent - reported });
      reported = percent;
    });
    output.appendLine(`Analysed ${results.size} articles${skippedFiles.size ? `, skipped ${skippedFiles.size}` : ''}.`);
  }

  const reanalyze = () =>
    serial(() =>
      Promise.resolve(
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Second Source' }, (progress) => analyzeWorkspace(progress)),
      ),
    );

  // The edited article first (and the visible ones, whose evidence may move); a little later the
  // articles whose claims cite it or are cited by it — not the whole folder.
  const editedSinceRefresh = new Set<string>();
  function scheduleStaleRefresh(key: string) {
    editedSinceRefresh.add(key);
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = setTimeout(() => {
      const edited = [...editedSinceRefresh];
      editedSinceRefresh.clear();
      void serial(() => analyze(undefined, undefined, edited));
    }, STALE_REFRESH_MS);
  }
  const visibleKeys = () => vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).filter((k) => sent.has(k));

  function refreshDocument(uri: vscode.Uri, text: string) {
    return serial(async () => {
      if (sent.get(uri.toString())?.text === text) return;
      await setTexts([{ uri, text }]);
      await analyze([...new Set([uri.toString(), ...visibleKeys()])]);
      scheduleStaleRefresh(uri.toString());
    });
  }

  function onEdit(document: vscode.TextDocument) {
    const settings = readSettings(document.uri);
    if (!isArticleDocument(document, settings)) return;
    const key = document.uri.toString();
    clearTimeout(editTimers.get(key));
    editTimers.set(
      key,
      setTimeout(() => {
        editTimers.delete(key);
        void refreshDocument(document.uri, document.getText());
      }, settings.debounce),
    );
  }

  function onOpen(document: vscode.TextDocument) {
    const settings = readSettings(document.uri);
    if (!isArticleDocument(document, settings)) return;
    if (document.getText().length > settings.maxFileSize) return skip(document.uri, 'over secondSource.maxFileSize');
    void refreshDocument(document.uri, document.getText());
  }

  // A document closed without saving goes back to what is on disk (or away, if it was never saved).
  function onClose(document: vscode.TextDocument) {
    const key = document.uri.toString();
    if (!sent.has(key)) return;
    if (document.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(document.uri)) return void serial(() => remove([key]).then(() => changed.fire()));
    void onDiskChange(document.uri);
  }

  async function onDiskChange(uri: vscode.Uri) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const relative = relativeTo(folder, uri);
    if (relative.startsWith(`${DATA_FOLDER}/`)) {
      // The atomic writes' temp files come and go; only the lists themselves matter.
      if (!relative.endsWith('.tmp')) void serial(applyLists);
      return;
    }
    const settings = readSettings(uri);
    if (!matchesAny(relative, settings.files) || matchesAny(relative, settings.exclude)) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) return;
    const read = await readArticle(uri, settings.maxFileSize);
    if ('skipped' in read) return void serial(async () => (await remove([uri.toString()]), skip(uri, read.skipped), changed.fire()));
    await refreshDocument(uri, read.text);
  }

  const onDelete = (uri: vscode.Uri) => {
    const prefix = uri.toString();
    void serial(async () => {
      await remove([...sent.keys(), ...skippedFiles.keys()].filter((k) => k === prefix || k.startsWith(`${prefix}/`)));
      changed.fire();
    });
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  disposables.push(
    watcher,
    watcher.onDidCreate(onDiskChange),
    watcher.onDidChange(onDiskChange),
    watcher.onDidDelete(onDelete),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && onEdit(e.document)),
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.workspace.onDidCloseTextDocument(onClose),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void reanalyze()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'files', 'exclude', 'checks', 'corroborationThreshold', 'maxFileSize')) void reanalyze();
      else if (affects(e, 'minimumConfidence')) (raw.forEach((_, k) => derive(k)), changed.fire());
    }),
  );

  const ready = reanalyze().then(
    () => undefined,
    (error) => {
      report(error);
      void vscode.window.showErrorMessage(`Second Source could not analyse the workspace: ${error instanceof Error ? error.message : String(error)}`);
    },
  );

  const sortedArticles = () => [...results.values()].sort((a, b) => a.label.localeCompare(b.label));

  return {
    ready,
    onDidChange: changed.event,
    articles: sortedArticles,
    article: (uri) => results.get(typeof uri === 'string' ? uri : uri.toString()),
    skipped: () => [...skippedFiles.values()].sort((a, b) => a.label.localeCompare(b.label)),
    stories: () => stories.map((g) => g.filter((key) => results.has(key))).filter((g) => g.length > 1),
    claimAt(uri, offset) {
      return results.get(uri.toString())?.analysis.claims.find((c) => c.start <= offset && offset <= c.end);
    },
    async addWord(uri, word) {
      const folder = folderOf(uri);
      if (!folder) {
        void vscode.window.showWarningMessage('Open a folder to keep a workspace word list.');
        return undefined;
      }
      const problem = await listsOf(folder).addWord(word);
      if (problem) listProblems.report(folder.uri, [problem], true);
      // Written or kept in memory, the word counts from now on.
      await serial(applyLists);
      return problem ? undefined : vscode.Uri.joinPath(folder.uri, DATA_FOLDER, 'words.txt');
    },
    async ignore(uri, finding) {
      const folder = folderOf(uri);
      const basis = sent.get(uri.toString());
      if (!folder || !basis) return;
      const entry = { file: relativeTo(folder, uri), rule: finding.rule, text: finding.text, context: findingContext(basis.text, finding) };
      const problem = await listsOf(folder).addIgnored(entry);
      if (problem) listProblems.report(folder.uri, [problem], true);
      await serial(applyLists);
    },
    reanalyze,
    dispose() {
      editTimers.forEach(clearTimeout);
      if (staleTimer) clearTimeout(staleTimer);
      disposables.forEach((d) => d.dispose());
    },
  };
}

/** A file's path inside its workspace folder, `/`-separated. */
function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}
