/**
 * `ListStorage` on the local disk (Node's `fs`): for the language server's folders and the
 * unit tests.
 */
import { lstat, mkdir, open, readFile, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DATA_FOLDER, type ListName, type ListStorage } from './user-lists';

/**
 * The real path `path` leads to. A path that does not exist yet resolves through its nearest
 * existing parent; a link that leads nowhere throws, since writing through it would create
 * its target wherever it points.
 */
export async function resolveRealPath(path: string): Promise<string> {
  try {
    // The promise API is realpath(3), which also gives the on-disk case (case-insensitive disks compare right).
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (await lstat(path).then(() => true, () => false)) throw new Error(`${path} is a link to a path that does not exist`);
    const parent = dirname(path);
    if (parent === path) throw error;
    return join(await resolveRealPath(parent), basename(path));
  }
}

/** Writes `content` at `path` through a temp file in the same folder, flushed, then renamed over it. */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  // 'wx': never open something already there under the temp name (a planted link).
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The lists of the workspace folder at `folder`, on the local disk. */
export function createNodeListStorage(folder: string): ListStorage {
  const pathOf = (name: ListName) => join(folder, DATA_FOLDER, name);
  return {
    async read(name) {
      try {
        return await readFile(pathOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    realFolder: () => realpath(folder),
    realPath: (name) => resolveRealPath(pathOf(name)),
    writeAtomically: writeFileAtomically,
  };
}
