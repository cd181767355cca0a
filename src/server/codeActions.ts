/**
 * Quick fixes on suspect spellings: each suggestion (the first preferred), fix all like it in
 * the file, add to the workspace word list, ignore here. Edits are made on the text as it is
 * now and only where the flagged words still stand.
 */
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types';
import { SERVER_COMMANDS, type FindingTarget } from './protocol';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { locateSpan } from './locate';
import { shownFindings, type AnalysedRecord, type ServerView } from './view';

const overlaps = (a: Range, b: Range) => !(comparePos(a.end, b.start) < 0 || comparePos(b.end, a.start) < 0);
const comparePos = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;

/** The code actions for findings under `range` of `current` (the document as the editor has it now). */
export function codeActions(view: ServerView, record: AnalysedRecord, current: TextDocument, range: Range): CodeAction[] {
  const text = current.getText();
  const findings = shownFindings(view, record);
  const rangeOf = (f: Finding): Range | undefined => {
    const at = locateSpan(text, f);
    return at && { start: current.positionAt(at.start), end: current.positionAt(at.end) };
  };
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    const where = rangeOf(finding);
    if (!where || !overlaps(where, range)) continue;
    const diagnostic = { range: where, source: DIAGNOSTIC_SOURCE, code: finding.rule, message: finding.message };
    const quickFix = (title: string, extra: Partial<CodeAction>): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...extra });
    const edit = (edits: TextEdit[]) => ({ changes: { [current.uri]: edits } });
    finding.suggestions.forEach((s, i) => actions.push(quickFix(`Change to “${s}”`, { edit: edit([{ range: where, newText: s }]), isPreferred: i === 0 })));
    const alike = findings.filter((f) => f.rule === finding.rule && f.text === finding.text && f.suggestions[0] === finding.suggestions[0]);
    if (finding.suggestions.length && alike.length > 1) {
      const edits = alike.flatMap((f) => {
        const r = rangeOf(f);
        return r ? [{ range: r, newText: f.suggestions[0] }] : [];
      });
      actions.push(quickFix(`Change all ${alike.length} “${finding.text}” to “${finding.suggestions[0]}” in this file`, { edit: edit(edits) }));
    }
    const target: FindingTarget = { uri: record.uri, finding };
    actions.push(quickFix(`Add “${finding.text}” to the workspace word list`, { command: { title: 'Add to the workspace word list', command: SERVER_COMMANDS.addToWordList, arguments: [target] } }));
    actions.push(quickFix(`Ignore “${finding.text}” here`, { command: { title: 'Ignore here', command: SERVER_COMMANDS.ignoreFinding, arguments: [target] } }));
  }
  return actions;
}
