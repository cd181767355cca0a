// Builds the data files (dist/data) and bundles each entry point with esbuild.
// Data generators live in scripts/data/*.mjs; each exports `build(outDir)` and is skipped
// when its outputs are newer than its inputs.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'dist', 'data');
mkdirSync(dataDir, { recursive: true });

for (const file of readdirSync(join(root, 'scripts', 'data')).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(root, 'scripts', 'data', file)).href);
  await mod.build(dataDir);
}

const entries = [
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/eval/main.ts', out: 'eval' },
  { in: 'src/bench/main.ts', out: 'bench' },
  { in: 'src/vscode/extension.ts', out: 'extension' },
  { in: 'src/node/engine-worker.ts', out: 'worker' },
].filter((e) => existsSync(join(root, e.in)));

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [join(root, e.in)],
      outfile: join(root, 'dist', `${e.out}.js`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // esbuild otherwise rewrites every /\p{…}/u literal as `new RegExp(…)` built at each call
      // (it cannot vouch for the runtime's Unicode tables); Node 20, Electron and browsers have
      // them, and regexes rebuilt in per-word loops add up (the English-share check on the BBC
      // folder: 0.13 s with them, 0.02 s without).
      supported: { 'regexp-unicode-property-escapes': true },
      sourcemap: true,
      external: ['vscode'],
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
