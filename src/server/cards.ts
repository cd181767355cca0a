/**
 * Hover cards in Markdown that also reads as plain text in a terminal client: no icon
 * syntax, no command links, and only the escapes that stop accidental formatting.
 */
import type { Claim, ClaimStatus, Evidence, Finding } from '../core/types';
import { findingWhy, independent, messageExplains, reasonsText, relationText } from '../core/wording';

/** Sources listed on a card; the rest are counted (references list them all). */
const MAX_LISTED = 6;

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  corroborated: 'Corroborated',
  'single-source': 'Single source',
  'copy-only': 'Copies only',
  conflicting: 'Conflicting',
};

/** What a card needs to name other documents: a label and a link at a line. */
export interface DocumentNamer {
  label(docId: string): string;
  /** A `file:` link with the line (`#L12`), or undefined when the document is not held. */
  link(docId: string, offset: number): { href: string; line: number } | undefined;
}

/** Escapes the few characters that would turn prose into formatting. */
export function escapeLight(text: string): string {
  return text.replace(/[\\`*_[\]<]/g, '\\$&');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function sourceLines(claim: Claim, e: Evidence, names: DocumentNamer): string {
  const where = names.link(e.docId, e.start);
  const name = `**${escapeLight(names.label(e.docId))}**${where ? ` [line ${where.line}](${where.href})` : ''}`;
  const copy = e.relation === 'copy';
  const why = !copy && e.reasons.length ? ` · ${escapeLight(reasonsText(e.reasons))}` : '';
  const story = e.sameStory ? '' : ' · from another story';
  const lines = [`- ${name} · ${escapeLight(relationText(e))} · score ${e.score.toFixed(2)}${story}${why}`];
  if (!copy && !(e.claimStart <= claim.start && e.claimEnd >= claim.end)) {
    lines.push(`  ${e.relation === 'conflicts' ? 'contradicts' : 'backs'}: “${escapeLight(claim.text.slice(e.claimStart - claim.start, e.claimEnd - claim.start))}”`);
  }
  lines.push(`  > ${escapeLight(e.text)}`);
  return lines.join('\n');
}

/** The claim card: status, count, attribution, each source with its sentence, or what came closest. */
export function claimCard(claim: Claim, names: DocumentNamer): string {
  const sources = independent(claim.evidence);
  const copies = claim.evidence.filter((e) => e.relation === 'copy');
  const head = `**${STATUS_LABEL[claim.status]}** claim · ${plural(claim.sources, 'independent source')}${claim.attribution ? ` · attributed to ${escapeLight(claim.attribution)}` : ''}`;
  const parts = [head];
  if (claim.facts && sources.length) {
    const facts = claim.facts.map((f) => `- ${f.sources ? plural(f.sources, 'source') : 'no source'}: “${escapeLight(claim.text.slice(f.start - claim.start, f.end - claim.start))}”`);
    parts.push(`Facts in this claim:\n\n${facts.join('\n')}`);
  }
  if (sources.length) {
    const more = sources.length > MAX_LISTED ? `\n\n… and ${sources.length - MAX_LISTED} more (references list them all)` : '';
    parts.push(`Sources:\n\n${sources.slice(0, MAX_LISTED).map((e) => sourceLines(claim, e, names)).join('\n\n')}${more}`);
  } else {
    const closest = claim.closest ?? [];
    parts.push(
      closest.length
        ? `Closest in the folder (not a source):\n\n${closest
            .map((n) => `- **${escapeLight(names.label(n.docId))}** · score ${n.score.toFixed(2)} of ${n.bar.toFixed(2)} needed · ${escapeLight(n.why)}\n  > ${escapeLight(n.text)}`)
            .join('\n\n')}`
        : 'No sentence of another document shares enough with this claim to compare.',
    );
  }
  if (copies.length) parts.push(`Copies (the same text, not independent):\n\n${copies.slice(0, MAX_LISTED).map((e) => sourceLines(claim, e, names)).join('\n\n')}`);
  return parts.join('\n\n---\n\n');
}

/** The spelling card: what, why, and the fixes (applied through code actions). */
export function findingCard(finding: Finding): string {
  const lines = [`**Suspect spelling** “${escapeLight(finding.text)}” · \`${finding.rule}\``, escapeLight(finding.message)];
  if (!messageExplains(finding)) lines.push(`Why: ${escapeLight(findingWhy(finding))}.`);
  if (finding.suggestions.length) lines.push(`Fix: ${finding.suggestions.map((s) => `“${escapeLight(s)}”`).join(' · ')} (code actions)`);
  return lines.join('\n\n');
}
