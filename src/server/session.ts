/**
 * One client's workspace, from `initialize` to `shutdown`: its folders and settings, and the
 * work that keeps the store in step with the disk and the editor (reading, scheduling the
 * analysis of edits, publishing diagnostics). Each method does one of those jobs; the
 * requests only read (./server wires them).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, FileChangeType, ResponseError, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineClient } from '../node/engine-client';
import { findArticleFiles, isArticlePath, readArticleFile } from '../node/article-files';
import { DATA_FOLDER } from '../node/lists/user-lists';
import { Analyser } from './analyser';
import { articleDiagnostics } from './diagnostics';
import { DocumentStore, type ArticleRecord } from './documentStore';
import { globPathOf, normalizeUri, pathOf, placeOf, type Folder } from './folders';
import { describeProblem } from '../node/lists/user-lists';
import { AnalysisChangedNotification, ListProblemsNotification, SERVER_COMMANDS, type ClientOptions, type FindingTarget, type PassState } from './protocol';
import { DEFAULT_SETTINGS, engineOptions, sectionOf, validateSettings, type ServerSettings } from './settings';
import { WorkspaceLists, type ListOutcome } from './userLists';
import { runFolderPass, SLICE_MS, type PassHost } from './folderPass';
import { CANCELLED, Job } from './scheduler';
import type { AnalysedRecord, ServerView } from './view';

/** After an edit, the articles whose claims cite it (or are cited by it) are refreshed this much later. */
const STALE_REFRESH_MS = 1500;
/**
 * A client that keeps a copy reads the changes again on each AnalysisChanged; during a pass
 * (slices of ~60 ms) it is told at most this often, so it does not spend the pass reading.
 */
const CHANGED_MS = 1000;

/** What the client said at `initialize` that the session needs. */
export interface SessionStart {
  folders: Folder[];
  /** The client answers `workspace/configuration`. */
  canPull: boolean;
  /** The client re-asks for code lenses when told to. */
  canRefreshLenses: boolean;
  /** Settings given at `initialize`, for clients that cannot be asked. */
  initializationSettings: unknown;
  /** What this client asked for beyond plain LSP. */
  client: ClientOptions;
  engine: EngineClient;
  dataDir: string;
}

/** A change of settings that asks for the folders to be read again (the rest only re-filters). */
const RESCAN_KEYS = ['files', 'exclude', 'checks', 'corroborationThreshold', 'maxFileSize'] as const;

export class Session implements ServerView {
  readonly store = new DocumentStore();
  readonly lists: WorkspaceLists;
  private folders: Folder[];
  private settings = new Map<string | undefined, ServerSettings>();
  private pushed: unknown;
  private readonly analyser: Analyser;
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly editedSinceRefresh = new Set<string>();
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  private changedTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pass under way (a new one cancels it). */
  private pass: Job | undefined;
  /** The re-analysis after the accepted words changed, under way. */
  private wordsRefresh: Job | undefined;
  /** The refresh of related articles under way, and the edits it is for. */
  private refresh: { job: Job; edited: string[] } | undefined;
  /** Articles the editor or the watcher gave a newer text (or deleted) since the pass began: its disk reads of them are stale. */
  private readonly newer = new Set<string>();
  private closed = false;
  private firstPassDone = false;
  private passPhase: Omit<PassState, 'complete'> = { phase: 'idle', done: 0, total: 0 };
  // Bumped whenever the findings shown may change without a new analysis (settings, lists).
  private filterGeneration = 0;
  private readonly analysisIds = new WeakMap<object, number>();
  private nextAnalysisId = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly start: SessionStart,
  ) {
    this.folders = start.folders;
    this.pushed = start.initializationSettings;
    this.lists = new WorkspaceLists(this.folders);
    this.analyser = new Analyser(start.engine, this.store, start.dataDir, (e) => this.reportError(e), (line) => this.log(line));
  }

  // ------------------------------------------------------------ reading the session

  /** What the client is shown of an article, as a stamp: its analysis, and the filters applied to it. */
  stampOf(record: AnalysedRecord): string {
    let id = this.analysisIds.get(record.analysed);
    if (id === undefined) this.analysisIds.set(record.analysed, (id = ++this.nextAnalysisId));
    return `${id}.${this.filterGeneration}`;
  }

  get client(): ClientOptions {
    return this.start.client;
  }

  /** True once the first whole-workspace analysis has finished (or failed). */
  get complete(): boolean {
    return this.firstPassDone;
  }

  /** How far the pass under way is (`idle` when none runs). */
  get passState(): PassState {
    return { ...this.passPhase, complete: this.firstPassDone };
  }

  settingsFor(folder: string | undefined): ServerSettings {
    return this.settings.get(folder) ?? this.settings.get(undefined) ?? DEFAULT_SETTINGS;
  }

  /** The open document at `uri` (as the client or the server spells it). */
  openDocument(uri: string): TextDocument | undefined {
    return this.documents.get(uri) ?? this.documents.all().find((d) => normalizeUri(d.uri) === uri);
  }

  /** The text a request's positions are in: the editor's when open, else the analysed text. */
  currentOf(record: AnalysedRecord): TextDocument {
    return this.openDocument(record.uri) ?? record.analysed.basis.lines;
  }

  /** True when `uri` is an article under its folder's globs (and not one of the user's lists). */
  isArticle(uri: string): boolean {
    const s = this.settingsFor(placeOf(uri, this.folders).folder);
    const path = globPathOf(uri, this.folders);
    return isArticlePath(path, s.files, s.exclude) && !path.startsWith(`${DATA_FOLDER}/`);
  }

  // ------------------------------------------------------------ telling the client

  log(message: string): void {
    this.connection.console.log(message);
  }

  reportError(error: unknown): void {
    this.connection.console.error(`[error] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /** Sends the records' diagnostics; `background` ones tell the client of the change at most every CHANGED_MS. */
  publish(records: ArticleRecord[], background = false): void {
    for (const record of records) {
      if (!record.analysed) continue;
      // The version tells a client which text the ranges are of, when it is the editor's text now.
      const open = this.openDocument(record.uri);
      const version = open && open.getText() === record.analysed.basis.text ? open.version : undefined;
      void this.connection.sendDiagnostics({ uri: record.uri, version, diagnostics: articleDiagnostics(this, record as AnalysedRecord) });
    }
    if (!background) this.changed();
    else if (records.length && !this.changedTimer) this.changedTimer = setTimeout(() => this.changed(), CHANGED_MS);
  }

  /** Tells the client that what the custom requests answer has changed. */
  private changed(): void {
    clearTimeout(this.changedTimer);
    this.changedTimer = undefined;
    void this.connection.sendNotification(AnalysisChangedNotification);
  }

  private publishAll(): void {
    this.publish(this.store.analysed());
  }

  private clearDiagnostics(uris: string[]): void {
    // The pass asks after every slice it reads; most slices let nothing go, and a client told of a
    // change reads the workspace's stamps again (on the BBC folder, 195 such reads per pass).
    if (uris.length === 0) return;
    for (const uri of uris) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.changed();
  }

  // ------------------------------------------------------------ settings and lists

  /** Reads every folder's settings from the client (or what it gave), validated; problems go to the log. */
  private async loadSettings(): Promise<void> {
    const next = new Map<string | undefined, ServerSettings>();
    const problems = new Set<string>();
    const take = (key: string | undefined, raw: unknown) => {
      const v = validateSettings(raw);
      v.problems.forEach((p) => problems.add(p));
      next.set(key, v.settings);
    };
    if (this.start.canPull) {
      const items = [{ section: 'secondSource' }, ...this.folders.map((f) => ({ scopeUri: f.uri, section: 'secondSource' }))];
      const values: unknown[] = await this.connection.workspace.getConfiguration(items).catch(() => []);
      // A client with no value for the section answers null: then what it gave, if anything.
      take(undefined, values[0] ?? this.pushed);
      this.folders.forEach((f, i) => take(f.uri, values[i + 1] ?? values[0] ?? this.pushed));
    } else {
      take(undefined, this.pushed);
    }
    problems.forEach((p) => this.connection.console.warn(p));
    this.settings = next;
    this.filterGeneration++;
  }

  /** Reads the lists and tells their problems: every folder's to a client that shows them itself (so it can forget mended ones), else to the log. */
  private async loadLists(): Promise<{ words: string[]; wordsChanged: boolean }> {
    const { words, wordsChanged, problems, byFolder } = await this.lists.load();
    this.filterGeneration++;
    if (this.start.client.listProblems) byFolder.forEach(({ folder, problems }) => void this.connection.sendNotification(ListProblemsNotification, { folder, problems, fromAction: false }));
    else problems.forEach((p) => this.connection.console.warn(p));
    return { words, wordsChanged };
  }

  /**
   * Reloads the word lists and dismissals; re-analyses when the accepted words changed, else only
   * re-filters. Inside `serial`. The open articles are re-analysed in this step, the rest in
   * background slices: on a big folder the whole re-analysis takes seconds, and typing must not
   * wait for it.
   */
  private async applyLists(): Promise<void> {
    const { words, wordsChanged } = await this.loadLists();
    if (wordsChanged) {
      await this.analyser.setUserWords(words);
      const open = this.openArticles().filter((u) => this.store.article(u)?.parsed);
      if (open.length) this.publish(await this.analyser.analyse(open));
      void this.refreshAfterWords(open).catch((e) => this.reportError(e));
    }
    this.publishAll();
  }

  /** Re-analyses every article the engine holds but `done`, in background slices; a newer change of the words cancels it. */
  private async refreshAfterWords(done: string[]): Promise<void> {
    this.wordsRefresh?.cancel();
    const job = new Job();
    this.wordsRefresh = job;
    const skip = new Set(done);
    let rest: string[] | typeof CANCELLED = this.store.parsedExcept(skip).filter((u) => this.store.article(u)?.parsed);
    const total = rest.length;
    while (rest !== CANCELLED && rest.length) {
      const todo: string[] = rest;
      rest = await this.analyser.background(job, async () => {
        const slice = await this.analyser.analyseSlice(todo, SLICE_MS, false);
        this.publish(slice.changed, true);
        return slice.rest;
      });
    }
    if (this.wordsRefresh === job) this.wordsRefresh = undefined;
    if (rest !== CANCELLED) this.log(`Re-analysed ${total} articles after the accepted words changed.`);
  }

  /** After `didChangeConfiguration`: reads the settings again; re-reads the folders only when what it reads changed. */
  async changeConfiguration(payload: unknown): Promise<void> {
    this.pushed = sectionOf(payload) ?? this.pushed;
    const old = await this.analyser.serial(async () => {
      const before = new Map(this.settings);
      await this.loadSettings();
      return before;
    });
    const key = (s: ServerSettings) => JSON.stringify(RESCAN_KEYS.map((k) => s[k]));
    if (JSON.stringify([...this.settings]) === JSON.stringify([...old])) return;
    if (this.start.canRefreshLenses) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    const rescan = [...this.settings].some(([folder, s]) => key(s) !== key(old.get(folder) ?? DEFAULT_SETTINGS));
    if (rescan) return this.reanalyseAll();
    this.publishAll();
  }

  /** `secondSource.addToWordList` and `secondSource.ignoreFinding`: written to the folder's lists, then applied. */
  async runListCommand(command: string, target: FindingTarget | undefined): Promise<void> {
    if (typeof target?.uri !== 'string' || typeof target.finding?.text !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes { uri, finding }.`);
    const record = this.store.article(normalizeUri(target.uri));
    if (!record) throw new ResponseError(ErrorCodes.InvalidParams, `${target.uri} is not an analysed article.`);
    let outcome: ListOutcome;
    if (command === SERVER_COMMANDS.addToWordList) outcome = await this.lists.addWord(record, target.finding.text);
    else if (command === SERVER_COMMANDS.ignoreFinding) outcome = await this.lists.ignore(record, target.finding);
    else throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
    if (typeof outcome === 'object' && this.start.client.listProblems) {
      void this.connection.sendNotification(ListProblemsNotification, { folder: outcome.folder, problems: [outcome.problem], fromAction: true });
    } else if (outcome) {
      void this.connection.window.showWarningMessage(`Second Source: ${typeof outcome === 'string' ? outcome : describeProblem(outcome.problem)}`);
    }
    await this.analyser.serial(() => this.applyLists());
  }

  // ------------------------------------------------------------ reading documents

  /** The text of an article now: the editor's when open, else the disk's (or why it is skipped). */
  private currentText(uri: string, maxFileSize: number): { text: string; version: number | null } | { skipped: string } {
    const open = this.openDocument(uri);
    if (open) return { text: open.getText(), version: open.version };
    const path = pathOf(uri);
    if (!path) return { skipped: 'not a local file' };
    const read = readArticleFile(path, maxFileSize);
    return 'skipped' in read ? read : { text: read.text, version: null };
  }

  /** Takes a document's current text into the store, or records why it is skipped; false when skipped. */
  private readInto(uri: string): boolean {
    const place = placeOf(uri, this.folders);
    const read = this.currentText(uri, this.settingsFor(place.folder).maxFileSize);
    if ('skipped' in read) {
      this.store.skip(uri, place, read.skipped);
      this.log(`Skipped ${place.label}: ${read.skipped}`);
      return false;
    }
    this.store.read(uri, place, read.text, read.version);
    return true;
  }

  private openArticles(): string[] {
    return this.documents.all().map((d) => normalizeUri(d.uri)).filter((u) => this.store.has(u));
  }

  // ------------------------------------------------------------ analysing

  /**
   * Re-reads every folder and re-analyses everything, reporting `$/progress`: the open articles
   * first (answered from what the engine holds by then), then the folder in background slices
   * (./folderPass) that edits go before. A pass started while one runs cancels it.
   */
  async reanalyseAll(): Promise<void> {
    this.pass?.cancel();
    // The pass analyses everything with the words as they are then.
    this.wordsRefresh?.cancel();
    const job = new Job();
    this.pass = job;
    this.newer.clear();
    this.passPhase = { phase: 'listing', done: 0, total: 0 };
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Second Source', 0, 'reading articles', false);
    try {
      const onDisk = await this.analyser.serial(() => this.startPass());
      if (job.cancelled) return;
      const host: PassHost = {
        store: this.store,
        analyser: this.analyser,
        placeOf: (uri) => placeOf(uri, this.folders),
        maxFileSize: (folder) => this.settingsFor(folder).maxFileSize,
        isNewer: (uri) => this.newer.has(uri) || this.openDocument(uri) !== undefined,
        openArticles: () => this.openArticles(),
        publish: (records) => this.publish(records, true),
        clear: (uris) => this.clearDiagnostics(uris),
        log: (line) => this.log(line),
        report: (percent, message, state) => {
          if (this.pass === job) this.passPhase = state;
          progress.report(percent, message);
        },
      };
      if (!(await runFolderPass(host, job, onDisk))) return;
      this.publishAll();
      const skipped = this.store.skipped().length;
      this.log(`Analysed ${this.store.analysed().length} articles${skipped ? `, skipped ${skipped}` : ''}.`);
    } finally {
      progress.done();
      if (this.pass === job) this.passPhase = { phase: 'idle', done: 0, total: 0 };
      // Even a failed first pass ends the wait of a client that waits for it.
      if (!this.firstPassDone && this.pass === job) {
        this.firstPassDone = true;
        this.changed();
      }
    }
  }

  /**
   * The pass's first step: settings, engine and lists; the folders listed (articles gone are
   * forgotten); the open articles read, analysed and published. Returns the articles to read from disk.
   */
  private async startPass(): Promise<string[]> {
    await this.loadSettings();
    await this.analyser.configure(engineOptions(this.settingsFor(undefined)));
    await this.analyser.setUserWords((await this.loadLists()).words);
    const listed: string[] = [];
    for (const folder of this.folders) {
      const s = this.settingsFor(folder.uri);
      for (const relative of findArticleFiles(folder.path, s.files, s.exclude)) listed.push(pathToFileURL(join(folder.path, relative)).href);
    }
    const open = new Set<string>();
    for (const document of this.documents.all()) {
      const uri = normalizeUri(document.uri);
      if (this.isArticle(uri) && this.readInto(uri)) open.add(uri);
    }
    const keep = new Set([...listed, ...open]);
    const gone = this.store.parsedExcept(keep).flatMap((uri) => this.store.remove(uri));
    await this.analyser.forget(gone);
    this.clearDiagnostics(gone);
    // The open articles need not wait for the folder: they are answered from what the engine
    // holds now, and again as the folder's evidence comes in.
    if (open.size) {
      await this.analyser.sendUnparsed([...open]);
      this.publish(await this.analyser.analyse([...open]));
    }
    return listed.filter((uri) => !open.has(uri));
  }

  /** An edited (or re-read) article: analysed after the debounce, with the open ones, before any background slice; its neighbours later. */
  private scheduleAnalysis(uri: string): void {
    clearTimeout(this.editTimers.get(uri));
    const wait = this.settingsFor(this.store.article(uri)?.folder).debounce;
    const run = () => {
      this.editTimers.delete(uri);
      if (this.closed) return;
      // The refresh under way is of the corpus before this edit: it starts again after it.
      this.cancelRefresh();
      void this.analyser
        .serial(async () => {
          if (!this.store.has(uri) || this.store.unparsed([uri]).length === 0) return;
          await this.analyser.sendUnparsed([uri]);
          this.publish(await this.analyser.analyse([...new Set([uri, ...this.openArticles()])]));
          this.scheduleStaleRefresh(uri);
        })
        .catch((e) => this.reportError(e));
    };
    this.editTimers.set(uri, setTimeout(run, wait));
    // The pass's slices leave the worker free by then: the edit waits for none of them.
    this.analyser.reserve(wait);
  }

  private scheduleStaleRefresh(uri: string): void {
    this.editedSinceRefresh.add(uri);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => void this.refreshRelated().catch((e) => this.reportError(e)), STALE_REFRESH_MS);
  }

  /** Stops the refresh under way; its edited articles wait for the next one. */
  private cancelRefresh(): void {
    if (!this.refresh) return;
    this.refresh.job.cancel();
    this.refresh.edited.forEach((u) => this.editedSinceRefresh.add(u));
    this.refresh = undefined;
  }

  /** Re-analyses the articles related to the edits since the last refresh, in background slices. */
  private async refreshRelated(): Promise<void> {
    const edited = [...this.editedSinceRefresh].filter((u) => this.store.has(u));
    this.editedSinceRefresh.clear();
    if (this.closed || !edited.length) return;
    const refresh = { job: new Job(), edited };
    this.refresh = refresh;
    const related = await this.analyser.background(refresh.job, () => this.analyser.related(edited));
    if (related === CANCELLED) return;
    this.log(`Refreshing ${related.length} articles related to ${edited.length} edited.`);
    let rest: string[] | typeof CANCELLED = related;
    while (rest !== CANCELLED && rest.length) {
      const todo: string[] = rest;
      rest = await this.analyser.background(refresh.job, async () => {
        const slice = await this.analyser.analyseSlice(todo, SLICE_MS, false);
        this.publish(slice.changed, true);
        return slice.rest;
      });
      if (rest === CANCELLED) this.log(`Refresh of ${related.length} articles cancelled by an edit (${todo.length} left).`);
    }
    if (this.refresh === refresh) this.refresh = undefined;
    if (rest !== CANCELLED) this.log(`Refreshed ${related.length} articles related to ${edited.length} edited.`);
  }

  /** Forgets documents (or a folder) gone from disk, or grown past the limits; clears their diagnostics. */
  private forget(uri: string): void {
    clearTimeout(this.editTimers.get(uri));
    void this.analyser
      .serial(async () => {
        const gone = this.store.remove(uri);
        await this.analyser.forget(gone);
        this.clearDiagnostics(gone);
      })
      .catch((e) => this.reportError(e));
  }

  /** The engine lets go of a document whose record is already gone (skipped now); its diagnostics clear. */
  private forgetInEngine(uri: string): void {
    clearTimeout(this.editTimers.get(uri));
    void this.analyser
      .serial(async () => {
        await this.analyser.forget([uri]);
        this.clearDiagnostics([uri]);
      })
      .catch((e) => this.reportError(e));
  }

  // ------------------------------------------------------------ events

  /** An open document's text (on open and on each change). */
  documentChanged(document: TextDocument): void {
    const uri = normalizeUri(document.uri);
    if (!this.isArticle(uri)) return;
    this.newer.add(uri);
    const place = placeOf(uri, this.folders);
    const text = document.getText();
    if (text.length > this.settingsFor(place.folder).maxFileSize) {
      // The engine must not keep citing the text it held before.
      this.store.skip(uri, place, 'over secondSource.maxFileSize');
      this.forgetInEngine(uri);
      return;
    }
    this.store.read(uri, place, text, document.version);
    this.scheduleAnalysis(uri);
  }

  /** A document closed unsaved goes back to what is on disk (or away, if it is not on disk). */
  documentClosed(document: TextDocument): void {
    const uri = normalizeUri(document.uri);
    if (!this.store.has(uri)) return;
    this.newer.add(uri);
    const path = pathOf(uri);
    if (!path || !existsSync(path) || !placeOf(uri, this.folders).folder) this.forget(uri);
    else if (this.readInto(uri)) this.scheduleAnalysis(uri);
  }

  /** Files created, changed or deleted on disk (the editor's text wins for open ones). */
  filesChanged(changes: FileEvent[]): void {
    for (const change of changes) {
      const uri = normalizeUri(change.uri);
      this.newer.add(uri);
      if (globPathOf(uri, this.folders).startsWith(`${DATA_FOLDER}/`)) {
        // The atomic writes' temp files come and go; only the lists themselves matter.
        if (!uri.endsWith('.tmp')) void this.analyser.serial(() => this.applyLists()).catch((e) => this.reportError(e));
      } else if (change.type === FileChangeType.Deleted) {
        if (!this.openDocument(uri)) this.forget(uri);
      } else if (!this.openDocument(uri) && this.isArticle(uri)) {
        if (this.readInto(uri)) this.scheduleAnalysis(uri);
        else this.forgetInEngine(uri);
      }
    }
  }

  /** Workspace folders added or removed: everything is read again. */
  foldersChanged(folders: Folder[]): Promise<void> {
    this.folders = folders;
    this.lists.setFolders(folders);
    return this.reanalyseAll();
  }

  currentFolders(): readonly Folder[] {
    return this.folders;
  }

  /** `shutdown`: no more work is started; the engine thread ends. */
  close(): void {
    this.closed = true;
    this.pass?.cancel();
    this.wordsRefresh?.cancel();
    this.refresh?.job.cancel();
    this.editTimers.forEach(clearTimeout);
    clearTimeout(this.staleTimer);
    clearTimeout(this.changedTimer);
    this.start.engine.dispose();
  }
}
