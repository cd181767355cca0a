/**
 * How engine data reads in words, for every face: relations, match reasons and why a
 * spelling was flagged, as plain text or Markdown with no editor-specific syntax.
 */
import type { Evidence, Finding, MatchReason, Relation } from './types';

const RELATION: Record<Relation, string> = { corroborates: 'corroborates', copy: 'copy of the same text', conflicts: 'conflicts' };

/** "corroborates", "copy of the same text", or "conflicts: 9 ≠ 10". */
export function relationText(evidence: Evidence): string {
  if (evidence.relation === 'conflicts' && evidence.conflict) return `conflicts: here “${evidence.conflict.claim}”, there “${evidence.conflict.source}”`;
  return RELATION[evidence.relation];
}

/** Evidence that counts as an independent source (copies never do). */
export const independent = (evidence: Evidence[]) => evidence.filter((e) => e.relation !== 'copy');

/** Escapes text for a MarkdownString. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** Markdown of a source sentence with the words it shares with the claim in bold (from `Evidence.reasons`). */
export function emphasise(sentence: string, reasons: MatchReason[]): string {
  const forms = [...new Set(reasons.filter((r) => r.kind !== 'copy').map((r) => r.source).filter((s) => s && s.length > 1 && sentence.includes(s)))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return escapeMarkdown(sentence);
  const pattern = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let out = '';
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    out += escapeMarkdown(sentence.slice(last, match.index)) + `**${escapeMarkdown(match[0])}**`;
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escapeMarkdown(sentence.slice(last));
}

/** "shared names: Xiaomi; synonym: refused ~ declined". */
export function reasonsText(reasons: MatchReason[], maxPerKind = 6): string {
  const groups = new Map<string, string[]>();
  // A copy's own reason names the two documents, which the card already shows.
  for (const r of reasons.filter((x) => x.kind !== 'copy')) {
    const item = r.claim.toLowerCase() === r.source.toLowerCase() ? r.source : `${r.claim} ~ ${r.source}`;
    groups.set(r.kind, [...(groups.get(r.kind) ?? []), item]);
  }
  return [...groups]
    .map(([kind, items]) => {
      const unique = [...new Set(items)];
      const more = unique.length > maxPerKind ? ` and ${unique.length - maxPerKind} more` : '';
      return `${kind}: ${unique.slice(0, maxPerKind).join(', ')}${more}`;
    })
    .join('; ');
}

/** Why a finding was raised, in one line ("one confusion (m→rn) away from 'China Unicom', a telecom operator …"). */
export function findingWhy(finding: Finding): string {
  const r = finding.reason;
  switch (r?.kind) {
    case 'confusion':
      return `one confusion (${r.to}→${r.from}) away from '${r.known}', ${r.attestedBy}`;
    case 'compound':
      return `“${r.joined}” is one word`;
    case 'split':
      return `“${finding.text}” is ${r.parts.length} words: ${r.parts.join(' ')}`;
    case 'dictionary':
      return `not in the ${r.dialect} dictionary${r.editDistance ? ` (${r.editDistance} edit${r.editDistance > 1 ? 's' : ''} from the suggestion)` : ''}`;
    case 'plugin':
      return `reported by ${r.source}`;
    default:
      return finding.message;
  }
}

/** True when the engine's message already says what `findingWhy` would (then a card shows it once). */
export function messageExplains(finding: Finding): boolean {
  const r = finding.reason;
  if (!r) return true;
  if (r.kind === 'confusion') return finding.message.includes(r.known);
  if (r.kind === 'compound') return finding.message.includes(r.joined);
  if (r.kind === 'split') return r.parts.every((p) => finding.message.includes(p));
  return false;
}
