/**
 * Average-linkage clustering of items joined by similarities: the two clusters whose average
 * similarity (summed over their cross pairs, pairs not given counting 0) is highest join first,
 * ties to the lowest cluster numbers, until no pair reaches the bar. A cluster keeps the number
 * of its lowest item, so the outcome does not depend on the order the similarities come in.
 */

/** Summed similarities between live clusters, by cluster number; kept symmetric. */
interface LinkTable {
  /** The summed similarity of two clusters, 0 when none of their pairs was given. */
  get(a: number, c: number): number;
  set(a: number, c: number, sum: number): void;
  /** Forgets every link of a cluster merged away. */
  drop(b: number): void;
  /** Each live cluster linked to `a` (any order: each is looked at on its own). */
  forEach(a: number, visit: (c: number, sum: number) => void): void;
}

/**
 * Up to this many items the sums live in one n-by-n table: a merge then reads two rows instead
 * of updating a map per neighbour (an edit re-clusters a part of a few hundred reports; the
 * maps made that about ten times slower). Larger inputs (a whole folder) keep maps, whose
 * memory grows with the links, not with the square of the items.
 */
const DENSE_LIMIT = 1024;

class DenseLinks implements LinkTable {
  private readonly sums: Float64Array;

  constructor(
    private readonly n: number,
    private readonly alive: Uint8Array,
  ) {
    this.sums = new Float64Array(n * n);
  }

  get(a: number, c: number): number {
    return this.sums[a * this.n + c];
  }

  set(a: number, c: number, sum: number): void {
    this.sums[a * this.n + c] = sum;
    this.sums[c * this.n + a] = sum;
  }

  // A dead cluster's row and column are never read again (`forEach` skips the dead).
  drop(): void {}

  forEach(a: number, visit: (c: number, sum: number) => void): void {
    const row = a * this.n;
    // Every similarity given is above 0, so a sum of 0 is no link.
    for (let c = 0; c < this.n; c++) if (c !== a && this.alive[c] === 1 && this.sums[row + c] > 0) visit(c, this.sums[row + c]);
  }
}

class SparseLinks implements LinkTable {
  private readonly links: Map<number, number>[];

  constructor(n: number) {
    this.links = Array.from({ length: n }, () => new Map<number, number>());
  }

  get(a: number, c: number): number {
    return this.links[a].get(c) ?? 0;
  }

  set(a: number, c: number, sum: number): void {
    this.links[a].set(c, sum);
    this.links[c].set(a, sum);
  }

  drop(b: number): void {
    for (const c of this.links[b].keys()) this.links[c].delete(b);
    this.links[b].clear();
  }

  forEach(a: number, visit: (c: number, sum: number) => void): void {
    this.links[a].forEach((sum, c) => visit(c, sum));
  }
}

/**
 * Clusters `n` items. `similarities(visit)` hands each pair's similarity (above 0) once or twice,
 * with the same value; `groups` are items that start as one cluster (each sorted). Returns the
 * clusters, each in merge order, in order of their lowest item. `denseLimit` is for tests.
 */
export function averageLinkage(
  n: number,
  similarities: (visit: (i: number, j: number, sim: number) => void) => void,
  groups: readonly (readonly number[])[],
  bar: number,
  denseLimit = DENSE_LIMIT,
): number[][] {
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const links: LinkTable = n <= denseLimit ? new DenseLinks(n, alive) : new SparseLinks(n);
  const heap = new PairHeap();
  // A pair below the bar never merges and the loop below stops at the first one popped: only
  // pairs at or above it need a place in the heap (most links are weaker, and a big cluster
  // has many).
  const push = (x: number, y: number, sum: number) => {
    const score = sum / (size[x] * size[y]);
    if (score >= bar) heap.push(score, Math.min(x, y), Math.max(x, y), size[x] + size[y]);
  };
  const merge = (a: number, b: number) => {
    // b into a (a < b): the merged cluster keeps the lower number.
    alive[b] = 0;
    links.forEach(b, (c, sum) => {
      if (c !== a) links.set(a, c, links.get(a, c) + sum);
    });
    links.drop(b);
    size[a] += size[b];
    members[a].push(...members[b]);
    members[b] = [];
    links.forEach(a, (c, sum) => push(a, c, sum));
  };
  similarities((i, j, sim) => links.set(i, j, sim));
  for (const group of groups) for (const m of group.slice(1)) if (alive[m] && alive[group[0]]) merge(group[0], m);
  for (let i = 0; i < n; i++) if (alive[i]) links.forEach(i, (j, sum) => void (i < j && push(i, j, sum)));
  while (heap.pop() && heap.score >= bar) {
    const { a, b, sizes } = heap;
    // Stale entries: a side was merged away, or the pair's sizes changed since it was pushed
    // (sizes only grow, so a pair's summed size names one state of it).
    if (!alive[a] || !alive[b] || size[a] + size[b] !== sizes) continue;
    merge(a, b);
  }
  return members.filter((m, i) => alive[i] && m.length > 0);
}

/**
 * A max-heap of cluster pairs by average similarity, ties broken by cluster numbers (so order of
 * input never matters). Entries live in parallel typed arrays: a re-clustering pushes one per
 * neighbour of every merged cluster, and an object each was about 5% of what an edit allocated.
 * `pop` leaves the top entry in `score`, `a`, `b` and `sizes` (the two clusters' summed size when
 * it was pushed: a later merge makes the entry stale).
 */
export class PairHeap {
  score = 0;
  a = 0;
  b = 0;
  sizes = 0;
  private scores = new Float64Array(64);
  private as = new Int32Array(64);
  private bs = new Int32Array(64);
  private sizesOf = new Int32Array(64);
  private length = 0;

  push(score: number, a: number, b: number, sizes: number): void {
    if (this.length === this.scores.length) this.grow();
    let i = this.length++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!before(score, a, b, this.scores[up], this.as[up], this.bs[up])) break;
      this.copy(up, i);
      i = up;
    }
    this.put(i, score, a, b, sizes);
  }

  /** Takes the top entry into the fields; false when the heap is empty. */
  pop(): boolean {
    if (this.length === 0) return false;
    this.score = this.scores[0];
    this.a = this.as[0];
    this.b = this.bs[0];
    this.sizes = this.sizesOf[0];
    const last = --this.length;
    if (last === 0) return true;
    // The last entry sinks from the root.
    const score = this.scores[last], a = this.as[last], b = this.bs[last], sizes = this.sizesOf[last];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const child = r < last && before(this.scores[r], this.as[r], this.bs[r], this.scores[l], this.as[l], this.bs[l]) ? r : l;
      if (!before(this.scores[child], this.as[child], this.bs[child], score, a, b)) break;
      this.copy(child, i);
      i = child;
    }
    this.put(i, score, a, b, sizes);
    return true;
  }

  private put(i: number, score: number, a: number, b: number, sizes: number): void {
    this.scores[i] = score;
    this.as[i] = a;
    this.bs[i] = b;
    this.sizesOf[i] = sizes;
  }

  private copy(from: number, to: number): void {
    this.put(to, this.scores[from], this.as[from], this.bs[from], this.sizesOf[from]);
  }

  private grow(): void {
    const n = this.scores.length * 2;
    const scores = new Float64Array(n);
    const as = new Int32Array(n);
    const bs = new Int32Array(n);
    const sizesOf = new Int32Array(n);
    scores.set(this.scores);
    as.set(this.as);
    bs.set(this.bs);
    sizesOf.set(this.sizesOf);
    this.scores = scores;
    this.as = as;
    this.bs = bs;
    this.sizesOf = sizesOf;
  }
}

/** Whether entry x comes out of the heap before entry y. */
function before(xScore: number, xa: number, xb: number, yScore: number, ya: number, yb: number): boolean {
  return xScore > yScore || (xScore === yScore && (xa < ya || (xa === ya && xb < yb)));
}
