/** A status bar item with the active document's counts; clicking it opens the sidebar. */
import { shownCount } from '../core/shown';
import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import { COMMANDS, VIEWS } from './contributes';
import { documentName } from './present';
import { statusBarText, statusBarTooltip } from './statusText';

/** Registers the status bar item and the command that reveals the sidebar. */
export function registerStatusBar(store: AnalysisStore): vscode.Disposable & { item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('secondSource.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Second Source';
  item.command = COMMANDS.showSidebar.id;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const article = editor && store.article(editor.document.uri);
    if (!article) return item.hide();
    const claims = { corroborated: 0, 'single-source': 0, 'copy-only': 0, conflicting: 0 };
    for (const c of article.analysis.claims) claims[c.status]++;
    const counts = { document: documentName(article.key), claims, spellings: shownCount(article.analysis.findings) };
    item.text = statusBarText(counts);
    item.tooltip = statusBarTooltip(counts);
    item.show();
  };
  update();
  const disposable = vscode.Disposable.from(
    item,
    store.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand(COMMANDS.showSidebar.id, () => vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.container}`)),
  );
  return Object.assign(disposable, { item });
}
