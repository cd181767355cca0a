/**
 * The user's per-folder lists (`.second-source/words.txt` and `ignored.json`) in the editor.
 * The rule for reading and writing them lives in `src/node/lists/` (shared with other faces);
 * this file picks the storage for a folder and tells the user when a list was not written.
 */
import * as vscode from 'vscode';
import { createNodeListStorage } from '../node/lists/node-storage';
import { createUserLists, DATA_FOLDER, describeProblem, type ListName, type ListProblem, type ListStorage, type UserLists } from '../node/lists/user-lists';

export { DATA_FOLDER } from '../node/lists/user-lists';
export { findingContext, sameIgnored, type IgnoredFinding } from '../node/lists/ignored';

/** The lists of one workspace folder: on the local disk for `file:` folders, else through `vscode.workspace.fs`. */
export function createFolderLists(folder: vscode.Uri): UserLists {
  return createUserLists(folder.scheme === 'file' ? createNodeListStorage(folder.fsPath) : createVirtualStorage(folder));
}

/**
 * Storage for virtual workspaces. Their providers do not resolve links, so a link on the way
 * to a list is refused rather than followed.
 */
function createVirtualStorage(folder: vscode.Uri): ListStorage {
  const fs = vscode.workspace.fs;
  const uriOf = (name: ListName) => vscode.Uri.joinPath(folder, DATA_FOLDER, name);
  const isLink = (uri: vscode.Uri) => fs.stat(uri).then((s) => (s.type & vscode.FileType.SymbolicLink) !== 0, () => false);
  return {
    async read(name) {
      try {
        return await fs.readFile(uriOf(name));
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        throw error;
      }
    },
    realFolder: async () => folder.path,
    async realPath(name) {
      for (const uri of [vscode.Uri.joinPath(folder, DATA_FOLDER), uriOf(name)]) {
        if (await isLink(uri)) throw new Error(`${uri.path} is a symbolic link`);
      }
      return uriOf(name).path;
    },
    async writeAtomically(path, content) {
      const uri = folder.with({ path });
      const dir = vscode.Uri.joinPath(uri, '..');
      await fs.createDirectory(dir);
      const temp = vscode.Uri.joinPath(dir, `.${uri.path.split('/').pop()}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
      await fs.writeFile(temp, new TextEncoder().encode(content));
      try {
        await fs.rename(temp, uri, { overwrite: true });
      } catch (error) {
        await fs.delete(temp).then(undefined, () => undefined);
        throw error;
      }
    },
  };
}

/** Tells the user about list problems, once each until the file reads again. */
export interface ListProblemReporter {
  /** Shows the problems of a folder's lists not yet shown; `fromAction` shows them again (the user just chose something). */
  report(folder: vscode.Uri, problems: ReadonlyArray<ListProblem>, fromAction?: boolean): void;
  /** Every message shown so far, oldest first (the extension-host tests read them). */
  shown(): string[];
}

/** Creates the reporter: an error message naming the file and the problem, with "Open file" for a file the user can mend. */
export function createListProblemReporter(output: vscode.OutputChannel): ListProblemReporter {
  const told = new Map<string, Set<string>>();
  const shown: string[] = [];
  const OPEN = 'Open file';
  return {
    report(folder, problems, fromAction = false) {
      const before = told.get(folder.toString()) ?? new Set<string>();
      const now = new Set<string>();
      for (const problem of problems) {
        const text = `Second Source: ${describeProblem(problem)}`;
        now.add(text);
        if (before.has(text) && !fromAction) continue;
        shown.push(text);
        output.appendLine(`[lists] ${vscode.workspace.asRelativePath(folder)}: ${describeProblem(problem)}`);
        const actions = problem.kind === 'unreadable' ? [OPEN] : [];
        void vscode.window.showErrorMessage(text, ...actions).then((choice) => {
          if (choice === OPEN) void vscode.window.showTextDocument(vscode.Uri.joinPath(folder, DATA_FOLDER, problem.name));
        });
      }
      // A problem that is gone is forgotten, so the same one later is told again. An action's
      // problem adds to what was told (the other list may still be broken).
      told.set(folder.toString(), fromAction ? new Set([...before, ...now]) : now);
    },
    shown: () => [...shown],
  };
}
