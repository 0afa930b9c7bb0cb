// If the language server process dies, the client starts a new one and the
// draft is checked again, with no reload and nothing lost from the buffer.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { copydeskDiagnostics, openDraft, revertAndClose, waitFor, waitForFindings } from './helpers';

interface ClientHandle {
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
}

async function copydeskClient(): Promise<ClientHandle> {
  const extension = vscode.extensions.getExtension<{ client(): ClientHandle | undefined }>('copydesk.copydesk');
  assert.ok(extension, 'copydesk.copydesk is not loaded');
  const api = await extension.activate();
  const client = api.client();
  assert.ok(client, 'the language client is running');
  return client;
}

suite('Server crash in the editor', () => {
  test('a killed server is restarted and the open draft is checked again', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const uri = editor.document.uri;
    await waitForFindings(uri, 'unbalanced-quote');
    const client = await copydeskClient();
    const firstPid = await client.sendRequest<number>('copydesk/processId');
    process.kill(firstPid, 'SIGKILL');

    const secondPid = await waitFor('a new server process', async () => {
      const pid = await client.sendRequest<number>('copydesk/processId');
      return pid !== firstPid ? pid : undefined;
    });
    assert.notEqual(secondPid, firstPid);

    // An edit after the restart is checked by the new server: a stray closing mark
    // on line 8, after "More than 30 trucks".
    await editor.edit((edit) => edit.insert(new vscode.Position(7, 'More than 30 trucks'.length), '"'));
    await waitFor('the new server to flag the stray mark on line 8', () => copydeskDiagnostics(uri, 'unbalanced-quote').some((d) => d.range.start.line === 7));
    await revertAndClose(editor);
  });
});
