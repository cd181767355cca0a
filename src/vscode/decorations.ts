/** Marks claims in the editor by status, copies included (gutter or highlight; off-able). */
import * as vscode from 'vscode';
import type { ClaimStatus } from '../core/types';
import type { AnalysisStore } from './analysisStore';
import { affects, readSettings } from './settings';
import { STATUS } from './present';
import { CLAIM_HIGHLIGHTS, highlightColorIds } from './claimColors';

// Copy-only claims are marked too: a copy is what a reader most needs to see is not a source.
export const MARKED: ClaimStatus[] = ['corroborated', 'single-source', 'copy-only', 'conflicting'];

/** What the decorations drew, as the tests read it back: each status's options and ranges by document. */
export interface PaintedDecorations {
  options: Map<ClaimStatus, vscode.DecorationRenderOptions>;
  ranges(uri: vscode.Uri): Map<ClaimStatus, vscode.Range[]>;
}

function createTypes(extensionUri: vscode.Uri, style: 'gutter' | 'highlight' | 'off', options: Map<ClaimStatus, vscode.DecorationRenderOptions>) {
  const types = new Map<ClaimStatus, vscode.TextEditorDecorationType>();
  options.clear();
  if (style === 'off') return types;
  for (const status of MARKED) {
    const color = new vscode.ThemeColor(STATUS[status].color);
    const icon = (theme: 'light' | 'dark') => vscode.Uri.joinPath(extensionUri, 'media', `gutter-${status}-${theme}.svg`);
    const ids = highlightColorIds(status);
    // A highlight is a faint background across the whole claim and a 3 px left edge (a 2 px
    // edge alone read as a stray cursor); each status its own edge style as well as colour.
    const chosen: vscode.DecorationRenderOptions =
      style === 'gutter'
        ? { light: { gutterIconPath: icon('light') }, dark: { gutterIconPath: icon('dark') }, gutterIconSize: '70%', overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Left }
        : {
            backgroundColor: new vscode.ThemeColor(ids.background),
            borderWidth: '0 0 0 3px',
            borderStyle: CLAIM_HIGHLIGHTS[status].edgeStyle,
            borderColor: new vscode.ThemeColor(ids.edge),
            overviewRulerColor: new vscode.ThemeColor(ids.edge),
            overviewRulerLane: vscode.OverviewRulerLane.Left,
          };
    options.set(status, chosen);
    types.set(status, vscode.window.createTextEditorDecorationType(chosen));
  }
  return types;
}

/** Registers the claim decorations; they follow `secondSource.decorations`. */
export function registerDecorations(store: AnalysisStore, extensionUri: vscode.Uri): vscode.Disposable & PaintedDecorations {
  let style = readSettings().decorations;
  const options = new Map<ClaimStatus, vscode.DecorationRenderOptions>();
  let types = createTypes(extensionUri, style, options);
  const painted = new Map<string, Map<ClaimStatus, vscode.Range[]>>();
  const paint = (editor: vscode.TextEditor) => {
    const article = store.article(editor.document.uri);
    const drawn = new Map<ClaimStatus, vscode.Range[]>();
    types.forEach((type, status) => {
      const claims = article?.analysis.claims.filter((c) => c.status === status) ?? [];
      // A gutter mark belongs on the claim's first line only; a highlight spans the sentence.
      const ranges = claims.map((c) => {
        const range = article!.lines.rangeOf(c);
        return style === 'gutter' ? new vscode.Range(range.start, range.start) : range;
      });
      drawn.set(status, ranges);
      editor.setDecorations(type, ranges);
    });
    painted.set(editor.document.uri.toString(), drawn);
  };
  const paintAll = () => vscode.window.visibleTextEditors.forEach(paint);
  paintAll();
  const disposable = vscode.Disposable.from(
    store.onDidChange(paintAll),
    vscode.window.onDidChangeVisibleTextEditors(paintAll),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affects(e, 'decorations')) return;
      types.forEach((t) => t.dispose());
      style = readSettings().decorations;
      types = createTypes(extensionUri, style, options);
      paintAll();
    }),
    { dispose: () => types.forEach((t) => t.dispose()) },
  );
  return Object.assign(disposable, { options, ranges: (uri: vscode.Uri) => painted.get(uri.toString()) ?? new Map() });
}
