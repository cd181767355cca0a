// Writes dist/data/listed-words.json: the lower-case words of cspell's MIT-licensed British English
// dictionary (@cspell/dict-en-gb-mit, SCOWL-based) that neither Hunspell dictionary accepts:
// real words Hunspell's lists leave out ("orcas", "chinook", "ex officio"'s "officio"). They
// are never flagged, but never offered as fixes or joined into compounds either: the list also
// keeps old and rare forms (162 of codespell's 63,819 misspellings are in it, "cannister" among them),
// so it only stops a flag, it never changes a word into one of its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upToDate } from '../lib/data-files.mjs';
import { gbTrieFile, wordsHunspellLacks } from '../lib/en-gb-words.mjs';

export async function build(out) {
  const dest = join(out, 'listed-words.json');
  if (upToDate(dest, [gbTrieFile(), fileURLToPath(import.meta.url)])) return;
  writeFileSync(dest, JSON.stringify(wordsHunspellLacks().words.sort()));
}
