// Entry point of the Copydesk language server. Runs over IPC when started by
// the VS Code client, or over stdio (`copydesk-language-server --stdio`) for
// any other editor. Each handler is one call into server/src/lsp.

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllQuotes, fixAllQuotesKind, quickFixes, wantsKind } from './lsp/codeActions';
import { registerDebugRequests } from './lsp/debug';
import { SettingsStore } from './lsp/settings';
import { DraftValidator } from './lsp/validation';

if (process.argv.includes('--version')) {
  process.stdout.write('copydesk-language-server 0.1.0\n');
  process.exit(0);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let canPullConfiguration = false;
const settings = new SettingsStore(connection, () => canPullConfiguration);
const validator = new DraftValidator(connection, documents, settings);

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllQuotesKind] },
    },
    serverInfo: { name: 'copydesk', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    // Registering dynamically makes VS Code notify the server of every settings change.
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'copydesk' })
      .catch(() => undefined);
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  validator.scheduleAll();
});

documents.onDidOpen((e) => validator.schedule(e.document));
documents.onDidChangeContent((e) => validator.schedule(e.document));
documents.onDidClose((e) => {
  settings.forget(e.document.uri);
  validator.close(e.document.uri);
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const actions = wantsKind(params, CodeActionKind.QuickFix) ? quickFixes(document, params.context.diagnostics) : [];
  if (params.context.only && wantsKind(params, fixAllQuotesKind)) {
    const fixAll = fixAllQuotes(document, await validator.currentFindings(document));
    if (fixAll) actions.push(fixAll);
  }
  return actions;
});

registerDebugRequests(connection, documents);
documents.listen(connection);
connection.listen();
