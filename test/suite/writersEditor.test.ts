// The editor made for writers (issue 15), through the real VS Code API on our
// own local-news draft (test/workspace/harbor-bridge.article): the commands a
// reporter finds, the People view's data, prose-friendly defaults, the rule
// link in the Problems panel, "Fix all in this draft", the placeholder fix that
// selects instead of deleting, and the statistics behind the word count.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { copydeskDiagnostics, openDraft, quickFixesFor, revertAndClose, ruleCode, waitFor, waitForFindings } from './helpers';

const draft = 'harbor-bridge.article';

interface EntitySummary {
  name: string;
  type: string;
  title?: string;
  mentionCount: number;
  variants: string[];
  quotations: { text: string }[];
}

interface Api {
  statusText(): string;
  refreshPeople(): Promise<readonly EntitySummary[]>;
}

async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>('copydesk.copydesk');
  assert.ok(extension, 'copydesk.copydesk is not loaded');
  return extension.activate();
}

suite('An editor made for writers', () => {
  test('every command a journalist needs is in the palette', async () => {
    await api();
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'copydesk.showPeople',
      'copydesk.openStyleSheet',
      'copydesk.fixAllInDraft',
      'copydesk.checkAllDrafts',
      'copydesk.explainRule',
      'copydesk.copyWhoIsWho',
      'copydesk.restartServer',
      'copydesk.useWritingSettings',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('an article draft gets word wrap and no word suggestions by default', async () => {
    const editor = await openDraft(draft);
    const settings = vscode.workspace.getConfiguration('editor', editor.document);
    assert.equal(settings.get('wordWrap'), 'on');
    assert.equal(settings.get('wordBasedSuggestions'), 'off');
    assert.equal(settings.get('acceptSuggestionOnEnter'), 'off');
    assert.deepEqual(settings.get('quickSuggestions'), { other: 'off', comments: 'off', strings: 'off' });
  });

  test('the People view has each person with the title apart, mentions, variants and quotations', async () => {
    await openDraft(draft);
    const copydesk = await api();
    const entities = await waitFor('the People view to list Lindqvist', async () => {
      const list = await copydesk.refreshPeople();
      return list.some((e) => e.name === 'David Lindqvist') ? list : undefined;
    });
    const lindqvist = entities.find((e) => e.name === 'David Lindqvist')!;
    assert.equal(lindqvist.title, 'County Engineer');
    assert.equal(lindqvist.mentionCount, 2);
    assert.deepEqual(lindqvist.variants, ['Lindqvist']);
    assert.equal(lindqvist.quotations.length, 2);
    const chamber = entities.find((e) => e.name === 'Millbrook Chamber of Commerce');
    assert.ok(chamber && chamber.type === 'organization' && chamber.variants.includes('MCC'));
  });

  test('the Problems panel link of a finding runs "Explain this rule"', async () => {
    const editor = await openDraft(draft);
    const [finding] = await waitForFindings(editor.document.uri, 'leftover');
    const code = finding.code;
    assert.ok(typeof code === 'object' && code !== null, 'the finding carries a link');
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, 'copydesk.explainRule');
    assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), ['leftover']);
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('copydesk.explainRule', 'leftover');
    assert.ok(opened && opened.path.endsWith('/docs/rules/leftover.md'), `opened ${opened?.toString()}`);
    const doc = new TextDecoder().decode(await vscode.workspace.fs.readFile(opened));
    assert.match(doc, /^# leftover\n/);
  });

  test('the preferred fix of a TK placeholder selects it and changes nothing', async () => {
    const editor = await openDraft(draft);
    const uri = editor.document.uri;
    const finding = (await waitForFindings(uri, 'leftover')).find((d) => editor.document.getText(d.range) === 'TK');
    assert.ok(finding, 'TK is flagged');
    assert.deepEqual(
      copydeskDiagnostics(uri)
        .filter((d) => editor.document.getText(d.range) === 'TK')
        .map(ruleCode),
      ['leftover'],
      'one fault, one finding',
    );
    // Diagnostics published for an earlier version of the buffer (an earlier
    // test reverted it) carry no fixes, so ask again until the current ones arrive.
    const fixes = await waitFor('the quick fixes of TK', async () => {
      const current = copydeskDiagnostics(uri, 'leftover').find((d) => editor.document.getText(d.range) === 'TK');
      const found = current ? await quickFixesFor(uri, current) : [];
      return found.some((f) => f.isPreferred) ? found : undefined;
    });
    const preferred = fixes.filter((f) => f.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0].edit, undefined, 'the preferred fix edits nothing');
    assert.ok(preferred[0].command, 'it runs a command');
    const before = editor.document.getText();
    await vscode.commands.executeCommand(preferred[0].command.command, ...(preferred[0].command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.getText(active.selection), 'TK');
    assert.equal(active.document.getText(), before);
  });

  test('"Fix all in this draft" fixes both quotation marks and keeps the placeholder', async () => {
    const editor = await openDraft(draft);
    const uri = editor.document.uri;
    await waitFor('both quotation findings', () => copydeskDiagnostics(uri, 'unbalanced-quote').length === 2);
    const applied = await vscode.commands.executeCommand<number>('copydesk.fixAllInDraft');
    assert.ok(applied >= 2, `applied ${applied} fixes`);
    const text = editor.document.getText();
    assert.match(text, /"We are spending local dollars on a county problem," Brennan said/);
    assert.match(text, /"We have lost our regulars to the detour," Ferreira said\./);
    assert.match(text, /would begin in TK and take/);
    await waitFor('no quotation error left', () => copydeskDiagnostics(uri, 'unbalanced-quote').length === 0);
    await revertAndClose(editor);
  });

  test('clicking the word count shows the draft statistics', async () => {
    await openDraft(draft);
    const copydesk = await api();
    await waitFor('the word count', () => /words/.test(copydesk.statusText()));
    const lines = await vscode.commands.executeCommand<string[] | undefined>('copydesk.showStatistics');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(lines, 'statistics were shown');
    const joined = lines.join('\n');
    for (const part of [/\d+ words/, /min read/, /\d+ paragraphs/, /\d+ quotations/, /people named/, /words per sentence on average/])
      assert.match(joined, part);
    assert.match(joined, /\b6 paragraphs\b/);
  });
});
