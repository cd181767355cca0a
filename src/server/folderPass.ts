/**
 * The first pass over a folder, after the open articles have been answered: read the files a
 * slice at a time (the reads of a slice run at once, and the next slice is read while the
 * engine indexes this one), then analyse every article a slice at a time. Every slice is a
 * background step (./scheduler), so an edit is answered between two slices, not after the
 * pass. Slices are sized to take about `SLICE_MS` on the engine thread: that bounds how long
 * an edit can wait.
 */
import type { DocumentPlace, DocumentStore, ArticleRecord } from './documentStore';
import type { Analyser } from './analyser';
import { CANCELLED, type Job } from './scheduler';
import { readArticleFileAsync } from '../node/article-files';
import { pathOf } from './folders';
import type { PassState } from './protocol';

/** What one background slice may keep the engine thread for (an edit waits at most about this). */
export const SLICE_MS = 60;
/** Files read at once at most (a slice's reads run together; the next slice's overlap the indexing). */
const MAX_READ_SLICE = 64;
/** The open articles are analysed again each time this share of the folder has been indexed. */
const RECHECK_EVERY = 0.25;

/** What the pass needs from the session. */
export interface PassHost {
  readonly store: DocumentStore;
  readonly analyser: Analyser;
  placeOf(uri: string): DocumentPlace;
  maxFileSize(folder: string | undefined): number;
  /** True when the editor or the watcher gave the server a newer text (or a deletion) since the pass began. */
  isNewer(uri: string): boolean;
  /** The open articles, in the store. */
  openArticles(): string[];
  /** Diagnostics for these records (the client is told of the change, at most now and then). */
  publish(records: ArticleRecord[]): void;
  /** Clears the diagnostics of articles no longer analysed. */
  clear(uris: string[]): void;
  log(line: string): void;
  report(percent: number, message: string, state: Pick<PassState, 'phase' | 'done' | 'total'>): void;
}

/**
 * Runs the pass over `onDisk` (the folder's articles not open in the editor: the open ones are
 * in the store already, read from the editor); false when `job` was cancelled.
 */
export async function runFolderPass(host: PassHost, job: Job, onDisk: string[]): Promise<boolean> {
  const total = onDisk.length;
  const percent = (indexed: number, analysed: number) => Math.floor(((indexed + analysed) / Math.max(2 * total, 1)) * 100);
  // ---------------------------------------------------------------- reading and indexing
  const readSlice = (from: number, count: number) =>
    Promise.all(
      onDisk.slice(from, from + count).map(async (uri) => {
        const place = host.placeOf(uri);
        const path = pathOf(uri);
        const read = path ? await readArticleFileAsync(path, host.maxFileSize(place.folder)) : { skipped: 'not a local file' };
        return { uri, place, read };
      }),
    );
  let size = 8;
  let reading = readSlice(0, size);
  // Once, while the first files are read: the open articles are answered, the user may type.
  if ((await host.analyser.background(job, () => host.analyser.warmUp())) === CANCELLED) return false;
  let from = size;
  let indexed = 0;
  let recheckAt = RECHECK_EVERY;
  while (indexed < total) {
    const files = await reading;
    // Read the next slice while the engine indexes this one.
    reading = readSlice(from, size);
    from += size;
    const started = performance.now();
    const step = await host.analyser.background(job, async () => {
      const sent: string[] = [];
      const gone: string[] = [];
      for (const { uri, place, read } of files) {
        if (host.isNewer(uri)) continue;
        if ('skipped' in read) {
          // Skipped now, held before (the file changed, or the settings): the engine must let it go.
          if (host.store.article(uri)?.parsed) gone.push(uri);
          host.store.skip(uri, place, read.skipped);
          host.log(`Skipped ${place.label}: ${read.skipped}`);
        } else {
          host.store.read(uri, place, read.text, null);
          sent.push(uri);
        }
      }
      await host.analyser.forget(gone);
      host.clear(gone);
      await host.analyser.sendUnparsed(sent);
    });
    if (step === CANCELLED) return false;
    // The next slices aim at SLICE_MS on the engine thread, from what this one took per file.
    const perFile = (performance.now() - started) / Math.max(files.length, 1);
    size = Math.max(1, Math.min(MAX_READ_SLICE, Math.round(SLICE_MS / Math.max(perFile, 0.1))));
    indexed += files.length;
    host.report(percent(indexed, 0), `indexing ${indexed}/${total} articles`, { phase: 'indexing', done: indexed, total });
    if (indexed >= recheckAt * total && indexed < total) {
      recheckAt += RECHECK_EVERY;
      // Folder-level evidence (names the folder attests, sources for claims) has grown.
      if (!(await recheckOpen(host, job))) return false;
    }
  }
  // ---------------------------------------------------------------- analysing
  const open = host.openArticles();
  const openSet = new Set(open);
  let rest = [...open, ...onDisk.filter((u) => !openSet.has(u) && host.store.article(u)?.parsed)];
  const toAnalyse = rest.length;
  while (rest.length) {
    const step = await host.analyser.background(job, async () => {
      const slice = await host.analyser.analyseSlice(rest, SLICE_MS, false);
      host.publish(slice.changed);
      return slice.rest;
    });
    if (step === CANCELLED) return false;
    rest = step;
    const analysed = toAnalyse - rest.length;
    host.report(percent(total, (analysed / Math.max(toAnalyse, 1)) * total), `analysing ${analysed}/${toAnalyse} articles`, { phase: 'analysing', done: analysed, total: toAnalyse });
  }
  // Copies and stories, once, over the whole folder.
  return (await host.analyser.background(job, () => host.analyser.analyseSlice([], 0, true))) !== CANCELLED;
}

/** Analyses the open articles again against what the folder holds now, and publishes them. */
async function recheckOpen(host: PassHost, job: Job): Promise<boolean> {
  const step = await host.analyser.background(job, async () => {
    const open = host.openArticles().filter((u) => host.store.article(u)?.parsed);
    if (open.length) host.publish((await host.analyser.analyseSlice(open, SLICE_MS, false)).changed);
  });
  return step !== CANCELLED;
}
