/** Hover cards: on a claim, its status and each source; on a suspect spelling, why and the fix. */
import * as vscode from 'vscode';
import type { Claim, Evidence, Finding } from '../core/types';
import type { AnalysisStore, Article } from './analysisStore';
import { COMMANDS } from './contributes';
import { commandLink, documentName, emphasise, escapeMarkdown, findingWhy, independent, messageExplains, reasonsText, relationText, sourceCount, STATUS } from './present';
import { locateFinding } from './fixes';

function evidenceLines(evidence: Evidence): string {
  const open = commandLink('open', COMMANDS.openLocation.id, [evidence.docId, evidence.start, evidence.end]);
  // A copy shares every word; emphasis and match reasons would say nothing.
  const copy = evidence.relation === 'copy';
  const why = !copy && evidence.reasons.length ? ` · ${escapeMarkdown(reasonsText(evidence.reasons))}` : '';
  const sentence = copy ? escapeMarkdown(evidence.text) : emphasise(evidence.text, evidence.reasons);
  return `- **${escapeMarkdown(documentName(evidence.docId))}** · ${escapeMarkdown(relationText(evidence))} · score ${evidence.score.toFixed(2)}${why} · ${open}\n\n  > ${sentence}`;
}

/** Markdown of a claim's card. */
export function claimCard(claim: Claim): string {
  const sources = independent(claim.evidence);
  const copies = claim.evidence.filter((e) => e.relation === 'copy');
  const count = sourceCount(claim.evidence);
  const head = `$(${STATUS[claim.status].icon}) **${STATUS[claim.status].label}** claim · ${count} independent source${count === 1 ? '' : 's'}${claim.attribution ? ` · attributed to ${escapeMarkdown(claim.attribution)}` : ''}`;
  const parts = [head];
  if (sources.length) parts.push(`**Sources**\n\n${sources.map(evidenceLines).join('\n\n')}`);
  else parts.push('No other document in the workspace supports this sentence.');
  if (copies.length) parts.push(`**Copies** (the same text, not independent)\n\n${copies.map(evidenceLines).join('\n\n')}`);
  return parts.join('\n\n---\n\n');
}

/** Markdown of a suspect spelling's card. */
function findingCard(article: Article, finding: Finding): string {
  const target = { uri: article.key, finding };
  const fixes = finding.suggestions.map((s, i) => commandLink(i === 0 ? `Change to “${s}”` : `“${s}”`, COMMANDS.applySuggestion.id, [target, s]));
  const lines = [
    `$(warning) **Suspect spelling** “${escapeMarkdown(finding.text)}” · \`${finding.rule}\``,
    escapeMarkdown(finding.message),
  ];
  if (!messageExplains(finding)) lines.push(`Why: ${escapeMarkdown(findingWhy(finding))}.`);
  if (fixes.length) lines.push(`Fix: ${fixes.join(' · ')}`);
  lines.push(`${commandLink('Add to word list', COMMANDS.addToWordList.id, [target])} · ${commandLink('Ignore here', COMMANDS.ignoreFinding.id, [target])}`);
  return lines.join('\n\n');
}

/** Registers the hover provider for the article globs. */
export function registerHover(store: AnalysisStore, selector: vscode.DocumentSelector): vscode.Disposable {
  const enabledCommands = [COMMANDS.openLocation.id, COMMANDS.applySuggestion.id, COMMANDS.addToWordList.id, COMMANDS.ignoreFinding.id];
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      const article = store.article(document.uri);
      if (!article) return undefined;
      const offset = document.offsetAt(position);
      const parts: vscode.MarkdownString[] = [];
      let range: vscode.Range | undefined;
      for (const finding of article.analysis.findings) {
        const where = locateFinding(document, finding);
        if (!where?.contains(position)) continue;
        parts.push(markdown(findingCard(article, finding), enabledCommands));
        range = where;
      }
      const claim = store.claimAt(document.uri, offset);
      if (claim) {
        parts.push(markdown(claimCard(claim), enabledCommands));
        range ??= article.lines.rangeOf(claim);
      }
      return parts.length ? new vscode.Hover(parts, range) : undefined;
    },
  });
}

function markdown(value: string, enabledCommands: string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, true);
  md.isTrusted = { enabledCommands };
  return md;
}
