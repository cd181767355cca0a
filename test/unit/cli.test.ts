import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { runCli } from '../../src/cli/run';

async function run(argv: string[], cwd: string, terminal = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), progress: false, terminal });
  return { code, stdout, stderr };
}

describe('second-source check', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'second-source-cli-'));
    cpSync(join(__dirname, '..', '..', 'examples'), join(dir, 'news'), { recursive: true });
    mkdirSync(join(dir, 'odd'));
    writeFileSync(join(dir, 'odd', 'empty.txt'), '');
    writeFileSync(join(dir, 'odd', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'odd', 'latin1.txt'), Buffer.from('The fee was \xa35 a head, officials said on Monday.\r\n', 'latin1'));
    writeFileSync(join(dir, 'odd', 'notes.rtf'), 'not included by default');
  });

  it('prints JSON in the documented shape with paths relative to the working folder', async () => {
    const { code, stdout } = await run(['check', 'news', '--format', 'json'], dir);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.documents.length, 5);
    const doc = report.documents[0];
    assert.equal(doc.path, 'news/000_a561c6f5fed45a6b.txt');
    const text = readFileSync(join(dir, doc.path), 'utf8');
    assert.ok(doc.claims.length > 0);
    for (const claim of doc.claims) {
      assert.equal(text.slice(claim.start, claim.end), claim.text);
      assert.ok(['corroborated', 'single-source', 'copy-only', 'conflicting'].includes(claim.status));
      for (const e of claim.evidence) {
        assert.equal(readFileSync(join(dir, e.path), 'utf8').slice(e.start, e.end), e.text);
        assert.ok(e.score >= 0 && e.score <= 1);
        assert.ok(e.claimStart >= claim.start && e.claimEnd <= claim.end && typeof e.sameStory === 'boolean');
      }
      assert.ok(Number.isInteger(claim.sources));
      for (const n of claim.closest ?? []) assert.equal(readFileSync(join(dir, n.path), 'utf8').slice(n.start, n.end), n.text);
    }
    assert.deepEqual(report.stories.map((g: string[]) => g.length), [5]);
    for (const f of report.documents.flatMap((d: { findings: unknown[] }) => d.findings)) {
      assert.ok(['warning', 'information', 'hint'].includes((f as { severity: string }).severity));
    }
    assert.ok(Array.isArray(report.copies));
  });

  it('skips binary files with a reason, reads Latin-1 with a note, and accepts empty files', async () => {
    const { code, stdout, stderr } = await run(['check', 'odd', '--format', 'json'], dir);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.skipped.map((s: { path: string }) => s.path), ['odd/image.txt']);
    assert.match(stderr, /odd\/image\.txt: Skipped: binary/);
    const latin = report.documents.find((d: { path: string }) => d.path === 'odd/latin1.txt');
    assert.match(latin.notes.join(' '), /Latin-1/);
    assert.equal(latin.claims[0].text, 'The fee was £5 a head, officials said on Monday.');
    const empty = report.documents.find((d: { path: string }) => d.path === 'odd/empty.txt');
    assert.deepEqual(empty.claims, []);
    assert.ok(!report.documents.some((d: { path: string }) => d.path.endsWith('.rtf')));
  });

  it('includes other names with --include', async () => {
    const report = JSON.parse((await run(['check', 'odd', '--format', 'json', '--include', '*.rtf'], dir)).stdout);
    assert.deepEqual(report.documents.map((d: { path: string }) => d.path), ['odd/notes.rtf']);
  });

  it('matches --include patterns with a folder part against the path below the named folder', async () => {
    const report = JSON.parse((await run(['check', '.', '--format', 'json', '--include', 'odd/*.txt'], dir)).stdout);
    const paths = report.documents.map((d: { path: string }) => d.path);
    assert.ok(paths.length > 0 && paths.every((p: string) => p.startsWith('odd/')), paths.join(', '));
  });

  it('writes SARIF 2.1.0 to --out', async () => {
    const { code, stdout } = await run(['check', 'news', '--format', 'sarif', '--out', 'report.sarif'], dir);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    const log = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].tool.driver.name, 'Second Source');
    for (const r of log.runs[0].results) {
      assert.ok(r.locations[0].physicalLocation.region.startLine >= 1);
      assert.ok(['warning', 'note'].includes(r.level));
    }
  });

  it('writes --out to an absolute path, and says why when it cannot write', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'second-source-out-')), 'report.json');
    const ok = await run(['check', 'news/000_a561c6f5fed45a6b.txt', '--format', 'json', '--out', target], dir);
    assert.equal(ok.code, 0, ok.stderr);
    const printed = await run(['check', 'news/000_a561c6f5fed45a6b.txt', '--format', 'json'], dir, true);
    assert.ok(printed.stdout.split('\n').length > 10, 'JSON printed on a terminal is indented');
    const written = readFileSync(target, 'utf8');
    assert.equal(JSON.parse(written).documents.length, 1);
    assert.equal(written.trimEnd().split('\n').length, 1, 'a JSON report for a file is written compact');
    const bad = await run(['check', 'news/000_a561c6f5fed45a6b.txt', '--out', join(dir, 'no-such-folder', 'r.txt')], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot write .*no-such-folder/);
  });

  it('exits 2 on usage errors and on missing paths', async () => {
    assert.equal((await run(['check'], dir)).code, 2);
    assert.equal((await run(['check', 'news', '--format', 'xml'], dir)).code, 2);
    assert.equal((await run(['frobnicate'], dir)).code, 2);
    const missing = await run(['check', 'no-such-folder'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: no-such-folder/);
  });

  it('exits 1 with --fail-on when findings of that severity exist, 0 when none do', async () => {
    writeFileSync(join(dir, 'odd', 'clean.txt'), 'The council met on Monday.\n');
    assert.equal((await run(['check', 'odd/clean.txt', '--fail-on', 'information'], dir)).code, 0);
    writeFileSync(join(dir, 'odd', 'dirty.txt'), 'The the council met on Monday and and left.\n');
    assert.equal((await run(['check', 'odd/dirty.txt', '--fail-on', 'warning'], dir)).code, 1);
  });

  it('prints a readable report with line:column for the text format', async () => {
    const { stdout } = await run(['check', 'news'], dir);
    assert.match(stdout, /news\/002_1d4e819504267dee\.txt/);
    assert.match(stdout, /Claims: \d+ \(\d+ corroborated, \d+ single-source, \d+ copy-only, \d+ conflicting\)/);
    assert.match(stdout, /^5 documents, \d+ claims, \d+ suspect spellings, 1 copy group, 1 story\.$/m);
    assert.match(stdout, /closest: \S+:\d+:\d+ ".*" 0\.\d\d, below 0\.48 \(/);
  });
});

describe('second-source lsp', () => {
  it('takes --stdio, and the --clientProcessId=<pid> vscode-languageclient adds, and nothing else', async () => {
    assert.deepEqual(parseArgs(['lsp', '--stdio']), { command: 'lsp' });
    assert.deepEqual(parseArgs(['lsp', '--stdio', '--clientProcessId=4242']), { command: 'lsp' });
    assert.equal(parseArgs(['lsp', '--stdio', '--clientProcessId=x']).command, 'error');
    assert.equal(parseArgs(['lsp', '--clientProcessId=4242']).command, 'error');
    assert.equal(parseArgs(['lsp', '--stdio', '--socket=1']).command, 'error');
  });
});
