/** How a claim status looks in an editor that has codicons and theme colours (VS Code's trees, gutters and hover cards). */
import type { ClaimStatus } from './types';

/** Display record of a claim status. */
export interface StatusLook {
  label: string;
  /** A codicon name. */
  icon: string;
  /** A theme colour id. */
  color: string;
  /** Order when sorting by status: the ones that need attention first. */
  rank: number;
}

/** Status → label, codicon and theme colour. */
export const STATUS: Record<ClaimStatus, StatusLook> = {
  conflicting: { label: 'Conflicting', icon: 'arrow-swap', color: 'charts.red', rank: 0 },
  'single-source': { label: 'Single source', icon: 'circle-large-outline', color: 'charts.yellow', rank: 1 },
  'copy-only': { label: 'Copies only', icon: 'files', color: 'charts.blue', rank: 2 },
  corroborated: { label: 'Corroborated', icon: 'pass', color: 'charts.green', rank: 3 },
};
