// The "People and organizations" view in the Explorer: who and what the
// active draft names, each with the title or role the story gives, how often
// it is mentioned, the other forms it is written in, and its quotations. A
// click jumps to the mention; the context menu renames, adds to the style
// sheet or finds references. The data comes from the server
// (copydesk/draftEntities), the same analysis as hover and outline.

import * as vscode from 'vscode';
import { draftEntitiesRequest, type DraftEntities, type EntitySummary, type ProtocolRange } from '../../server/src/protocol';
import type { ClientSource } from './clientSource';

export const peopleViewId = 'copydesk.people';

type Node =
  | { kind: 'entity'; uri: vscode.Uri; entity: EntitySummary }
  | { kind: 'variants'; uri: vscode.Uri; entity: EntitySummary }
  | { kind: 'quotation'; uri: vscode.Uri; text: string; range: ProtocolRange }
  | { kind: 'message'; text: string };

function toRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 70 ? `“${flat}”` : `“${flat.slice(0, 69).trimEnd()}…”`;
}

/** "Councilman · 3 mentions" */
export function entityDescription(entity: EntitySummary): string {
  const mentions = `${entity.mentionCount} ${entity.mentionCount === 1 ? 'mention' : 'mentions'}`;
  return entity.title ? `${entity.title} · ${mentions}` : mentions;
}

/** The draft's cast as Markdown, for a memo or the desk's chat. */
export function whoIsWhoMarkdown(draftName: string, entities: readonly EntitySummary[]): string {
  const line = (e: EntitySummary) => {
    const parts = [`- **${e.name}**${e.title ? `, ${e.title}` : ''}: ${e.mentionCount} ${e.mentionCount === 1 ? 'mention' : 'mentions'}`];
    if (e.variants.length > 0) parts.push(`; also written ${e.variants.map((v) => `“${v}”`).join(', ')}`);
    const quotes = e.quotations.map((q) => `  - ${shortQuote(q.text)}`);
    return [parts.join(''), ...quotes].join('\n');
  };
  const people = entities.filter((e) => e.type === 'person');
  const organizations = entities.filter((e) => e.type === 'organization');
  const sections = [`# Who's who in ${draftName}`];
  if (people.length > 0) sections.push(`## People\n\n${people.map(line).join('\n')}`);
  if (organizations.length > 0) sections.push(`## Organizations\n\n${organizations.map(line).join('\n')}`);
  if (people.length + organizations.length === 0) sections.push('Copydesk found no people or organizations in this draft.');
  return `${sections.join('\n\n')}\n`;
}

export class PeopleView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private current: DraftEntities | undefined;
  private currentUri: vscode.Uri | undefined;
  readonly view: vscode.TreeView<Node>;

  constructor(private readonly client: ClientSource) {
    this.view = vscode.window.createTreeView(peopleViewId, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh()),
      // The server publishes diagnostics after each analysis: the names may have changed too.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.scheduleRefresh();
      }),
    );
    this.scheduleRefresh();
  }

  /** The entities shown now (for commands and tests). */
  entities(): readonly EntitySummary[] {
    return this.current?.entities ?? [];
  }

  /** Fetches the active draft's entities now. */
  async refresh(): Promise<readonly EntitySummary[]> {
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    // A rule doc or the settings in front: keep showing the draft the reporter came from.
    if (!document && this.current) return this.entities();
    if (!document || !client) {
      this.current = undefined;
      this.currentUri = undefined;
    } else {
      this.currentUri = document.uri;
      this.current = await client
        .sendRequest<DraftEntities>(draftEntitiesRequest, { uri: document.uri.toString() })
        .catch(() => ({ uri: document.uri.toString(), unavailable: 'Copydesk is not running.', entities: [] }));
    }
    this.view.description = this.currentUri?.path.split('/').pop();
    this.changed.fire(undefined);
    return this.entities();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 300);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.current || !this.currentUri) return [{ kind: 'message', text: 'Open a draft to see who and what it names.' }];
      if (this.current.unavailable) return [{ kind: 'message', text: this.current.unavailable }];
      if (this.current.entities.length === 0) return [{ kind: 'message', text: 'No people or organizations found in this draft.' }];
      const uri = this.currentUri;
      return this.current.entities.map((entity) => ({ kind: 'entity', uri, entity }));
    }
    if (node.kind !== 'entity') return [];
    const children: Node[] = [];
    if (node.entity.variants.length > 0) children.push({ kind: 'variants', uri: node.uri, entity: node.entity });
    for (const q of node.entity.quotations) children.push({ kind: 'quotation', uri: node.uri, text: q.text, range: q.range });
    return children;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'message':
        return new vscode.TreeItem(node.text);
      case 'entity': {
        const { entity } = node;
        const hasChildren = entity.variants.length > 0 || entity.quotations.length > 0;
        const item = new vscode.TreeItem(entity.name, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = entityDescription(entity);
        item.iconPath = new vscode.ThemeIcon(entity.type === 'person' ? 'person' : 'organization');
        item.contextValue = `copydesk.${entity.type}`;
        item.tooltip = new vscode.MarkdownString(
          [
            `**${entity.name}**${entity.title ? ` · ${entity.title}` : ''}`,
            entityDescription(entity),
            ...(entity.variants.length > 0 ? [`Also written: ${entity.variants.join(', ')}`] : []),
          ].join('\n\n'),
        );
        item.command = { title: 'Go to the first mention', command: 'copydesk.people.reveal', arguments: [node.uri, entity.nameRange] };
        return item;
      }
      case 'variants': {
        const item = new vscode.TreeItem(`Also written: ${node.entity.variants.join(', ')}`);
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        return item;
      }
      case 'quotation': {
        const item = new vscode.TreeItem(shortQuote(node.text));
        item.iconPath = new vscode.ThemeIcon('quote');
        item.tooltip = node.text;
        item.command = { title: 'Go to the quotation', command: 'copydesk.people.reveal', arguments: [node.uri, node.range] };
        return item;
      }
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Shows the draft with the range selected; the editor the context-menu commands then act on. */
export async function revealInDraft(uri: vscode.Uri, range: ProtocolRange): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  const target = toRange(range);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

type EntityNode = Extract<Node, { kind: 'entity' }>;

function entityOf(node: unknown): EntityNode | undefined {
  return typeof node === 'object' && node !== null && (node as Node).kind === 'entity' ? (node as EntityNode) : undefined;
}

/** Applies the "Add to style sheet" quick fix the server offers on the entity's name. */
async function addToStyleSheet(node: EntityNode): Promise<void> {
  const range = toRange(node.entity.nameRange);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', node.uri, range, vscode.CodeActionKind.QuickFix.value)) ??
    [];
  const add = actions.find((a) => a.title.endsWith('to the style sheet'));
  if (!add?.edit) {
    void vscode.window.showInformationMessage(`${node.entity.name} is already in the style sheet, or this draft is not saved in a folder.`);
    return;
  }
  if (!(await vscode.workspace.applyEdit(add.edit))) {
    void vscode.window.showWarningMessage(`Copydesk could not add ${node.entity.name} to the style sheet.`);
    return;
  }
  if (add.command) await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
}

export function registerPeopleView(client: ClientSource): { view: PeopleView; disposables: vscode.Disposable[] } {
  const view = new PeopleView(client);
  const disposables: vscode.Disposable[] = [
    view,
    vscode.commands.registerCommand('copydesk.people.reveal', (uri: vscode.Uri, range: ProtocolRange) => revealInDraft(uri, range)),
    vscode.commands.registerCommand('copydesk.people.rename', async (node?: unknown) => {
      const entity = entityOf(node);
      if (entity) await revealInDraft(entity.uri, entity.entity.nameRange);
      await vscode.commands.executeCommand('editor.action.rename');
    }),
    vscode.commands.registerCommand('copydesk.people.findReferences', async (node?: unknown) => {
      const entity = entityOf(node);
      if (entity) await revealInDraft(entity.uri, entity.entity.nameRange);
      await vscode.commands.executeCommand('editor.action.referenceSearch.trigger');
    }),
    vscode.commands.registerCommand('copydesk.people.addToStyleSheet', async (node?: unknown) => {
      const entity = entityOf(node);
      if (entity) await addToStyleSheet(entity);
    }),
    vscode.commands.registerCommand('copydesk.people.refresh', () => view.refresh()),
  ];
  return { view, disposables };
}
