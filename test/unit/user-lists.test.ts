import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUserLists, describeProblem, isInside } from '../../src/node/lists/user-lists';
import { createNodeListStorage } from '../../src/node/lists/node-storage';
import type { IgnoredFinding } from '../../src/node/lists/ignored';

const entry = (text: string): IgnoredFinding => ({ file: 'a.txt', rule: 'split-compound', text, context: `the ${text} said` });

describe('the workspace lists (.second-source/)', () => {
  let top: string;
  let workspace: string;
  let data: string;
  const lists = () => createUserLists(createNodeListStorage(workspace));
  const write = (name: string, content: string | Uint8Array) => (mkdirSync(data, { recursive: true }), writeFileSync(join(data, name), content));

  beforeEach(() => {
    top = mkdtempSync(join(tmpdir(), 'ss-lists-'));
    workspace = join(top, 'workspace');
    data = join(workspace, '.second-source');
    mkdirSync(workspace);
  });
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  it('creates the folder and writes both files when none exist, leaving no temp file', async () => {
    const user = lists();
    assert.equal(await user.addWord('Unicorn'), undefined);
    assert.equal(await user.addIgnored(entry('news paper')), undefined);
    assert.equal(readFileSync(join(data, 'words.txt'), 'utf8'), 'Unicorn\n');
    assert.deepEqual(JSON.parse(readFileSync(join(data, 'ignored.json'), 'utf8')), { ignored: [entry('news paper')] });
    assert.deepEqual(readdirSync(data).sort(), ['ignored.json', 'words.txt']);
  });

  it('adds a word as a new line, keeping comments, blank lines, CRLF and a missing final newline', async () => {
    write('words.txt', '# team names\r\nXiaomi\r\n\r\nLou');
    await lists().addWord('Unicorn');
    assert.equal(readFileSync(join(data, 'words.txt'), 'utf8'), '# team names\r\nXiaomi\r\n\r\nLou\r\nUnicorn\r\n');
    assert.deepEqual((await lists().load()).words, ['Xiaomi', 'Lou', 'Unicorn']);
  });

  it('does not write a word the list already has in another case', async () => {
    write('words.txt', 'unicorn\n');
    assert.equal(await lists().addWord('Unicorn'), undefined);
    assert.equal(readFileSync(join(data, 'words.txt'), 'utf8'), 'unicorn\n');
  });

  it('keeps keys and entries of ignored.json it does not understand when it adds one', async () => {
    write('ignored.json', JSON.stringify({ version: 2, ignored: [{ file: 'b.txt', note: 'hand-written' }, entry('to gether')] }));
    await lists().addIgnored(entry('news paper'));
    const after = JSON.parse(readFileSync(join(data, 'ignored.json'), 'utf8'));
    assert.deepEqual(after, { version: 2, ignored: [{ file: 'b.txt', note: 'hand-written' }, entry('to gether'), entry('news paper')] });
  });

  it('leaves a malformed ignored.json byte for byte, keeps the dismissal in memory, and writes it once the file reads again', async () => {
    const broken = '{\n  "ignored": [\n<<<<<<< HEAD\n    {"file": "a.txt", "rule": "misspelling", "text": "teh", "context": "x teh y"},\n=======\n>>>>>>> theirs\n  ]\n}\n';
    write('ignored.json', broken);
    const user = lists();
    const problem = await user.addIgnored(entry('news paper'));
    assert.deepEqual(problem, { name: 'ignored.json', kind: 'unreadable', reason: 'has a merge conflict marker on line 3' });
    assert.match(describeProblem(problem!), /^\.second-source\/ignored\.json has a merge conflict marker on line 3, so Second Source left it unchanged\./);
    assert.equal(readFileSync(join(data, 'ignored.json'), 'utf8'), broken);
    const during = await user.load();
    assert.deepEqual(during.ignored, [entry('news paper')], 'the session still honours the dismissal');
    assert.equal(during.problems.length, 1);
    // The user resolves the conflict: the next read writes the kept dismissal beside theirs.
    write('ignored.json', '{ "ignored": [ {"file": "a.txt", "rule": "misspelling", "text": "teh", "context": "x teh y"} ] }\n');
    const after = await user.load();
    assert.deepEqual(after.problems, []);
    assert.deepEqual(JSON.parse(readFileSync(join(data, 'ignored.json'), 'utf8')).ignored.map((e: IgnoredFinding) => e.text), ['teh', 'news paper']);
  });

  it('names the JSON problem of a trailing comma and keeps the last good read while the file is broken', async () => {
    write('ignored.json', JSON.stringify({ ignored: [entry('to gether')] }));
    const user = lists();
    assert.deepEqual((await user.load()).ignored, [entry('to gether')]);
    const broken = '{ "ignored": [ {"file": "a.txt", "rule": "x", "text": "y", "context": "z"}, ] }';
    write('ignored.json', broken);
    const problem = await user.addIgnored(entry('news paper'));
    assert.equal(problem?.kind, 'unreadable');
    assert.match(problem!.reason, /^is not valid JSON \(Unexpected token '\]'\)$/);
    assert.deepEqual((await user.load()).ignored, [entry('to gether'), entry('news paper')]);
    assert.equal(readFileSync(join(data, 'ignored.json'), 'utf8'), broken);
  });

  it('refuses JSON of another shape', async () => {
    for (const [text, reason] of [['[]', /not a JSON object/], ['{"ignored": {}}', /not a list/], ['null', /not a JSON object/]] as const) {
      write('ignored.json', text);
      assert.match((await lists().addIgnored(entry('x')))!.reason, reason);
      assert.equal(readFileSync(join(data, 'ignored.json'), 'utf8'), text);
    }
  });

  it('leaves a words.txt that is not UTF-8, or holds a conflict, unchanged', async () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a]);
    write('words.txt', latin1);
    assert.deepEqual(await lists().addWord('Unicorn'), { name: 'words.txt', kind: 'unreadable', reason: 'is not valid UTF-8 text' });
    assert.deepEqual(new Uint8Array(readFileSync(join(data, 'words.txt'))), latin1);
    write('words.txt', 'Lou\n<<<<<<< HEAD\nXiaomi\n=======\nXiaome\n>>>>>>> b\n');
    assert.match((await lists().addWord('Unicorn'))!.reason, /conflict marker on line 2/);
  });

  it('says a list it cannot read cannot be read (a folder where the file should be)', async () => {
    mkdirSync(join(data, 'words.txt'), { recursive: true });
    const problem = await lists().addWord('Unicorn');
    assert.equal(problem?.kind, 'unreadable');
    assert.match(problem!.reason, /^cannot be read \(.*EISDIR/);
  });

  it('writes nothing through a .second-source link to a folder outside the workspace', async () => {
    const outside = join(top, 'elsewhere');
    mkdirSync(outside);
    symlinkSync(outside, data);
    const user = lists();
    const problem = await user.addWord('Unicorn');
    assert.equal(problem?.kind, 'outside');
    assert.match(describeProblem(problem!), /leads outside the workspace folder \(to .*elsewhere\/words\.txt\); Second Source writes only inside the workspace folder/);
    assert.equal((await user.addIgnored(entry('news paper')))?.kind, 'outside');
    assert.deepEqual(readdirSync(outside), []);
    assert.deepEqual((await user.load()).words, ['Unicorn'], 'the word still counts for the session');
  });

  it('writes nothing through a words.txt link to a file outside, nor through a dangling link', async () => {
    const outsideFile = join(top, 'shared-words.txt');
    writeFileSync(outsideFile, 'Lou\n');
    mkdirSync(data);
    symlinkSync(outsideFile, join(data, 'words.txt'));
    symlinkSync(join(top, 'nowhere', 'ignored.json'), join(data, 'ignored.json'));
    const user = lists();
    assert.equal((await user.addWord('Unicorn'))?.kind, 'outside');
    assert.equal(readFileSync(outsideFile, 'utf8'), 'Lou\n');
    assert.match((await user.addIgnored(entry('news paper')))!.reason, /^cannot be resolved \(.*does not exist\)/);
    assert.equal(existsSync(join(top, 'nowhere')), false);
  });

  it('writes through a link that stays inside the workspace, to its target, and keeps the link', async () => {
    mkdirSync(join(workspace, 'team'));
    writeFileSync(join(workspace, 'team', 'words.txt'), 'Lou\n');
    mkdirSync(data);
    symlinkSync(join('..', 'team', 'words.txt'), join(data, 'words.txt'));
    assert.equal(await lists().addWord('Unicorn'), undefined);
    assert.equal(readFileSync(join(workspace, 'team', 'words.txt'), 'utf8'), 'Lou\nUnicorn\n');
    assert.equal(readlinkSync(join(data, 'words.txt')), join('..', 'team', 'words.txt'));
  });

  it('compares real paths by whole folder names', () => {
    assert.ok(isInside('/w/ws/.second-source/words.txt', '/w/ws'));
    assert.ok(!isInside('/w/ws-other/words.txt', '/w/ws'));
    assert.ok(isInside('C:\\w\\ws\\.second-source', 'C:\\w\\ws\\'));
  });
});
