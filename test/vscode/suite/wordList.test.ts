import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { api, open, ours, waitFor, workspaceFolder } from './helpers';

/** Runs the quick fix whose title matches `title` on our diagnostic over `phrase` in 001. */
async function runAction(phrase: string, title: RegExp) {
  const document = await open('001');
  const start = document.getText().indexOf(phrase);
  const span = new vscode.Range(document.positionAt(start), document.positionAt(start + phrase.length));
  const diagnostic = await waitFor(`a diagnostic on “${phrase}”`, () => ours(document.uri).find((d) => d.range.intersection(span) && !d.range.isEmpty));
  const flagged = document.getText(diagnostic.range);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
  const action = actions.find((a) => title.test(a.title) && a.title.includes(flagged));
  assert.ok(action?.command, `an action ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return { document, span, flagged };
}

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
