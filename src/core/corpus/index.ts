/**
 * The corpus-level index: corroboration of claims. Which documents are copies of one another
 * is asked of the engine's copy detector (`copies.ts`), which can run on another thread.
 */
import type { Claim, ClaimStatus, EngineOptions, EngineResources, Evidence } from '../types';
import type { ParsedDocument } from '../text/parse';
import type { ClaimSentence } from '../claims';
import { commonWordsFromDic, createSynonymLookup } from '../lexicon';
import { sentenceFeatures, type SentenceFeatures } from './features';
import { InvertedIndex } from './terms';
import { keyOf } from './key-ids';
import { exactOverlap, matchSentences } from './match';
import { isNearVerbatim } from './verbatim';

/** Incrementally maintained index over every document's sentences and claims. */
export interface CorroborationIndex {
  /** Adds or replaces a document (its sentences are indexed; its claims remembered). */
  upsert(doc: ParsedDocument, claims: ClaimSentence[]): void;
  remove(docId: string): void;
  /** The claims of one document with status and evidence against all other documents. */
  corroborate(docId: string): Claim[];
}

/** Whether two documents are copies of one text. */
export type AreCopies = (a: string, b: string) => boolean;

/** Default minimum match score for corroborating evidence (`EngineOptions.corroborationThreshold`). */
export const DEFAULT_CORROBORATION_THRESHOLD = 0.48;
/** Evidence kept per claim, best first. */
export const MAX_EVIDENCE = 8;
/** Candidate sentences scored in full per claim, after retrieval. */
const CANDIDATES = 8;
/** A candidate must share this share of the claim's retrieval weight to be scored in full. */
const MIN_SHARED_WEIGHT = 0.25;
/** Index terms in more than this share of sentences do not retrieve candidates (they still score). */
const COMMON_TERM_SHARE = 0.005;
/** ...but in a small corpus every term may retrieve. */
const MIN_COMMON_DF = 100;
/** Postings read per claim at most: the rarest terms are read first. */
const POSTINGS_BUDGET = 300;
/**
 * A candidate must share this much of its weighted items lemma for lemma (both sides averaged)
 * before synonyms, stems and clauses are tried. On the BBC folder the pairs below it that passed
 * were different events sharing one figure ("two million jobs", "a 60% rise"); it also spares
 * the full alignment for over half of the candidates.
 */
const MIN_EXACT_OVERLAP = 0.2;
/** A conflict needs the non-numeric content to match this much above the threshold. */
const CONFLICT_MARGIN = 0.1;

const QUANTITY_KEY = /^(?:#|y\d|m\d|wd\d)/;
/** Per key id: 0 not yet asked, 1 a number or date key, 2 not. */
let quantityKeys = new Uint8Array(1024);
function isQuantityKey(id: number): boolean {
  if (id >= quantityKeys.length) {
    const grown = new Uint8Array(Math.max(id + 1, quantityKeys.length * 2));
    grown.set(quantityKeys);
    quantityKeys = grown;
  }
  if (quantityKeys[id] === 0) quantityKeys[id] = QUANTITY_KEY.test(keyOf(id)) ? 1 : 2;
  return quantityKeys[id] === 1;
}

interface Indexed {
  features: SentenceFeatures;
  claim: ClaimSentence;
}

/** Creates an empty index; `areCopies` tells evidence from a copied document apart from a source. */
export function createCorroborationIndex(resources: EngineResources, options: EngineOptions, areCopies: AreCopies): CorroborationIndex {
  const threshold = options.corroborationThreshold ?? DEFAULT_CORROBORATION_THRESHOLD;
  const synonyms = createSynonymLookup(resources.synonyms);
  const commonWords = commonWordsFromDic(resources.dictionaries['en-US']);
  const terms = new InvertedIndex();
  /** Indexed sentences by id (ids are handed out in order; a removed one leaves a hole). */
  const sentences: Array<Indexed | undefined> = [];
  const docs = new Map<string, number[]>();
  let nextId = 0;
  // A fresh IDF function per corpus state tags the weights the matcher caches on items.
  const makeIdf = () => (key: number) => terms.idf(key);
  let idf = makeIdf();

  const remove = (docId: string) => {
    idf = makeIdf();
    for (const id of docs.get(docId) ?? []) {
      terms.delete(id, sentences[id]!.features.keyIds);
      sentences[id] = undefined;
    }
    docs.delete(docId);
  };

  // Retrieval accumulates weights per sentence id; typed arrays indexed by id (reset after
  // each claim through the list of touched ids) are several times faster than a Map here.
  /** The document of each sentence id as a number (one per document id), read for every retrieved candidate. */
  let docOfId = new Int32Array(1024);
  const docNumbers = new Map<string, number>();
  const docNumber = (docId: string) => {
    let n = docNumbers.get(docId);
    if (n === undefined) docNumbers.set(docId, (n = docNumbers.size));
    return n;
  };
  let weightOfId = new Float64Array(1024);
  let anchoredId = new Uint8Array(1024);
  /** A retrieval's terms, their postings and weights, reused from claim to claim. */
  const listKey: number[] = [];
  const listPostings: Array<readonly number[]> = [];
  const listWeight: number[] = [];
  /** The sentence ids one retrieval touched, reused from claim to claim. */
  let touched = new Int32Array(1024);
  const bestWeight = new Float64Array(CANDIDATES);
  const bestId = new Int32Array(CANDIDATES);

  /** Sentence ids sharing the claim's rarer terms, best overlap first. */
  const retrieve = (f: SentenceFeatures): number[] => {
    if (weightOfId.length < nextId) {
      weightOfId = new Float64Array(nextId * 2);
      anchoredId = new Uint8Array(nextId * 2);
    }
    const maxDf = Math.max(MIN_COMMON_DF, COMMON_TERM_SHARE * terms.size);
    // The claim's retrieving terms, rarest first (a stable insertion sort: a claim has a dozen).
    let nLists = 0;
    let total = 0;
    for (const key of f.keyIds) {
      const postings = terms.get(key);
      if (!postings || postings.length > maxDf) continue;
      const weight = idf(key);
      total += weight;
      let at = nLists++;
      for (; at > 0 && listPostings[at - 1].length > postings.length; at--) {
        listKey[at] = listKey[at - 1];
        listPostings[at] = listPostings[at - 1];
        listWeight[at] = listWeight[at - 1];
      }
      listKey[at] = key;
      listPostings[at] = postings;
      listWeight[at] = weight;
    }
    let read = 0;
    let nTouched = 0;
    for (let l = 0; l < nLists; l++) {
      const key = listKey[l];
      const postings = listPostings[l];
      const weight = listWeight[l];
      if (read + postings.length > POSTINGS_BUDGET && read > 0) break;
      read += postings.length;
      if (touched.length < read) {
        const grown = new Int32Array(read * 2);
        grown.set(touched.subarray(0, nTouched));
        touched = grown;
      }
      // Sentences reached through a shared number or date are kept even with little else in
      // common: the figure may anchor one clause of a longer sentence.
      const anchors = isQuantityKey(key);
      for (const id of postings) {
        // Every term weighs more than 0, so a zero weight means "not touched yet".
        if (weightOfId[id] === 0) touched[nTouched++] = id;
        weightOfId[id] += weight;
        if (anchors) anchoredId[id] = 1;
      }
    }
    const floor = MIN_SHARED_WEIGHT * total;
    const ownDoc = docNumber(f.docId);
    // The best CANDIDATES by weight (then id), kept in order as they come: sorting every
    // touched sentence to keep eight cost more than reading the postings.
    let kept = 0;
    for (let t = 0; t < nTouched; t++) {
      const id = touched[t];
      const w = weightOfId[id];
      weightOfId[id] = 0;
      const anchored = anchoredId[id] === 1;
      anchoredId[id] = 0;
      if (!(w >= floor || anchored) || docOfId[id] === ownDoc) continue;
      let at = kept;
      while (at > 0 && (bestWeight[at - 1] < w || (bestWeight[at - 1] === w && bestId[at - 1] > id))) at--;
      if (at >= CANDIDATES) continue;
      for (let j = Math.min(kept, CANDIDATES - 1); j > at; j--) {
        bestWeight[j] = bestWeight[j - 1];
        bestId[j] = bestId[j - 1];
      }
      bestWeight[at] = w;
      bestId[at] = id;
      if (kept < CANDIDATES) kept++;
    }
    return Array.from(bestId.subarray(0, kept));
  };

  const evidenceFor = (f: SentenceFeatures): Evidence[] => {
    const out: Evidence[] = [];
    for (const id of retrieve(f)) {
      const other = sentences[id]!.features;
      if (exactOverlap(f, other, idf) < MIN_EXACT_OVERLAP) continue;
      const m = matchSentences(f, other, idf, synonyms);
      let relation: Evidence['relation'] | undefined;
      if (m.conflict && m.namesAgree && m.contentScore >= threshold + CONFLICT_MARGIN) relation = 'conflicts';
      else if (m.score >= threshold) relation = 'corroborates';
      if (!relation) continue;
      const s = other.sentence;
      let ev: Evidence = { docId: other.docId, start: s.start, end: s.end, text: s.text, relation, score: round(relation === 'conflicts' ? m.contentScore : m.score), reasons: m.reasons };
      if (relation === 'conflicts') ev.conflict = m.conflict;
      else if (areCopies(f.docId, other.docId) || isNearVerbatim(f.words, other.words)) ev = asCopy(ev, f.docId);
      out.push(ev);
    }
    return out.sort((a, b) => b.score - a.score || (a.docId < b.docId ? -1 : 1)).slice(0, MAX_EVIDENCE);
  };

  return {
    upsert(doc, claims) {
      remove(doc.id);
      idf = makeIdf();
      const ids: number[] = [];
      for (const claim of claims) {
        const features = sentenceFeatures(doc.id, claim.sentence, commonWords);
        const id = nextId++;
        sentences[id] = { features, claim };
        if (id >= docOfId.length) {
          const grown = new Int32Array(id * 2);
          grown.set(docOfId);
          docOfId = grown;
        }
        docOfId[id] = docNumber(doc.id);
        terms.add(id, features.keyIds);
        ids.push(id);
      }
      docs.set(doc.id, ids);
    },
    remove,
    corroborate(docId) {
      return (docs.get(docId) ?? []).map((id) => {
        const { features, claim } = sentences[id]!;
        const s = claim.sentence;
        const evidence = evidenceFor(features);
        const result: Claim = { id: `${docId}#${s.start}`, start: s.start, end: s.end, text: s.text, status: statusOf(evidence), evidence };
        if (claim.attribution) result.attribution = claim.attribution;
        return result;
      });
    },
  };
}

/** Corroborating evidence re-labelled as a copy of the claim's document: not a second source. */
function asCopy(ev: Evidence, claimDocId: string): Evidence {
  return { ...ev, relation: 'copy', reasons: [{ kind: 'copy', claim: claimDocId, source: ev.docId }, ...ev.reasons] };
}

/** Conflicts are reported first; then one independent source is enough; copies alone are not. */
export function statusOf(evidence: readonly Evidence[]): ClaimStatus {
  if (evidence.some((e) => e.relation === 'conflicts')) return 'conflicting';
  if (evidence.some((e) => e.relation === 'corroborates')) return 'corroborated';
  if (evidence.some((e) => e.relation === 'copy')) return 'copy-only';
  return 'single-source';
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
