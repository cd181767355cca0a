/**
 * Hover cards for a client that runs commands from Markdown and draws codicons (the VS Code
 * extension asks for them with `initializationOptions.client.commandLinks`): the same facts as
 * ./cards, with links that open a source at its sentence and apply a fix in place.
 */
import { STATUS } from '../core/status-look';
import type { Claim, Evidence, Finding } from '../core/types';
import { emphasise, escapeMarkdown, findingWhy, independent, messageExplains, reasonsText, relationText } from '../core/wording';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type FindingTarget } from './protocol';

/** Sources listed on a card; the rest are counted. */
const MAX_LISTED = 6;

/** A `command:` link (the client lists the command as enabled on its Markdown). */
function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** The last path segment of a document id (a URI). */
function documentName(docId: string): string {
  const last = docId.split(/[/?#]/).filter(Boolean).pop() ?? docId;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function evidenceLines(claim: Claim, evidence: Evidence): string {
  const open = commandLink('open', CLIENT_COMMANDS.openLocation, [evidence.docId, evidence.start, evidence.end]);
  // A copy shares every word; emphasis and match reasons would say nothing.
  const copy = evidence.relation === 'copy';
  const why = !copy && evidence.reasons.length ? ` · ${escapeMarkdown(reasonsText(evidence.reasons))}` : '';
  const story = evidence.sameStory ? '' : ' · from another story';
  const sentence = copy ? escapeMarkdown(evidence.text) : emphasise(evidence.text, evidence.reasons);
  const lines = [`- **${escapeMarkdown(documentName(evidence.docId))}** · ${escapeMarkdown(relationText(evidence))} · score ${evidence.score.toFixed(2)}${story}${why} · ${open}`];
  if (!copy) {
    const whole = evidence.claimStart <= claim.start && evidence.claimEnd >= claim.end;
    lines.push(`  ${evidence.relation === 'conflicts' ? 'contradicts' : 'backs'}: ${whole ? 'the whole claim' : emphasisedPart(claim, evidence.claimStart, evidence.claimEnd)}`);
  }
  lines.push(`  > ${sentence}`);
  return lines.join('\n\n');
}

/** The claim with one part in bold: what a source states of it. */
function emphasisedPart(claim: Claim, start: number, end: number): string {
  const t = claim.text;
  const a = start - claim.start;
  const b = end - claim.start;
  return `${escapeMarkdown(t.slice(0, a))}**${escapeMarkdown(t.slice(a, b))}**${escapeMarkdown(t.slice(b))}`;
}

/** Markdown of a claim's card. */
export function linkedClaimCard(claim: Claim): string {
  const sources = independent(claim.evidence);
  const copies = claim.evidence.filter((e) => e.relation === 'copy');
  const count = claim.sources;
  const head = `$(${STATUS[claim.status].icon}) **${STATUS[claim.status].label}** claim · ${count} independent source${count === 1 ? '' : 's'}${claim.attribution ? ` · attributed to ${escapeMarkdown(claim.attribution)}` : ''}`;
  const parts = [head];
  if (claim.facts && sources.length) {
    const facts = claim.facts.map((f) => `- ${f.sources ? `$(pass) ${f.sources} source${f.sources === 1 ? '' : 's'}` : '$(circle-large-outline) no source'}: “${escapeMarkdown(claim.text.slice(f.start - claim.start, f.end - claim.start))}”`);
    parts.push(`**Facts in this claim**\n\n${facts.join('\n')}`);
  }
  if (sources.length) {
    const more = sources.length > MAX_LISTED ? `\n\n… and ${sources.length - MAX_LISTED} more (Go to References lists them all)` : '';
    parts.push(`**Sources**\n\n${sources.slice(0, MAX_LISTED).map((e) => evidenceLines(claim, e)).join('\n\n')}${more}`);
  } else parts.push(nearMissLines(claim));
  if (copies.length) parts.push(`**Copies** (the same text, not independent)\n\n${copies.slice(0, MAX_LISTED).map((e) => evidenceLines(claim, e)).join('\n\n')}`);
  return parts.join('\n\n---\n\n');
}

/** A claim in one line, under a spelling card: its status and counts, and where its card is. */
export function linkedClaimLine(claim: Claim): string {
  const count = claim.sources;
  const copies = new Set(claim.evidence.filter((e) => e.relation === 'copy').map((e) => e.docId)).size;
  const copied = copies ? ` · ${copies} cop${copies === 1 ? 'y' : 'ies'}` : '';
  return `$(${STATUS[claim.status].icon}) In a **${STATUS[claim.status].label}** claim · ${count} independent source${count === 1 ? '' : 's'}${copied} · hover the sentence outside the flagged word for its sources`;
}

/** What the folder has nearest to a claim without a source, and why it fell short. */
function nearMissLines(claim: Claim): string {
  const closest = claim.closest ?? [];
  if (closest.length === 0) return 'No sentence of another document shares enough with this claim to compare.';
  const lines = closest.map((n) => {
    const open = commandLink('open', CLIENT_COMMANDS.openLocation, [n.docId, n.start, n.end]);
    return `- **${escapeMarkdown(documentName(n.docId))}** · ${n.score.toFixed(2)}, below ${n.bar.toFixed(2)} · ${escapeMarkdown(n.why)} · ${open}\n\n  > ${escapeMarkdown(n.text)}`;
  });
  return `**Closest in the folder** (not a source)\n\n${lines.join('\n\n')}`;
}

/**
 * Markdown of a suspect spelling's card, with its fixes as links. The finding's message is
 * left out: VS Code puts the diagnostic's own text in the same hover, just above.
 */
export function linkedFindingCard(uri: string, finding: Finding): string {
  const target: FindingTarget = { uri, finding };
  const fixes = finding.suggestions.map((s, i) => commandLink(i === 0 ? `Change to “${s}”` : `“${s}”`, CLIENT_COMMANDS.applySuggestion, [target, s]));
  const lines = [`$(warning) **Suspect spelling** “${escapeMarkdown(finding.text)}” · \`${finding.rule}\``];
  if (!messageExplains(finding)) lines.push(`Why: ${escapeMarkdown(findingWhy(finding))}.`);
  if (fixes.length) lines.push(`Fix: ${fixes.join(' · ')}`);
  lines.push(`${commandLink('Add to word list', SERVER_COMMANDS.addToWordList, [target])} · ${commandLink('Ignore here', SERVER_COMMANDS.ignoreFinding, [target])}`);
  return lines.join('\n\n');
}
