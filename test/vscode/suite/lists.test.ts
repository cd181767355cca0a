import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, flaggedAt, open, runFindingAction, screenshot, waitFor, workspaceFolder } from './helpers';

const dataFolder = () => join(workspaceFolder().fsPath, '.second-source');

/** The messages the extension showed since `before` (a count of `shown()`). */
async function toldSince(before: number): Promise<string[]> {
  return (await api()).listProblems.shown().slice(before);
}

// Runs after the word-list suite: .second-source/ holds its words.txt and ignored.json.
describe('The lists are never lost nor written outside the workspace', () => {
  before(async () => {
    await api();
  });

  it('leaves a malformed ignored.json byte for byte after “Ignore here”, says why, and still hides the finding for the session', async () => {
    const file = join(dataFolder(), 'ignored.json');
    const committed = JSON.parse(readFileSync(file, 'utf8'));
    // A hand edit left a trailing comma, and a merge left its markers.
    const broken = `${JSON.stringify(committed, null, 2).replace(/\}\n\s*\]/, '},\n  ]')}\n<<<<<<< HEAD\n=======\n>>>>>>> theirs\n`;
    writeFileSync(file, broken);
    const before = (await api()).listProblems.shown().length;
    const { document, span, flagged } = await runFindingAction('000', 'news paper', /Ignore/);
    assert.equal(readFileSync(file, 'utf8'), broken, 'ignored.json is unchanged');
    const told = await waitFor('an error about ignored.json', async () => (await toldSince(before)).find((m) => m.includes('.second-source/ignored.json')));
    assert.match(told, /ignored\.json has a merge conflict marker on line \d+, so Second Source left it unchanged/);
    await screenshot('list-problem', '.notifications-toasts .notification-list-item-message:has-text("ignored.json")');
    await waitFor('the dismissal to hold in memory', () => !flaggedAt(document, span));
    // The user mends the file: the kept dismissal is written beside the committed ones.
    writeFileSync(file, JSON.stringify(committed, null, 2) + '\n');
    const mended = await waitFor('the kept dismissal to be written', () => {
      const list = JSON.parse(readFileSync(file, 'utf8')).ignored as { file: string; text: string }[];
      return list.length === committed.ignored.length + 1 && list;
    });
    assert.deepEqual(mended.slice(0, -1), committed.ignored, 'the committed dismissals are kept');
    assert.ok(mended.at(-1)!.file.startsWith('000_') && mended.at(-1)!.text === flagged);
  });

  it('writes nothing through a .second-source link to a folder outside the workspace, and says so', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ss-outside-'));
    const saved = `${dataFolder()}-saved`;
    renameSync(dataFolder(), saved);
    symlinkSync(outside, dataFolder());
    try {
      const before = (await api()).listProblems.shown().length;
      // A slip typed into 002 (not saved): the seeds' own findings are used by the suites before.
      const typed = await open('002');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(typed.uri, new vscode.Position(0, 0), 'The goverment said so on Monday. ');
      await vscode.workspace.applyEdit(edit);
      const { document, span } = await runFindingAction('002', 'goverment', /word list/);
      const told = await waitFor('an error about words.txt', async () => (await toldSince(before)).find((m) => m.includes('.second-source/words.txt')));
      assert.match(told, /leads outside the workspace folder .*Second Source writes only inside the workspace folder/);
      await waitFor('the word to count for the session', () => !flaggedAt(document, span));
      assert.deepEqual(readdirSync(outside), [], 'nothing was written outside');
    } finally {
      await open('002');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      unlinkSync(dataFolder());
      renameSync(saved, dataFolder());
      rmSync(outside, { recursive: true, force: true });
    }
    assert.ok(existsSync(join(dataFolder(), 'words.txt')));
  });
});
