/** Which findings people see: hints are kept for tools but left out of counts and the Problems panel. */
import type { Finding } from './types';

/** True for a warning or information, false for a hint. */
export function isShown(finding: Finding): boolean {
  return finding.severity !== 'hint';
}

/** How many of `findings` are shown. */
export function shownCount(findings: readonly Finding[]): number {
  return findings.filter(isShown).length;
}
