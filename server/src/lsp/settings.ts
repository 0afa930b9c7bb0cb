// Settings are read per document through workspace/configuration, cached,
// and the cache is cleared when the client says they changed. Never kept in
// globals: two workspace folders may configure Copydesk differently.

import type { Connection } from 'vscode-languageserver';
import { resolveSettings, type ResolvedSettings } from '../analysis/settings';
import { clearWorkspaceFileCache, withWorkspaceFiles } from '../workspaceFiles';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  /** Settings pushed by a client that does not support workspace/configuration. */
  private pushed: unknown = undefined;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<ResolvedSettings> {
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.read(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  private async read(uri: string): Promise<ResolvedSettings> {
    return withWorkspaceFiles(uri, await this.readEditorSettings(uri));
  }

  private async readEditorSettings(uri: string): Promise<ResolvedSettings> {
    if (!this.canPull()) return resolveSettings(this.pushed);
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'copydesk' });
      return resolveSettings(raw);
    } catch {
      // A client that fails the request still gets a working Copydesk with defaults.
      return resolveSettings(undefined);
    }
  }

  /** workspace/didChangeWatchedFiles: a .copydesk.json or names.yaml changed; read them afresh. */
  filesChanged(): void {
    clearWorkspaceFileCache();
    this.cache.clear();
  }

  /** workspace/didChangeConfiguration: drop the cache; keep pushed settings for pull-less clients. */
  changed(pushedSettings: unknown): void {
    const section = (pushedSettings as { copydesk?: unknown } | null)?.copydesk;
    if (section !== undefined) this.pushed = section;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
