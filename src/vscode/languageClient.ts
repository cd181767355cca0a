/**
 * The extension's connection to the Second Source language server (`dist/cli.js lsp --stdio`),
 * as vscode-eslint and Harper do it: diagnostics, quick fixes, references and the word-list
 * commands are the server's, registered by vscode-languageclient. Hover cards are drawn here
 * (./hover) from the server's analysis, because VS Code's carry command links a terminal
 * client's cannot.
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ClientOptions } from '../server/protocol';

/** What the client needs from the rest of the extension. */
export interface LanguageClientDeps {
  extensionPath: string;
  output: vscode.OutputChannel;
  /** Draws the hover at a position (undefined: no card there). */
  hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined;
}

// The server decides what is an article (the `secondSource.files` globs); unsaved documents too.
const SELECTOR = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Creates the client (not started). */
export function createLanguageClient({ extensionPath, output, hover }: LanguageClientDeps): LanguageClient {
  const module = join(extensionPath, 'dist', 'cli.js');
  // vscode-languageclient appends `--stdio` (and `--clientProcessId`) for this transport.
  const run = { module, args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const client: ClientOptions = { listProblems: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { client },
    synchronize: { configurationSection: 'secondSource' },
    middleware: {
      provideHover: (document, position) => hover(document, position),
      async executeCommand(command, args, next) {
        const result = await next(command, args);
        const word = (args[0] as { finding?: { text?: string } } | undefined)?.finding?.text;
        if (command === 'secondSource.addToWordList' && word) vscode.window.setStatusBarMessage(`Second Source: added “${word}” to the workspace word list`, 4000);
        return result;
      },
    },
  };
  return new LanguageClient('secondSource', 'Second Source', serverOptions, clientOptions);
}
