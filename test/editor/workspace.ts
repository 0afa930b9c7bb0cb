// A fresh copy of the fixture workspace (test/workspace/) for each real-editor run,
// with the sample drafts (samples/) copied in beside the fixtures: tests may edit
// and save their copy freely, and nothing outside the repository is read.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectDir } from './codeServer';

export const samplesDir = path.join(projectDir, 'samples');
/** The draft `npm start` opens first and the editor tests check most. */
export const sampleDraft = path.join(samplesDir, 'aid-convoy.txt');

/** Copies the fixtures and the samples into `workspace`, keeping any file already there. */
export function copyDrafts(workspace: string): void {
  for (const folder of [path.join(projectDir, 'test', 'workspace'), samplesDir]) {
    for (const name of fs.readdirSync(folder)) {
      const target = path.join(workspace, name);
      if (!fs.existsSync(target)) fs.cpSync(path.join(folder, name), target, { recursive: true });
    }
  }
}

export function prepareWorkspace(): string {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-workspace-'));
  copyDrafts(workspace);
  return workspace;
}
