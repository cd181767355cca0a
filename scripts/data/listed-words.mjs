// Writes dist/data/listed-words.json: the lower-case words of cspell's MIT-licensed British English
// dictionary (@cspell/dict-en-gb-mit, SCOWL-based) that neither Hunspell dictionary accepts:
// real words Hunspell's lists leave out ("orcas", "chinook", "ex officio"'s "officio"). They
// are never flagged, but never offered as fixes or joined into compounds either: the list also
// keeps old and rare forms (162 of codespell's 63,819 misspellings are in it, "cannister" among them),
// so it only stops a flag, it never changes a word into one of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';
import { importTrie, Trie } from 'cspell-trie-lib';
import { pkgDir, upToDate } from '../lib/data-files.mjs';

export async function build(out) {
  const trieFile = join(pkgDir('@cspell/dict-en-gb-mit'), 'en_GB.trie.gz');
  const dest = join(out, 'listed-words.json');
  if (upToDate(dest, [trieFile, fileURLToPath(import.meta.url)])) return;
  const trie = new Trie(importTrie(gunzipSync(readFileSync(trieFile)).toString('utf8').split('\n')));
  const dict = (pkg) => nspell(readFileSync(join(pkgDir(pkg), 'index.aff')), readFileSync(join(pkgDir(pkg), 'index.dic')));
  const us = dict('dictionary-en');
  const gb = dict('dictionary-en-gb');
  const words = [];
  // Lower-case letters only: names and abbreviations are the gazetteers' business.
  for (const w of trie.words()) if (/^[a-z]+$/.test(w) && !gb.correct(w) && !us.correct(w)) words.push(w);
  writeFileSync(dest, JSON.stringify(words.sort()));
}
