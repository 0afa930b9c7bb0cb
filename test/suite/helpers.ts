// Shared steps of the extension-host suite. Everything waits for a condition with
// a deadline and says what it was waiting for; nothing sleeps a fixed time.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/waitUntil';

/** Long enough for a cold server on a loaded 2-core machine, short enough to fail fast. */
export const defaultWaitMs = 20_000;

export function waitFor<T>(what: string, probe: () => T | undefined | false | Thenable<T | undefined | false>, timeoutMs = defaultWaitMs): Promise<T> {
  return waitUntil(what, probe, timeoutMs, 50);
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a draft of the fixture workspace in an editor, as a reporter would. */
export async function openDraft(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Throws away unsaved changes (a quick fix applied by a test) so later tests see the fixture. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export function copydeskDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk' && (ruleId === undefined || ruleCode(d) === ruleId));
}

export function ruleCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits until Copydesk has reported at least one finding of `ruleId` on the draft. */
export function waitForFindings(uri: vscode.Uri, ruleId: string, timeoutMs = defaultWaitMs): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `a ${ruleId} finding on ${uri.path.split('/').pop()}`,
    () => {
      const found = copydeskDiagnostics(uri, ruleId);
      return found.length > 0 ? found : undefined;
    },
    timeoutMs,
  );
}

export interface CopydeskApi {
  statusText(): string;
}

export async function copydeskApi(): Promise<CopydeskApi> {
  const extension = vscode.extensions.getExtension<CopydeskApi>('copydesk.copydesk');
  assert.ok(extension, 'copydesk.copydesk is not loaded');
  const api = await extension.activate();
  assert.equal(typeof api?.statusText, 'function', 'activate() returns no statusText() (client/src/extension.ts CopydeskApi)');
  return api;
}

/** The text of the line of a position, for readable failure messages. */
export function lineText(document: vscode.TextDocument, line: number): string {
  return document.lineAt(line).text;
}

/** Asks the editor for the quick fixes at a diagnostic, as the light bulb does. */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'isPreferred' in a);
}

/** Applies the preferred quick fix for the diagnostic and returns its title. */
export async function applyPreferredFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<string> {
  const actions = await waitFor(`quick fixes for "${diagnostic.message}"`, async () => {
    const found = await quickFixesFor(uri, diagnostic);
    return found.length > 0 ? found : undefined;
  });
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(
    preferred.length,
    1,
    `expected exactly one preferred fix, got: ${actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join('; ')}`,
  );
  const [fix] = preferred;
  assert.ok(fix.edit, `the preferred fix "${fix.title}" carries no edit`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true, `the editor refused the edit of "${fix.title}"`);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  return fix.title;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** DocumentSymbol trees or flat SymbolInformation lists, as names with their children. */
export interface SymbolNode {
  name: string;
  children: SymbolNode[];
}

export function symbolTree(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[]): SymbolNode[] {
  return symbols.map((s) => ({ name: s.name, children: 'children' in s ? symbolTree(s.children) : [] }));
}
