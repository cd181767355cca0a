import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import { loadResources } from '../../src/node/resources';
import type { DocumentAnalysis } from '../../src/core/types';

const examples = join(__dirname, '..', '..', 'examples');

describe('spelling on the seed articles', () => {
  let analyses: DocumentAnalysis[];
  before(() => {
    const engine = createEngine(loadResources(), { checks: { claims: false } });
    for (const file of readdirSync(examples).sort()) engine.setDocument({ id: file, text: readFileSync(join(examples, file), 'utf8') });
    analyses = engine.analyzeCorpus().documents;
  });

  const find = (prefix: string, text: string) => analyses.find((a) => a.docId.startsWith(prefix))!.findings.find((f) => f.text === text);

  for (const prefix of ['000', '001']) {
    it(`flags "China Unicorn" in ${prefix} with the fix "China Unicom" and says why`, () => {
      const f = find(prefix, 'China Unicorn');
      assert.ok(f, 'no finding for China Unicorn');
      assert.equal(f.rule, 'name-near-miss');
      assert.equal(f.suggestions[0], 'China Unicom');
      assert.notEqual(f.severity, 'hint');
      assert.deepEqual(f.reason && f.reason.kind === 'confusion' ? [f.reason.from, f.reason.to] : [], ['rn', 'm']);
      assert.match(f.message, /telecom operator/);
    });

    it(`flags "news paper" in ${prefix} with the fix "newspaper"`, () => {
      const f = find(prefix, 'news paper');
      assert.ok(f, 'no finding for news paper');
      assert.equal(f.rule, 'split-compound');
      assert.equal(f.suggestions[0], 'newspaper');
      assert.notEqual(f.severity, 'hint');
    });
  }

  it('shows at most three other findings across the five articles', () => {
    const others = analyses.flatMap((a) => a.findings).filter((f) => f.severity !== 'hint' && f.text !== 'China Unicorn' && f.text !== 'news paper');
    assert.ok(others.length <= 3, `too many: ${others.map((f) => `${f.rule} "${f.text}"`).join(', ')}`);
  });

  it('never flags the recurring names Xiaomi, Redmi or Nexusguard', () => {
    const flagged = analyses.flatMap((a) => a.findings).filter((f) => /Xiaomi|Redmi|Nexusguard/.test(f.text));
    assert.deepEqual(flagged.map((f) => f.text), []);
  });

  it('finds every finding text at its offsets', () => {
    for (const a of analyses) {
      const text = readFileSync(join(examples, a.docId), 'utf8');
      for (const f of a.findings) assert.equal(text.slice(f.start, f.end), f.text);
    }
  });

  it('still flags "China Unicorn" in each of four copies of seed 000 (copies count once)', () => {
    const engine = createEngine(loadResources(), { checks: { claims: false } });
    const file = readdirSync(examples).sort().find((f) => f.startsWith('000'))!;
    const text = readFileSync(join(examples, file), 'utf8');
    for (const id of ['a', 'b', 'c', 'd']) engine.setDocument({ id, text });
    for (const id of ['a', 'b', 'c', 'd']) {
      const f = engine.analyzeDocument(id).findings.find((x) => x.text === 'China Unicorn');
      assert.ok(f && f.severity !== 'hint', `not flagged in ${id}`);
      assert.equal(f.suggestions[0], 'China Unicom');
    }
  });

  it('leaves names and hyphenated pairs of words alone (no hint on Naver, Kantar, Worldpanel, Elon, CIOs or "cyber-attacks")', () => {
    const texts = analyses.flatMap((a) => a.findings).map((f) => f.text);
    for (const t of ['Naver', 'Kantar', 'Worldpanel', 'Elon', 'CIOs', 'cyber-attacks']) assert.ok(!texts.includes(t), `${t} is flagged`);
  });

  it('raises no new finding once every first suggestion is applied', () => {
    const engine = createEngine(loadResources(), { checks: { claims: false } });
    const files = readdirSync(examples).sort();
    const before = new Set(analyses.flatMap((a) => a.findings).map((f) => f.text));
    for (const a of analyses) {
      let text = readFileSync(join(examples, a.docId), 'utf8');
      for (const f of [...a.findings].sort((x, y) => y.start - x.start)) if (f.suggestions[0] !== undefined) text = text.slice(0, f.start) + f.suggestions[0] + text.slice(f.end);
      engine.setDocument({ id: a.docId, text });
    }
    const added = files.flatMap((id) => engine.analyzeDocument(id).findings).filter((f) => !before.has(f.text));
    assert.deepEqual(added.map((f) => `${f.rule} "${f.text}"`), []);
  });
});
