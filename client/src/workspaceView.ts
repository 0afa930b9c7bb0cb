// The "People and organizations" tree in the Explorer: everyone the drafts of
// the workspace name, grouped by person or organization with their drafts
// beneath (a click opens the draft at the first mention), and the command that
// opens the who's who as a Markdown document. The data comes from the
// server's workspace index; this file only shows it.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// Types only (erased from the bundle): the shape the server's workspaceEntities request answers with.
import type { TreeEntity, TreeDraft, WorkspaceEntitiesResult } from '../../server/src/lsp/workspaceSymbols';

type Node = { entity: TreeEntity } | { entity: TreeEntity; draft: TreeDraft };

export const workspaceViewId = 'copydesk.workspaceEntities';

export class WorkspaceEntitiesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: WorkspaceEntitiesResult | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.result = undefined;
    this.changed.fire();
  }

  /** The names the tree shows at the top level (for tests and the API). */
  async names(): Promise<string[]> {
    return (await this.load()).entities.map((e) => e.name);
  }

  private async load(): Promise<WorkspaceEntitiesResult> {
    if (this.result) return this.result;
    const client = this.client();
    const empty = { entities: [], omitted: 0, drafts: 0 };
    if (!client || !client.isRunning()) return empty;
    try {
      this.result = await client.sendRequest<WorkspaceEntitiesResult>('copydesk/workspaceEntities');
    } catch {
      return empty; // the server is starting or restarting: the next refresh fills the tree
    }
    return this.result;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return (await this.load()).entities.map((entity) => ({ entity }));
    if ('draft' in node) return [];
    return node.entity.drafts.map((draft) => ({ entity: node.entity, draft }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (!('draft' in node)) {
      const count = new Set(node.entity.drafts.map((d) => d.uri)).size;
      const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${count} ${count === 1 ? 'draft' : 'drafts'}`;
      item.iconPath = new vscode.ThemeIcon(node.entity.type === 'person' ? 'person' : 'organization');
      item.tooltip = `${node.entity.name} (${node.entity.type})`;
      item.contextValue = node.entity.type;
      return item;
    }
    const { draft } = node;
    const item = new vscode.TreeItem(draft.name, vscode.TreeItemCollapsibleState.None);
    item.description = [draft.role, `${draft.mentions} ${draft.mentions === 1 ? 'mention' : 'mentions'}`].filter(Boolean).join(' · ');
    item.resourceUri = vscode.Uri.parse(draft.uri);
    item.iconPath = vscode.ThemeIcon.File;
    const position = new vscode.Position(draft.line, draft.character);
    item.command = {
      command: 'vscode.open',
      title: 'Open draft',
      arguments: [vscode.Uri.parse(draft.uri), { selection: new vscode.Range(position, position) }],
    };
    return item;
  }
}

/** Registers the tree view, its refresh, and the who's who command; returns the provider (for tests). */
export function registerWorkspaceView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): WorkspaceEntitiesProvider {
  const provider = new WorkspaceEntitiesProvider(client);
  let listening: LanguageClient | undefined;
  // The server says when its index changed; a restarted client needs the handler again.
  const listen = () => {
    const current = client();
    if (!current || current === listening) return;
    listening = current;
    context.subscriptions.push(current.onNotification('copydesk/workspaceIndexChanged', () => provider.refresh()));
  };
  listen();
  const timer = setInterval(listen, 2_000);
  context.subscriptions.push(
    { dispose: () => clearInterval(timer) },
    vscode.window.createTreeView(workspaceViewId, { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand('copydesk.refreshWorkspaceEntities', () => provider.refresh()),
    vscode.commands.registerCommand('copydesk.showWhoIsWho', async () => {
      const current = client();
      if (!current) return;
      const { markdown } = await current.sendRequest<{ markdown: string }>('copydesk/whoIsWho');
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(document, { preview: false });
    }),
  );
  return provider;
}
