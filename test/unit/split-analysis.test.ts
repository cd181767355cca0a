import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import { defaultDataDir, loadResources } from '../../src/node/resources';
import { startCorpusSplit } from '../../src/node/split-analysis';

describe('startCorpusSplit', () => {
  it('gives the same analysis on two threads as one engine on one', async () => {
    const folder = join(__dirname, '..', '..', 'examples');
    const documents = readdirSync(folder).sort().map((name) => ({ id: name, text: readFileSync(join(folder, name), 'utf8') }));
    const resources = loadResources();
    const single = createEngine(resources);
    for (const doc of documents) single.setDocument(doc);
    const expected = single.analyzeCorpus();
    const split = await startCorpusSplit(defaultDataDir()).analyze(documents, resources);
    assert.ok(expected.documents.some((d) => d.claims.length > 0) && expected.documents.some((d) => d.findings.length > 0));
    assert.deepEqual(split, expected);
  });
});
