// The VS Code side of Copydesk: start the language server over stdio, pass the
// settings, and wire up the pieces of the UI, each in its own file: the word
// count (statusBar.ts), the People and organizations view (peopleView.ts),
// the commands (commands.ts) and the rule docs (ruleDocs.ts). Everything
// else happens in the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { draftStatusNotification, type DraftStatus, type EntitySummary } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerPeopleView } from './peopleView';
import { registerRuleDocs } from './ruleDocs';
import { DraftStatusBar } from './statusBar';
import { registerWorkspaceView, type WorkspaceEntitiesProvider } from './workspaceView';

/** What the extension returns from activate(), for tests and other extensions. */
export interface CopydeskApi {
  /** The status bar item's current text, e.g. "$(book) 412 words · 2 min read". */
  statusText(): string;
  client(): LanguageClient | undefined;
  /** Fetches and returns what the People and organizations view shows for the active draft. */
  refreshPeople(): Promise<readonly EntitySummary[]>;
  /** The People and organizations tree of the workspace. */
  workspaceView(): WorkspaceEntitiesProvider;
}

let client: LanguageClient | undefined;

function languages(): string[] {
  return vscode.workspace.getConfiguration('copydesk').get<string[]>('languages') ?? ['article', 'markdown', 'plaintext'];
}

/** A server that crashes more often than this is left stopped, rather than restarted in a loop. */
const maxRestarts = 5;
const restartWindowMs = 3 * 60_000;

/** Restart a crashed server, and tell the reporter once rather than on every crash. */
function restartingErrorHandler(): ErrorHandler {
  let told = false;
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0] > restartWindowMs) crashes.shift();
      if (crashes.length > maxRestarts) {
        return {
          action: CloseAction.DoNotRestart,
          message:
            'Copydesk stopped five times in three minutes and was not restarted again. Run "Copydesk: Restart Server" to try again; your drafts are untouched.',
        };
      }
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage('Copydesk stopped unexpectedly and was restarted. Your drafts are untouched.');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

function startClient(context: vscode.ExtensionContext, onStatus: (status: DraftStatus) => void): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // Regular expressions compiled to native code from their first use: see server/src/nativeRegexps.ts.
    // Over stdio, as other editors start it: the server then sends the outline's JSON from its cache
    // (server/src/lsp/transport.ts), where IPC would stringify it afresh after every keystroke.
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--no-regexp-tier-up'] } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--no-regexp-tier-up', '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages().flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: {
      configurationSection: 'copydesk',
      fileEvents: [
        // The newsroom's shared settings and names sheet: the server re-reads them when they change.
        vscode.workspace.createFileSystemWatcher('**/{.copydesk.json,.copydesk.yaml,.copydesk.yml,.copydesk/names.yaml}'),
        // Drafts, opened or not, for the workspace index of people and organizations.
        vscode.workspace.createFileSystemWatcher('**/*.{txt,md,markdown,article,story}'),
      ],
    },
    errorHandler: restartingErrorHandler(),
    initializationOptions: {
      // Rule links in the Problems panel run "Explain this rule" instead of leaving the editor.
      ruleDocs: 'command',
      // Where the server keeps the workspace index between sessions.
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
    },
  };
  const languageClient = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
  languageClient.onNotification(draftStatusNotification, onStatus);
  void languageClient.start();
  return languageClient;
}

export function activate(context: vscode.ExtensionContext): CopydeskApi {
  const currentClient = () => client;
  const statusBar = new DraftStatusBar(currentClient);
  const onStatus = (status: DraftStatus) => statusBar.update(status);
  client = startClient(context, onStatus);
  const people = registerPeopleView(currentClient);

  const workspaceView = registerWorkspaceView(context, () => client);

  context.subscriptions.push(
    statusBar,
    ...people.disposables,
    registerRuleDocs(context),
    ...registerCommands(currentClient, async () => {
      await client?.restart();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when the client starts, so a change of
      // languages needs a new client.
      if (e.affectsConfiguration('copydesk.languages')) {
        await client?.stop();
        client = startClient(context, onStatus);
      }
    }),
  );

  return {
    statusText: () => statusBar.text(),
    client: currentClient,
    refreshPeople: () => people.view.refresh(),
    workspaceView: () => workspaceView,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
