/**
 * Which files of a workspace folder are articles, and reading them safely: the rules the
 * language server applies (for every editor, VS Code too). Binary, huge and non-UTF-8 files are skipped with
 * a reason (the same wording in every face).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { matchesAny } from '../core/glob';

/** A decoded article, or the reason it was skipped. */
export type ArticleText = { text: string } | { skipped: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The reason a file of `size` bytes is too large, or undefined. */
export function oversizeReason(size: number, maxBytes: number): string | undefined {
  return size > maxBytes ? `${size.toLocaleString('en')} bytes is over secondSource.maxFileSize (${maxBytes.toLocaleString('en')})` : undefined;
}

/** Decodes file bytes as UTF-8 text; says why when the bytes are not a readable article. */
export function decodeArticle(bytes: Uint8Array, maxBytes: number): ArticleText {
  const over = oversizeReason(bytes.byteLength, maxBytes);
  if (over) return { skipped: over };
  // A NUL byte in the first 8 KB is how git and ripgrep tell binary files too.
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  try {
    // Editors drop a byte-order mark from the text they show, so offsets must not count it.
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
}

/** Reads and decodes one article from the local disk; the size is checked before the bytes are read. */
export function readArticleFile(path: string, maxBytes: number): ArticleText {
  try {
    const over = oversizeReason(statSync(path).size, maxBytes);
    if (over) return { skipped: over };
    return decodeArticle(readFileSync(path), maxBytes);
  } catch (error) {
    return { skipped: `unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `readArticleFile` without blocking the thread: the server reads many at once while the engine indexes. */
export async function readArticleFileAsync(path: string, maxBytes: number): Promise<ArticleText> {
  try {
    const over = oversizeReason((await stat(path)).size, maxBytes);
    if (over) return { skipped: over };
    return decodeArticle(await readFile(path), maxBytes);
  } catch (error) {
    return { skipped: `unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** True when a `/`-separated path relative to its folder is an article under these globs. */
export function isArticlePath(relativePath: string, files: readonly string[], exclude: readonly string[]): boolean {
  return matchesAny(relativePath, files) && !matchesAny(relativePath, exclude);
}

/**
 * The articles below a local folder, as `/`-separated relative paths, sorted. Excluded folders
 * are not walked (an excluded `node_modules` can hold a hundred thousand files); links are
 * not followed, so a cycle cannot trap the walk.
 */
export function findArticleFiles(folder: string, files: readonly string[], exclude: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(join(folder, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // `**/.git/**` excludes everything below .git, so the folder itself need not be entered.
        if (!matchesAny(`${relative}/\u0000`, exclude)) walk(relative);
      } else if (entry.isFile() && isArticlePath(relative, files, exclude)) found.push(relative);
    }
  };
  walk('');
  return found.sort();
}
