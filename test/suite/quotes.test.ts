// Quotation marks in the real editor: the sample draft's one unclosed quotation,
// exact quick fixes on Markdown, `article` and plain-text drafts, and no false
// alarm on tricky but correct copy.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { applyPreferredFix, copydeskDiagnostics, lineText, openDraft, revertAndClose, waitFor, waitForFindings } from './helpers';

/** Every finding of a rule on a draft, as "line:character message" for readable diffs. */
function describe(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
}

suite('Quotation marks in the editor', () => {
  test('the sample draft has exactly one unbalanced-quote, on the "We will not send paragraph', async () => {
    const editor = await openDraft('aid-convoy.txt');
    assert.equal(editor.document.languageId, 'plaintext');
    const [finding, ...others] = await waitForFindings(editor.document.uri, 'unbalanced-quote');
    assert.deepEqual(describe(others), [], 'no other quotation in the sample may be flagged');
    // Line 19 in the editor's 1-based numbering; the finding sits on the opening mark.
    assert.equal(finding.range.start.line, 18, `flagged line: ${lineText(editor.document, finding.range.start.line)}`);
    assert.equal(finding.range.start.character, 0);
    assert.equal(editor.document.getText(finding.range), '"');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error, 'the default severity of unbalanced-quote is error');
    assert.match(finding.message, /never closed/i);
  });

  test('the preferred fix on the sample closes the quotation after "checked," and changes nothing else', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const before = editor.document.getText();
    const [finding] = await waitForFindings(editor.document.uri, 'unbalanced-quote');
    await applyPreferredFix(editor.document.uri, finding);
    const expected = before.replace('has been checked, Haddadin said', 'has been checked," Haddadin said');
    assert.notEqual(expected, before, 'the sample draft no longer contains the expected text');
    assert.equal(editor.document.getText(), expected);
    // The server re-checks the edited buffer: the quotation is balanced now.
    await waitFor('the unbalanced-quote finding to go away after the fix', () => copydeskDiagnostics(editor.document.uri, 'unbalanced-quote').length === 0);
    await revertAndClose(editor);
  });

  test('an `article` draft: the fix closes the quotation before the attribution', async () => {
    const editor = await openDraft('bridge.article');
    assert.equal(editor.document.languageId, 'article');
    const before = editor.document.getText();
    const findings = await waitForFindings(editor.document.uri, 'unbalanced-quote');
    assert.deepEqual(
      describe(findings).map((d) => d.split(' ')[0]),
      ['4:0'],
    );
    await applyPreferredFix(editor.document.uri, findings[0]);
    assert.equal(editor.document.getText(), before.replace('under budget, said Mayor', 'under budget," said Mayor'));
    await revertAndClose(editor);
  });

  test('a Markdown draft: prose is checked, front matter, code and link titles are not', async () => {
    const editor = await openDraft('council-briefing.md');
    assert.equal(editor.document.languageId, 'markdown');
    const before = editor.document.getText();
    const findings = await waitForFindings(editor.document.uri, 'unbalanced-quote');
    assert.deepEqual(
      describe(findings).map((d) => d.split(' ')[0]),
      ['9:0'],
      `findings: ${describe(findings).join('; ')}`,
    );
    await applyPreferredFix(editor.document.uri, findings[0]);
    assert.equal(editor.document.getText(), before.replace('on time, Councilor', 'on time," Councilor'));
    await revertAndClose(editor);
  });

  test('correct copy with apostrophes, nested quotes and primes raises no unbalanced-quote', async () => {
    const editor = await openDraft('clean-copy.story');
    assert.equal(editor.document.languageId, 'article', '.story files are `article` drafts');
    // The draft mixes straight and curly marks on purpose: that finding proves the
    // draft was analysed, so the absence of unbalanced-quote below means something.
    const [mixed] = await waitForFindings(editor.document.uri, 'mixed-quotes');
    assert.equal(mixed.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(describe(copydeskDiagnostics(editor.document.uri, 'unbalanced-quote')), []);
  });

  test('the fixture drafts on disk are untouched by the fixes above', () => {
    // Fixes are applied to buffers and reverted; a test that saved would corrupt later runs.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const bridge = fs.readFileSync(vscode.Uri.joinPath(folder.uri, 'bridge.article').fsPath, 'utf8');
    assert.match(bridge, /under budget, said Mayor/);
  });
});
