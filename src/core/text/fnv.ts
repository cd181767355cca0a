/**
 * 32-bit FNV-1a over UTF-16 code units. The state can be carried from one string to the next,
 * so a hash of words joined together is made without building the joined string.
 */

/** The state before any unit is hashed. */
export const FNV_OFFSET = 0x811c9dc5 | 0;

/** The state after hashing `s` from state `h`: `fnvUpdate(fnvUpdate(FNV_OFFSET, x), y)` hashes x + y. */
export function fnvUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The hash of `s` as an unsigned 32-bit number. */
export function fnv1a(s: string): number {
  return fnvUpdate(FNV_OFFSET, s) >>> 0;
}
