/**
 * Alignment of two sentences' items: which item of one meets which of the other, and with
 * what credit (same lemma, name or figure 1; WordNet synonym, shared stem, initialism or a
 * compound's open spelling less). It records the weight met on each side, per clause and per
 * fact of the first sentence; the scoring policy (`match.ts`) reads those tallies.
 * An Aligner owns its scratch space: alignments never nest, so one is reused call after call.
 */
import type { MatchReason } from '../types';
import { sameFigure, type SynonymLookup } from '../lexicon';
import type { Item } from './features';
import { keyCount, knownKey } from './key-ids';
import { GroupTally, KeyMarks } from './scratch';

/** IDF of an interned key id (`key-ids.ts`). */
export type Idf = (keyId: number) => number;

/** Credits and weights of the aligner; few and global on purpose. */
export const ALIGN_WEIGHTS = {
  /** Credit for a WordNet synonym relative to an identical lemma. */
  synonym: 0.8,
  /** Credit for two words sharing a long common stem ("investigation" ~ "investigate"). */
  stem: 0.8,
  /** Weight of names relative to words (1 = plain IDF; their rarity already weighs them). */
  name: 1,
  /** Extra weight of numbers and dates, for the same reason. */
  quantity: 1.5,
  /** Exponent on IDF: below 1 flattens the gap between rare and common words. */
  idfPower: 0.5,
};

/** Met weight on each side of one alignment. */
export interface Coverage {
  /** Weighted share of A's items met in B, and of B's met in A. */
  a: number;
  b: number;
  /** The same over words and names only. */
  contentA: number;
  contentB: number;
  reasons: MatchReason[];
  /** Names on either side that the other lacks. */
  unmatchedNames: number;
  /** Names of A that B lacks. */
  unmatchedNamesA: number;
  /**
   * True when what the two share is said with opposite polarity: half or more of the shared
   * names, figures and dates under a negation on one side only ("servers outside of China"
   * against "servers in China"), or half or more of the shared weight ("does not collect information"
   * against "collects information").
   */
  opposed: boolean;
}

const isContent = (it: Item) => it.kind === 'word' || it.kind === 'name';
const isAcronym = (it: Item) => it.acronym === true;
const NO_REASONS: MatchReason[] = [];
const NO_SYNSETS: readonly number[] = [];
const SYNONYM = 1;
const STEM = 2;

/** Aligns item lists; its tallies describe the last alignment until the next one. */
export class Aligner {
  /** Per clause of A and of B, and per fact of A, for the last alignment. */
  readonly clausesA = new GroupTally();
  readonly clausesB = new GroupTally();
  readonly factsA = new GroupTally();

  private readonly bKeys = new KeyMarks();
  /** B's keys' polarity: bit 1 said plainly somewhere, bit 2 under a negation somewhere. */
  private readonly bPolarity = new KeyMarks();
  private readonly aKeys = new KeyMarks();
  private readonly matchedB = new KeyMarks();
  private readonly seenA = new KeyMarks();
  private readonly seenB = new KeyMarks();
  private readonly expanded = new KeyMarks();
  private readonly bSynsets = new KeyMarks();
  private readonly bStems = new KeyMarks();
  private bSynsetsMarked = false;
  private bStemsMarked = false;
  /** The partner the last successful soft match found. */
  private softPartner: Item | undefined;
  /** The B item an A item just met inexactly (its polarity is compared). */
  private lastPartner: Item | undefined;
  /** Interned first-three-letter stems. */
  private readonly stemIds = new Map<string, number>();

  constructor(
    private readonly synonyms: SynonymLookup,
    /** Whether a word states an event: the per-fact tallies count them, met or not. */
    private readonly isEvent: (it: Item) => boolean = () => false,
  ) {}

  /** Weight of an item under `idf`, cached on the item while `idf` is current. */
  weightOf(item: Item, idf: Idf): number {
    if (item.weightTag === idf) return item.weight!;
    const w = Math.pow(idf(item.keyId), ALIGN_WEIGHTS.idfPower) * (item.kind === 'name' ? ALIGN_WEIGHTS.name : item.kind === 'word' ? 1 : ALIGN_WEIGHTS.quantity);
    item.weight = w;
    item.weightTag = idf;
    return w;
  }

  /** Aligns A with B; reasons are collected only when `collect` is given. */
  align(aItems: readonly Item[], bItems: readonly Item[], idf: Idf, collect?: MatchReason[]): Coverage {
    const reasons = collect ?? NO_REASONS;
    const { bKeys, aKeys, matchedB, seenA, seenB, expanded } = this;
    bKeys.reset();
    const bPolarity = this.bPolarity.reset();
    for (const it of bItems) {
      bKeys.set(it.keyId, 1);
      bPolarity.set(it.keyId, bPolarity.get(it.keyId) | (it.negated ? 2 : 1));
    }
    let metWeight = 0;
    let opposedWeight = 0;
    let metKeys = 0;
    let opposedKeys = 0;
    matchedB.reset();
    aKeys.reset();
    for (const it of aItems) aKeys.set(it.keyId, 1);
    seenA.reset();
    this.clausesA.reset();
    this.clausesB.reset();
    this.factsA.reset();
    expanded.reset();
    // Initialisms against the names they abbreviate, in both directions, before anything else.
    if (aItems.some(isAcronym) || bItems.some(isAcronym)) {
      expandAcronyms(aItems, bItems, bKeys, expanded, matchedB);
      expandAcronyms(bItems, aItems, aKeys, matchedB, expanded);
    }
    joinCompounds(aItems, bItems, this.openSpellings(bItems), aKeys, bKeys, expanded, matchedB);
    joinCompounds(bItems, aItems, this.openSpellings(aItems), bKeys, aKeys, matchedB, expanded);
    this.bSynsetsMarked = false;
    this.bStemsMarked = false;

    let totalA = 0, gotA = 0, contentTotalA = 0, contentGotA = 0;
    let unmatchedNames = 0;
    for (const it of aItems) {
      const id = it.keyId;
      if (seenA.has(id)) continue;
      seenA.set(id, 1);
      const w = this.weightOf(it, idf);
      totalA += w;
      const content = isContent(it) && !it.framing;
      if (content) contentTotalA += w;
      let credit = 0;
      if (bKeys.has(id)) {
        credit = 1;
        if (collect) collect.push({ kind: it.kind === 'word' ? 'lemma' : it.kind, claim: it.surface, source: bItems.find((o) => o.key === it.key)!.surface });
      } else if (expanded.has(id)) {
        credit = expanded.get(id);
      } else if (it.kind === 'number') {
        // The same figure to another precision: "4.9 percent" ~ "five percent".
        const near = nearFigure(it, bItems, matchedB, aKeys);
        if (near) {
          this.lastPartner = near;
          credit = ALIGN_WEIGHTS.synonym;
          matchedB.set(near.keyId, credit);
          collect?.push({ kind: 'number', claim: it.surface, source: near.surface });
        }
      } else if (content) {
        const soft = this.softMatch(it, bItems);
        if (soft) {
          this.lastPartner = this.softPartner;
          credit = soft === SYNONYM ? ALIGN_WEIGHTS.synonym : ALIGN_WEIGHTS.stem;
          matchedB.set(this.softPartner!.keyId, credit);
          collect?.push({ kind: soft === SYNONYM ? 'synonym' : 'lemma', claim: it.surface, source: this.softPartner!.surface });
        }
      }
      if (credit === 0 && it.kind === 'name') unmatchedNames++;
      let agrees = false;
      if (credit > 0) {
        metWeight += w;
        if (it.kind !== 'word') metKeys++;
        const partnerPolarity = bKeys.has(id) ? bPolarity.get(id) : this.lastPartner ? (this.lastPartner.negated ? 2 : 1) : 3;
        agrees = (partnerPolarity & (it.negated ? 2 : 1)) !== 0;
        if (!agrees) {
          opposedWeight += w;
          if (it.kind !== 'word') opposedKeys++;
        }
      }
      this.lastPartner = undefined;
      this.clausesA.add(it.clause, w, credit, it.kind, content);
      if (it.fact >= 0) {
        this.factsA.add(it.fact, w, credit, it.kind, content);
        if (it.negated) this.factsA.addNegated(it.fact, agrees);
        if (it.kind === 'word' && this.isEvent(it)) this.factsA.addEvent(it.fact, credit > 0, agrees);
      }
      gotA += w * credit;
      if (content) contentGotA += w * credit;
    }

    const unmatchedNamesA = unmatchedNames;
    let totalB = 0, gotB = 0, contentTotalB = 0, contentGotB = 0;
    seenB.reset();
    for (const it of bItems) {
      const id = it.keyId;
      if (seenB.has(id)) continue;
      seenB.set(id, 1);
      const w = this.weightOf(it, idf);
      totalB += w;
      const content = isContent(it) && !it.framing;
      if (content) contentTotalB += w;
      let credit = 0;
      if (seenA.has(id)) credit = 1;
      else if (matchedB.has(id)) credit = matchedB.get(id);
      else if (it.kind === 'name') unmatchedNames++;
      this.clausesB.add(it.clause, w, credit, it.kind, content);
      gotB += w * credit;
      if (content) contentGotB += w * credit;
    }
    const share = (got: number, total: number) => (total ? got / total : 0);
    return {
      a: share(gotA, totalA),
      b: share(gotB, totalB),
      contentA: share(contentGotA, contentTotalA),
      contentB: share(contentGotB, contentTotalB),
      reasons,
      unmatchedNames,
      unmatchedNamesA,
      opposed: opposedKeys * 2 >= metKeys + (metKeys > 0 ? 0 : 1) || (opposedWeight > 0 && opposedWeight * 2 >= metWeight),
    };
  }

  /**
   * The best inexact partner of a word or name among B's free ones (not met exactly, not yet
   * claimed): a WordNet synonym (words only), else a shared stem. Returns SYNONYM, STEM or 0 and
   * leaves the partner in `softPartner`.
   */
  private softMatch(it: Item, bItems: readonly Item[]): number {
    const { matchedB, aKeys } = this;
    let stem: Item | undefined;
    // WordNet lists few names; for them only the stem is worth a look ("America" ~ "American").
    let mine = it.kind === 'word' ? this.synsetsOf(it) : NO_SYNSETS;
    // Most words have no synonym in B at all: B's synsets, marked once per alignment, say so
    // without comparing synset lists item by item.
    if (mine.length > 0 && !this.anyMarkedSynset(mine, bItems)) mine = NO_SYNSETS;
    // Likewise a stem or an abbreviation needs three leading letters in common with some B item.
    if (mine.length === 0 && (ALIGN_WEIGHTS.stem === 0 || !this.stemMarked(it, bItems))) {
      this.softPartner = undefined;
      return 0;
    }
    for (const o of bItems) {
      if ((o.kind !== 'word' && o.kind !== 'name') || matchedB.has(o.keyId) || aKeys.has(o.keyId)) continue;
      if (mine.length > 0 && o.kind === 'word' && shareSynset(mine, this.synsetsOf(o))) {
        this.softPartner = o;
        return SYNONYM;
      }
      if (!stem && ALIGN_WEIGHTS.stem > 0 && (sameStem(it.key, o.key) || abbreviates(it.key, o.key) || abbreviates(o.key, it.key))) stem = o;
    }
    this.softPartner = stem;
    return stem ? STEM : 0;
  }

  private anyMarkedSynset(mine: readonly number[], bItems: readonly Item[]): boolean {
    if (!this.bSynsetsMarked) {
      // From B's reach, the same list `mayMeet` trusts: what a soft match may find is defined once.
      const marks = this.bSynsets.reset();
      for (const id of this.reachOf(bItems).synsets) marks.set(id, 1);
      this.bSynsetsMarked = true;
    }
    for (let i = 0; i < mine.length; i++) if (this.bSynsets.has(mine[i])) return true;
    return false;
  }

  /** The interned id of an item's first three letters, or -1 when its key is shorter. */
  private stemIdOf(it: Item): number {
    let id = it.stemId;
    if (id === undefined) {
      if (it.key.length < 3) id = -1;
      else {
        const head = it.key.slice(0, 3);
        id = this.stemIds.get(head);
        if (id === undefined) this.stemIds.set(head, (id = this.stemIds.size));
      }
      it.stemId = id;
    }
    return id;
  }

  private stemMarked(it: Item, bItems: readonly Item[]): boolean {
    const id = this.stemIdOf(it);
    if (id < 0) return false;
    if (!this.bStemsMarked) {
      const marks = this.bStems.reset();
      for (const head of this.reachOf(bItems).heads) marks.set(head, 1);
      this.bStemsMarked = true;
    }
    return this.bStems.has(id);
  }

  /**
   * False only when `align` would give every item of A and of B no credit: no key in common, no
   * WordNet synset, no three leading letters (stems and shortenings need them), no compound one
   * side writes open, no initialism the other's names could spell, and figures on at most one
   * side. Such a pair scores 0 whatever the policy; telling so costs a merge of short sorted
   * lists where `align` would look every word up (inside a story, where every candidate is
   * aligned, 43% of the BBC folder's pairs share nothing).
   */
  mayMeet(aItems: readonly Item[], bItems: readonly Item[]): boolean {
    const a = this.reachOf(aItems);
    const b = this.reachOf(bItems);
    if (a.numbers && b.numbers) return true;
    if ((a.acronymInitials & b.nameInitials) !== 0 || (b.acronymInitials & a.nameInitials) !== 0) return true;
    if (intersects(a.keys, b.keys) || intersects(a.heads, b.heads) || intersects(a.synsets, b.synsets)) return true;
    return closesAny(this.openSpellings(aItems), b.keys) || closesAny(this.openSpellings(bItems), a.keys);
  }

  /**
   * Whether an event one sentence states (a verb, `events.ts`) may be met in the other: as
   * written, through its three leading letters (a stem: "investigating" ~ "investigation") or
   * a WordNet synonym. Loose on purpose: it only chooses which pairs `align` reads.
   */
  mayShareEvent(aItems: readonly Item[], bItems: readonly Item[]): boolean {
    const a = this.reachOf(aItems);
    const b = this.reachOf(bItems);
    return reachesEvent(a, b) || reachesEvent(b, a);
  }

  private readonly reaches = new WeakMap<readonly Item[], Reach>();

  private reachOf(items: readonly Item[]): Reach {
    let reach = this.reaches.get(items);
    if (reach) return reach;
    const keys: number[] = [];
    const heads: number[] = [];
    const synsets: number[] = [];
    const eventKeys: number[] = [];
    const eventHeads: number[] = [];
    const eventSynsets: number[] = [];
    let numbers = false;
    let acronymInitials = 0;
    let nameInitials = 0;
    for (const it of items) {
      keys.push(it.keyId);
      if (it.kind === 'number') numbers = true;
      if (it.kind !== 'word' && it.kind !== 'name') continue;
      const head = this.stemIdOf(it);
      if (head >= 0) heads.push(head);
      if (it.kind === 'word') synsets.push(...this.synsetsOf(it));
      if (it.kind === 'word' && this.isEvent(it)) {
        eventKeys.push(it.keyId);
        if (head >= 0) eventHeads.push(head);
        eventSynsets.push(...this.synsetsOf(it));
      }
      // Initials folded to 5 bits: a letter that shares bits with another only makes more pairs "may meet".
      if (it.acronym) acronymInitials |= 1 << (it.key.charCodeAt(0) & 31);
      else if (it.kind === 'name') nameInitials |= 1 << (it.surface.toLowerCase().charCodeAt(0) & 31);
    }
    const events = { keys: ascending(eventKeys), heads: ascending(eventHeads), synsets: ascending(eventSynsets) };
    reach = { keys: ascending(keys), heads: ascending(heads), synsets: ascending(synsets), events, numbers, acronymInitials, nameInitials };
    this.reaches.set(items, reach);
    return reach;
  }

  /** `openSpellings` of each item list aligned: a sentence is aligned with many others. */
  private readonly openSpellingsOf = new WeakMap<readonly Item[], OpenSpellings>();

  private openSpellings(items: readonly Item[]): OpenSpellings {
    let found = this.openSpellingsOf.get(items);
    // A key made since may close a pair that closed none before.
    if (found === undefined || found.keys !== keyCount()) this.openSpellingsOf.set(items, (found = openSpellings(items)));
    return found;
  }

  /** An item's WordNet synset ids, cached on the item for this aligner's look-up. */
  private synsetsOf(it: Item): readonly number[] {
    if (it.synsetsTag !== this.synonyms) {
      it.synsets = this.synonyms.synsets(it.key);
      it.synsetsTag = this.synonyms;
    }
    return it.synsets!;
  }
}

/** What an item list can meet at all (`Aligner.mayMeet`): key ids, three-letter heads and synset ids, each ascending. */
interface Reach {
  keys: Int32Array;
  heads: Int32Array;
  synsets: Int32Array;
  /** The same of its events' words alone. */
  events: { keys: Int32Array; heads: Int32Array; synsets: Int32Array };
  numbers: boolean;
  /** Bit sets of the first letters of its initialisms and of its other names. */
  acronymInitials: number;
  nameInitials: number;
}

function ascending(ids: number[]): Int32Array {
  return Int32Array.from(ids).sort();
}

/** Whether an event of `from` may be met in `to` (`Aligner.mayShareEvent`). */
function reachesEvent(from: Reach, to: Reach): boolean {
  const e = from.events;
  return intersects(e.keys, to.keys) || intersects(e.heads, to.heads) || intersects(e.synsets, to.synsets);
}

function intersects(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}

/** Whether a pair written open in one sentence joins into a key of the other (`keys` ascending). */
function closesAny(open: OpenSpellings, keys: Int32Array): boolean {
  const { pairs } = open;
  for (let p = 2; p < pairs.length; p += 3) {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < pairs[p]) lo = mid + 1;
      else hi = mid;
    }
    if (lo < keys.length && keys[lo] === pairs[p]) return true;
  }
  return false;
}

/** A free number of B that is the same figure as `it` to another precision. */
function nearFigure(it: Item, bItems: readonly Item[], matchedB: KeyMarks, aKeys: KeyMarks): Item | undefined {
  for (const o of bItems) {
    if (o.kind === 'number' && !matchedB.has(o.keyId) && !aKeys.has(o.keyId) && (o.unit === it.unit || !o.unit || !it.unit) && sameFigure(it as Figure, o as Figure)) return o;
  }
  return undefined;
}

type Figure = { value: number; step: number };

/**
 * An initialism on one side ("IAEA") meets a run of capitalised names on the other whose
 * initials spell it ("International Atomic Energy Agency"); both get synonym credit.
 */
function expandAcronyms(from: readonly Item[], to: readonly Item[], toKeys: KeyMarks, fromCredit: KeyMarks, toCredit: KeyMarks): void {
  for (const it of from) {
    if (!it.acronym || toKeys.has(it.keyId) || fromCredit.has(it.keyId)) continue;
    const run = initialsRun(it.key, to);
    if (!run) continue;
    fromCredit.set(it.keyId, ALIGN_WEIGHTS.synonym);
    for (const r of run) if (!toCredit.has(r.keyId)) toCredit.set(r.keyId, ALIGN_WEIGHTS.synonym);
  }
}

/** Shortest closed compound looked up in its open spelling. */
const MIN_COMPOUND = 6;

/**
 * The pairs of content items in a row of one sentence whose keys, joined, make a key some text
 * has used ("web" "site" → "website"): item indices, head then tail, and the joined key's id.
 * `keys` is the key count they were looked up at.
 */
interface OpenSpellings {
  keys: number;
  pairs: Int32Array;
}

function openSpellings(items: readonly Item[]): OpenSpellings {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < items.length; i++) {
    const head = items[i];
    if (!isContent(head) || head.key.length < 2) continue;
    for (let j = i + 1; j < items.length && items[j].pos <= head.pos + 1; j++) {
      const tail = items[j];
      if (tail.pos !== head.pos + 1 || !isContent(tail) || tail.key.length < 2 || head.key.length + tail.key.length < MIN_COMPOUND) continue;
      const closed = knownKey(head.key + tail.key);
      if (closed >= 0) pairs.push(i, j, closed);
    }
  }
  return { keys: keyCount(), pairs: pairs.length === 0 ? NO_PAIRS : Int32Array.from(pairs) };
}

const NO_PAIRS = new Int32Array(0);

/**
 * A compound written closed on one side ("website", "cellphone") meets the two adjacent words
 * that write it open on the other ("Web site", "cell phone"); all three get synonym credit. Each
 * closed word meets the first such pair.
 */
function joinCompounds(from: readonly Item[], to: readonly Item[], open: OpenSpellings, fromKeys: KeyMarks, toKeys: KeyMarks, fromCredit: KeyMarks, toCredit: KeyMarks): void {
  const { pairs } = open;
  for (let p = 0; p < pairs.length; p += 3) {
    const closed = pairs[p + 2];
    if (!fromKeys.has(closed) || toKeys.has(closed) || fromCredit.has(closed)) continue;
    // Numbers and dates have keys of their own ("#…"): one that spells a word is a word.
    if (!from.some((it) => it.keyId === closed && isContent(it))) continue;
    fromCredit.set(closed, ALIGN_WEIGHTS.synonym);
    for (const r of [to[pairs[p]], to[pairs[p + 1]]]) if (!toCredit.has(r.keyId)) toCredit.set(r.keyId, ALIGN_WEIGHTS.synonym);
  }
}

/** Consecutive names (small joiners such as "of" may sit between them) whose initials are `letters`. */
function initialsRun(letters: string, items: readonly Item[]): Item[] | undefined {
  const names = items.filter((x) => x.kind === 'name' && !x.acronym).sort((x, y) => x.pos - y.pos);
  // Parts of one hyphenated token share a position and one initial.
  const heads = names.filter((x, i) => i === 0 || names[i - 1].pos !== x.pos);
  for (let start = 0; start < heads.length; start++) {
    let initials = '';
    for (let end = start; end < heads.length; end++) {
      if (end > start && heads[end].pos - heads[end - 1].pos > 2) break;
      initials += heads[end].surface[0].toLowerCase();
      if (initials === letters) return names.filter((x) => x.pos >= heads[start].pos && x.pos <= heads[end].pos);
      if (!letters.startsWith(initials)) break;
    }
  }
  return undefined;
}

function shareSynset(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i])) return true;
  return false;
}

/** A shortening with a full stop and the word it stands for: "gen." ~ "general", "corp." ~ "corporation". */
function abbreviates(short: string, full: string): boolean {
  const n = short.length - 1;
  if (n < 3 || short.charCodeAt(n) !== 46 || full.length <= n + 1) return false;
  return full.startsWith(short.slice(0, n)) && !full.includes('.');
}

/** Fewest leading letters two words must share to count as one stem. */
const MIN_STEM = 4;
/** ...and when the shorter is longer than this, at least one more ("server" is not "service"). */
const SHORT_WORD = 5;

/**
 * Derived forms share a stem: "investigation" ~ "investigate", "messaging" ~ "message", and a
 * short form begins its long one: "Greg" ~ "Gregory", "Iraq" ~ "Iraqi". A short word must be
 * the whole beginning of the other ("store" is not "story").
 */
function sameStem(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  if (n < MIN_STEM) return false;
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  if (n <= SHORT_WORD) return i === n;
  return i >= MIN_STEM + 1 && i >= n - 2;
}
