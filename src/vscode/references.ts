/** Go to References on a claim lists the claim and every sentence that bears on it. */
import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';

/** Registers the reference provider for the article globs. */
export function registerReferences(store: AnalysisStore, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, {
    provideReferences(document, position, context) {
      const article = store.article(document.uri);
      const claim = article && store.claimAt(document.uri, document.offsetAt(position));
      if (!article || !claim) return undefined;
      const locations = claim.evidence.flatMap((e) => {
        const source = store.article(e.docId);
        return source ? [new vscode.Location(source.uri, source.lines.rangeOf(e))] : [];
      });
      return context.includeDeclaration ? [new vscode.Location(article.uri, article.lines.rangeOf(claim)), ...locations] : locations;
    },
  });
}
