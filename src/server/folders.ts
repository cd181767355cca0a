/**
 * The workspace folders the client named at `initialize`, and where a document stands in
 * them. Only `file:` URIs are read from disk; the server is a local process.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentPlace } from './documentStore';

/** A workspace folder: its URI as the server spells it and its path on disk. */
export interface Folder {
  uri: string;
  path: string;
  name: string;
}

/** A `file:` URI in one spelling (clients differ in what they percent-encode), or the URI as given. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** The disk path of a `file:` URI, or undefined. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The folders of `initialize` (`workspaceFolders`, else the older `rootUri` / `rootPath`). */
export function foldersFromInitialize(params: {
  workspaceFolders?: { uri: string; name: string }[] | null;
  rootUri?: string | null;
  rootPath?: string | null;
}): Folder[] {
  const given = params.workspaceFolders?.length
    ? params.workspaceFolders
    : params.rootUri
      ? [{ uri: params.rootUri, name: '' }]
      : params.rootPath
        ? [{ uri: pathToFileURL(params.rootPath).href, name: '' }]
        : [];
  const folders: Folder[] = [];
  for (const f of given) {
    const uri = normalizeUri(f.uri).replace(/\/$/, '');
    const path = pathOf(uri);
    if (path) folders.push({ uri, path, name: f.name || path.split('/').pop() || path });
  }
  return folders;
}

/** The folder holding `uri` (the innermost, for nested folders) and the path below it. */
export function placeOf(uri: string, folders: readonly Folder[]): DocumentPlace {
  const holding = folders.filter((f) => uri.startsWith(`${f.uri}/`)).sort((a, b) => b.uri.length - a.uri.length)[0];
  if (!holding) return { folder: undefined, label: pathOf(uri) ?? uri };
  const relative = decodeURIComponent(uri.slice(holding.uri.length + 1));
  return { folder: holding.uri, label: folders.length > 1 ? `${holding.name}/${relative}` : relative };
}

/** The path of `uri` below its folder (what the globs match), or the whole path outside folders. */
export function globPathOf(uri: string, folders: readonly Folder[]): string {
  const holding = folders.filter((f) => uri.startsWith(`${f.uri}/`)).sort((a, b) => b.uri.length - a.uri.length)[0];
  if (holding) return decodeURIComponent(uri.slice(holding.uri.length + 1));
  return (pathOf(uri) ?? uri).replace(/^\/+/, '');
}
