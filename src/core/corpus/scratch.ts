/**
 * Reusable scratch space for the aligner: maps and tallies emptied in O(1) between two
 * alignments. Each matcher owns its own, so engines (and threads) never share them.
 */

/**
 * `array` when it has a place at `index`, else a copy at least twice as long whose new places hold
 * `fill`: the index's and the matcher's tables by id grow with the folder.
 */
export function grownFor<T extends Int32Array | Float64Array | Uint8Array>(array: T, index: number, fill = 0): T {
  if (index < array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(index + 1, array.length * 2));
  if (fill !== 0) grown.fill(fill);
  grown.set(array);
  return grown;
}

/** A map from a small integer id to a number, emptied in O(1) by moving to a new generation. */
export class KeyMarks {
  private stamps = new Int32Array(1024);
  private values = new Float64Array(1024);
  private generation = 0;

  reset(): this {
    if (++this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    return this;
  }

  has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.generation;
  }

  get(id: number): number {
    return this.has(id) ? this.values[id] : 0;
  }

  set(id: number, value: number): void {
    if (id >= this.stamps.length) {
      this.stamps = grownFor(this.stamps, id);
      this.values = grownFor(this.values, id);
    }
    this.stamps[id] = this.generation;
    this.values[id] = value;
  }
}

/**
 * Per clause or fact (small consecutive numbers): the weight of its distinct items, the
 * weight matched, and how many items matched.
 */
export class GroupTally {
  weight!: Float64Array;
  got!: Float64Array;
  /** Weight and matched weight of words and names only (figures and dates left out). */
  contentWeight!: Float64Array;
  contentGot!: Float64Array;
  items!: Int32Array;
  matched!: Int32Array;
  /** Matched names and content words (no figures, dates or framing words). */
  matchedContent!: Int32Array;
  /** Matched numbers and dates. */
  matchedQuantities!: Int32Array;
  /** Items in a negation's scope ("does not collect"), and those met with the same polarity. */
  negated!: Int32Array;
  negatedMet!: Int32Array;
  /** Matched items that are words (an event or state), not only names or figures. */
  matchedWords!: Int32Array;
  /** Names the other side lacks. */
  unmatchedNames!: Int32Array;
  /** Content items met lemma for lemma (not through a synonym or stem). */
  exactContent!: Int32Array;
  /** Names, met or not. */
  names!: Int32Array;
  /** Words that frame rather than state (a reporting verb, the word a figure counts), met or not. */
  framing!: Int32Array;
  /** Words met lemma for lemma. */
  exactWords!: Int32Array;
  /** Figures (numbers) the other side does not state. */
  unmatchedFigures!: Int32Array;
  /** Words that state an event (verbs), those the other side meets, and those it meets with the opposite polarity ("secured" against "not secured"). */
  events!: Int32Array;
  eventsMet!: Int32Array;
  eventsOpposed!: Int32Array;
  top = -1;
  /**
   * Every field is a view into one of two buffers, so a reset is two fills: a tally is reset for
   * every pair aligned, and seventeen fills of a few entries each were 5% of the claims thread.
   */
  private floats = new Float64Array(0);
  private counts = new Int32Array(0);

  constructor() {
    this.allocate(32);
  }

  reset(): this {
    if (this.top >= 0) {
      this.floats.fill(0);
      this.counts.fill(0);
    }
    this.top = -1;
    return this;
  }

  add(group: number, weight: number, credit: number, kind: 'word' | 'name' | 'number' | 'date', content = kind === 'word' || kind === 'name'): void {
    if (group >= this.items.length) this.allocate(group * 2);
    if (group > this.top) this.top = group;
    this.weight[group] += weight;
    this.got[group] += weight * credit;
    this.items[group]++;
    if (kind === 'name') this.names[group]++;
    else if (kind === 'word' && !content) this.framing[group]++;
    if (content) {
      if (credit === 1) this.exactContent[group]++;
      this.contentWeight[group] += weight;
      this.contentGot[group] += weight * credit;
    }
    if (credit > 0) {
      this.matched[group]++;
      if (content) this.matchedContent[group]++;
      if (kind === 'number' || kind === 'date') this.matchedQuantities[group]++;
      if (kind === 'word') this.matchedWords[group]++;
      if (kind === 'word' && credit === 1) this.exactWords[group]++;
    } else if (kind === 'name') this.unmatchedNames[group]++;
    else if (kind === 'number') this.unmatchedFigures[group]++;
  }

  /** Records a word of the group that states an event; `met` when the other side meets it, `agrees` when with the same polarity. */
  addEvent(group: number, met: boolean, agrees: boolean): void {
    this.events[group]++;
    if (met) this.eventsMet[group]++;
    if (met && !agrees) this.eventsOpposed[group]++;
  }

  /** Records an item of the group said in a negation's scope; `agrees` when the other side met it negated too. */
  addNegated(group: number, agrees: boolean): void {
    this.negated[group]++;
    if (agrees) this.negatedMet[group]++;
  }

  /** Groups with at least `minItems` items none of which matched. */
  unmatched(minItems: number): number {
    let n = 0;
    for (let c = 0; c <= this.top; c++) if (this.items[c] >= minItems && this.matched[c] === 0) n++;
    return n;
  }

  /** (Re)makes the buffers for `size` groups, keeping what the fields hold. */
  private allocate(size: number): void {
    const floats = new Float64Array(WEIGHT_FIELDS.length * size);
    const counts = new Int32Array(COUNT_FIELDS.length * size);
    WEIGHT_FIELDS.forEach((k, i) => {
      const view = floats.subarray(i * size, (i + 1) * size);
      if (this[k]) view.set(this[k]);
      this[k] = view;
    });
    COUNT_FIELDS.forEach((k, i) => {
      const view = counts.subarray(i * size, (i + 1) * size);
      if (this[k]) view.set(this[k]);
      this[k] = view;
    });
    this.floats = floats;
    this.counts = counts;
  }
}

/** GroupTally's per-group arrays, listed once so that reset and grow cannot miss one. */
const WEIGHT_FIELDS = ['weight', 'got', 'contentWeight', 'contentGot'] as const;
const COUNT_FIELDS = ['items', 'matched', 'matchedContent', 'matchedQuantities', 'negated', 'negatedMet', 'matchedWords', 'unmatchedNames', 'exactContent', 'names', 'framing', 'exactWords', 'unmatchedFigures', 'events', 'eventsMet', 'eventsOpposed'] as const;


/**
 * The best `capacity` ids by weight, ties broken by a key that does not depend on the order
 * documents came in (so an edited folder finds what a fresh one does), kept in order as they
 * come: sorting every touched sentence to keep a few cost more than reading the postings.
 */
export class TopK {
  private readonly weights: Float64Array;
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  private kept = 0;

  constructor(readonly capacity: number) {
    this.weights = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  reset(): this {
    this.kept = 0;
    return this;
  }

  offer(id: number, w: number, key: number): void {
    const { weights, keys, ids, capacity } = this;
    let at = this.kept;
    while (at > 0 && (weights[at - 1] < w || (weights[at - 1] === w && keys[at - 1] > key))) at--;
    if (at >= capacity) return;
    for (let j = Math.min(this.kept, capacity - 1); j > at; j--) {
      weights[j] = weights[j - 1];
      keys[j] = keys[j - 1];
      ids[j] = ids[j - 1];
    }
    weights[at] = w;
    keys[at] = key;
    ids[at] = id;
    if (this.kept < capacity) this.kept++;
  }

  /** The kept ids, best first. */
  list(): number[] {
    return Array.from(this.ids.subarray(0, this.kept));
  }
}
