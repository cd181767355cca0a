/** Which files are articles, and reading them safely: binary, huge or non-UTF-8 files are skipped with a reason. */
import * as vscode from 'vscode';
import type { Settings } from './settings';

/** A decoded article, or the reason it was skipped. */
export type ArticleText = { text: string } | { skipped: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes as UTF-8 text; says why when the bytes are not a readable article. */
function decodeArticle(bytes: Uint8Array, maxBytes: number): ArticleText {
  if (bytes.byteLength > maxBytes) return { skipped: `${bytes.byteLength.toLocaleString('en')} bytes is over secondSource.maxFileSize (${maxBytes.toLocaleString('en')})` };
  // A NUL byte in the first 8 KB is how git and ripgrep tell binary files too.
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  try {
    // The editor drops a byte-order mark from the text it shows, so offsets must not count it.
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
}

/** Reads and decodes one article through the workspace file system (local, remote or virtual). */
export async function readArticle(uri: vscode.Uri, maxBytes: number): Promise<ArticleText> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxBytes) return { skipped: `${stat.size.toLocaleString('en')} bytes is over secondSource.maxFileSize (${maxBytes.toLocaleString('en')})` };
    return decodeArticle(await vscode.workspace.fs.readFile(uri), maxBytes);
  } catch (error) {
    return { skipped: `unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Lists the articles of every workspace folder, each folder with its own globs. */
export async function findArticles(settingsFor: (folder: vscode.WorkspaceFolder) => Settings): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const settings = settingsFor(folder);
    const exclude = settings.exclude.length ? `{${settings.exclude.join(',')}}` : undefined;
    for (const glob of settings.files) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude);
      uris.forEach((uri) => found.set(uri.toString(), uri));
    }
  }
  return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** True when an open document is an article under its folder's globs (and not excluded). */
export function isArticleDocument(document: vscode.TextDocument, settings: Settings): boolean {
  if (!['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'].includes(document.uri.scheme)) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const pattern = (glob: string) => (folder ? new vscode.RelativePattern(folder, glob) : glob);
  const matches = (globs: string[]) => globs.some((glob) => vscode.languages.match({ pattern: pattern(glob) }, document) > 0);
  return matches(settings.files) && !matches(settings.exclude);
}
