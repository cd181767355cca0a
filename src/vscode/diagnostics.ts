/** Suspect spellings (and, when asked, single-source claims) as diagnostics. Claims are not problems by default. */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/types';
import type { AnalysisStore, Article } from './analysisStore';
import { readSettings, affects } from './settings';

/** The `source` of every diagnostic the extension reports. */
export const DIAGNOSTIC_SOURCE = 'Second Source';

/** Diagnostic code of a single-source claim reported as a diagnostic. */
const SINGLE_SOURCE_CODE = 'single-source-claim';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The diagnostic of one finding; its code is the rule id, which the quick fixes key on. */
function findingDiagnostic(article: Article, finding: Finding): vscode.Diagnostic {
  const fix = finding.suggestions[0];
  const message = fix && !finding.message.includes(fix) ? `${finding.message} Suggestion: ${fix}.` : finding.message;
  const diagnostic = new vscode.Diagnostic(article.lines.rangeOf(finding), message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.rule;
  return diagnostic;
}

function articleDiagnostics(article: Article): vscode.Diagnostic[] {
  const diagnostics = article.analysis.findings.map((f) => findingDiagnostic(article, f));
  const asClaims = readSettings(article.uri).singleSourceClaims;
  if (asClaims !== 'off') {
    for (const claim of article.analysis.claims.filter((c) => c.status === 'single-source')) {
      const severity = asClaims === 'hint' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information;
      const d = new vscode.Diagnostic(article.lines.rangeOf(claim), 'Single-source claim: no other document in the workspace supports it.', severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = SINGLE_SOURCE_CODE;
      diagnostics.push(d);
    }
  }
  return diagnostics;
}

/** Keeps a diagnostic collection in step with the store. */
export function registerDiagnostics(store: AnalysisStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('second-source');
  const refresh = () => {
    const next = new Map(store.articles().map((a) => [a.key, a] as const));
    collection.forEach((uri) => {
      if (!next.has(uri.toString())) collection.delete(uri);
    });
    next.forEach((article) => collection.set(article.uri, articleDiagnostics(article)));
  };
  refresh();
  return vscode.Disposable.from(
    collection,
    store.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => affects(e, 'singleSourceClaims') && refresh()),
  );
}
