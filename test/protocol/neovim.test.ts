// Another editor than VS Code: Debian's Neovim (0.7, installed by scripts/provision.sh),
// headless, configured by nothing but the README's Lua snippet, which this test
// reads from README.md so the two cannot drift: its built-in LSP client starts
// `copydesk-language-server --stdio` (a wrapper around dist/server.js on PATH).
// The Lua script (test/neovim/copydesk.lua) opens a draft with an unclosed
// quotation, waits for the diagnostic, hovers a name and applies the preferred
// code action, then writes what happened for this test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
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
const server = path.join(repoRoot, 'dist', 'server.js');
const skip = skipUnlessRuns('neovim', 'nvim', ['--version'], "nvim is not installed (scripts/provision.sh installs Debian's neovim)");

interface NeovimResult {
  diagnostics: { line: number; col: number; message: string; source: string; code?: string }[];
  hover: string | null;
  action: string | null;
  lines: string[] | null;
  errors: string[];
}

test("Neovim: the README's configuration gives the diagnostic, a hover on a name and the preferred code action", { skip, timeout: 180_000 }, () => {
  assert.ok(existsSync(server), `${server} is missing: run \`npm run build\` first.`);
  const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-nvim-'));
  try {
    const bin = languageServerOnPath(folder, server);
    const init = path.join(folder, 'init.lua');
    writeFileSync(init, readmeSnippet('Neovim', 'lua'));
    const draft = writeBridgeDraft(folder);
    const resultFile = path.join(folder, 'result.json');
    const script = path.join(repoRoot, 'test', 'neovim', 'copydesk.lua');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${init}`, '-c', `luafile ${script}`], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 170_000,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        COPYDESK_DRAFT: draft,
        COPYDESK_RESULT: resultFile,
        COPYDESK_HOVER_LINE: String(hoverLine),
        COPYDESK_HOVER_CHARACTER: String(hoverCharacter),
        COPYDESK_QUOTE_LINE: String(quoteLine),
      },
    });
    assert.ok(existsSync(resultFile), `Neovim wrote no result (status ${run.status}): ${run.stderr}${run.stdout}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult;
    assert.deepEqual(result.errors, []);
    const quote = result.diagnostics.find((d) => d.code === 'unbalanced-quote');
    assert.ok(quote, `diagnostics: ${JSON.stringify(result.diagnostics)}`);
    assert.deepEqual([quote.line, quote.col, quote.source], [quoteLine, 0, 'copydesk']);
    assert.match(quote.message, /never closed/);
    assert.match(result.hover ?? '', /Ana Whitfield/, `hover: ${result.hover}`);
    assert.match(result.hover ?? '', /Mayor/, `hover: ${result.hover}`);
    assert.equal(result.action, preferredActionTitle);
    // Neovim's buffer lines leave out the final newline's empty line.
    assert.deepEqual(result.lines, fixedBridgeDraftLines.slice(0, -1));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
