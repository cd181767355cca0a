/** Where a finding stands in the text as it is now: offsets are the analysed text's, and later edits may have moved it a little. */
import type { Span } from '../core/types';

const SLACK = 200;

/** The span of `target.text` nearest its analysed place, or undefined when the text is gone (a fix must then not apply). */
export function locateSpan(current: string, target: Span & { text: string }): Span | undefined {
  if (current.slice(target.start, target.end) === target.text) return { start: target.start, end: target.end };
  const from = Math.max(0, target.start - SLACK);
  const window = current.slice(from, target.end + SLACK);
  let best = -1;
  for (let i = window.indexOf(target.text); i >= 0; i = window.indexOf(target.text, i + 1)) {
    if (best < 0 || Math.abs(from + i - target.start) < Math.abs(from + best - target.start)) best = i;
  }
  return best < 0 ? undefined : { start: from + best, end: from + best + target.text.length };
}
