// What a reviewer sees at a glance, read back through the API: tree items, the status bar,
// decorations and hover text (issue 16).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, claimNodesOf, hoverText, open, ours, positionOf, waitFor } from './helpers';
import type { ClaimsNode } from '../../../src/vscode/claimsTree';

const COPY_001 = '001_cc6be3df6253b2a1.txt';

const claimsOf000 = () => claimNodesOf('000');

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

describe('Moving through the claims', () => {
  /** Every single-source claim, article by article in the tree's order, as [file key, start]. */
  async function singleSourceStops() {
    const { store } = await api();
    return store.articles().flatMap((a) =>
      a.analysis.claims
        .filter((c) => c.status === 'single-source')
        .sort((x, y) => x.start - y.start)
        .map((c) => ({ key: a.key, start: c.start, end: c.end })),
    );
  }
  const where = () => {
    const editor = vscode.window.activeTextEditor!;
    return { key: editor.document.uri.toString(), start: editor.document.offsetAt(editor.selection.start) };
  };

  it('goes from an article’s last single-source claim to the next article’s first, and back', async () => {
    const stops = await singleSourceStops();
    // The first place in the tree's order where the next single-source claim is in another article.
    const i = stops.findIndex((s, k) => k + 1 < stops.length && stops[k + 1].key !== s.key);
    assert.ok(i >= 0, 'single-source claims in two articles');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(stops[i].key));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const at = document.positionAt(stops[i].end);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('secondSource.nextSingleSourceClaim');
    await waitFor('the next article open', () => where().key === stops[i + 1].key);
    assert.deepEqual(where(), { key: stops[i + 1].key, start: stops[i + 1].start });
    await vscode.commands.executeCommand('secondSource.previousSingleSourceClaim');
    await waitFor('back in the first article', () => where().key === stops[i].key);
    assert.deepEqual(where(), { key: stops[i].key, start: stops[i].start });
  });

  it('keeps a claim the user opened open, under the same id, across re-analysis', async () => {
    const { claimsTree, store } = await api();
    claimsTree.setState({ groupBy: 'document', sortBy: 'position', filter: 'all', text: '' });
    const node = (await claimsOf000()).find((n) => n.claim.evidence.length > 0);
    assert.ok(node, 'a claim of 000 with evidence');
    const before = await claimsTree.getTreeItem(node);
    assert.equal(before.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    // What the view's onDidExpandElement handler does when the user opens the node (the web
    // workbench under test does not report a reveal's expansion back to the extension).
    claimsTree.setExpanded(node, true);
    const changed = new Promise<void>((resolve) => {
      const sub = store.onDidChange(() => (sub.dispose(), resolve()));
    });
    await store.reanalyze();
    await changed;
    const again = await waitFor('the claim after re-analysis', () => claimsTree.nodeOfClaim(node.claim.id));
    assert.notEqual(again, node, 'a new node from the new analysis');
    const after = await claimsTree.getTreeItem(again);
    assert.equal(after.id, before.id);
    assert.equal(after.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it('filters the Claims tree by words and says so in the view’s header', async () => {
    const { claimsTree, claimsView } = await api();
    await vscode.commands.executeCommand('secondSource.claims.filterByText', 'taiwanese');
    try {
      assert.equal(claimsView.description, 'filtered');
      assert.match(claimsView.message ?? '', /^Filter on: containing “taiwanese” \(\d+ claims? shown\)/);
      const roots = (await claimsTree.getChildren()) as ClaimsNode[];
      let shown = 0;
      for (const root of roots.filter((n) => n.kind === 'document')) {
        for (const node of (await claimsTree.getChildren(root)) as ClaimsNode[]) {
          assert.ok(node.kind === 'claim' && /taiwanese/i.test(node.claim.text), node.kind === 'claim' ? node.claim.text : node.kind);
          shown++;
        }
      }
      assert.ok(shown > 0, 'some claims name the Taiwanese government');
      assert.ok(claimsView.message?.includes(`(${shown} claim${shown === 1 ? '' : 's'} shown)`), claimsView.message);
    } finally {
      claimsTree.setState({ filter: 'all', text: '' });
    }
    assert.equal(claimsView.description, undefined);
    assert.equal(claimsView.message, undefined);
  });
});

describe('Articles by name', () => {
  it('names each article in the Claims tree by its headline, with the file name as description', async () => {
    const { claimsTree } = await api();
    claimsTree.setState({ groupBy: 'document', sortBy: 'position', filter: 'all', text: '' });
    const roots = (await claimsTree.getChildren()) as ClaimsNode[];
    const byName = new Map<string, vscode.TreeItem>();
    for (const n of roots) if (n.kind === 'document') byName.set(n.article.label, await claimsTree.getTreeItem(n));
    const item = (name: string) => {
      const found = [...byName].find(([label]) => label.endsWith(name));
      assert.ok(found, `a node for ${name} among ${[...byName.keys()].join(', ')}`);
      return found[1];
    };
    assert.equal(item('000_a561c6f5fed45a6b.txt').label, "Three Models Of China's Xiaomi Mi Phones Are Pictured During Their Launch");
    assert.equal(item('003_358ddcd0763e7200.txt').label, 'Xiaomi Under Investigation Regarding Cybersecurity Worries');
    // 004 opens with site furniture ("Trending News"); its first line that says something names it.
    assert.match(String(item('004_5447349b442465b4.txt').label), /^Chinese Tech Giant Xiaomi Faces Another Controversy/);
    assert.match(String(item('002_1d4e819504267dee.txt').label), /^The Taiwanese government has initiated a probe .*…$/);
    assert.match(String(item('000_a561c6f5fed45a6b.txt').description), /^000_a561c6f5fed45a6b\.txt · \d+ claims/);
  });
});

describe('A finding inside a claim, and the badge', () => {
  it('shows on a suspect spelling inside a claim the finding, not its diagnostic text again, and the claim in one line', async () => {
    const document = await open('000');
    const at = positionOf(document, 'China Unicorn', 'China Uni'.length);
    const span = new vscode.Range(positionOf(document, 'China Unicorn'), positionOf(document, 'China Unicorn', 'China Unicorn'.length));
    const diagnostic = await waitFor('the diagnostic on “China Unicorn”', () => ours(document.uri).find((d) => d.range.intersection(span)));
    const text = await waitFor('a hover card for the suspect name', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
      return /Suspect spelling/.test(t) && t;
    });
    // VS Code shows the diagnostic's message in the same hover; the card does not repeat it.
    const plain = text.replace(/\\(.)/g, '$1');
    assert.ok(!plain.includes(diagnostic.message), `the card repeats “${diagnostic.message}”`);
    assert.match(plain, /China Unicom/, 'the fix');
    const claimLines = plain.split('\n').filter((l) => /claim/.test(l) && !/Suspect spelling/.test(l));
    assert.equal(claimLines.length, 1, `one line about the claim: ${claimLines.join(' | ')}`);
    assert.match(claimLines[0], /In a \*\*Copies only\*\* claim · 0 independent sources · 1 copy/);
    assert.doesNotMatch(plain, /\*\*Copies\*\*|\*\*Sources\*\*|Closest in the folder/, 'the claim card is not stacked under the finding');
  });

  it('badges the Claims view with the conflicting claims only, and says so', async () => {
    const { claimsView, store } = await api();
    const conflicting = store.articles().reduce((n, a) => n + a.analysis.claims.filter((c) => c.status === 'conflicting').length, 0);
    if (conflicting === 0) assert.equal(claimsView.badge, undefined, 'no badge without a conflict');
    else assert.deepEqual(claimsView.badge, { value: conflicting, tooltip: `${conflicting} conflicting claim${conflicting === 1 ? '' : 's'}: another document says otherwise` });
  });
});

describe('Highlight decorations', () => {
  it('draws “highlight” as a faint background and a coloured left edge from the registered theme colours', async () => {
    const { decorations, store } = await api();
    const document = await open('000');
    const article = await waitFor('000 analysed', () => store.article(document.uri));
    const settings = vscode.workspace.getConfiguration('secondSource');
    await settings.update('decorations', 'highlight', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('highlight options', () => decorations.options.get('corroborated')?.backgroundColor !== undefined);
      const options = decorations.options;
      const registered = new Set((vscode.extensions.getExtension('second-source.second-source')!.packageJSON.contributes.colors as { id: string }[]).map((c) => c.id));
      const styles = new Set<string>();
      for (const [status, o] of options) {
        assert.ok(o.backgroundColor instanceof vscode.ThemeColor && o.borderColor instanceof vscode.ThemeColor, status);
        for (const color of [o.backgroundColor, o.borderColor]) assert.ok(registered.has((color as unknown as { id: string }).id), `${(color as unknown as { id: string }).id} is in contributes.colors`);
        assert.match(String(o.borderWidth), /^0 0 0 [3-4]px$/);
        styles.add(String(o.borderStyle));
      }
      assert.equal(styles.size, 4, 'an edge style per status');
      // The highlight spans each claim, not its first character.
      const claim = article.analysis.claims.find((c) => c.status === 'copy-only')!;
      const ranges = await waitFor('highlight ranges', () => {
        const r = decorations.ranges(document.uri).get('copy-only');
        return r?.some((x) => !x.isEmpty) && r;
      });
      assert.ok(ranges.some((r) => document.offsetAt(r.start) === claim.start && document.offsetAt(r.end) === claim.end));
    } finally {
      await settings.update('decorations', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
