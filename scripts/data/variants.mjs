// Writes dist/data/en-gb-variants.json: the lower-case words of cspell's MIT-licensed British
// English dictionary (@cspell/dict-en-gb-mit, SCOWL-based with its variant spellings) that
// neither Hunspell dictionary accepts: "focussed", "despatched", "instal". dictionary-en-gb
// keeps only SCOWL's preferred British forms, so careful British text was flagged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';
import { importTrie, Trie } from 'cspell-trie-lib';
import { pkgDir, upToDate } from '../lib/data-files.mjs';

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
  const trieFile = join(pkgDir('@cspell/dict-en-gb-mit'), 'en_GB.trie.gz');
  const dest = join(out, 'en-gb-variants.json');
  if (upToDate(dest, [trieFile, fileURLToPath(import.meta.url)])) return;
  const trie = new Trie(importTrie(gunzipSync(readFileSync(trieFile)).toString('utf8').split('\n')));
  const dict = (pkg) => nspell(readFileSync(join(pkgDir(pkg), 'index.aff')), readFileSync(join(pkgDir(pkg), 'index.dic')));
  const us = dict('dictionary-en');
  const gb = dict('dictionary-en-gb');
  const words = [];
  // Lower-case letters only: names and abbreviations are the gazetteers' business.
  const known = (w) => gb.correct(w) || us.correct(w);
  for (const w of trie.words()) if (/^[a-z]+$/.test(w) && !known(w) && standardForms(w).some(known)) words.push(w);
  writeFileSync(dest, JSON.stringify(words.sort()));
}
