import { join } from 'node:path';
import { createEngine } from './src/core/engine';
import { loadResources } from './src/node/resources';
import { readEcbPlus } from './src/eval/ecbplus';
const gold = readEcbPlus(join('/work/shared/data', 'ecbplus-dev')) as any;
const res = loadResources(undefined, ['claims']);
const thr = Number(process.argv[2] ?? 0.48);
const engine = createEngine(res, { corroborationThreshold: thr, checks: { claims: true, spelling: false, names: false, compounds: false, style: false } });
for (const d of gold.docs) engine.setDocument(d);
const t0 = Date.now();
const a = engine.analyzeCorpus();
console.log('ms', Date.now() - t0);
const sentOf = (doc: string, sp: any) => { const l = gold.sentences.get(doc) ?? []; const o = l.filter((s: any) => s.start < sp.end && sp.start < s.end); return o.map((s: any) => `${doc}\t${s.n}`); };
const pk = (x: string, y: string) => (x < y ? `${x}\n${y}` : `${y}\n${x}`);
const cats: Record<string, { links: number; sameSub: number; judged: number; correct: number }> = {};
const seen = new Set<string>();
for (const d of a.documents) for (const c of d.claims) for (const e of c.evidence) {
  if (e.relation !== 'corroborates' && e.relation !== 'copy') continue;
  const cat = e.relation === 'copy' ? 'copy' : (e as any).sameStory ? 'in' : 'across';
  for (const x of sentOf(d.docId, c)) for (const y of sentOf(e.docId, e)) {
    if (x === y) continue; const k = pk(x, y); if (seen.has(k)) continue; seen.add(k);
    const s = (cats[cat] ??= { links: 0, sameSub: 0, judged: 0, correct: 0 });
    s.links++;
    if (gold.storyOf.get(d.docId) === gold.storyOf.get(e.docId)) s.sameSub++;
    if (gold.annotated.has(x) && gold.annotated.has(y)) { s.judged++; if (gold.pairs.has(k)) s.correct++; }
  }
}
console.log(JSON.stringify(cats, null, 1));
// story clustering quality
const st = a.stories ?? [];
let mixed = 0;
for (const s of st) { const subs = new Map<string, number>(); for (const id of s) { const g = gold.storyOf.get(id); subs.set(g, (subs.get(g) ?? 0) + 1); } if (subs.size > 1) { mixed++; console.log('mixed', [...subs.entries()].map(([k, v]) => `${k.replace('\t', '/')}:${v}`).join(' ')); } }
console.log('stories', st.length, 'mixed', mixed, 'docs in stories', st.flat().length);
let tl=0,ts=0,tj=0,tc=0; for (const c of Object.values(cats)) { tl+=c.links; ts+=c.sameSub; tj+=c.judged; tc+=c.correct; }
console.log('TOTAL factP', (tc/tj).toFixed(4), 'recall', (tc/12160).toFixed(4), 'storyP', (ts/tl).toFixed(4));
{
  const storyIdx = new Map<string, number>(); st.forEach((s, i) => s.forEach((id) => storyIdx.set(id, i)));
  const copyOf = new Set<string>(); for (const g of a.copies ?? []) for (const x of g) for (const y of g) copyOf.add(x + '|' + y);
  let same = 0, sameLinked = 0, diff = 0, diffLinked = 0;
  for (const k of gold.pairs) { const [x, y] = k.split('\n'); const dx = x.split('\t')[0], dy = y.split('\t')[0];
    const s1 = storyIdx.get(dx), s2 = storyIdx.get(dy); const together = s1 !== undefined && s1 === s2;
    if (together) { same++; if (seen.has(k)) sameLinked++; } else { diff++; if (seen.has(k)) diffLinked++; } }
  console.log('gold pairs in same story', same, 'linked', sameLinked, (sameLinked/same).toFixed(3), '| apart', diff, 'linked', diffLinked);
}
{
  const storyIdx = new Map<string, number>(); st.forEach((s, i) => s.forEach((id) => storyIdx.set(id, i)));
  let unplaced = 0, split = 0, cross = 0;
  const splitSubs = new Map<string, Set<number>>();
  for (const k of gold.pairs) { const [x, y] = k.split('\n'); const dx = x.split('\t')[0], dy = y.split('\t')[0];
    const s1 = storyIdx.get(dx), s2 = storyIdx.get(dy); if (s1 !== undefined && s1 === s2) continue;
    if (s1 === undefined || s2 === undefined) unplaced++; else if (gold.storyOf.get(dx) === gold.storyOf.get(dy)) split++; else cross++; }
  console.log('apart: unplaced', unplaced, 'same subtopic split', split, 'cross-subtopic gold', cross);
  const subs = new Map<string, Map<number, number>>();
  for (const d of gold.docs) { const g = gold.storyOf.get(d.id); const s = storyIdx.get(d.id) ?? -1; const m = subs.get(g) ?? subs.set(g, new Map()).get(g)!; m.set(s, (m.get(s) ?? 0) + 1); }
  for (const [g, m] of subs) if (m.size > 1) console.log('sub', g.replace('\t','/'), [...m.entries()].map(([s, n]) => `${s}:${n}`).join(' '));
}
