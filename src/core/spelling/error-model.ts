/**
 * The error model: how likely a writer is to type `typed` when meaning `intended`, as a
 * weighted Damerau–Levenshtein cost. Cheap edits are the ones people make: keys next to each
 * other, one vowel for another, a doubled or undoubled letter, two letters swapped, letters
 * that sound alike.
 */

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

// Letters whose keys touch on a QWERTY keyboard (same row neighbours and the rows above/below).
const ADJACENT: Set<string> = (() => {
  const pos = new Map<string, [number, number]>();
  ROWS.forEach((row, r) => [...row].forEach((ch, c) => pos.set(ch, [r, c + r * 0.5])));
  const pairs = new Set<string>();
  for (const [a, [ra, ca]] of pos) {
    for (const [b, [rb, cb]] of pos) {
      if (a !== b && Math.abs(ra - rb) <= 1 && Math.abs(ca - cb) <= 1) pairs.add(a + b);
    }
  }
  return pairs;
})();

const VOWELS = new Set('aeiouy');
// Pairs that stand for the same sound often enough to be swapped by writers.
const SOUND_ALIKE = new Set(['cs', 'sc', 'ck', 'kc', 'sz', 'zs', 'iy', 'yi', 'gj', 'jg', 'fv', 'vf', 'mn', 'nm', 'td', 'dt']);

/**
 * Cost of a single edit kind, in units where an arbitrary edit is 1. A letter left out is the
 * commonest slip in collections of real errors (Damerau 1964, Kukich 1992), so it costs less than
 * an arbitrary substitution: 0.7, picked from Norvig top-1 at 1.0 / 0.9 / 0.8 / 0.7 (README).
 */
export const COST = { cheapSubstitution: 0.6, substitution: 1, transposition: 0.6, doubling: 0.4, insertion: 1, deletion: 0.7 } as const;

// Substitution costs for character codes below 128, computed once (scans call this millions of times).
const SUB = (() => {
  const table = new Float32Array(128 * 128).fill(COST.substitution);
  for (let a = 0; a < 128; a++) {
    for (let b = 0; b < 128; b++) {
      const pair = String.fromCharCode(a, b);
      if (a === b) table[a * 128 + b] = 0;
      else if ((VOWELS.has(pair[0]) && VOWELS.has(pair[1])) || ADJACENT.has(pair) || SOUND_ALIKE.has(pair)) table[a * 128 + b] = COST.cheapSubstitution;
    }
  }
  return table;
})();

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  return a < 128 && b < 128 ? SUB[a * 128 + b] : COST.substitution;
}

let rows = [0, 1, 2].map(() => new Float64Array(64));
let drops = new Float64Array(64);

/**
 * Weighted edit cost of turning `intended` into `typed`, or `Infinity` once it is sure to
 * exceed `limit` (most candidates are abandoned after a row or two).
 */
export function editCost(typed: string, intended: string, limit = Infinity): number {
  const n = typed.length;
  const m = intended.length;
  if (Math.abs(n - m) * COST.doubling > limit) return Infinity;
  // rows i-2, i-1, i over `intended`, reused across calls: scans call this thousands of times
  if (m + 1 > rows[0].length) rows = [0, 1, 2].map(() => new Float64Array(2 * (m + 1)));
  if (m > drops.length) drops = new Float64Array(2 * m);
  // A letter's drop cost depends on its neighbours alone, and a typed letter's extra cost likewise:
  // worked out once per letter, not once per cell (the suggester's scan is most of a folder's spelling time).
  for (let j = 0; j < m; j++) drops[j] = dropCost(intended, j);
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + drops[j - 1];
  for (let i = 1; i <= n; i++) {
    const t = typed.charCodeAt(i - 1);
    const extra = extraCost(typed, i - 1);
    cur[0] = prev[0] + extra;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const w = intended.charCodeAt(j - 1);
      let best = prev[j - 1] + substitutionCost(t, w);
      const ins = prev[j] + extra; // typed has a letter the word lacks
      if (ins < best) best = ins;
      const del = cur[j - 1] + drops[j - 1]; // typed lacks a letter of the word
      if (del < best) best = del;
      if (i > 1 && j > 1 && t === intended.charCodeAt(j - 2) && typed.charCodeAt(i - 2) === w && t !== w) {
        const tr = prev2[j - 2] + COST.transposition;
        if (tr < best) best = tr;
      }
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return Infinity;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m];
}

// A letter typed twice ("occurr") costs less than an arbitrary extra letter.
function extraCost(typed: string, i: number): number {
  const c = typed.charCodeAt(i);
  return c === typed.charCodeAt(i - 1) || c === typed.charCodeAt(i + 1) ? COST.doubling : COST.insertion;
}

// A doubled letter written once ("ocur") costs less than an arbitrary missing letter.
function dropCost(intended: string, j: number): number {
  const c = intended.charCodeAt(j);
  return c === intended.charCodeAt(j - 1) || c === intended.charCodeAt(j + 1) ? COST.doubling : COST.deletion;
}

/**
 * A rough sound key (in the spirit of Metaphone): spellings that sound alike share it, so
 * "exstacy" and "ecstasy" meet even though they are several edits apart.
 */
export function soundKey(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  w = w
    .replace(/^kn|^gn|^pn|^wr/, (m) => m[1])
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/dg(?=[eiy])/g, 'j')
    .replace(/gh(?![aeiou])/g, '')
    .replace(/sh|sch/g, 'x')
    .replace(/th/g, '0')
    .replace(/tio|tia/g, 'xo')
    .replace(/w(?![aeiou])/g, '')
    .replace(/y/g, 'i');
  const head = w[0] ?? '';
  const rest = w.slice(1).replace(/[aeiouh]/g, '');
  return (head + rest).replace(/(.)\1+/g, '$1');
}
