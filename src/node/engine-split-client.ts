/**
 * The engine on two threads, as the CLI runs it (./split-analysis): one worker holds the claims
 * and copies half, the other the spellings half, each with only its share of the data. Every
 * document goes to both; each analysis is asked of both at once and merged. So the server's
 * first pass uses both cores, as `second-source check` does, and an edit's re-analysis too.
 */
import type { CorpusAnalysis } from '../core/types';
import { createEngineClient, type EngineClient } from './engine-client';
import { claimsOnly, mergeAnalyses, spellingOnly } from './split-analysis';

/** The documents both halves analysed: each answers a prefix of the same ids, so the shorter one. */
function common(claims: CorpusAnalysis, spelling: CorpusAnalysis): CorpusAnalysis {
  const inClaims = new Set(claims.documents.map((d) => d.docId));
  return mergeAnalyses(claims, { ...spelling, documents: spelling.documents.filter((d) => inClaims.has(d.docId)) });
}

export function createSplitEngineClient(workerPath: string): EngineClient {
  const claims = createEngineClient(workerPath);
  const spelling = createEngineClient(workerPath);
  return {
    configure: async (dataDir, options) => {
      await Promise.all([claims.configure(dataDir, claimsOnly(options), ['claims']), spelling.configure(dataDir, spellingOnly(options), ['spelling'])]);
    },
    setDocuments: async (documents) => void (await Promise.all([claims.setDocuments(documents), spelling.setDocuments(documents)])),
    removeDocuments: async (ids) => void (await Promise.all([claims.removeDocuments(ids), spelling.removeDocuments(ids)])),
    // Accepted words only change spellings.
    setUserWords: (words) => spelling.setUserWords(words),
    analyze: async (ids, onProgress) => {
      const [c, s] = await Promise.all([claims.analyze(ids), spelling.analyze(ids, onProgress)]);
      return common(c, s);
    },
    analyzeSlice: async (ids, budgetMs, groups) => {
      const [c, s] = await Promise.all([claims.analyzeSlice(ids, budgetMs, groups), spelling.analyzeSlice(ids, budgetMs, false)]);
      return common(c, s);
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
