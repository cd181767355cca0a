/**
 * The rule for writing the user's lists in `.second-source/`, for every face that writes them
 * (the language server, for every editor), over storage the face supplies:
 *
 * - A file that cannot be read or parsed is never written: the new choice is kept in memory
 *   for the session and written once the file reads again (a stray comma or a merge conflict
 *   must not cost the team its committed list).
 * - A file is written only where its real path (links resolved) lies inside the workspace
 *   folder: a `.second-source` link in a cloned repository must not send writes elsewhere.
 * - Writes are atomic (the storage writes a temp file and renames it).
 */
import { decodeListText, type Parsed } from './text';
import { normalizeWord, parseWordList, sameWord } from './words';
import { parseIgnoredList, sameIgnored, type IgnoredFinding } from './ignored';

/** The folder, beside the articles, that holds the user's lists. */
export const DATA_FOLDER = '.second-source';

/** The two list files. */
export type ListName = 'words.txt' | 'ignored.json';

/** What a face supplies for one workspace folder. Paths are the platform's own. */
export interface ListStorage {
  /** The bytes of `.second-source/<name>`, `undefined` when it does not exist; throws when it cannot be read. */
  read(name: ListName): Promise<Uint8Array | undefined>;
  /** The workspace folder's real path. */
  realFolder(): Promise<string>;
  /** The real path `.second-source/<name>` leads to (links followed; for a missing file, where it would be); throws when it cannot be resolved. */
  realPath(name: ListName): Promise<string>;
  /** Writes `content` at `realPath` through a temp file beside it and a rename, creating its folder. */
  writeAtomically(realPath: string, content: string): Promise<void>;
}

/** Why a list was not read or not written. `unreadable` problems name a file the user can open and mend. */
export interface ListProblem {
  name: ListName;
  kind: 'unreadable' | 'outside' | 'unwritable';
  /** The problem in words, after the file's name: "is not valid JSON (Unexpected token ']')". */
  reason: string;
}

/** The lists as the session sees them: each file's entries plus choices not yet written. */
export interface ListsState {
  words: string[];
  ignored: IgnoredFinding[];
  problems: ListProblem[];
}

/** One folder's lists under the rule above. */
export interface UserLists {
  /** Re-reads both files, writing any choice kept in memory into a file that reads again. */
  load(): Promise<ListsState>;
  /** Accepts a word; `undefined` when it is in the file, else the problem that kept it in memory only. */
  addWord(word: string): Promise<ListProblem | undefined>;
  /** Dismisses a finding; `undefined` when it is in the file, else the problem that kept it in memory only. */
  addIgnored(entry: IgnoredFinding): Promise<ListProblem | undefined>;
}

interface Format<E> {
  name: ListName;
  parse(text: string): Parsed<{ entries: E[]; withAdded(added: ReadonlyArray<E>): string }>;
  same(a: E, b: E): boolean;
}

const WORDS: Format<string> = {
  name: 'words.txt',
  parse: (text) => {
    const parsed = parseWordList(text);
    return parsed.ok ? { ok: true, value: { entries: parsed.value.words, withAdded: parsed.value.withAdded } } : parsed;
  },
  same: sameWord,
};

const IGNORED: Format<IgnoredFinding> = { name: 'ignored.json', parse: parseIgnoredList, same: sameIgnored };

/** The sentence a face shows for a problem: the file, the problem, and what happened to the choice. */
export function describeProblem(problem: ListProblem): string {
  const file = `${DATA_FOLDER}/${problem.name}`;
  const kept = 'Your choice is kept for this session';
  switch (problem.kind) {
    case 'unreadable':
      return `${file} ${problem.reason}, so Second Source left it unchanged. ${kept} and is written once the file reads again.`;
    case 'outside':
      return `${file} ${problem.reason}; Second Source writes only inside the workspace folder. ${kept} only.`;
    case 'unwritable':
      return `${file} could not be written (${problem.reason}). ${kept} and is written at the next change.`;
  }
}

/** True when `path` is `folder` or below it (both real paths). */
export function isInside(path: string, folder: string): boolean {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const [p, f] = [norm(path), norm(folder)];
  return p === f || p.startsWith(`${f}/`);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Creates one folder's lists over `storage`. Operations run one at a time (each is a read, then maybe a write). */
export function createUserLists(storage: ListStorage): UserLists {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };

  /** One list file: the entries last read from it and the choices not yet in it. */
  function createList<E>(format: Format<E>) {
    let inFile: E[] = [];
    let pending: E[] = [];

    /** Where the file may be written, or why not. */
    async function target(): Promise<string | ListProblem> {
      try {
        const [real, folder] = await Promise.all([storage.realPath(format.name), storage.realFolder()]);
        if (isInside(real, folder)) return real;
        return { name: format.name, kind: 'outside', reason: `leads outside the workspace folder (to ${real})` };
      } catch (error) {
        return { name: format.name, kind: 'outside', reason: `cannot be resolved (${message(error)})` };
      }
    }

    /** Reads the file; writes the pending choices into it when it reads. */
    async function sync(): Promise<ListProblem | undefined> {
      let text: Parsed<string>;
      try {
        const bytes = await storage.read(format.name);
        text = bytes ? decodeListText(bytes) : { ok: true, value: '' };
      } catch (error) {
        text = { ok: false, problem: `cannot be read (${message(error)})` };
      }
      const parsed = text.ok ? format.parse(text.value) : text;
      // The last good read stands while the file is broken: dismissals do not flicker back.
      if (!parsed.ok) return { name: format.name, kind: 'unreadable', reason: parsed.problem };
      inFile = parsed.value.entries;
      pending = pending.filter((p) => !inFile.some((e) => format.same(e, p)));
      if (pending.length === 0) return undefined;
      const where = await target();
      if (typeof where !== 'string') return where;
      try {
        await storage.writeAtomically(where, parsed.value.withAdded(pending));
      } catch (error) {
        return { name: format.name, kind: 'unwritable', reason: message(error) };
      }
      inFile = [...inFile, ...pending];
      pending = [];
      return undefined;
    }

    return {
      sync,
      add(entry: E) {
        if (!pending.some((p) => format.same(p, entry))) pending.push(entry);
        return sync();
      },
      entries: () => [...inFile, ...pending.filter((p) => !inFile.some((e) => format.same(e, p)))],
    };
  }

  const words = createList(WORDS);
  const ignored = createList(IGNORED);

  return {
    load: () =>
      serial(async () => {
        const problems = [await words.sync(), await ignored.sync()].filter((p): p is ListProblem => p !== undefined);
        return { words: words.entries(), ignored: ignored.entries(), problems };
      }),
    addWord: (word) => {
      const normal = normalizeWord(word);
      return normal ? serial(() => words.add(normal)) : Promise.resolve(undefined);
    },
    addIgnored: (entry) => serial(() => ignored.add(entry)),
  };
}
