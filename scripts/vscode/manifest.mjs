// Writes the extension's keys of package.json (contributes, activation, capabilities, …)
// from src/vscode/contributes.ts, so commands and settings are typed once. Leaves every
// other key alone and rewrites the file only when something changed.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { root } from './setup.mjs';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';



/** The package.json keys this extension owns, computed from the typed records. */
export async function extensionManifest() {
  const dir = mkdtempSync(join(tmpdir(), 'ss-manifest-'));
  try {
    const out = join(dir, 'contributes.mjs');
    await build({ entryPoints: [join(root, 'src/vscode/contributes.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
    const { manifestContributes } = await import(pathToFileURL(out).href);
    return {
      main: './dist/extension.js',
      activationEvents: ['workspaceContains:**/*.txt', 'workspaceContains:**/*.md', 'workspaceContains:**/*.markdown', 'onLanguage:plaintext', 'onLanguage:markdown'],
      contributes: manifestContributes(),
      capabilities: {
        untrustedWorkspaces: { supported: true, description: 'Second Source only reads text and runs no workspace code.' },
        // The language server reads the articles and writes the word lists on the local disk;
        // a virtual workspace (a GitHub repository opened remotely, …) has no disk to read.
        virtualWorkspaces: { supported: false, description: 'Second Source analyses the articles in its language server, which reads them from the local disk.' },
      },
      categories: ['Linters', 'Other'],
      icon: 'media/icon.png',
      galleryBanner: { color: '#1f2a44', theme: 'dark' },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SCRIPTS = {
  'test:vscode': 'node scripts/vscode/run-tests.mjs',
  'test:vsix': 'node scripts/vscode/run-tests.mjs --installed',
  package: 'node scripts/vscode/package.mjs',
  editor: 'node scripts/vscode/editor.mjs',
  'bench:editor': 'node scripts/vscode/bench-editor.mjs',
};

/** Updates package.json in place (re-read just before writing: other tools edit it too). */
/** Writes the manifest keys, then builds dist/ (every script that runs the extension starts here). */
export async function buildExtension() {
  await syncManifest();
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function syncManifest() {
  const manifest = await extensionManifest();
  const path = join(root, 'package.json');
  const before = readFileSync(path, 'utf8');
  const pkg = JSON.parse(before);
  Object.assign(pkg, manifest);
  pkg.scripts = { ...pkg.scripts, ...SCRIPTS };
  const after = JSON.stringify(pkg, null, 2) + '\n';
  if (after !== before) writeFileSync(path, after);
  return after !== before;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const changed = await syncManifest();
  process.stderr.write(changed ? 'package.json: extension manifest updated\n' : 'package.json: extension manifest up to date\n');
}
