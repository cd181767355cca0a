/**
 * Hover: the spelling card over a suspect spelling, the claim card over a claim. Over a
 * spelling inside a claim, a client with command links (VS Code) gets the spelling card and
 * the claim in one line: the word is what the reader pointed at, and the claim's whole card
 * is a move of the mouse away.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { claimCard, findingCard, type DocumentNamer } from './cards';
import { linkedClaimCard, linkedClaimLine, linkedFindingCard } from './linkedCards';
import { locateSpan } from './locate';
import { analysedArticle, claimAt, shownFindings, type AnalysedRecord, type ServerView } from './view';

/** Names other documents by their label and links them at a line of the text the engine held. */
export function documentNamer(view: ServerView): DocumentNamer {
  return {
    label: (docId) => view.store.article(docId)?.label ?? docId.split('/').pop() ?? docId,
    link(docId, offset) {
      const record = analysedArticle(view, docId) ?? view.store.article(docId);
      const lines = record?.analysed?.basis.lines ?? record?.parsed?.lines;
      if (!lines) return undefined;
      const line = lines.positionAt(offset).line + 1;
      return { href: `${docId}#L${line}`, line };
    },
  };
}

/** The hover at `position` of `current` (the document as the editor has it, or the analysed text). */
export function hoverAt(view: ServerView, record: AnalysedRecord, current: TextDocument, position: Position): Hover | null {
  const offset = current.offsetAt(position);
  const text = current.getText();
  const parts: string[] = [];
  let range: Hover['range'];
  for (const finding of shownFindings(view, record)) {
    const at = locateSpan(text, finding);
    if (!at || offset < at.start || offset > at.end) continue;
    parts.push(view.client.commandLinks ? linkedFindingCard(record.uri, finding) : findingCard(finding));
    range = { start: current.positionAt(at.start), end: current.positionAt(at.end) };
  }
  const claim = claimAt(record, offset);
  if (claim) {
    const onFinding = parts.length > 0;
    parts.push(view.client.commandLinks ? (onFinding ? linkedClaimLine(claim) : linkedClaimCard(claim)) : claimCard(claim, documentNamer(view)));
    range ??= { start: current.positionAt(claim.start), end: current.positionAt(claim.end) };
  }
  return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range } : null;
}
