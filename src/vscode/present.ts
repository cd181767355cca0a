/** How engine data reads in the editor: words, icons and colours for statuses, relations and reasons. */
import * as vscode from 'vscode';
import type { ClaimStatus } from '../core/types';

import { STATUS } from '../core/status-look';

export { emphasise, escapeMarkdown, findingWhy, independent, messageExplains, reasonsText, relationText } from '../core/wording';
export { STATUS, type StatusLook } from '../core/status-look';

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
