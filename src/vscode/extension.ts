/**
 * Second Source in VS Code. `activate` is a wiring list: each feature registers itself
 * from the shared analysis store and returns a Disposable.
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { createEngineClient } from '../node/engine-client';
import { createAnalysisStore, type AnalysisStore } from './analysisStore';
import { registerDiagnostics } from './diagnostics';
import { registerCodeActions } from './codeActions';
import { registerFixCommands } from './fixes';
import { registerHover } from './hover';
import { registerReferences } from './references';
import { createClaimsTreeProvider, registerClaimsView, type ClaimsTreeProvider } from './claimsTree';
import { createSpellingsTreeProvider, registerSpellingsView, type SpellingsTreeProvider } from './spellingsTree';
import { registerNavigation } from './navigation';
import { registerStatusBar } from './statusBar';
import { registerDecorations } from './decorations';
import { COMMANDS } from './contributes';
import { createListProblemReporter, type ListProblemReporter } from './workspaceData';

/** What `activate` returns: the extension-host tests read the views' providers through it. */
export interface SecondSourceApi {
  store: AnalysisStore;
  claimsTree: ClaimsTreeProvider;
  spellingsTree: SpellingsTreeProvider;
  listProblems: ListProblemReporter;
}

// Providers answer only for analysed articles (the store decides), so the selector can be broad.
const SELECTOR: vscode.DocumentSelector = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'].map((scheme) => ({ scheme }));

/** Wires every feature into the extension context. */
export function activate(context: vscode.ExtensionContext): SecondSourceApi {
  const output = vscode.window.createOutputChannel('Second Source');
  const client = createEngineClient(join(context.extensionPath, 'dist', 'worker.js'));
  const listProblems = createListProblemReporter(output);
  const store = createAnalysisStore({ client, dataDir: join(context.extensionPath, 'dist', 'data'), output, listProblems });
  const claimsTree = createClaimsTreeProvider(store, context.workspaceState);
  const spellingsTree = createSpellingsTreeProvider(store);
  context.subscriptions.push(
    output,
    { dispose: () => client.dispose() },
    store,
    claimsTree,
    spellingsTree,
    registerDiagnostics(store),
    registerFixCommands(store),
    registerCodeActions(store, SELECTOR),
    registerHover(store, SELECTOR),
    registerReferences(store, SELECTOR),
    registerClaimsView(store, claimsTree),
    registerSpellingsView(store, spellingsTree),
    registerNavigation(store),
    registerStatusBar(store),
    registerDecorations(store, context.extensionUri),
    vscode.commands.registerCommand(COMMANDS.reanalyze.id, () => store.reanalyze()),
  );
  return { store, claimsTree, spellingsTree, listProblems };
}

/** Nothing to do: every resource is in `context.subscriptions`. */
export function deactivate(): void {}
