/**
 * The Second Source language server: standard LSP over the engine, for any editor. This file
 * is the wiring: `initialize` starts a session (./session) for the client's folders, events go
 * to it, and each request is answered from its store by the module that owns that request.
 */
import { existsSync } from 'node:fs';
import {
  CodeActionKind,
  type Connection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { availableParallelism } from 'node:os';
import { createEngineClient } from '../node/engine-client';
import { createSplitEngineClient } from '../node/engine-split-client';
import { defaultDataDir, distCandidates } from '../node/resources';
import { codeActions } from './codeActions';
import { foldersFromInitialize, normalizeUri } from './folders';
import { hoverAt } from './hover';
import { claimLenses, claimReferences, claimSymbols, searchClaims } from './navigation';
import {
  DocumentAnalysisRequest,
  PassStateRequest,
  ReanalyzeRequest,
  SERVER_COMMANDS,
  WorkspaceAnalysisRequest,
  WorkspaceChangesRequest,   type ArticleAnalysis,
  type ClientOptions,
  type FindingTarget,
  type StampedArticle,
} from './protocol';
import { Session } from './session';
import { sectionOf } from './settings';
import { analysedArticle, shownFindings, type AnalysedRecord } from './view';

/** Where the server finds its engine worker and data (overridable for tests and the bench). */
export interface ServerOptions {
  workerPath?: string;
  dataDir?: string;
}

/** The client's options, validated: anything else than `true` is off. */
function clientOptions(raw: unknown): ClientOptions {
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { listProblems: given.listProblems === true, commandLinks: given.commandLinks === true };
}

const notInitialized = () => new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet.');

/** Starts answering on `connection` (already created over stdio or streams). */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;
  let canFollowFolders = false;
  let canWatch = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    canFollowFolders = workspace?.workspaceFolders === true;
    canWatch = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const workerPath = options.workerPath ?? distCandidates('worker.js').find((p) => existsSync(p));
    if (!workerPath) throw new ResponseError(ErrorCodes.InternalError, 'The Second Source engine worker (dist/worker.js) is missing; run `npm run build`.');
    const init = params.initializationOptions as { settings?: unknown; client?: unknown } | undefined;
    session = new Session(connection, documents, {
      folders: foldersFromInitialize(params),
      canPull: workspace?.configuration === true,
      canRefreshLenses: workspace?.codeLens?.refreshSupport === true,
      initializationSettings: sectionOf(init) ?? init?.settings,
      client: clientOptions(init?.client),
      // Two engine threads (claims, spellings) halve the first pass where there are two cores,
      // for about a quarter more memory (each thread holds its parses); one core gains nothing.
      engine: availableParallelism() > 1 ? createSplitEngineClient(workerPath) : createEngineClient(workerPath),
      dataDir: options.dataDir ?? defaultDataDir(),
    });
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

  connection.onInitialized(() => {
    const s = session;
    if (!s) return;
    // vscode-languageserver throws when this is wired for a client that cannot send the events.
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => normalizeUri(f.uri).replace(/\/$/, '')));
        const kept = s.currentFolders().filter((f) => !removed.has(f.uri));
        s.foldersChanged([...kept, ...foldersFromInitialize({ workspaceFolders: event.added })]).catch((e) => s.reportError(e));
      });
    }
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    s.reanalyseAll().catch((error) => {
      s.reportError(error);
      void connection.window.showErrorMessage(`Second Source could not analyse the workspace: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  documents.onDidChangeContent(({ document }) => session?.documentChanged(document));
  documents.onDidClose(({ document }) => session?.documentClosed(document));
  connection.onDidChangeWatchedFiles(({ changes }) => session?.filesChanged(changes));
  connection.onDidChangeConfiguration(({ settings }) => void session?.changeConfiguration(settings).catch((e) => session?.reportError(e)));

  /** Answers from an analysed article, or null when the document is not one. */
  const withArticle = <T>(uri: string, answer: (s: Session, record: AnalysedRecord) => T): T | null => {
    const record = session && analysedArticle(session, normalizeUri(uri));
    return session && record ? answer(session, record) : null;
  };

  connection.onHover(({ textDocument, position }) => withArticle(textDocument.uri, (s, r) => hoverAt(s, r, s.currentOf(r), position)));
  connection.onCodeAction(({ textDocument, range }) => withArticle(textDocument.uri, (s, r) => codeActions(s, r, s.currentOf(r), range)));
  connection.onReferences(({ textDocument, position, context }) =>
    withArticle(textDocument.uri, (s, r) => claimReferences(s, r, r.analysed.basis.lines.offsetAt(position), context.includeDeclaration)),
  );
  connection.onDocumentSymbol(({ textDocument }) => withArticle(textDocument.uri, (_, r) => claimSymbols(r)));
  connection.onCodeLens(({ textDocument }) => withArticle(textDocument.uri, (s, r) => (s.settingsFor(r.folder).codeLens ? claimLenses(r) : [])));
  connection.onWorkspaceSymbol(({ query }) => (session ? searchClaims(session, query) : []));
  connection.onExecuteCommand(({ command, arguments: args }) => (session ? session.runListCommand(command, args?.[0] as FindingTarget | undefined) : Promise.reject(notInitialized())));

  const articleAnalysis = (s: Session, r: AnalysedRecord): ArticleAnalysis => ({
    uri: r.uri,
    label: r.label,
    text: r.analysed.basis.text,
    analysis: { ...r.analysed.analysis, findings: shownFindings(s, r) },
  });
  connection.onRequest(DocumentAnalysisRequest, ({ uri }) => withArticle(uri, articleAnalysis));
  connection.onRequest(WorkspaceAnalysisRequest, () => {
    if (!session) throw notInitialized();
    const s = session;
    return {
      articles: s.store.analysed().map((r) => articleAnalysis(s, r)),
      skipped: s.store.skipped().map(({ uri, label, reason }) => ({ uri, label, reason })),
      stories: s.store.stories(),
      complete: s.complete,
    };
  });
  connection.onRequest(WorkspaceChangesRequest, ({ known }) => {
    if (!session) throw notInitialized();
    const s = session;
    const held = typeof known === 'object' && known !== null ? known : {};
    const changed: StampedArticle[] = [];
    const unchanged: string[] = [];
    for (const r of s.store.analysed()) {
      const stamp = s.stampOf(r);
      if (held[r.uri] === stamp) unchanged.push(r.uri);
      else changed.push({ ...articleAnalysis(s, r), stamp });
    }
    return { changed, unchanged, skipped: s.store.skipped().map(({ uri, label, reason }) => ({ uri, label, reason })), stories: s.store.stories(), complete: s.complete };
  });
  connection.onRequest(PassStateRequest, () => {
    if (!session) throw notInitialized();
    return session.passState;
  });
  connection.onRequest(ReanalyzeRequest, () => (session ? session.reanalyseAll() : Promise.reject(notInitialized())));

  connection.onShutdown(() => session?.close());

  documents.listen(connection);
  connection.listen();
}
