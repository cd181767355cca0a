/** Quick fixes on suspect spellings: each suggestion (the first preferred), fix all in the file, add to the word list, ignore here. */
import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import { COMMANDS } from './contributes';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { findingsLike, fixAllEdit, locateFinding, type FindingTarget } from './fixes';

/** Builds the quick fixes for the findings under a range. */
function provideActions(store: AnalysisStore, document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const article = store.article(document.uri);
  if (!article) return [];
  const actions: vscode.CodeAction[] = [];
  for (const finding of article.analysis.findings) {
    const where = locateFinding(document, finding);
    if (!where || !where.intersection(range)) continue;
    const target: FindingTarget = { uri: article.key, finding };
    const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.rule && d.range.intersection(where));
    const action = (title: string, kind = vscode.CodeActionKind.QuickFix) => {
      const a = new vscode.CodeAction(title, kind);
      a.diagnostics = diagnostics;
      actions.push(a);
      return a;
    };
    finding.suggestions.forEach((suggestion, i) => {
      const a = action(`Change to “${suggestion}”`);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(document.uri, where, suggestion);
      a.isPreferred = i === 0;
    });
    const alike = findingsLike(store, target);
    if (finding.suggestions.length && alike.length > 1) {
      action(`Change all ${alike.length} “${finding.text}” to “${finding.suggestions[0]}” in this file`).edit = fixAllEdit(document, alike);
    }
    action(`Add “${finding.text}” to the workspace word list`).command = { title: COMMANDS.addToWordList.title, command: COMMANDS.addToWordList.id, arguments: [target] };
    action(`Ignore “${finding.text}” here`).command = { title: COMMANDS.ignoreFinding.title, command: COMMANDS.ignoreFinding.id, arguments: [target] };
  }
  return actions;
}

/** Registers the quick-fix provider for the article globs. */
export function registerCodeActions(store: AnalysisStore, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    selector,
    { provideCodeActions: (document, range, context) => provideActions(store, document, range, context) },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
