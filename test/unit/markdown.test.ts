import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { createEngine } from '../../src/core/engine';
import { plainText } from '../../src/core/text/format';
import { loadResources } from '../../src/node/resources';
import type { Finding } from '../../src/core/types';

const fixtures = join(__dirname, '..', 'fixtures', 'markdown');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

/** Applies each finding's first suggestion through its offsets, last first, as a quick fix would. */
function applyFixes(text: string, findings: readonly Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) if (f.suggestions.length) out = out.slice(0, f.start) + f.suggestions[0] + out.slice(f.end);
  return out;
}

describe('Markdown articles through the engine', function () {
  const resources = loadResources();
  const source = read('constructs.md');
  const analyse = (text: string, id = 'constructs.md') => {
    const engine = createEngine(resources);
    engine.setDocument({ id, text });
    return engine.analyzeDocument(id);
  };

  // Each construct of prose holds its own planted misspelling; code, HTML, URLs, autolinks, front
  // matter, footnote labels and definitions hold others (and some of the same), which must stay unflagged.
  const inProse: Array<[context: string, word: string, fix: string]> = [
    ['# The council will ', 'recieve', 'receive'],
    ['mayor will ', 'definately', 'definitely'],
    ['*emphasised ', 'seperate', 'separate'],
    ['**strong ', 'occured', 'occurred'],
    ['~~struck ', 'beleive', 'believe'],
    ['[link text ', 'tommorow', 'tomorrow'],
    ['![An image of the ', 'adress', 'address'],
    ['list item about the ', 'calandar', 'calendar'],
    ['that was ', 'commited', 'committed'],
    ['> A quoted line about the ', 'enviroment', 'environment'],
    ['a cell about ', 'existance', 'existence'],
    ['| ', 'freind', 'friend'],
    ['">an ', 'independant', 'independent'],
    ['footnote will ', 'garantee', 'guarantee'],
  ];

  it('flags the prose of every construct at its exact offsets, and nothing in code or metadata', () => {
    const expected = inProse.map(([context, word, fix]) => {
      const at = source.indexOf(context + word);
      assert.ok(at >= 0, `fixture lacks "${context}${word}"`);
      return { start: at + context.length, end: at + context.length + word.length, text: word, fix };
    });
    const found = analyse(source).findings.map((f) => ({ start: f.start, end: f.end, text: f.text, fix: f.suggestions[0] }));
    assert.deepEqual(found, expected.sort((a, b) => a.start - b.start));
  });

  it('turns the file into the expected one when every fix is applied through the offsets', () => {
    assert.equal(applyFixes(source, analyse(source).findings), read('constructs.fixed.md'));
  });

  it('gives claims as prose, with offsets into the file, from prose only', () => {
    const { claims } = analyse(source);
    assert.ok(claims.length > 0);
    for (const c of claims) {
      assert.equal(c.text.length, c.end - c.start, 'a claim text lines up with its offsets');
      assert.doesNotMatch(plainText(c.text), /https?:|\]\(|`|<\/?abbr|\*\*|~~|\[\^|jdoe|China Unicorn/);
    }
    const linked = claims.find((c) => c.text.includes('tommorow'))!;
    assert.equal(source.slice(linked.start, linked.start + 4), 'Some');
    assert.equal(plainText(linked.text), 'Some emphasised seperate and strong occured and struck beleive words and a link text tommorow here.');
  });

  it('reads a front matter title as the headline when no heading opens the body', () => {
    const text = '---\ntitle: "Council approves the new city budget"\nauthor: jdoe\n---\n\nThe council approved the new budget on Monday after a long debate.\n\nThe mayor said the vote was close.\n';
    const { claims, findings } = analyse(text, 'budget.md');
    assert.deepEqual(findings, []);
    const headline = claims.find((c) => c.text === 'Council approves the new city budget');
    assert.ok(headline, 'the title is a claim, as a headline line is in plain text');
    assert.equal(headline.start, text.indexOf('Council approves'));
  });

  it('keeps the flag but drops the fix of a finding that spans markup', () => {
    const text = 'The firm sold a news **paper** to the group on Monday, officials said.\n';
    const split = analyse(text, 'paper.md').findings.find((f) => f.rule === 'split-compound');
    assert.ok(split, 'the split compound is still found');
    assert.equal(split.text, text.slice(split.start, split.end));
    assert.deepEqual(split.suggestions, []);
  });

  it('reads a document named otherwise as Markdown when the face says so', () => {
    const engine = createEngine(resources);
    const text = '```\nteh recieve\n```\n\nThe mayor will recieve it.\n';
    engine.setDocument({ id: 'untitled:1', text, format: 'markdown' });
    assert.deepEqual(engine.analyzeDocument('untitled:1').findings.map((f) => f.start), [text.lastIndexOf('recieve')]);
  });
});

describe('second-source check on Markdown', function () {
  this.timeout(120_000);
  it('reports claims as prose with the file’s offsets, in JSON and text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'second-source-md-'));
    const article = '---\nauthor: jdoe\n---\n\n# Council approves the new city budget\n\nThe council approved the budget of [£2.5m](https://example.com/budget) on Monday, according to the *Evening Post*.\n\n```\nteh recieve\n```\n';
    writeFileSync(join(dir, 'budget.md'), article);
    writeFileSync(join(dir, 'other.txt'), 'The city council approved a budget of £2.5m on Monday.\n');
    const run = async (format: string) => {
      let stdout = '';
      const code = await runCli(['check', '.', '--format', format], { cwd: dir, stdout: (t) => (stdout += t), stderr: () => undefined, progress: false, terminal: false });
      assert.equal(code, 0);
      return stdout;
    };
    const report = JSON.parse(await run('json'));
    const doc = report.documents.find((d: { path: string }) => d.path === 'budget.md');
    assert.deepEqual(doc.findings, [], 'nothing from the front matter or the code');
    const claim = doc.claims.find((c: { text: string }) => c.text.startsWith('The council approved'));
    assert.equal(claim.text, 'The council approved the budget of £2.5m on Monday, according to the Evening Post.');
    assert.equal(article.slice(claim.start, claim.end), 'The council approved the budget of [£2.5m](https://example.com/budget) on Monday, according to the *Evening Post*.');
    assert.equal(claim.attribution, 'the Evening Post');
    assert.equal(claim.status, 'corroborated');
    assert.ok(claim.evidence.every((e: { claimText: string }) => !e.claimText.includes('https')));
    const text = await run('text');
    assert.match(text, /The council approved the budget of £2\.5m on Monday, according to the Evening Post\./);
    assert.doesNotMatch(text, /example\.com|jdoe|recieve/);
  });
});
