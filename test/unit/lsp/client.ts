/**
 * A minimal LSP client for the protocol tests: starts `dist/cli.js lsp --stdio`, answers the
 * server's requests (configuration, progress tokens, registrations) and records what it is sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver';

export const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

export interface ProgressEvent {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcess;
  initialize: InitializeResult;
  progress: ProgressEvent[];
  /** The latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Every publishDiagnostics, in order. */
  published: { uri: string; version?: number; diagnostics: Diagnostic[] }[];
  stderr(): string;
  /** window/logMessage lines, in order. */
  logs: string[];
  /** window/showMessage texts, in order. */
  shown: string[];
  /** Notifications with no handler of their own (the server's custom ones), in order. */
  custom: { method: string; params: unknown }[];
  /** Resolves when `predicate` holds after some notification (or now); rejects after `ms`. */
  until(what: string, predicate: () => boolean, ms?: number): Promise<void>;
  /** The settings the client answers workspace/configuration with. */
  settings: Record<string, unknown>;
  stop(): Promise<number | null>;
}

export const fileUri = (path: string) => pathToFileURL(path).href;

/** Starts the server on `folder` and completes the initialize handshake. */
export async function startClient(folder: string, settings: Record<string, unknown> = {}, initializationOptions?: unknown): Promise<TestClient> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.on('exit', () => poke());
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const progress: ProgressEvent[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const published: TestClient['published'] = [];
  const logs: string[] = [];
  const shown: string[] = [];
  const custom: TestClient['custom'] = [];
  const waiters = new Set<() => void>();
  const poke = () => waiters.forEach((w) => w());
  const client: Partial<TestClient> = { settings };

  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => client.settings));
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onNotification('$/progress', (p: ProgressEvent) => (progress.push(p), poke()));
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    published.push(p);
    poke();
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => (logs.push(p.message), poke()));
  connection.onNotification('window/showMessage', (p: { message: string }) => (shown.push(p.message), poke()));
  connection.onNotification((method: string, params: unknown) => (custom.push({ method, params }), poke()));
  connection.listen();

  const initialize = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: fileUri(folder), name: 'news' }],
    initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});

  return Object.assign(client, {
    connection,
    process: child,
    initialize,
    progress,
    diagnostics,
    published,
    logs,
    shown,
    custom,
    stderr: () => stderr,
    until(what: string, predicate: () => boolean, ms = 60_000) {
      return new Promise<void>((resolve, reject) => {
        if (predicate()) return resolve();
        const timer = setTimeout(() => (waiters.delete(check), reject(new Error(`timed out waiting for ${what}\n${stderr.slice(-2000)}`))), ms);
        const check = () => {
          if (child.exitCode !== null) {
            clearTimeout(timer);
            waiters.delete(check);
            return reject(new Error(`the server exited (${child.exitCode}) while waiting for ${what}\n${stderr.slice(-2000)}`));
          }
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      const code = await exited;
      connection.dispose();
      return code;
    },
  }) as TestClient;
}
