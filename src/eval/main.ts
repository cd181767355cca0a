/**
 * `npm run eval -- <shared/data folder>`: measures the engine on real public data and
 * prints the figures as JSON. Reads only the folder it is given.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluateCorroboration } from './msrp';
import { evaluateSpelling } from './spelling';
import { measureSpellingDev } from './spelling-dev';
import { loadResources } from '../node/resources';

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? process.env.SECOND_SOURCE_DATA;
  if (!dataDir || !existsSync(join(dataDir, 'msrp'))) {
    process.stderr.write('Usage: npm run eval -- <path to the shared data folder (with msrp/, bbc/, spelling/)>\n');
    process.exitCode = 2;
    return;
  }
  const only = process.argv[3];
  const t0 = performance.now();
  const result: Record<string, unknown> = { dataDir };
  if (!only || only === 'msrp') result.msrp = await evaluateCorroboration(dataDir);
  if (!only || only === 'spelling') Object.assign(result, await evaluateSpelling(dataDir));
  // A quick look at one measure while working on the spelling check.
  if (only === 'spelling-dev') result.spellingDev = measureSpellingDev(join(dataDir, 'spelling-dev'), loadResources());
  result.seconds = Math.round((performance.now() - t0) / 100) / 10;
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
