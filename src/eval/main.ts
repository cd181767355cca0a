/**
 * `npm run eval -- <shared/data folder> [--only msrp,spelling,ecbplus]`: measures the engine on
 * real public data and prints the figures as JSON. Reads only the folder it is given; runs every
 * evaluation unless `--only` names some (a bare name after the folder works too).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluateCorroboration } from './msrp';
import { evaluateSpelling } from './spelling';
import { evaluateEcbPlus } from './ecbplus';
import { measureSpellingDev } from './spelling-dev';
import { loadResources } from '../node/resources';

/** The evaluations, by the name `--only` takes, in the order they run. */
const EVALUATIONS: Record<string, (dataDir: string) => Promise<Record<string, unknown>>> = {
  msrp: async (dataDir) => ({ msrp: await evaluateCorroboration(dataDir) }),
  spelling: (dataDir) => evaluateSpelling(dataDir),
  ecbplus: async (dataDir) => ({ ecbplus: evaluateEcbPlus(dataDir) }),
  // A quick look at one measure while working on the spelling check (also part of `spelling`).
  'spelling-dev': async (dataDir) => ({ spellingDev: measureSpellingDev(join(dataDir, 'spelling-dev'), loadResources()) }),
};

/** The data folder and the evaluations to run, from the command line (and SECOND_SOURCE_DATA). */
function parseArgs(argv: string[]): { dataDir?: string; only: string[] } {
  const positional: string[] = [];
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') only.push(...(argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) only.push(...arg.slice('--only='.length).split(','));
    else positional.push(arg);
  }
  only.push(...positional.slice(1));
  return { dataDir: positional[0] ?? process.env.SECOND_SOURCE_DATA, only: only.filter((n) => n !== '') };
}

async function main(): Promise<void> {
  const { dataDir, only } = parseArgs(process.argv.slice(2));
  const unknown = only.filter((n) => !(n in EVALUATIONS));
  if (!dataDir || !existsSync(dataDir) || unknown.length > 0) {
    if (unknown.length > 0) process.stderr.write(`Unknown evaluation: ${unknown.join(', ')}\n`);
    process.stderr.write(
      `Usage: npm run eval -- <path to the shared data folder (with msrp/, bbc/, spelling/, ecbplus-dev/)> [--only ${Object.keys(EVALUATIONS).join(',')}]\n`,
    );
    process.exitCode = 2;
    return;
  }
  const t0 = performance.now();
  const result: Record<string, unknown> = { dataDir };
  for (const [name, run] of Object.entries(EVALUATIONS)) {
    if (only.length === 0 || only.includes(name)) Object.assign(result, await run(dataDir));
  }
  result.seconds = Math.round((performance.now() - t0) / 100) / 10;
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
