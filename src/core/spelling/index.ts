/**
 * Suspect spellings: name near-misses, split compounds and run-togethers, misspellings,
 * and the retext style plugins. CONTRACT (owned by the spelling work): keep these exports' shapes.
 */
import type { Dialect, EngineOptions, EngineResources, Finding } from '../types';
import type { ParsedDocument } from '../text/parse';

/** Folder-wide word statistics that spelling decisions lean on ("Xiaomi" recurs, so it is a name). */
export interface Vocabulary {
  add(doc: ParsedDocument): void;
  remove(docId: string): void;
}

/** Checks one document's spelling against dictionaries, gazetteers and the folder's vocabulary. */
export interface SpellChecker {
  createVocabulary(): Vocabulary;
  check(doc: ParsedDocument, vocabulary: Vocabulary): { findings: Finding[]; dialect: Dialect };
}

/** Builds the checker (loads dictionaries once; this is the slow part). */
export function createSpellChecker(_resources: EngineResources, _options: EngineOptions): SpellChecker {
  return {
    createVocabulary: () => ({ add() {}, remove() {} }),
    check: () => ({ findings: [], dialect: 'en-US' }),
  };
}
