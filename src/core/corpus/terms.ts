/**
 * Incremental term statistics and postings: document frequency per term over the indexed
 * sentences, and the inverted index that finds candidate sentences without all-pairs work.
 * Terms are interned key ids (`key-ids.ts`), so a look-up is an array read.
 */

/** Postings and document frequencies, updated one sentence at a time. */
export class InvertedIndex {
  // Arrays, not Sets: retrieval iterates postings for every claim of the folder, and arrays
  // iterate several times faster; removal (an edited document) swaps the last id in.
  private readonly postings: Array<number[] | undefined> = [];
  private count = 0;

  /** Number of indexed sentences. */
  get size(): number {
    return this.count;
  }

  /** Adds a sentence under its distinct key ids (callers pass each once). */
  add(id: number, keyIds: readonly number[]): void {
    this.count++;
    for (const key of keyIds) {
      // Grown one slot at a time: assigning far past the end would turn the array into a slow dictionary.
      while (this.postings.length <= key) this.postings.push(undefined);
      const list = this.postings[key];
      if (list) list.push(id);
      else this.postings[key] = [id];
    }
  }

  delete(id: number, keyIds: readonly number[]): void {
    this.count--;
    for (const key of keyIds) {
      const list = this.postings[key];
      if (!list) continue;
      const at = list.indexOf(id);
      if (at < 0) continue;
      list[at] = list[list.length - 1];
      list.pop();
      if (list.length === 0) this.postings[key] = undefined;
    }
  }

  /** How many sentences hold the term. */
  df(key: number): number {
    return this.postings[key]?.length ?? 0;
  }

  /** Inverse document frequency, smoothed so an unseen term is as rare as a seen-once one. */
  idf(key: number): number {
    return Math.log(1 + (this.count + 1) / (this.df(key) + 1));
  }

  /** Sentence ids that hold the term (do not modify). */
  get(key: number): readonly number[] | undefined {
    return this.postings[key];
  }
}
