// `npm run package`: builds the extension and writes second-source-<version>.vsix with @vscode/vsce.
// Everything the extension runs is bundled into dist/, so no node_modules go in the package.
// The README's screenshots are relative links: without a repository URL they stay relative.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './setup.mjs';
import { buildExtension } from './manifest.mjs';

await buildExtension();
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = `second-source-${version}.vsix`;
execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.stdout.write(`Packaged ${out}\n`);
