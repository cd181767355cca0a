// Writes dist/data/gazetteer.json (GazetteerEntry[]) from real gazetteers shipped by npm
// packages: telecom operators and brands (mcc-mnc-list), country names (world-countries), and
// cspell's company and personal-name lists (@cspell/dict-companies, @cspell/dict-people-names), and
// English given names (gender-detection-from-name's English list, 32,500 names; the package does
// not say where it comes from). cspell's people-names list lacks many given names a news text
// uses ("Elon"); they are known names only, never fix targets, so a wrong entry can only silence a hint.
// The spelling check uses it to tell "China Unicorn" from the operator "China Unicom".
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgDir, upToDate } from '../lib/data-files.mjs';


const OPERATOR = 'a telecom operator in the MCC/MNC registry';
const COUNTRY = 'a country (world-countries)';
const COMPANY = 'a company (cspell companies list)';
const PERSON = 'a personal name (cspell people-names list)';
const GIVEN = 'a given name';

// cspell word lists: one word a line, `#` comments; keep-case names only.
function listWords(path) {
  return readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && /^[A-Z][A-Za-z'&.\- ]+$/.test(l));
}

// Registry names carry legal forms and notes ("China Unicom (Hong Kong) Limited"); the
// name people write is the part before them.
const LEGAL_FORM = /[\s,]+(?:limited|ltd\.?|llc|l\.l\.c\.|inc\.?|corp\.?|corporation|plc|jsc|ojsc|cjsc|pjsc|s\.?a\.?|s\.?a\.?s\.?|s\.?p\.?a\.?|ag|gmbh|b\.?v\.?|n\.?v\.?|a\/s|as|ab|oy|sarl|pty|co\.?|company)$/i;

function cleanName(raw) {
  if (typeof raw !== 'string') return undefined;
  let name = raw.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) name = name.replace(LEGAL_FORM, '').trim();
  // Codes and one-letter brands ("3", "O") say nothing about spelling.
  if (name.length < 3 || !/[A-Za-z]{2}/.test(name)) return undefined;
  return name;
}

export async function build(out) {
  const dest = join(out, 'gazetteer.json');
  const sources = [
    join(pkgDir('mcc-mnc-list'), 'mcc-mnc-list.json'),
    join(pkgDir('world-countries'), 'countries.json'),
    join(pkgDir('@cspell/dict-companies'), 'dict', 'companies.txt'),
    join(pkgDir('@cspell/dict-people-names'), 'dict', 'people-names.txt'),
    join(pkgDir('gender-detection-from-name'), 'names', 'en.js'),
    fileURLToPath(import.meta.url),
  ];
  if (upToDate(dest, sources)) return;

  const entries = new Map();
  const add = (name, label, knownOnly) => {
    if (name && !entries.has(name)) entries.set(name, knownOnly ? { name, label, knownOnly } : { name, label });
  };
  for (const row of JSON.parse(readFileSync(sources[0], 'utf8'))) {
    add(cleanName(row.brand), OPERATOR);
    add(cleanName(row.operator), OPERATOR);
  }
  for (const country of JSON.parse(readFileSync(sources[1], 'utf8'))) {
    add(country.name?.common, COUNTRY);
    add(country.name?.official, COUNTRY);
  }
  for (const name of listWords(sources[2])) add(name, COMPANY);
  // Personal names are known but no near-miss targets (see GazetteerEntry.knownOnly).
  for (const name of listWords(sources[3])) add(name, PERSON, true);
  // Lower case in the package ("elon"); written with a capital in text. Known only, like the people names.
  const given = createRequire(import.meta.url)(sources[4]);
  for (const name of given.keys()) if (/^[a-z]{2,}$/.test(name)) add(name[0].toUpperCase() + name.slice(1), GIVEN, true);
  writeFileSync(dest, JSON.stringify([...entries.values()]));
}
