/**
 * Finds and reads the documents named on a command line: files as given, folders walked
 * recursively for the included name patterns.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { decodeBytes } from '../core/text/decode';
import { globToRegExp } from '../core/glob';

/** Default name patterns for folder walks. */
export const DEFAULT_INCLUDE = ['*.txt', '*.md', '*.markdown'];

/** Files larger than this are not read (10 MiB): a news article is a few kB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file read and decoded, ready for the engine. */
export interface ReadDocument {
  /** Path relative to the working folder, with `/` separators. */
  path: string;
  text: string;
  notes: string[];
}

/** A file named or found that is not analysed, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** Turns `*.txt`-style patterns into one matcher on a file's base name (or its relative path if the pattern has a `/`). */
export function createNameMatcher(patterns: ReadonlyArray<string>): (relPath: string) => boolean {
  const regexes = patterns.map((p) => ({ onPath: p.includes('/'), re: globToRegExp(p, 'i') }));
  return (relPath) => {
    const base = relPath.slice(relPath.lastIndexOf('/') + 1);
    return regexes.some(({ onPath, re }) => re.test(onPath ? relPath : base));
  };
}

/** Expands paths into files (sorted, de-duplicated); missing paths are reported, not thrown. */
export function collectFiles(paths: ReadonlyArray<string>, include: ReadonlyArray<string>, cwd: string): { files: string[]; missing: string[] } {
  const matches = createNameMatcher(include);
  const files = new Set<string>();
  const missing: string[] = [];
  // Patterns with a `/` are matched against the path below the folder that was named.
  const walk = (top: string, dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(top, full);
      else if (entry.isFile() && matches(toPosix(relative(top, full)))) files.add(full);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(abs, abs);
    else files.add(abs);
  }
  return { files: [...files].sort(), missing };
}

/** Reads and decodes one file, or says why it is skipped. */
export function readDocument(file: string, cwd: string): ReadDocument | SkippedFile {
  const path = toPosix(relative(cwd, file)) || file;
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    return { path, reason: `Skipped: cannot read (${(error as Error).message}).` };
  }
  if (size > MAX_FILE_BYTES) {
    return { path, reason: `Skipped: ${(size / 1024 / 1024).toFixed(1)} MiB is over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for one document.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { path, reason: `Skipped: cannot read (${(error as Error).message}).` };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { path, reason: decoded.reason };
  return { path, text: decoded.text, notes: decoded.note ? [decoded.note] : [] };
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
