// The commands a reporter finds in the command palette (all titled
// "Copydesk: ..." in package.json), and the two the server's quick fixes run.

import * as vscode from 'vscode';
import { draftEntitiesRequest, selectRangeCommand, styleSheetAddedCommand, type DraftEntities, type ProtocolRange } from '../../server/src/protocol';
import type { ClientSource } from './clientSource';
import { peopleViewId, whoIsWhoMarkdown } from './peopleView';

/** The source action the server offers (server/src/lsp/codeActions.ts). */
const fixAllKind = 'source.fixAll.copydesk';
const styleSheetGlob = '**/.copydesk/names.yaml';

/** File patterns of the languages Copydesk checks; plain text is any .txt. */
const draftPatterns: Record<string, string> = { article: '**/*.{article,story}', markdown: '**/*.{md,markdown}', plaintext: '**/*.txt' };
const maxDraftsChecked = 500;

/** Settings that keep the editor out of a writer's way; the same as the [article] defaults in package.json. */
export const writingSettings: Record<string, unknown> = {
  'editor.wordWrap': 'on',
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.wordBasedSuggestions': 'off',
  'editor.acceptSuggestionOnEnter': 'off',
};

function draftName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

/** "Fix all in this draft": every rule's preferred, safe fix, as the CLI's --fix takes them. Returns how many edits were applied. */
export async function fixAllInDraft(): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a draft to fix.');
    return 0;
  }
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, fixAllKind)) ?? [];
  const fixAll = actions.find((a) => a.kind?.value === fixAllKind && a.edit);
  const edits = fixAll?.edit?.get(document.uri) ?? [];
  if (!fixAll?.edit || edits.length === 0) {
    void vscode.window.showInformationMessage('Copydesk has nothing it can fix safely in this draft; the remaining findings need your judgment.');
    return 0;
  }
  if (!(await vscode.workspace.applyEdit(fixAll.edit))) {
    void vscode.window.showWarningMessage('The draft changed while Copydesk was fixing it; nothing was changed. Try again.');
    return 0;
  }
  void vscode.window.showInformationMessage(
    `Copydesk made ${edits.length} safe ${edits.length === 1 ? 'fix' : 'fixes'}; what is left needs your judgment (Ctrl+. on each).`,
  );
  return edits.length;
}

/** Opens every draft in the workspace for the server to check, then shows the Problems panel. */
export async function checkAllDrafts(): Promise<number> {
  const languages = vscode.workspace.getConfiguration('copydesk').get<string[]>('languages') ?? ['article', 'markdown', 'plaintext'];
  const patterns = languages.map((l) => draftPatterns[l]).filter((p): p is string => p !== undefined);
  if (!vscode.workspace.workspaceFolders?.length || patterns.length === 0) {
    void vscode.window.showInformationMessage('Open a folder of drafts to check them all.');
    return 0;
  }
  const found = await vscode.workspace.findFiles(`{${patterns.join(',')}}`, '**/{node_modules,.git,dist,out}/**', maxDraftsChecked);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Copydesk: checking drafts' }, async (progress) => {
    for (const [i, uri] of found.entries()) {
      progress.report({ message: `${i + 1} of ${found.length}: ${draftName(uri)}` });
      // An open document is sent to the server, which checks it and fills the Problems panel.
      await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined);
    }
  });
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (found.length === maxDraftsChecked) void vscode.window.showInformationMessage(`Copydesk checked the first ${maxDraftsChecked} drafts of this workspace.`);
  return found.length;
}

/** The style sheet nearest the active draft (or the workspace's), created with a short guide when there is none. */
export async function openStyleSheet(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const sheets = await vscode.workspace.findFiles(styleSheetGlob, '**/node_modules/**', 50);
  // The deepest sheet above the draft wins, as the server reads it.
  const above = sheets
    .filter((s) => active && active.path.startsWith(s.path.slice(0, -'.copydesk/names.yaml'.length)))
    .sort((a, b) => b.path.length - a.path.length);
  let sheet = above[0] ?? sheets[0];
  if (!sheet) {
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage('Open a folder to keep a style sheet (.copydesk/names.yaml) for it.');
      return undefined;
    }
    const create = await vscode.window.showInformationMessage('This workspace has no style sheet yet. Create .copydesk/names.yaml?', 'Create');
    if (create !== 'Create') return undefined;
    sheet = vscode.Uri.joinPath(folder.uri, '.copydesk', 'names.yaml');
    const guide = [
      '# The newsroom style sheet: the right spelling of each name, with the title kept apart.',
      '# - name: Mevlüt Çavuşoğlu',
      '#   type: person',
      '#   title: Turkish foreign minister',
      '#   aliases: [Cavusoglu]',
      '#   notes: Always with the cedillas.',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(sheet, new TextEncoder().encode(guide));
  }
  await vscode.window.showTextDocument(sheet);
  return sheet;
}

/** "Copy who's who as Markdown": the active draft's people and organizations, on the clipboard. */
export async function copyWhoIsWho(client: ClientSource): Promise<string | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  const running = client();
  if (!document || !running) {
    void vscode.window.showInformationMessage("Open a draft to copy its who's who.");
    return undefined;
  }
  const result = await running.sendRequest<DraftEntities>(draftEntitiesRequest, { uri: document.uri.toString() }).catch(() => undefined);
  if (!result || result.unavailable) {
    void vscode.window.showInformationMessage(result?.unavailable ?? 'Copydesk could not read the names of this draft.');
    return undefined;
  }
  const markdown = whoIsWhoMarkdown(draftName(document.uri), result.entities);
  await vscode.env.clipboard.writeText(markdown);
  void vscode.window.showInformationMessage(`Copied the who's who of ${draftName(document.uri)} (${result.entities.length} names) as Markdown.`);
  return markdown;
}

/** Writes the writing settings for Markdown and plain text into the workspace, after asking. */
export async function useWritingSettings(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Open a folder first: the writing settings are saved for the workspace.');
    return false;
  }
  const answer = await vscode.window.showInformationMessage(
    'Use writing settings for Markdown and plain text in this workspace? Lines wrap, and no word suggestions pop up while you type or get accepted by Enter.',
    { modal: true },
    'Use writing settings',
  );
  if (answer !== 'Use writing settings') return false;
  for (const languageId of ['markdown', 'plaintext']) {
    const settings = vscode.workspace.getConfiguration(undefined, { languageId });
    for (const [key, value] of Object.entries(writingSettings)) {
      await settings.update(key, value, vscode.ConfigurationTarget.Workspace, true);
    }
  }
  void vscode.window.showInformationMessage('Markdown and plain-text drafts in this workspace now use the writing settings.');
  return true;
}

/** Run by a quick fix that selects a placeholder for the reporter to type over. */
async function selectRange(uri: string, range: ProtocolRange): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Run after "Add to style sheet": saves the sheet (so it takes effect) and says what was added. */
async function styleSheetAdded(sheetUri: string, name: string, title: string): Promise<void> {
  const uri = vscode.Uri.parse(sheetUri);
  const sheet = await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined);
  if (sheet?.isDirty) await sheet.save();
  const what = title ? `${name} (${title})` : name;
  const open = await vscode.window.showInformationMessage(`Added ${what} to the style sheet, ${vscode.workspace.asRelativePath(uri)}.`, 'Open');
  if (open === 'Open') await vscode.window.showTextDocument(uri);
}

export function registerCommands(client: ClientSource, restart: () => Promise<void>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('copydesk.showPeople', () => vscode.commands.executeCommand(`${peopleViewId}.focus`)),
    vscode.commands.registerCommand('copydesk.openStyleSheet', openStyleSheet),
    vscode.commands.registerCommand('copydesk.fixAllInDraft', fixAllInDraft),
    vscode.commands.registerCommand('copydesk.checkAllDrafts', checkAllDrafts),
    vscode.commands.registerCommand('copydesk.copyWhoIsWho', () => copyWhoIsWho(client)),
    vscode.commands.registerCommand('copydesk.useWritingSettings', useWritingSettings),
    vscode.commands.registerCommand('copydesk.restartServer', restart),
    vscode.commands.registerCommand(selectRangeCommand, selectRange),
    vscode.commands.registerCommand(styleSheetAddedCommand, styleSheetAdded),
  ];
}
