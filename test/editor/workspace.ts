// A fresh copy of the fixture workspace (test/workspace/) for each real-editor run,
// with the shared sample draft copied in at run time: only drafts we wrote
// ourselves are committed, and tests may edit and save their copy freely.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectDir } from './codeServer';

export const sampleDraft = path.resolve(projectDir, '..', 'shared', 'samples', 'seed-article.txt');

export function prepareWorkspace(): string {
  if (!fs.existsSync(sampleDraft)) throw new Error(`the sample draft is missing: ${sampleDraft} (the shared/ folder must sit beside the project)`);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-workspace-'));
  fs.cpSync(path.join(projectDir, 'test', 'workspace'), workspace, { recursive: true });
  fs.copyFileSync(sampleDraft, path.join(workspace, 'seed-article.txt'));
  return workspace;
}
