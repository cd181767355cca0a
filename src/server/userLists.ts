/**
 * The user's lists of every workspace folder (`.second-source/words.txt` and `ignored.json`),
 * through the shared rule in src/node/lists (atomic writes, nothing written outside the
 * folder, a broken file never overwritten).
 */
import { createNodeListStorage } from '../node/lists/node-storage';
import { createUserLists, describeProblem, type ListProblem, type UserLists } from '../node/lists/user-lists';
import { findingContext, sameIgnored, type IgnoredFinding } from '../node/lists/ignored';
import type { Finding } from '../core/types';
import type { Folder } from './folders';
import type { ArticleRecord } from './documentStore';

/** One folder's list problems. */
export interface FolderProblems {
  folder: string;
  problems: ListProblem[];
}

/**
 * What a list command left undone: nothing, a problem with a folder's file (the choice is kept
 * in memory), or why there was nowhere to write it.
 */
export type ListOutcome = undefined | string | { folder: string; problem: ListProblem };

export class WorkspaceLists {
  private readonly lists = new Map<string, UserLists>();
  private readonly ignoredBy = new Map<string, IgnoredFinding[]>();
  private words = '';

  constructor(private folders: readonly Folder[]) {}

  setFolders(folders: readonly Folder[]): void {
    this.folders = folders;
  }

  private listsOf(folder: Folder): UserLists {
    let lists = this.lists.get(folder.uri);
    if (!lists) this.lists.set(folder.uri, (lists = createUserLists(createNodeListStorage(folder.path))));
    return lists;
  }

  private folder(uri: string | undefined): Folder | undefined {
    return this.folders.find((f) => f.uri === uri);
  }

  /** Re-reads every folder's lists: the accepted words (sorted), whether they changed, and each folder's problems. */
  async load(): Promise<{ words: string[]; wordsChanged: boolean; problems: string[]; byFolder: FolderProblems[] }> {
    const words = new Set<string>();
    const byFolder: FolderProblems[] = [];
    this.ignoredBy.clear();
    for (const folder of this.folders) {
      const state = await this.listsOf(folder).load();
      state.words.forEach((w) => words.add(w));
      this.ignoredBy.set(folder.uri, state.ignored);
      byFolder.push({ folder: folder.uri, problems: state.problems });
    }
    const list = [...words].sort();
    const wordsChanged = list.join('\n') !== this.words;
    this.words = list.join('\n');
    const named = (f: FolderProblems) => f.problems.map((p) => `${this.folder(f.folder)?.name}: ${describeProblem(p)}`);
    return { words: list, wordsChanged, problems: byFolder.flatMap(named), byFolder };
  }

  /** Adds a word to the list of the document's folder; the problem when it was kept in memory only. */
  async addWord(record: ArticleRecord, word: string): Promise<ListOutcome> {
    const folder = this.folder(record.folder);
    if (!folder) return 'Open a folder to keep a workspace word list.';
    const problem = await this.listsOf(folder).addWord(word);
    return problem && { folder: folder.uri, problem };
  }

  /** Dismisses one finding where it stands in the analysed text. */
  async ignore(record: ArticleRecord, finding: Finding): Promise<ListOutcome> {
    const folder = this.folder(record.folder);
    const basis = record.analysed?.basis ?? record.parsed;
    if (!folder || !basis) return 'Only findings in a workspace folder can be ignored.';
    const problem = await this.listsOf(folder).addIgnored(this.entry(record, basis.text, finding));
    return problem && { folder: folder.uri, problem };
  }

  /** True when the user dismissed this finding here. */
  isIgnored(record: ArticleRecord, text: string, finding: Finding): boolean {
    const entries = record.folder ? this.ignoredBy.get(record.folder) : undefined;
    if (!entries?.length) return false;
    const here = this.entry(record, text, finding);
    return entries.some((e) => sameIgnored(e, here));
  }

  private entry(record: ArticleRecord, text: string, finding: Finding): IgnoredFinding {
    // The label carries the folder's name in multi-root workspaces; the file is relative to its own folder.
    const folder = this.folder(record.folder);
    const file = folder && this.folders.length > 1 ? record.label.slice(folder.name.length + 1) : record.label;
    return { file, rule: finding.rule, text: finding.text, context: findingContext(text, finding) };
  }
}
