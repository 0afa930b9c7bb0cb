// Crash containment in the live server: with one rule broken on purpose
// (COPYDESK_TEST_FAILING_RULE, see server/src/lsp/debug.ts), the failure is
// logged once with the rule's id, the other rules still publish their
// findings, and the server keeps serving.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverPath, TestClient } from './lspClient';

const brokenRule = 'unbalanced-quote';
const uri = 'file:///tmp/containment.txt';
// An unclosed quotation (the broken rule's case) and a TK placeholder (leftover's).
const draft = 'Council backs new park\n\n"We will open it this summer, Whitfield said. The cost is TK.\n';

let client: TestClient;
before(async () => {
  const child = spawn(process.execPath, [serverPath, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, COPYDESK_TEST_FAILING_RULE: brokenRule },
  });
  client = new TestClient(createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child);
  await client.initialize();
});
after(() => client.stop());

test('a broken rule is logged once with its id; the other rules still report', async () => {
  client.open(uri, draft);
  const diagnostics = await client.waitForDiagnostics(uri, 1, (d) => d.some((x) => x.code === 'leftover'));
  assert.equal(diagnostics.filter((d) => d.code === brokenRule).length, 0, 'nothing from the broken rule');
  const log = await client.waitFor('the failure in the log', () => client.logs.find((l) => l.includes(`Rule ${brokenRule} failed`)));
  assert.match(log, new RegExp(`Rule ${brokenRule} failed on ${uri}; the other rules still report`));
  assert.match(log, /broken on purpose/, 'the error itself is in the log');

  // Typing on: still contained, and not logged again for this draft.
  const version = client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'More. ' }]);
  await client.waitForDiagnostics(uri, version, (d) => d.some((x) => x.code === 'leftover'));
  assert.equal(client.logs.filter((l) => l.includes(`Rule ${brokenRule} failed`)).length, 1, 'logged once per draft');

  // The server still answers requests.
  const actions = await client.request<unknown[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } },
    context: { diagnostics: [] },
  });
  assert.ok(Array.isArray(actions));
  assert.equal(client.process.exitCode, null, 'the server is alive');
  client.close(uri);
});
