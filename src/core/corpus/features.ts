/**
 * What a sentence says, as matchable items: content lemmas, names, normalised numbers and
 * dates. Function words are dropped; everything else is compared by lemma and WordNet synset.
 */
import type { Sentence } from '../text/parse';
import { findDates, findQuantities, lemmatize, STOPWORDS, type DateMention, type Quantity } from '../lexicon';
import { internKey } from './key-ids';

/** The kind of a matchable item. */
export type ItemKind = 'name' | 'word' | 'number' | 'date';

/** One matchable unit of a sentence. */
export interface Item {
  /** Index key: a lemma, `#<value>` for a number, or a date key such as `m7-d15`. */
  key: string;
  /** As written, for reasons shown to the user. */
  surface: string;
  kind: ItemKind;
  /** For numbers: what is counted ("month", "percent"); '' otherwise. */
  unit: string;
  /** Cached weight, valid while `weightTag` is the matcher's current IDF function. */
  weight?: number;
  weightTag?: unknown;
  /** `key` interned (`key-ids.ts`): the index and the matcher compare and look up ids. */
  keyId: number;
  /** The item's WordNet synset ids, with the lookup they came from. */
  synsets?: readonly number[];
  synsetsTag?: unknown;
  /** The matcher's interned id of the key's first three letters (-1: shorter). */
  stemId?: number;
  /** Which clause of the sentence holds it (0-based; clauses split at commas and conjunctions). */
  clause: number;
  /** Index of its first token in the sentence: items in reading order. */
  pos: number;
  /** For numbers: the value and the precision it is written to. */
  value?: number;
  step?: number;
  /** True for an initialism ("IAEA", "U.S."); its key is its letters in lower case. */
  acronym?: boolean;
}

/**
 * Every item has every field, written in one order, from its creation: the matcher reads items
 * in its innermost loops and caches on them, and items of one shape keep those reads fast.
 */
export function makeItem(key: string, surface: string, kind: ItemKind, unit: string, clause: number, pos: number, value?: number, step?: number, acronym?: boolean, keyId = internKey(key)): Item {
  return { key, surface, kind, unit, weight: undefined, weightTag: undefined, keyId, synsets: undefined, synsetsTag: undefined, stemId: undefined, clause, pos, value, step, acronym };
}

/** A sentence prepared for matching. */
export interface SentenceFeatures {
  docId: string;
  sentence: Sentence;
  items: Item[];
  /** Distinct item key ids (the inverted index's terms), in reading order. */
  keyIds: number[];
  quantities: Quantity[];
  dates: DateMention[];
  /** Lower-case word sequence, for near-verbatim (copy) comparison. */
  words: string[];
  /** True when the sentence holds a negation ("not", "never", "didn't"). */
  negated: boolean;
  /** True when a word with a negative sense appears ("without", "refused", "declined"): the other side's "not" may be a paraphrase of it. */
  negativeWord: boolean;
  /** The matcher's packed key weights, valid for the IDF function in `tag`. */
  keyWeights: { tag: unknown; ids: Int32Array; weights: Float64Array; total: number } | undefined;
}

/** Words that negate what their clause states. */
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'cannot', "n't"]);
/** Words (lemmas) that deny or withhold without a grammatical negation: "refused to" ~ "would not". */
const NEGATIVE_POLARITY = new Set(['without', 'refuse', 'decline', 'deny', 'fail', 'unable', 'lack']);
const NEGATED_CONTRACTION = /n['’]t$/;

/** A possessive or a clitic ("Xiaomi's", "I've", "they'll"): the part after the apostrophe is grammar. */
const CLITIC = /['’](?:s|ve|re|ll|d|m)?$/;

/** Extracts the matchable items of a sentence. */
export function sentenceFeatures(docId: string, sentence: Sentence, commonWords: ReadonlySet<string>): SentenceFeatures {
  const tokens = sentence.tokens;
  const dates = findDates(tokens, sentence.text, sentence.start);
  const inDate = new Set<number>();
  for (const d of dates) for (let i = d.first; i <= d.last; i++) inDate.add(i);
  // The day in "June 7" is part of a date, not a count.
  const quantities = findQuantities(tokens, sentence.text, sentence.start).filter((q) => !inDate.has(q.first) && !inDate.has(q.last));
  const clauses = clauseIndexes(sentence);
  const covered = new Set<number>();
  const items: Item[] = [];
  for (const q of quantities) {
    for (let i = q.first; i <= q.last; i++) covered.add(i);
    items.push(makeItem(`#${+q.value.toPrecision(6)}`, q.text, 'number', q.unit, clauses[q.first], q.first, q.value, q.step));
    // The counted word still carries meaning ("months", "seconds"): keep it as a word too.
    const unitToken = tokens[q.last];
    if (q.unit && unitToken.kind === 'word' && unitToken.lower !== 'percent') covered.delete(q.last);
  }
  for (const d of dates) {
    for (let i = d.first; i <= d.last; i++) covered.add(i);
    for (const key of d.keys) items.push(makeItem(key, d.text, 'date', '', clauses[d.first], d.first));
  }
  const words: string[] = [];
  let negated = false;
  let negativeWord = false;
  // In a line written all in capitals, capitals say nothing about acronyms.
  const cache = infoCache(commonWords);
  const infos = tokens.map((t) => (t.kind === 'word' || t.kind === 'number' ? tokenInfo(t.text, t.lower, commonWords, cache) : undefined));
  let lettered = 0;
  let upper = 0;
  infos.forEach((info, i) => {
    if (!info?.lettered || tokens[i].kind !== 'word') return;
    lettered++;
    if (info.upper) upper++;
  });
  const shouting = upper > lettered / 2;
  const firstWord = firstWordIndex(sentence);
  tokens.forEach((tok, i) => {
    if (tok.kind !== 'word' && tok.kind !== 'number') return;
    words.push(tok.lower);
    const info = infos[i]!;
    if (info.negativeWord) negativeWord = true;
    if (info.negator) {
      // "didn't", "won't": the auxiliary carries no fact; the negation is kept as a flag.
      negated = true;
      return;
    }
    if (covered.has(i) || tok.kind === 'number') return;
    if (info.acronym && !shouting) {
      // "U.S." and "US" are one name, and "US" is not the pronoun "us".
      items.push(makeItem(info.acronym, info.surface, 'name', '', clauses[i], i, undefined, undefined, true));
      return;
    }
    for (const part of info.parts) {
      // A capital at the start of a sentence is grammar unless the dictionary lists no lower-case form.
      const name = info.capitalised && (i > firstWord || !part.common);
      items.push(makeItem(part.key, info.surface, name ? 'name' : 'word', '', clauses[i], i, undefined, undefined, undefined, part.keyId));
    }
  });
  const keyIds: number[] = [];
  for (const it of items) if (!keyIds.includes(it.keyId)) keyIds.push(it.keyId);
  return { docId, sentence, items, keyIds, quantities, dates, words, negated, negativeWord, keyWeights: undefined };
}

/** What one written word contributes, whatever sentence it is in. */
interface TokenInfo {
  negator: boolean;
  negativeWord: boolean;
  /** As written, less a possessive or clitic. */
  surface: string;
  acronym: string | undefined;
  capitalised: boolean;
  /** Two letters or more; all in capitals (what tells a line written in capitals). */
  lettered: boolean;
  upper: boolean;
  /** The lemma of each part (a hyphenated word has several) kept as an item, and whether the dictionary lists it in lower case. */
  parts: ReadonlyArray<{ key: string; keyId: number; common: boolean }>;
}

/**
 * Per written form: a folder repeats its words, and working this out (lemmas, look-ups, several
 * regular expressions) for every token was most of the cost of extracting features.
 */
const tokenInfos = new WeakMap<ReadonlySet<string>, Map<string, TokenInfo>>();

function infoCache(commonWords: ReadonlySet<string>): Map<string, TokenInfo> {
  let cache = tokenInfos.get(commonWords);
  if (!cache) tokenInfos.set(commonWords, (cache = new Map()));
  return cache;
}

function tokenInfo(text: string, lower: string, commonWords: ReadonlySet<string>, cache: Map<string, TokenInfo>): TokenInfo {
  let info = cache.get(text);
  if (info) return info;
  const lemma = lemmatize(lower);
  const surface = text.replace(CLITIC, '');
  const bare = lower.replace(CLITIC, '');
  // Hyphenated compounds meet their open spelling: "razor-wire" ~ "razor wire".
  const parts: Array<{ key: string; keyId: number; common: boolean }> = [];
  for (const part of bare.includes('-') ? bare.split('-') : [bare]) {
    if (part.length < 2 || STOPWORDS.has(part) || !/\p{L}/u.test(part)) continue;
    const key = part === lower ? lemma : lemmatize(part);
    parts.push({ key, keyId: internKey(key), common: commonWords.has(part) || commonWords.has(key) });
  }
  info = {
    negator: NEGATORS.has(lower) || NEGATED_CONTRACTION.test(lower),
    negativeWord: NEGATIVE_POLARITY.has(lower) || NEGATIVE_POLARITY.has(lemma),
    surface,
    acronym: acronymOf(surface),
    capitalised: /^\p{Lu}/u.test(text),
    lettered: /\p{L}{2}/u.test(text),
    upper: text === text.toUpperCase(),
    parts,
  };
  // Bounded like the lemma cache: an editor session may see many forms.
  if (cache.size > 200_000) cache.clear();
  cache.set(text, info);
  return info;
}

/** The letters of an initialism written in capitals, with or without stops ("IAEA", "U.S."), lower case. */
export function acronymOf(text: string): string | undefined {
  if (text.length < 2 || text.length > 12 || (text[1] !== '.' && text[1].toLowerCase() === text[1])) return undefined;
  if (/^\p{Lu}{2,6}$/u.test(text) || /^(?:\p{Lu}\.){2,6}$/u.test(text)) return text.replace(/\./g, '').toLowerCase();
  return undefined;
}

const CLAUSE_MARKS = new Set([',', ';', ':', '—', '–', '--', '-', '(', ')', '"', '“', '”']);
const CLAUSE_WORDS = new Set(['that', 'and', 'but', 'if', 'whether', 'which', 'who', 'while', 'because', 'although', 'though', 'whereas', 'where', 'when']);

/** For each token, the index of the clause that holds it. */
function clauseIndexes(sentence: Sentence): number[] {
  let clause = 0;
  return sentence.tokens.map((t, i) => {
    if (i > 0 && (CLAUSE_MARKS.has(t.text) || CLAUSE_WORDS.has(t.lower))) clause++;
    return clause;
  });
}

function firstWordIndex(sentence: Sentence): number {
  const i = sentence.tokens.findIndex((t) => t.kind === 'word' || t.kind === 'number');
  // An opening quote before the first word does not move the sentence start.
  return i < 0 ? 0 : i;
}
