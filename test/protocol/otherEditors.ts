// What the other-editor tests (neovim.test.ts, emacs.test.ts) share: the draft
// they open, where they hover, the fix they expect, and when they may skip.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A draft with a person's name and a quotation that is never closed (line 4). */
export const bridgeDraftLines = [
  'Harbor bridge to reopen in June',
  '',
  'Mayor Ana Whitfield said on Monday the Harbor Street bridge would reopen in June.',
  '',
  '"The repairs are ahead of schedule and under budget, Whitfield said after touring the site.',
  '',
];
export const quoteLine = 4;
/** Zero-based position inside the second "Whitfield", on the quotation's line. */
export const hoverLine = 4;
export const hoverCharacter = bridgeDraftLines[4].indexOf('Whitfield') + 3;
export const preferredActionTitle = 'Close the quotation after “and under budget,”';
export const fixedBridgeDraftLines = [
  ...bridgeDraftLines.slice(0, 4),
  bridgeDraftLines[4].replace('under budget, Whitfield said', 'under budget," Whitfield said'),
  '',
];

/** Writes the draft as bridge.txt in folder and returns its path. */
export function writeBridgeDraft(folder: string): string {
  const draft = path.join(folder, 'bridge.txt');
  writeFileSync(draft, bridgeDraftLines.join('\n'));
  return draft;
}

/**
 * A skip reason when `command args` fails (the editor is missing), else false.
 * Skipped only on a developer's machine; in CI the editor must be there.
 */
export function skipUnlessRuns(editor: string, command: string, args: string[], reason: string): string | false {
  const runs = spawnSync(command, args, { encoding: 'utf8' }).status === 0;
  const skip = runs || process.env.CI ? false : reason;
  if (skip) process.stdout.write(`# ${editor} test skipped: ${skip}\n`);
  return skip;
}

const repoRoot = path.resolve(__dirname, '..', '..');

/** The fenced block of `language` under the README's **heading**, so that a test runs the README's configuration as written. */
export function readmeSnippet(heading: string, language: string): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const snippet = new RegExp(`^\\*\\*${heading}\\*\\*[\\s\\S]*?^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'm').exec(readme)?.[1];
  assert.ok(snippet, `README.md has no \`\`\`${language} block under its **${heading}** heading`);
  return snippet;
}

/** A `copydesk-language-server` on a bin folder inside `folder`, running `server` with this Node; returns the folder to put on PATH. */
export function languageServerOnPath(folder: string, server: string): string {
  const bin = path.join(folder, 'bin');
  mkdirSync(bin);
  const wrapper = path.join(bin, 'copydesk-language-server');
  writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${server}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return bin;
}
