import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import { loadResources } from '../../src/node/resources';
import type { Claim, CorpusAnalysis } from '../../src/core/types';

const examples = join(__dirname, '..', '..', 'examples');

describe('corroboration on the five seed articles', function () {
  let result: CorpusAnalysis;
  const claimsOf = (prefix: string) => result.documents.find((d) => d.docId.startsWith(prefix))!.claims;
  const claim = (prefix: string, text: string): Claim => {
    const found = claimsOf(prefix).find((c) => c.text.includes(text));
    assert.ok(found, `no claim in ${prefix} containing "${text}"`);
    return found;
  };

  before(function () {
    const engine = createEngine(loadResources(), { checks: { spelling: false, names: false, compounds: false, style: false } });
    for (const f of readdirSync(examples).sort()) engine.setDocument({ id: f, text: readFileSync(join(examples, f), 'utf8') });
    result = engine.analyzeCorpus();
  });

  it('reports 000 and 001 as one copy group and nothing else', function () {
    assert.deepEqual(result.copies.map((g) => g.map((id) => id.slice(0, 3))), [['000', '001']]);
  });

  it('sees refused ~ declined: 002 is backed by 003', function () {
    const c = claim('002', 'Xiaomi refused to comment about the allegation.');
    const ev = c.evidence.find((e) => e.docId.startsWith('003') && e.text.includes('Xiaomi has declined to comment on the statement.'));
    assert.ok(ev, 'evidence from 003 missing');
    assert.equal(ev.relation, 'corroborates');
    assert.ok(ev.reasons.some((r) => r.kind === 'synonym' && r.claim === 'refused' && r.source === 'declined'));
    assert.equal(c.status, 'corroborated');
  });

  it('sees "three months" ~ "3 months": 002 is backed by 004', function () {
    const c = claim('002', 'the results of the probe will be released in three months.');
    const ev = c.evidence.find((e) => e.docId.startsWith('004') && e.text.includes('will release a statement in 3 months'));
    assert.ok(ev, 'evidence from 004 missing');
    assert.ok(ev.reasons.some((r) => r.kind === 'number' && r.claim === 'three months' && r.source === '3 months'));
  });

  it('treats 001 as a copy of 000, not a second source', function () {
    const c = claim('000', 'It has opened an office in Brazil');
    assert.ok(c.evidence.some((e) => e.docId.startsWith('001') && e.relation === 'copy'));
    assert.notEqual(c.status, 'corroborated');
    assert.equal(c.status, 'copy-only');
  });

  it('leaves single-source facts alone', function () {
    assert.equal(claim('003', '27 percent').status, 'single-source');
    assert.equal(claim('004', 'sold out in 11.9 seconds').status, 'single-source');
  });

  it('takes no claim from page furniture or bylines, and the headline as a claim', function () {
    const all = result.documents.flatMap((d) => d.claims.map((c) => c.text));
    assert.ok(all.includes('Xiaomi Under Investigation Regarding Cybersecurity Worries'), 'the headline of 003 states its main fact');
    for (const bad of ['hours ago', 'Take our quiz', '©', 'All rights reserved', 'Recent Posts', 'Trending News', 'By Josh Samuel', 'Chasing the almighty dollar', 'YouTube Confirms Ads', 'Michael Moore joined']) {
      assert.ok(!all.some((t) => t.includes(bad)), `furniture taken as a claim: ${bad}`);
    }
  });

  it('gives every claim exact offsets into its document', function () {
    for (const f of readdirSync(examples)) {
      const text = readFileSync(join(examples, f), 'utf8');
      for (const c of result.documents.find((d) => d.docId === f)!.claims) assert.equal(text.slice(c.start, c.end), c.text);
    }
  });

  it('records attributions the text gives', function () {
    assert.equal(claim('002', 'Lou told reporters').attribution, 'Lou');
    assert.equal(claim('003', 'some Xiaomi phones are automatically').attribution, "a statement from Taiwan’s executive branch");
    assert.equal(claim('003', '27 percent').attribution, 'Kantar Worldpanel ComTech');
  });

  it('sorts evidence best first with scores in [0, 1]', function () {
    for (const d of result.documents) for (const c of d.claims) {
      c.evidence.forEach((e, i) => {
        assert.ok(e.score >= 0 && e.score <= 1);
        if (i > 0) assert.ok(c.evidence[i - 1].score >= e.score);
      });
    }
  });
});
