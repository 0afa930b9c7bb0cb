// Runs the extension-host suite (test/suite/, built into out/test/suite/ by
// scripts/build-editor-tests.mjs) through @vscode/test-electron, in a fresh
// profile and a fresh copy of the fixture workspace.
//
// Here VS Code cannot be downloaded, so test-electron is handed a stand-in
// executable that runs the suite in code-server (see scripts/provision.sh).
// On a machine with internet, COPYDESK_EDITOR=desktop lets test-electron
// download and use desktop VS Code instead. Without either, this fails and
// says why: the suite never skips silently.

import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { missingEditorPrerequisite, projectDir } from './editor/codeServer';
import { prepareWorkspace } from './editor/workspace';

async function main(): Promise<number> {
  const extensionTestsPath = path.join(projectDir, 'out', 'test', 'suite', 'index.js');
  const shim = path.join(projectDir, 'out', 'scripts', 'code-server-as-vscode.js');
  for (const built of [extensionTestsPath, shim, path.join(projectDir, 'dist', 'client.js'), path.join(projectDir, 'dist', 'server.js')]) {
    if (!fs.existsSync(built))
      throw new Error(
        `${path.relative(projectDir, built)} is missing: run \`npm run build && node scripts/build-editor-tests.mjs\` (npm run test:editor does both)`,
      );
  }

  const useDesktop = process.env.COPYDESK_EDITOR === 'desktop';
  const missing = missingEditorPrerequisite();
  if (!useDesktop && missing) {
    throw new Error(
      `cannot run the extension-host suite: ${missing}. (On a machine with internet, COPYDESK_EDITOR=desktop downloads desktop VS Code instead.)`,
    );
  }

  const workspace = prepareWorkspace();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-profile-'));
  const started = Date.now();
  try {
    return await runTests({
      vscodeExecutablePath: useDesktop ? undefined : shim,
      extensionDevelopmentPath: projectDir,
      extensionTestsPath,
      launchArgs: [
        workspace,
        `--user-data-dir=${path.join(profile, 'user-data')}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
        '--disable-extensions', // other installed extensions; built-ins and Copydesk still load
      ],
    });
  } finally {
    process.stdout.write(`extension-host suite took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`test:editor FAILED: ${error.message}\n`);
    process.exit(1);
  },
);
