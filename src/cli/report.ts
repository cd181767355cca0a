/** The CLI's report model: the engine's analysis keyed by path, as the JSON format prints it. */
import type { ClaimStatus, CorpusAnalysis, DocumentAnalysis, Finding, MatchReason, Relation, Span } from '../core/types';
import type { SkippedFile } from '../node/files';
import { formatOfPath, plainText } from '../core/text/format';

/** A piece of evidence as reported: the source's path instead of an engine id. */
export interface ReportEvidence {
  path: string;
  start: number;
  end: number;
  /** The source sentence as plain prose (Markdown markup left out; `start`/`end` are file offsets). */
  text: string;
  relation: Relation;
  score: number;
  reasons: MatchReason[];
  conflict?: { claim: string; source: string };
  /** The part of the claim this source states (offsets into the claim's file) and its plain prose. */
  claimStart: number;
  claimEnd: number;
  claimText: string;
  /** False when the source is in another story than the claim. */
  sameStory: boolean;
}

/** A sentence that came closest to backing a claim without a source, and why it did not. */
export interface ReportNearMiss extends Span {
  path: string;
  text: string;
  score: number;
  bar: number;
  why: string;
}

/** A claim as reported. */
export interface ReportClaim {
  start: number;
  end: number;
  /** The claim as plain prose: in Markdown, without markup (so not always the file's `[start, end)`). */
  text: string;
  status: ClaimStatus;
  attribution?: string;
  /** Independent sources (a copy group counts once). */
  sources: number;
  evidence: ReportEvidence[];
  /** For a claim that packs several facts: each fact and its sources. */
  facts?: Array<Span & { sources: number; text: string }>;
  closest?: ReportNearMiss[];
}

/** One analysed document as reported. */
export interface ReportDocument {
  path: string;
  dialect: string;
  notes: string[];
  claims: ReportClaim[];
  findings: Finding[];
}

/** The whole report (the `--format json` output). */
export interface Report {
  documents: ReportDocument[];
  copies: string[][];
  /** Groups of paths that report one story. */
  stories: string[][];
  skipped: SkippedFile[];
}

/**
 * Text for people: a Markdown document's prose has its markup blanked to spaces (so it lines up
 * with the file's offsets); the report gives it with those runs closed. Plain text stays as it is.
 */
function shown(path: string, text: string): string {
  return formatOfPath(path) === 'markdown' ? plainText(text) : text;
}

/** Builds the report; document ids are the paths already. */
export function createReport(analysis: CorpusAnalysis, skipped: SkippedFile[]): Report {
  return {
    documents: analysis.documents.map(reportDocument),
    copies: analysis.copies,
    stories: analysis.stories,
    skipped,
  };
}

/** One document of the report. */
export function reportDocument(d: DocumentAnalysis): ReportDocument {
  return {
    path: d.docId,
    dialect: d.dialect,
    notes: d.notes,
    claims: d.claims.map((c) => ({
      start: c.start,
      end: c.end,
      text: shown(d.docId, c.text),
      status: c.status,
      ...(c.attribution ? { attribution: c.attribution } : {}),
      sources: c.sources,
      evidence: c.evidence.map((e) => ({
        path: e.docId,
        start: e.start,
        end: e.end,
        text: shown(e.docId, e.text),
        relation: e.relation,
        score: round(e.score),
        reasons: e.reasons,
        ...(e.conflict ? { conflict: e.conflict } : {}),
        claimStart: e.claimStart,
        claimEnd: e.claimEnd,
        // Sliced from the claim's prose, which lines up with its offsets; never from the file's markup.
        claimText: plainText(c.text.slice(e.claimStart - c.start, e.claimEnd - c.start)),
        sameStory: e.sameStory,
      })),
      ...(c.facts ? { facts: c.facts.map((f) => ({ ...f, text: plainText(c.text.slice(f.start - c.start, f.end - c.start)) })) } : {}),
      ...(c.closest ? { closest: c.closest.map(({ docId, ...n }) => ({ path: docId, ...n, text: shown(docId, n.text), score: round(n.score), bar: round(n.bar) })) } : {}),
    })),
    findings: d.findings.map((f) => ({ ...f, confidence: round(f.confidence) })),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
