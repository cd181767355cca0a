/** A claim's evidence as references, the document's claims as its outline, and a search over the folder's claims. */
import { SymbolKind, type CodeLens, type DocumentSymbol, type Location, type SymbolInformation } from 'vscode-languageserver';
import type { Claim } from '../core/types';
import { STATUS_LABEL } from './cards';
import type { ArticleRecord } from './documentStore';
import { analysedArticle, claimAt, type AnalysedRecord, type ServerView } from './view';

/** Results a workspace search returns at most. */
const MAX_SYMBOLS = 500;

/** The range of a span in the text the engine held for a document (its latest analysis, else the parsed text). */
function locationIn(record: ArticleRecord | undefined, span: { start: number; end: number }): Location | undefined {
  const lines = record?.analysed?.basis.lines ?? record?.parsed?.lines;
  if (!record || !lines) return undefined;
  return { uri: record.uri, range: { start: lines.positionAt(span.start), end: lines.positionAt(span.end) } };
}

/** The claim at `offset` and every sentence that bears on it (the claim itself too when asked). */
export function claimReferences(view: ServerView, record: AnalysedRecord, offset: number, includeDeclaration: boolean): Location[] | null {
  const claim = claimAt(record, offset);
  if (!claim) return null;
  const evidence = claim.evidence.flatMap((e) => locationIn(analysedArticle(view, e.docId) ?? view.store.article(e.docId), e) ?? []);
  const self = includeDeclaration ? [locationIn(record, claim)!] : [];
  return [...self, ...evidence];
}

/** A claim's name in an outline: its first words. */
function shortName(claim: Claim): string {
  const text = claim.text.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const sourcesText = (claim: Claim) => `${claim.sources} independent source${claim.sources === 1 ? '' : 's'}`;

/** The document's claims with their status, in reading order. */
export function claimSymbols(record: AnalysedRecord): DocumentSymbol[] {
  return record.analysed.analysis.claims.map((claim) => {
    const range = locationIn(record, claim)!.range;
    return { name: shortName(claim), detail: `${STATUS_LABEL[claim.status]} · ${sourcesText(claim)}`, kind: SymbolKind.String, range, selectionRange: range };
  });
}

/** Claims of every article whose text holds every word of `query` (all claims for an empty query, up to a limit). */
export function searchClaims(view: ServerView, query: string): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const record of view.store.analysed()) {
    for (const claim of record.analysed.analysis.claims) {
      const text = claim.text.toLowerCase();
      if (!words.every((w) => text.includes(w))) continue;
      out.push({ name: `${STATUS_LABEL[claim.status]}: ${shortName(claim)}`, kind: SymbolKind.String, location: locationIn(record, claim)!, containerName: record.label });
      if (out.length >= MAX_SYMBOLS) return out;
    }
  }
  return out;
}

/** "2 independent sources" above each claim (a lens with no action: it only reads). */
export function claimLenses(record: AnalysedRecord): CodeLens[] {
  return record.analysed.analysis.claims.map((claim) => ({
    range: locationIn(record, claim)!.range,
    command: { title: `${STATUS_LABEL[claim.status]} · ${sourcesText(claim)}`, command: '' },
  }));
}
