/**
 * Stories: documents grouped by what they report, before sentences are matched. Inside one
 * story the same event words mostly mean the same event; across stories ("an earthquake in
 * Indonesia" and "an earthquake in Chile") they often do not, so the matcher asks more there.
 *
 * A document's profile is its names, content lemmas, figures and dates, each weighed by how
 * rare it is in general English (SUBTLEX counts), not by how rare it is in the folder: a folder
 * of five reports of one story says nothing about which of its words are rare, and weights
 * that depend only on the document keep an incrementally updated folder equal to a fresh one.
 * Two documents are close when their profiles are (cosine) and they share a rare name or word;
 * leads that disagree on a figure or the year, or that are each about someone the other never
 * names, make them less so (sister events). Stories are average-linkage clusters of that
 * similarity, with each copy group joined first (a copy is the same text, so it can never tell
 * two stories apart), each then cut where wording and the leads' years both say it holds two
 * sister events (`sister-events.ts`); a brief of one or two sentences joins the story nearest to
 * it but founds none.
 */
import type { SentenceFeatures } from './features';
import { keyOf } from './key-ids';
import type { WordRarity } from '../lexicon';
import { findDates, type DateMention } from '../lexicon/dates';
import type { Sentence } from '../text/parse';
import { grownFor, KeyMarks } from './scratch';
import { splitSisterEvents } from './sister-events';
import { averageLinkage } from './average-linkage';

/** How a story index is tuned; the defaults were chosen on ECB+ dev's document pairs (see README). */
export interface StoryOptions {
  /** Cosine of two profiles from which two documents are one story (default 0.3). */
  minSimilarity?: number;
  /** Terms kept per profile, heaviest first (default 60). */
  profileSize?: number;
}

export const DEFAULT_STORY_SIMILARITY = 0.3;
const DEFAULT_PROFILE_SIZE = 60;
/** Weight of a figure or a date key: as telling as a fairly rare word, since sister events differ in them. */
const QUANTITY_RARITY = 5;
/** Below this general rarity (natural log of inverse frequency) a word says nothing of the story ("say", "year"). */
const RARITY_FLOOR = 6;
/**
 * A name or word at least this rare (above RARITY_FLOOR) and among a profile's ANCHOR_TERMS
 * heaviest anchors a story: two documents of one story share one. Only anchors find candidate
 * documents, so finding stories stays near linear in a large folder.
 */
const ANCHOR_RARITY = 4;
const ANCHOR_TERMS = 10;
/** The lead (headline and first sentences) says which event a report is about; background further down often recalls its sister events. */
export const LEAD_SENTENCES = 5;
/** Sister cuts remembered at most (`StoryIndex.cuts`): more than a folder has clusters. */
const MAX_CUTS_KEPT = 20_000;
const LEAD_WEIGHT = 2;
/** Similarity kept for each figure two leads disagree on. */
const FIGURE_DISAGREEMENT = 0.5;
/** Mentions (a lead mention counts LEAD_WEIGHT) that make a lead name the report's participant, not a passing one. */
const RIVAL_MENTIONS = 3;
/** Fewest claims a document needs to join a story. */
const MIN_STORY_SENTENCES = 3;
/** Pairs less similar than this count as unrelated when averaging (and are not stored). */
const EDGE_FLOOR = 0.1;

interface Profile {
  keys: Int32Array;
  /** L2-normalised. */
  weights: Float64Array;
  /** 1 for a key rare enough to anchor a story (a name or rare word, never a figure: every report of 2004 is not one story). */
  anchor: Uint8Array;
  /** The lead's figures by what they count ("pirate" → 26) and its years: two reports of one event agree on them. */
  figures: Map<string, Set<number>>;
  /** Every name the document mentions (key ids). */
  mentioned: Set<number>;
  /** The WordNet synsets of the names it mentions: "Taiwanese" names Taiwan. */
  mentionedSynsets: Set<number>;
  /** The names among its heaviest terms that its lead mentions: who the report is about. */
  leads: Array<{ key: number; synsets: readonly number[] }>;
  /** Every term of its claims (key ids, ascending) and how often it occurs: what tells sister events apart is often common words. */
  bagKeys: Int32Array;
  bagCounts: Float64Array;
  /** The years the document's first lines name, its dateline's included (the claims leave datelines out). */
  leadYears: Set<number>;
  /** Too short to found a story (fewer than MIN_STORY_SENTENCES sentences): it may only join one. */
  short: boolean;
}

const EMPTY_PROFILE: Profile = { keys: new Int32Array(0), weights: new Float64Array(0), anchor: new Uint8Array(0), figures: new Map(), mentioned: new Set(), mentionedSynsets: new Set(), leads: [], leadYears: new Set(), bagKeys: new Int32Array(0), bagCounts: new Float64Array(0), short: true };

/** The folder's stories, kept up to date one document at a time. */
export class StoryIndex {
  private readonly minSimilarity: number;
  private readonly profileSize: number;
  private readonly profiles = new Map<string, Profile>();
  /** Anchor term → documents whose profile holds it. */
  private readonly postings = new Map<number, Set<string>>();
  /** Documents too short to found a story (`Profile.short`), read after every clustering. */
  private readonly shortIds = new Set<string>();
  /** Document → its neighbours with a profile similarity of at least EDGE_FLOOR. */
  private readonly edges = new Map<string, Map<string, number>>();
  /** Whether the stories below are those of the present profiles and copy groups. */
  private current = false;
  /** Each document's story number, for documents that share their story (the others have none). */
  private readonly storyNumbers = new Map<string, number>();
  /** The documents whose story number changed in the last computation, or undefined when all may have. */
  private lastChanged: readonly string[] | undefined;
  /** The stories of two or more documents as `stories()` gives them, and the computation they are of. */
  private groups: string[][] = [];
  private groupsOf = -1;
  /** Each document's copy group (its members joined) at the last computation; documents in none are absent. */
  private copyGroupOf = new Map<string, string>();
  private copiesSeen: readonly string[][] | undefined;
  /** The clusters of the last computation, by their first member, and each document's; documents changed since. */
  private clusterOf: Map<string, string> | undefined;
  private clusters = new Map<string, string[]>();
  private readonly dirty = new Set<string>();
  /** Documents removed but not yet taken out (see `remove`). */
  private readonly leaving = new Set<string>();
  /** How many times the stories were worked out. */
  private computed = 0;
  /**
   * Story numbers by cluster (its first member). A cluster kept anew with other members gets a
   * new number, so a number never names two different memberships, and the others keep theirs:
   * a reader of the numbers needs to hear only of the documents whose number changed.
   */
  private readonly numberOf = new Map<string, number>();
  private nextNumber = 0;
  /**
   * The numbers of the clusters dropped in the re-clustering under way, by membership: most
   * edits leave their story's members as they were, and the story then keeps its number (and
   * whatever was worked out for it, such as a claim's evidence, stays valid).
   */
  private readonly droppedNumbers = new Map<string, number>();
  /** The short documents the last computation joined to a cluster, and the cluster each joined. */
  private joinedTo = new Map<string, string>();
  /** Documents whose story may have changed in the computation under way. */
  private readonly touched = new Set<string>();
  /**
   * The profile being placed, its weights and anchors by key id: each candidate's cosine is then
   * one pass over the candidate's own keys (a document has hundreds of candidates).
   */
  private readonly placing = new KeyMarks();
  private readonly placingAnchors = new KeyMarks();
  /**
   * The sister cut of each cluster last cut, by its members, with the profile versions and copy
   * units it was cut from: an edit re-clusters the connected part of the folder that holds the
   * edited document, and most of its clusters come out as they were, of the same profiles.
   */
  private readonly cuts = new Map<string, { versions: number[]; units: string; parts: string[][] }>();
  /** Each document's profile version: a new number whenever its profile is replaced. */
  private readonly profileVersions = new Map<string, number>();
  private nextProfileVersion = 0;

  constructor(
    private readonly rarity: WordRarity,
    private readonly synsets: (lemma: string) => readonly number[],
    options: StoryOptions = {},
  ) {
    this.minSimilarity = options.minSimilarity ?? DEFAULT_STORY_SIMILARITY;
    this.profileSize = options.profileSize ?? DEFAULT_PROFILE_SIZE;
  }

  /** Adds or replaces a document from its sentences' features. */
  upsert(docId: string, sentences: readonly SentenceFeatures[], leadYears: Set<number> = new Set()): void {
    // A note of a sentence or two says too little to found a story, but enough to join one.
    const profile = sentences.length > 0 ? this.profileOf(sentences, leadYears) : EMPTY_PROFILE;
    // Most keystrokes (function words, punctuation, a figure outside the lead) leave the profile
    // as it was: then no similarity changes and the stories stand.
    this.leaving.delete(docId);
    this.removeLeaving();
    const old = this.profiles.get(docId);
    if (old && sameProfile(old, profile)) return;
    this.removeNow(docId);
    this.profiles.set(docId, profile);
    this.profileVersions.set(docId, this.nextProfileVersion++);
    if (profile.short) this.shortIds.add(docId);
    const near = new Map<string, number>();
    const weights = this.placing.reset();
    const anchors = this.placingAnchors.reset();
    profile.keys.forEach((key, i) => {
      weights.set(key, profile.weights[i]);
      anchors.set(key, profile.anchor[i]);
    });
    for (const other of this.candidates(profile)) {
      const sim = similarity(profile, this.profiles.get(other)!, EDGE_FLOOR, weights, anchors);
      if (sim >= EDGE_FLOOR) {
        near.set(other, sim);
        this.edges.get(other)!.set(docId, sim);
      }
    }
    this.edges.set(docId, near);
    this.dirty.add(docId);
    profile.keys.forEach((key, i) => {
      if (!profile.anchor[i]) return;
      let docs = this.postings.get(key);
      if (!docs) this.postings.set(key, (docs = new Set()));
      docs.add(docId);
    });
    this.current = false;
  }

  /**
   * Removes a document, at the next question or upsert: an editor replaces a document by
   * removing it and adding its new text, and a text whose profile did not change then leaves
   * the stories as they are.
   */
  remove(docId: string): void {
    if (this.profiles.has(docId)) this.leaving.add(docId);
  }

  private removeLeaving(): void {
    for (const id of this.leaving) this.removeNow(id);
    this.leaving.clear();
  }

  private removeNow(docId: string): void {
    const profile = this.profiles.get(docId);
    if (!profile) return;
    profile.keys.forEach((key, i) => {
      if (!profile.anchor[i]) return;
      const docs = this.postings.get(key)!;
      docs.delete(docId);
      if (docs.size === 0) this.postings.delete(key);
    });
    this.dirty.add(docId);
    for (const other of this.edges.get(docId)?.keys() ?? []) {
      this.dirty.add(other);
      this.edges.get(other)?.delete(docId);
    }
    this.edges.delete(docId);
    this.profiles.delete(docId);
    this.profileVersions.delete(docId);
    this.shortIds.delete(docId);
    this.current = false;
  }

  /** A number that changes whenever the stories may have changed. */
  version(copies: readonly string[][]): number {
    this.storyIds(copies);
    return this.computed;
  }

  /** The story number of a document, or -1 when it shares its story with no other document. */
  storyOf(docId: string, copies: readonly string[][]): number {
    return this.storyIds(copies).get(docId) ?? -1;
  }

  /**
   * The documents whose story number (`storyOf`) changed when the stories were last worked out,
   * that is between `version() - 1` and `version()`; undefined when any may have.
   */
  lastChanges(): readonly string[] | undefined {
    return this.lastChanged;
  }

  /** The stories of two or more documents, each sorted, in order of their first document. */
  stories(copies: readonly string[][]): string[][] {
    this.storyIds(copies);
    if (this.groupsOf !== this.computed) {
      const byNumber = new Map<number, string[]>();
      for (const [id, n] of this.storyNumbers) (byNumber.get(n) ?? byNumber.set(n, []).get(n)!).push(id);
      // In the order of the clusters' first founding member, as the stories were always listed.
      this.groups = [...this.clusters.keys()]
        .sort()
        .map((key) => byNumber.get(this.numberOf.get(key)!))
        .filter((g): g is string[] => g !== undefined)
        .map((g) => g.sort());
      this.groupsOf = this.computed;
    }
    return this.groups;
  }

  /**
   * Story number of every document (`clusterDocs`). After an edit only the connected part of
   * the folder that held or holds the edited documents is clustered again: the result is the
   * same as clustering the whole folder, at a fraction of the cost (an edit re-clustered the
   * BBC folder's 2,225 documents before).
   */
  private storyIds(copies: readonly string[][]): ReadonlyMap<string, number> {
    this.removeLeaving();
    // The copy detector hands the same array until its groups change.
    if (this.current && copies === this.copiesSeen) return this.storyNumbers;
    // The same array holds the same groups: none moved since they were last compared.
    const copyMoved = copies === this.copiesSeen ? [] : this.copyGroupsChanged(copies);
    this.copiesSeen = copies;
    if (this.current && copyMoved.length === 0) return this.storyNumbers;
    const copyMates = new Map<string, readonly string[]>();
    for (const group of copies) for (const id of group) copyMates.set(id, group);
    const touched = this.touched;
    touched.clear();
    const whole = !this.clusterOf;
    if (whole) {
      this.clusterOf = new Map();
      this.clusters = new Map();
      this.numberOf.clear();
      for (const members of this.clusterDocs([...this.profiles.keys()].filter((id) => this.founds(id)).sort(), copies)) this.keep(members);
    } else {
      // Clusters never span two connected parts (see `connected`), so only the parts that hold an
      // edited document (or one it was connected to) can change.
      // A document that joined or left a copy group (a typo can do either) moves as an edited one does.
      let seeds = new Set<string>([...this.dirty, ...copyMoved]);
      for (;;) {
        const part = this.connected(seeds, copyMates);
        const grown = new Set(part);
        for (const id of [...part, ...this.dirty]) for (const mate of this.clusters.get(this.clusterOf!.get(id) ?? '') ?? []) grown.add(mate);
        if ([...grown].every((id) => part.has(id) || !this.founds(id))) {
          for (const id of [...grown, ...this.dirty]) this.drop(id);
          const present = [...part].sort();
          const inPart = copies.map((g) => g.filter((id) => part.has(id))).filter((g) => g.length > 1);
          for (const members of this.clusterDocs(present, inPart)) this.keep(members);
          this.droppedNumbers.clear();
          break;
        }
        seeds = grown;
      }
      for (const id of this.dirty) touched.add(id);
    }
    this.dirty.clear();
    this.computed++;
    this.renumber(copyMates, whole);
    this.current = true;
    return this.storyNumbers;
  }

  /**
   * The documents whose copy group is not what it was at the last computation (joined, left, or
   * the group gained or lost a member), and remembers the groups for the next.
   */
  private copyGroupsChanged(copies: readonly string[][]): string[] {
    const now = new Map<string, string>();
    for (const group of copies) {
      const key = group.join('\u0000');
      for (const id of group) now.set(id, key);
    }
    const moved: string[] = [];
    for (const [id, key] of now) if (this.copyGroupOf.get(id) !== key) moved.push(id);
    for (const id of this.copyGroupOf.keys()) if (!now.has(id)) moved.push(id);
    this.copyGroupOf = now;
    return moved;
  }

  /**
   * Joins the short documents and gives each document its story number after a clustering,
   * noting whose number changed (`lastChanges`; every document's may have after a `whole` one).
   */
  private renumber(copyMates: Map<string, readonly string[]>, whole: boolean): void {
    const touched = this.touched;
    // Short documents join clusters anew each time; a cluster that gains its first or loses its
    // last joined document starts or stops being shared.
    const joinedTo = this.joinShort(copyMates);
    const hosts = new Set(joinedTo.values());
    const hostedBefore = new Set(this.joinedTo.values());
    // A short document's cluster may keep its first member and still be kept anew, under a new number.
    for (const id of joinedTo.keys()) touched.add(id);
    for (const id of this.joinedTo.keys()) touched.add(id);
    for (const c of new Set([...hosts, ...hostedBefore])) {
      if (hosts.has(c) !== hostedBefore.has(c)) for (const id of this.clusters.get(c) ?? []) touched.add(id);
    }
    this.joinedTo = joinedTo;
    const numberFor = (id: string): number | undefined => {
      const c = this.clusterOf!.get(id) ?? joinedTo.get(id);
      if (c === undefined) return undefined;
      // A story is shared by two documents or more: its cluster's, or one and a joined short one.
      return this.clusters.get(c)!.length > 1 || hosts.has(c) ? this.numberOf.get(c) : undefined;
    };
    if (whole) {
      this.storyNumbers.clear();
      for (const id of this.profiles.keys()) {
        const n = numberFor(id);
        if (n !== undefined) this.storyNumbers.set(id, n);
      }
      this.lastChanged = undefined;
      return;
    }
    const changed: string[] = [];
    for (const id of touched) {
      const n = numberFor(id);
      if (n === this.storyNumbers.get(id)) continue;
      changed.push(id);
      if (n === undefined) this.storyNumbers.delete(id);
      else this.storyNumbers.set(id, n);
    }
    this.lastChanged = changed;
  }

  /** General rarity by key id, asked once per key (0: not asked yet; a word's rarity is above 0). */
  private rarities = new Float64Array(1024);

  private rarityOf(keyId: number, key: string): number {
    this.rarities = grownFor(this.rarities, keyId);
    if (this.rarities[keyId] === 0) this.rarities[keyId] = this.rarity(key);
    return this.rarities[keyId];
  }

  /** Whether a document takes part in clustering: it has a profile long enough to found a story. */
  private founds(id: string): boolean {
    const p = this.profiles.get(id);
    return p !== undefined && !p.short;
  }

  /**
   * Places each short document in the cluster it is closest to on average, if close enough (or
   * in a copy's): a one-paragraph brief belongs to the story it summarises, but two briefs
   * alone (a pair of sentences) say too little to be a story. Recomputed whole after every
   * clustering: it reads only the short documents' own similarities.
   */
  private joinShort(copyMates: Map<string, readonly string[]>): Map<string, string> {
    const joined = new Map<string, string>();
    for (const id of [...this.shortIds].sort()) {
      let best = copyMates.get(id)?.map((mate) => this.clusterOf!.get(mate)).find((c) => c !== undefined);
      if (best === undefined) {
        const sums = new Map<string, number>();
        for (const [other, sim] of this.edges.get(id) ?? []) {
          const c = this.clusterOf!.get(other);
          if (c !== undefined) sums.set(c, (sums.get(c) ?? 0) + sim);
        }
        let bestScore = this.minSimilarity;
        for (const [c, sum] of sums) {
          const avg = sum / this.clusters.get(c)!.length;
          if (avg > bestScore || (avg === bestScore && best !== undefined && c < best)) {
            bestScore = avg;
            best = c;
          }
        }
      }
      if (best !== undefined) joined.set(id, best);
    }
    return joined;
  }

  /** Records a cluster (its members sorted; the first names it), under the number it had if a cluster of the same members was just dropped. */
  private keep(members: string[]): void {
    this.clusters.set(members[0], members);
    const membership = members.join('\u0000');
    const was = this.droppedNumbers.get(membership);
    this.droppedNumbers.delete(membership);
    this.numberOf.set(members[0], was ?? this.nextNumber++);
    for (const id of members) {
      this.clusterOf!.set(id, members[0]);
      this.touched.add(id);
    }
  }

  /** Forgets the cluster that holds a document. */
  private drop(id: string): void {
    const key = this.clusterOf!.get(id);
    if (key === undefined) return;
    this.droppedNumbers.set(this.clusters.get(key)!.join('\u0000'), this.numberOf.get(key)!);
    for (const mate of this.clusters.get(key) ?? []) {
      this.clusterOf!.delete(mate);
      this.touched.add(mate);
    }
    this.clusters.delete(key);
    this.numberOf.delete(key);
  }

  /**
   * The present documents connected to the seeds by copy groups or by similarities that reach
   * the clustering's bar. Two clusters join only when their average similarity reaches the bar,
   * so at least one pair across them does: clusters never span two such parts, and each part
   * can be clustered on its own with the same result (on the BBC folder the parts joined by any
   * stored similarity made one part of most of the folder).
   */
  private connected(seeds: Set<string>, copyMates: Map<string, readonly string[]>): Set<string> {
    const out = new Set<string>();
    const queue = [...seeds].filter((id) => this.founds(id));
    for (const id of queue) out.add(id);
    const visit = (next: string) => {
      if (!out.has(next) && this.founds(next)) {
        out.add(next);
        queue.push(next);
      }
    };
    while (queue.length > 0) {
      const id = queue.pop()!;
      const edges = this.edges.get(id);
      // forEach, not for-of: an entry array per neighbour was most of what an edit allocated here.
      edges?.forEach((sim, other) => {
        if (sim >= this.minSimilarity) visit(other);
      });
      for (const mate of copyMates.get(id) ?? []) visit(mate);
    }
    return out;
  }

  /**
   * Average-linkage clustering of some documents (sorted ids), so two groups join only when
   * their documents are close on average. Joining any close pair (single linkage) chained sister
   * events together through one or two reports that mention both (ECB+ dev: 0.67 of the joined
   * document pairs right, against 0.9 with averages).
   */
  private clusterDocs(ids: string[], copies: readonly string[][]): string[][] {
    const index = new Map(ids.map((id, i) => [id, i]));
    const similarities = (visit: (i: number, j: number, sim: number) => void) =>
      ids.forEach((id, i) =>
        this.edges.get(id)!.forEach((sim, other) => {
          const j = index.get(other);
          if (j !== undefined && i < j) visit(i, j, sim);
        }),
      );
    // A copy group is one text: its members start as one cluster.
    const groups = copies.map((group) => group.map((id) => index.get(id)).filter((i): i is number => i !== undefined).sort((x, y) => x - y));
    const members = averageLinkage(ids.length, similarities, groups, this.minSimilarity);
    const copyOf = new Map<number, number>();
    for (const group of copies) for (const id of group) if (index.has(id)) copyOf.set(index.get(id)!, index.get(group.find((m) => index.has(m))!)!);
    return members
      .flatMap((m) => this.splitSisters(m, copyOf, ids))
      .map((m) => m.map((j) => ids[j]).sort());
  }

  /** A cluster (document numbers into the clustered ids) as the stories of the sister events it may join. */
  private splitSisters(cluster: number[], copyOf: Map<number, number>, ids: readonly string[]): number[][] {
    // In id order (`ids` is sorted), not the order of merging: one set of reports is one cut.
    const members = [...cluster].sort((x, y) => x - y);
    const byUnit = new Map<number, number[]>();
    members.forEach((m, i) => {
      const unit = copyOf.get(m) ?? m;
      (byUnit.get(unit) ?? byUnit.set(unit, []).get(unit)!).push(i);
    });
    const key = members.map((m) => ids[m]).join('\n');
    const versions = members.map((m) => this.profileVersions.get(ids[m])!);
    const units = [...byUnit.values()].map((u) => u.join(',')).join(' ');
    const cached = this.cuts.get(key);
    let parts: string[][];
    if (cached && cached.units === units && cached.versions.every((v, i) => v === versions[i])) parts = cached.parts;
    else {
      const docs = members.map((m) => {
        const p = this.profiles.get(ids[m])!;
        return { keys: p.bagKeys, weights: p.bagCounts, years: p.leadYears };
      });
      parts = splitSisterEvents(docs, [...byUnit.values()]).map((part) => part.map((i) => ids[members[i]]));
      // Bounded: clusters of earlier edits that never recur are let go at once.
      if (this.cuts.size >= MAX_CUTS_KEPT) this.cuts.clear();
      this.cuts.set(key, { versions, units, parts });
    }
    const at = new Map(members.map((m) => [ids[m], m]));
    return parts.map((part) => part.map((id) => at.get(id)!).sort((x, y) => x - y));
  }

  /**
   * Documents sharing an anchor with the profile: only they can be in its story. (Reading the
   * postings of every term, figures and years included, made finding stories quadratic.)
   */
  private candidates(profile: Profile): Set<string> {
    const out = new Set<string>();
    profile.keys.forEach((key, i) => {
      if (profile.anchor[i]) for (const id of this.postings.get(key) ?? []) out.add(id);
    });
    return out;
  }

  private profileOf(sentences: readonly SentenceFeatures[], leadYears: Set<number>): Profile {
    const counts = new Map<number, { n: number; rarity: number; anchor: boolean }>();
    const mentioned = new Set<number>();
    const mentionedSynsets = new Set<number>();
    // Names in a title-cased headline may be words ("Cybersecurity Worries"): the lead's body says who the report is about.
    const leadNames = new Set<number>();
    for (const [k, f] of sentences.entries()) {
      const lead = k < LEAD_SENTENCES ? LEAD_WEIGHT : 1;
      for (const it of f.items) {
        if (it.kind === 'name' && !mentioned.has(it.keyId)) {
          mentioned.add(it.keyId);
          for (const id of this.synsets(it.key)) mentionedSynsets.add(id);
        }
        if (it.kind === 'name' && k < LEAD_SENTENCES && !f.titled) leadNames.add(it.keyId);
        let c = counts.get(it.keyId);
        if (!c) {
          const r = it.kind === 'number' || it.kind === 'date' ? QUANTITY_RARITY : this.rarityOf(it.keyId, it.key) - RARITY_FLOOR;
          counts.set(it.keyId, (c = { n: 0, rarity: r, anchor: (it.kind === 'word' || it.kind === 'name') && r >= ANCHOR_RARITY }));
        }
        c.n += lead;
      }
    }
    const ranked = [...counts]
      .filter(([, c]) => c.rarity > 0)
      .map(([key, c]) => ({ key, w: (1 + Math.log(c.n)) * c.rarity, anchor: c.anchor }))
      .sort((x, y) => y.w - x.w || x.key - y.key)
      .slice(0, this.profileSize)
      // Only the heaviest rare names and words anchor: what a report is most about.
      .map((t, rank) => ({ ...t, anchor: t.anchor && rank < ANCHOR_TERMS }));
    const leads = ranked
      .filter((t, rank) => rank < ANCHOR_TERMS && leadNames.has(t.key) && counts.get(t.key)!.n >= RIVAL_MENTIONS)
      .map((t) => ({ key: t.key, synsets: this.synsets(keyOf(t.key)) }));
    const terms = ranked.sort((x, y) => x.key - y.key);
    const bag = [...counts].sort((x, y) => x[0] - y[0]);
    const norm = Math.sqrt(terms.reduce((s, t) => s + t.w * t.w, 0)) || 1;
    const figures = new Map<string, Set<number>>();
    for (const f of sentences.slice(0, LEAD_SENTENCES)) {
      for (const q of f.quantities) if (q.unit) (figures.get(q.unit) ?? figures.set(q.unit, new Set()).get(q.unit)!).add(q.value);
      for (const y of yearsIn(f.dates)) (figures.get('year') ?? figures.set('year', new Set()).get('year')!).add(y);
    }
    return {
      figures,
      mentioned,
      mentionedSynsets,
      leads,
      leadYears,
      bagKeys: Int32Array.from(bag, ([key]) => key),
      bagCounts: Float64Array.from(bag, ([, c]) => c.n),
      short: sentences.length < MIN_STORY_SENTENCES,
      keys: Int32Array.from(terms, (t) => t.key),
      weights: Float64Array.from(terms, (t) => t.w / norm),
      anchor: Uint8Array.from(terms, (t) => (t.anchor ? 1 : 0)),
    };
  }
}

/** The years named in a document's first sentences, furniture (its dateline) included. */
export function leadYearsOf(sentences: readonly Sentence[]): Set<number> {
  const years = new Set<number>();
  for (const s of sentences.slice(0, LEAD_SENTENCES)) for (const y of yearsIn(findDates(s.tokens, s.text, s.start))) years.add(y);
  return years;
}

/** The years some dates name ("y2013" among their keys). */
function yearsIn(dates: readonly DateMention[]): number[] {
  return dates.flatMap((d) => d.keys.filter((k) => /^y\d+$/.test(k)).map((k) => Number(k.slice(1))));
}

/** Whether two profiles give every similarity alike. */
function sameProfile(a: Profile, b: Profile): boolean {
  const sameSet = (x: Set<number>, y: Set<number>) => x.size === y.size && [...x].every((k) => y.has(k));
  return (
    a.short === b.short &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => b.keys[i] === k && a.weights[i] === b.weights[i] && a.anchor[i] === b.anchor[i]) &&
    a.figures.size === b.figures.size &&
    [...a.figures].every(([unit, values]) => b.figures.has(unit) && sameSet(values, b.figures.get(unit)!)) &&
    sameSet(a.mentioned, b.mentioned) &&
    sameSet(a.leadYears, b.leadYears) &&
    a.bagKeys.length === b.bagKeys.length &&
    a.bagKeys.every((k, i) => b.bagKeys[i] === k && a.bagCounts[i] === b.bagCounts[i]) &&
    sameSet(a.mentionedSynsets, b.mentionedSynsets) &&
    a.leads.length === b.leads.length &&
    a.leads.every((l, i) => l.key === b.leads[i].key)
  );
}

/**
 * Cosine of two profiles, 0 unless they share a rare term: a cosine made only of common words is a topic, not a story.
 * Disagreements only lower it, so a cosine below `floor` is returned as it is (most candidates
 * share an anchor and little else, and the figures and names need not be compared for them).
 * `aWeights` and `aAnchors` hold A's weights and anchor flags by key id.
 */
function similarity(a: Profile, b: Profile, floor: number, aWeights: KeyMarks, aAnchors: KeyMarks): number {
  let dot = 0;
  let anchored = false;
  // B's keys ascend, so the shared terms are summed in key order, as a merge of the two would.
  for (let j = 0; j < b.keys.length; j++) {
    const key = b.keys[j];
    if (!aWeights.has(key)) continue;
    dot += aWeights.get(key) * b.weights[j];
    if (aAnchors.get(key) && b.anchor[j]) anchored = true;
  }
  if (!anchored) return 0;
  if (dot < floor) return dot;
  // "26 pirates" against "23 pirates", 2008 against 2011: each figure the leads disagree on makes a sister event likelier.
  let disagreements = 0;
  for (const [unit, values] of a.figures) {
    const other = b.figures.get(unit);
    if (other && !someIn(values, other)) disagreements++;
  }
  // Klitschko against Rahman, Klitschko against Thompson: each report is about someone the other never names.
  if (rivals(a, b) && rivals(b, a)) disagreements++;
  return dot * Math.pow(FIGURE_DISAGREEMENT, Math.min(2, disagreements));
}

function someIn(values: ReadonlySet<number>, other: ReadonlySet<number>): boolean {
  for (const v of values) if (other.has(v)) return true;
  return false;
}

/** Whether a report is led by a name the other never mentions. */
function rivals(a: Profile, b: Profile): boolean {
  return a.leads.some(({ key, synsets }) => !b.mentioned.has(key) && !synsets.some((id) => b.mentionedSynsets.has(id)));
}
