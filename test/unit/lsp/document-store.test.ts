import assert from 'node:assert/strict';
import { DocumentStore } from '../../../src/server/documentStore';
import type { DocumentAnalysis } from '../../../src/core/types';

const place = { folder: 'file:///w', label: 'a.txt' };
const analysis = (docId: string): DocumentAnalysis => ({ docId, claims: [], findings: [], dialect: 'en-US', notes: [] });

describe('language server document store', () => {
  it('moves a document read → parsed → analysed, and an edit makes it unparsed again', () => {
    const store = new DocumentStore();
    store.read('file:///w/a.txt', place, 'one', null);
    assert.deepEqual(store.unparsed().map((r) => r.uri), ['file:///w/a.txt']);
    store.markParsed('file:///w/a.txt', 'one');
    assert.deepEqual(store.unparsed(), []);
    const basis = store.parsedSnapshots().get('file:///w/a.txt')!;
    store.read('file:///w/a.txt', place, 'one two', 3);
    store.markAnalysed(analysis('file:///w/a.txt'), basis);
    const record = store.article('file:///w/a.txt')!;
    // The analysis keeps the text its offsets refer to, not the newer read.
    assert.equal(record.analysed?.basis.text, 'one');
    assert.equal(record.read.text, 'one two');
    assert.equal(record.read.version, 3);
    assert.deepEqual(store.unparsed().map((r) => r.uri), ['file:///w/a.txt']);
  });

  it('keeps skipped files apart with their reason, and a later good read takes them back', () => {
    const store = new DocumentStore();
    store.skip('file:///w/a.txt', place, 'binary file (contains NUL bytes)');
    assert.equal(store.has('file:///w/a.txt'), false);
    assert.deepEqual(store.skipped().map((s) => s.reason), ['binary file (contains NUL bytes)']);
    store.read('file:///w/a.txt', place, 'text', null);
    assert.deepEqual(store.skipped(), []);
  });

  it('removes a deleted folder’s documents and says which the engine held', () => {
    const store = new DocumentStore();
    store.read('file:///w/d/a.txt', place, 'a', null);
    store.read('file:///w/d/b.txt', place, 'b', null);
    store.read('file:///w/dx.txt', place, 'c', null);
    store.markParsed('file:///w/d/a.txt', 'a');
    assert.deepEqual(store.remove('file:///w/d'), ['file:///w/d/a.txt']);
    assert.equal(store.has('file:///w/d/b.txt'), false);
    assert.equal(store.has('file:///w/dx.txt'), true);
  });

  it('drops an analysis that arrives for a document already removed', () => {
    const store = new DocumentStore();
    store.read('file:///w/a.txt', place, 'a', null);
    store.markParsed('file:///w/a.txt', 'a');
    const basis = store.parsedSnapshots().get('file:///w/a.txt')!;
    store.remove('file:///w/a.txt');
    assert.equal(store.markAnalysed(analysis('file:///w/a.txt'), basis), undefined);
    assert.deepEqual(store.analysed(), []);
  });
});
