/**
 * The engine on two threads, as the CLI runs it (./split-analysis): one worker holds the claims
 * and copies half, the other the spellings half, each with only its share of the data. Every
 * document goes to both; each analysis is asked of both at once and merged. So the server's
 * first pass uses both cores, as `second-source check` does, and an edit's re-analysis too.
 */
import type { CorpusAnalysis, DocumentAnalysis } from '../core/types';
import { createEngineClient, type EngineClient } from './engine-client';
import { claimsOnly, mergeAnalyses, mergeDocument, spellingOnly } from './split-analysis';

/** The documents both halves analysed: each answers a prefix of the same ids, so the shorter one. */
function common(claims: CorpusAnalysis, spelling: CorpusAnalysis): CorpusAnalysis {
  const inClaims = new Set(claims.documents.map((d) => d.docId));
  return mergeAnalyses(claims, { ...spelling, documents: spelling.documents.filter((d) => inClaims.has(d.docId)) });
}

const EMPTY: CorpusAnalysis = { documents: [], copies: [], stories: [] };

/**
 * What one half of a slice analysed beyond what the other reached: kept here for the next slice,
 * since a worker forgets what it sent (./engine-worker). The spellings half is the quicker one;
 * when its extra analyses were dropped, it made each document's about four times over in the
 * server's first pass on the BBC folder. Any change to the documents or the words drops them.
 */
class AheadOfOther {
  private readonly held = new Map<string, DocumentAnalysis>();

  /** How many ids at the start of `ids` this half holds already: it is asked for the rest. */
  heldRun(ids: readonly string[]): number {
    let i = 0;
    while (i < ids.length && this.held.has(ids[i])) i++;
    return i;
  }

  /**
   * Keeps this half's answer for the ids after its held run, and says how far into `ids` the half
   * has answered: ids up to there that it neither holds nor answered were skipped (it no longer
   * holds them); beyond it, it has not been yet.
   */
  add(ids: readonly string[], run: number, documents: readonly DocumentAnalysis[]): number {
    for (const d of documents) this.held.set(d.docId, d);
    return documents.length > 0 ? Math.max(run - 1, ids.indexOf(documents[documents.length - 1].docId, run)) : run - 1;
  }

  take(id: string): DocumentAnalysis | undefined {
    const d = this.held.get(id);
    this.held.delete(id);
    return d;
  }

  clear(): void {
    this.held.clear();
  }
}

export function createSplitEngineClient(workerPath: string): EngineClient {
  const claims = createEngineClient(workerPath);
  const spelling = createEngineClient(workerPath);
  const claimsAhead = new AheadOfOther();
  const spellingAhead = new AheadOfOther();
  const changed = () => {
    claimsAhead.clear();
    spellingAhead.clear();
  };
  return {
    configure: async (dataDir, options) => {
      changed();
      await Promise.all([claims.configure(dataDir, claimsOnly(options), ['claims']), spelling.configure(dataDir, spellingOnly(options), ['spelling'])]);
    },
    setDocuments: async (documents) => {
      changed();
      await Promise.all([claims.setDocuments(documents), spelling.setDocuments(documents)]);
    },
    removeDocuments: async (ids) => {
      changed();
      await Promise.all([claims.removeDocuments(ids), spelling.removeDocuments(ids)]);
    },
    // Accepted words only change spellings.
    setUserWords: (words) => {
      changed();
      return spelling.setUserWords(words);
    },
    analyze: async (ids, onProgress) => {
      const [c, s] = await Promise.all([claims.analyze(ids), spelling.analyze(ids, onProgress)]);
      return common(c, s);
    },
    analyzeSlice: async (ids, budgetMs, groups) => {
      // Each half goes on from where it stands; the answer is what both have reached, in order.
      const claimsRun = claimsAhead.heldRun(ids);
      const spellingRun = spellingAhead.heldRun(ids);
      const [c, s] = await Promise.all([
        claimsRun < ids.length || groups ? claims.analyzeSlice(ids.slice(claimsRun), budgetMs, groups) : EMPTY,
        spellingRun < ids.length ? spelling.analyzeSlice(ids.slice(spellingRun), budgetMs, false) : EMPTY,
      ]);
      const reached = Math.min(claimsAhead.add(ids, claimsRun, c.documents), spellingAhead.add(ids, spellingRun, s.documents));
      const documents: DocumentAnalysis[] = [];
      // A document one half does not hold (gone meanwhile) is skipped by it, as before.
      for (let i = 0; i <= reached; i++) {
        const cd = claimsAhead.take(ids[i]);
        const sd = spellingAhead.take(ids[i]);
        if (cd && sd) documents.push(mergeDocument(cd, sd));
      }
      return { documents, copies: c.copies, stories: c.stories };
    },
    analyzeRelated: async (edited) => {
      // The claims half knows who cites whom; the spellings half analyses the same documents.
      const ids = [...new Set([...edited, ...(await claims.related(edited))])];
      const [c, s] = await Promise.all([claims.analyze(ids), spelling.analyze(ids)]);
      return common(c, s);
    },
    related: (edited) => claims.related(edited),
    warmUp: async () => void (await Promise.all([claims.warmUp(), spelling.warmUp()])),
    holdProcess: (hold) => {
      claims.holdProcess(hold);
      spelling.holdProcess(hold);
    },
    dispose: () => {
      claims.dispose();
      spelling.dispose();
    },
  };
}
