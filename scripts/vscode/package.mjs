// `npm run package`: builds the extension and writes second-source-<version>.vsix with @vscode/vsce.
// Everything the extension runs is bundled into dist/, so no node_modules go in the package.
// The README's screenshots are relative links: without a repository URL they stay relative.
// `npm run test:vsix` packages through the same function and installs the result.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './setup.mjs';
import { buildExtension } from './manifest.mjs';

/** Builds dist/ and packages the extension into `out` (default: second-source-<version>.vsix in the repository); returns its path. */
export async function packageExtension({ out, quiet = false } = {}) {
  await buildExtension();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const file = resolve(root, out ?? `second-source-${version}.vsix`);
  execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', file], {
    cwd: root,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = await packageExtension();
  process.stdout.write(`Packaged ${file}\n`);
}
