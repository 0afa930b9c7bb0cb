// The status bar item: the active draft's word count and reading time. A
// click shows the draft's statistics (computed by the server's core, see
// server/src/analysis/stats.ts) in a list the reporter can read at a glance.

import * as vscode from 'vscode';
import { draftStatisticsRequest, type DraftStatistics, type DraftStatus } from '../../server/src/protocol';
import type { ClientSource } from './clientSource';

export const showStatisticsCommand = 'copydesk.showStatistics';

/** The statistics as lines a reporter reads: "412 words", "2 min read"... */
export function statisticsLines(stats: DraftStatistics): string[] {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  return [
    plural(stats.words, 'word', 'words'),
    `${stats.readingMinutes} min read`,
    plural(stats.paragraphs, 'paragraph', 'paragraphs'),
    plural(stats.quotations, 'quotation', 'quotations'),
    stats.peopleNamed === undefined ? 'people named: not counted (draft too large)' : plural(stats.peopleNamed, 'person named', 'people named'),
    `${stats.averageSentenceWords.toLocaleString('en-US')} words per sentence on average`,
  ];
}

export class DraftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('copydesk.draftStatus', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, DraftStatus>();
  private shown = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: ClientSource) {
    this.item.name = 'Copydesk';
    this.item.command = showStatisticsCommand;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((d) => this.statuses.delete(d.uri.toString())),
      vscode.commands.registerCommand(showStatisticsCommand, () => this.showStatistics()),
    );
  }

  /** The server's word count for a draft arrived. */
  update(status: DraftStatus): void {
    this.statuses.set(status.uri, status);
    this.refresh();
  }

  /** The item's text while it is shown, else ''. */
  text(): string {
    return this.shown ? this.item.text : '';
  }

  private refresh(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.statuses.get(uri) : undefined;
    if (!status) {
      this.item.hide();
      this.shown = false;
      return;
    }
    if (status.paused) {
      this.item.text = '$(debug-pause) Copydesk paused';
      this.item.tooltip = status.paused;
    } else {
      this.item.text = `$(book) ${status.words.toLocaleString('en-US')} words · ${status.readingMinutes} min read`;
      this.item.tooltip = "Copydesk: word count and reading time at 230 words a minute. Click for the draft's statistics.";
    }
    this.item.show();
    this.shown = true;
  }

  private async showStatistics(): Promise<string[] | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!document || !client) {
      void vscode.window.showInformationMessage('Open a draft to see its statistics.');
      return undefined;
    }
    const stats = await client.sendRequest<DraftStatistics | null>(draftStatisticsRequest, { uri: document.uri.toString() }).catch(() => null);
    if (!stats) {
      void vscode.window.showInformationMessage('Copydesk does not check this document, so it has no statistics.');
      return undefined;
    }
    const lines = statisticsLines(stats);
    const name = document.uri.path.split('/').pop() ?? 'this draft';
    void vscode.window.showQuickPick(
      lines.map((label) => ({ label })),
      { title: `Statistics of ${name}`, placeHolder: lines.slice(0, 2).join(' · ') },
    );
    return lines;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
