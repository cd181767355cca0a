/**
 * `npm run fuzz`: the engine's properties, long. Each property gets a share of the cases
 * (10,000 in all by default) and a fresh seed, printed so a failure can be replayed:
 *
 *   npm run fuzz -- [--cases N] [--seed S] [--only "substring of a property name"]
 *
 * fast-check shrinks a failure to a small counterexample and prints it with its seed and path.
 */
import fc from 'fast-check';
import { loadResources } from '../../src/node/resources';
import { engineProperties } from './engine-properties';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const cases = Number(option('cases') ?? 10_000);
const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
const only = option('only');
const properties = Object.entries(engineProperties(loadResources())).filter(([name]) => !only || name.includes(only));
const each = Math.ceil(cases / properties.length);

process.stdout.write(`fuzz: ${properties.length} properties × ${each} cases, seed ${seed}\n`);
const started = performance.now();
let failed = 0;
let ran = 0;
for (const [name, property] of properties) {
  const t = performance.now();
  const details = fc.check(property, { seed, numRuns: each });
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  ran += details.numRuns;
  if (details.failed) {
    failed++;
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    process.stdout.write(`✘ ${name} (${details.numRuns} cases, ${seconds} s)\n${error.slice(0, 2000)}\n${fc.defaultReportMessage(details).slice(0, 4000)}\n`);
  } else {
    process.stdout.write(`✔ ${name} (${details.numRuns} cases, ${seconds} s)\n`);
  }
}
process.stdout.write(`fuzz: ${ran} cases, ${failed} properties failed, ${((performance.now() - started) / 1000).toFixed(0)} s, seed ${seed}\n`);
process.exit(failed ? 1 : 0);
