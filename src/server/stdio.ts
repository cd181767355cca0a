/** `second-source lsp --stdio`: the server on the process's standard input and output. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { limitHeapGrowth } from '../node/heap-growth';
import { startServer } from './server';

export function startStdioServer(): void {
  // Standard output carries the protocol: a stray console.log would corrupt a message.
  console.log = console.info = (...args: unknown[]) => console.error(...args);
  // A server holds a folder for hours: its heaps grow less past what they hold (see heap-growth).
  limitHeapGrowth();
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
}
