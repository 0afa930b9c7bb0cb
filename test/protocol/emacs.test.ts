// Another editor than VS Code: Debian's Emacs 28 with elpa-eglot (both installed
// by scripts/provision.sh), in --batch, configured by nothing but the README's
// eglot snippet, which this test reads from README.md so the two cannot drift.
// The server is found on PATH as `copydesk-language-server`, as a user installs it.
// The elisp driver (test/emacs/copydesk.el) opens a draft with an unclosed
// quotation, waits for eglot to connect and flymake to show the diagnostic, hovers
// a name, applies the preferred code action through eglot-code-actions, and
// writes what happened for this test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { serverPath } from './lspClient';
import {
  fixedBridgeDraftLines,
  hoverCharacter,
  hoverLine,
  preferredActionTitle,
  quoteLine,
  languageServerOnPath,
  readmeSnippet,
  skipUnlessRuns,
  writeBridgeDraft,
} from './otherEditors';

const repoRoot = path.resolve(__dirname, '..', '..');
// Emacs 28 activates installed packages only in an interactive start, hence package-activate-all.
const skip = skipUnlessRuns(
  'emacs',
  'emacs',
  ['--batch', '--eval', "(progn (package-activate-all) (require 'eglot))"],
  "emacs with eglot is not installed (scripts/provision.sh installs Debian's emacs-nox and elpa-eglot)",
);

interface EmacsResult {
  languageId: string | null;
  diagnostics: { line: number; col: number; type: string; text: string; code: string | null }[];
  hover: string | null;
  prompt: string | null;
  text: string | null;
  errors: string[];
}

test("Emacs (eglot): the README's configuration gives the diagnostic, a hover on a name and the code action", { skip, timeout: 180_000 }, () => {
  assert.ok(existsSync(serverPath), `${serverPath} is missing: run \`npm run build\` first.`);
  const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-emacs-'));
  try {
    const home = path.join(folder, 'home');
    mkdirSync(home);
    const bin = languageServerOnPath(folder, serverPath);
    const init = path.join(folder, 'init.el');
    writeFileSync(init, readmeSnippet('Emacs', 'elisp'));
    const draft = writeBridgeDraft(folder);
    const resultFile = path.join(folder, 'result.json');
    const run = spawnSync('emacs', ['--batch', '-l', path.join(repoRoot, 'test', 'emacs', 'copydesk.el')], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 170_000,
      env: {
        ...process.env,
        // A home of its own: no user init or packages, and nothing written to the real one.
        HOME: home,
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        COPYDESK_INIT: init,
        COPYDESK_DRAFT: draft,
        COPYDESK_RESULT: resultFile,
        COPYDESK_HOVER_LINE: String(hoverLine),
        COPYDESK_HOVER_CHARACTER: String(hoverCharacter),
      },
    });
    assert.ok(existsSync(resultFile), `Emacs wrote no result (status ${run.status}): ${run.stderr}${run.stdout}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as EmacsResult;
    assert.deepEqual(result.errors, [], run.stderr);
    // The snippet's :language-id, not eglot's default "text" for text-mode.
    assert.equal(result.languageId, 'plaintext');
    const quote = result.diagnostics.find((d) => d.code === 'unbalanced-quote');
    assert.ok(quote, `diagnostics: ${JSON.stringify(result.diagnostics)}`);
    assert.deepEqual([quote.line, quote.col, quote.type], [quoteLine, 0, 'eglot-error']);
    assert.equal(quote.text, 'copydesk [unbalanced-quote]: This quotation is never closed.');
    assert.match(result.hover ?? '', /Ana Whitfield/, `hover: ${result.hover}`);
    assert.match(result.hover ?? '', /Mayor/, `hover: ${result.hover}`);
    // eglot-code-actions offers the server's preferred action as the default.
    assert.equal(result.prompt, `[eglot] Pick an action (default ${preferredActionTitle}): `);
    assert.equal(result.text, fixedBridgeDraftLines.join('\n'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
