/** Next/Previous claim and Next/Previous single-source claim: from claim to claim, across articles in the Claims tree's order. */
import * as vscode from 'vscode';
import type { Claim } from '../core/types';
import type { AnalysisStore } from './analysisStore';
import { claimAcross } from './claimOrder';
import { COMMANDS } from './contributes';

/** Registers the four navigation commands. */
export function registerNavigation(store: AnalysisStore): vscode.Disposable {
  const go = (direction: 1 | -1, keep?: (c: Claim) => boolean) => async () => {
    const editor = vscode.window.activeTextEditor;
    const here = editor ? { key: editor.document.uri.toString(), offset: editor.document.offsetAt(editor.selection.active) } : { key: '', offset: 0 };
    // The store lists articles in the order the Claims tree shows its documents.
    const target = claimAcross(store.articles().map((a) => ({ key: a.key, claims: a.analysis.claims })), here.key, here.offset, direction, keep);
    const article = target && store.article(target.key);
    if (!target || !article) return void vscode.window.setStatusBarMessage('Second Source: no such claim in the workspace', 3000);
    const document = editor?.document.uri.toString() === target.key ? editor.document : await vscode.workspace.openTextDocument(article.uri);
    const shown = editor?.document === document ? editor : await vscode.window.showTextDocument(document, { preview: false });
    const range = new vscode.Range(document.positionAt(target.claim.start), document.positionAt(target.claim.end));
    shown.selection = new vscode.Selection(range.start, range.end);
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  const single = (c: Claim) => c.status === 'single-source';
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.nextClaim.id, go(1)),
    vscode.commands.registerCommand(COMMANDS.previousClaim.id, go(-1)),
    vscode.commands.registerCommand(COMMANDS.nextSingleSourceClaim.id, go(1, single)),
    vscode.commands.registerCommand(COMMANDS.previousSingleSourceClaim.id, go(-1, single)),
  );
}
