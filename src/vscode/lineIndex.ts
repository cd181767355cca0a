/** Converts engine offsets (UTF-16 units) to editor positions for a text that is not open in an editor. */
import * as vscode from 'vscode';
import { createLineIndex as createLineColumnIndex } from '../core/text/lines';
import type { Span } from '../core/types';

/** Line starts of one text, for offset → position without a TextDocument. */
export interface LineIndex {
  positionAt(offset: number): vscode.Position;
  rangeOf(span: Span): vscode.Range;
}

/** Indexes `text`'s lines the way VS Code splits them (\n, \r\n and a lone \r). */
export function createLineIndex(text: string): LineIndex {
  const lineColumn = createLineColumnIndex(text);
  const positionAt = (offset: number) => {
    const { line, column } = lineColumn(Math.max(0, Math.min(offset, text.length)));
    return new vscode.Position(line - 1, column - 1);
  };
  return { positionAt, rangeOf: (span) => new vscode.Range(positionAt(span.start), positionAt(span.end)) };
}
