import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { api, claimNodesOf, hoverText, open, positionOf, seed, waitFor } from './helpers';
import type { ClaimsNode } from '../../../src/vscode/claimsTree';

const SOURCE_003 = '003_358ddcd0763e7200.txt';

describe('Claims and their sources', () => {
  it('shows 003 on the hover card of 002’s “Xiaomi refused to comment”', async () => {
    const document = await open('002');
    const position = positionOf(document, 'Xiaomi refused to comment', 'Xiaomi ref'.length);
    const text = await waitFor('a hover that names 003', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
      return t.includes(SOURCE_003) && t;
    });
    assert.match(text, /Corroborated|Conflicting/);
    assert.match(text, /command:secondSource\.openLocation/, 'a link opens the source at its sentence');
  });

  it('lists 003 and 004 on the hover card of 000’s “It found that Xiaomi was sending…”, saying what each backs', async () => {
    const document = await open('000');
    const position = positionOf(document, 'It found that Xiaomi was sending', 'It found'.length);
    const text = await waitFor('a hover that names 003 and 004', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
      return t.includes(SOURCE_003) && t.includes('004_5447349b442465b4.txt') && t;
    });
    assert.match(text, /Corroborated/);
    assert.match(text, /backs: the whole claim/);
    // On 003's longer sentence the part that 000 backs is in bold.
    const longer = await open('003');
    const at = positionOf(longer, 'The probe follows an initial report', 4);
    const card = await waitFor('a hover on 003’s F-Secure sentence', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', longer.uri, at));
      return t.includes('000_a561c6f5fed45a6b.txt') && t;
    });
    assert.match(card, /backs: [^\n]*\*\*[^*]*information to a server in China[^*]*\*\*/);
  });

  it('groups the Claims tree by story: the five seeds report one', async () => {
    const { claimsTree } = await api();
    claimsTree.setState({ groupBy: 'story', sortBy: 'position', filter: 'all' });
    try {
      const roots = await waitFor('a story node', async () => {
        const r = (await claimsTree.getChildren()) as ClaimsNode[];
        return r.some((n) => n.kind === 'story') && r;
      });
      const stories = roots.filter((n) => n.kind === 'story');
      assert.equal(stories.length, 1);
      const item = await claimsTree.getTreeItem(stories[0]);
      assert.match(String(item.label), /^Story 1: /);
      assert.equal(item.description, '5 documents');
      const documents = (await claimsTree.getChildren(stories[0])) as ClaimsNode[];
      assert.deepEqual(documents.map((n) => n.kind), ['document', 'document', 'document', 'document', 'document']);
      for (const d of documents) assert.equal(claimsTree.getParent!(d), stories[0]);
    } finally {
      claimsTree.setState({ groupBy: 'document', sortBy: 'position', filter: 'all' });
    }
  });

  it('lists 003’s sentence among the references of that claim', async () => {
    const document = await open('002');
    const position = positionOf(document, 'Xiaomi refused to comment', 3);
    const locations = await waitFor('references', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
      return found?.some((l) => l.uri.path.endsWith(SOURCE_003)) && found;
    });
    const in003 = locations.filter((l) => l.uri.path.endsWith(SOURCE_003));
    const source = await vscode.workspace.openTextDocument(seed('003'));
    assert.ok(in003.some((l) => /declined to comment/.test(source.getText(l.range))), `003 sentences: ${in003.map((l) => source.getText(l.range)).join(' | ')}`);
  });

  it('lists the claims of 000 in document order with their statuses in the Claims tree', async () => {
    const { claimsTree } = await api();
    const claims = await claimNodesOf('000');
    assert.ok(claims.length >= 5, `000 has claims (${claims.length})`);
    const starts = claims.map((n) => n.claim.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'document order');
    for (const node of claims) {
      const item = await claimsTree.getTreeItem(node);
      assert.equal(item.contextValue, `secondSource.claim.${node.claim.status}`);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      // The status must agree with the evidence listed under the claim.
      const evidence = ((await claimsTree.getChildren(node)) as ClaimsNode[]).flatMap((n) => (n.kind === 'evidence' ? [n.evidence] : []));
      assert.deepEqual(evidence, node.claim.evidence);
      const relations = new Set(evidence.map((e) => e.relation));
      const consistent = {
        corroborated: relations.has('corroborates'),
        conflicting: relations.has('conflicts'),
        'copy-only': relations.has('copy') && !relations.has('corroborates'),
        'single-source': !relations.has('corroborates') && !relations.has('copy'),
      }[node.claim.status];
      assert.ok(consistent, `“${node.claim.text.slice(0, 60)}” is ${node.claim.status} with ${[...relations].join(', ') || 'no evidence'}`);
    }
    // 001 is a syndicated copy of 000: a sentence both hold word for word has at least that copy.
    const copy = readFileSync(seed('001').fsPath, 'utf8');
    const shared = claims.filter((n) => copy.includes(n.claim.text));
    assert.ok(shared.length > 0, 'some claims are in 001 too');
    for (const node of shared) assert.notEqual(node.claim.status, 'single-source', `“${node.claim.text.slice(0, 60)}” is in 001 as well`);
  });

  it('filters the Claims tree to single-source claims only', async () => {
    const { claimsTree } = await api();
    claimsTree.setState({ groupBy: 'status', filter: 'single-source' });
    try {
      const roots = (await claimsTree.getChildren()) as ClaimsNode[];
      const statuses = roots.filter((n) => n.kind === 'status').map((n) => (n.kind === 'status' ? n.status : ''));
      assert.ok(statuses.every((s) => s === 'single-source'), statuses.join(','));
      for (const root of roots.filter((n) => n.kind === 'status')) {
        for (const node of (await claimsTree.getChildren(root)) as ClaimsNode[]) assert.ok(node.kind === 'claim' && node.claim.status === 'single-source');
      }
    } finally {
      claimsTree.setState({ groupBy: 'document', sortBy: 'position', filter: 'all' });
    }
  });

  it('moves the selection to the next claim with “Next claim”', async () => {
    const document = await open('002');
    const { store } = await api();
    const article = await waitFor('002 analysed', () => store.article(document.uri));
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('secondSource.nextClaim');
    const first = [...article.analysis.claims].sort((a, b) => a.start - b.start).find((c) => c.start > 0) ?? article.analysis.claims[0];
    assert.equal(document.offsetAt(editor.selection.start), first.start);
  });
});
