/**
 * The user's per-folder choices, kept as plain files in `.second-source/` so they can be
 * reviewed and committed: `words.txt` (accepted words, one a line) and `ignored.json`
 * (findings dismissed in place). Both are written atomically: a temp file, then a rename.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';

/** The folder, beside the articles, that holds the user's lists. */
export const DATA_FOLDER = '.second-source';

/** A finding the user dismissed "here": the file, the rule, the text and a little text around it. */
export interface IgnoredFinding {
  file: string;
  rule: string;
  text: string;
  context: string;
}

const CONTEXT = 24;

/** The text around a finding that pins "here" down without depending on exact offsets. */
export function findingContext(text: string, finding: Finding): string {
  return text.slice(Math.max(0, finding.start - CONTEXT), finding.end + CONTEXT);
}

const fileIn = (folder: vscode.Uri, name: string) => vscode.Uri.joinPath(folder, DATA_FOLDER, name);

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Writes `content` to `uri` through a temp file and a rename, so a reader never sees half a file. */
export async function writeAtomically(uri: vscode.Uri, content: string): Promise<void> {
  const dir = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(dir);
  const temp = vscode.Uri.joinPath(dir, `.${uri.path.split('/').pop()}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(content));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/** Reads a folder's accepted words (blank lines and `#` comments left out). */
export async function readWordList(folder: vscode.Uri): Promise<string[]> {
  const text = await readText(fileIn(folder, 'words.txt'));
  return (text ?? '').split(/\r?\n/).map((w) => w.trim()).filter((w) => w && !w.startsWith('#'));
}

/** Adds a word to a folder's list (kept sorted, no duplicates); returns the file's URI. */
export async function addToWordList(folder: vscode.Uri, word: string): Promise<vscode.Uri> {
  const words = new Set(await readWordList(folder));
  words.add(word.trim());
  const uri = fileIn(folder, 'words.txt');
  await writeAtomically(uri, [...words].sort((a, b) => a.localeCompare(b)).join('\n') + '\n');
  return uri;
}

/** Reads a folder's dismissed findings; a malformed file counts as empty. */
export async function readIgnored(folder: vscode.Uri): Promise<IgnoredFinding[]> {
  const text = await readText(fileIn(folder, 'ignored.json'));
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as { ignored?: IgnoredFinding[] };
    return Array.isArray(parsed.ignored) ? parsed.ignored.filter((e) => e && typeof e.text === 'string') : [];
  } catch {
    return [];
  }
}

/** Records one dismissed finding in a folder's `ignored.json`. */
export async function addIgnored(folder: vscode.Uri, entry: IgnoredFinding): Promise<void> {
  const entries = await readIgnored(folder);
  if (!entries.some((e) => sameIgnored(e, entry))) entries.push(entry);
  await writeAtomically(fileIn(folder, 'ignored.json'), JSON.stringify({ ignored: entries }, null, 2) + '\n');
}

/** True when two dismissals name the same finding. */
export function sameIgnored(a: IgnoredFinding, b: IgnoredFinding): boolean {
  return a.file === b.file && a.rule === b.rule && a.text === b.text && a.context === b.context;
}
