/**
 * Item keys (lemmas, `#<value>`, date keys) interned as small integers. The index's postings
 * and the matcher's per-alignment marks are arrays indexed by these ids: a look-up in a
 * large string Map costs several cache misses, and retrieval and alignment make millions.
 * The table only grows with the vocabulary seen in this process.
 */
const ids = new Map<string, number>();
const keys: string[] = [];

/** The id of `key`, made at its first sight. */
export function internKey(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = keys.length;
    ids.set(key, id);
    keys.push(key);
  }
  return id;
}

/** The id of `key` if it was ever made, else -1 (nothing is made). */
export function knownKey(key: string): number {
  return ids.get(key) ?? -1;
}

/** How many keys have ids: a look-up that found none may find one once this grows. */
export function keyCount(): number {
  return keys.length;
}

/** The key an id stands for. */
export function keyOf(id: number): string {
  return keys[id];
}
