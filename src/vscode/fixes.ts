/**
 * The fixes for suspect spellings, as commands (for hovers and the tree's inline actions).
 * An edit is only made where the flagged text still stands.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import type { AnalysisStore } from './analysisStore';
import { COMMANDS } from './contributes';
import type { FindingTarget } from '../server/protocol';

// A finding and the document it is in: the argument of every fix command, the server's too.
export type { FindingTarget };

// Offsets are those of the analysed text; after later edits the words may have moved a little.
const SLACK = 200;

/** The range of a finding in the document as it is now, or undefined if the flagged text is gone. */
export function locateFinding(document: vscode.TextDocument, finding: Pick<Finding, 'start' | 'end' | 'text'>): vscode.Range | undefined {
  const exact = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
  if (document.getText(exact) === finding.text) return exact;
  const from = Math.max(0, finding.start - SLACK);
  const window = document.getText(new vscode.Range(document.positionAt(from), document.positionAt(finding.end + SLACK)));
  let best = -1;
  for (let i = window.indexOf(finding.text); i >= 0; i = window.indexOf(finding.text, i + 1)) {
    if (best < 0 || Math.abs(from + i - finding.start) < Math.abs(from + best - finding.start)) best = i;
  }
  return best < 0 ? undefined : new vscode.Range(document.positionAt(from + best), document.positionAt(from + best + finding.text.length));
}

/** An edit that replaces one finding, or undefined if its text is gone. */
function replacementEdit(document: vscode.TextDocument, finding: Finding, replacement: string): vscode.WorkspaceEdit | undefined {
  const range = locateFinding(document, finding);
  if (!range) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, replacement);
  return edit;
}

/** The findings in the same file with the same text, rule and first suggestion. */
export function findingsLike(store: AnalysisStore, target: FindingTarget): Finding[] {
  const { finding } = target;
  return (store.article(target.uri)?.analysis.findings ?? []).filter(
    (f) => f.rule === finding.rule && f.text === finding.text && f.suggestions[0] === finding.suggestions[0],
  );
}

/** An edit that fixes every finding like this one in the file (first suggestion each). */
export function fixAllEdit(document: vscode.TextDocument, findings: Finding[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const f of findings) {
    const range = f.suggestions.length ? locateFinding(document, f) : undefined;
    if (range) edit.replace(document.uri, range, f.suggestions[0]);
  }
  return edit;
}

/**
 * Registers the fixes that edit the text, and `openLocation` (used by hovers and trees). The
 * word-list commands are the language server's (vscode-languageclient registers them).
 */
export function registerFixCommands(store: AnalysisStore): vscode.Disposable {
  const open = (uri: string) => vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const apply = async (edit: vscode.WorkspaceEdit | undefined) => {
    if (!edit || !(await vscode.workspace.applyEdit(edit))) void vscode.window.showWarningMessage('Second Source: the text has changed since it was checked; nothing was replaced.');
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.applySuggestion.id, async (target: FindingTarget, replacement?: string) => {
      const text = replacement ?? target.finding.suggestions[0];
      if (text === undefined) return;
      await apply(replacementEdit(await open(target.uri), target.finding, text));
    }),
    vscode.commands.registerCommand(COMMANDS.fixAllInFile.id, async (target: FindingTarget) => {
      await apply(fixAllEdit(await open(target.uri), findingsLike(store, target)));
    }),
    vscode.commands.registerCommand(COMMANDS.openLocation.id, async (uri: string, start: number, end: number) => {
      const document = await open(uri);
      const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
      await vscode.window.showTextDocument(document, { selection, preview: true });
    }),
  );
}
