/**
 * The Suspect spellings view: the shown findings of the workspace by document (hints too when
 * `secondSource.hintsInSpellingsView` asks), with their fixes as inline actions.
 */
import { isShown, shownCount } from '../core/shown';
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import type { AnalysisStore, Article } from './analysisStore';
import { COMMANDS, FINDING_CONTEXT, VIEWS } from './contributes';
import type { FindingTarget } from './fixes';
import { findingWhy, messageExplains } from './present';
import { affects, readSettings } from './settings';

/** A node of the spellings tree; a finding node doubles as the fix commands' argument. */
export type SpellingsNode = { kind: 'document'; article: Article } | ({ kind: 'finding' } & FindingTarget);

/** The tree data provider over the store (memory only in `getChildren`). */
export interface SpellingsTreeProvider extends vscode.TreeDataProvider<SpellingsNode>, vscode.Disposable {}

const ICON: Record<Finding['severity'], string> = { warning: 'warning', information: 'info', hint: 'lightbulb' };

/** Creates the provider; it rebuilds its nodes whenever the store changes. */
export function createSpellingsTreeProvider(store: AnalysisStore): SpellingsTreeProvider {
  // biome-ignore lint/suspicious/noConfusingVoidType: the tree API's own event type (fire() with no node refreshes all)
  const changed = new vscode.EventEmitter<SpellingsNode | undefined | void>();
  let roots: SpellingsNode[] = [];
  const children = new Map<SpellingsNode, SpellingsNode[]>();
  const rebuild = () => {
    children.clear();
    // Hints are not problems: listed only on request, like the Problems panel leaves them out.
    const listed = readSettings().hintsInSpellingsView ? () => true : isShown;
    roots = [];
    for (const article of store.articles()) {
      const findings = article.analysis.findings.filter(listed);
      if (!findings.length) continue;
      const node: SpellingsNode = { kind: 'document', article };
      children.set(node, findings.map((finding) => ({ kind: 'finding', uri: article.key, finding })));
      roots.push(node);
    }
    changed.fire();
  };
  rebuild();
  const subscription = vscode.Disposable.from(
    store.onDidChange(rebuild),
    vscode.workspace.onDidChangeConfiguration((e) => affects(e, 'hintsInSpellingsView') && rebuild()),
  );
  return {
    onDidChangeTreeData: changed.event,
    getChildren: (node) => (node ? (children.get(node) ?? []) : roots),
    getTreeItem(node) {
      if (node.kind === 'document') {
        const item = new vscode.TreeItem(node.article.title, vscode.TreeItemCollapsibleState.Expanded);
        item.resourceUri = node.article.uri;
        item.description = `${node.article.label} · ${shownCount(node.article.analysis.findings)}`;
        item.tooltip = `${node.article.title}\n${node.article.label}`;
        return item;
      }
      const { finding } = node;
      const item = new vscode.TreeItem(finding.suggestions.length ? `${finding.text} → ${finding.suggestions[0]}` : finding.text);
      item.description = finding.rule;
      item.tooltip = messageExplains(finding) ? finding.message : `${finding.message}\n${findingWhy(finding)}`;
      item.iconPath = new vscode.ThemeIcon(ICON[finding.severity]);
      item.contextValue = FINDING_CONTEXT;
      item.command = { title: COMMANDS.openLocation.title, command: COMMANDS.openLocation.id, arguments: [node.uri, finding.start, finding.end] };
      return item;
    },
    dispose: () => (subscription.dispose(), changed.dispose()),
  };
}

/** Registers the Suspect spellings view and its badge. */
export function registerSpellingsView(store: AnalysisStore, provider: SpellingsTreeProvider): vscode.Disposable {
  const view = vscode.window.createTreeView(VIEWS.spellings, { treeDataProvider: provider, showCollapseAll: true });
  const updateBadge = () => {
    // Hints (unknown words without a confident fix) are listed but, as the engine asks, not counted.
    const count = store.articles().reduce((n, a) => n + shownCount(a.analysis.findings), 0);
    view.badge = count ? { value: count, tooltip: `${count} suspect spelling${count === 1 ? '' : 's'} to check` } : undefined;
  };
  updateBadge();
  return vscode.Disposable.from(view, store.onDidChange(updateBadge));
}
