// The newsroom checks (issue 4) on the sample draft, seen through the editor.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { lineText, openDraft, waitForFindings } from './helpers';

suite('Newsroom checks in the editor', () => {
  test('each "More news:" line of the sample is a leftover', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const findings = await waitForFindings(editor.document.uri, 'leftover');
    const lines = [...new Set(findings.map((d) => d.range.start.line))].sort((a, b) => a - b);
    assert.deepEqual(lines, [13, 14], `leftovers on: ${lines.map((l) => lineText(editor.document, l).slice(0, 30)).join(' | ')}`);
  });

  test('Islamic State, IS and ISIS are flagged as one organization with several names', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const findings = await waitForFindings(editor.document.uri, 'inconsistent-alias');
    const flagged = findings.map((d) => editor.document.getText(d.range));
    assert.ok(
      flagged.some((t) => /^(IS|ISIS|Islamic State)$/.test(t)),
      `flagged: ${flagged.join(', ')}`,
    );
  });

  test('Haddadin, first named by surname alone, gets first-reference', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const findings = await waitForFindings(editor.document.uri, 'first-reference');
    const flagged = findings.map((d) => `${d.range.start.line}:${editor.document.getText(d.range)}`);
    // The headline (line 0) does not count as a first reference.
    assert.ok(
      flagged.some((f) => f === '3:Haddadin'),
      `flagged: ${flagged.join(', ')}`,
    );
  });
});
