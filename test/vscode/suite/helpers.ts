/** Helpers for the extension-host suites: the workspace's seeds, polling, and the extension's API. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecondSourceApi } from '../../../src/vscode/extension';
import type { ClaimsNode } from '../../../src/vscode/claimsTree';

/** The extension's exports (activating it if needed). */
export async function api(): Promise<SecondSourceApi> {
  const extension = vscode.extensions.getExtension<SecondSourceApi>('second-source.second-source');
  if (!extension) throw new Error('extension second-source.second-source is not loaded');
  const exports = await extension.activate();
  await exports.store.ready;
  return exports;
}

/** The workspace folder (a temp copy of examples/). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return folder.uri;
}

/** The URI of a seed by its number prefix ("000"). */
export function seed(prefix: string): vscode.Uri {
  const names = ['000_a561c6f5fed45a6b.txt', '001_cc6be3df6253b2a1.txt', '002_1d4e819504267dee.txt', '003_358ddcd0763e7200.txt', '004_5447349b442465b4.txt'];
  const name = names.find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

/** Opens a seed in an editor. */
export async function open(prefix: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(seed(prefix));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Polls `probe` until it returns a truthy value (no fixed sleeps); fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 25;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/** Our diagnostics on a document. */
export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Second Source');

/** The position of the first occurrence of `text` (plus `within` characters). */
export function positionOf(document: vscode.TextDocument, text: string, within = 0): vscode.Position {
  const at = document.getText().indexOf(text);
  if (at < 0) throw new Error(`“${text}” is not in ${document.uri.path}`);
  return document.positionAt(at + within);
}

/** Runs the quick fix whose title matches `title` on our diagnostic over `phrase` in a seed; returns the flagged text. */
export async function runFindingAction(prefix: string, phrase: string, title: RegExp) {
  const document = await open(prefix);
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

/** True while our diagnostic over `span` is shown. */
export const flaggedAt = (document: vscode.TextDocument, span: vscode.Range) => ours(document.uri).some((d) => d.range.intersection(span) && !d.range.isEmpty);

/** Markdown text of hovers. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Asks the code-server runner for a screenshot (no-op under other runners); resolves once it is taken. */
export async function screenshot(name: string, waitForSelector: string, options: { timeoutMs?: number } = {}): Promise<boolean> {
  const dir = process.env.SECOND_SOURCE_SCREENSHOT_REQUESTS;
  if (!dir) return false;
  const done = join(dir, `${name}.done`);
  rmSync(done, { force: true });
  writeFileSync(join(dir, `${name}.request`), JSON.stringify({ name, waitForSelector, ...options }));
  await waitFor(`screenshot ${name}`, () => existsSync(done), 60_000);
  const status = readFileSync(done, 'utf8');
  if (status !== 'ok') throw new Error(`screenshot ${name}: ${status}`);
  return true;
}

/** Shows the hover at the cursor and screenshots it, asking again if the card did not render (focus can lag in the web workbench). */
export async function screenshotHover(name: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    try {
      await screenshot(name, '.monaco-hover .rendered-markdown', { timeoutMs: 5000 });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

/** The claim nodes under a seed's document node in the Claims tree, arranged by document and position. */
export async function claimNodesOf(prefix: string): Promise<Array<Extract<ClaimsNode, { kind: 'claim' }>>> {
  const { claimsTree, store } = await api();
  const uri = seed(prefix);
  await waitFor(`${prefix} analysed`, () => store.article(uri));
  claimsTree.setState({ groupBy: 'document', sortBy: 'position', filter: 'all' });
  const roots = (await claimsTree.getChildren()) as ClaimsNode[];
  const root = roots.find((n) => n.kind === 'document' && n.article.uri.toString() === uri.toString());
  assert.ok(root, `a node for ${prefix}`);
  return ((await claimsTree.getChildren(root)) as ClaimsNode[]).flatMap((n) => (n.kind === 'claim' ? [n] : []));
}
