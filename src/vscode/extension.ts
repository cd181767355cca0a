/**
 * Second Source in VS Code: a client of the Second Source language server. `activate` is a
 * wiring list: the language client brings diagnostics, quick fixes, hover cards, references
 * and the word-list commands; the views, decorations, status bar and navigation read the
 * server's analysis through the store. Each returns a Disposable.
 */
import * as vscode from 'vscode';
import { createAnalysisStore, type AnalysisStore } from './analysisStore';
import { registerFixCommands } from './fixes';
import { createClaimsTreeProvider, registerClaimsView, type ClaimsNode, type ClaimsTreeProvider } from './claimsTree';
import { createSpellingsTreeProvider, registerSpellingsView, type SpellingsTreeProvider } from './spellingsTree';
import { registerNavigation } from './navigation';
import { registerStatusBar } from './statusBar';
import { registerDecorations, type PaintedDecorations } from './decorations';
import { COMMANDS } from './contributes';
import { createListProblemReporter, type ListProblemReporter } from './workspaceData';
import { createLanguageClient } from './languageClient';
import { ListProblemsNotification } from '../server/protocol';

/** What `activate` returns: the extension-host tests read the views' providers through it. */
export interface SecondSourceApi {
  store: AnalysisStore;
  claimsTree: ClaimsTreeProvider;
  spellingsTree: SpellingsTreeProvider;
  listProblems: ListProblemReporter;
  /** The status bar item, read back by the tests as a user reads it. */
  statusBar: vscode.StatusBarItem;
  claimsView: vscode.TreeView<ClaimsNode>;
  decorations: PaintedDecorations;
  /** Each article's diagnostics as the language client hands them to VS Code (the editor benchmark times them). */
  onDidSetDiagnostics: vscode.Event<{ uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }>;
}

// Stopped in `deactivate`, so that the server is shut down before the extension host goes.
let running: { stop(): Promise<void> } | undefined;

/** Wires every feature into the extension context and starts the language server. */
export function activate(context: vscode.ExtensionContext): SecondSourceApi {
  const output = vscode.window.createOutputChannel('Second Source');
  const listProblems = createListProblemReporter(output);
  const diagnosticsSet = new vscode.EventEmitter<{ uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }>();
  const client = createLanguageClient({ extensionPath: context.extensionPath, output, diagnosticsSet: (uri, diagnostics) => diagnosticsSet.fire({ uri, diagnostics }) });
  running = client;
  client.onNotification(ListProblemsNotification, ({ folder, problems, fromAction }) => listProblems.report(vscode.Uri.parse(folder), problems, fromAction));
  const started = client.start().catch((error) => {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`[error] the language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`Second Source could not analyse the workspace: ${message}`);
    throw error;
  });
  const store = createAnalysisStore(client, started, output);
  const claimsTree = createClaimsTreeProvider(store, context.workspaceState);
  const spellingsTree = createSpellingsTreeProvider(store);
  const statusBar = registerStatusBar(store);
  const decorations = registerDecorations(store, context.extensionUri);
  const claimsView = registerClaimsView(store, claimsTree);
  context.subscriptions.push(
    output,
    diagnosticsSet,
    store,
    claimsTree,
    spellingsTree,
    registerFixCommands(store),
    claimsView,
    registerSpellingsView(store, spellingsTree),
    registerNavigation(store),
    statusBar,
    decorations,
    vscode.commands.registerCommand(COMMANDS.reanalyze.id, () => store.reanalyze()),
  );
  return { store, claimsTree, spellingsTree, listProblems, statusBar: statusBar.item, decorations, claimsView: claimsView.view, onDidSetDiagnostics: diagnosticsSet.event };
}

/** Shuts the language server down (shutdown, exit); every other resource is in `context.subscriptions`. */
export function deactivate(): Promise<void> | undefined {
  const client = running;
  running = undefined;
  return client?.stop().catch(() => undefined);
}
