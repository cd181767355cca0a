/**
 * Names bent out of shape: a capitalised word or run of words one confusion away from a
 * name that is attested, in a gazetteer (telecom operators, countries) or elsewhere in the
 * folder. "China Unicorn" is flagged because "China Unicom" is a registered operator,
 * even though "unicorn" is an ordinary word.
 */
import type { Finding, GazetteerEntry } from '../types';
import type { Lexicon } from './lexicon';
import { runItem, wordItem, type FolderVocabulary } from './vocabulary';
import { confusionBetween, visualVariants, type Variant } from './confusions';
import type { Word } from './words';

/** Where a known name comes from, for the message. */
interface Known {
  name: string;
  attestedBy: string;
  /** Gazetteer names are checked facts; folder names are counts. */
  gazetteer: boolean;
}

/** Gazetteer names, indexed for exact look-up and for runs with one word masked. */
export interface NameIndex {
  lookup(name: string): GazetteerEntry | undefined;
  /** Whether the engine knows the name: any gazetteer entry, or a word of a multi-word one ("Unicom"). */
  isKnown(name: string): boolean;
  /** Multi-word names whose masked key (see `maskKey`) is `key`. */
  masked(key: string): ReadonlyArray<string>;
  /** Longest gazetteer name, in words (bounds the run windows tried). */
  readonly maxWords: number;
  /** Every word of every multi-word name: a window with two words outside it cannot match. */
  readonly parts: ReadonlySet<string>;
}

const MASK = '\u0001';
const maskKey = (forms: ReadonlyArray<string>, i: number) => forms.map((f, j) => (j === i ? MASK : f)).join(' ');

/** Multi-word names under each of their one-word-masked keys, and the words they are made of. */
interface MaskedIndex {
  index: Map<string, string[]>;
  parts: Set<string>;
}

/** An attested name one confusion away from a written run, before the document is consulted. */
interface RunMatch {
  candidate: string;
  v: Variant;
  found: Known;
}

/** The folder's masked index, and what each written run was found near (the same runs recur in every document). */
interface RunIndex extends MaskedIndex {
  matches: Map<string, RunMatch[]>;
}

function maskedIndex(names: Iterable<string>): MaskedIndex {
  const index = new Map<string, string[]>();
  const parts = new Set<string>();
  for (const name of names) {
    const forms = name.split(' ');
    if (forms.length < 2) continue;
    for (const f of forms) parts.add(f);
    forms.forEach((_, i) => {
      const key = maskKey(forms, i);
      const list = index.get(key);
      if (list) list.push(name);
      else index.set(key, [name]);
    });
  }
  return { index, parts };
}

/** Indexes a gazetteer (names shorter than 4 letters are left out: too many accidents). */
export function createNameIndex(gazetteer: ReadonlyArray<GazetteerEntry>): NameIndex {
  const map = new Map<string, GazetteerEntry>();
  const knownOnly = new Set<string>();
  let maxWords = 1;
  for (const e of gazetteer) {
    const name = e.name.trim().replace(/\s+/g, ' ');
    if (e.knownOnly) {
      knownOnly.add(name);
      continue;
    }
    if (name.replace(/[^A-Za-z]/g, '').length < 4 || map.has(name)) continue;
    map.set(name, e);
    maxWords = Math.max(maxWords, name.split(' ').length);
  }
  const { index: masked, parts } = maskedIndex(map.keys());
  return { lookup: (n) => map.get(n), isKnown: (n) => map.has(n) || knownOnly.has(n) || parts.has(n), masked: (key) => masked.get(key) ?? [], maxWords: Math.min(maxWords, 4), parts };
}

/**
 * A folder name counts as attested when it recurs (two or more times) and at least
 * twice as often as the variant: one stray spelling against a consistent one.
 */
const FOLDER_MIN = 2;
/** A variant used in this many documents is a deliberate spelling, not a slip. */
const CONSISTENT_DOCS = 3;
/** Longest run of words tried as one name. */
const MAX_WINDOW = 4;

/**
 * The folder's recurring multi-word names, masked-indexed. Matches are found again whenever the
 * folder changes (counts move); the masked index only when the recurring names themselves
 * change, which an edit to one document seldom does, and rebuilding it took most of an edit.
 */
function folderRunIndex(folder: FolderVocabulary): RunIndex {
  const cached = runIndexCache.get(folder);
  if (cached && cached.version === folder.version) return cached.index;
  const recurring = folder.recurringRuns(FOLDER_MIN);
  const masked = cached && (cached.recurring === recurring || sameList(cached.recurring, recurring)) ? cached.index : maskedIndex(recurring);
  const index = { index: masked.index, parts: masked.parts, matches: new Map<string, RunMatch[]>() };
  runIndexCache.set(folder, { version: folder.version, recurring, index });
  return index;
}
const runIndexCache = new WeakMap<FolderVocabulary, { version: number; recurring: string[]; index: RunIndex }>();

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Finds near-miss names among a document's words. */
export function findNameNearMisses(text: string, words: ReadonlyArray<Word>, lexicon: Lexicon, names: NameIndex, folder: FolderVocabulary): Finding[] {
  const findings: Finding[] = [];
  const taken = new Set<number>();
  const runs = folderRunIndex(folder);
  const documentForms = new Set(words.filter((w) => w.capitalised && w.plain).map((w) => w.form));
  const isWord = (t: string) => lexicon.acceptsAny(t) || lexicon.acceptsAny(t.toLowerCase());
  for (const run of capitalisedRuns(text, words)) {
    // A window with two words that are in no multi-word name cannot match one: asked once per word.
    const outsideNames = run.map((w) => !names.parts.has(w.form) && !runs.parts.has(w.form));
    // Multi-word windows first: a whole name is stronger evidence than one word.
    for (let size = Math.min(MAX_WINDOW, run.length); size >= 1; size--) {
      for (let s = 0; s + size <= run.length; s++) {
        if (size > 1) {
          let outside = 0;
          for (let j = s; j < s + size; j++) if (outsideNames[j]) outside++;
          if (outside > 1) continue;
        }
        const window = run.slice(s, s + size);
        if (window.some((w) => taken.has(w.start))) continue;
        const hit = size === 1 ? matchWord(text, window[0], documentForms, isWord, names, folder) : matchRun(text, window, isWord, names, folder, runs);
        if (!hit) continue;
        window.forEach((w) => taken.add(w.start));
        findings.push(hit);
      }
    }
  }
  return findings;
}

function matchRun(text: string, window: Word[], isWord: (t: string) => boolean, names: NameIndex, folder: FolderVocabulary, runs: RunIndex): Finding | undefined {
  const forms = window.map((w) => w.form);
  const written = forms.join(' ');
  let matches = runs.matches.get(written);
  if (!matches) runs.matches.set(written, (matches = runMatches(forms, written, isWord, names, folder, runs)));
  // A folder name one non-visual slip away counts only where this document also writes it.
  for (const m of matches) if (m.found.gazetteer || m.v.visual || text.includes(m.candidate)) return finding(text, window, m.found, m.v);
  return undefined;
}

/** The attested names one confusion away from a run of words, in the order they are preferred. */
function runMatches(forms: string[], written: string, isWord: (t: string) => boolean, names: NameIndex, folder: FolderVocabulary, runs: MaskedIndex): RunMatch[] {
  // Most windows have no name one word away: look that up before anything else.
  const keys = forms.map((_, i) => maskKey(forms, i));
  if (!keys.some((k) => names.masked(k).length > 0 || runs.index.has(k))) return [];
  if (names.lookup(written)) return [];
  const writtenCount = folder.run(written);
  // Written the same way by several writers is deliberate; copies of one text (same context) are one writer.
  if (folder.contexts(runItem(written)) >= CONSISTENT_DOCS) return [];
  const out: RunMatch[] = [];
  for (let i = 0; i < forms.length; i++) {
    const candidates = [...names.masked(keys[i]), ...(runs.index.get(keys[i]) ?? [])];
    if (candidates.length === 0) continue;
    // A dictionary word inside a run is only re-read through a visual confusion.
    const dictionaryWord = isWord(forms[i]);
    for (const candidate of candidates) {
      const v = confusionBetween(forms[i], candidate.split(' ')[i]);
      if (!v || (dictionaryWord && !v.visual)) continue;
      const found = attested(candidate, true, writtenCount, names, folder);
      if (found) out.push({ candidate, v, found });
    }
  }
  return out;
}

function matchWord(text: string, word: Word, documentForms: ReadonlySet<string>, isWord: (t: string) => boolean, names: NameIndex, folder: FolderVocabulary): Finding | undefined {
  const token = word.form;
  // A dictionary word ("Apple", "Line") is never re-read as another name, nor is a name the engine
  // knows ("Mehta", a personal name, is no bent "Melita"); a spelling used across documents is
  // deliberate (where it stands counts, so copies of one text count once).
  if (token.length < 4 || isWord(token) || names.isKnown(token) || folder.contexts(wordItem(token)) >= CONSISTENT_DOCS) return undefined;
  for (const [v, found] of wordCandidates(token, names, folder)) return finding(text, [word], found, v);
  // A dropped or doubled letter is an ordinary difference between two people's names
  // ("Kenney", "Kennedy") unless the same text also writes the other form, and often.
  for (const other of documentForms) {
    if (other.length < 6 || Math.abs(other.length - token.length) !== 1) continue;
    const v = confusionBetween(token, other);
    if (!v) continue;
    const found = attested(other, false, folder.capitalised(token), names, folder);
    if (found && !found.gazetteer) return finding(text, [word], found, v);
  }
  return undefined;
}

// Attested variants of one capitalised word, cached until the folder changes: the same
// unknown names recur in every document of a large folder.
const wordCache = new WeakMap<FolderVocabulary, { version: number; map: Map<string, [Variant, Known][]> }>();
function wordCandidates(token: string, names: NameIndex, folder: FolderVocabulary): [Variant, Known][] {
  let cache = wordCache.get(folder);
  if (!cache || cache.version !== folder.version) wordCache.set(folder, (cache = { version: folder.version, map: new Map() }));
  let out = cache.map.get(token);
  if (out) return out;
  out = [];
  const writtenCount = folder.capitalised(token);
  for (const v of visualVariants(token)) {
    // Single words must be long enough that a one-letter coincidence is unlikely.
    if (v.form.length < 5) continue;
    const found = attested(v.form, false, writtenCount, names, folder);
    if (found) out.push([v, found]);
  }
  cache.map.set(token, out);
  return out;
}

function attested(candidate: string, run: boolean, writtenCount: number, names: NameIndex, folder: FolderVocabulary): Known | undefined {
  const entry = names.lookup(candidate);
  if (entry) return { name: entry.name, attestedBy: entry.label, gazetteer: true };
  const n = run ? folder.run(candidate) : folder.capitalised(candidate);
  if (n >= FOLDER_MIN && n >= 2 * Math.max(writtenCount, 1)) return { name: candidate, attestedBy: `elsewhere in the folder (${n}×)`, gazetteer: false };
  return undefined;
}

function finding(docText: string, window: Word[], known: Known, v: Variant): Finding {
  const start = window[0].start;
  const last = window[window.length - 1];
  const end = last.start + last.form.length;
  const text = docText.slice(start, end);
  const fix = rewrite(docText, window, known.name, start);
  const confusion = v.visual ? `${v.to}→${v.from}` : v.from.length > v.to.length ? `doubled '${v.to}'` : `dropped '${v.to.slice(-1)}'`;
  return {
    start,
    end,
    text,
    rule: 'name-near-miss',
    message: `"${text}" is one confusion (${confusion}) away from "${known.name}", ${known.attestedBy}.`,
    suggestions: [fix],
    confidence: known.gazetteer ? (window.length > 1 ? 0.9 : 0.75) : 0.7,
    severity: window.length > 1 || v.visual ? 'warning' : 'information',
    reason: { kind: 'confusion', from: v.from, to: v.to, known: known.name, attestedBy: known.attestedBy },
  };
}

/**
 * The span's text with only the bent word replaced, so what stands around it stays as written
 * ("Nixon's Ccmmittee" → "Nixon's Committee", not "Nixon Committee").
 */
function rewrite(docText: string, window: Word[], name: string, start: number): string {
  const parts = name.split(' ');
  if (parts.length !== window.length) return name;
  let out = '';
  let at = start;
  window.forEach((w, j) => {
    if (w.form === parts[j]) return;
    out += docText.slice(at, w.start) + parts[j];
    at = w.start + w.form.length;
  });
  const last = window[window.length - 1];
  return out + docText.slice(at, last.start + last.form.length);
}

/** Maximal runs of capitalised words joined by single spaces within a sentence. */
function capitalisedRuns(text: string, words: ReadonlyArray<Word>): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const prev = words[i - 1];
    // One plain space between them, read in place.
    const joined = prev && run.length > 0 && prev.sentence === w.sentence && w.start === prev.end + 1 && text.charCodeAt(prev.end) === 32;
    if (!w.capitalised || !w.plain) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    if (!joined && run.length) {
      runs.push(run);
      run = [];
    }
    run.push(w);
  }
  if (run.length) runs.push(run);
  return runs;
}
