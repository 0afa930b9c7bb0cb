// The real server, over both transports, through a real LSP client: open,
// change, diagnostics, code action, applying the edit, close; UTF-16
// positions after emoji, accents and CRLF; settings that change or are wrong.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { applyEdits, startServer, type TestClient, type Transport } from './lspClient';

const draft = 'Council backs new park\n\n"We will open it this summer, Whitfield said.\n\nThe vote was 7-2.\n';

function quoteFindings(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'unbalanced-quote');
}

for (const transport of ['stdio', 'ipc'] as Transport[]) {
  describe(`language server over ${transport}`, () => {
    let client: TestClient;
    before(async () => {
      client = startServer(transport);
      const result = await client.initialize();
      assert.equal(
        result.capabilities.textDocumentSync && typeof result.capabilities.textDocumentSync === 'object' && result.capabilities.textDocumentSync.change,
        2,
        'incremental sync',
      );
    });
    after(() => client.stop());

    test('open, change, diagnostics, code action, apply the edit, close', async () => {
      const uri = `file:///tmp/${transport}-lifecycle.txt`;
      client.open(uri, draft);
      const [finding] = quoteFindings(await client.waitForDiagnostics(uri, 1, (d) => quoteFindings(d).length > 0));
      assert.deepEqual(finding.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
      assert.equal(finding.source, 'copydesk');
      assert.match(finding.message, /never closed/);

      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: finding.range,
        context: { diagnostics: [finding] },
      });
      const preferred = actions.find((a) => a.isPreferred);
      assert.ok(preferred, `a preferred fix among ${actions.map((a) => a.title).join(', ')}`);
      const edits = preferred.edit!.changes![uri];
      const fixed = applyEdits(draft, edits);
      assert.equal(fixed, draft.replace('this summer, Whitfield', 'this summer," Whitfield'));

      // Apply the fix as the editor would, as an incremental change.
      const version = client.change(
        uri,
        edits.map((e) => ({ range: e.range, text: e.newText })),
      );
      await client.waitForDiagnostics(uri, version, (d) => quoteFindings(d).length === 0);

      // Typing a stray mark brings a finding back, at the right place.
      const stray = client.change(uri, [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 8 } }, text: '"' }]);
      const [again] = quoteFindings(await client.waitForDiagnostics(uri, stray, (d) => quoteFindings(d).length > 0));
      assert.deepEqual(again.range.start, { line: 4, character: 8 });

      client.close(uri);
      await client.waitFor('diagnostics cleared on close', () => {
        const list = client.published.get(uri)!;
        return list[list.length - 1].diagnostics.length === 0;
      });
    });

    test('"Fix all in this draft" applies every rule\'s safe fix as one edit, and never deletes a placeholder', async () => {
      const uri = `file:///tmp/${transport}-fix-all.txt`;
      const text =
        'Two quotes go wrong\n\n"We will open it this summer, Whitfield said.\n\nThe budget is tight," Ostrowski said on Monday.\n\n' +
        'More news: Council approves budget\n\nThe work would begin in TK and take eight months.\n';
      client.open(uri, text);
      await client.waitForDiagnostics(uri, 1, (d) => quoteFindings(d).length === 2);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      const fixAll = actions.find((a) => a.title === 'Fix all in this draft');
      assert.ok(fixAll, `the fix-all action among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(fixAll.kind, 'source.fixAll.copydesk');
      assert.equal(
        applyEdits(text, fixAll.edit!.changes![uri]),
        text
          .replace('summer, Whitfield', 'summer," Whitfield')
          .replace('The budget is tight,"', '"The budget is tight,"')
          .replace('More news: Council approves budget\n', ''),
      );
      client.close(uri);
    });

    test('a fix of many edits is published as its title, and its edits come with the code action', async () => {
      const uri = `file:///tmp/${transport}-large-fix.txt`;
      const straight = Array.from({ length: 30 }, (_, i) => `"We will open pool ${i + 1} this summer," Whitfield said.`);
      const curly = Array.from({ length: 40 }, (_, i) => `“The budget for park ${i + 1} is tight,” Ostrowski said.`);
      const text = `Parks open\n\n${[...curly, ...straight].join('\n\n')}\n`;
      client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, 1, (d) => d.some((f) => f.code === 'mixed-quotes'));
      const finding = published.find((d) => d.code === 'mixed-quotes')!;
      const fixes = (finding.data as { fixes: { title: string; edits: unknown[]; editsLeftOut?: number }[] }).fixes;
      const curlyFix = fixes.find((f) => /straight marks curly/.test(f.title));
      assert.ok(curlyFix, `a curly fix among ${fixes.map((f) => f.title).join(', ')}`);
      assert.deepEqual([curlyFix.edits.length, curlyFix.editsLeftOut], [0, 60]);

      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: finding.range,
        context: { diagnostics: [finding] },
      });
      const action = actions.find((a) => a.title === curlyFix.title);
      assert.ok(action, `the curly fix among ${actions.map((a) => a.title).join(', ')}`);
      const fixed = applyEdits(text, action.edit!.changes![uri]);
      assert.equal(fixed, text.replace(/"We/g, '“We').replace(/summer,"/g, 'summer,”'));
      client.close(uri);
    });

    test('positions count UTF-16 code units after emoji, accents and CRLF', async () => {
      const uri = `file:///tmp/${transport}-unicode.txt`;
      // 😀 is two UTF-16 code units; é and ğ are one each; lines end in CRLF.
      const text = 'Café owners 😀 protest\r\n\r\nÇavuşoğlu 😀😀 said: "Turkey will stay.\r\n';
      client.open(uri, text);
      const [finding] = quoteFindings(await client.waitForDiagnostics(uri, 1, (d) => quoteFindings(d).length > 0));
      const line = 'Çavuşoğlu 😀😀 said: "Turkey will stay.';
      assert.deepEqual(finding.range.start, { line: 2, character: line.indexOf('"') });
      assert.equal(line.indexOf('"'), 21, 'the mark sits after 21 UTF-16 code units');
      client.close(uri);
    });

    test('a rule switched off disappears without a restart, and back on', async () => {
      const uri = `file:///tmp/${transport}-settings.txt`;
      client.open(uri, draft);
      await client.waitForDiagnostics(uri, 1, (d) => quoteFindings(d).length === 1);
      const before = client.published.get(uri)!.length;
      client.changeSettings({ rules: { 'unbalanced-quote': 'off' } });
      await client.waitFor('republished without the quote finding', () => {
        const list = client.published.get(uri)!;
        return list.length > before && quoteFindings(list[list.length - 1].diagnostics).length === 0;
      });
      client.changeSettings({ rules: { 'unbalanced-quote': 'warning' } });
      await client.waitFor('the finding back, as a warning', () => {
        const list = client.published.get(uri)!;
        const found = quoteFindings(list[list.length - 1].diagnostics);
        return found.length === 1 && found[0].severity === 2;
      });
      client.changeSettings({});
      client.close(uri);
    });

    test('a wrong setting value gets one plain message and the defaults', async () => {
      const uri = `file:///tmp/${transport}-bad-settings.txt`;
      client.changeSettings({ quoteStyle: 'klingon', rules: { 'unbalanced-quote': 'loud' } });
      client.open(uri, draft);
      const diagnostics = await client.waitForDiagnostics(uri, 1);
      assert.equal(quoteFindings(diagnostics)[0]?.severity, 1, 'the default severity (error) still applies');
      await client.waitFor('a message naming the setting', () => client.messages.find((m) => /copydesk\.rules\.unbalanced-quote/.test(m.message)));
      assert.ok(client.messages.some((m) => /copydesk\.quoteStyle.*klingon/.test(m.message)));
      client.changeSettings({});
      client.close(uri);
    });

    test('a draft over copydesk.maxDraftSize is paused with one plain message', async () => {
      const uri = `file:///tmp/${transport}-huge.txt`;
      client.changeSettings({ maxDraftSize: 1000 });
      client.open(uri, `${'"Unclosed. '.repeat(200)}\n`);
      const diagnostics = await client.waitForDiagnostics(uri, 1);
      assert.equal(diagnostics.length, 0);
      const notice = await client.waitFor('the paused message', () => client.messages.find((m) => /paused on this draft/.test(m.message)));
      assert.match(notice.message, /over the 1 KB limit, see copydesk\.maxDraftSize/);
      client.changeSettings({});
      client.close(uri);
    });
  });
}
