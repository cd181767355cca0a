import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import type { DocumentAnalysis, SourceDocument } from '../../src/core/types';
import type { EngineClient } from '../../src/node/engine-client';
import { createSplitEngineClient } from '../../src/node/engine-split-client';
import { defaultDataDir, distCandidates, loadResources } from '../../src/node/resources';

const folder = join(__dirname, '..', '..', 'examples');
const seeds = (): SourceDocument[] => readdirSync(folder).sort().map((name) => ({ id: name, text: readFileSync(join(folder, name), 'utf8') }));

/** Slices through `ids` as the server's first pass does: each slice goes on after the last document it answered. */
async function sliceThrough(client: EngineClient, ids: string[]): Promise<DocumentAnalysis[]> {
  const out: DocumentAnalysis[] = [];
  let rest = ids;
  for (let slices = 0; rest.length > 0; slices++) {
    assert.ok(slices <= ids.length, 'every slice answers at least one document');
    // A budget of a few milliseconds: the spellings half answers more documents a slice than the
    // claims half, so the two stand at different places from slice to slice.
    const { documents } = await client.analyzeSlice(rest, 3, false);
    if (documents.length === 0) break;
    out.push(...documents);
    rest = rest.slice(rest.indexOf(documents[documents.length - 1].docId) + 1);
  }
  return out;
}

describe('the engine on two threads, sliced', () => {
  const worker = distCandidates('worker.js').find(existsSync);

  it('answers every document once, in order, as one engine does, however far ahead one half runs', async function () {
    assert.ok(worker, 'the build makes dist/worker.js');
    const client = createSplitEngineClient(worker);
    try {
      const documents = seeds();
      await client.configure(defaultDataDir(), {});
      await client.setDocuments(documents);
      const single = createEngine(loadResources());
      for (const doc of documents) single.setDocument(doc);
      const ids = documents.map((d) => d.id);
      // Twice over: the second pass finds the first one's leftovers gone, not served again.
      for (let round = 0; round < 2; round++) {
        const sliced = await sliceThrough(client, ids);
        assert.deepEqual(
          sliced.map((d) => d.docId),
          ids,
        );
        for (const d of sliced) assert.deepEqual(d, single.analyzeDocument(d.docId), d.docId);
      }
      // A document removed meanwhile is skipped; one edited is answered as it now reads.
      const [gone, edited] = [ids[1], ids[3]];
      const text = documents[3].text.replace('Xiaomi', 'Xiaomy');
      await client.removeDocuments([gone]);
      await client.setDocuments([{ id: edited, text }]);
      single.removeDocument(gone);
      single.setDocument({ id: edited, text });
      const after = await sliceThrough(client, ids);
      assert.deepEqual(
        after.map((d) => d.docId),
        ids.filter((id) => id !== gone),
      );
      for (const d of after) assert.deepEqual(d, single.analyzeDocument(d.docId), d.docId);
      assert.ok(after.find((d) => d.docId === edited)!.findings.some((f) => f.text === 'Xiaomy'));
      // An edit between two slices: what a half analysed ahead before it is not served after it.
      const left = ids.filter((id) => id !== gone);
      const first = await client.analyzeSlice(left, 3, false);
      const rest = left.slice(left.indexOf(first.documents[first.documents.length - 1].docId) + 1);
      assert.ok(rest.length > 0, 'the first slice leaves documents for after the edit');
      const typos = rest.map((id) => ({ id, text: `${documents.find((d) => d.id === id)!.text}\n\nThe zorbulated report.` }));
      await client.setDocuments(typos);
      for (const d of typos) single.setDocument(d);
      const later = await sliceThrough(client, rest);
      assert.deepEqual(
        later.map((d) => d.docId),
        rest,
      );
      for (const d of later) assert.deepEqual(d, single.analyzeDocument(d.docId), d.docId);
    } finally {
      client.dispose();
    }
  });
});
