/**
 * `.second-source/ignored.json`: findings dismissed in place, `{ "ignored": [ … ] }`. Entries
 * and keys this version does not understand are kept as they are when one is added.
 */
import type { Finding } from '../../core/types';
import { conflictProblem, type Parsed } from './text';

/** A finding the user dismissed "here": the file, the rule, the text and a little text around it. */
export interface IgnoredFinding {
  file: string;
  rule: string;
  text: string;
  context: string;
}

/** A readable dismissal list: its entries, and the file text with more entries added. */
export interface IgnoredList {
  entries: IgnoredFinding[];
  withAdded(entries: ReadonlyArray<IgnoredFinding>): string;
}

const CONTEXT = 24;

/** The text around a finding that pins "here" down without depending on exact offsets. */
export function findingContext(text: string, finding: Pick<Finding, 'start' | 'end'>): string {
  return text.slice(Math.max(0, finding.start - CONTEXT), finding.end + CONTEXT);
}

/** True when two dismissals name the same finding. */
export function sameIgnored(a: IgnoredFinding, b: IgnoredFinding): boolean {
  return a.file === b.file && a.rule === b.rule && a.text === b.text && a.context === b.context;
}

const isEntry = (e: unknown): e is IgnoredFinding =>
  typeof e === 'object' && e !== null && ['file', 'rule', 'text', 'context'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string');

/** Reads a dismissal list's text (already decoded); anything but `{ "ignored": [ … ] }` is a problem. */
export function parseIgnoredList(text: string): Parsed<IgnoredList> {
  const conflict = conflictProblem(text);
  if (conflict) return { ok: false, problem: conflict };
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  let root: unknown = {};
  if (body.trim() !== '') {
    try {
      root = JSON.parse(body);
    } catch (error) {
      // V8 quotes the whole file after the token; the token is what the user needs.
      const reason = (error as Error).message.replace(/,\s*(?:\.\.\.)?".*$/s, '').replace(/ is not valid JSON$/, '');
      return { ok: false, problem: `is not valid JSON (${reason})` };
    }
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return { ok: false, problem: 'is not a JSON object with an "ignored" list' };
  const object = root as Record<string, unknown>;
  const list = object.ignored ?? [];
  if (!Array.isArray(list)) return { ok: false, problem: 'has an "ignored" key that is not a list' };
  const withAdded = (added: ReadonlyArray<IgnoredFinding>) =>
    added.length === 0 ? text : bom + JSON.stringify({ ...object, ignored: [...list, ...added] }, null, 2) + '\n';
  return { ok: true, value: { entries: list.filter(isEntry), withAdded } };
}
