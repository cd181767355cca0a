/**
 * The extension's connection to the Second Source language server (`dist/cli.js lsp --stdio`),
 * as vscode-eslint and Harper do it: diagnostics, quick fixes, hover cards, references and the
 * word-list commands are the server's, registered by vscode-languageclient. The extension asks
 * for cards with codicons and command links (a terminal client gets plain ones) and trusts
 * those links.
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type ClientOptions } from '../server/protocol';

/** What the client needs from the rest of the extension. */
export interface LanguageClientDeps {
  extensionPath: string;
  output: vscode.OutputChannel;
  /**
   * Told of each article's diagnostics as they are handed to VS Code, which shows them at once
   * (`languages.onDidChangeDiagnostics` tells extensions 50 ms or more later: VS Code debounces it).
   */
  diagnosticsSet?: (uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]) => void;
}

// The server decides what is an article (the `secondSource.files` globs); unsaved documents too.
const SELECTOR = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Creates the client (not started). */
export function createLanguageClient({ extensionPath, output, diagnosticsSet }: LanguageClientDeps): LanguageClient {
  const module = join(extensionPath, 'dist', 'cli.js');
  // vscode-languageclient appends `--stdio` (and `--clientProcessId`) for this transport.
  const run = { module, args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const client: ClientOptions = { listProblems: true, commandLinks: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { client },
    synchronize: { configurationSection: 'secondSource' },
    // The cards' links run only these commands.
    markdown: { isTrusted: { enabledCommands: [...Object.values(CLIENT_COMMANDS), ...Object.values(SERVER_COMMANDS)] } },
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        diagnosticsSet?.(uri, diagnostics);
      },
      async provideHover(document, position, token, next) {
        const hover = await next(document, position, token);
        // The converter leaves codicons ($(pass)) as text unless told.
        for (const part of hover?.contents ?? []) if (part instanceof vscode.MarkdownString) part.supportThemeIcons = true;
        return hover;
      },
      async executeCommand(command, args, next) {
        const result = await next(command, args);
        const word = (args[0] as { finding?: { text?: string } } | undefined)?.finding?.text;
        if (command === SERVER_COMMANDS.addToWordList && word) vscode.window.setStatusBarMessage(`Second Source: added “${word}” to the workspace word list`, 4000);
        return result;
      },
    },
  };
  return new LanguageClient('secondSource', 'Second Source', serverOptions, clientOptions);
}
