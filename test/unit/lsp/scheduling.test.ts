/**
 * Typing never waits for background work: the scheduler's lanes on their own, then the server
 * over stdio on a generated folder big enough that its first pass and its refreshes take seconds.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CANCELLED, Job, Scheduler } from '../../../src/server/scheduler';
import { fileUri, startClient, type TestClient } from './client';
import { writeGeneratedFolder } from '../../fixtures/generated-folder';

describe('Scheduler', () => {
  it('runs a foreground step before the background steps queued ahead of it, one step at a time', async () => {
    const s = new Scheduler();
    const order: string[] = [];
    let running = 0;
    const step = (name: string) => async () => {
      assert.equal(++running, 1, 'one step at a time');
      await new Promise((r) => setTimeout(r, 5));
      order.push(name);
      running--;
    };
    const job = new Job();
    const all = [s.background(job, step('b1')), s.background(job, step('b2')), s.background(job, step('b3'))];
    // b1 has started; the edit goes before b2 and b3.
    all.push(s.foreground(step('edit')));
    await Promise.all(all);
    assert.deepEqual(order, ['b1', 'edit', 'b2', 'b3']);
  });

  it('drops the steps of a cancelled job unrun and keeps going after a failed step', async () => {
    const s = new Scheduler();
    const ran: string[] = [];
    const job = new Job();
    const first = s.background(job, async () => ran.push('first'));
    const second = s.background(job, async () => ran.push('second'));
    const failing = s.foreground(async () => {
      throw new Error('boom');
    });
    job.cancel();
    await assert.rejects(failing, /boom/);
    assert.equal(await second, CANCELLED);
    await first;
    const after = await s.foreground(async () => 'after');
    assert.equal(after, 'after');
    assert.deepEqual(ran, ['first']);
  });

  it('starts no background step in the lead-up to a reserved foreground step, which then waits for none', async () => {
    const s = new Scheduler();
    const order: string[] = [];
    const job = new Job();
    // The edit is due in 80 ms and the lead is longer: the slice queued now must not start.
    s.reserve(80, 200);
    const slice = s.background(job, async () => void order.push('slice'));
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(order.length, 0, 'the slice waited for the edit');
    await s.foreground(async () => void order.push('edit'));
    await slice;
    assert.deepEqual(order, ['edit', 'slice']);
  });

  it('lets background steps run before the lead, and again once a reservation lapses unused', async () => {
    const s = new Scheduler();
    const job = new Job();
    s.reserve(10_000, 100);
    assert.equal(await s.background(job, async () => 'early'), 'early');
    // An edit that never comes (its text was unchanged) holds the background only a little past its time.
    s.reserve(0, 100);
    const started = Date.now();
    assert.equal(await s.background(job, async () => 'late'), 'late');
    assert.ok(Date.now() - started < 2_000, `held ${Date.now() - started} ms`);
  });
});

const ended = (c: TestClient) => c.progress.some((p) => p.value.kind === 'end');

describe('language server scheduling (stdio, a generated folder)', function () {
  this.timeout(120_000);
  let dir: string;
  let c: TestClient;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'second-source-big-'));
    writeGeneratedFolder(dir, 500);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    assert.equal(await c.stop(), 0);
  });

  const open = async (name: string) => {
    const uri = fileUri(join(dir, 'news', name));
    const text = readFileSync(join(dir, 'news', name), 'utf8');
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    return { uri, text };
  };
  const append = (uri: string, text: string, version: number, line: string) =>
    c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${text}${line}\n` }] });
  const repeatedWordAt = (uri: string, version: number) => c.published.some((p) => p.uri === uri && p.version === version && p.diagnostics.some((d) => d.code === 'repeated-word'));

  it('answers an edit made during the first pass before the pass ends, and says how far the folder is', async () => {
    const began = Date.now();
    c = await startClient(dir, { debounce: 50 });
    const { uri, text } = await open('0250.txt');
    await c.until('the open article first', () => c.published.some((p) => p.uri === uri));
    assert.equal(ended(c), false, 'the open article was answered before the folder');
    await append(uri, text, 2, 'It was was late.');
    await c.until('the edit’s diagnostic', () => repeatedWordAt(uri, 2), 60_000);
    assert.equal(ended(c), false, 'the edit was answered while the first pass ran');
    await c.until('the first pass', () => ended(c), 120_000);
    // A client told of changes reads them: during the pass it is told about once a second, not at every slice read.
    const told = c.custom.filter((n) => n.method === 'secondSource/analysisChanged').length;
    const seconds = (Date.now() - began) / 1000;
    assert.ok(told <= seconds + 5, `${told} change notifications in ${seconds.toFixed(1)} s`);
    const messages = c.progress.map((p) => p.value.message ?? '');
    assert.ok(messages.some((m) => /^indexing \d+\/499 articles$/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^analysing \d+\/500 articles$/.test(m)), messages.join('\n'));
    const percentages = c.progress.flatMap((p) => (p.value.kind === 'report' && p.value.percentage !== undefined ? [p.value.percentage] : []));
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'the percentage only grows');
    assert.equal(c.published.filter((p) => p.uri !== uri).length >= 499, true, 'every article published');
  });

  it('cancels a refresh of related articles when the edited article is edited again, then refreshes after it', async () => {
    // No debounce: the second edit must land while the refresh (a few hundred ms) runs.
    c = await startClient(dir, { debounce: 0 });
    const { uri, text } = await open('0100.txt');
    await c.until('the first pass', () => ended(c), 120_000);
    // A word of its first fact changes: every article that cites this one is refreshed.
    const edited = text.replace(/million/, 'billion');
    await append(uri, edited, 2, '');
    await c.until('the refresh to start', () => c.logs.some((l) => /^Refreshing \d+ articles related/.test(l)), 30_000);
    const started = c.logs.find((l) => /^Refreshing \d+ articles related/.test(l))!;
    assert.ok(Number(/\d+/.exec(started)![0]) > 15, started);
    await append(uri, edited, 3, 'It was was late.');
    await c.until('the second edit’s diagnostic', () => repeatedWordAt(uri, 3), 30_000);
    assert.ok(!c.logs.some((l) => l.startsWith('Refreshed')), 'the second edit did not wait for the refresh');
    await c.until('the refresh cancelled, then done again', () => c.logs.some((l) => l.startsWith('Refreshed')), 60_000);
    assert.ok(c.logs.some((l) => /^Refresh of \d+ articles cancelled by an edit/.test(l)), c.logs.join('\n'));
  });

  it('re-analyses the folder in background slices when the accepted words change, and answers an edit before it ends', async () => {
    // Half the articles misspell a word that the user then accepts: its diagnostics go article by article.
    for (let i = 0; i < 500; i += 2) appendFileSync(join(dir, 'news', `${String(i).padStart(4, '0')}.txt`), 'The council recieved the letter on Monday.\n');
    c = await startClient(dir, { debounce: 0 });
    const { uri, text } = await open('0001.txt');
    await c.until('the first pass', () => ended(c), 120_000);
    const flagged = () => [...c.diagnostics.values()].filter((ds) => ds.some((d) => d.code === 'misspelling')).length;
    assert.equal(flagged(), 250);
    mkdirSync(join(dir, '.second-source'));
    writeFileSync(join(dir, '.second-source', 'words.txt'), 'recieved\n');
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, '.second-source', 'words.txt')), type: 1 }] });
    await append(uri, text, 2, 'It was was late.');
    await c.until('the edit’s diagnostic', () => repeatedWordAt(uri, 2), 30_000);
    const left = flagged();
    assert.ok(left > 0, 'the edit was answered before the folder was re-analysed');
    await c.until('every article re-analysed with the word accepted', () => c.logs.includes('Re-analysed 499 articles after the accepted words changed.'), 60_000);
    assert.equal(flagged(), 0);
  });
});
