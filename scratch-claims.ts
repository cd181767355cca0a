import { readFileSync, readdirSync } from 'node:fs';
import { createEngine } from './src/core/engine';
import { loadResources } from './src/node/resources';
const res = loadResources(undefined, ['claims']);
const engine: any = createEngine(res, { checks: { claims: true, spelling: false, names: false, compounds: false, style: false } });
for (const f of readdirSync('examples').filter((f) => f.endsWith('.txt'))) engine.setDocument({ id: f.slice(0, 3), text: readFileSync(`examples/${f}`, 'utf8') });
const a = engine.analyzeCorpus();
for (const pat of process.argv.slice(2)) for (const d of a.documents) for (const c of d.claims) if (c.text.includes(pat)) {
  console.log(`[${d.docId}] ${c.status}: ${c.text.slice(0, 150)}`);
  for (const e of c.evidence) console.log(`   ${e.relation} ${e.score} ${e.docId} ${e.sameStory} :: ${e.text.slice(0, 150)} || part: ${c.text.slice(e.claimStart - c.start, e.claimEnd - c.start).slice(0, 80)}`);
}
