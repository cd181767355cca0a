/**
 * Folder-wide counts of surface forms, word pairs and capitalised name runs, kept per
 * document so a document can be added or removed without recounting the folder.
 */
import type { ParsedDocument } from '../text/parse';
import type { Vocabulary } from './index';
import { documentWords, spaceBetween, type Word } from './words';
import { isPhraseInContext } from './phrase-context';

/**
 * One key's folder-wide tally. Counting goes through these records rather than per-document
 * Maps merged into folder Maps: one look-up per word, and adding or removing a document walks
 * a list instead of re-hashing every key.
 */
interface Tally {
  key: string;
  /** Occurrences in the folder. */
  n: number;
  /** Documents holding the key. */
  docs: number;
  /** The counting pass that last saw the key, and how often that pass saw it. */
  pass: number;
  inPass: number;
  /** Set when the count fell to 0 and the tally left its table (holders must look the key up again). */
  dead: boolean;
}

/** A table of tallies; a key whose count falls to 0 leaves it. */
class Tallies {
  readonly map = new Map<string, Tally>();
  get(key: string): Tally | undefined {
    return this.map.get(key);
  }
  /** The tally of `key`, made (at 0) if there is none. */
  tally(key: string): Tally {
    let t = this.map.get(key);
    if (!t) this.map.set(key, (t = { key, n: 0, docs: 0, pass: 0, inPass: 0, dead: false }));
    return t;
  }
  /** Counts one occurrence of `key` in counting pass `pass` (see `count`). */
  see(key: string, pass: number, seen: Tally[]): void {
    count(this.tally(key), pass, seen);
  }
  delete(t: Tally): void {
    this.map.delete(t.key);
    t.dead = true;
  }
}

/** Counts one occurrence in counting pass `pass`, listing the tally in `seen` at its first. */
function count(t: Tally, pass: number, seen: Tally[]): void {
  if (t.pass !== pass) {
    t.pass = pass;
    t.inPass = 0;
    seen.push(t);
  }
  t.inPass++;
}

/**
 * What counting needs about one written form, found with one look-up per word: its tallies in
 * the word and capitalised tables, and the dictionaries' verdict (given to each word of the form).
 */
interface FormInfo {
  word: Tally;
  capitalised: Tally | undefined;
  verdict: number;
  /** The lexicon tag of the verdict (see `Lexicon.verdict`); undefined until asked, or when the lexicon keeps none. */
  verdictBy: object | undefined;
}

/** One document's share of a table: the tallies it touched and how often. */
interface Share {
  tallies: Tally[];
  counts: Int32Array;
}

function shareOf(seen: Tally[]): Share {
  const counts = new Int32Array(seen.length);
  for (let i = 0; i < seen.length; i++) counts[i] = seen[i].inPass;
  return { tallies: seen, counts };
}

interface DocCounts {
  /** Lower-cased word forms. */
  words: Share;
  /** Capitalised forms as written ("Xiaomi"), counted apart from lower-case uses. */
  capitalised: Share;
  /** Runs of two or more capitalised words ("China Unicom"). */
  runs: Share;
  /** "item\u0000context" for unknown words and joinable pairs: where each was used. */
  contexts: Share;
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
   * In how many different contexts (previous and next word) an unknown word, a joinable pair or
   * a run of capitalised words is used. Syndicated copies repeat a context, so they count once.
   */
  contexts(item: string): number;
  /** Runs of capitalised words used at least `min` times, in the order first seen (for the near-miss index). */
  recurringRuns(min: number): string[];
  /** Monotonic counter bumped on every change (lets caches know they are stale). */
  readonly version: number;
}

/** A vocabulary that counts everything; `add` replaces an earlier document with the same id. */
export function createFolderVocabulary(lexicon: VocabularyLexicon): FolderVocabulary {
  const perDoc = new Map<string, DocCounts>();
  const tables: Tables = { words: new Tallies(), caps: new Tallies(), runs: new Tallies(), contexts: new Tallies(), forms: new Map(), pass: 0 };
  const { words, caps, runs, contexts } = tables;
  const distinct = new Map<string, number>();
  let version = 0;
  /**
   * The last answer of `recurringRuns` (and its members), and the runs that crossed its minimum
   * since. An edit takes its document out and puts it back, so a run it holds twice in the folder
   * crosses down and up again: the answer stands unless a run ends on the other side.
   */
  let recurring: { min: number; list: string[]; members: Set<string> } | undefined;
  const crossed = new Set<string>();

  const merge = (into: Tallies, share: Share, sign: 1 | -1, onChange?: (t: Tally, before: number) => void) => {
    const { tallies, counts } = share;
    for (let i = 0; i < tallies.length; i++) {
      const t = tallies[i];
      const before = t.n;
      t.n += sign * counts[i];
      t.docs += sign;
      // Counting made the tally, so it is in the table; one no document holds leaves it.
      if (t.n <= 0) into.delete(t);
      onChange?.(t, before);
    }
  };
  const apply = (c: DocCounts, sign: 1 | -1) => {
    merge(words, c.words, sign);
    merge(caps, c.capitalised, sign);
    merge(runs, c.runs, sign, (t, before) => {
      // The recurring runs change only when a run crosses the asked minimum.
      if (recurring && (before >= recurring.min) !== (t.n >= recurring.min)) crossed.add(t.key);
    });
    merge(contexts, c.contexts, sign, (t, before) => {
      if ((before > 0) === (t.n > 0)) return;
      const item = t.key.slice(0, t.key.indexOf('\u0000'));
      const n = (distinct.get(item) ?? 0) + (t.n > 0 ? 1 : -1);
      if (n > 0) distinct.set(item, n);
      else distinct.delete(item);
    });
    version++;
  };

  const vocabulary: FolderVocabulary = {
    add(doc) {
      vocabulary.remove(doc.id);
      const counts = countDocument(doc, lexicon, tables);
      perDoc.set(doc.id, counts);
      apply(counts, 1);
    },
    remove(docId) {
      const counts = perDoc.get(docId);
      if (!counts) return;
      perDoc.delete(docId);
      apply(counts, -1);
    },
    count: (w) => words.get(w.toLowerCase())?.n ?? 0,
    documents: (w) => words.get(w.toLowerCase())?.docs ?? 0,
    capitalised: (f) => caps.get(f)?.n ?? 0,
    run: (name) => runs.get(name)?.n ?? 0,
    contexts: (item) => distinct.get(item) ?? 0,
    recurringRuns(min) {
      const held = recurring?.min === min ? recurring.members : undefined;
      const stands = held !== undefined && [...crossed].every((key) => ((runs.map.get(key)?.n ?? 0) >= min) === held.has(key));
      crossed.clear();
      if (stands) return recurring!.list;
      const list: string[] = [];
      for (const t of runs.map.values()) if (t.n >= min) list.push(t.key);
      recurring = { min, list, members: new Set(list) };
      return list;
    },
    get version() {
      return version;
    },
  };
  return vocabulary;
}

interface Tables {
  words: Tallies;
  caps: Tallies;
  runs: Tallies;
  contexts: Tallies;
  forms: Map<string, FormInfo>;
  /** Number of the current counting pass (one per document counted). */
  pass: number;
}

/** The item key under which `contexts` tracks a word. */
export const wordItem = (form: string) => `w:${form.toLowerCase()}`;
/** The item key under which `contexts` tracks a run of capitalised words ("China Unicorn"). */
export const runItem = (name: string) => `r:${name}`;
/** The item key under which `contexts` tracks a pair. */
export const pairItem = (x: string, y: string) => `p:${x} ${y}`;

function countDocument(doc: ParsedDocument, lexicon: VocabularyLexicon, tables: Tables): DocCounts {
  const pass = ++tables.pass;
  const seen = { words: [] as Tally[], caps: [] as Tally[], runs: [] as Tally[], contexts: [] as Tally[] };
  const lowerForm = (w: Word) => (w.form === w.text ? w.lower : w.form.toLowerCase());
  const context = (i: number, span: number) => `${words[i - 1] ? lowerForm(words[i - 1]) : ''} ${words[i + span] ? lowerForm(words[i + span]) : ''}`;
  const words = documentWords(doc);
  let run: Word[] = [];
  let runStart = 0;
  const endRun = () => {
    if (run.length >= 2) {
      const name = run.map((w) => w.form).join(' ');
      tables.runs.see(name, pass, seen.runs);
      // Where the run stands, so copies of one text (same neighbours) count once.
      tables.contexts.see(`${runItem(name)}\u0000${context(runStart, run.length)}`, pass, seen.contexts);
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let form = tables.forms.get(w.form);
    if (!form) tables.forms.set(w.form, (form = { word: tables.words.tally(lowerForm(w)), capitalised: undefined, verdict: 0, verdictBy: undefined }));
    if (form.word.dead) form.word = tables.words.tally(lowerForm(w));
    count(form.word, pass, seen.words);
    if (w.capitalised) {
      if (!form.capitalised || form.capitalised.dead) form.capitalised = tables.caps.tally(w.form);
      count(form.capitalised, pass, seen.caps);
    }
    const prev = words[i - 1];
    const adjacent = prev && prev.sentence === w.sentence && spaceBetween(doc.text, prev, w);
    if (adjacent && !prev.capitalised && !w.capitalised) {
      // Only uses that read as the compound are counted: "a way to win" and "for a way out" say
      // nothing about whether the writer means "a way" where "away" reads ("five buildings a way on").
      if (lexicon.isCommonJoin(prev.form, w.form) && !isPhraseInContext(words, i, doc.text, prev.form, w.form)) {
        tables.contexts.see(`${pairItem(prev.form, w.form)}\u0000${context(i - 1, 2)}`, pass, seen.contexts);
      }
    }
    if (w.plain && verdictOf(w, form, lexicon) === 0) tables.contexts.see(`${wordItem(w.form)}\u0000${context(i, 1)}`, pass, seen.contexts);
    if (w.capitalised && w.plain) {
      if (!adjacent) endRun();
      if (run.length === 0) runStart = i;
      run.push(w);
    } else endRun();
  }
  endRun();
  return { words: shareOf(seen.words), capitalised: shareOf(seen.caps), runs: shareOf(seen.runs), contexts: shareOf(seen.contexts) };
}

/** The word's dictionary verdict, asked of the lexicon once per form and handed to the form's other words. */
function verdictOf(w: Word, form: FormInfo, lexicon: VocabularyLexicon): number {
  if (form.verdictBy === undefined) {
    form.verdict = lexicon.verdict(w);
    form.verdictBy = w.verdictBy;
  } else if (w.verdictBy !== form.verdictBy) {
    w.verdict = form.verdict;
    w.verdictBy = form.verdictBy;
  }
  return form.verdict;
}
