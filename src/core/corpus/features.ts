/**
 * What a sentence says, as matchable items: content lemmas, names, normalised numbers and
 * dates. Function words are dropped; everything else is compared by lemma and WordNet synset.
 */
import type { Sentence } from '../text/parse';
import type { Span } from '../types';
import { findDates, findQuantities, lemmatize, STOPWORDS, type DateMention, type Quantity } from '../lexicon';
import { internKey } from './key-ids';
import { clauseIndexes, marksVerb } from '../text/clauses';
import { isReportingVerb } from '../claims/attribution';

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
  /** Which fact of the sentence holds it (`SentenceFeatures.facts`). */
  fact: number;
  /** Under a negation in its clause ("comment" in "refused to comment"). */
  negated: boolean;
  /**
   * A word that frames the fact rather than states it: the word a figure counts ("months" in
   * "three months") or a reporting verb ("said"). Matched, but not content when telling a
   * conflict on a fact from another fact.
   */
  framing: boolean;
  /** Whether it states an event (a verb, `events.ts`), asked once by the matcher. */
  event: boolean | undefined;
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
  return { key, surface, kind, unit, weight: undefined, weightTag: undefined, keyId, synsets: undefined, synsetsTag: undefined, stemId: undefined, clause, fact: -1, negated: false, framing: false, event: undefined, pos, value, step, acronym };
}

/**
 * One fact a sentence states: a run of clauses holding at least MIN_FACT_ITEMS items (an event
 * or state with its arguments: "the results of the probe will be released in three months").
 * A source backs a claim by stating one of its facts.
 */
export interface FactUnit extends Span {
  /** Distinct item keys it holds. */
  size: number;
}

/**
 * Where a sentence is and what it says, without its tokens: what the index keeps of it. The items
 * hold what matching reads, and a folder's tokens are most of its parse (about 80 MB of the
 * claims thread's heap on the BBC folder), so the index lets them go.
 */
export type SentencePlace = Omit<Sentence, 'tokens'>;

/** A sentence prepared for matching. */
export interface SentenceFeatures {
  docId: string;
  sentence: SentencePlace;
  items: Item[];
  /** Distinct item key ids (the inverted index's terms), in reading order. */
  keyIds: number[];
  quantities: Quantity[];
  dates: DateMention[];
  /** Lower-case word sequence, for near-verbatim (copy) comparison. */
  words: string[];
  /** The facts it states, in reading order; each item's `fact` indexes this list. */
  facts: FactUnit[];
  /** True when the sentence holds a negation ("not", "never", "didn't"). */
  negated: boolean;
  /** True for a line in title case or in capitals: its capitals say little of what is a name. */
  titled: boolean;

  /** True when a word with a negative sense appears ("without", "refused", "declined"): the other side's "not" may be a paraphrase of it. */
  negativeWord: boolean;
  /** The matcher's packed key weights, valid for the IDF function in `tag`. */
  keyWeights: { tag: unknown; items: readonly Item[]; ids: Int32Array; weights: Float64Array; total: number } | undefined;
}

/** Words that negate what their clause states. */
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'cannot', "n't"]);
/**
 * Negated contractions as text pasted without its apostrophes writes them ("I dont know"); "cant"
 * and "wont", which are words too, are left out.
 */
const BARE_CONTRACTIONS = new Set(['aint', 'arent', 'couldnt', 'didnt', 'doesnt', 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mustnt', 'neednt', 'shouldnt', 'wasnt', 'werent', 'wouldnt']);
/** Words (lemmas) that deny or withhold without a grammatical negation: "refused to" ~ "would not". */
const NEGATIVE_POLARITY = new Set(['without', 'refuse', 'decline', 'deny', 'fail', 'unable', 'lack']);
/** Words that put a place inside out. */
const OUTWARD = new Set(['outside', 'abroad']);
/** Prepositions that end a negating preposition's object. */
const PREPOSITIONS = new Set(['about', 'after', 'against', 'at', 'before', 'between', 'by', 'during', 'for', 'from', 'in', 'into', 'of', 'on', 'over', 'since', 'through', 'to', 'under', 'until', 'with']);
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
  const clauses = clauseIndexes(tokens);
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
  // The counted words ("months" in "three months") are kept as words, but say what the figure counts, not what happened.
  const counted = new Set(quantities.filter((q) => q.unit && !covered.has(q.last)).map((q) => q.last));
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
  // In a title-cased line ("Red Sox Make Offer To Teixeira") capitals say nothing about names either.
  const titled = !shouting && isTitled(tokens, infos);
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
      const name = info.capitalised && ((i > firstWord && !titled) || !part.common);
      items.push(makeItem(part.key, info.surface, name ? 'name' : 'word', '', clauses[i], i, undefined, undefined, undefined, part.keyId));
    }
  });
  const negatedAt = negationScopes(tokens, infos, clauses);
  for (const it of items) {
    it.negated = negatedAt[it.pos];
    it.framing = it.kind === 'word' && (counted.has(it.pos) || isReportingVerb(tokens[it.pos].lower));
  }
  const keyIds: number[] = [];
  for (const it of items) if (!keyIds.includes(it.keyId)) keyIds.push(it.keyId);
  const facts = factUnits(sentence, items);
  return { docId, sentence: withoutTokens(sentence), items, keyIds, quantities, dates, words, facts, negated, titled: titled || shouting, negativeWord, keyWeights: undefined };
}

/**
 * The features of a sentence already prepared, for the same sentence where it now stands: an
 * edit re-indexes its whole document, and most of its sentences are as they were, only moved.
 * Undefined unless the text and its words are the same (features depend on nothing else). The
 * items are shared with `prepared`, which its owner is about to let go.
 */
export function movedFeatures(prepared: SentenceFeatures, sentence: Sentence): SentenceFeatures | undefined {
  if (prepared.sentence.text !== sentence.text) return undefined;
  let w = 0;
  for (const t of sentence.tokens) {
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    if (prepared.words[w++] !== t.lower) return undefined;
  }
  if (w !== prepared.words.length) return undefined;
  const shift = sentence.start - prepared.sentence.start;
  const facts = shift === 0 ? prepared.facts : prepared.facts.map((f) => ({ ...f, start: f.start + shift, end: f.end + shift }));
  return { ...prepared, sentence: withoutTokens(sentence), facts };
}

/** A sentence's place and text, without its tokens. */
function withoutTokens(sentence: Sentence): SentencePlace {
  return { index: sentence.index, block: sentence.block, start: sentence.start, end: sentence.end, text: sentence.text };
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
  // Hyphenated compounds meet their open spelling: "razor-wire" ~ "razor wire". A single letter
  // before or after the hyphen makes one word ("F-Secure", "T-Mobile", "e-mail"): its other part
  // alone is another word ("secure").
  const pieces = bare.includes('-') ? bare.split('-') : [bare];
  const joined = pieces.length > 1 && pieces.some((p) => p.length === 1 && /\p{L}/u.test(p));
  const parts: Array<{ key: string; keyId: number; common: boolean }> = [];
  for (const part of joined ? [pieces.join('')] : pieces) {
    if (part.length < 2 || STOPWORDS.has(part) || !/\p{L}/u.test(part)) continue;
    const key = part === lower ? lemma : lemmatize(part);
    parts.push({ key, keyId: internKey(key), common: commonWords.has(part) || commonWords.has(key) });
  }
  info = {
    negator: NEGATORS.has(lower) || NEGATED_CONTRACTION.test(lower) || BARE_CONTRACTIONS.has(lower),
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

/**
 * For each token, whether an odd number of negating words stand before it in its clause: a
 * negation ("not comment"), a word of negative sense ("refused to comment", "without user
 * consent") or one that turns a place inside out ("servers outside of China"). "Does not collect
 * any information without user permission" negates "collect" and "information", and not "permission".
 * A clause opened by "that" or "whether" stays in its predecessor's scope (not "if": "calls are not
 * marketing if they just ask about voting intentions" does not deny the asking).
 */
function negationScopes(tokens: Sentence['tokens'], infos: Array<TokenInfo | undefined>, clauses: number[]): boolean[] {
  let clause = -1;
  let odd = false;
  // A negating preposition ("without bail", "outside of China") denies its object, not what the
  // next preposition brings ("without bail Wednesday by a federal judge in Fort Lauderdale").
  let object = false;
  return tokens.map((t, i) => {
    if (clauses[i] !== clause) {
      clause = clauses[i];
      object = false;
      // What a denied verb or noun says or asks is not asserted either: "no evidence that the
      // two incidents were connected" ~ "no evidence to suggest the two incidents were connected".
      if (t.lower !== 'that' && t.lower !== 'whether') odd = false;
    }
    if (object && PREPOSITIONS.has(t.lower) && !(t.lower === 'of' && OUTWARD.has(tokens[i - 1]?.lower ?? ''))) object = false;
    // "had no affiliation or belonged to another party": "or" before a verb starts another predicate.
    if (t.lower === 'or' && i + 1 < tokens.length && marksVerb(tokens[i + 1])) odd = object = false;
    const here = odd !== object;
    const info = infos[i];
    if (t.lower === 'without' || OUTWARD.has(t.lower)) object = !object;
    else if (info && (info.negator || info.negativeWord)) odd = !odd;
    return here;
  });
}

/** Fewest distinct items a fact holds; smaller clauses join their neighbour ("said on Wednesday" is no fact of its own). */
export const MIN_FACT_ITEMS = 3;

/** Groups consecutive clauses into facts and tells each item its fact. */
function factUnits(sentence: Sentence, items: Item[]): FactUnit[] {
  const byClause = new Map<number, Item[]>();
  for (const it of items) {
    let list = byClause.get(it.clause);
    if (!list) byClause.set(it.clause, (list = []));
    list.push(it);
  }
  const groups: Item[][] = [];
  let open: Item[] = [];
  const distinct = (xs: Item[]) => new Set(xs.map((x) => x.keyId)).size;
  for (const clause of [...byClause.keys()].sort((x, y) => x - y)) {
    open.push(...byClause.get(clause)!);
    if (distinct(open) >= MIN_FACT_ITEMS) {
      groups.push(open);
      open = [];
    }
  }
  if (open.length > 0) {
    if (groups.length > 0) groups[groups.length - 1].push(...open);
    else groups.push(open);
  }
  const tokens = sentence.tokens;
  return groups.map((group, fact) => {
    let first = Infinity;
    let last = -1;
    for (const it of group) {
      it.fact = fact;
      first = Math.min(first, it.pos);
      last = Math.max(last, it.pos);
    }
    // A date or figure spans several tokens; its item sits at the first.
    const end = Math.max(...group.map((it) => lastTokenOf(sentence, it)));
    return { start: tokens[first].start, end: tokens[Math.max(last, end)].end, size: distinct(group) };
  });
}

/** The last token an item covers: a figure or date may run over several ("three months", "July 15, 2014"). */
function lastTokenOf(sentence: Sentence, it: Item): number {
  if (it.kind === 'word' || it.kind === 'name') return it.pos;
  const tokens = sentence.tokens;
  let last = it.pos;
  const end = tokens[it.pos].start - sentence.start;
  const span = sentence.text.indexOf(it.surface, end);
  if (span < 0) return last;
  const stop = sentence.start + span + it.surface.length;
  while (last + 1 < tokens.length && tokens[last + 1].end <= stop) last++;
  return last;
}

/** Most words of three letters or more capitalised: a headline written in title case. */
function isTitled(tokens: Sentence['tokens'], infos: Array<TokenInfo | undefined>): boolean {
  let long = 0;
  let capitalised = 0;
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || t.text.length < 3) return;
    long++;
    if (infos[i]!.capitalised) capitalised++;
  });
  return long >= 3 && capitalised / long >= 0.75;
}

function firstWordIndex(sentence: Sentence): number {
  const i = sentence.tokens.findIndex((t) => t.kind === 'word' || t.kind === 'number');
  // An opening quote before the first word does not move the sentence start.
  return i < 0 ? 0 : i;
}
