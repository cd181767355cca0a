/** Which files are articles, and reading them safely: binary, huge or non-UTF-8 files are skipped with a reason. */
import * as vscode from 'vscode';
import type { Settings } from './settings';
import { decodeArticle, oversizeReason, type ArticleText } from '../node/article-files';

export type { ArticleText } from '../node/article-files';

/** Reads and decodes one article through the workspace file system (local, remote or virtual). */
export async function readArticle(uri: vscode.Uri, maxBytes: number): Promise<ArticleText> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    const over = oversizeReason(stat.size, maxBytes);
    if (over) return { skipped: over };
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
