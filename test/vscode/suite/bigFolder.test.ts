/**
 * A folder of a few hundred generated articles (scripts/vscode/run-tests.mjs writes it, with a
 * misspelling planted in one article, and opens VS Code on it): the article opened at start-up
 * shows its suspect spelling while the server is still reading the folder, and the folder's
 * progress then runs to the end.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SecondSourceApi } from '../../../src/vscode/extension';
import type { PassState } from '../../../src/server/protocol';
import { ours, waitFor, workspaceFolder } from './helpers';

function plantedArticle() {
  const { SECOND_SOURCE_TEST_OPEN: open, SECOND_SOURCE_TEST_PLANTED: planted, SECOND_SOURCE_TEST_ARTICLES: count } = process.env;
  if (!open || !planted || !count) throw new Error('the runner names the opened article, its planted misspelling and the article count');
  return { uri: vscode.Uri.joinPath(workspaceFolder(), open), planted, count: Number(count) };
}

/** The pass state when our diagnostic first covers `span` (asked then: the state can only have moved on since it was published). */
function stateAtDiagnostic(api: SecondSourceApi, uri: vscode.Uri, span: vscode.Range, timeoutMs: number): Promise<PassState> {
  return new Promise((resolve, reject) => {
    const flagged = () => ours(uri).some((d) => d.range.intersection(span) && !d.range.isEmpty);
    const settle = () => {
      subscription.dispose();
      clearTimeout(timer);
      api.store.passState().then(resolve, reject);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && flagged() && settle());
    const timer = setTimeout(() => (subscription.dispose(), reject(new Error(`no diagnostic on the planted misspelling within ${timeoutMs / 1000} s`))), timeoutMs);
    if (flagged()) settle();
  });
}

describe('A big folder', () => {
  it('shows the opened article’s suspect spelling before the folder’s first pass ends, then finishes the folder', async () => {
    const { uri, planted, count } = plantedArticle();
    // Opened first, as an editor restored at start-up is; the extension is not waited for.
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const extension = vscode.extensions.getExtension<SecondSourceApi>('second-source.second-source');
    assert.ok(extension);
    const api = await extension.activate();
    const at = document.getText().indexOf(planted);
    assert.ok(at >= 0, `the opened article holds “${planted}”`);
    const span = new vscode.Range(document.positionAt(at), document.positionAt(at + planted.length));

    const state = await stateAtDiagnostic(api, uri, span, 60_000);
    assert.equal(state.complete, false, `the diagnostic came before the first pass ended (${JSON.stringify(state)})`);
    // Answered from what the engine held then, not when a share of the folder had been read (the
    // pass re-checks open articles each quarter, which would also answer it, seconds later on a big folder).
    assert.ok(state.phase === 'listing' || (state.phase === 'indexing' && state.done < state.total / 4), `answered before a quarter of the folder was read (${JSON.stringify(state)})`);

    await waitFor('the first pass to end', async () => (await api.store.passState()).complete, 120_000);
    await api.store.ready;
    assert.equal(api.store.articles().length, count, 'every generated article analysed');
    assert.ok(ours(uri).some((d) => d.range.intersection(span)), 'the planted misspelling still flagged after the pass');
  });
});
