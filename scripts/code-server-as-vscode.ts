// A stand-in for the VS Code executable that @vscode/test-electron launches
// (`runTests({ vscodeExecutablePath })`). It takes the same arguments
// (--extensionTestsPath=, --extensionDevelopmentPath=, --user-data-dir=,
// --extensions-dir=, a folder to open), runs the suite in code-server's real
// workbench and extension host, stops every process it started, and exits with
// mocha's result. Bundled to out/scripts/code-server-as-vscode.js by
// scripts/build-editor-tests.mjs.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exitOnSignals, runExtensionTestsInCodeServer } from '../test/editor/codeServer';

function parseArguments(argv: string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const extensionTestsPath = value('extensionTestsPath');
  const extensionDevelopmentPath = value('extensionDevelopmentPath');
  if (!extensionTestsPath || !extensionDevelopmentPath) {
    throw new Error('expected --extensionTestsPath=... and --extensionDevelopmentPath=... (as @vscode/test-electron passes them)');
  }
  // A folder or file to open is the only argument that is not a flag.
  const folder = argv.find((a) => !a.startsWith('-'));
  return { extensionTestsPath, extensionDevelopmentPath, folder, userDataDir: value('user-data-dir'), extensionsDir: value('extensions-dir') };
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const folder = args.folder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-empty-workspace-'));
  const timeoutMs = Number(process.env.COPYDESK_EDITOR_TIMEOUT_MS ?? 180_000);
  return runExtensionTestsInCodeServer({ ...args, folder, timeoutMs });
}

// test-electron forwards Ctrl+C as SIGINT: exiting runs codeServer.ts's exit hook,
// which kills the code-server group; playwright kills Chromium's own group.
exitOnSignals();

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`code-server-as-vscode: ${error.message}\n`);
    process.exit(1);
  },
);
