/**
 * Copy detection by shingling: every document's word 5-grams are hashed, one in
 * SAMPLE_RATE kept (the same hashes for every document, so overlaps stay comparable), and
 * an inverted index from hash to documents finds the documents that share them. Two
 * documents are copies when the shared shingles cover at least COPY_CONTAINMENT of the
 * smaller one. Kept incrementally: adding or removing a document touches only its own pairs.
 */

import type { ParsedDocument } from '../text/parse';
import { fnv1a, FNV_OFFSET, fnvUpdate } from '../text/fnv';

/** Word n-gram length of a shingle. */
export const SHINGLE_SIZE = 5;
/** Share of the shorter document's shingles two copies must have in common. */
export const COPY_CONTAINMENT = 0.6;
/** Keep shingles whose hash is 0 modulo this (documents shorter than ~40 words keep all). */
const SAMPLE_RATE = 4;
/** Shingles found in more documents than this are boilerplate, not evidence of copying. */
const MAX_POSTINGS = 50;

/** Incremental near-duplicate detector over whole documents. */
export class CopyDetector {
  // Lists, not Sets: most shingles occur in one document, and a Set per shingle cost more to
  // make and collect than scanning a short list (a document's own shingles are distinct).
  // Keyed by the hash as a signed 32-bit integer: a V8 small integer, where half of the unsigned
  // hashes are heap numbers, slower to hash and to store (the same keys, one to one).
  private readonly postings = new Map<number, string[]>();
  private readonly shingles = new Map<string, number[]>();
  /** Per document: how many of its shingles pass the sample (equals its length when it was sampled). */
  private readonly sampledSize = new Map<string, number>();
  private readonly shared = new Map<string, Map<string, number>>();
  /**
   * Each document's copy partners (pairs for which `areCopies` holds). Whether two documents are
   * copies depends only on the two, so a pair is decided when either comes in; the groups are
   * then read from these few pairs, not from every pair that shares a shingle (on the BBC
   * folder that read was about 5 ms of each edit to an article that has copies).
   */
  private readonly partners = new Map<string, Set<string>>();
  private cachedGroups?: string[][];

  /** Adds or replaces a document given its lower-case word sequence. */
  upsert(docId: string, words: readonly string[]): void {
    // An edit that keeps a document's copy partners keeps every group (no other pair changed):
    // the groups, and the stories built on them, need not be worked out again.
    const before = this.partnerKey(docId);
    const groups = this.cachedGroups;
    this.remove(docId);
    const hashes = sampledShingles(words);
    this.shingles.set(docId, hashes);
    this.sampledSize.set(docId, hashes.filter((h) => h % SAMPLE_RATE === 0).length);
    const counts = new Map<string, number>();
    for (const hash of hashes) {
      const h = hash | 0;
      const list = this.postings.get(h);
      if (!list) {
        this.postings.set(h, [docId]);
        continue;
      }
      if (list.length <= MAX_POSTINGS) for (const other of list) counts.set(other, (counts.get(other) ?? 0) + 1);
      list.push(docId);
    }
    const mine = new Map<string, number>();
    this.shared.set(docId, mine);
    for (const [other, n] of counts) {
      mine.set(other, n);
      this.shared.get(other)?.set(docId, n);
    }
    for (const other of mine.keys()) {
      if (!this.areCopies(docId, other)) continue;
      this.partnersOf(docId).add(other);
      this.partnersOf(other).add(docId);
    }
    this.cachedGroups = before === this.partnerKey(docId) ? groups : undefined;
  }

  /** A document's copy partners as one string ('' when it has none or is absent). */
  private partnerKey(docId: string): string {
    return this.shingles.has(docId) ? this.copiesOf(docId).sort().join('\u0000') : '';
  }

  remove(docId: string): void {
    const hashes = this.shingles.get(docId);
    if (!hashes) return;
    const alone = this.partnerKey(docId) === '';
    for (const hash of hashes) {
      const h = hash | 0;
      const list = this.postings.get(h);
      if (!list) continue;
      const at = list.indexOf(docId);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(h);
    }
    for (const other of this.shared.get(docId)?.keys() ?? []) this.shared.get(other)?.delete(docId);
    this.shared.delete(docId);
    for (const other of this.partners.get(docId) ?? []) {
      const theirs = this.partners.get(other)!;
      theirs.delete(docId);
      if (theirs.size === 0) this.partners.delete(other);
    }
    this.partners.delete(docId);
    this.shingles.delete(docId);
    this.sampledSize.delete(docId);
    if (!alone) this.cachedGroups = undefined;
  }

  /** True when two documents share enough text to be one text. */
  areCopies(a: string, b: string): boolean {
    const n = this.shared.get(a)?.get(b);
    if (!n) return false;
    const la = this.shingles.get(a)?.length ?? 0;
    const lb = this.shingles.get(b)?.length ?? 0;
    const sa = this.sampledSize.get(a) ?? 0;
    const sb = this.sampledSize.get(b) ?? 0;
    // A short document keeps every shingle, a long one a sample: when only one was sampled, compare on the sample.
    const smaller = this.isSampled(a) !== this.isSampled(b) ? Math.min(sa, sb) : Math.min(la, lb);
    return smaller > 0 && n / smaller >= COPY_CONTAINMENT;
  }

  private isSampled(docId: string): boolean {
    return (this.shingles.get(docId)?.length ?? 0) === (this.sampledSize.get(docId) ?? -1) && (this.shingles.get(docId)?.length ?? 0) >= 10;
  }

  /** The document ids a document is a direct copy of. */
  copiesOf(docId: string): string[] {
    return [...(this.partners.get(docId) ?? [])];
  }

  private partnersOf(docId: string): Set<string> {
    let set = this.partners.get(docId);
    if (!set) this.partners.set(docId, (set = new Set()));
    return set;
  }

  /** Connected groups of copies: each sorted, groups sorted by first id. */
  groups(): string[][] {
    if (this.cachedGroups) return this.cachedGroups;
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    for (const [a, others] of this.partners) {
      for (const b of others) {
        if (a < b) {
          const ra = find(a), rb = find(b);
          if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
        }
      }
    }
    const groups = new Map<string, string[]>();
    for (const x of parent.keys()) {
      const r = find(x);
      if (!groups.has(r)) groups.set(r, []);
      groups.get(r)!.push(x);
    }
    this.cachedGroups = [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort()).sort((p, q) => (p[0] < q[0] ? -1 : 1));
    return this.cachedGroups;
  }
}

/** A document's words and numbers in lower case: what copies are compared on. */
export function copyWords(doc: ParsedDocument): string[] {
  const words: string[] = [];
  for (const s of doc.sentences) for (const t of s.tokens) if (t.kind === 'word' || t.kind === 'number') words.push(t.lower);
  return words;
}

/** Hashes of the kept word 5-grams of a document (distinct). */
export function sampledShingles(words: readonly string[]): number[] {
  const all = new Set<number>();
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) all.add(shingleHash(words, i));
  if (all.size === 0 && words.length > 0) all.add(fnv1a(words.join(' ')));
  if (all.size < 10 * SAMPLE_RATE) return [...all];
  return [...all].filter((h) => h % SAMPLE_RATE === 0);
}

/** `fnv1a` of the shingle at `i` (its words joined by spaces), without building the string. */
function shingleHash(words: readonly string[], i: number): number {
  let h = fnvUpdate(FNV_OFFSET, words[i]);
  for (let k = i + 1; k < i + SHINGLE_SIZE; k++) h = fnvUpdate(fnvUpdate(h, ' '), words[k]);
  return h >>> 0;
}
