import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText, open, ours, positionOf, waitFor } from './helpers';

/** Waits for our diagnostic whose range covers part of `phrase`; returns it with the phrase's offset. */
async function diagnosticOn(document: vscode.TextDocument, phrase: string) {
  const start = document.getText().indexOf(phrase);
  assert.ok(start >= 0, `seed holds “${phrase}”`);
  const span = new vscode.Range(document.positionAt(start), document.positionAt(start + phrase.length));
  const diagnostic = await waitFor(`a diagnostic on “${phrase}”`, () => ours(document.uri).find((d) => d.range.intersection(span) && !d.range.isEmpty));
  return { diagnostic, start };
}

/** Applies the preferred quick fix at the diagnostic and returns the document text after it. */
async function applyPreferredFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, expected: string) {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
  const preferred = actions.find((a) => a.isPreferred);
  assert.ok(preferred, `a preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(preferred.edit, 'the preferred fix is an edit');
  assert.ok(preferred.title.includes(expected) || preferred.edit.entries().some(([, edits]) => edits.some((e) => expected.includes(e.newText) && e.newText.length > 0)), `fix offers “${expected}”: ${preferred.title}`);
  assert.ok(await vscode.workspace.applyEdit(preferred.edit));
  return actions;
}

describe('Suspect spellings in the editor', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    // Fixes are applied in memory; put the file back as it is on disk.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('flags “China Unicorn” with the source and a rule code, and its preferred fix changes only that text to “China Unicom”', async () => {
    const document = await open('000');
    const original = document.getText();
    const { diagnostic, start } = await diagnosticOn(document, 'China Unicorn');
    assert.equal(diagnostic.source, 'Second Source');
    assert.ok(typeof diagnostic.code === 'string' && diagnostic.code.length > 0, 'the rule id is the code');
    assert.ok([vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information].includes(diagnostic.severity), 'shown as a problem');
    const actions = await applyPreferredFix(document, diagnostic, 'China Unicom');
    assert.ok(actions.some((a) => /word list/.test(a.title)), 'offers “add to the workspace word list”');
    assert.ok(actions.some((a) => /Ignore/.test(a.title)), 'offers “ignore here”');
    const expected = original.slice(0, start) + 'China Unicom' + original.slice(start + 'China Unicorn'.length);
    assert.equal(document.getText(), expected);
  });

  it('flags “news paper” and its preferred fix joins it into “newspaper” and nothing else', async () => {
    const document = await open('000');
    const original = document.getText();
    const { diagnostic, start } = await diagnosticOn(document, 'news paper');
    await applyPreferredFix(document, diagnostic, 'newspaper');
    const expected = original.slice(0, start) + 'newspaper' + original.slice(start + 'news paper'.length);
    assert.equal(document.getText(), expected);
  });

  it('explains a suspect name on hover: the known name it is one confusion away from', async () => {
    const document = await open('000');
    await diagnosticOn(document, 'China Unicorn');
    // Polled: the previous test's revert may still be on its way through the engine.
    const text = await waitFor('a hover card for the suspect name', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'China Unicorn', 'China Uni'.length));
      const shown = hoverText(hovers);
      return /Suspect spelling/.test(shown) && shown;
    });
    assert.match(text, /China Unicom/);
  });

  it('does not put claims in the Problems panel by default', async () => {
    const document = await open('002');
    const { store } = await api();
    await waitFor('002 analysed', () => store.article(document.uri));
    assert.deepEqual(ours(document.uri).filter((d) => d.code === 'single-source-claim'), []);
  });
});

describe('Re-analysis on edits', () => {
  it('flags a misspelling typed into a document once the edit settles, and drops it when the edit is undone', async () => {
    const document = await open('002');
    const end = document.lineAt(document.lineCount - 1).range.end;
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((b) => b.insert(end, '\nThe goverment declined to say more.')), 'the edit applies');
    const start = document.getText().lastIndexOf('goverment');
    assert.ok(start >= 0 && document.isDirty, 'the typed text is in the unsaved document');
    const span = new vscode.Range(document.positionAt(start), document.positionAt(start + 'goverment'.length));
    const onTyped = () => ours(document.uri).some((d) => d.range.intersection(span) && !d.range.isEmpty);
    await waitFor('a diagnostic on the typed word', onTyped);
    assert.equal(document.isDirty, true, 'the edit is the user’s; nothing was saved');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.getText().includes('goverment'), false);
    await waitFor('the diagnostic to go with the text', () => !ours(document.uri).some((d) => document.getText(d.range) === 'goverment') && !onTyped());
  });
});
