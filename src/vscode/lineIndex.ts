/** Converts engine offsets (UTF-16 units) to editor positions for a text that is not open in an editor. */
import * as vscode from 'vscode';
import type { Span } from '../core/types';

/** Line starts of one text, for offset → position without a TextDocument. */
export interface LineIndex {
  positionAt(offset: number): vscode.Position;
  rangeOf(span: Span): vscode.Range;
}

/** Indexes `text`'s lines the way VS Code splits them (\n, \r\n and a lone \r). */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  const positionAt = (offset: number) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, clamped - starts[lo]);
  };
  return { positionAt, rangeOf: (span) => new vscode.Range(positionAt(span.start), positionAt(span.end)) };
}
