/** Marks corroborated, single-source and conflicting claims in the editor (gutter or highlight; off-able). */
import * as vscode from 'vscode';
import type { ClaimStatus } from '../core/types';
import type { AnalysisStore } from './analysisStore';
import { affects, readSettings } from './settings';
import { STATUS } from './present';

const MARKED: ClaimStatus[] = ['corroborated', 'single-source', 'conflicting'];

function createTypes(extensionUri: vscode.Uri, style: 'gutter' | 'highlight' | 'off') {
  const types = new Map<ClaimStatus, vscode.TextEditorDecorationType>();
  if (style === 'off') return types;
  for (const status of MARKED) {
    const color = new vscode.ThemeColor(STATUS[status].color);
    const icon = (theme: 'light' | 'dark') => vscode.Uri.joinPath(extensionUri, 'media', `gutter-${status}-${theme}.svg`);
    types.set(
      status,
      vscode.window.createTextEditorDecorationType(
        style === 'gutter'
          ? { light: { gutterIconPath: icon('light') }, dark: { gutterIconPath: icon('dark') }, gutterIconSize: '70%', overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Left }
          : { borderWidth: '0 0 0 2px', borderStyle: 'solid', borderColor: color, overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Left },
      ),
    );
  }
  return types;
}

/** Registers the claim decorations; they follow `secondSource.decorations`. */
export function registerDecorations(store: AnalysisStore, extensionUri: vscode.Uri): vscode.Disposable {
  let style = readSettings().decorations;
  let types = createTypes(extensionUri, style);
  const paint = (editor: vscode.TextEditor) => {
    const article = store.article(editor.document.uri);
    types.forEach((type, status) => {
      const claims = article?.analysis.claims.filter((c) => c.status === status) ?? [];
      // A gutter mark belongs on the claim's first line only; a highlight spans the sentence.
      editor.setDecorations(type, claims.map((c) => {
        const range = article!.lines.rangeOf(c);
        return { range: style === 'gutter' ? new vscode.Range(range.start, range.start) : range, hoverMessage: undefined };
      }));
    });
  };
  const paintAll = () => vscode.window.visibleTextEditors.forEach(paint);
  paintAll();
  return vscode.Disposable.from(
    store.onDidChange(paintAll),
    vscode.window.onDidChangeVisibleTextEditors(paintAll),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affects(e, 'decorations')) return;
      types.forEach((t) => t.dispose());
      style = readSettings().decorations;
      types = createTypes(extensionUri, style);
      paintAll();
    }),
    { dispose: () => types.forEach((t) => t.dispose()) },
  );
}
