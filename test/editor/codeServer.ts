// Runs the real VS Code workbench (code-server, provisioned by scripts/provision.sh
// into .vscode-test/code-server/) and Debian's Chromium for the real-editor tests
// and `npm start`. See ../shared/docs/real-editor-testing.md for why it is done
// this way: no desktop VS Code can be downloaded on these machines.
//
// Every process is started in its own process group and stopped by killing the
// group: code-server's extension hosts otherwise outlive it.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { waitUntil } from '../support/waitUntil';

/** The project root: the nearest folder above this file whose package.json is Copydesk's (this file is also bundled into out/). */
export const projectDir = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'copydesk') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Copydesk package.json above ${__dirname}`);
  }
})();
export const codeServerDir = path.join(projectDir, '.vscode-test', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.COPYDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Why the real editor cannot run here, in words a developer can act on; undefined when it can. */
export function missingEditorPrerequisite(): string | undefined {
  const installed = fs.existsSync(codeServerDir) && fs.readdirSync(codeServerDir).some((f) => f.startsWith('.installed-'));
  if (!installed || !fs.existsSync(codeServerEntry)) {
    return `code-server is not installed in ${path.relative(projectDir, codeServerDir)}: run \`npm run provision\` (bash scripts/provision.sh) first`;
  }
  if (!fs.existsSync(chromiumPath)) {
    return `no Chromium at ${chromiumPath}: run \`npm run provision\` (installs Debian's chromium as root) or set COPYDESK_CHROMIUM`;
  }
  return undefined;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills a whole process group: TERM, then KILL if it is still there after `graceMs`. */
export async function killProcessGroup(pid: number, graceMs = 3000): Promise<void> {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* exited meanwhile */
    }
  }
}

/** Process groups (and their scratch folders) to clean up if this process exits without stopping them. */
const liveGroups = new Map<number, string>();
/** Browser profiles to remove if this process exits without closing the browser. */
const browserProfiles = new Set<string>();
process.on('exit', () => {
  for (const profile of browserProfiles) fs.rmSync(profile, { recursive: true, force: true });
  for (const [pid, scratch] of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});

/**
 * A signal's default action ends the process without an 'exit' event, which would
 * leave code-server running. Runners without signal handlers of their own call this.
 */
export function exitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly pid: number;
  readonly userDataDir: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  /** Resolves when the code-server process exits, with its exit code or signal. */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Fresh temporary folders are made (and removed on stop) when these are not given. */
  userDataDir?: string;
  extensionsDir?: string;
  port?: number;
  /** Extra user settings on top of the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and the extension hosts it starts. */
  env?: Record<string, string>;
  /** Called with each chunk code-server prints (its output is kept either way). */
  onOutput?: (chunk: string) => void;
}

/** The user settings of a test profile: no telemetry, updates, start page, workspace trust or tips. */
const quietSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.commandCenter.enabled': false,
};

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const problem = missingEditorPrerequisite();
  if (problem) throw new Error(problem);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-code-server-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  const existing = fs.existsSync(settingsFile) ? (JSON.parse(fs.readFileSync(settingsFile, 'utf8') || '{}') as Record<string, unknown>) : {};
  fs.writeFileSync(settingsFile, JSON.stringify({ ...quietSettings, ...existing, ...options.settings }, null, 2));

  const port = options.port ?? (await freeLoopbackPort());
  // Always pass --config, or code-server writes a config (with a password) into the home folder.
  const configFile = path.join(scratch, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const child: ChildProcess = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--config',
      configFile,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--ignore-last-opened',
    ],
    {
      detached: true, // its own process group, so stop() reaches the extension hosts too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, EXTENSIONS_GALLERY: '{}' },
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start code-server (${process.execPath} ${codeServerEntry})`);
  liveGroups.set(pid, scratch);

  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    options.onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: string | undefined;
  const exitedPromise = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = `code-server exited (${signal ?? code})`;
      resolve(String(signal ?? code));
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killProcessGroup(pid);
    liveGroups.delete(pid);
    fs.rmSync(scratch, { recursive: true, force: true });
  };

  try {
    await waitUntil(
      `${url}/healthz`,
      async () => {
        if (exited) throw new Error(`${exited} before it was ready:\n${output.slice(-3000)}`);
        const response = await fetch(`${url}/healthz`);
        return response.ok;
      },
      30_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`code-server did not become healthy: ${(error as Error).message}\n${output.slice(-3000)}`);
  }
  return { url, pid, userDataDir, output: () => output, exited: exitedPromise, stop };
}

export interface WorkbenchUrlOptions {
  folder: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  /** A file to open in an editor once the workbench is up. */
  openFile?: string;
}

/**
 * code-server refuses --extensionDevelopmentPath/--extensionTestsPath on its command
 * line; the web workbench reads them from the `payload` URL parameter instead, as
 * vscode-remote URIs on the server's host.
 */
export function workbenchUrl(server: Pick<CodeServer, 'url'>, options: WorkbenchUrlOptions): string {
  const host = new URL(server.url).host;
  const remote = (p: string) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  if (options.openFile) payload.push(['openFile', remote(options.openFile)]);
  let url = `${server.url}/?folder=${encodeURIComponent(path.resolve(options.folder))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Headless Debian Chromium through playwright-core. Playwright starts the browser in
 * its own process group and kills that group on close and when this process exits.
 * The background-networking flags keep Chromium from dialling out on a closed network.
 */
export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const problem = missingEditorPrerequisite();
  if (problem) throw new Error(problem);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-chromium-'));
  browserProfiles.add(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
      browserProfiles.delete(profile);
    },
  };
}

export interface ExtensionTestRun {
  folder: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** The whole run, from start to mocha's end. */
  timeoutMs?: number;
  /** Where mocha's report goes (stdout by default). */
  log?: (text: string) => void;
}

/**
 * The @vscode/test-electron model inside code-server: the workbench loads the
 * extension under development and the suite's index.js in the extension host, and
 * calls window.codeAutomationExit(code) when mocha ends. Returns that exit code.
 */
export async function runExtensionTestsInCodeServer(run: ExtensionTestRun): Promise<number> {
  const print = run.log ?? ((text: string) => process.stdout.write(text));
  // The suite's index.js mirrors mocha's report into this file (see test/suite/index.ts);
  // the browser console, full of workbench logging, goes to a log file for post-mortems.
  const resultsDir = path.join(projectDir, 'test-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const reportFile = path.join(resultsDir, 'editor-suite-report.txt');
  const consoleFile = path.join(resultsDir, 'editor-suite-console.log');
  fs.writeFileSync(reportFile, '');
  fs.writeFileSync(consoleFile, '');
  let printed = 0;
  const printNewReportLines = () => {
    const report = fs.readFileSync(reportFile, 'utf8');
    if (report.length > printed) print(report.slice(printed));
    printed = report.length;
  };

  const server = await startCodeServer({ userDataDir: run.userDataDir, extensionsDir: run.extensionsDir, env: { COPYDESK_SUITE_REPORT: reportFile } });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    browser = await launchBrowser();
    const { page } = browser;
    let exitCode: number | undefined;
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      exitCode = code;
    });
    page.on('console', (message) => fs.appendFileSync(consoleFile, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => fs.appendFileSync(consoleFile, `[page error] ${error.message}\n`));
    // Two shared cores under load can take far longer than the default 30 s to load the workbench.
    await page.goto(workbenchUrl(server, run), { timeout: 120_000 });
    const timeoutMs = run.timeoutMs ?? 180_000;
    try {
      return await waitUntil(
        'the extension tests to finish (window.codeAutomationExit)',
        () => {
          printNewReportLines();
          return exitCode ?? undefined;
        },
        timeoutMs,
        200,
      );
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n--- code-server output ---\n${server.output().slice(-4000)}\n(browser console: ${path.relative(projectDir, consoleFile)})`,
      );
    }
  } finally {
    printNewReportLines();
    await browser?.close();
    await server.stop();
  }
}
