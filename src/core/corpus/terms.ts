/**
 * Incremental term statistics and postings: document frequency per term over the indexed
 * sentences, and the inverted index that finds candidate sentences without all-pairs work.
 */

/** Postings and document frequencies, updated one sentence at a time. */
export class InvertedIndex {
  private readonly postings = new Map<string, Set<number>>();
  private count = 0;

  /** Number of indexed sentences. */
  get size(): number {
    return this.count;
  }

  add(id: number, keys: readonly string[]): void {
    this.count++;
    for (const key of keys) {
      let set = this.postings.get(key);
      if (!set) this.postings.set(key, (set = new Set()));
      set.add(id);
    }
  }

  delete(id: number, keys: readonly string[]): void {
    this.count--;
    for (const key of keys) {
      const set = this.postings.get(key);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) this.postings.delete(key);
    }
  }

  /** How many sentences hold the term. */
  df(key: string): number {
    return this.postings.get(key)?.size ?? 0;
  }

  /** Inverse document frequency, smoothed so an unseen term is as rare as a seen-once one. */
  idf(key: string): number {
    return Math.log(1 + (this.count + 1) / (this.df(key) + 1));
  }

  /** Sentence ids that hold the term. */
  get(key: string): ReadonlySet<number> | undefined {
    return this.postings.get(key);
  }
}
