/**
 * The scoring policy: how far a source sentence states what a claim states.
 *
 * Two readings of one alignment (`align.ts`):
 * - **paraphrase**: coverage measured from both sides, less a cut for each clause one side
 *   lacks entirely; a sentence that packs several facts may still meet a shorter one clause to
 *   clause when the clauses share a figure ("released in three months" ~ "release a statement
 *   in 3 months");
 * - **backing**, directional: the share of one of the claim's facts that the source states,
 *   whatever else the source says ("It found that Xiaomi was sending user information to
 *   servers based in China" is backed by a longer sentence about F-Secure's report).
 * The index (`index.ts`) turns these into evidence, with a higher bar across stories.
 */
import type { MatchReason } from '../types';
import type { SynonymLookup } from '../lexicon';
import type { Item, SentenceFeatures } from './features';
import { Aligner, ALIGN_WEIGHTS, type Coverage, type Idf } from './align';
import { findConflict, type Conflict } from './conflicts';
import { KeyMarks, type GroupTally } from './scratch';

export type { Idf } from './align';

/** Tunable weights of the scoring policy; few and global on purpose. */
export const MATCH_WEIGHTS = {
  ...ALIGN_WEIGHTS,
  /** 0 = harmonic mean of the two coverages, 1 = arithmetic mean. */
  arithmetic: 0.5,
  /** Discount on a clause-to-clause match (0 turns clause matching off). */
  clause: 0.9,
  /**
   * Taken off the paraphrase score for each clause (up to two) whose content the other sentence
   * lacks entirely: such a clause states a further fact, which the other source does not back.
   */
  extraFact: 0.1,
  /** Taken off when one sentence is negated and the other is not ("did" vs "did not"). */
  negation: 0.2,
  /** Discount on backing one fact of a claim that states several, against backing all of it. */
  partFact: 0.9,
  /**
   * Backing kept when the claim's fact names someone the source does not and the source names
   * someone else beside what it shares: other participants, likely another event ("Colts beat
   * Jaguars" against "Colts beat Chiefs").
   */
  nameClash: 0.75,
};

/** Fewest distinct items an unmatched clause needs to count as an extra fact. */
const MIN_EXTRA_FACT_ITEMS = 2;
/** Fewest distinct items a clause needs to stand as a fact of its own in clause-to-clause matching. */
const MIN_CLAUSE_ITEMS = 4;
/** Words a fact needs met when none is met as written (only through stems or synonyms). */
const MIN_SOFT_WORDS = 3;
/** A fact is backed only when this many of its items are met, one of them a word (its event or state), not only names. */
const MIN_BACKED_ITEMS = 2;
/**
 * A fact that states this many events (verbs, `events.ts`) or more, none of which the source
 * meets, is another fact: "all data is secured when uploaded to Xiaomi servers" is not backed by
 * "Xiaomi was sending user information to servers", which meets its data and servers. On the
 * BBC folder this took 203 links off, about 3 in 14 sampled right ("Sony, IBM and Toshiba have
 * released limited data about the Cell chip" ~ "unveiled the chip on Monday"); ECB+ dev recall
 * 0.3640 → 0.3614 at the same fact precision. One unmet verb is often a light one ("initiated a
 * probe" ~ "launching an investigation"): asking it of every fact took ECB+ recall 0.350 → 0.325.
 */
const MIN_UNMET_EVENTS = 2;
/**
 * Fewest names, content words and figures a fact needs met to be backed on that alone; with one
 * fewer, both words must be met as written, or one of the two must be a figure or date ("killing
 * 10 people" ~ "Ten people were killed"), and a lone figure needs the word it counts. On the BBC
 * folder this takes 316 claims off corroborated (15 of 15 sampled were topic links: "search is
 * hardly a new phenomenon" ~ "launch search software"); ECB+ dev recall 0.289 → 0.286 at the
 * same fact precision.
 */
const SPECIFIC_ITEMS = 3;
/** Coverage from which a fact counts as backed (`MatchResult.backedFacts`). */
const FACT_BACKED = 0.6;

/** The outcome of comparing a claim with a source sentence. */
export interface MatchResult {
  /** 0..1: the paraphrase reading (both sides' coverage). */
  paraphrase: number;
  /** The paraphrase reading ignoring numbers and dates: tells a conflict from a different fact. */
  contentScore: number;
  /** 0..1: the share of the claim's best-backed fact (or all of it) that the source states. */
  backing: number;
  /** The claim's fact the source backs best (`SentenceFeatures.facts`), or -1 for the whole claim. */
  fact: number;
  /** Every fact of the claim the source backs. */
  backedFacts: number[];
  /** Same kind of number or date with different values on each side. */
  conflict?: Conflict;
  /** Content share (no figures or dates) that the source states of the claim's fact holding the conflicting value (0 when none). */
  conflictContent: number;
  /** True when every name on each side is found on the other. */
  namesAgree: boolean;
  /** One side says the opposite of the other: a negation, or "outside" against "in". */
  opposed: boolean;
}

interface Paraphrase {
  score: number;
  contentScore: number;
  unmatchedNames: number;
  extraFacts: number;
  extraOnBothSides: boolean;
}

interface Backing {
  backing: number;
  fact: number;
  backedFacts: number[];
}

/** A sentence's distinct keys (ascending) and their weights, packed for `exactOverlap`. */
interface KeyWeights {
  tag: Idf;
  /** The sentence's first item of each key, by key. */
  items: readonly Item[];
  ids: Int32Array;
  weights: Float64Array;
  total: number;
}

/** Scores claims against source sentences. Owns its scratch space: create one per index. */
export class Matcher {
  private readonly aligner: Aligner;
  private readonly seen = new KeyMarks();

  /** `isEvent` tells a word that states an event (`events.ts`); without it no fact has one. */
  constructor(synonyms: SynonymLookup, isEvent?: (it: Item) => boolean) {
    this.aligner = new Aligner(synonyms, isEvent);
  }

  /** False when the two share nothing `match` could credit: it would score the pair 0 (`Aligner.mayMeet`). */
  mayMeet(a: SentenceFeatures, b: SentenceFeatures): boolean {
    return this.aligner.mayMeet(a.items, b.items);
  }

  /** Whether an event either states may be met in the other (`Aligner.mayShareEvent`). */
  mayShareEvent(a: SentenceFeatures, b: SentenceFeatures): boolean {
    return this.aligner.mayShareEvent(a.items, b.items);
  }

  /** Compares claim `a` with source `b`. `idf` gives term weights from the live index. */
  match(a: SentenceFeatures, b: SentenceFeatures, idf: Idf): MatchResult {
    const aligner = this.aligner;
    const cov = aligner.align(a.items, b.items, idf);
    const backing = this.backing(a, cov);
    let para = paraphrase(cov, aligner);
    // Read before clause matching re-uses the aligner's tallies.
    const conflict = findConflict(a, b);
    const conflictItem = conflict ? a.items.find((it) => it.pos === conflict.claimToken && (it.kind === 'number' || it.kind === 'date')) : undefined;
    const conflictContent = conflictItem && conflictItem.fact >= 0 ? this.factContent(conflictItem.fact) : 0;
    // Clause to clause only when each sentence states something the other lacks: when one merely
    // adds to the other, the whole-sentence score (with its extra-fact cut) is the judgement.
    if (MATCH_WEIGHTS.clause > 0 && para.extraOnBothSides) {
      const clause = this.bestClauseMatch(a.items, b.items, idf);
      if (clause && clause.score * MATCH_WEIGHTS.clause > para.score) para = { ...clause, score: clause.score * MATCH_WEIGHTS.clause };
    }
    const opposed = cov.opposed;
    const contradiction = opposed ? MATCH_WEIGHTS.negation : 0;
    const paraphraseScore = Math.max(0, para.score - contradiction);
    return {
      paraphrase: paraphraseScore,
      contentScore: Math.max(0, para.contentScore - contradiction),
      backing: Math.max(0, backing.backing - contradiction),
      fact: backing.fact,
      backedFacts: backing.backedFacts,
      conflict,
      conflictContent,
      namesAgree: para.unmatchedNames === 0,
      opposed,
    };
  }

  /**
   * What met what between a claim and a source, for the evidence shown to a user. Most pairs
   * become no evidence, so `match` does not collect these; a second alignment does.
   */
  reasons(a: SentenceFeatures, b: SentenceFeatures, idf: Idf): MatchReason[] {
    return this.aligner.align(a.items, b.items, idf, []).reasons;
  }

  /** Both-sided weighted share of exactly shared keys (no synonyms, stems or clauses): `a` the claim's side, `b` the source's. */
  exactOverlap(a: SentenceFeatures, b: SentenceFeatures, idf: Idf): { a: number; b: number } {
    const ka = this.keyWeights(a, idf);
    const kb = this.keyWeights(b, idf);
    if (ka.total === 0 || kb.total === 0) return { a: 0, b: 0 };
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
    return { a: sharedA / ka.total, b: sharedB / kb.total };
  }

  /** Whether the source names someone the claim does not, in a clause that shares something with the claim. */
  private otherNamesInB(): boolean {
    const b = this.aligner.clausesB;
    for (let c = 0; c <= b.top; c++) if (b.matched[c] > 0 && b.unmatchedNames[c] > 0) return true;
    return false;
  }

  /**
   * The content share of one of the claim's facts met in the last alignment; 0 unless one of its
   * words is met as written (synonyms alone, "result ~ event", "release ~ issue", do not make one fact).
   */
  private factContent(f: number): number {
    const facts = this.aligner.factsA;
    return f <= facts.top && facts.contentWeight[f] > 0 && facts.exactContent[f] > 0 ? facts.contentGot[f] / facts.contentWeight[f] : 0;
  }

  /** The claim's best-backed fact, read from the aligner's per-fact tallies. */
  private backing(a: SentenceFeatures, cov: Coverage): Backing {
    const facts = this.aligner.factsA;
    let best = -1;
    let bestScore = 0;
    const backedFacts: number[] = [];
    for (let f = 0; f <= facts.top; f++) {
      // A fact of names with a word or none is who someone is ("Gin-Shian Lou, a director at…"), not
      // what happened; nor is one whose other word frames it ("Ladbrokes spokesman Warren Lush said":
      // on the BBC folder 14 of 15 such links sampled were two quotes of one speaker on different things).
      if (facts.weight[f] === 0 || facts.matched[f] < MIN_BACKED_ITEMS || facts.matchedWords[f] === 0 || facts.items[f] - facts.names[f] - facts.framing[f] < 2) continue;
      // A figure is what a fact with one asserts ("27 percent of the market"): a source that does not state it backs only the topic.
      if (facts.unmatchedFigures[f] > 0) continue;
      if (facts.events[f] >= MIN_UNMET_EVENTS && facts.eventsMet[f] === 0) continue;
      // A source that says the fact's event with the opposite polarity denies it: "personal data
      // are not secured" against "all data is secured when uploaded". ECB+ dev: 53 links fewer at
      // the same recall.
      if (facts.eventsOpposed[f] > 0) continue;
      // One name or word met (beside a reporting verb or the word a figure counts), or two of which
      // one only through a stem or synonym, is a shared topic ("Privately ministers believe" ~ "a
      // private meeting with the Deputy Prime Minister").
      if (!specific(facts, f)) continue;
      // A denial is backed by a denial: a source that meets its subject and object but not what is
      // denied says something else, often the opposite ("Xiaomi does not collect any information
      // without user permission" ~ "It found that Xiaomi was sending user information"). On the
      // BBC folder this takes 137 claims off corroborated (12 of 15 sampled were wrong).
      if (a.negated && facts.negated[f] > 0 && facts.negatedMet[f] === 0) continue;
      // Words met only through stems or synonyms, fewer than three, beside names, are a topic:
      // "Chinese smartphone manufacturer faces yet another controversy" ~ "The Chinese company that
      // manufactures Xiaomi is looking to expand" (manufacturer ~ manufactures, faces ~ looking).
      // With two allowed, the BBC folder had 63 more links, 10 of 12 sampled topic links; ECB+ dev
      // recall 0.3595 → 0.3589 at the same fact precision.
      if (facts.exactWords[f] === 0 && facts.matchedWords[f] < MIN_SOFT_WORDS) continue;
      const coverage = facts.got[f] / facts.weight[f];
      if (coverage >= FACT_BACKED) backedFacts.push(f);
      if (coverage > bestScore) {
        bestScore = coverage;
        best = f;
      }
    }
    if (best < 0) return { backing: 0, fact: -1, backedFacts };
    // Backing one fact of several is less than backing the claim: its other facts may stand alone.
    const all = backedFacts.length === a.facts.length;
    const clash = facts.unmatchedNames[best] > 0 && this.otherNamesInB() ? MATCH_WEIGHTS.nameClash : 1;
    const backing = (all ? Math.max(bestScore, cov.a) : bestScore * MATCH_WEIGHTS.partFact) * clash;
    return { backing, fact: all ? -1 : best, backedFacts };
  }

  private keyWeights(f: SentenceFeatures, idf: Idf): KeyWeights {
    let kw = f.keyWeights as KeyWeights | undefined;
    if (kw?.tag === idf) return kw;
    if (!kw) {
      // The distinct keys of a sentence never change; only their weights follow the folder.
      const seen = this.seen.reset();
      const distinct: Item[] = [];
      for (const it of f.items) {
        const id = it.keyId;
        if (seen.has(id)) continue;
        seen.set(id, 1);
        distinct.push(it);
      }
      distinct.sort((x, y) => x.keyId - y.keyId);
      kw = { tag: idf, items: distinct, ids: Int32Array.from(distinct, (it) => it.keyId), weights: new Float64Array(distinct.length), total: 0 };
      f.keyWeights = kw;
    }
    // Every edit makes a new IDF function: the weights are refreshed in place, not packed anew
    // for each candidate sentence of the next analysis (most of what judging them allocated).
    let total = 0;
    for (let i = 0; i < kw.items.length; i++) {
      kw.weights[i] = this.aligner.weightOf(kw.items[i], idf);
      total += kw.weights[i];
    }
    kw.tag = idf;
    kw.total = total;
    return kw;
  }

  // Only clauses that share a number or date are compared: a shared figure anchors the fact.
  private bestClauseMatch(aItems: readonly Item[], bItems: readonly Item[], idf: Idf): Paraphrase | undefined {
    // Most pairs have no figure on one side: nothing to anchor, and no tables to build.
    if (!aItems.some(isQuantity) || !bItems.some(isQuantity)) return undefined;
    const bQuantities = new Map<string, number[]>();
    for (const it of bItems) if (it.kind === 'number' || it.kind === 'date') (bQuantities.get(it.key) ?? bQuantities.set(it.key, []).get(it.key)!).push(it.clause);
    let best: Paraphrase | undefined;
    const tried = new Set<string>();
    for (const it of aItems) {
      if (it.kind !== 'number' && it.kind !== 'date') continue;
      for (const cb of bQuantities.get(it.key) ?? []) {
        const pair = `${it.clause}:${cb}`;
        if (tried.has(pair)) continue;
        tried.add(pair);
        for (const ca of clauseWindows(aItems, it.clause)) {
          for (const cbItems of clauseWindows(bItems, cb)) {
            const m = paraphrase(this.aligner.align(ca, cbItems, idf), this.aligner);
            if (!best || m.score > best.score) best = m;
          }
        }
      }
    }
    return best;
  }
}

/** The both-sided reading of an alignment, with the cut for clauses one side lacks. */
function paraphrase(cov: Coverage, aligner: Aligner): Paraphrase {
  const extraA = aligner.clausesA.unmatched(MIN_EXTRA_FACT_ITEMS);
  const extraB = aligner.clausesB.unmatched(MIN_EXTRA_FACT_ITEMS);
  const extraFacts = extraA + extraB;
  const cut = MATCH_WEIGHTS.extraFact * Math.min(2, extraFacts);
  return {
    score: Math.max(0, mean(cov.a, cov.b) - cut),
    contentScore: Math.max(0, mean(cov.contentA, cov.contentB) - cut),
    unmatchedNames: cov.unmatchedNames,
    extraFacts,
    extraOnBothSides: extraA > 0 && extraB > 0,
  };
}

/** Whether enough of a fact was met, and specific enough, to say the source states it (SPECIFIC_ITEMS). */
function specific(facts: GroupTally, f: number): boolean {
  const met = facts.matchedContent[f] + facts.matchedQuantities[f];
  if (met >= SPECIFIC_ITEMS) return true;
  // A figure met with the word it counts (framing, not content) says what the fact is about: "will
  // release a statement in 3 months" ~ "resolved within three months".
  if (met === 1 && facts.matchedQuantities[f] === 1 && facts.matched[f] >= 2) return true;
  return met === SPECIFIC_ITEMS - 1 && (facts.exactContent[f] >= 2 || facts.matchedQuantities[f] > 0);
}

const isQuantity = (it: Item) => it.kind === 'number' || it.kind === 'date';

function mean(x: number, y: number): number {
  const harmonic = x + y === 0 ? 0 : (2 * x * y) / (x + y);
  return MATCH_WEIGHTS.arithmetic * ((x + y) / 2) + (1 - MATCH_WEIGHTS.arithmetic) * harmonic;
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
