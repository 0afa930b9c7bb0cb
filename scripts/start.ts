// `npm start`: a real VS Code (code-server, loopback only, no auth) with Copydesk
// loaded from this checkout and a workspace of the drafts in samples/ (and the test
// fixtures), the first sample open.
// npm start builds and provisions first; Ctrl+C stops code-server's whole process
// group (server, extension host, language server).
//
// The drafts live in .vscode-test/sample-workspace/ (git-ignored): missing ones are
// copied in from samples/ and test/workspace/ at each start, edited ones are kept.
// COPYDESK_PORT picks the port.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectDir, startCodeServer, workbenchUrl } from '../test/editor/codeServer';
import { copyDrafts, sampleDraft } from '../test/editor/workspace';

const stateDir = path.join(projectDir, '.vscode-test');
const workspace = path.join(stateDir, 'sample-workspace');

function prepareSampleWorkspace(): string {
  fs.mkdirSync(workspace, { recursive: true });
  copyDrafts(workspace);
  return path.join(workspace, path.basename(sampleDraft));
}

async function main(): Promise<void> {
  for (const built of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(projectDir, built))) throw new Error(`${built} is missing: run \`npm run build\` (npm start does)`);
  }
  const sample = prepareSampleWorkspace();
  const server = await startCodeServer({
    userDataDir: path.join(stateDir, 'start-profile', 'user-data'),
    extensionsDir: path.join(stateDir, 'start-profile', 'extensions'),
    port: process.env.COPYDESK_PORT ? Number(process.env.COPYDESK_PORT) : undefined,
  });
  let stopping = false;
  const stop = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${why}: stopping code-server…\n`);
    await server.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(`${signal} received`, 0));
  void server.exited.then((how) => {
    if (!stopping) void stop(`code-server exited on its own (${how})\n${server.output().slice(-2000)}`, 1);
  });

  // The workbench loads the extension from this checkout (dist/), as an extension
  // development host: rebuild with `npm run build` and reload the page to pick up changes.
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: projectDir, openFile: sample });
  process.stdout.write(
    [
      '',
      'Copydesk is running in VS Code (code-server on 127.0.0.1, no password). Open:',
      '',
      `  ${url}`,
      '',
      `Drafts: ${path.relative(process.cwd(), workspace) || workspace}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  process.stderr.write(`npm start: ${error.message}\n`);
  process.exit(1);
});
