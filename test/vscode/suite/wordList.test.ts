import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { api, open, ours, runFindingAction, waitFor, workspaceFolder } from './helpers';

const runAction = (phrase: string, title: RegExp) => runFindingAction('001', phrase, title);

describe('The workspace word list and dismissals', () => {
  before(async () => {
    await api();
  });

  it('adding a flagged word to the workspace list removes its diagnostic and writes it to .second-source/words.txt', async () => {
    const { document, span, flagged } = await runAction('China Unicorn', /word list/);
    await waitFor('the diagnostic to go', () => !ours(document.uri).some((d) => d.range.intersection(span) && !d.range.isEmpty));
    const words = readFileSync(vscode.Uri.joinPath(workspaceFolder(), '.second-source', 'words.txt').fsPath, 'utf8').split('\n');
    assert.ok(words.includes(flagged), `words.txt holds “${flagged}”: ${JSON.stringify(words)}`);
    assert.equal(document.isDirty, false, 'the article itself is not edited');
  });

  it('“ignore here” dismisses one finding and records it in .second-source/ignored.json', async () => {
    const { document, span, flagged } = await runAction('news paper', /Ignore/);
    await waitFor('the diagnostic to go', () => !ours(document.uri).some((d) => d.range.intersection(span) && !d.range.isEmpty));
    const ignored = JSON.parse(readFileSync(vscode.Uri.joinPath(workspaceFolder(), '.second-source', 'ignored.json').fsPath, 'utf8'));
    assert.ok(ignored.ignored.some((e: { text: string; file: string }) => e.text === flagged && e.file.startsWith('001_')));
    // Only here: the same words in 000 stay flagged.
    const other = await open('000');
    const at = other.getText().indexOf('news paper');
    const otherSpan = new vscode.Range(other.positionAt(at), other.positionAt(at + 'news paper'.length));
    assert.ok(ours(other.uri).some((d) => d.range.intersection(otherSpan) && !d.range.isEmpty), '000 still flags it');
  });
});
