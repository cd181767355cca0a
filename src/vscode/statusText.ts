/**
 * What the status bar item says for one document: codicons that are the Claims tree's own
 * (so a count reads as the tree's icon beside it) and none of VS Code's problem icons, and a
 * tooltip in sentences. No `vscode` import: the wording is checked without an editor.
 */
import { STATUS } from '../core/status-look';
import type { ClaimStatus } from '../core/types';

/** The codicon beside the suspect-spelling count: a word, not VS Code's ⚠ of its Problems count. */
export const SPELLING_ICON = 'whole-word';

export interface StatusCounts {
  document: string;
  claims: Record<ClaimStatus, number>;
  spellings: number;
}

const plural = (n: number, one: string, many: string) => `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;
const ORDER: ClaimStatus[] = ['corroborated', 'single-source', 'copy-only', 'conflicting'];

/** `$(pass) 12 $(circle-large-outline) 2 $(files) 24 $(arrow-swap) 0 $(whole-word) 1` */
export function statusBarText(counts: StatusCounts): string {
  return [...ORDER.map((s) => `$(${STATUS[s].icon}) ${counts.claims[s]}`), `$(${SPELLING_ICON}) ${counts.spellings}`].join(' ');
}

/** The tooltip: one sentence for the claims, one for the spellings, with each number's own noun. */
export function statusBarTooltip(counts: StatusCounts): string {
  const c = counts.claims;
  const total = ORDER.reduce((n, s) => n + c[s], 0);
  const parts = [
    `${c.corroborated} corroborated by another document`,
    `${c['single-source']} on a single source`,
    `${c['copy-only']} only copied from another document`,
    `${c.conflicting} contradicted by another document`,
  ];
  return [
    `Second Source, ${counts.document}:`,
    `${plural(total, 'claim', 'claims')}${total ? ` (${parts.join(', ')})` : ''}.`,
    `${capital(plural(counts.spellings, 'suspect spelling', 'suspect spellings'))}.`,
    'Click to open the Claims and Suspect spellings views.',
  ].join('\n');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
