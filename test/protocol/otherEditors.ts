// What the other-editor tests (neovim.test.ts, emacs.test.ts) share: the draft
// they open, where they hover, the fix they expect, and when they may skip.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
