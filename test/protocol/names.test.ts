// The name rules through the real server: the sample draft's expected
// findings, the newsroom style sheet (.copydesk/names.yaml) in name-variant and
// the hover, each name fix applied as an editor would, "Add to style sheet"
// creating and then appending to the sheet, and a name rule switched off.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit, CreateFile } from 'vscode-languageserver';
import { parseStyleSheet } from '../../server/src/analysis/styleSheet';
import { applyEdits, startServer, type TestClient } from './lspClient';

const nameRules = ['name-variant', 'first-reference', 'acronym-first-use', 'inconsistent-alias', 'unattributed-quote'];
const rulesOn = { rules: { 'first-reference': 'hint', 'unattributed-quote': 'hint' } };
const byRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

/** The text a diagnostic covers. */
function covered(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  if (d.range.start.line !== d.range.end.line) return '(multi-line)';
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

/** Offset → LSP position in a text with \n line breaks. */
function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('name rules over the protocol', () => {
  let client: TestClient;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'copydesk-names-'));
    client = startServer('stdio');
    // first-reference and unattributed-quote are off by default: these tests turn them on, as a desk that wants them does.
    client.settings = rulesOn;
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function actionsAt(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  test('the sample draft: leftover on each "More news:", inconsistent-alias on IS/ISIS, first-reference on Haddadin, name-variant on Wierzbicky, and no other name finding (the unclosed quotation that swallowed its attribution belongs to unbalanced-quote)', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'samples', 'aid-convoy.txt'), 'utf8');
    const uri = 'file:///nonexistent-copydesk/aid-convoy.txt';
    client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'first-reference').length > 0, 30_000);
    assert.deepEqual(
      byRule(diagnostics, 'leftover').map((d) => covered(text, d).slice(0, 11)),
      ['More news: ', 'More news: '],
    );
    assert.deepEqual(
      byRule(diagnostics, 'first-reference').map((d) => [covered(text, d), d.range.start.line]),
      [['Haddadin', 3]],
    );
    const aliases = byRule(diagnostics, 'inconsistent-alias');
    assert.deepEqual(
      aliases.map((d) => covered(text, d)),
      ['ISIS', 'ISIS'],
    );
    assert.match(aliases[0].message, /Islamic State ‘IS’ and ‘ISIS’/);
    const others = diagnostics.filter((d) => nameRules.includes(String(d.code)) && !['first-reference', 'inconsistent-alias'].includes(String(d.code)));
    assert.deepEqual(
      others.map((d) => `${d.code}: ${covered(text, d)}`),
      ['name-variant: Wierzbicky'],
    );
    // The fix that calls the group by one name throughout.
    const action = (await actionsAt(uri, aliases[0])).find((a) => a.title === 'Call Islamic State ‘IS’ throughout');
    assert.ok(action);
    const fixed = applyEdits(text, action.edit!.changes![uri]);
    assert.equal(fixed, text.replaceAll('ISIS', 'IS'));
    client.close(uri);
  });

  test('each name fix applies as an editor would', async () => {
    const draft = [
      'Plant to close',
      '',
      'Rachel Ostrowski, a spokeswoman for Cascade Energy, confirmed the plan. Ostrowsky said 40 jobs would go.',
      '',
      'The ECB will not help, the European Central Bank said.',
      '',
      '"We will fight it," Haddad said. Union leader Omar Haddad called a meeting.',
      '',
    ].join('\n');
    const uri = 'file:///nonexistent-copydesk/fixes-names.txt';
    client.open(uri, draft);
    const diagnostics = await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'name-variant').length > 0 && byRule(d, 'first-reference').length > 0, 30_000);
    const expectations: [string, string, string][] = [
      ['name-variant', 'Write ‘Ostrowski’', draft.replace('Ostrowsky', 'Ostrowski')],
      ['acronym-first-use', 'Write ‘European Central Bank (ECB)’', draft.replace('The ECB', 'The European Central Bank (ECB)')],
      ['first-reference', 'Write ‘Omar Haddad’', draft.replace('," Haddad said', '," Omar Haddad said')],
    ];
    for (const [rule, title, expected] of expectations) {
      const [diagnostic] = byRule(diagnostics, rule);
      assert.ok(diagnostic, `a ${rule} finding among ${diagnostics.map((d) => d.code).join(', ')}`);
      const action = (await actionsAt(uri, diagnostic)).find((a) => a.title === title);
      assert.ok(action, `"${title}"`);
      assert.equal(applyEdits(draft, action.edit!.changes![uri]), expected);
    }
    client.close(uri);
  });

  test('the style sheet: its spelling wins in name-variant, and the hover shows its entry', async () => {
    const newsroom = join(folder, 'sheet');
    mkdirSync(join(newsroom, '.copydesk'), { recursive: true });
    writeFileSync(
      join(newsroom, '.copydesk', 'names.yaml'),
      '- name: Rachel Ostrowski\n  type: person\n  title: Cascade Energy spokeswoman\n  notes: ski, not sky\n',
    );
    const draft = 'Plant to close\n\nRachel Ostrowsky, a spokeswoman for Cascade Energy, confirmed the plan.\n';
    const uri = pathToFileURL(join(newsroom, 'draft.txt')).toString();
    client.open(uri, draft);
    const diagnostics = await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'name-variant').length > 0, 30_000);
    const [variant] = byRule(diagnostics, 'name-variant');
    assert.equal(covered(draft, variant), 'Ostrowsky');
    assert.match(variant.message, /style sheet's spelling ‘Ostrowski’ \(ski, not sky\)/);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(draft, draft.indexOf('Ostrowsky') + 2) });
    const markdown = (hover.contents as MarkupContent).value;
    assert.match(markdown, /Style sheet \(line 1\): \*\*Rachel Ostrowski\*\* · Cascade Energy spokeswoman/);
    assert.match(markdown, /Note: ski, not sky/);
    client.close(uri);
  });

  test('"Add to style sheet" creates the sheet in the draft\'s folder, then appends to it', async () => {
    const newsroom = join(folder, 'add');
    mkdirSync(newsroom, { recursive: true });
    const draft = 'Talks resume\n\nTurkish Foreign Minister Mevlüt Çavuşoğlu arrived on Monday. Çavuşoğlu said the talks would resume.\n';
    const uri = pathToFileURL(join(newsroom, 'talks.txt')).toString();
    client.open(uri, draft);
    await client.waitForDiagnostics(uri, 1);
    const at = positionOf(draft, draft.indexOf('Mevlüt') + 2);
    const request = () =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const action = (await request()).find((a) => /to the style sheet/.test(a.title));
    assert.ok(action, 'an "Add to style sheet" action');
    assert.equal(action.title, 'Add ‘Mevlüt Çavuşoğlu’ to the style sheet');
    const [create, edit] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    const sheetPath = fileURLToPath(create.uri);
    assert.equal(sheetPath, join(newsroom, '.copydesk', 'names.yaml'));
    // Apply it as the editor would: create the file, insert the text.
    mkdirSync(join(newsroom, '.copydesk'), { recursive: true });
    writeFileSync(sheetPath, applyEdits('', edit.edits as never));
    const { sheet, problems } = parseStyleSheet(readFileSync(sheetPath, 'utf8'));
    assert.deepEqual(problems, []);
    assert.deepEqual(
      sheet.entries.map((e) => [e.name, e.type, e.title]),
      [['Mevlüt Çavuşoğlu', 'person', 'Turkish Foreign Minister']],
    );

    // Once the sheet holds the name, the action is gone; another name is appended to the same file.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: create.uri, type: 1 }] });
    const second = 'Talks resume\n\nRachel Ostrowski, a spokeswoman for Cascade Energy, confirmed the plan.\n';
    const secondUri = pathToFileURL(join(newsroom, 'plant.txt')).toString();
    client.open(secondUri, second);
    await client.waitForDiagnostics(secondUri, 1);
    const there = positionOf(second, second.indexOf('Ostrowski'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: secondUri },
      range: { start: there, end: there },
      context: { diagnostics: [] },
    });
    const append = actions.find((a) => a.title === 'Add ‘Rachel Ostrowski’ to the style sheet');
    assert.ok(append);
    const changes = append.edit!.documentChanges! as TextDocumentEdit[];
    assert.equal(changes.length, 1, 'no CreateFile for an existing sheet');
    const appended = applyEdits(readFileSync(sheetPath, 'utf8'), changes[0].edits as never);
    assert.deepEqual(
      parseStyleSheet(appended).sheet.entries.map((e) => e.name),
      ['Mevlüt Çavuşoğlu', 'Rachel Ostrowski'],
    );
    client.close(uri);
    client.close(secondUri);
  });

  test('a name rule switched off disappears without a restart', async () => {
    const draft = 'Bridge\n\n"We will open it this summer," Whitfield said.\n\nCouncil member Dana Whitfield left.\n';
    const uri = 'file:///nonexistent-copydesk/switch.txt';
    client.open(uri, draft);
    await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'first-reference').length === 1, 30_000);
    client.changeSettings({ rules: { 'first-reference': 'off' } });
    await client.waitFor(
      'first-reference gone',
      () => {
        const d = client.diagnosticsFor(uri);
        return d && byRule(d, 'first-reference').length === 0 ? d : undefined;
      },
      30_000,
    );
    client.changeSettings(rulesOn);
    client.close(uri);
  });

  test('the samples folder turns both rules on in its .copydesk.json, as a desk would: the sample gets its first-reference finding with no setting sent', async () => {
    client.changeSettings({});
    const path = join(__dirname, '..', '..', 'samples', 'aid-convoy.txt');
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, 1, (d) => byRule(d, 'first-reference').length > 0, 30_000);
    assert.deepEqual(
      byRule(diagnostics, 'first-reference').map((d) => covered(text, d)),
      ['Haddadin'],
    );
    client.close(uri);
    // The same text anywhere else gets none: off by default.
    const elsewhere = 'file:///nonexistent-copydesk/aid-convoy-copy.txt';
    client.open(elsewhere, text);
    const plain = await client.waitForDiagnostics(elsewhere, 1, (d) => byRule(d, 'leftover').length > 0, 30_000);
    assert.deepEqual(byRule(plain, 'first-reference'), []);
    client.close(elsewhere);
    client.changeSettings(rulesOn);
  });
});
