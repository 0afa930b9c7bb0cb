// Copydesk makes no network connections. Checked two ways, honestly:
//  1. the bundles reference no network module except `net`, which
//     vscode-jsonrpc carries for its socket and named-pipe transports, and
//     no fetch or WebSocket;
//  2. at run time, the server (over stdio) and the CLI run with every network
//     entry point of node made to throw (test/support/forbid-network.cjs), and
//     still do their whole job without one attempt.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverPath, TestClient } from './lspClient';

const dist = path.dirname(serverPath);
const cliPath = path.join(dist, 'cli.js');
const preload = path.resolve(__dirname, '..', 'support', 'forbid-network.cjs');
const attempt = /COPYDESK NETWORK ATTEMPT/;

const networkModules = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns'];
/** Module references a bundle may hold, and why. */
const allowed: Record<string, Record<string, string>> = {
  'server.js': { net: 'vscode-jsonrpc socket and named-pipe transports; Copydesk runs over stdio or node IPC' },
  'cli.js': {},
};

for (const bundle of Object.keys(allowed)) {
  test(`dist/${bundle} references no network module but the allowed ones, and no fetch or WebSocket`, () => {
    const code = readFileSync(path.join(dist, bundle), 'utf8');
    const referenced = new Set<string>();
    for (const m of code.matchAll(/require\(\s*["'](?:node:)?([\w/]+)["']\s*\)|from\s*["'](?:node:)?([\w/]+)["']/g)) {
      const name = (m[1] ?? m[2]).split('/')[0];
      if (networkModules.includes(name)) referenced.add(name);
    }
    assert.deepEqual(
      [...referenced].filter((name) => !(name in allowed[bundle])),
      [],
      'unexpected network modules',
    );
    assert.doesNotMatch(code, /\bfetch\s*\(/, 'no fetch(');
    assert.doesNotMatch(code, /\bnew\s+WebSocket\b|\bXMLHttpRequest\b|\bEventSource\b/, 'no WebSocket, XMLHttpRequest or EventSource');
  });
}

test('the preload really forbids the network (or the checks below would prove nothing)', () => {
  const probe = spawnSync(process.execPath, ['-r', preload, '-e', "require('node:http').get('http://127.0.0.1:9')"], { encoding: 'utf8' });
  assert.notEqual(probe.status, 0);
  assert.match(probe.stderr, attempt);
  const fetchProbe = spawnSync(process.execPath, ['-r', preload, '-e', "fetch('http://127.0.0.1:9')"], { encoding: 'utf8' });
  assert.match(fetchProbe.stderr, attempt);
});

test('the server does its whole job over stdio without touching the network', async () => {
  const child = spawn(process.execPath, ['-r', preload, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const client = new TestClient(createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child);
  try {
    await client.initialize();
    const uri = 'file:///tmp/network.txt';
    client.open(uri, 'Council backs new park\n\n"We will open it this summer, Whitfield said.\n\nMayor Jane Whitfield said the cost is TK.\n');
    // The status notification follows the NLP phase: every rule has run.
    await client.waitFor('the full analysis', () =>
      client.notifications.some((n) => n.method === 'copydesk/draftStatus' && (n.params as { uri: string }).uri === uri),
    );
    const diagnostics = client.diagnosticsFor(uri)!;
    assert.ok(diagnostics.some((d) => d.code === 'unbalanced-quote'));
    await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    client.close(uri);
  } finally {
    await client.stop();
  }
  assert.doesNotMatch(stderr, attempt);
});

test('the CLI checks a draft without touching the network', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-network-'));
  try {
    const file = path.join(dir, 'draft.txt');
    writeFileSync(file, 'Council backs new park\n\n"We will open it this summer, Whitfield said.\n');
    const run = spawnSync(process.execPath, ['-r', preload, cliPath, 'check', file], { encoding: 'utf8', cwd: dir });
    assert.doesNotMatch(run.stderr, attempt);
    assert.equal(run.status, 1, `exit 1 for an error finding; stderr: ${run.stderr}`);
    assert.match(run.stdout, /unbalanced-quote/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
