/**
 * Suspect spellings: name near-misses, split compounds and run-togethers, misspellings,
 * and the retext style plugins. CONTRACT (owned by the spelling work): keep these exports' shapes.
 */
import type { Dialect, EngineOptions, EngineResources, Finding } from '../types';
import type { ParsedDocument } from '../text/parse';
import { createLexicon, type Lexicon } from './lexicon';
import { createSuggester, type Suggester } from './suggest';
import { createFolderVocabulary, type FolderVocabulary } from './vocabulary';
import { createNameIndex, findNameNearMisses, type NameIndex } from './names';
import { findSplitCompounds } from './compounds';
import { pluginFindings } from './plugins';
import { detectDialect } from './dialect';
import { documentWords } from './words';
import { judgeWords } from './misspellings';
import { nameRunWords } from './name-runs';
import { englishShare } from './language';

/** Folder-wide word statistics that spelling decisions lean on ("Xiaomi" recurs, so it is a name). */
export interface Vocabulary {
  add(doc: ParsedDocument): void;
  remove(docId: string): void;
}

/** Checks one document's spelling against dictionaries, gazetteers and the folder's vocabulary. */
export interface SpellChecker {
  createVocabulary(): Vocabulary;
  /** Runs the checks that need the nlcst tree and none of the folder, so the caller may drop the tree afterwards. */
  prepare(doc: ParsedDocument): void;
  /** Findings and dialect; `note` says why a document was not checked (it does not read as English). */
  check(doc: ParsedDocument, vocabulary: Vocabulary): { findings: Finding[]; dialect: Dialect; note?: string };
  /** Ranked corrections for one word (best first), for quick fixes and evaluation. */
  suggest(word: string, dialect?: Dialect): string[];
}

// The word knowledge depends on the resources alone and only caches what it computes, so engines
// made from the same resources share it: a new engine (the editor's, after a setting changes)
// does not build Hunspell's tables and the suggestion index again.
const knowledge = new WeakMap<EngineResources, { lexicon: Lexicon; suggester: Suggester; names: NameIndex }>();
function knowledgeOf(resources: EngineResources) {
  let known = knowledge.get(resources);
  if (!known) {
    const lexicon = createLexicon(resources);
    known = { lexicon, suggester: createSuggester(lexicon), names: createNameIndex(resources.gazetteer ?? []) };
    knowledge.set(resources, known);
  }
  return known;
}

/** Builds the checker (loads dictionaries once per resources object; this is the slow part). */
export function createSpellChecker(resources: EngineResources, options: EngineOptions): SpellChecker {
  const checks = { spelling: true, names: true, compounds: true, style: true, ...options.checks };
  const { lexicon, suggester, names } = knowledgeOf(resources);
  const styleFindings = new WeakMap<ParsedDocument, Finding[]>();
  const style = (doc: ParsedDocument) => styleFindings.get(doc) ?? (doc.tree ? pluginFindings(doc, doc.tree) : []);
  return {
    createVocabulary: () => createFolderVocabulary(lexicon),
    prepare(doc) {
      if (checks.style && doc.tree) styleFindings.set(doc, pluginFindings(doc, doc.tree));
    },
    check(doc, vocabulary) {
      const folder = asFolder(vocabulary);
      const words = documentWords(doc);
      const dialect = detectDialect(words, lexicon);
      const language = englishShare(words, lexicon);
      if (!language.english) {
        const percent = Math.round(language.share * 100);
        return { findings: [], dialect, note: `Spelling not checked: only ${percent}% of its lower-case words are English dictionary words, so it does not read as English.` };
      }
      const findings: Finding[] = [];
      if (checks.names) findings.push(...findNameNearMisses(doc.text, words, lexicon, names, folder));
      if (checks.compounds) findings.push(...findSplitCompounds(doc.text, words, dialect, lexicon, folder));
      const covered = new Set<number>();
      for (const f of findings) for (const w of words) if (w.start >= f.start && w.end <= f.end + 2) covered.add(w.start);
      // A name the engine suggests from is never unknown: nor is a word of one ("Unicom", after the fix "China Unicom"),
      // nor a word the writer set in a run of capitalised words in prose ("Kantar Worldpanel ComTech").
      if (checks.spelling) {
        const named = nameRunWords(words, doc.text);
        const judged = words.filter((w) => !covered.has(w.start) && !(w.capitalised && (names.isKnown(w.form) || named.has(w.start))));
        findings.push(...judgeWords(judged, dialect, lexicon, suggester, folder, doc.text));
      }
      if (checks.style) findings.push(...style(doc).filter((f) => !findings.some((g) => g.start < f.end && f.start < g.end)));
      findings.sort((a, b) => a.start - b.start || a.end - b.end);
      return { findings, dialect };
    },
    suggest: (word, dialect = 'en-US') => suggester.rank(word, dialect).map((c) => c.word),
  };
}

// The engine hands back the vocabulary this checker created; anything else is a misuse.
function asFolder(vocabulary: Vocabulary): FolderVocabulary {
  if (!('count' in vocabulary)) throw new TypeError('check() needs a vocabulary made by this checker’s createVocabulary()');
  return vocabulary as FolderVocabulary;
}
