import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText, ours, positionOf, seed, waitFor, workspaceFolder } from './helpers';
import { seedAsMarkdown } from '../../fixtures/markdown/seeds';
import type { ClaimsNode } from '../../../src/vscode/claimsTree';

// 002 as a writer would keep it in Markdown, with a misspelling planted inside a link's text and
// the same one in code: the editor must treat it as the .txt seeds are treated, and leave the code alone.
// (Not "goverment": an earlier suite puts that word on the session's word list.)
const PLANTED = 'The [enviroment report](https://example.com/enviroment) was cited by *many* outlets on Monday.\n\n```\nThe enviroment said teh.\n```\n';

describe('A Markdown article', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    const { store } = await api();
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seed('002')));
    uri = vscode.Uri.joinPath(workspaceFolder(), 'markdown', '002-as-markdown.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${seedAsMarkdown(text).text}\n${PLANTED}`));
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    assert.equal(document.languageId, 'markdown');
    await waitFor('the Markdown article analysed', () => store.article(uri));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), 'markdown'), { recursive: true });
    const { store } = await api();
    await waitFor('the Markdown article gone from the analysis', () => !store.article(uri));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('flags the misspelling inside a link’s text at its exact range, and nothing in code, URLs or front matter', async () => {
    const text = document.getText();
    const start = text.indexOf('[enviroment') + 1;
    const diagnostic = await waitFor('a diagnostic on the link text', () => ours(uri).find((d) => document.offsetAt(d.range.start) === start));
    assert.equal(document.getText(diagnostic.range), 'enviroment');
    const spanOf = (part: string) => [text.indexOf(part), text.indexOf(part) + part.length];
    const notProse = [
      spanOf(text.slice(0, text.indexOf('\n---\n') + 5)),
      spanOf('(https://example.com/enviroment)'),
      spanOf('```\nThe enviroment said teh.\n```'),
      spanOf('```text\nChina Unicorn said teh recieve.\n```'),
      spanOf('`China Unicorn teh`'),
    ];
    assert.ok(notProse.every(([a]) => a >= 0), 'the article holds each non-prose part');
    for (const d of ours(uri)) {
      const at = document.offsetAt(d.range.start);
      assert.ok(!notProse.some(([a, b]) => at >= a && at < b), `a diagnostic in code or metadata: “${document.getText(d.range)}” at ${at}`);
    }
  });

  it('applies the quick fix to the link’s text only, leaving the link’s markup and URL as they were', async () => {
    const original = document.getText();
    const start = original.indexOf('[enviroment') + 1;
    const diagnostic = await waitFor('the diagnostic on the link text', () => ours(uri).find((d) => document.offsetAt(d.range.start) === start));
    // Asked again while the server is busy with the folder, as the light bulb asks when the cursor moves.
    let titles: string[] = [];
    const preferred = await waitFor('a preferred fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      titles = actions.map((a) => a.title);
      return actions.find((a) => a.isPreferred && a.edit);
    }, 20_000).catch((e: Error) => assert.fail(`${e.message}; offered: ${titles.join(' | ')}`));
    assert.ok(preferred.edit && (await vscode.workspace.applyEdit(preferred.edit)));
    assert.equal(document.getText(), `${original.slice(0, start)}environment${original.slice(start + 'enviroment'.length)}`);
  });

  it('shows a claim’s sources on hover, as for the .txt seed, with the claim as prose', async () => {
    const position = positionOf(document, 'Xiaomi refused to comment', 'Xiaomi ref'.length);
    const card = await waitFor('a hover that names 003', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
      return t.includes('003_358ddcd0763e7200.txt') && t;
    });
    assert.match(card, /Corroborated/);
    // The claim whose source name is a link reads as prose in the Claims tree: no URL, no brackets.
    const { claimsTree } = await api();
    claimsTree.setState({ groupBy: 'document', sortBy: 'position', filter: 'all' });
    const roots = (await claimsTree.getChildren()) as ClaimsNode[];
    const root = roots.find((n) => n.kind === 'document' && n.article.uri.toString() === uri.toString());
    assert.ok(root, 'a node for the Markdown article');
    const claims = ((await claimsTree.getChildren(root)) as ClaimsNode[]).flatMap((n) => (n.kind === 'claim' ? [n] : []));
    const linked = claims.find((n) => document.getText().slice(n.claim.start, n.claim.end).includes('](https://example.com/sources/'));
    assert.ok(linked, 'the sentence with the linked source name is a claim');
    const label = String((await claimsTree.getTreeItem(linked)).label);
    assert.match(label, /^The Taiwanese government conducted some tests on some Xiaomi models/);
    assert.doesNotMatch(label, /example\.com|\[|\]|the source teh|\s{2}/);
  });
});
