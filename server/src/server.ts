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
  type CodeAction,
  type InitializeResult,
  type Position,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeEntities, type Entity, type EntityAnalysis } from './analysis/entities';
import type { RuleContext } from './analysis/rule';
import { analyzeQuotes } from './analysis/quotes';
import { fixAllQuotes, fixAllQuotesKind, quickFixes, wantsKind } from './lsp/codeActions';
import { entityHover } from './lsp/hover';
import { addToStyleSheetAction, styleSheetEntryFor } from './lsp/styleSheetActions';
import { highlights, prepareRename, references, rename } from './lsp/references';
import { semanticTokens, semanticTokensLegend } from './lsp/semanticTokens';
import { documentSymbols } from './lsp/symbols';
import { registerDebugRequests } from './lsp/debug';
import { SettingsStore } from './lsp/settings';
import { DraftValidator, maxNlpDraftSize } from './lsp/validation';
import { crossDraftHoverLines } from './lsp/hover';
import { crossDraftReferences } from './lsp/references';
import { otherDraftFixes } from './lsp/codeActions';
import { WorkspaceIndexService } from './lsp/workspaceIndex';
import { whoIsWhoDocument, whoIsWhoRequest, workspaceEntities, workspaceEntitiesRequest, workspaceSymbols } from './lsp/workspaceSymbols';
import { canonicalUri } from './workspaceScan';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.argv.includes('--version')) {
  process.stdout.write('copydesk-language-server 0.1.0\n');
  process.exit(0);
}

const connection = createConnection(ProposedFeatures.all);

// A failure in one request must not end the session: log it and keep serving.
// (Node's default for an unhandled rejection is to exit the process.)
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Copydesk: unexpected failure, carrying on: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
const documents = new TextDocuments(TextDocument);
let canPullConfiguration = false;
const settings = new SettingsStore(connection, () => canPullConfiguration);
// The workspace index (lsp/workspaceIndex.ts): people across every draft; it learns an
// open draft after that draft's own analysis, and re-checks open drafts when others change.
const workspaceIndex = new WorkspaceIndexService(connection, documents, settings, (uris) => {
  for (const uri of uris) {
    const document = documents.get(uri);
    if (document) validator.schedule(document);
  }
});
const validator = new DraftValidator(connection, documents, settings, {
  options: (uri, options, resolved) => workspaceIndex.withWorkspaceNames(uri, options, resolved.settings.workspace.scope),
  analysed: (uri, context) => workspaceIndex.analysed(uri, context),
});

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  workspaceIndex.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllQuotesKind] },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Copydesk' },
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      semanticTokensProvider: { legend: semanticTokensLegend, full: true },
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'copydesk', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // The worker bundle sits beside this one in dist/.
  workspaceIndex.start(join(__dirname, 'workspaceWorker.js'));
  if (canPullConfiguration) {
    // Registering dynamically makes VS Code notify the server of every settings change.
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'copydesk' })
      .catch(() => undefined);
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  workspaceIndex.settingsChanged();
  validator.scheduleAll();
});

// .copydesk.json, .copydesk.yaml or .copydesk/names.yaml changed on disk (the client watches them).
// Drafts created, changed, renamed or deleted on disk go to the workspace index.
connection.onDidChangeWatchedFiles((params) => {
  workspaceIndex.filesChanged(params.changes);
  if (!params.changes.some((c) => /(?:\.copydesk\.(?:json|ya?ml)|names\.yaml)$/.test(c.uri))) return;
  workspaceIndex.settingsChanged();
  settings.filesChanged();
  validator.forgetShownProblems();
  validator.scheduleAll();
});

documents.onDidOpen((e) => {
  workspaceIndex.opened(e.document.uri);
  validator.schedule(e.document);
});
documents.onDidChangeContent((e) => validator.schedule(e.document));
documents.onDidClose((e) => {
  settings.forget(e.document.uri);
  validator.close(e.document.uri);
  workspaceIndex.closed(e.document.uri);
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const actions = wantsKind(params, CodeActionKind.QuickFix) ? quickFixes(document, params.context.diagnostics) : [];
  if (wantsKind(params, CodeActionKind.QuickFix)) actions.push(...(await styleSheetActions(document, params.range.start)));
  if (params.context.only && wantsKind(params, fixAllQuotesKind)) {
    const fixAll = fixAllQuotes(document, await validator.currentFindings(document));
    if (fixAll) actions.push(fixAll);
  }
  if (wantsKind(params, CodeActionKind.QuickFix)) actions.push(...otherDraftFixes(params.context.diagnostics, workspaceIndex.index, currentTextOf));
  return actions;
});

/**
 * People and organizations of a draft within the NLP budget. A larger draft has
 * none: working them out would block every request for seconds.
 */
function entitiesIn(context: RuleContext): EntityAnalysis | undefined {
  return context.draft.text.length <= maxNlpDraftSize ? analyzeEntities(context) : undefined;
}

/** The entity under the cursor, with the document and the cursor's offset. */
async function entityAtPosition(params: TextDocumentPositionParams): Promise<{ document: TextDocument; entity: Entity; offset: number } | undefined> {
  const document = documents.get(params.textDocument.uri);
  const context = document && (await validator.contextFor(document));
  if (!document || !context) return undefined;
  const offset = document.offsetAt(params.position);
  const entity = entitiesIn(context)?.entityAt(offset);
  return entity ? { document, entity, offset } : undefined;
}

connection.onHover(async (params) => {
  const found = await entityAtPosition(params);
  if (!found) return null;
  const context = await validator.contextFor(found.document);
  const hover = entityHover(found.document, found.entity, found.offset, styleSheetEntryFor(context?.options.styleSheet, found.entity));
  const elsewhere = crossDraftHoverLines(workspaceIndex.index, found.document.uri, found.entity);
  if (elsewhere && typeof hover.contents === 'object' && 'kind' in hover.contents) hover.contents.value += `\n\n${elsewhere}`;
  return hover;
});

/** A draft's current text: the open buffer, else the file; undefined when it cannot be read. */
function currentTextOf(uri: string): string | undefined {
  const open = documents.all().find((d) => canonicalUri(d.uri) === canonicalUri(uri));
  if (open) return open.getText();
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/** "Add to style sheet" on the person or organization under the cursor (see lsp/styleSheetActions.ts). */
async function styleSheetActions(document: TextDocument, position: Position): Promise<CodeAction[]> {
  const context = await validator.contextFor(document);
  const entity = context && entitiesIn(context)?.entityAt(document.offsetAt(position));
  if (!context || !entity) return [];
  // Clients without workspace folders answer with an error: the draft's own folder is used then.
  const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
  const action = addToStyleSheetAction(document.uri, entity, context.options.styleSheet, folders.map((f) => f.uri));
  return action ? [action] : [];
}

connection.onReferences(async (params) => {
  const found = await entityAtPosition(params);
  return found ? [...references(found.document, found.entity), ...crossDraftReferences(workspaceIndex.index, found.document.uri, found.entity)] : [];
});

connection.onDocumentHighlight(async (params) => {
  const found = await entityAtPosition(params);
  return found ? highlights(found.document, found.entity) : [];
});

connection.onPrepareRename(async (params) => {
  const found = await entityAtPosition(params);
  return (found && prepareRename(found.document, found.entity, found.offset)) ?? null;
});

connection.onRenameRequest(async (params) => {
  const found = await entityAtPosition(params);
  return (found && rename(found.document, found.entity, found.offset, params.newName)) ?? null;
});

connection.onDocumentSymbol(async (params) => {
  const document = documents.get(params.textDocument.uri);
  const context = document && (await validator.contextFor(document));
  if (!document || !context) return [];
  return documentSymbols(document, entitiesIn(context)?.entities ?? [], analyzeQuotes(context).quotations);
});

connection.languages.semanticTokens.on(async (params) => {
  const document = documents.get(params.textDocument.uri);
  const context = document && (await validator.contextFor(document));
  if (!document || !context) return { data: [] };
  return semanticTokens(document, entitiesIn(context)?.entities ?? [], analyzeQuotes(context).quotations);
});

connection.onWorkspaceSymbol((params) => workspaceSymbols(workspaceIndex.index, params.query));
connection.onRequest(workspaceEntitiesRequest, () => workspaceEntities(workspaceIndex.index));
connection.onRequest(whoIsWhoRequest, () => ({ markdown: whoIsWhoDocument(workspaceIndex.index) }));
connection.onShutdown(() => workspaceIndex.dispose());

registerDebugRequests(connection, documents);

documents.listen(connection);
connection.listen();
