/**
 * Date normalisation: "July 15, 2014", "15 July 2014", "Sept. 9", "Wednesday" and a bare
 * year become comparable keys ("2014", "m7-d15", "wednesday").
 */
import type { Token } from '../text/parse';

/** A date found in a sentence, with its normalised keys and the tokens it spans. */
export interface DateMention {
  /** Comparable parts: "y2014", "m7", "m7-d15", "wd3". */
  keys: string[];
  first: number;
  last: number;
  text: string;
}

// Maps, not object literals: every word of every sentence is looked up, and a keyed load on an
// object first interns the word in the engine's global string table.
const MONTHS = new Map<string, number>(Object.entries({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
}));
const WEEKDAYS = new Map<string, number>(Object.entries({ monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 }));
/** A four-digit year of the last two centuries ("1998", "2014"). */
export const YEAR = /^(1[89]|20)\d\d$/;
const DAY = /^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/;

/** Every date in a token list, in order. */
export function findDates(tokens: Token[], text: string, sentenceStart: number): DateMention[] {
  const out: DateMention[] = [];
  const slice = (a: number, b: number) => text.slice(tokens[a].start - sentenceStart, tokens[b].end - sentenceStart);
  // Skips a "." after an abbreviated month and a "," between day and year.
  const skip = (j: number, mark: string) => (tokens[j]?.text === mark ? j + 1 : j);
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i].kind;
    const raw = tokens[i].text;
    if (kind === 'number') {
      if (YEAR.test(raw)) out.push({ keys: [`y${raw}`], first: i, last: i, text: raw });
      continue;
    }
    // Month and weekday names are words.
    if (kind !== 'word') continue;
    const w = raw.endsWith('.') ? tokens[i].lower.slice(0, -1) : tokens[i].lower;
    const month = MONTHS.get(w);
    // "may" and "march" are also ordinary words: take them as months only when capitalised.
    if (month !== undefined && /^[A-Z]/.test(raw)) {
      const keys = [`m${month}`];
      let last = i;
      let j = skip(i + 1, '.');
      if (tokens[j] && DAY.test(tokens[j].text)) {
        keys.push(`m${month}-d${parseInt(tokens[j].text, 10)}`);
        last = j;
        j = skip(j + 1, ',');
      }
      if (tokens[j] && YEAR.test(tokens[j].text)) {
        keys.push(`y${tokens[j].text}`);
        last = j;
      }
      // "15 July": a day before the month.
      let first = i;
      const before = tokens[i - 1];
      if (before && DAY.test(before.text) && !keys.some((k) => k.includes('-d'))) {
        keys.push(`m${month}-d${parseInt(before.text, 10)}`);
        first = i - 1;
      }
      if (keys.length === 1 && (w === 'may' || w === 'march') && i === 0) continue;
      out.push({ keys, first, last, text: slice(first, last) });
      i = last;
      continue;
    }
    const weekday = WEEKDAYS.get(w);
    if (weekday !== undefined) out.push({ keys: [`wd${weekday}`], first: i, last: i, text: raw });
  }
  return out;
}
