// Writes dist/data/en-gb-variants.json: the lower-case words of cspell's MIT-licensed British
// English dictionary (@cspell/dict-en-gb-mit, SCOWL-based with its variant spellings) that
// neither Hunspell dictionary accepts: "focussed", "despatched", "instal". dictionary-en-gb
// keeps only SCOWL's preferred British forms, so careful British text was flagged.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upToDate } from '../lib/data-files.mjs';
import { gbTrieFile, wordsHunspellLacks } from '../lib/en-gb-words.mjs';

// The list is large and holds old and rare forms too ("concious" among them); only words that one
// of the known British variant patterns turns into a dictionary word are kept: a doubled or single
// consonant ("focussed", "instal"), des-/dis- ("despatched"), -ise/-ize, -our/-or, -re/-er, ae/oe/e,
// -ence/-ense, -gue/-g, -xion/-ction.
function standardForms(w) {
  const out = [];
  for (let i = 1; i < w.length; i++) {
    if (w[i] === w[i - 1] && !/[aeiou]/.test(w[i])) out.push(w.slice(0, i) + w.slice(i + 1));
    else if (!/[aeiou]/.test(w[i]) && /[aeiou]/.test(w[i - 1])) out.push(w.slice(0, i + 1) + w[i] + w.slice(i + 1));
  }
  const swaps = [[/^des/, 'dis'], [/^dis/, 'des'], [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'], [/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1'], [/ys(e|es|ed|ing)$/, 'yz$1'],
    [/our/, 'or'], [/re(s|d)?$/, 'er$1'], [/ae/, 'e'], [/oe/, 'e'], [/ence(s)?$/, 'ense$1'], [/gue(s)?$/, 'g$1'], [/xion(s)?$/, 'ction$1']];
  for (const [re, to] of swaps) if (re.test(w)) out.push(w.replace(re, to));
  return out;
}

export async function build(out) {
  const dest = join(out, 'en-gb-variants.json');
  if (upToDate(dest, [gbTrieFile(), fileURLToPath(import.meta.url)])) return;
  const { words, known } = wordsHunspellLacks();
  writeFileSync(dest, JSON.stringify(words.filter((w) => standardForms(w).some(known)).sort()));
}
