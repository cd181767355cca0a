/**
 * A set of words that answers "is x + y one of them?" without building the joined string.
 * The folder counts ask it of every pair of adjacent words (hundreds of thousands), and
 * joining each pair only to hash it in a Map cost more than all the other counting.
 */
import { FNV_OFFSET, fnvUpdate } from '../text/fnv';

/** Hashes of words in an open-addressing table; a hit may be a collision, so callers confirm. */
export class JoinedWordFilter {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const list = [...words];
    let size = 1024;
    while (size < list.length * 4) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (const w of list) this.insert(stored(fnvUpdate(FNV_OFFSET, w)));
  }

  /** False when `x + y` is surely not in the set; true when it may be. */
  mayHoldJoined(x: string, y: string): boolean {
    const h = stored(fnvUpdate(fnvUpdate(FNV_OFFSET, x), y));
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.table[i];
      if (v === h) return true;
      if (v === 0) return false;
    }
  }

  private insert(h: number): void {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.table[i];
      if (v === h) return;
      if (v === 0) {
        this.table[i] = h;
        return;
      }
    }
  }
}

// 0 marks an empty slot, so no stored hash may be 0.
const stored = (h: number) => h | 1;
