import { readFileSync, readdirSync } from 'node:fs';
import { createEngine } from './src/core/engine';
import { loadResources } from './src/node/resources';
import { keyOf } from './src/core/corpus/key-ids';
const res = loadResources(undefined, ['claims']);
const engine: any = createEngine(res, { checks: { claims: true, spelling: false, names: false, compounds: false, style: false } });
const dir = process.argv[2] ?? 'examples';
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) engine.setDocument({ id: f.slice(0, 3), text: readFileSync(`${dir}/${f}`, 'utf8') });
console.log(engine.stories());
