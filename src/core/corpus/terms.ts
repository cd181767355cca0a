/**
 * Incremental term statistics and postings: document frequency per term over the indexed
 * sentences, and the inverted index that finds candidate sentences without all-pairs work.
 */

/** Postings and document frequencies, updated one sentence at a time. */
export class InvertedIndex {
  // Arrays, not Sets: retrieval iterates postings for every claim of the folder, and arrays
  // iterate several times faster; removal (an edited document) swaps the last id in.
  private readonly postings = new Map<string, number[]>();
  private count = 0;

  /** Number of indexed sentences. */
  get size(): number {
    return this.count;
  }

  /** Adds a sentence under its distinct keys (callers pass each key once). */
  add(id: number, keys: readonly string[]): void {
    this.count++;
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list) list.push(id);
      else this.postings.set(key, [id]);
    }
  }

  delete(id: number, keys: readonly string[]): void {
    this.count--;
    for (const key of keys) {
      const list = this.postings.get(key);
      if (!list) continue;
      const at = list.indexOf(id);
      if (at < 0) continue;
      list[at] = list[list.length - 1];
      list.pop();
      if (list.length === 0) this.postings.delete(key);
    }
  }

  /** How many sentences hold the term. */
  df(key: string): number {
    return this.postings.get(key)?.length ?? 0;
  }

  /** Inverse document frequency, smoothed so an unseen term is as rare as a seen-once one. */
  idf(key: string): number {
    return Math.log(1 + (this.count + 1) / (this.df(key) + 1));
  }

  /** Sentence ids that hold the term (do not modify). */
  get(key: string): readonly number[] | undefined {
    return this.postings.get(key);
  }
}
