/**
 * The Second Source language server: standard LSP over the engine, for any editor. This file
 * is the wiring: it keeps the client's folders and settings, moves documents through the
 * store's stages with the analyser, and answers each request from the store.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  CodeActionKind,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEngineClient, type EngineClient } from '../node/engine-client';
import { defaultDataDir, distCandidates } from '../node/resources';
import { findArticleFiles, isArticlePath, readArticleFile } from '../node/article-files';
import { DATA_FOLDER } from '../node/lists/user-lists';
import { Analyser } from './analyser';
import { codeActions } from './codeActions';
import { articleDiagnostics } from './diagnostics';
import { DocumentStore, type ArticleRecord } from './documentStore';
import { foldersFromInitialize, globPathOf, normalizeUri, pathOf, placeOf, type Folder } from './folders';
import { hoverAt } from './hover';
import { claimLenses, claimReferences, claimSymbols, searchClaims } from './navigation';
import { DocumentAnalysisRequest, ReanalyzeRequest, SERVER_COMMANDS, WorkspaceAnalysisRequest, type ArticleAnalysis, type FindingTarget } from './protocol';
import { DEFAULT_SETTINGS, engineOptions, sectionOf, validateSettings, type ServerSettings } from './settings';
import { WorkspaceLists } from './userLists';
import { analysedArticle, shownFindings, type AnalysedRecord, type ServerView } from './view';

/** After an edit, the articles whose claims cite it (or are cited by it) are refreshed this much later. */
const STALE_REFRESH_MS = 1500;

/** Where the server finds its engine worker and data (overridable for tests and the bench). */
export interface ServerOptions {
  workerPath?: string;
  dataDir?: string;
}

/** Starts answering on `connection` (already created over stdio or streams). */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const store = new DocumentStore();
  let folders: Folder[] = [];
  const lists = new WorkspaceLists(folders);
  let settings = new Map<string | undefined, ServerSettings>();
  // What the client pushed in didChangeConfiguration / initializationOptions, for clients without workspace/configuration.
  let pushed: unknown;
  let canPull = false;
  let canWatch = false;
  let canFollowFolders = false;
  let canRefreshLenses = false;
  let client: EngineClient | undefined;
  let analyser: Analyser | undefined;
  let shuttingDown = false;
  const editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const editedSinceRefresh = new Set<string>();
  let staleTimer: ReturnType<typeof setTimeout> | undefined;

  const log = (message: string) => connection.console.log(message);
  const reportError = (error: unknown) => connection.console.error(`[error] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  const settingsFor = (folder: string | undefined) => settings.get(folder) ?? settings.get(undefined) ?? DEFAULT_SETTINGS;
  const view: ServerView = { store, lists, settingsFor };

  const normalized = (uri: string) => normalizeUri(uri);
  /** The editor's text when the document is open, as a line index. */
  const openDocument = (uri: string) => documents.get(uri) ?? documents.all().find((d) => normalized(d.uri) === uri);
  const currentOf = (record: AnalysedRecord) => openDocument(record.uri) ?? record.analysed.basis.lines;

  const isArticle = (uri: string) => {
    const place = placeOf(uri, folders);
    const s = settingsFor(place.folder);
    return isArticlePath(globPathOf(uri, folders), s.files, s.exclude) && !globPathOf(uri, folders).startsWith(`${DATA_FOLDER}/`);
  };

  function publish(records: ArticleRecord[]) {
    for (const record of records) {
      if (!record.analysed) continue;
      // The version tells a client which text the ranges are of, when it is the editor's text now.
      const open = openDocument(record.uri);
      const version = open && open.getText() === record.analysed.basis.text ? open.version : undefined;
      void connection.sendDiagnostics({ uri: record.uri, version, diagnostics: articleDiagnostics(view, record as AnalysedRecord) });
    }
  }
  const publishAll = () => publish(store.analysed());
  const clearDiagnostics = (uris: string[]) => uris.forEach((uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }));

  /** Reads the settings of every folder from the client (or what it pushed); problems go to the log. */
  async function loadSettings(): Promise<void> {
    const next = new Map<string | undefined, ServerSettings>();
    const problems = new Set<string>();
    const take = (key: string | undefined, raw: unknown) => {
      const v = validateSettings(raw);
      v.problems.forEach((p) => problems.add(p));
      next.set(key, v.settings);
    };
    if (canPull) {
      const items = [{ section: 'secondSource' }, ...folders.map((f) => ({ scopeUri: f.uri, section: 'secondSource' }))];
      const values: unknown[] = await connection.workspace.getConfiguration(items).catch(() => []);
      // A client with no value for the section answers null: then what it pushed, if anything.
      take(undefined, values[0] ?? pushed);
      folders.forEach((f, i) => take(f.uri, values[i + 1] ?? values[0] ?? pushed));
    } else {
      take(undefined, pushed);
    }
    problems.forEach((p) => connection.console.warn(p));
    settings = next;
  }

  /** Reloads the word lists and dismissals; re-analyses when the accepted words changed, else only re-filters. */
  async function applyLists(): Promise<void> {
    const { words, wordsChanged, problems } = await lists.load();
    problems.forEach((p) => connection.console.warn(p));
    if (wordsChanged && analyser) {
      await analyser.setUserWords(words);
      await analyser.analyse();
    }
    publishAll();
  }

  /** The text of an article now: the editor's when open, else the disk's (or why it is skipped). */
  function currentText(uri: string, maxFileSize: number): { text: string; version: number | null } | { skipped: string } {
    const open = openDocument(uri);
    if (open) return { text: open.getText(), version: open.version };
    const path = pathOf(uri);
    if (!path) return { skipped: 'not a local file' };
    const read = readArticleFile(path, maxFileSize);
    return 'skipped' in read ? read : { text: read.text, version: null };
  }

  /** Takes a document's current text into the store, or records why it is skipped; false when skipped. */
  function readInto(uri: string): boolean {
    const place = placeOf(uri, folders);
    const read = currentText(uri, settingsFor(place.folder).maxFileSize);
    if ('skipped' in read) {
      store.skip(uri, place, read.skipped);
      log(`Skipped ${place.label}: ${read.skipped}`);
      return false;
    }
    store.read(uri, place, read.text, read.version);
    return true;
  }

  /** Re-reads every folder and re-analyses everything, reporting `$/progress`. */
  function reanalyseAll(): Promise<void> {
    return serial(async (engine) => {
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin('Second Source', 0, 'reading articles', false);
      try {
        await loadSettings();
        await engine.configure(engineOptions(settingsFor(undefined)));
        const { words } = await lists.load();
        await engine.setUserWords(words);
        const keep = new Set<string>();
        for (const folder of folders) {
          const s = settingsFor(folder.uri);
          for (const relative of findArticleFiles(folder.path, s.files, s.exclude)) {
            const uri = pathToFileURL(join(folder.path, relative)).href;
            if (readInto(uri)) keep.add(uri);
          }
        }
        for (const open of documents.all()) {
          const uri = normalized(open.uri);
          if (!keep.has(uri) && isArticle(uri) && readInto(uri)) keep.add(uri);
        }
        const gone = store.parsedExcept(keep).flatMap((uri) => store.remove(uri));
        await engine.forget(gone);
        clearDiagnostics(gone);
        progress.report(0, `parsing ${keep.size} articles`);
        await engine.sendUnparsed();
        // The documents the user has open first: their diagnostics need not wait for the whole folder
        // (the engine caches these analyses, so the full pass below does not redo them).
        const open = documents.all().map((d) => normalized(d.uri)).filter((u) => store.has(u));
        if (open.length) {
          progress.report(0, `analysing ${open.length} open article${open.length === 1 ? '' : 's'}`);
          publish(await engine.analyse(open));
        }
        let reported = -1;
        await engine.analyse(undefined, {
          onProgress: (done, total) => {
            const percent = Math.floor((done / Math.max(total, 1)) * 100);
            if (percent !== reported) progress.report(percent, `analysing ${done}/${total}`);
            reported = percent;
          },
        });
        publishAll();
        const skipped = store.skipped().length;
        log(`Analysed ${store.analysed().length} articles${skipped ? `, skipped ${skipped}` : ''}.`);
      } finally {
        progress.done();
      }
    });
  }

  /** Runs `step` on the analyser's queue (after the engine is up). */
  function serial<T>(step: (engine: Analyser) => Promise<T>): Promise<T> {
    if (!analyser) return Promise.reject(new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet.'));
    const engine = analyser;
    return engine.serial(() => step(engine));
  }

  /** An edited (or re-read) article: analysed after the debounce, its neighbours a little later. */
  function scheduleAnalysis(uri: string) {
    clearTimeout(editTimers.get(uri));
    const record = store.article(uri);
    editTimers.set(
      uri,
      setTimeout(() => {
        editTimers.delete(uri);
        if (shuttingDown) return;
        void serial(async (engine) => {
          if (!store.has(uri) || store.unparsed([uri]).length === 0) return;
          await engine.sendUnparsed([uri]);
          const open = documents.all().map((d) => normalized(d.uri)).filter((u) => store.has(u));
          publish(await engine.analyse([...new Set([uri, ...open])]));
          scheduleStaleRefresh(uri);
        }).catch(reportError);
      }, settingsFor(record?.folder).debounce),
    );
  }

  function scheduleStaleRefresh(uri: string) {
    editedSinceRefresh.add(uri);
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = setTimeout(() => {
      const edited = [...editedSinceRefresh].filter((u) => store.has(u));
      editedSinceRefresh.clear();
      if (!shuttingDown && edited.length) void serial(async (engine) => publish(await engine.analyse(edited, { related: true }))).catch(reportError);
    }, STALE_REFRESH_MS);
  }

  /** Forgets files (or a folder) gone from disk. */
  function forget(uri: string) {
    clearTimeout(editTimers.get(uri));
    void serial(async (engine) => {
      const gone = store.remove(uri);
      await engine.forget(gone);
      clearDiagnostics(gone);
    }).catch(reportError);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = foldersFromInitialize(params);
    lists.setFolders(folders);
    canPull = params.capabilities.workspace?.configuration === true;
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    pushed = sectionOf(params.initializationOptions) ?? (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    const workerPath = options.workerPath ?? distCandidates('worker.js').find((p) => existsSync(p));
    if (!workerPath) throw new ResponseError(ErrorCodes.InternalError, 'The Second Source engine worker (dist/worker.js) is missing; run `npm run build`.');
    client = createEngineClient(workerPath);
    analyser = new Analyser(client, store, options.dataDir ?? defaultDataDir(), reportError);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: canFollowFolders } },
      },
      serverInfo: { name: 'second-source' },
    };
  });

  function followFolders(event: WorkspaceFoldersChangeEvent) {
    const removed = new Set(event.removed.map((f) => normalized(f.uri).replace(/\/$/, '')));
    folders = [...folders.filter((f) => !removed.has(f.uri)), ...foldersFromInitialize({ workspaceFolders: event.added })];
    lists.setFolders(folders);
    void reanalyseAll().catch(reportError);
  }

  connection.onInitialized(() => {
    // vscode-languageserver throws when this is wired for a client that cannot send the events.
    if (canFollowFolders) connection.workspace.onDidChangeWorkspaceFolders(followFolders);
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    reanalyseAll().catch((error) => {
      reportError(error);
      void connection.window.showErrorMessage(`Second Source could not analyse the workspace: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  documents.onDidChangeContent(({ document }) => {
    const uri = normalized(document.uri);
    if (!isArticle(uri)) return;
    const place = placeOf(uri, folders);
    const text = document.getText();
    if (text.length > settingsFor(place.folder).maxFileSize) {
      store.skip(uri, place, 'over secondSource.maxFileSize');
      // The engine must not keep citing the text it held before.
      void serial((engine) => engine.forget([uri])).then(() => clearDiagnostics([uri]), reportError);
      return;
    }
    store.read(uri, place, text, document.version);
    scheduleAnalysis(uri);
  });

  // A document closed unsaved goes back to what is on disk (or away, if it is not on disk).
  documents.onDidClose(({ document }) => {
    const uri = normalized(document.uri);
    if (!store.has(uri)) return;
    const path = pathOf(uri);
    if (!path || !existsSync(path) || !placeOf(uri, folders).folder) return forget(uri);
    if (readInto(uri)) scheduleAnalysis(uri);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const uri = normalized(change.uri);
      if (globPathOf(uri, folders).startsWith(`${DATA_FOLDER}/`)) {
        // The atomic writes' temp files come and go; only the lists themselves matter.
        if (!uri.endsWith('.tmp')) void serial(() => applyLists()).catch(reportError);
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        if (!openDocument(uri)) forget(uri);
        continue;
      }
      if (openDocument(uri) || !isArticle(uri)) continue;
      if (readInto(uri)) scheduleAnalysis(uri);
      else void serial(async (engine) => engine.forget(store.remove(uri))).then(() => clearDiagnostics([uri]), reportError);
    }
  });

  connection.onDidChangeConfiguration(({ settings: payload }) => {
    pushed = sectionOf(payload) ?? pushed;
    const before = JSON.stringify([...settings]);
    void serial(async () => {
      const old = new Map(settings);
      await loadSettings();
      return old;
    })
      .then((old) => {
        if (JSON.stringify([...settings]) === before) return;
        const rescan = [...settings].some(([key, s]) => {
          const o = old.get(key) ?? DEFAULT_SETTINGS;
          return JSON.stringify([s.files, s.exclude, s.checks, s.corroborationThreshold, s.maxFileSize]) !== JSON.stringify([o.files, o.exclude, o.checks, o.corroborationThreshold, o.maxFileSize]);
        });
        if (canRefreshLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
        return rescan ? reanalyseAll() : publishAll();
      })
      .catch(reportError);
  });

  const withArticle = <T>(uri: string, answer: (record: AnalysedRecord) => T): T | null => {
    const record = analysedArticle(view, normalized(uri));
    return record ? answer(record) : null;
  };

  connection.onHover(({ textDocument, position }) => withArticle(textDocument.uri, (r) => hoverAt(view, r, currentOf(r), position)));
  connection.onCodeAction(({ textDocument, range }) => withArticle(textDocument.uri, (r) => codeActions(view, r, currentOf(r), range)));
  connection.onReferences(({ textDocument, position, context }) =>
    withArticle(textDocument.uri, (r) => claimReferences(view, r, r.analysed.basis.lines.offsetAt(position), context.includeDeclaration)),
  );
  connection.onDocumentSymbol(({ textDocument }) => withArticle(textDocument.uri, claimSymbols));
  connection.onCodeLens(({ textDocument }) => withArticle(textDocument.uri, (r) => (settingsFor(r.folder).codeLens ? claimLenses(r) : [])));
  connection.onWorkspaceSymbol(({ query }) => searchClaims(view, query));

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const target = args?.[0] as FindingTarget | undefined;
    if (typeof target?.uri !== 'string' || typeof target.finding?.text !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes { uri, finding }.`);
    const record = store.article(normalized(target.uri));
    if (!record) throw new ResponseError(ErrorCodes.InvalidParams, `${target.uri} is not an analysed article.`);
    let problem: string | undefined;
    if (command === SERVER_COMMANDS.addToWordList) problem = await lists.addWord(record, target.finding.text);
    else if (command === SERVER_COMMANDS.ignoreFinding) problem = await lists.ignore(record, target.finding);
    else throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
    if (problem) void connection.window.showWarningMessage(`Second Source: ${problem}`);
    await serial(() => applyLists());
  });

  const articleAnalysis = (r: AnalysedRecord): ArticleAnalysis => ({ uri: r.uri, label: r.label, analysis: { ...r.analysed.analysis, findings: shownFindings(view, r) } });
  connection.onRequest(DocumentAnalysisRequest, ({ uri }) => withArticle(uri, articleAnalysis));
  connection.onRequest(WorkspaceAnalysisRequest, () => ({
    articles: store.analysed().map(articleAnalysis),
    skipped: store.skipped().map(({ uri, label, reason }) => ({ uri, label, reason })),
    stories: store.stories(),
  }));
  connection.onRequest(ReanalyzeRequest, () => reanalyseAll());

  connection.onShutdown(() => {
    shuttingDown = true;
    editTimers.forEach(clearTimeout);
    if (staleTimer) clearTimeout(staleTimer);
    client?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
