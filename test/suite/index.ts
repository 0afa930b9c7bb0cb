// The extension-host entry point (@vscode/test-electron's extensionTestsPath):
// VS Code calls run() inside the extension host and reads its promise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * Under code-server the extension host's console only reaches the browser's console,
 * mixed with the workbench's own logging. The runner therefore names a report file
 * (COPYDESK_SUITE_REPORT, inherited by the extension host) and prints it as it grows.
 * Desktop VS Code prints the extension host's console directly.
 */
function mirrorReporterTo(reportFile: string | undefined): () => void {
  if (!reportFile) return () => undefined;
  // Mocha's reporters print through Base.consoleLog (captured console.log).
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    fs.appendFileSync(reportFile, `${format(...args)}\n`);
    original(...args);
  };
  return () => {
    base.consoleLog = original;
  };
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  const only = process.env.COPYDESK_EDITOR_GREP;
  if (only) mocha.grep(only);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const restoreConsole = mirrorReporterTo(process.env.COPYDESK_SUITE_REPORT);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A closing line CI tools understand, beside mocha's own summary.
      const passes = runner.stats?.passes ?? 0;
      (Mocha.reporters.Base as unknown as { consoleLog: (line: string) => void }).consoleLog(`editor: ${passes} passed, ${failures} failed`);
      restoreConsole();
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
