/**
 * The user's per-folder lists (`.second-source/words.txt` and `ignored.json`) in the editor.
 * The language server reads and writes them (under the rule in `src/node/lists/`) and sends
 * their problems; this file tells the user, once each, with a way to open a file to mend.
 */
import * as vscode from 'vscode';
import { DATA_FOLDER, describeProblem, type ListProblem } from '../node/lists/user-lists';

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
