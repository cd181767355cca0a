/** How engine data reads in the editor: words, icons and colours for statuses, relations and reasons. */
import * as vscode from 'vscode';
import type { ClaimStatus } from '../core/types';

export { emphasise, escapeMarkdown, findingWhy, independent, messageExplains, reasonsText, relationText } from '../core/wording';

/** Display record of a claim status. */
export interface StatusLook {
  label: string;
  icon: string;
  color: string;
  /** Order when sorting by status: the ones that need attention first. */
  rank: number;
}

/** Status → label, codicon and theme colour. */
export const STATUS: Record<ClaimStatus, StatusLook> = {
  conflicting: { label: 'Conflicting', icon: 'diff', color: 'charts.red', rank: 0 },
  'single-source': { label: 'Single source', icon: 'circle-large-outline', color: 'charts.yellow', rank: 1 },
  'copy-only': { label: 'Copies only', icon: 'files', color: 'charts.blue', rank: 2 },
  corroborated: { label: 'Corroborated', icon: 'pass', color: 'charts.green', rank: 3 },
};

/** Status → a themed icon for trees. */
export const statusIcon = (status: ClaimStatus) => new vscode.ThemeIcon(STATUS[status].icon, new vscode.ThemeColor(STATUS[status].color));

/** The last path segment of a document id (a URI string). */
export function documentName(docId: string): string {
  try {
    return decodeURIComponent(vscode.Uri.parse(docId).path.split('/').pop() ?? docId);
  } catch {
    return docId;
  }
}

/** A `command:` link for a MarkdownString (the command must be listed as enabled on the string). */
export function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}
