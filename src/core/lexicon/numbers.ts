/**
 * Number normalisation: "three", "3", "90,000", "2.5 billion", "27 percent", "$1.8bn" all
 * become values with a unit, so "in three months" meets "in 3 months".
 */
import type { Token } from '../text/parse';
import { lemmatize } from './lemma';
import { YEAR } from './dates';

/** A quantity found in a sentence: its value, what it counts, and the tokens it spans. */
export interface Quantity {
  value: number;
  /** The counted thing's lemma ("month", "percent", "$", "unit") or '' when none follows. */
  unit: string;
  /** Token indexes `[first, last]` inside the sentence. */
  first: number;
  last: number;
  /** The text as written, e.g. "three months". */
  text: string;
  /** The precision it is written to: 0.1 for "4.9", 100 for "300", 1e8 for "$33.4 billion". */
  step: number;
}

/** True when two values are the same figure written to different precision ("4.9" ~ "five", "$64.7 billion" ~ "$65 billion"). */
export function sameFigure(a: { value: number; step: number }, b: { value: number; step: number }): boolean {
  if (a.value === b.value) return true;
  if (a.step === b.step) return false;
  return Math.abs(a.value - b.value) <= Math.max(a.step, b.step) / 2 + 1e-9 * Math.abs(a.value);
}

/** The precision of a written number: its last decimal place, or its last non-zero digit. */
function writtenStep(lower: string, value: number): number {
  const decimals = /^[+-]?\d[\d,]*\.(\d+)/.exec(lower);
  if (decimals) return 10 ** -decimals[1].length;
  let step = 1;
  let v = Math.round(Math.abs(value));
  while (v >= 10 && v % 10 === 0) {
    v /= 10;
    step *= 10;
  }
  return step;
}

// Maps, not objects: tokens are looked up one by one, and a keyed load on an object first
// interns the word in the engine's global string table.
const UNITS = new Map<string, number>(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, dozen: 12, half: 0.5,
}));
const SCALES = new Map<string, number>(Object.entries({
  hundred: 1e2, thousand: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
}));
const CURRENCY = new Map<string, string>(Object.entries({ $: '$', '£': '£', '€': '€', '¥': '¥', us$: '$', usd: '$', gbp: '£', eur: '€' }));
const DOLLAR_CODE = /^(?:US|AU|A|C|NZ|HK|S)(\d[\d,]*(?:\.\d+)?)$/;
const PERCENT = new Set(['%', 'percent', 'per cent', 'pc', 'percentage']);
/** Words after a number that are grammar, not what is counted. */
const SKIP_AFTER = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'per']);

/** The numeric value of one token ("3", "90,000", "27%", "three"), or undefined. */
export function tokenValue(text: string): number | undefined {
  const t = text.toLowerCase();
  // Asked of every token of every sentence: most are words with no hyphen and no digit.
  const hyphened = hyphenedValue(t);
  if (hyphened !== undefined) return hyphened;
  const c = t.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  if (!digit && c !== 43 && c !== 45 && !UNITS.has(t)) return undefined;
  const digits = /^[+-]?\d[\d,]*(?:\.\d+)?/.exec(t);
  if (digits) return Number(digits[0].replace(/,/g, ''));
  if (UNITS.has(t) && t !== 'half') return UNITS.get(t);
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(t);
  if (ordinal) return Number(ordinal[1]);
  return undefined;
}

/** "sixty-one" → 61 and "3-million" → 3000000: number words and scales written with a hyphen. */
function hyphenedValue(t: string): number | undefined {
  if (!t.includes('-')) return undefined;
  const m = /^([a-z]+|\d[\d,]*(?:\.\d+)?)-([a-z]+)$/.exec(t);
  if (!m) return undefined;
  const [, head, tail] = m;
  if (/^\d/.test(head)) {
    const scale = SCALES.get(tail);
    return scale && tail.length > 2 ? Number(head.replace(/,/g, '')) * scale : undefined;
  }
  const tens = UNITS.get(head);
  const unit = UNITS.get(tail);
  if (tens !== undefined && tens >= 20 && tens % 10 === 0 && unit !== undefined && unit >= 1 && unit <= 9) return tens + unit;
  return undefined;
}

function unitOf(tokens: Token[], i: number): { unit: string; last: number } {
  const next = tokens[i + 1];
  if (!next) return { unit: '', last: i };
  const w = next.lower;
  if (PERCENT.has(w)) return { unit: 'percent', last: i + 1 };
  if (w === 'per' && tokens[i + 2]?.lower === 'cent') return { unit: 'percent', last: i + 2 };
  if (next.kind === 'word' && !SKIP_AFTER.has(w)) return { unit: lemmatize(w), last: i + 1 };
  return { unit: '', last: i };
}

/** Every quantity in a token list, in order. Years are left to dates. */
export function findQuantities(tokens: Token[], text: string, sentenceStart: number): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    // "$US3.95", "$A20": the dollar's country code sits between the sign and the digits.
    const coded = tokens[i - 1]?.text === '$' && tokens[i - 1].end === tok.start ? DOLLAR_CODE.exec(tok.text) : null;
    const lower = coded ? coded[1] : tok.lower;
    let value = tokenValue(lower);
    if (value === undefined) continue;
    let scale = 1;
    if (!coded && tok.kind !== 'number' && !UNITS.has(lower) && hyphenedValue(lower) === undefined) continue;
    let first = i;
    let last = i;
    let unit = '';
    if (/%$/.test(lower)) unit = 'percent';
    // Currency before the number: "$ 2.5", "US$ 3".
    const prev = tokens[i - 1];
    const currency = prev && CURRENCY.get(prev.lower);
    if (prev && currency && prev.end === tok.start) {
      unit = currency;
      first = i - 1;
    }
    // Word numbers with tens and units: "twenty five", "twenty-five".
    while (tokens[last + 1] && tokens[last + 1].text === '-' && tokens[last + 2] && UNITS.get(tokens[last + 2].lower) !== undefined) {
      value += UNITS.get(tokens[last + 2].lower)!;
      last += 2;
    }
    // Scales: "2.5 billion", "1.8bn" (retext keeps "1.8bn" as one word).
    const glued = /^\d[\d,.]*([a-z]+)$/.exec(lower);
    if (glued && SCALES.get(glued[1])) scale *= SCALES.get(glued[1])!;
    while (tokens[last + 1] && SCALES.get(tokens[last + 1].lower) && tokens[last + 1].text.length > 1) {
      scale *= SCALES.get(tokens[last + 1].lower)!;
      last++;
    }
    const step = writtenStep(lower, value) * scale;
    value *= scale;
    if (!unit) {
      const u = unitOf(tokens, last);
      unit = u.unit;
      last = u.last;
    }
    // A bare year ("in 2014", "2014 a Chinese paper") is a date, which dates.ts reads.
    if (YEAR.test(lower) && first === i && !SCALES.get(tokens[i + 1]?.lower ?? '')) continue;
    out.push({ value, unit, first, last, text: text.slice(tokens[first].start - sentenceStart, tokens[last].end - sentenceStart).replace(/(\d)\.$/, '$1'), step });
    i = last;
  }
  return out;
}
