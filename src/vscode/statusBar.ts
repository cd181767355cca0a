/** A status bar item with the active document's counts; clicking it opens the sidebar. */
import { shownCount } from '../core/shown';
import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import { COMMANDS, VIEWS } from './contributes';

/** Registers the status bar item and the command that reveals the sidebar. */
export function registerStatusBar(store: AnalysisStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('secondSource.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Second Source';
  item.command = COMMANDS.showSidebar.id;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const article = editor && store.article(editor.document.uri);
    if (!article) return item.hide();
    const claims = article.analysis.claims;
    const count = (status: string) => claims.filter((c) => c.status === status).length;
    const spellings = shownCount(article.analysis.findings);
    item.text = `$(checklist) ${count('corroborated')} $(circle-large-outline) ${count('single-source')} $(diff) ${count('conflicting')} $(warning) ${spellings}`;
    item.tooltip = `Second Source: ${claims.length} claims — ${count('corroborated')} corroborated, ${count('single-source')} single-source, ${count('copy-only')} copies only, ${count('conflicting')} conflicting; ${spellings} suspect spellings. Click to open the sidebar.`;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    store.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand(COMMANDS.showSidebar.id, () => vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.container}`)),
  );
}
