/** Next claim / Previous claim / Next single-source claim: move the selection from claim to claim. */
import * as vscode from 'vscode';
import type { Claim } from '../core/types';
import type { AnalysisStore } from './analysisStore';
import { COMMANDS } from './contributes';

/** The claim to go to from `offset`, wrapping around the document's end. */
export function nextClaim(claims: Claim[], offset: number, direction: 1 | -1, keep: (c: Claim) => boolean = () => true): Claim | undefined {
  const candidates = claims.filter(keep).sort((a, b) => a.start - b.start);
  if (direction === 1) return candidates.find((c) => c.start > offset) ?? candidates[0];
  return [...candidates].reverse().find((c) => c.end < offset) ?? candidates[candidates.length - 1];
}

/** Registers the three navigation commands. */
export function registerNavigation(store: AnalysisStore): vscode.Disposable {
  const go = (direction: 1 | -1, keep?: (c: Claim) => boolean) => () => {
    const editor = vscode.window.activeTextEditor;
    const article = editor && store.article(editor.document.uri);
    if (!editor || !article) return;
    const target = nextClaim(article.analysis.claims, editor.document.offsetAt(editor.selection.active), direction, keep);
    if (!target) return void vscode.window.setStatusBarMessage('Second Source: no such claim in this document', 3000);
    const range = new vscode.Range(editor.document.positionAt(target.start), editor.document.positionAt(target.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.nextClaim.id, go(1)),
    vscode.commands.registerCommand(COMMANDS.previousClaim.id, go(-1)),
    vscode.commands.registerCommand(COMMANDS.nextSingleSourceClaim.id, go(1, (c) => c.status === 'single-source')),
  );
}
