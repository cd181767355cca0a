// Shared by the generators that read cspell's British word list against the two Hunspell
// dictionaries (variants.mjs, listed-words.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import nspell from 'nspell';
import { importTrie, Trie } from 'cspell-trie-lib';
import { pkgDir } from './data-files.mjs';

/** The trie file of @cspell/dict-en-gb-mit (an input of whatever is made from it). */
export const gbTrieFile = () => join(pkgDir('@cspell/dict-en-gb-mit'), 'en_GB.trie.gz');

/**
 * The list's lower-case words (names and abbreviations are the gazetteers' business) that
 * neither Hunspell dictionary accepts, and `known`, whether either accepts a word.
 */
export function wordsHunspellLacks() {
  const trie = new Trie(importTrie(gunzipSync(readFileSync(gbTrieFile())).toString('utf8').split('\n')));
  const dict = (pkg) => nspell(readFileSync(join(pkgDir(pkg), 'index.aff')), readFileSync(join(pkgDir(pkg), 'index.dic')));
  const us = dict('dictionary-en');
  const gb = dict('dictionary-en-gb');
  const known = (w) => gb.correct(w) || us.correct(w);
  const words = [];
  for (const w of trie.words()) if (/^[a-z]+$/.test(w) && !known(w)) words.push(w);
  return { words, known };
}
