/**
 * Sister events inside one story. Two reports of two Internet Explorer patches five years apart
 * share nearly every rare word ("Microsoft", "zero-day", "patch"), so their profiles cluster as
 * one story; what sets them apart is spread thin: each report's own details ("XML parser",
 * "infected" against "memory", "targeted") and its date. A story is cut in two when both say so
 * at once: the cut that best separates its reports by the words they share with only part of the
 * story (a spectral bisection) also separates the years their leads give, more sharply than
 * chance would (Fisher's exact test). Either alone cuts real stories: any story's reports can be
 * split by wording, and a story's dated wire reports differ in year from nothing.
 */

/** What a document brings to the cut: its profile terms and the years its lead names. */
export interface SisterProfile {
  /** Term key ids, ascending. */
  keys: Int32Array;
  /** How often each occurs (lead mentions may count more). */
  weights: Float64Array;
  /** The years the lead names ("18 September 2013": 2013). */
  years: ReadonlySet<number>;
}

/** Fewest documents on each side of a cut. */
const MIN_SIDE = 3;
/**
 * Most chance, were wording and year unrelated, of a year splitting the two sides at least as
 * sharply. On ECB+ dev's 80 cuts tried, the one sister-event story whose leads carry years came
 * out at 0.007 and the next at 0.06; 4 dated reports against 4 undated ones (0.014) is the
 * smallest story it cuts.
 */
const MAX_CHANCE = 0.02;
/**
 * How much more often one side's leads must name the year than the other's (shares of their
 * reports): in a large story a slight lean is significant and still chance. ECB+ dev's sister
 * events: 0.49; a cut of 500 reports of random terms, their years in turn: 0.12 (at p 0.004).
 */
const MIN_YEAR_GAP = 0.3;
const ITERATIONS = 200;

/**
 * The story's documents (indices into `docs`) as one group or as two or more sister stories.
 * `units` groups indices that must stay together (copies); every index is in one unit.
 */
export function splitSisterEvents(docs: readonly SisterProfile[], units: readonly number[][]): number[][] {
  // Halves are tried again: only their own reports' years count.
  if (units.length < 2 * MIN_SIDE || !units.some((unit) => unit.some((i) => docs[i].years.size > 0))) return [units.flat()];
  const sides = bisect(docs, units);
  if (!sides) return [units.flat()];
  const [left, right] = sides;
  if (left.length < MIN_SIDE || right.length < MIN_SIDE || yearChance(docs, left, right) > MAX_CHANCE) return [units.flat()];
  return [...splitSisterEvents(docs, left), ...splitSisterEvents(docs, right)];
}

/**
 * The units split by the sign of the second eigenvector of their normalised similarity graph,
 * where terms are weighed by how few of the units hold them (a term every report holds cannot
 * tell two events apart; one only one report holds is that report's, not a side's). The
 * similarities are never written out: S = V·Vᵀ less its diagonal, so each step of the power
 * iteration costs the story's terms, not the square of its reports (a 500-report story took
 * 2.3 s with the matrix).
 */
function bisect(docs: readonly SisterProfile[], units: readonly number[][]): [number[][], number[][]] | undefined {
  const n = units.length;
  const bags = units.map((unit) => {
    const v = new Map<number, number>();
    for (const i of unit) docs[i].keys.forEach((k, j) => v.set(k, Math.max(v.get(k) ?? 0, docs[i].weights[j])));
    return v;
  });
  const df = new Map<number, number>();
  for (const v of bags) for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  // Rows of V as column numbers and weights, unit length; columns numbered densely.
  const column = new Map<number, number>();
  const rows = bags.map((v) => {
    const cols: number[] = [];
    const ws: number[] = [];
    for (const [k, count] of v) {
      const d = df.get(k)!;
      if (d < 2 || d === n) continue;
      if (!column.has(k)) column.set(k, column.size);
      cols.push(column.get(k)!);
      ws.push((1 + Math.log(count)) * Math.log(n / d));
    }
    const norm = Math.sqrt(ws.reduce((s, w) => s + w * w, 0)) || 1;
    return { cols, ws: ws.map((w) => w / norm) };
  });
  const selfSim = rows.map((r) => r.ws.reduce((s, w) => s + w * w, 0));
  const byTerm = new Float64Array(column.size);
  // S·y, with S the cosines between different units.
  const times = (y: readonly number[]): number[] => {
    byTerm.fill(0);
    rows.forEach((r, i) => r.cols.forEach((c, j) => (byTerm[c] += r.ws[j] * y[i])));
    return rows.map((r, i) => r.cols.reduce((s, c, j) => s + r.ws[j] * byTerm[c], 0) - selfSim[i] * y[i]);
  };
  const degree = times(units.map(() => 1));
  if (degree.some((d) => d <= 0)) return undefined;
  const root = degree.map(Math.sqrt);
  // The top eigenvector of D^-1/2 S D^-1/2 is D^1/2·1; power iteration on (that matrix + I)
  // with the top one projected out converges on the second.
  const top = normalised(root);
  let x = normalised(units.map((_, i) => (i % 2 === 0 ? 1 : -1) + i / n));
  for (let it = 0; it < ITERATIONS; it++) {
    const along = dotOf(x, top);
    x = x.map((v, i) => v - along * top[i]);
    const sx = times(x.map((v, i) => v / root[i]));
    x = normalised(x.map((v, i) => v + sx[i] / root[i]));
  }
  const left: number[][] = [];
  const right: number[][] = [];
  units.forEach((unit, i) => (x[i] / root[i] >= 0 ? left : right).push(unit));
  return [left, right];
}

/**
 * The smallest one-sided Fisher p-value, over the years the leads name, of that year being
 * named on one side more than on the other.
 */
function yearChance(docs: readonly SisterProfile[], left: number[][], right: number[][]): number {
  const years = new Set<number>();
  const leftDocs = left.flat();
  const rightDocs = right.flat();
  for (const i of [...leftDocs, ...rightDocs]) for (const y of docs[i].years) years.add(y);
  const lf = logFactorials(leftDocs.length + rightDocs.length);
  let best = 1;
  for (const year of years) {
    const a = leftDocs.filter((i) => docs[i].years.has(year)).length;
    const c = rightDocs.filter((i) => docs[i].years.has(year)).length;
    const b = leftDocs.length - a;
    const d = rightDocs.length - c;
    // A year one side names barely more often is chance in a large story, however small its p.
    if (Math.abs(a / leftDocs.length - c / rightDocs.length) < MIN_YEAR_GAP) continue;
    best = Math.min(best, fisherUpper(a, b, c, d, lf), fisherUpper(c, d, a, b, lf));
  }
  return best;
}

/** P(top-left cell ≥ a) for a 2×2 table with the margins of [[a, b], [c, d]]; `lf` holds ln k! up to the table's total. */
function fisherUpper(a: number, b: number, c: number, d: number, lf: Float64Array): number {
  const margins = lf[a + b] + lf[c + d] + lf[a + c] + lf[b + d] - lf[a + b + c + d];
  let p = 0;
  for (; b >= 0 && c >= 0; a++, d++, b--, c--) p += Math.exp(margins - lf[a] - lf[b] - lf[c] - lf[d]);
  return p;
}

/** ln k! for k up to n, as a table: a table's p-value sums up to n terms of nine each. */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) table[i] = table[i - 1] + Math.log(i);
  return table;
}

function dotOf(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, v, i) => s + v * b[i], 0);
}

function normalised(v: number[]): number[] {
  const norm = Math.sqrt(dotOf(v, v)) || 1;
  return v.map((x) => x / norm);
}
