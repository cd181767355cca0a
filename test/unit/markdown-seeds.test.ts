import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import { plainText } from '../../src/core/text/format';
import { loadResources } from '../../src/node/resources';
import type { CorpusAnalysis, DocumentAnalysis, SourceDocument } from '../../src/core/types';
import { seedAsMarkdown, type MarkdownSeed } from '../fixtures/markdown/seeds';

const examples = join(__dirname, '..', '..', 'examples');
const names = readdirSync(examples).filter((n) => n.endsWith('.txt')).sort();
const base = (id: string) => id.replace(/\.(?:txt|md)$/, '');

/**
 * What a reader of the report sees of a document, with no offsets (they differ between the two
 * files). Of two copies' equal sentences the engine lists whichever it meets first, which hangs on
 * offsets, so a source is named by its copy group and equal scores are put in one order.
 */
function seen(d: DocumentAnalysis, copies: string[][]) {
  const group = (id: string) => (copies.find((g) => g.includes(id)) ?? [id]).map(base).join('=');
  const byScore = <T extends { score: string; doc: string; text?: string }>(xs: T[]) =>
    xs.sort((x, y) => (x.score === y.score ? `${x.doc}${x.text}`.localeCompare(`${y.doc}${y.text}`) : x.score < y.score ? 1 : -1));
  return {
    dialect: d.dialect,
    claims: d.claims.map((c) => ({
      text: plainText(c.text),
      status: c.status,
      attribution: c.attribution,
      sources: c.sources,
      facts: c.facts?.map((f) => f.sources),
      evidence: byScore(c.evidence.map((e) => ({ doc: group(e.docId), relation: e.relation, score: e.score.toFixed(3), text: plainText(e.text) }))),
      closest: c.closest && byScore(c.closest.map((n) => ({ doc: group(n.docId), score: n.score.toFixed(3), text: plainText(n.text), why: n.why }))),
    })),
    findings: d.findings.map((f) => ({ text: f.text, rule: f.rule, suggestions: f.suggestions, severity: f.severity, message: f.message })),
  };
}

function analyse(documents: SourceDocument[]): CorpusAnalysis {
  const engine = createEngine(loadResources());
  for (const doc of documents) engine.setDocument(doc);
  return engine.analyzeCorpus();
}

describe('the seeds as Markdown', function () {
  this.timeout(120_000);
  const texts = names.map((n) => readFileSync(join(examples, n), 'utf8'));
  const seeds: MarkdownSeed[] = texts.map(seedAsMarkdown);
  let plain: CorpusAnalysis;
  let markdown: CorpusAnalysis;

  before(() => {
    plain = analyse(names.map((id, i) => ({ id, text: texts[i] })));
    markdown = analyse(names.map((n, i) => ({ id: `${base(n)}.md`, text: seeds[i].text })));
  });

  it('give the same claims, statuses, sources and prose findings as the .txt seeds', () => {
    const count = (a: CorpusAnalysis, what: 'claims' | 'findings') => a.documents.reduce((n, d) => n + d[what].length, 0);
    assert.ok(count(plain, 'claims') >= 30 && count(plain, 'findings') >= 3, 'the seeds have claims and findings to compare');
    assert.ok(plain.documents.some((d) => d.claims.some((c) => c.status === 'corroborated')));
    for (const [i, name] of names.entries()) {
      assert.deepEqual(seen(markdown.documents[i], markdown.copies), seen(plain.documents[i], plain.copies), name);
    }
    const mapped = (groups: string[][]) => groups.map((g) => g.map(base));
    assert.deepEqual(mapped(markdown.copies), mapped(plain.copies));
    assert.deepEqual(mapped(markdown.stories), mapped(plain.stories));
  });

  it('find nothing in the code, the inline code or the front matter, and keep "China Unicorn" of the prose', () => {
    for (const [i, d] of markdown.documents.entries()) {
      const { text, notProse } = seeds[i];
      const spans = [...d.findings, ...d.claims];
      for (const span of spans) {
        for (const part of notProse) assert.ok(span.end <= part.start || span.start >= part.end, `${d.docId}: ${span.start}–${span.end} is in code or front matter`);
      }
      for (const f of d.findings) assert.equal(text.slice(f.start, f.end), f.text);
      for (const c of d.claims) assert.equal(c.text.replace(/ /g, ''), text.slice(c.start, c.end).replace(/\[|\]\([^)]*\)|[ #\n]/g, ''));
    }
    const unicorn = markdown.documents[0].findings.filter((f) => f.rule === 'name-near-miss');
    assert.equal(unicorn.length, 1, 'one near-miss: the prose one');
    assert.equal(unicorn[0].text, 'China Unicorn');
    assert.deepEqual(unicorn[0].suggestions, ['China Unicom']);
  });

  it('back a Markdown claim with a .txt source and the other way round', () => {
    const mixed = analyse(names.map((n, i) => (i === 0 || i === 2 ? { id: `${base(n)}.md`, text: seeds[i].text } : { id: n, text: texts[i] })));
    const doc = (prefix: string) => mixed.documents.find((d) => d.docId.startsWith(prefix))!;
    const refused = doc('002').claims.find((c) => c.text.includes('Xiaomi refused to comment'))!;
    assert.equal(refused.status, 'corroborated');
    assert.ok(refused.evidence.some((e) => e.docId === names[3] && e.relation === 'corroborates'), '002.md backed by 003.txt');
    const declined = doc('003').claims.find((c) => c.text.includes('Xiaomi has declined to comment'))!;
    assert.ok(declined.evidence.some((e) => e.docId.startsWith('002') && e.docId.endsWith('.md')), '003.txt backed by 002.md');
    assert.deepEqual(mixed.copies.map((g) => g.map(base)), [[base(names[0]), base(names[1])]], '000.md and 001.txt are copies');
  });
});
