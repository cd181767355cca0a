/** Suspect spellings (and, when `secondSource.singleSourceClaims` asks, single-source claims) as LSP diagnostics. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../core/types';
import { shownFindings, type AnalysedRecord, type ServerView } from './view';

/** The `source` of every diagnostic (the extension's too). */
export const DIAGNOSTIC_SOURCE = 'Second Source';
const SINGLE_SOURCE_CODE = 'single-source-claim';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The diagnostics of one analysed article, ranged over the text that was analysed. */
export function articleDiagnostics(view: ServerView, record: AnalysedRecord): Diagnostic[] {
  const { lines } = record.analysed.basis;
  const range = (s: { start: number; end: number }) => ({ start: lines.positionAt(s.start), end: lines.positionAt(s.end) });
  const diagnostics: Diagnostic[] = shownFindings(view, record).map((f) => {
    const fix = f.suggestions[0];
    return {
      range: range(f),
      severity: SEVERITY[f.severity],
      source: DIAGNOSTIC_SOURCE,
      code: f.rule,
      message: fix && !f.message.includes(fix) ? `${f.message} Suggestion: ${fix}.` : f.message,
    };
  });
  const asClaims = view.settingsFor(record.folder).singleSourceClaims;
  if (asClaims !== 'off') {
    for (const claim of record.analysed.analysis.claims.filter((c) => c.status === 'single-source')) {
      diagnostics.push({
        range: range(claim),
        severity: asClaims === 'hint' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: SINGLE_SOURCE_CODE,
        message: 'Single-source claim: no other document in the workspace supports it.',
      });
    }
  }
  return diagnostics;
}
