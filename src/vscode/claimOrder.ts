/**
 * Where "Next/Previous claim" goes: the claims of every article in the Claims tree's document
 * order, read as one list, so that the last claim of one article leads to the first of the
 * next (a reviewer works through the folder, not one file round and round). No `vscode`
 * import: the order is plain data.
 */
import type { Claim } from '../core/types';

/** An article as navigation needs it: its key and claims. */
export interface OrderedArticle {
  key: string;
  claims: readonly Claim[];
}

/** A claim and the article it is in. */
export interface ClaimStop {
  key: string;
  claim: Claim;
}

/**
 * The claim after (`direction` 1) or before (-1) the cursor at `offset` in article `key`,
 * among those `keep` accepts, moving on to the next article (and round from the last to the
 * first) when this one has none left. An article not in the list starts from the first.
 */
export function claimAcross(articles: readonly OrderedArticle[], key: string, offset: number, direction: 1 | -1, keep: (c: Claim) => boolean = () => true): ClaimStop | undefined {
  const stops: ClaimStop[] = articles.flatMap((a) => [...a.claims].filter(keep).sort((x, y) => x.start - y.start).map((claim) => ({ key: a.key, claim })));
  if (stops.length === 0) return undefined;
  const here = articles.findIndex((a) => a.key === key);
  if (here < 0) return direction === 1 ? stops[0] : stops[stops.length - 1];
  const rank = (s: ClaimStop) => articles.findIndex((a) => a.key === s.key);
  // Before or after the cursor: an earlier article, or this one before the offset.
  const after = (s: ClaimStop) => rank(s) > here || (rank(s) === here && s.claim.start > offset);
  const before = (s: ClaimStop) => rank(s) < here || (rank(s) === here && s.claim.end < offset);
  if (direction === 1) return stops.find(after) ?? stops[0];
  return [...stops].reverse().find(before) ?? stops[stops.length - 1];
}
