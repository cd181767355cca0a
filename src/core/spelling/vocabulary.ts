/**
 * Folder-wide counts of surface forms, word pairs and capitalised name runs, kept per
 * document so a document can be added or removed without recounting the folder.
 */
import type { ParsedDocument } from '../text/parse';
import type { Vocabulary } from './index';
import { documentWords, spaceBetween, type Word } from './words';

interface DocCounts {
  /** Lower-cased word forms. */
  words: Map<string, number>;
  /** Capitalised forms as written ("Xiaomi"), counted apart from lower-case uses. */
  capitalised: Map<string, number>;
  /** Runs of two or more capitalised words ("China Unicom"). */
  runs: Map<string, number>;
  /** "item\u0000context" for unknown words and joinable pairs: where each was used. */
  contexts: Map<string, number>;
}

/** What the vocabulary needs to know about words to decide which uses to track. */
export interface VocabularyLexicon {
  /** Which dictionaries accept the word (0: none). */
  verdict(word: Word): number;
  /** Whether `x + y` is a common dictionary word (the pair a possible split compound). */
  isCommonJoin(x: string, y: string): boolean;
}

/** The folder statistics the checks read. */
export interface FolderVocabulary extends Vocabulary {
  /** Occurrences of the word in any case. */
  count(word: string): number;
  /** Number of documents in which the word occurs (any case). */
  documents(word: string): number;
  /** Occurrences written with a capital initial (as given). */
  capitalised(form: string): number;
  /** Occurrences of a run of capitalised words, as written and space-joined. */
  run(name: string): number;
  /**
   * In how many different contexts (previous and next word) an unknown word or a joinable
   * pair is used. Syndicated copies repeat a context, so they count once.
   */
  contexts(item: string): number;
  /** Every capitalised form and run seen, with counts (for the near-miss index). */
  names(): Iterable<[string, number]>;
  /** Monotonic counter bumped on every change (lets caches know they are stale). */
  readonly version: number;
}

/** A vocabulary that counts everything; `add` replaces an earlier document with the same id. */
export function createFolderVocabulary(lexicon: VocabularyLexicon): FolderVocabulary {
  const perDoc = new Map<string, DocCounts>();
  const words = new Map<string, number>();
  const docs = new Map<string, number>();
  const caps = new Map<string, number>();
  const runs = new Map<string, number>();
  const contexts = new Map<string, number>();
  const distinct = new Map<string, number>();
  let version = 0;

  const merge = (into: Map<string, number>, from: Map<string, number>, sign: 1 | -1) => {
    for (const [k, v] of from) {
      const n = (into.get(k) ?? 0) + sign * v;
      if (n > 0) into.set(k, n);
      else into.delete(k);
    }
  };
  const apply = (c: DocCounts, sign: 1 | -1) => {
    merge(words, c.words, sign);
    for (const k of c.words.keys()) {
      const n = (docs.get(k) ?? 0) + sign;
      if (n > 0) docs.set(k, n);
      else docs.delete(k);
    }
    merge(caps, c.capitalised, sign);
    merge(runs, c.runs, sign);
    for (const [k, v] of c.contexts) {
      const before = contexts.get(k) ?? 0;
      const after = before + sign * v;
      if (after > 0) contexts.set(k, after);
      else contexts.delete(k);
      if ((before > 0) !== (after > 0)) {
        const item = k.slice(0, k.indexOf('\u0000'));
        const n = (distinct.get(item) ?? 0) + (after > 0 ? 1 : -1);
        if (n > 0) distinct.set(item, n);
        else distinct.delete(item);
      }
    }
    version++;
  };

  const vocabulary: FolderVocabulary = {
    add(doc) {
      vocabulary.remove(doc.id);
      const counts = countDocument(doc, lexicon);
      perDoc.set(doc.id, counts);
      apply(counts, 1);
    },
    remove(docId) {
      const counts = perDoc.get(docId);
      if (!counts) return;
      perDoc.delete(docId);
      apply(counts, -1);
    },
    count: (w) => words.get(w.toLowerCase()) ?? 0,
    documents: (w) => docs.get(w.toLowerCase()) ?? 0,
    capitalised: (f) => caps.get(f) ?? 0,
    run: (name) => runs.get(name) ?? 0,
    contexts: (item) => distinct.get(item) ?? 0,
    *names() {
      yield* caps;
      yield* runs;
    },
    get version() {
      return version;
    },
  };
  return vocabulary;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** The item key under which `contexts` tracks a word. */
export const wordItem = (form: string) => `w:${form.toLowerCase()}`;
/** The item key under which `contexts` tracks a pair. */
export const pairItem = (x: string, y: string) => `p:${x} ${y}`;

function countDocument(doc: ParsedDocument, lexicon: VocabularyLexicon): DocCounts {
  const c: DocCounts = { words: new Map(), capitalised: new Map(), runs: new Map(), contexts: new Map() };
  const context = (i: number, span: number) => `${words[i - 1]?.form.toLowerCase() ?? ''} ${words[i + span]?.form.toLowerCase() ?? ''}`;
  const words = documentWords(doc);
  let run: Word[] = [];
  const endRun = () => {
    if (run.length >= 2) bump(c.runs, run.map((w) => w.form).join(' '));
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    bump(c.words, w.form.toLowerCase());
    if (w.capitalised) bump(c.capitalised, w.form);
    const prev = words[i - 1];
    const adjacent = prev && prev.sentence === w.sentence && spaceBetween(doc.text, prev, w);
    if (adjacent && !prev.capitalised && !w.capitalised) {
      if (lexicon.isCommonJoin(prev.form, w.form)) bump(c.contexts, `${pairItem(prev.form, w.form)}\u0000${context(i - 1, 2)}`);
    }
    if (w.plain && lexicon.verdict(w) === 0) bump(c.contexts, `${wordItem(w.form)}\u0000${context(i, 1)}`);
    if (w.capitalised && w.plain) {
      if (!adjacent) endRun();
      run.push(w);
    } else endRun();
  }
  endRun();
  return c;
}
