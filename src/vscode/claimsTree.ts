/**
 * The Claims view: documents → claims → evidence, grouped, sorted and filtered as the user
 * picks, following the cursor. The tree is rebuilt from the store when it changes (a claim's
 * evidence when it is first opened), so `getChildren` only reads memory.
 */
import * as vscode from 'vscode';
import type { Claim, ClaimStatus, Evidence } from '../core/types';
import type { AnalysisStore, Article } from './analysisStore';
import { COMMANDS, VIEWS } from './contributes';
import { linkedClaimCard } from '../server/linkedCards';
import { documentName, emphasise, relationText, STATUS, statusIcon } from './present';
import { readSettings } from './settings';
import { plainText } from '../core/text/format';

/** How the Claims view is arranged. */
export interface ClaimsViewState {
  groupBy: 'document' | 'status' | 'story';
  sortBy: 'position' | 'status' | 'sources';
  filter: 'all' | ClaimStatus | 'needs-attention';
  /** Words the claim's text must hold (any case); empty for none. */
  text: string;
}

/** A node of the Claims tree. */
export type ClaimsNode =
  | { kind: 'document'; id: string; article: Article; parent?: ClaimsNode }
  | { kind: 'status'; id: string; status: ClaimStatus; count: number }
  | { kind: 'story'; id: string; label: string; documents: number }
  | { kind: 'claim'; id: string; article: Article; claim: Claim; parent: ClaimsNode }
  | { kind: 'evidence'; id: string; evidence: Evidence; parent: ClaimsNode }
  | { kind: 'skipped'; id: string; label: string; reason: string };

/** The tree data provider plus what the test suite and the wiring need. */
export interface ClaimsTreeProvider extends vscode.TreeDataProvider<ClaimsNode>, vscode.Disposable {
  state(): ClaimsViewState;
  setState(change: Partial<ClaimsViewState>): void;
  /** The node of a claim (by claim id), if the current filter shows it. */
  nodeOfClaim(claimId: string): ClaimsNode | undefined;
  /** Remembers that the user opened or closed a node, so that a rebuild draws it the same. */
  setExpanded(node: ClaimsNode, expanded: boolean): void;
  /** How many claims the current filter shows. */
  shownClaims(): number;
}

const DEFAULT_STATE: ClaimsViewState = { groupBy: 'document', sortBy: 'position', filter: 'all', text: '' };
const STATE_KEY = 'secondSource.claimsView';

const FILTERS: Record<ClaimsViewState['filter'], (c: Claim) => boolean> = {
  all: () => true,
  'needs-attention': (c) => c.status === 'single-source' || c.status === 'conflicting',
  corroborated: (c) => c.status === 'corroborated',
  'single-source': (c) => c.status === 'single-source',
  'copy-only': (c) => c.status === 'copy-only',
  conflicting: (c) => c.status === 'conflicting',
};

/** The status filters as the quick pick names them. */
const FILTER_LABELS: Record<ClaimsViewState['filter'], string> = {
  all: 'All claims',
  'needs-attention': 'Single-source and conflicting',
  'single-source': 'Single-source only',
  conflicting: 'Conflicting only',
  'copy-only': 'Copies only',
  corroborated: 'Corroborated only',
};

const SORTS: Record<ClaimsViewState['sortBy'], (a: Claim, b: Claim) => number> = {
  position: (a, b) => a.start - b.start,
  status: (a, b) => STATUS[a.status].rank - STATUS[b.status].rank || a.start - b.start,
  sources: (a, b) => a.sources - b.sources || a.start - b.start,
};

// Claim texts line up with the file: a Markdown claim's markup is blanked to spaces, closed up here.
const shorten = (raw: string, max = 90) => {
  const text = plainText(raw);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** Creates the provider over the store; `memento` keeps the view's arrangement per workspace. */
export function createClaimsTreeProvider(store: AnalysisStore, memento: vscode.Memento): ClaimsTreeProvider {
  // biome-ignore lint/suspicious/noConfusingVoidType: the tree API's own event type (fire() with no node refreshes all)
  const changed = new vscode.EventEmitter<ClaimsNode | undefined | void>();
  let state: ClaimsViewState = { ...DEFAULT_STATE, ...memento.get<Partial<ClaimsViewState>>(STATE_KEY) };
  let roots: ClaimsNode[] = [];
  const children = new Map<ClaimsNode, ClaimsNode[]>();
  const byClaim = new Map<string, ClaimsNode>();
  // Node ids the user opened or closed. A rebuild makes new TreeItems; their collapsible state
  // is taken from here, so re-analysis leaves the tree as the user arranged it.
  const expansion = new Map<string, boolean>();

  const claimNodes = (article: Article, parent: ClaimsNode, claims: Claim[]) =>
    claims.map((claim) => {
      const node: ClaimsNode = { kind: 'claim', id: claim.id, article, claim, parent };
      byClaim.set(claim.id, node);
      return node;
    });
  // A claim's evidence becomes nodes when the claim is opened: a folder of thousands of articles
  // holds hundreds of thousands of evidence, and every re-analysis rebuilds the tree.
  const childrenOf = (node: ClaimsNode): ClaimsNode[] => {
    let kids = children.get(node);
    if (!kids && node.kind === 'claim') {
      kids = node.claim.evidence.map((evidence): ClaimsNode => ({ kind: 'evidence', id: `${node.claim.id}→${evidence.docId}#${evidence.start}`, evidence, parent: node }));
      children.set(node, kids);
    }
    return kids ?? [];
  };
  const childCount = (node: ClaimsNode) => (node.kind === 'claim' ? node.claim.evidence.length : (children.get(node)?.length ?? 0));

  function rebuild() {
    children.clear();
    byClaim.clear();
    const words = state.text.toLowerCase().split(/\s+/).filter(Boolean);
    const keep = (c: Claim) => FILTERS[state.filter](c) && words.every((w) => plainText(c.text).toLowerCase().includes(w));
    const articles = store.articles();
    const sorted = (claims: Claim[]) => claims.filter(keep).sort(SORTS[state.sortBy]);
    const documentNode = (article: Article, parent?: ClaimsNode) => {
      const node: ClaimsNode = { kind: 'document', id: parent ? `${parent.id}/${article.key}` : article.key, article, parent };
      children.set(node, claimNodes(article, node, sorted(article.analysis.claims)));
      return node;
    };
    if (state.groupBy === 'document') {
      roots = articles.map((article) => documentNode(article));
    } else if (state.groupBy === 'story') {
      // Each story of two or more documents, then the documents that stand alone.
      const byKey = new Map(articles.map((a) => [a.key, a]));
      const inStory = new Set<string>();
      roots = store.stories().map((keys, i) => {
        const members = keys.map((k) => byKey.get(k)).filter((a): a is Article => a !== undefined);
        members.forEach((a) => inStory.add(a.key));
        const node: ClaimsNode = { kind: 'story', id: `story:${keys[0]}`, label: `Story ${i + 1}: ${storyTitle(members)}`, documents: members.length };
        children.set(node, members.map((a) => documentNode(a, node)));
        return node;
      });
      roots.push(...articles.filter((a) => !inStory.has(a.key)).map((a) => documentNode(a)));
    } else {
      roots = (Object.keys(STATUS) as ClaimStatus[]).sort((a, b) => STATUS[a].rank - STATUS[b].rank).flatMap((status) => {
        const node: ClaimsNode = { kind: 'status', id: `status:${status}`, status, count: 0 };
        const kids = articles.flatMap((article) => claimNodes(article, node, sorted(article.analysis.claims.filter((c) => c.status === status))));
        node.count = kids.length;
        children.set(node, kids);
        return kids.length ? [node] : [];
      });
    }
    roots.push(...store.skipped().map((s): ClaimsNode => ({ kind: 'skipped', id: `skipped:${s.uri.toString()}`, label: s.label, reason: s.reason })));
    changed.fire();
  }

  rebuild();
  const subscription = store.onDidChange(rebuild);
  return {
    onDidChangeTreeData: changed.event,
    getChildren: (node) => (node ? childrenOf(node) : roots),
    getParent: (node) => ('parent' in node ? node.parent : undefined),
    getTreeItem(node) {
      const item = treeItem(node, childCount(node));
      const open = expansion.get(node.id);
      if (open !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
        item.collapsibleState = open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      }
      return item;
    },
    state: () => ({ ...state }),
    setState(change) {
      state = { ...state, ...change };
      void memento.update(STATE_KEY, state);
      rebuild();
    },
    nodeOfClaim: (id) => byClaim.get(id),
    setExpanded: (node, expanded) => void expansion.set(node.id, expanded),
    shownClaims: () => byClaim.size,
    dispose: () => (subscription.dispose(), changed.dispose()),
  };
}

function treeItem(node: ClaimsNode, childCount: number): vscode.TreeItem {
  const collapsed = childCount ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  switch (node.kind) {
    case 'document': {
      const claims = node.article.analysis.claims;
      // Named by its headline: the file names of a folder of articles are often hashes.
      const item = new vscode.TreeItem(node.article.title, childCount ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      const single = claims.filter((c) => c.status === 'single-source').length;
      item.description = `${node.article.label} · ${claims.length} claim${claims.length === 1 ? '' : 's'}${single ? ` · ${single} single-source` : ''}`;
      item.tooltip = `${node.article.title}\n${node.article.label}`;
      item.resourceUri = node.article.uri;
      item.contextValue = 'secondSource.document';
      return withId(item, node.id);
    }
    case 'story': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.documents} documents`;
      item.iconPath = new vscode.ThemeIcon('library');
      item.contextValue = 'secondSource.story';
      return withId(item, node.id);
    }
    case 'status': {
      const item = new vscode.TreeItem(STATUS[node.status].label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.iconPath = statusIcon(node.status);
      return withId(item, node.id);
    }
    case 'claim': {
      const { claim, article } = node;
      const item = new vscode.TreeItem(shorten(claim.text), collapsed);
      const count = claim.sources;
      // A copy-only claim has no source, and "0 sources" would hide what it does have: a copy.
      const copies = [...new Set(claim.evidence.filter((e) => e.relation === 'copy').map((e) => documentName(e.docId)))];
      const says = claim.status === 'copy-only' ? `copy of ${copies.join(', ')}` : `${count} source${count === 1 ? '' : 's'}`;
      item.description = `${says}${node.parent.kind === 'status' ? ` · ${documentName(article.key)}` : ''}`;
      item.iconPath = statusIcon(claim.status);
      item.tooltip = new vscode.MarkdownString(linkedClaimCard(claim), true);
      item.contextValue = `secondSource.claim.${claim.status}`;
      item.command = { title: COMMANDS.openLocation.title, command: COMMANDS.openLocation.id, arguments: [article.key, claim.start, claim.end] };
      return withId(item, node.id);
    }
    case 'evidence': {
      const { evidence } = node;
      const item = new vscode.TreeItem(documentName(evidence.docId), vscode.TreeItemCollapsibleState.None);
      item.description = `${relationText(evidence)} · ${evidence.score.toFixed(2)}${evidence.sameStory ? '' : ' · another story'} · ${shorten(evidence.text, 70)}`;
      item.tooltip = new vscode.MarkdownString(emphasise(evidence.text, evidence.reasons));
      item.iconPath = new vscode.ThemeIcon(evidence.relation === 'copy' ? STATUS['copy-only'].icon : evidence.relation === 'conflicts' ? STATUS.conflicting.icon : 'link');
      item.contextValue = `secondSource.evidence.${evidence.relation}`;
      item.command = { title: COMMANDS.openLocation.title, command: COMMANDS.openLocation.id, arguments: [evidence.docId, evidence.start, evidence.end] };
      return withId(item, node.id);
    }
    case 'skipped': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.description = `skipped: ${node.reason}`;
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      return withId(item, node.id);
    }
  }
}

/** The Claims badge's tooltip: what the number counts. */
export const conflictBadgeTooltip = (n: number) => `${n} conflicting claim${n === 1 ? '' : 's'}: another document says otherwise`;

/** A story's name: the first claim of its first document, which is usually its headline. */
function storyTitle(members: Article[]): string {
  const first = members.map((a) => a.analysis.claims[0]?.text).find((t) => t !== undefined);
  return first ? shorten(first, 60) : documentName(members[0]?.key ?? '');
}

function withId(item: vscode.TreeItem, id: string): vscode.TreeItem {
  item.id = id;
  return item;
}

/** Registers the Claims view, its arrange commands, the badge and cursor following. */
export function registerClaimsView(store: AnalysisStore, provider: ClaimsTreeProvider): vscode.Disposable & { view: vscode.TreeView<ClaimsNode> } {
  const view = vscode.window.createTreeView(VIEWS.claims, { treeDataProvider: provider, showCollapseAll: true });
  // The badge counts what needs a look, conflicts only: single-source claims are most of any
  // folder, and their count on the activity bar read as that many problems.
  const updateBadge = () => {
    const conflicting = store.articles().reduce((n, a) => n + a.analysis.claims.filter((c) => c.status === 'conflicting').length, 0);
    view.badge = conflicting ? { value: conflicting, tooltip: conflictBadgeTooltip(conflicting) } : undefined;
  };
  updateBadge();

  // The header says when a filter hides claims: a description beside the title, a message above the tree.
  const showFilter = () => {
    const { filter, text } = provider.state();
    const on = [filter !== 'all' ? FILTER_LABELS[filter].toLowerCase() : '', text ? `containing “${text}”` : ''].filter(Boolean);
    view.description = on.length ? 'filtered' : undefined;
    view.message = on.length ? `Filter on: ${on.join(', ')} (${provider.shownClaims()} claim${provider.shownClaims() === 1 ? '' : 's'} shown). Clear it with the filter button.` : undefined;
  };
  showFilter();

  const pick = async <K extends keyof ClaimsViewState>(key: K, placeHolder: string, options: [ClaimsViewState[K], string][]) => {
    const current = provider.state()[key];
    const chosen = await vscode.window.showQuickPick(
      options.map(([value, label]) => ({ label, value, description: value === current ? 'current' : undefined })),
      { placeHolder },
    );
    if (chosen) provider.setState({ [key]: chosen.value } as Partial<ClaimsViewState>);
  };

  const filterBy = async () => {
    const { filter, text } = provider.state();
    const options = Object.entries(FILTER_LABELS).map(([value, label]) => ({ label, value: value as ClaimsViewState['filter'], description: value === filter ? 'current' : undefined }));
    const items: (vscode.QuickPickItem & { value?: ClaimsViewState['filter']; words?: boolean; clear?: boolean })[] = [
      { label: '$(search) Claims containing words…', description: text ? `now “${text}”` : undefined, words: true },
      ...(filter !== 'all' || text ? [{ label: '$(clear-all) Clear the filter', clear: true }] : []),
      { label: 'Status', kind: vscode.QuickPickItemKind.Separator },
      ...options,
    ];
    const chosen = await vscode.window.showQuickPick(items, { placeHolder: 'Show claims' });
    if (!chosen) return;
    if (chosen.clear) return provider.setState({ filter: 'all', text: '' });
    if (chosen.value) return provider.setState({ filter: chosen.value });
    const typed = await vscode.window.showInputBox({ prompt: 'Show the claims that contain these words (empty for all)', value: text });
    if (typed !== undefined) provider.setState({ text: typed.trim() });
  };

  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const follow = (event: vscode.TextEditorSelectionChangeEvent) => {
    if (!view.visible || !readSettings(event.textEditor.document.uri).followCursor) return;
    clearTimeout(followTimer);
    followTimer = setTimeout(() => {
      const claim = store.claimAt(event.textEditor.document.uri, event.textEditor.document.offsetAt(event.selections[0].active));
      const node = claim && provider.nodeOfClaim(claim.id);
      if (node) void view.reveal(node, { select: true, focus: false });
    }, 150);
  };

  const disposable = vscode.Disposable.from(
    view,
    store.onDidChange(updateBadge),
    provider.onDidChangeTreeData!(showFilter),
    view.onDidExpandElement((e) => provider.setExpanded(e.element, true)),
    view.onDidCollapseElement((e) => provider.setExpanded(e.element, false)),
    vscode.window.onDidChangeTextEditorSelection(follow),
    { dispose: () => clearTimeout(followTimer) },
    vscode.commands.registerCommand(COMMANDS.groupClaims.id, () =>
      pick('groupBy', 'Group claims by', [['document', 'Document'], ['story', 'Story (documents that report the same events)'], ['status', 'Status']]),
    ),
    vscode.commands.registerCommand(COMMANDS.sortClaims.id, () =>
      pick('sortBy', 'Sort claims by', [['position', 'Document order'], ['status', 'Status (conflicting and single-source first)'], ['sources', 'Number of independent sources (fewest first)']]),
    ),
    vscode.commands.registerCommand(COMMANDS.filterClaims.id, filterBy),
    vscode.commands.registerCommand(COMMANDS.filterClaimsByText.id, async (words?: string) => {
      const typed = words ?? (await vscode.window.showInputBox({ prompt: 'Show the claims that contain these words (empty for all)', value: provider.state().text }));
      if (typed !== undefined) provider.setState({ text: typed.trim() });
    }),
  );
  return Object.assign(disposable, { view });
}
