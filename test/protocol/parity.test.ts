// The editor and the CLI run the same DraftSession, so the same draft gets the
// same findings and the same fixes from both. For every draft the project
// ships (samples/ and the test workspace), the diagnostics the server
// publishes after its full analysis are compared with `copydesk check
// --format json`, and the server's "Fix all in this draft" with what
// `copydesk check --fix` writes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { applyEdits, startServer, type TestClient } from './lspClient';

const repoRoot = path.resolve(__dirname, '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const draftExtensions = /\.(txt|md|article|story)$/;
const languageOf = (file: string) => (file.endsWith('.md') ? 'markdown' : /\.(article|story)$/.test(file) ? 'article' : 'plaintext');

function shippedDrafts(): string[] {
  const folders = ['samples', path.join('test', 'workspace')].map((f) => path.join(repoRoot, f)).filter((f) => existsSync(f));
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => draftExtensions.test(name))
      .map((name) => path.join(folder, name)),
  );
}

/** What must agree: where, which rule, what it says, and its fixes. */
function comparable(d: Diagnostic): string {
  const fixes = ((d.data as { fixes?: { title: string; preferred: boolean; safe: boolean; edits: unknown[] }[] })?.fixes ?? []).map((f) => ({
    title: f.title,
    preferred: f.preferred,
    safe: f.safe,
    edits: f.edits,
  }));
  return JSON.stringify({ range: d.range, code: d.code, severity: d.severity, message: d.message, fixes });
}

describe('the editor and the CLI agree on every shipped draft', () => {
  let client: TestClient;
  let workDir: string;
  const drafts = shippedDrafts();

  before(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'copydesk-parity-'));
    client = startServer('stdio');
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  test('there are drafts to compare', () => assert.ok(drafts.length >= 3, `found ${drafts.length}`));

  for (const file of drafts) {
    test(path.relative(repoRoot, file), async () => {
      const text = readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      const statusesBefore = client.notifications.length;
      client.open(uri, text, languageOf(file));
      await client.waitFor(
        'the full analysis',
        () => client.notifications.slice(statusesBefore).some((n) => n.method === 'copydesk/draftStatus' && (n.params as { uri: string }).uri === uri),
        30_000,
      );
      const published = client.diagnosticsFor(uri, 1)!;

      const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8', cwd: repoRoot });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const [report] = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }[];
      assert.deepEqual(report.diagnostics.map(comparable), published.map(comparable));

      // "Fix all in this draft" in the editor writes what `check --fix` writes.
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      const fixAll = actions.find((a) => a.kind === 'source.fixAll.copydesk');
      const copy = path.join(workDir, path.basename(file));
      copyFileSync(file, copy);
      const fixRun = spawnSync(process.execPath, [cli, 'check', '--fix', copy], { encoding: 'utf8', cwd: repoRoot });
      assert.ok(fixRun.status !== null && fixRun.status <= 1, fixRun.stderr);
      const fixedByCli = readFileSync(copy, 'utf8');
      const fixedByEditor = fixAll ? applyEdits(text, fixAll.edit!.changes![uri]) : text;
      assert.equal(fixedByEditor, fixedByCli);
      client.close(uri);
    });
  }
});
