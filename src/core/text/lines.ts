/** Converts UTF-16 offsets to 1-based line and column numbers (columns in UTF-16 units, as SARIF's default). */

/** A position for people: both 1-based. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Builds a converter for one text; `\r\n`, `\n` and `\r` all end a line. */
export function createLineIndex(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
