/**
 * Scores how far two sentences state the same fact: IDF-weighted alignment of their items
 * (same lemma, same name, WordNet synonym, shared stem, same normalised number or date),
 * measured from both sides so that neither sentence may carry much the other lacks. A
 * sentence that packs several facts can still meet a shorter one clause to clause, when the
 * clauses share a number or date ("released in three months" ~ "release a statement in 3 months").
 */
import type { MatchReason } from '../types';
import { sameFigure, type SynonymLookup } from '../lexicon';

type Figure = { value: number; step: number };
import type { Item, SentenceFeatures } from './features';

/** Tunable weights of the matcher; few and global on purpose. */
export const MATCH_WEIGHTS = {
  /** Credit for a WordNet synonym relative to an identical lemma. */
  synonym: 0.8,
  /** Weight of names relative to words (1 = plain IDF; their rarity already weighs them). */
  name: 1,
  /** Extra weight of numbers and dates, for the same reason. */
  quantity: 1.5,
  /** Exponent on IDF: below 1 flattens the gap between rare and common words. */
  idfPower: 0.5,
  /** Credit for two words sharing a long common stem ("investigation" ~ "investigate"). */
  stem: 0.8,
  /** 0 = harmonic mean of the two coverages, 1 = arithmetic mean. */
  arithmetic: 0.5,
  /** Discount on a clause-to-clause match (0 turns clause matching off). */
  clause: 0.9,
  /**
   * Taken off the score for each clause (up to two) whose content the other sentence lacks
   * entirely: such a clause states a further fact, which the other source does not back.
   */
  extraFact: 0.1,
  /** Taken off when one sentence is negated and the other is not ("did" vs "did not"). */
  negation: 0.2,
};

/** Fewest distinct items an unmatched clause needs to count as an extra fact. */
const MIN_EXTRA_FACT_ITEMS = 2;

/** The outcome of comparing a claim with a source sentence. */
export interface MatchResult {
  /** 0..1, both-sided coverage of weighted items. */
  score: number;
  /** The same, ignoring numbers and dates: used to tell a conflict from a different fact. */
  contentScore: number;
  reasons: MatchReason[];
  /** Same kind of number or date with different values on each side. */
  conflict?: { claim: string; source: string };
  /** True when every name on each side is found on the other. */
  namesAgree: boolean;
}

interface Alignment {
  score: number;
  contentScore: number;
  reasons: MatchReason[];
  unmatchedNames: number;
  /** Clauses, on either side, none of whose items the other side has. */
  extraFacts: number;
  /** True when each side has such a clause: neither sentence contains the other. */
  extraOnBothSides: boolean;
}

/** IDF of an interned key id (`key-ids.ts`). */
type Idf = (keyId: number) => number;

// The index hands a new `idf` function whenever the corpus changes, so the function itself
// tags the cached weight.
function weightOf(item: Item, idf: Idf): number {
  if (item.weightTag === idf) return item.weight!;
  const w = Math.pow(idf(item.keyId), MATCH_WEIGHTS.idfPower) * (item.kind === 'name' ? MATCH_WEIGHTS.name : item.kind === 'word' ? 1 : MATCH_WEIGHTS.quantity);
  item.weight = w;
  item.weightTag = idf;
  return w;
}

const isContent = (it: Item) => it.kind === 'word' || it.kind === 'name';

/** Compares claim `a` with source `b`. `idf` gives term weights from the live index. */
export function matchSentences(a: SentenceFeatures, b: SentenceFeatures, idf: Idf, synonyms: SynonymLookup): MatchResult {
  let best = align(a.items, b.items, idf, synonyms);
  // Clause to clause only when each sentence states something the other lacks: when one merely
  // adds to the other, the whole-sentence score (with its extra-fact cut) is the judgement.
  if (MATCH_WEIGHTS.clause > 0 && best.extraOnBothSides) {
    const clause = bestClauseMatch(a.items, b.items, idf, synonyms);
    if (clause && clause.score * MATCH_WEIGHTS.clause > best.score) best = { ...clause, score: clause.score * MATCH_WEIGHTS.clause };
  }
  // "not injured" ~ "without injury", "would not" ~ "refused to": no contradiction when the
  // plain side says the negative with a word of negative sense.
  const contradiction = a.negated !== b.negated && !(a.negated ? b.negativeWord : a.negativeWord) ? MATCH_WEIGHTS.negation : 0;
  return {
    score: Math.max(0, best.score - contradiction),
    contentScore: Math.max(0, best.contentScore - contradiction),
    reasons: best.reasons,
    conflict: findConflict(a, b),
    namesAgree: best.unmatchedNames === 0,
  };
}

/** A sentence's distinct keys (ascending) and their weights, packed for `exactOverlap`. */
interface KeyWeights {
  tag: Idf;
  ids: Int32Array;
  weights: Float64Array;
  total: number;
}

function keyWeights(f: SentenceFeatures, idf: Idf): KeyWeights {
  let kw = f.keyWeights as KeyWeights | undefined;
  if (kw?.tag === idf) return kw;
  const seen = SEEN_A.reset();
  const distinct: Item[] = [];
  for (const it of f.items) {
    const id = it.keyId;
    if (seen.has(id)) continue;
    seen.set(id, 1);
    distinct.push(it);
  }
  distinct.sort((x, y) => x.keyId - y.keyId);
  const ids = new Int32Array(distinct.length);
  const weights = new Float64Array(distinct.length);
  let total = 0;
  distinct.forEach((it, i) => {
    ids[i] = it.keyId;
    weights[i] = weightOf(it, idf);
    total += weights[i];
  });
  kw = { tag: idf, ids, weights, total };
  f.keyWeights = kw;
  return kw;
}

/** Both-sided weighted share of exactly shared keys (no synonyms, stems or clauses). */
export function exactOverlap(a: SentenceFeatures, b: SentenceFeatures, idf: Idf): number {
  const ka = keyWeights(a, idf);
  const kb = keyWeights(b, idf);
  if (ka.total === 0 || kb.total === 0) return 0;
  // Both key lists are sorted: one merge finds the shared keys.
  let sharedA = 0;
  let sharedB = 0;
  for (let i = 0, j = 0; i < ka.ids.length && j < kb.ids.length; ) {
    const x = ka.ids[i];
    const y = kb.ids[j];
    if (x < y) i++;
    else if (x > y) j++;
    else {
      sharedA += ka.weights[i++];
      sharedB += kb.weights[j++];
    }
  }
  return (sharedA / ka.total + sharedB / kb.total) / 2;
}

// Most candidates fail: reasons are only collected (by a second pass) for those that pass.
function align(aItems: readonly Item[], bItems: readonly Item[], idf: Idf, synonyms: SynonymLookup): Alignment {
  const fast = penalised(alignItems(aItems, bItems, idf, synonyms, undefined));
  if (fast.score < REASONS_FLOOR && fast.contentScore < REASONS_FLOOR) return fast;
  const reasons: MatchReason[] = [];
  return { ...penalised(alignItems(aItems, bItems, idf, synonyms, reasons)), reasons };
}

function penalised(m: Alignment): Alignment {
  if (m.extraFacts === 0) return m;
  const cut = MATCH_WEIGHTS.extraFact * Math.min(2, m.extraFacts);
  return { ...m, score: Math.max(0, m.score - cut), contentScore: Math.max(0, m.contentScore - cut) };
}

/** Scores below this never become evidence under any sensible threshold, so their reasons are not built. */
const REASONS_FLOOR = 0.3;
const NO_REASONS: MatchReason[] = [];

function alignItems(aItems: readonly Item[], bItems: readonly Item[], idf: Idf, synonyms: SynonymLookup, collect: MatchReason[] | undefined): Alignment {
  const reasons = collect ?? NO_REASONS;
  const bKeys = B_KEYS.reset();
  for (const it of bItems) bKeys.set(it.keyId, 1);
  // Soft matches claimed on B's side, with their credit.
  const matchedB = MATCHED_B.reset();
  const aKeys = A_KEYS.reset();
  for (const it of aItems) aKeys.set(it.keyId, 1);
  const seenA = SEEN_A.reset();
  let totalA = 0, gotA = 0, contentTotalA = 0, contentGotA = 0;
  let unmatchedNames = 0;
  const clausesA = TALLY_A.reset();
  const clausesB = TALLY_B.reset();

  // Initialisms against the names they abbreviate, in both directions, before anything else.
  const expanded = EXPANDED.reset();
  if (aItems.some(isAcronym) || bItems.some(isAcronym)) {
    expandAcronyms(aItems, bItems, bKeys, expanded, matchedB);
    expandAcronyms(bItems, aItems, aKeys, matchedB, expanded);
  }
  joinCompounds(aItems, bItems, bKeys, expanded, matchedB);
  joinCompounds(bItems, aItems, aKeys, matchedB, expanded);
  bSynsetsMarked = false;
  bStemsMarked = false;

  for (const it of aItems) {
    const id = it.keyId;
    if (seenA.has(id)) continue;
    seenA.set(id, 1);
    const w = weightOf(it, idf);
    totalA += w;
    const content = isContent(it);
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
        credit = MATCH_WEIGHTS.synonym;
        matchedB.set(near.keyId, credit);
        collect?.push({ kind: 'number', claim: it.surface, source: near.surface });
      }
    } else if (content) {
      const soft = softMatch(it, bItems, matchedB, aKeys, synonyms);
      if (soft) {
        credit = soft === SYNONYM ? MATCH_WEIGHTS.synonym : MATCH_WEIGHTS.stem;
        matchedB.set(softItem!.keyId, credit);
        collect?.push({ kind: soft === SYNONYM ? 'synonym' : 'lemma', claim: it.surface, source: softItem!.surface });
      }
    }
    if (credit === 0 && it.kind === 'name') unmatchedNames++;
    clausesA.add(it.clause, credit > 0);
    gotA += w * credit;
    if (content) contentGotA += w * credit;
  }

  let totalB = 0, gotB = 0, contentTotalB = 0, contentGotB = 0;
  const seenB = SEEN_B.reset();
  for (const it of bItems) {
    const id = it.keyId;
    if (seenB.has(id)) continue;
    seenB.set(id, 1);
    const w = weightOf(it, idf);
    totalB += w;
    const content = isContent(it);
    if (content) contentTotalB += w;
    let credit = 0;
    if (seenA.has(id)) credit = 1;
    else if (matchedB.has(id)) credit = matchedB.get(id);
    else if (it.kind === 'name') unmatchedNames++;
    clausesB.add(it.clause, credit > 0);
    gotB += w * credit;
    if (content) contentGotB += w * credit;
  }

  const extraA = clausesA.unmatched();
  const extraB = clausesB.unmatched();
  return {
    score: mean(totalA ? gotA / totalA : 0, totalB ? gotB / totalB : 0),
    contentScore: mean(contentTotalA ? contentGotA / contentTotalA : 0, contentTotalB ? contentGotB / contentTotalB : 0),
    reasons,
    unmatchedNames,
    extraFacts: extraA + extraB,
    extraOnBothSides: extraA > 0 && extraB > 0,
  };
}

/**
 * A map from key id to a number, emptied in O(1) by moving to a new generation. Alignments
 * never nest, so one instance per role is reused by every call.
 */
class KeyMarks {
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
      const size = Math.max(id + 1, this.stamps.length * 2);
      const stamps = new Int32Array(size);
      const values = new Float64Array(size);
      stamps.set(this.stamps);
      values.set(this.values);
      this.stamps = stamps;
      this.values = values;
    }
    this.stamps[id] = this.generation;
    this.values[id] = value;
  }
}

const B_KEYS = new KeyMarks();
const A_KEYS = new KeyMarks();
const MATCHED_B = new KeyMarks();
const SEEN_A = new KeyMarks();
const SEEN_B = new KeyMarks();
const EXPANDED = new KeyMarks();

/** A free number of B that is the same figure as `it` to another precision. */
function nearFigure(it: Item, bItems: readonly Item[], matchedB: KeyMarks, aKeys: KeyMarks): Item | undefined {
  for (const o of bItems) {
    if (o.kind === 'number' && !matchedB.has(o.keyId) && !aKeys.has(o.keyId) && (o.unit === it.unit || !o.unit || !it.unit) && sameFigure(it as Figure, o as Figure)) return o;
  }
  return undefined;
}

/**
 * Per clause (clauses are small consecutive numbers): how many distinct items it holds and
 * whether any was matched. Reused between alignments (they never nest) to spare allocations.
 */
class ClauseTally {
  private items = new Int32Array(32);
  private matched = new Uint8Array(32);
  private top = -1;
  reset(): this {
    for (let c = 0; c <= this.top; c++) {
      this.items[c] = 0;
      this.matched[c] = 0;
    }
    this.top = -1;
    return this;
  }
  add(clause: number, matched: boolean): void {
    if (clause >= this.items.length) {
      const items = new Int32Array(clause * 2);
      const flags = new Uint8Array(clause * 2);
      items.set(this.items);
      flags.set(this.matched);
      this.items = items;
      this.matched = flags;
    }
    if (clause > this.top) this.top = clause;
    this.items[clause]++;
    if (matched) this.matched[clause] = 1;
  }
  /** Clauses with enough items and none of them matched. */
  unmatched(): number {
    let n = 0;
    for (let c = 0; c <= this.top; c++) if (this.items[c] >= MIN_EXTRA_FACT_ITEMS && this.matched[c] === 0) n++;
    return n;
  }
}

const TALLY_A = new ClauseTally();
const TALLY_B = new ClauseTally();
const isAcronym = (it: Item) => it.acronym === true;

function mean(x: number, y: number): number {
  const harmonic = x + y === 0 ? 0 : (2 * x * y) / (x + y);
  return MATCH_WEIGHTS.arithmetic * ((x + y) / 2) + (1 - MATCH_WEIGHTS.arithmetic) * harmonic;
}

/** Fewest distinct items a clause needs to stand as a fact of its own. */
const MIN_CLAUSE_ITEMS = 4;

// Only clauses that share a number or date are compared: a shared figure anchors the fact.
function bestClauseMatch(aItems: readonly Item[], bItems: readonly Item[], idf: Idf, synonyms: SynonymLookup): Alignment | undefined {
  const bQuantities = new Map<string, number[]>();
  for (const it of bItems) if (it.kind === 'number' || it.kind === 'date') (bQuantities.get(it.key) ?? bQuantities.set(it.key, []).get(it.key)!).push(it.clause);
  let best: Alignment | undefined;
  const tried = new Set<string>();
  for (const it of aItems) {
    if (it.kind !== 'number' && it.kind !== 'date') continue;
    for (const cb of bQuantities.get(it.key) ?? []) {
      const pair = `${it.clause}:${cb}`;
      if (tried.has(pair)) continue;
      tried.add(pair);
      for (const ca of clauseWindows(aItems, it.clause)) {
        for (const cbItems of clauseWindows(bItems, cb)) {
          const m = align(ca, cbItems, idf, synonyms);
          if (!best || m.score > best.score) best = m;
        }
      }
    }
  }
  return best;
}

// The clause alone, and with the clause before it, which may hold its subject when a
// conjunction split it off ("the results of the probe | will be released in three months").
function clauseWindows(items: readonly Item[], clause: number): Item[][] {
  const alone = items.filter((x) => x.clause === clause);
  const withPrevious = items.filter((x) => x.clause === clause || x.clause === clause - 1);
  const big = (w: Item[]) => new Set(w.map((x) => x.key)).size >= MIN_CLAUSE_ITEMS;
  const out = big(alone) ? [alone] : [];
  if (withPrevious.length > alone.length && big(withPrevious)) out.push(withPrevious);
  return out;
}

/**
 * An initialism on one side ("IAEA") meets a run of capitalised names on the other whose
 * initials spell it ("International Atomic Energy Agency"); both get synonym credit.
 */
function expandAcronyms(from: readonly Item[], to: readonly Item[], toKeys: KeyMarks, fromCredit: KeyMarks, toCredit: KeyMarks): void {
  for (const it of from) {
    if (!it.acronym || toKeys.has(it.keyId) || fromCredit.has(it.keyId)) continue;
    const run = initialsRun(it.key, to);
    if (!run) continue;
    fromCredit.set(it.keyId, MATCH_WEIGHTS.synonym);
    for (const r of run) if (!toCredit.has(r.keyId)) toCredit.set(r.keyId, MATCH_WEIGHTS.synonym);
  }
}

/**
 * A compound written closed on one side ("website", "cellphone") meets the two adjacent words
 * that write it open on the other ("Web site", "cell phone"); all three get synonym credit.
 */
function joinCompounds(from: readonly Item[], to: readonly Item[], toKeys: KeyMarks, fromCredit: KeyMarks, toCredit: KeyMarks): void {
  for (const it of from) {
    if (!isContent(it) || it.key.length < 6 || toKeys.has(it.keyId) || fromCredit.has(it.keyId)) continue;
    const pair = openSpelling(it.key, to);
    if (!pair) continue;
    fromCredit.set(it.keyId, MATCH_WEIGHTS.synonym);
    for (const r of pair) if (!toCredit.has(r.keyId)) toCredit.set(r.keyId, MATCH_WEIGHTS.synonym);
  }
}

/** Two content items in a row whose keys, joined, are `key`. */
function openSpelling(key: string, items: readonly Item[]): [Item, Item] | undefined {
  // Most items fail on the first letter: compared as a char code before any string call.
  const first = key.charCodeAt(0);
  for (let i = 0; i + 1 < items.length; i++) {
    const head = items[i];
    if (head.key.charCodeAt(0) !== first || !isContent(head) || head.key.length < 2 || head.key.length > key.length - 2 || !key.startsWith(head.key)) continue;
    for (let j = i + 1; j < items.length && items[j].pos <= head.pos + 1; j++) {
      const tail = items[j];
      if (tail.pos === head.pos + 1 && isContent(tail) && head.key.length + tail.key.length === key.length && key.endsWith(tail.key)) return [head, tail];
    }
  }
  return undefined;
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

const SYNONYM = 1;
const STEM = 2;
/** The B item of the last successful `softMatch` (a module slot, so no result object is allocated). */
let softItem: Item | undefined;

/**
 * The best inexact partner of a word or name among B's free ones (not met exactly, not yet
 * claimed): a WordNet synonym (words only), else a shared stem. Returns SYNONYM, STEM or 0 and
 * leaves the partner in `softItem`.
 */
function softMatch(it: Item, bItems: readonly Item[], matchedB: KeyMarks, aKeys: KeyMarks, synonyms: SynonymLookup): number {
  // One pass: a synonym anywhere beats the first shared stem.
  let stem: Item | undefined;
  // WordNet lists few names; for them only the stem is worth a look ("America" ~ "American").
  let mine = it.kind === 'word' ? synsetsOf(it, synonyms) : NO_SYNSETS;
  // Most words have no synonym in B at all: B's synsets, marked once per alignment, say so
  // without comparing synset lists item by item.
  if (mine.length > 0 && !anyMarkedSynset(mine, bItems, synonyms)) mine = NO_SYNSETS;
  // Likewise a stem or an abbreviation needs three leading letters in common with some B item.
  if (mine.length === 0 && (MATCH_WEIGHTS.stem === 0 || !stemMarked(it, bItems))) {
    softItem = undefined;
    return 0;
  }
  for (const o of bItems) {
    if ((o.kind !== 'word' && o.kind !== 'name') || matchedB.has(o.keyId) || aKeys.has(o.keyId)) continue;
    if (mine.length > 0 && o.kind === 'word' && shareSynset(mine, synsetsOf(o, synonyms))) {
      softItem = o;
      return SYNONYM;
    }
    if (!stem && MATCH_WEIGHTS.stem > 0 && (sameStem(it.key, o.key) || abbreviates(it.key, o.key) || abbreviates(o.key, it.key))) stem = o;
  }
  softItem = stem;
  return stem ? STEM : 0;
}

const NO_SYNSETS: readonly number[] = [];

/** The synsets of B's words, marked on the first soft match an alignment needs. */
const B_SYNSETS = new KeyMarks();
let bSynsetsMarked = false;

function anyMarkedSynset(mine: readonly number[], bItems: readonly Item[], synonyms: SynonymLookup): boolean {
  if (!bSynsetsMarked) {
    B_SYNSETS.reset();
    for (const o of bItems) if (o.kind === 'word') for (const id of synsetsOf(o, synonyms)) B_SYNSETS.set(id, 1);
    bSynsetsMarked = true;
  }
  for (let i = 0; i < mine.length; i++) if (B_SYNSETS.has(mine[i])) return true;
  return false;
}

/** The first three letters of B's words and names, marked on the first soft match an alignment needs. */
const B_STEMS = new KeyMarks();
let bStemsMarked = false;
const STEM_IDS = new Map<string, number>();

/**
 * The interned id of an item's first three letters, or -1 when its key is shorter: both
 * `sameStem` and `abbreviates` need at least that much in common.
 */
function stemIdOf(it: Item): number {
  let id = it.stemId;
  if (id === undefined) {
    if (it.key.length < 3) id = -1;
    else {
      const head = it.key.slice(0, 3);
      id = STEM_IDS.get(head);
      if (id === undefined) STEM_IDS.set(head, (id = STEM_IDS.size));
    }
    it.stemId = id;
  }
  return id;
}

function stemMarked(it: Item, bItems: readonly Item[]): boolean {
  const id = stemIdOf(it);
  if (id < 0) return false;
  if (!bStemsMarked) {
    B_STEMS.reset();
    for (const o of bItems) if (o.kind === 'word' || o.kind === 'name') {
      const oid = stemIdOf(o);
      if (oid >= 0) B_STEMS.set(oid, 1);
    }
    bStemsMarked = true;
  }
  return B_STEMS.has(id);
}

/** An item's WordNet synset ids, cached on the item for the lookup that produced them. */
function synsetsOf(it: Item, synonyms: SynonymLookup): readonly number[] {
  if (it.synsetsTag !== synonyms) {
    it.synsets = synonyms.synsets(it.key);
    it.synsetsTag = synonyms;
  }
  return it.synsets!;
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

/**
 * Derived forms share a stem: "investigation" ~ "investigate", "earned" ~ "earnings", and a
 * short form begins its long one: "Greg" ~ "Gregory", "Iraq" ~ "Iraqi".
 */
function sameStem(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  if (n < MIN_STEM) return false;
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i >= MIN_STEM && i >= n - 2;
}

/** A number with the same unit, or a date of the same kind, that differs between the two sentences. */
export function findConflict(a: SentenceFeatures, b: SentenceFeatures): { claim: string; source: string } | undefined {
  for (const qa of a.quantities) {
    const sameUnit = b.quantities.filter((qb) => qb.unit === qa.unit && qa.unit !== '');
    if (sameUnit.length > 0 && !sameUnit.some((qb) => sameFigure(qb, qa))) {
      // Only when A has no other figure of that unit that B shares (lists of figures are not conflicts).
      const shared = a.quantities.some((x) => x.unit === qa.unit && sameUnit.some((qb) => sameFigure(qb, x)));
      if (!shared) return { claim: qa.text, source: sameUnit[0].text };
    }
  }
  for (const kind of ['y', 'md'] as const) {
    const pick = (keys: string[]) => keys.filter((k) => (kind === 'y' ? k.startsWith('y') : /^m\d+-d/.test(k)));
    const da = a.dates.filter((d) => pick(d.keys).length > 0);
    const db = b.dates.filter((d) => pick(d.keys).length > 0);
    if (da.length === 0 || db.length === 0) continue;
    const ka = new Set(da.flatMap((d) => pick(d.keys)));
    if (!db.some((d) => pick(d.keys).some((k) => ka.has(k)))) return { claim: da[0].text, source: db[0].text };
  }
  return undefined;
}
