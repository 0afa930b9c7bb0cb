// A rule switched off in the settings takes effect at once, without a reload.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { copydeskDiagnostics, openDraft, waitFor, waitForFindings } from './helpers';

suite('Settings in the editor', () => {
  test('copydesk.rules.unbalanced-quote = off removes the finding, and resetting it brings it back', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const uri = editor.document.uri;
    await waitForFindings(uri, 'unbalanced-quote'); // the precondition: it is there to begin with
    // As many as before at the end (an earlier suite's stray mark may still be in the buffer).
    const before = copydeskDiagnostics(uri, 'unbalanced-quote').length;
    const config = () => vscode.workspace.getConfiguration('copydesk');
    try {
      await config().update('rules.unbalanced-quote', 'off', vscode.ConfigurationTarget.Global);
      await waitFor('unbalanced-quote to disappear once switched off', () => copydeskDiagnostics(uri, 'unbalanced-quote').length === 0);

      await config().update('rules.unbalanced-quote', 'warning', vscode.ConfigurationTarget.Global);
      await waitForFindings(uri, 'unbalanced-quote');
      await waitFor('unbalanced-quote at warning severity', () =>
        copydeskDiagnostics(uri, 'unbalanced-quote').every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      );
      // The sample's unclosed quotation, on line 19 (1-based).
      assert.ok(
        copydeskDiagnostics(uri, 'unbalanced-quote').some((d) => d.range.start.line === 18),
        'the finding on line 19',
      );
    } finally {
      await config().update('rules.unbalanced-quote', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('unbalanced-quote back at its default, error', () => {
      const found = copydeskDiagnostics(uri, 'unbalanced-quote');
      return found.length === before && found.every((d) => d.severity === vscode.DiagnosticSeverity.Error);
    });
  });
});
