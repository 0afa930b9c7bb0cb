// The workspace index in the real editor (issue 16): the People and
// organizations tree lists the people of every draft, and Ctrl+T (the
// workspace symbol provider) finds a person in a draft no editor has opened.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { copydeskApi, waitFor, workspaceFile } from './helpers';

interface WorkspaceViewApi {
  workspaceView(): { names(): Promise<string[]>; refresh(): void };
}

suite('The workspace of drafts', () => {
  test('the People and organizations tree lists the people of the drafts, opened or not', async () => {
    const api = (await copydeskApi()) as unknown as WorkspaceViewApi;
    assert.equal(typeof api.workspaceView, 'function', 'activate() returns no workspaceView() (client/src/extension.ts)');
    await vscode.commands.executeCommand('copydesk.workspaceEntities.focus');
    const names = await waitFor(
      'the tree to list Tom O’Brien and Ana Whitfield',
      async () => {
        api.workspaceView().refresh();
        const listed = await api.workspaceView().names();
        return listed.includes("Tom O'Brien") && listed.includes('Ana Whitfield') ? listed : undefined;
      },
      60_000,
    );
    assert.ok(!names.some((n) => /^(Springfield|SPRINGFIELD|June|Monday)$/.test(n)), `not people: ${names.join(', ')}`);
  });

  test('Ctrl+T finds a person in a closed draft, at the mention', async () => {
    const draft = workspaceFile('clean-copy.story');
    // Another suite may have shown this draft: close its tabs, so no editor holds it open.
    const tabsOfDraft = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === draft.toString());
    await vscode.window.tabGroups.close(tabsOfDraft());
    assert.equal(tabsOfDraft().length, 0, 'clean-copy.story is closed for this test');
    const found = await waitFor(
      'a workspace symbol for O’Brien',
      async () => {
        const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', "O'Brien");
        return (symbols ?? []).find((s) => s.name === "Tom O'Brien" && s.location.uri.path.endsWith('/clean-copy.story'));
      },
      60_000,
    );
    const text = Buffer.from(await vscode.workspace.fs.readFile(draft)).toString('utf8');
    const line = text.split(/\r?\n/)[found.location.range.start.line];
    assert.equal(line.slice(found.location.range.start.character, found.location.range.end.character), "Tom O'Brien");
  });
});
