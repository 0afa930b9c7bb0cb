// The newsroom checks through the real server: settings that change without a
// restart, a .copydesk.json beside the draft, a broken one, suppression
// directives, and every newsroom quick fix applied as an editor would.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { applyEdits, startServer, type TestClient } from './lspClient';

const draft = [
  'Council backs new park',
  '',
  'The council voted on February 13 to build the park, and the mayor "will open it this summer," Whitfield claimed.',
  '',
  'More news: Storm hits coast',
  '',
  'The park opens in June.',
  '',
].join('\n');

const byRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

describe('newsroom checks over the protocol', () => {
  let client: TestClient;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'copydesk-newsroom-'));
    client = startServer('stdio');
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }

  test('each newsroom fix applies and gives the expected text', async () => {
    const uri = 'file:///nonexistent-copydesk/fixes.txt';
    client.open(uri, draft);
    const diagnostics = await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'leftover').length === 1 && byRule(d, 'attribution-verb').length === 1);
    const expectations: [string, string, string][] = [
      ['leftover', 'Delete the line', draft.replace('More news: Storm hits coast\n', '')],
      ['ap-style', 'Write "Feb."', draft.replace('February 13', 'Feb. 13')],
      ['attribution-verb', 'Write "said"', draft.replace('Whitfield claimed', 'Whitfield said')],
    ];
    for (const [rule, title, expected] of expectations) {
      const [diagnostic] = byRule(diagnostics, rule);
      assert.ok(diagnostic, `a ${rule} finding`);
      const actions = await actionsFor(uri, diagnostic);
      const action = actions.find((a) => a.title === title);
      assert.ok(action, `"${title}" among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(applyEdits(draft, action.edit!.changes![uri]), expected);
    }
    client.close(uri);
  });

  test('"Ignore in this paragraph" and "Ignore in this draft" silence the finding once applied', async () => {
    for (const scope of ['paragraph', 'draft']) {
      const uri = `file:///nonexistent-copydesk/ignore-${scope}.txt`;
      client.open(uri, draft);
      const [finding] = byRule(await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'leftover').length === 1), 'leftover');
      const action = (await actionsFor(uri, finding)).find((a) => a.title === `Ignore leftover in this ${scope}`);
      assert.ok(action, `an "Ignore leftover in this ${scope}" action`);
      const edits = action.edit!.changes![uri];
      const version = client.change(
        uri,
        edits.map((e) => ({ range: e.range, text: e.newText })),
      );
      const after = await client.waitForDiagnostics(uri, version);
      assert.equal(byRule(after, 'leftover').length, 0, `leftover silenced in the ${scope}`);
      assert.equal(byRule(after, 'ap-style').length, 1, 'other rules still report');
      client.close(uri);
    }
  });

  test('suppression directives written by hand work in plain text and Markdown', async () => {
    const plain = 'file:///nonexistent-copydesk/suppressed.txt';
    client.open(plain, draft.replace('More news:', '[copydesk-disable-next-paragraph leftover]\nMore news:'));
    const d1 = await client.waitForDiagnostics(plain, 1, (d) => byRule(d, 'ap-style').length > 0);
    assert.equal(byRule(d1, 'leftover').length, 0);
    const markdown = 'file:///nonexistent-copydesk/suppressed.md';
    client.open(markdown, `<!-- copydesk-disable ap-style -->\n\n# Council backs new park\n\n${draft.split('\n\n').slice(1).join('\n\n')}`, 'markdown');
    const d2 = await client.waitForDiagnostics(markdown, 1, (d) => byRule(d, 'leftover').length > 0);
    assert.equal(byRule(d2, 'ap-style').length, 0);
    client.close(plain);
    client.close(markdown);
  });

  test('a rule switched off in the settings disappears without a restart', async () => {
    const uri = 'file:///nonexistent-copydesk/settings.txt';
    client.open(uri, draft);
    await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'leftover').length === 1);
    const seen = client.published.get(uri)!.length;
    client.changeSettings({ rules: { leftover: 'off' }, apStyle: { months: false } });
    await client.waitFor('republished without leftover and the month finding', () => {
      const list = client.published.get(uri)!;
      const last = list[list.length - 1].diagnostics;
      return (
        list.length > seen && byRule(last, 'leftover').length === 0 && byRule(last, 'ap-style').length === 0 && byRule(last, 'attribution-verb').length === 1
      );
    });
    client.changeSettings({});
    client.close(uri);
  });

  test('a .copydesk.json beside the draft applies; a broken one gives one message naming file and line, then recovers', async () => {
    const settingsFile = join(folder, '.copydesk.json');
    writeFileSync(settingsFile, JSON.stringify({ rules: { leftover: 'off' }, style: 'ap' }, null, 2));
    const uri = pathToFileURL(join(folder, 'story.txt')).href;
    client.open(uri, draft);
    const first = await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'ap-style').length > 0);
    assert.equal(byRule(first, 'leftover').length, 0, 'the file switched leftover off');

    // Break the file: a trailing comma on line 3.
    writeFileSync(settingsFile, '{\n  "rules": { "leftover": "off" },\n  "style": "ap",\n}\n');
    const messagesBefore = client.messages.length;
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(settingsFile).href, type: 2 }] });
    const message = await client.waitFor('a message about the broken file', () =>
      client.messages.slice(messagesBefore).find((m) => m.message.includes('.copydesk.json')),
    );
    assert.match(message.message, /line [34]/);
    assert.match(message.message, /not valid JSON/);
    await client.waitFor('defaults apply: leftover is back', () => {
      const d = client.diagnosticsFor(uri);
      return d && byRule(d, 'leftover').length === 1;
    });
    assert.equal(
      client.messages.slice(messagesBefore).filter((m) => m.message.includes('.copydesk.json')).length,
      1,
      'one message, not one per draft or per check',
    );

    // A style sheet with a wrong type is reported by line, and Copydesk runs on.
    mkdirSync(join(folder, '.copydesk'), { recursive: true });
    writeFileSync(join(folder, '.copydesk', 'names.yaml'), '- name: Jane Whitfield\n  type: mayor\n');
    writeFileSync(settingsFile, JSON.stringify({ rules: { 'attribution-verb': 'off' } }));
    const beforeSheet = client.messages.length;
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(settingsFile).href, type: 2 }] });
    const sheetMessage = await client.waitFor('a message about the names sheet', () =>
      client.messages.slice(beforeSheet).find((m) => m.message.includes('names.yaml')),
    );
    assert.match(sheetMessage.message, /line 2: .*"mayor"/);
    await client.waitFor('the fixed settings file applies', () => {
      const d = client.diagnosticsFor(uri);
      return d && byRule(d, 'attribution-verb').length === 0 && byRule(d, 'leftover').length === 1;
    });
    client.close(uri);
  });
});
