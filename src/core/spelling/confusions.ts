/**
 * Visual and typing confusions that bend a name out of shape: "rn" read as "m", "cl" as
 * "d", "li" as "h", "e" as "c", a letter dropped or doubled.
 */

/** A way to undo one confusion: the text had `from` where the true form has `to`. */
export interface Variant {
  /** The token with the confusion undone. */
  form: string;
  from: string;
  to: string;
  /** Visual confusions (OCR- or font-like) are stronger evidence than a dropped letter. */
  visual: boolean;
}

// Each pair is symmetric: either side may be what was written.
const VISUAL_PAIRS: ReadonlyArray<[string, string]> = [
  ['rn', 'm'],
  ['cl', 'd'],
  ['li', 'h'],
  ['e', 'c'],
  ['vv', 'w'],
  ['ri', 'n'],
  ['I', 'l'],
  // Thin strokes and open bowls that scans and small type blur: "Talwan", "Ccllier".
  ['i', 'l'],
  ['o', 'c'],
  ['0', 'O'],
  ['1', 'l'],
];

// A run is compared with many known names in a row, all against the same written form.
let lastWritten: string | undefined;
let lastVariants: Variant[] = [];
function lastVisualVariants(written: string): Variant[] {
  if (written !== lastWritten) {
    lastWritten = written;
    lastVariants = visualVariants(written);
  }
  return lastVariants;
}

/** The single confusion that turns `written` into `known`, if there is one. */
export function confusionBetween(written: string, known: string): Variant | undefined {
  // Every confusion changes the length by one letter at most ("rn"→"m", a dropped letter).
  if (written === known || Math.abs(written.length - known.length) > 1) return undefined;
  for (const v of lastVisualVariants(written)) if (v.form === known) return v;
  if (known.length === written.length + 1) {
    // a dropped letter (or a doubled one written once)
    for (let i = 0; i < known.length; i++) {
      if (known.slice(0, i) + known.slice(i + 1) === written) {
        const doubled = known[i] === known[i - 1] || known[i] === known[i + 1];
        return doubled
          ? { form: known, from: known[i], to: known[i] + known[i], visual: false }
          : { form: known, from: known.slice(Math.max(0, i - 1), i), to: known.slice(Math.max(0, i - 1), i + 1), visual: false };
      }
    }
  }
  if (written.length === known.length + 1) {
    for (let i = 1; i < written.length; i++) {
      if (written[i] === written[i - 1] && written.slice(0, i) + written.slice(i + 1) === known) return { form: known, from: written[i] + written[i], to: written[i], visual: false };
    }
  }
  return undefined;
}

/** Only the visual confusions of `token` (a handful, cheap to look up). */
export function visualVariants(token: string): Variant[] {
  const out: Variant[] = [];
  for (const [a, b] of VISUAL_PAIRS) {
    for (const [x, y] of [[a, b], [b, a]]) {
      for (let i = token.indexOf(x); i >= 0; i = token.indexOf(x, i + 1)) {
        out.push({ form: token.slice(0, i) + y + token.slice(i + x.length), from: x, to: y, visual: true });
      }
    }
  }
  return out;
}
