// What a reviewer sees at a glance, read back through the API: tree items, the status bar,
// decorations and hover text (issue 16).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText, open, positionOf, seed, waitFor } from './helpers';
import type { ClaimsNode } from '../../../src/vscode/claimsTree';

const COPY_001 = '001_cc6be3df6253b2a1.txt';

/** The claim nodes under 000's document node, in the default arrangement. */
async function claimsOf000() {
  const { claimsTree, store } = await api();
  const uri = seed('000');
  await waitFor('000 analysed', () => store.article(uri));
  claimsTree.setState({ groupBy: 'document', sortBy: 'position', filter: 'all' });
  const roots = (await claimsTree.getChildren()) as ClaimsNode[];
  const root = roots.find((n) => n.kind === 'document' && n.article.uri.toString() === uri.toString());
  assert.ok(root, 'a node for 000');
  return ((await claimsTree.getChildren(root)) as ClaimsNode[]).flatMap((n) => (n.kind === 'claim' ? [n] : []));
}

describe('Copies at a glance', () => {
  it('labels 000’s copy-only claims “copy of 001_…” with the copy icon in the Claims tree', async () => {
    const { claimsTree } = await api();
    const copies = (await claimsOf000()).filter((n) => n.claim.status === 'copy-only');
    assert.ok(copies.length >= 5, `000 has copy-only claims (${copies.length})`);
    for (const node of copies) {
      const item = await claimsTree.getTreeItem(node);
      assert.equal(item.description, `copy of ${COPY_001}`);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      assert.equal(item.iconPath.id, 'files');
    }
    // 001 copies 000 whole: each claim's copy is the same sentence, listed once, not another 001 sentence that echoes it.
    for (const node of await claimsOf000()) {
      const listed = node.claim.evidence.filter((e) => e.relation === 'copy');
      if (listed.length === 0) continue;
      assert.deepEqual(listed.map((e) => e.text), [node.claim.text], `the copy of “${node.claim.text.slice(0, 50)}”`);
    }
  });

  it('marks copy-only claims in the gutter, each on its first line', async () => {
    const { decorations, store } = await api();
    const document = await open('000');
    const article = await waitFor('000 analysed', () => store.article(document.uri));
    const expected = article.analysis.claims.filter((c) => c.status === 'copy-only').map((c) => document.positionAt(c.start));
    const ranges = await waitFor('copy-only marks on 000', () => {
      const r = decorations.ranges(document.uri).get('copy-only');
      return r && r.length === expected.length && r;
    });
    assert.deepEqual(ranges.map((r) => [r.start.line, r.start.character]), expected.map((p) => [p.line, p.character]));
    const options = decorations.options.get('copy-only');
    assert.match(String(options?.light?.gutterIconPath), /gutter-copy-only-light\.svg$/);
    assert.match(String(options?.dark?.gutterIconPath), /gutter-copy-only-dark\.svg$/);
  });

  it('lists on the hover of 000’s “China Unicorn” sentence the sentence of 001 it copies, once', async () => {
    const document = await open('000');
    const position = positionOf(document, 'Nexusguard Consulting found', 4);
    const text = await waitFor('a hover with copies', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
      return t.includes('**Copies**') && t;
    });
    // Markdown escapes (`001\_…\.txt`, `Sept\.`) taken out: the text as the card shows it.
    const copies = text.slice(text.indexOf('**Copies**')).replace(/\\(.)/g, '$1');
    const entries = copies.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(entries.length, 1, `one copy listed: ${entries.join(' | ')}`);
    assert.ok(entries[0].startsWith(`- **${COPY_001}** · `) && entries[0].includes('score 1.00'), entries[0]);
    assert.match(copies, /> Last Sept\. 9, 2014 a Chinese news paper Apple Daily carried a story, that said a security solution's company Nexusguard Consulting/);
  });
});

describe('The status bar', () => {
  it('counts 000’s claims by status with the tree’s icons, copies included, and no ⚠', async () => {
    const { statusBar, store } = await api();
    const document = await open('000');
    const article = await waitFor('000 analysed', () => store.article(document.uri));
    const count = (s: string) => article.analysis.claims.filter((c) => c.status === s).length;
    const text = await waitFor('the status bar for 000', () => statusBar.text.includes(`$(files) ${count('copy-only')}`) && statusBar.text);
    assert.ok(count('copy-only') > 0);
    assert.match(text, new RegExp(`^\\$\\(pass\\) ${count('corroborated')} \\$\\(circle-large-outline\\) ${count('single-source')} \\$\\(files\\) ${count('copy-only')} \\$\\(arrow-swap\\) ${count('conflicting')} \\$\\(whole-word\\) \\d+$`));
    assert.doesNotMatch(text, /\$\((warning|error|info|diff)\)/, 'none of VS Code’s problem icons, nor one that looks like the copy icon');
    const icons = [...text.matchAll(/\$\(([a-z-]+)\)/g)].map((m) => m[1]);
    assert.equal(new Set(icons).size, icons.length, 'each count its own icon');
  });

  it('says in its tooltip, in sentences with the right plurals, what each number is', async () => {
    const { statusBar, store } = await api();
    const document = await open('000');
    const article = await waitFor('000 analysed', () => store.article(document.uri));
    const tooltip = String(statusBar.tooltip);
    const copies = article.analysis.claims.filter((c) => c.status === 'copy-only').length;
    assert.match(tooltip, new RegExp(`^Second Source, 000_a561c6f5fed45a6b\\.txt:\\n${article.analysis.claims.length} claims \\(`));
    assert.match(tooltip, new RegExp(`${copies} only copied from another document`));
    const spellings = Number(/\$\(whole-word\) (\d+)$/.exec(statusBar.text)?.[1]);
    const said = spellings === 0 ? 'No suspect spellings.' : spellings === 1 ? '1 suspect spelling.' : `${spellings} suspect spellings.`;
    assert.ok(tooltip.includes(`\n${said}\n`), `“${said}” in ${tooltip}`);
    assert.doesNotMatch(tooltip, /\b1 suspect spellings\b|\b1 claims\b/);
  });
});
