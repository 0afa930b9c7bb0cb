import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';

suite('Copydesk loads in the editor', () => {
  test('the extension under development is present and activates on a draft', async () => {
    const extension = vscode.extensions.getExtension('copydesk.copydesk');
    assert.ok(extension, 'copydesk.copydesk is not among the loaded extensions');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'aid-convoy.txt'));
    await vscode.window.showTextDocument(document);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
