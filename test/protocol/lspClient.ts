// A real LSP client for protocol tests and the benchmark: it starts the built
// server (dist/server.js) over stdio or node IPC, answers
// workspace/configuration from a settings object the test controls, and
// records every notification so tests can wait for a condition.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, ShowMessageParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';

export const serverPath = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export type Transport = 'stdio' | 'ipc';

export interface PublishedDiagnostics {
  version?: number;
  diagnostics: Diagnostic[];
}

export class TestClient {
  /** Every publishDiagnostics, in arrival order, per uri. */
  readonly published = new Map<string, PublishedDiagnostics[]>();
  readonly messages: ShowMessageParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  settings: Record<string, unknown> = {};
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly connection: MessageConnection,
    readonly process: ChildProcess,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push({ version: params.version, diagnostics: params.diagnostics });
      this.published.set(params.uri, list);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.messages.push(params);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    // Work-done progress: jsonrpc routes $/progress by token, never to the handler above.
    connection.onUnhandledProgress((params) => {
      this.notifications.push({ method: '$/progress', params });
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'copydesk' ? this.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
  }

  /** Sends a notification; a server that has already gone is reported by the tests that care, not here. */
  private notify(method: string, params?: unknown): void {
    this.connection.sendNotification(method, params).catch(() => undefined);
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
  }

  /** Polls `condition` on every message from the server until it holds, or fails after `timeoutMs`. */
  async waitFor<T>(what: string, condition: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const initial = condition();
    if (initial) return initial;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = condition();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  async initialize(capabilities: Record<string, unknown> = { workspace: { configuration: true } }, initializationOptions?: unknown): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      ...(initializationOptions === undefined ? {} : { initializationOptions }),
    });
    this.notify('initialized', {});
    return this.initializeResult;
  }

  open(uri: string, text: string, languageId = 'plaintext'): void {
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one didChange with the given changes; returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.notify('workspace/didChangeConfiguration', { settings: { copydesk: settings } });
  }

  /** The diagnostics published for `uri` at `version` (the last such publication). */
  diagnosticsFor(uri: string, version?: number): Diagnostic[] | undefined {
    const list = this.published.get(uri) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (version === undefined || list[i].version === version) return list[i].diagnostics;
    }
    return undefined;
  }

  /** Waits until diagnostics for `version` satisfy `condition` (default: any arrived). */
  waitForDiagnostics(uri: string, version: number, condition: (d: Diagnostic[]) => boolean = () => true, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      `diagnostics for ${uri} v${version}`,
      () => {
        const d = this.diagnosticsFor(uri, version);
        return d && condition(d) ? d : undefined;
      },
      timeoutMs,
    );
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit');
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    // Wait for the server to be gone, so that nothing it was still writing (the saved workspace index)
    // lands after the caller has moved on.
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
    await exited;
  }
}

export function startServer(transport: Transport = 'stdio'): TestClient {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` first.`);
  if (transport === 'stdio') {
    // COPYDESK_SERVER_NODE_ARGS passes Node flags to the server, e.g. --cpu-prof to profile a benchmark run.
    const nodeArgs = process.env.COPYDESK_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    // As the VS Code client starts it (client/src/extension.ts).
    const child = spawn(process.execPath, ['--no-regexp-tier-up', ...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new TestClient(connection, child);
  }
  const child = fork(serverPath, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  return new TestClient(connection, child);
}

/** Applies LSP text edits to a text, as an editor would (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') lineStarts.push(i + 1);
  }
  const offset = (p: Position) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const e of sorted) result = result.slice(0, offset(e.range.start)) + e.newText + result.slice(offset(e.range.end));
  return result;
}

interface Position {
  line: number;
  character: number;
}
