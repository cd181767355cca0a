import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import { defaultDataDir, loadResources, type ResourcePart } from '../../src/node/resources';
import { startCorpusSplit } from '../../src/node/split-analysis';
import type { DocumentAnalysis } from '../../src/core/types';

describe('startCorpusSplit', () => {
  it('gives the same analysis on two threads as one engine on one', async () => {
    const folder = join(__dirname, '..', '..', 'examples');
    const documents = readdirSync(folder).sort().map((name) => ({ id: name, text: readFileSync(join(folder, name), 'utf8') }));
    const resources = loadResources();
    const single = createEngine(resources);
    for (const doc of documents) single.setDocument(doc);
    const expected = single.analyzeCorpus();
    const asked: string[][] = [];
    const load = (parts: readonly ResourcePart[]) => (asked.push([...parts]), loadResources(undefined, parts));
    const split = await startCorpusSplit(defaultDataDir()).analyze(documents, load);
    assert.ok(expected.documents.some((d) => d.claims.length > 0) && expected.documents.some((d) => d.findings.length > 0));
    assert.deepEqual(split, expected);
    // This thread read the spelling data only; the worker read its own.
    assert.deepEqual(asked, [['spelling']]);
  });

  it('hands each document on in order when asked to, with the analysis one engine gives', async () => {
    const folder = join(__dirname, '..', '..', 'examples');
    const documents = readdirSync(folder).sort().map((name) => ({ id: name, text: readFileSync(join(folder, name), 'utf8') }));
    const single = createEngine(loadResources());
    for (const doc of documents) single.setDocument(doc);
    const expected = single.analyzeCorpus();
    const handed: DocumentAnalysis[] = [];
    const split = await startCorpusSplit(defaultDataDir()).analyze(documents, (parts) => loadResources(undefined, parts), undefined, (d) => handed.push(d));
    assert.deepEqual(handed, expected.documents);
    assert.deepEqual(split, { ...expected, documents: [] });
  });

  it('runs one engine on all the data for a single document', async () => {
    const asked: string[][] = [];
    const load = (parts: readonly ResourcePart[]) => (asked.push([...parts]), loadResources(undefined, parts));
    const text = 'Xiaomi said on Monday that sales rose 27 percent. It has a news paper.';
    const result = await startCorpusSplit(defaultDataDir()).analyze([{ id: 'one.txt', text }], load);
    assert.deepEqual(asked, [['spelling', 'claims']]);
    assert.match(result.documents[0].claims[0].text, /^Xiaomi said/);
    assert.ok(result.documents[0].findings.some((f) => f.rule === 'split-compound'));
  });
});
