// Entry point of the Copydesk language server. Runs over stdio, as the VS Code
// client and any other editor start it (`copydesk-language-server --stdio`), or
// over --node-ipc, a socket or a pipe. Each handler is one call into server/src/lsp.

import './nativeRegexps';
import './smallHeap';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type CodeAction,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mentionIndexOf, type Entity } from './analysis/entities';
import type { DraftSession } from './analysis/session';
import { fixAllAction, fixAllKind, leftOutEditsFrom, quickFixes, wantsKind } from './lsp/codeActions';
import { entityHover } from './lsp/hover';
import { addToStyleSheetAction, styleSheetEntryFor } from './lsp/styleSheetActions';
import { highlights, prepareRename, references, rename } from './lsp/references';
import { SemanticTokenResults, semanticTokensLegend } from './lsp/semanticTokens';
import { documentSymbols } from './lsp/symbols';
import { asCachedOutline, createServerConnection, noteShutdown } from './lsp/transport';
import { registerDebugRequests } from './lsp/debug';
import { createDocuments, DraftSessions } from './lsp/sessions';
import { ruleDocCommandLink, useRuleDocLinks } from './lsp/diagnostics';
import { entitySummaries, statisticsOf } from './lsp/draftRequests';
import {
  draftEntitiesRequest,
  draftStatisticsRequest,
  type DraftEntities,
  type DraftEntitiesParams,
  type DraftStatistics,
  type DraftStatisticsParams,
} from './protocol';
import { SettingsStore } from './lsp/settings';
import { crossDraftHoverLines } from './lsp/hover';
import { crossDraftReferences } from './lsp/references';
import { otherDraftFixes } from './lsp/codeActions';
import { WorkspaceIndexService } from './lsp/workspaceIndex';
import { whoIsWhoDocument, whoIsWhoRequest, workspaceEntities, workspaceEntitiesRequest, workspaceSymbols } from './lsp/workspaceSymbols';
import { canonicalUri } from './workspaceScan';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from './version';

if (process.argv.includes('--version')) {
  process.stdout.write(`copydesk-language-server ${version}\n`);
  process.exit(0);
}

const connection = createServerConnection();

// A failure in one request must not end the session: log it and keep serving.
// (Node's default for an unhandled rejection is to exit the process.)
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Copydesk: unexpected failure, carrying on: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
const { documents, takeChanges } = createDocuments();
let canPullConfiguration = false;
const settings = new SettingsStore(connection, () => canPullConfiguration);
// The workspace index (lsp/workspaceIndex.ts): people across every draft; it learns an
// open draft after that draft's own analysis, and re-checks open drafts when others change.
const workspaceIndex = new WorkspaceIndexService(connection, documents, settings, (uris) => {
  for (const uri of uris) {
    const document = documents.get(uri);
    if (document) sessions.optionsChanged(document);
  }
});
const sessions = new DraftSessions(connection, documents, takeChanges, settings, {
  options: (uri, options, resolved) => workspaceIndex.withWorkspaceNames(uri, options, resolved.settings.workspace.scope),
  analysed: (uri, context) => workspaceIndex.analysed(uri, context),
});
const tokenResults = new SemanticTokenResults();

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  if (params.capabilities.window?.workDoneProgress) sessions.enableProgress();
  workspaceIndex.initialize(params);
  // The Copydesk client opens rule docs inside VS Code; other editors get file links to the shipped docs.
  if ((params.initializationOptions as { ruleDocs?: string } | undefined)?.ruleDocs === 'command') useRuleDocLinks(ruleDocCommandLink);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Copydesk' },
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true } },
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'copydesk', version },
  };
});

connection.onInitialized(() => {
  // The worker bundle sits beside this one in dist/.
  workspaceIndex.start(join(__dirname, 'workspaceWorker.js'));
  if (canPullConfiguration) {
    // Registering dynamically makes VS Code notify the server of every settings change.
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'copydesk' }).catch(() => undefined);
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  workspaceIndex.settingsChanged();
  sessions.scheduleAll();
});

// .copydesk.json, .copydesk.yaml or .copydesk/names.yaml changed on disk (the client watches them).
// Drafts created, changed, renamed or deleted on disk go to the workspace index.
connection.onDidChangeWatchedFiles((params) => {
  workspaceIndex.filesChanged(params.changes);
  if (!params.changes.some((c) => /(?:\.copydesk\.(?:json|ya?ml)|names\.yaml)$/.test(c.uri))) return;
  workspaceIndex.settingsChanged();
  settings.filesChanged();
  sessions.forgetShownProblems();
  sessions.scheduleAll();
});

documents.onDidOpen((e) => {
  workspaceIndex.opened(e.document.uri);
  sessions.schedule(e.document);
});
documents.onDidChangeContent((e) => {
  messagesDispatched++;
  sessions.schedule(e.document);
});
documents.onDidClose((e) => {
  settings.forget(e.document.uri);
  sessions.close(e.document.uri);
  tokenResults.forget(e.document.uri);
  workspaceIndex.closed(e.document.uri);
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

/** The open document and its session, up to date; undefined when Copydesk does not analyse it. */
async function sessionOf(uri: string): Promise<{ document: TextDocument; session: DraftSession } | undefined> {
  const document = documents.get(uri);
  const session = document && (await sessions.sessionFor(document));
  return document && session ? { document, session } : undefined;
}

// Each handler is one call on the draft's session, answered without waiting
// for the slow phase (see analysis/session.ts).

/**
 * Changes and requests handled so far. After every keystroke VS Code sends the
 * outline and token requests with the hover, highlight and code-action
 * requests a person waits on; on a 100,000-word draft the first two take tens
 * of milliseconds, so they let the others, and the next change, go first.
 */
let messagesDispatched = 0;

/**
 * Resolves once the messages already received are handled. vscode-jsonrpc
 * hands over one queued message per turn of the event loop: two turns in a row
 * that handle none mean the queue is empty. Bounded, so that a stream of
 * changes cannot hold the outline back for ever.
 */
async function afterWaitingRequests(): Promise<void> {
  for (let turn = 0, quiet = 0; quiet < 2 && turn < 12; turn++) {
    const before = messagesDispatched;
    await new Promise<void>((resolve) => setImmediate(resolve));
    quiet = messagesDispatched === before ? quiet + 1 : 0;
  }
}

connection.onCodeAction(async (params) => {
  messagesDispatched++;
  const found = await sessionOf(params.textDocument.uri);
  if (!found) return [];
  const { document, session } = found;
  const actions: CodeAction[] = [];
  if (wantsKind(params, CodeActionKind.QuickFix)) {
    actions.push(
      ...quickFixes(
        document,
        params.context.diagnostics,
        session.parsedDraft,
        leftOutEditsFrom(document, () => session.findings()),
      ),
    );
    actions.push(...(await styleSheetActions(document, session, document.offsetAt(params.range.start))));
    actions.push(...otherDraftFixes(params.context.diagnostics, workspaceIndex.index, currentTextOf));
  }
  // Only when asked for by kind (on save, or from the Source Action menu): it runs every rule now.
  if (params.context.only && wantsKind(params, fixAllKind)) {
    const fixAll = fixAllAction(document, session.safeFixes());
    if (fixAll) actions.push(fixAll);
  }
  return actions;
});

/** The entity under the cursor, with the document, session and the cursor's offset. */
async function entityAtPosition(
  params: TextDocumentPositionParams,
): Promise<{ document: TextDocument; session: DraftSession; entity: Entity; offset: number } | undefined> {
  const found = await sessionOf(params.textDocument.uri);
  if (!found) return undefined;
  const offset = found.document.offsetAt(params.position);
  const entity = found.session.entityAt(offset);
  return entity ? { ...found, entity, offset } : undefined;
}

connection.onHover(async (params) => {
  messagesDispatched++;
  const found = await entityAtPosition(params);
  if (!found) return null;
  const entities = found.session.entities()?.entities ?? [];
  const sheetEntry = styleSheetEntryFor(found.session.options.styleSheet, found.entity);
  const hover = entityHover(found.document, found.entity, found.offset, sheetEntry, entities, found.session.factsOf(found.entity));
  const elsewhere = crossDraftHoverLines(workspaceIndex.index, found.document.uri, found.entity);
  if (elsewhere && typeof hover.contents === 'object' && 'kind' in hover.contents) hover.contents.value += `\n\n${elsewhere}`;
  return hover;
});

/** "Add to style sheet" on the person or organization under the cursor (see lsp/styleSheetActions.ts). */
async function styleSheetActions(document: TextDocument, session: DraftSession, offset: number): Promise<CodeAction[]> {
  const entity = session.entityAt(offset);
  if (!entity) return [];
  // Clients without workspace folders answer with an error: the draft's own folder is used then.
  const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
  const action = addToStyleSheetAction(
    document.uri,
    entity,
    session.options.styleSheet,
    folders.map((f) => f.uri),
  );
  return action ? [action] : [];
}

connection.onReferences(async (params) => {
  messagesDispatched++;
  const found = await entityAtPosition(params);
  return found ? [...references(found.document, found.entity), ...crossDraftReferences(workspaceIndex.index, found.document.uri, found.entity)] : [];
});

connection.onDocumentHighlight(async (params) => {
  messagesDispatched++;
  const found = await entityAtPosition(params);
  return found ? highlights(found.document, found.entity) : [];
});

connection.onPrepareRename(async (params) => {
  messagesDispatched++;
  const found = await entityAtPosition(params);
  return (found && prepareRename(found.document, found.entity, found.offset)) ?? null;
});

connection.onRenameRequest(async (params) => {
  messagesDispatched++;
  const found = await entityAtPosition(params);
  return (found && rename(found.document, found.entity, found.offset, params.newName)) ?? null;
});

connection.onDocumentSymbol(async (params) => {
  messagesDispatched++;
  await afterWaitingRequests();
  const found = await sessionOf(params.textDocument.uri);
  if (!found) return [];
  return asCachedOutline(documentSymbols(found.document, found.session.entities()?.entities ?? [], found.session.quotations()));
});

connection.languages.semanticTokens.on(async (params) => {
  messagesDispatched++;
  await afterWaitingRequests();
  const found = await sessionOf(params.textDocument.uri);
  if (!found) return { data: [] };
  const analysis = found.session.entities();
  return tokenResults.full(found.document, analysis?.entities ?? [], found.session.quotations(), analysis && mentionIndexOf(analysis));
});

connection.languages.semanticTokens.onDelta(async (params) => {
  messagesDispatched++;
  await afterWaitingRequests();
  const found = await sessionOf(params.textDocument.uri);
  if (!found) return { edits: [] };
  const analysis = found.session.entities();
  return tokenResults.delta(
    found.document,
    params.previousResultId,
    analysis?.entities ?? [],
    found.session.quotations(),
    analysis && mentionIndexOf(analysis),
  );
});

// The People and organizations view (client/src/peopleView.ts).
connection.onRequest(draftEntitiesRequest, async (params: DraftEntitiesParams): Promise<DraftEntities> => {
  const found = await sessionOf(params.uri);
  if (!found) return { uri: params.uri, unavailable: 'Copydesk does not check this document.', entities: [] };
  const analysis = found.session.entities();
  if (!analysis) return { uri: params.uri, unavailable: 'Copydesk is still reading this draft; the names follow in a moment.', entities: [] };
  return { uri: params.uri, entities: entitySummaries(found.document, analysis.entities) };
});

// Clicking the word count (client/src/statusBar.ts).
connection.onRequest(draftStatisticsRequest, async (params: DraftStatisticsParams): Promise<DraftStatistics | null> => {
  const found = await sessionOf(params.uri);
  return found ? statisticsOf(found.session.ruleContext, found.session.entities()?.entities) : null;
});

connection.onWorkspaceSymbol((params) => workspaceSymbols(workspaceIndex.index, params.query));
connection.onRequest(workspaceEntitiesRequest, () => workspaceEntities(workspaceIndex.index));
connection.onRequest(whoIsWhoRequest, () => ({ markdown: whoIsWhoDocument(workspaceIndex.index) }));
connection.onShutdown(() => {
  noteShutdown();
  workspaceIndex.dispose();
});

registerDebugRequests(connection, documents);

documents.listen(connection);
connection.listen();
