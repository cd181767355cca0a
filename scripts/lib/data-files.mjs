// Shared by the data generators in scripts/data/: where an installed package lives, and
// whether an output is newer than everything it is made from.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** An installed package's folder (found by folder: some export no subpaths to resolve). */
export const pkgDir = (name) => join(root, 'node_modules', name);

/** True when `dest` exists and is newer than every input (list the generator's own file too). */
export const upToDate = (dest, inputs) => existsSync(dest) && inputs.every((f) => statSync(f).mtimeMs < statSync(dest).mtimeMs);
