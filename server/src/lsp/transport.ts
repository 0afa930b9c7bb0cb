// The server's connection, and the one thing it does differently from the
// library's default: the outline's JSON is sent from a cache.
//
// VS Code asks for the outline after every keystroke. In a 100,000-word draft
// it is some 650 KB of JSON, and writing it out (JSON.stringify, then UTF-8)
// took longer than building it. Typing on one line leaves every other line's
// symbols as the same objects (lsp/symbols.ts), so each symbol's bytes are kept
// by the symbol and only the groups around them are written afresh.

import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type DocumentSymbol, type Message } from 'vscode-languageserver/node';

let shutdownRequested = false;

/** Called from the shutdown handler: the exit code then says the client ended the session in order. */
export function noteShutdown(): void {
  shutdownRequested = true;
}

const outlines = new WeakSet<DocumentSymbol[]>();
const encodedSymbols = new WeakMap<DocumentSymbol, Buffer>();

/** Marks a documentSymbol result as an outline whose symbols are never changed once made. */
export function asCachedOutline(symbols: DocumentSymbol[]): DocumentSymbol[] {
  outlines.add(symbols);
  return symbols;
}

function encodedSymbol(symbol: DocumentSymbol): Buffer {
  let encoded = encodedSymbols.get(symbol);
  if (!encoded) {
    encoded = Buffer.from(JSON.stringify(symbol), 'utf8');
    encodedSymbols.set(symbol, encoded);
  }
  return encoded;
}

const comma = Buffer.from(',');

/** The same bytes JSON.stringify would give the response, the children of each group from the cache. */
function encodeOutlineResponse(response: { jsonrpc: string; id: unknown }, groups: DocumentSymbol[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`{"jsonrpc":${JSON.stringify(response.jsonrpc)},"id":${JSON.stringify(response.id)},"result":[`)];
  groups.forEach((group, i) => {
    const { children, ...shell } = group;
    if (i > 0) parts.push(comma);
    if (!children) {
      parts.push(Buffer.from(JSON.stringify(shell), 'utf8'));
      return;
    }
    parts.push(Buffer.from(`${JSON.stringify(shell).slice(0, -1)},"children":[`, 'utf8'));
    children.forEach((child, j) => {
      if (j > 0) parts.push(comma);
      parts.push(encodedSymbol(child));
    });
    parts.push(Buffer.from(']}'));
  });
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

function isOutlineResponse(message: Message): message is Message & { id: unknown; result: DocumentSymbol[] } {
  const response = message as { id?: unknown; result?: unknown; error?: unknown };
  return response.error === undefined && Array.isArray(response.result) && outlines.has(response.result as DocumentSymbol[]);
}

/** The library's JSON encoder (vscode-jsonrpc's node runtime), with the outline taken apart. */
export const jsonEncoder = {
  name: 'application/json',
  encode(message: Message): Promise<Uint8Array> {
    try {
      if (isOutlineResponse(message)) return Promise.resolve(encodeOutlineResponse(message, message.result));
      return Promise.resolve(Buffer.from(JSON.stringify(message, undefined, 0), 'utf8'));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

/**
 * The connection: over stdio with the encoder above; over --node-ipc, a socket
 * or a pipe as the library makes it (IPC sends objects, not JSON text).
 */
export function createServerConnection() {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonEncoder }),
  );
  // What the library does itself when it opens stdio: anything written to the
  // console goes to the client's log, never into the protocol's stream, and the
  // server ends when the client closes its end.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const to = level === 'debug' || level === 'log' ? 'log' : level;
    console[level] = (...args: unknown[]) => connection.console[to](format(...args));
  }
  const end = () => process.exit(shutdownRequested ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  return connection;
}
