import fc from 'fast-check';
import { loadResources } from '../../src/node/resources';
import { engineProperties } from '../properties/engine-properties';

// A small fixed-seed run on every `npm test`; `npm run fuzz` runs the same properties long, with fresh seeds.
const SEED = 20261202;
const RUNS = 20;

describe('engine properties (fast-check, seeded)', () => {
  const properties = engineProperties(loadResources());
  for (const [name, property] of Object.entries(properties)) {
    it(name, () => fc.assert(property, { seed: SEED, numRuns: RUNS }));
  }
});
