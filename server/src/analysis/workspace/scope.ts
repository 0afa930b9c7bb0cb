// How far the cross-draft checks look (copydesk.workspace.scope).

import { folderOf } from './uris';

/** Nowhere, the draft's own folder, or the whole workspace. */
export type WorkspaceScope = 'off' | 'folder' | 'workspace';
export const workspaceScopes: readonly WorkspaceScope[] = ['off', 'folder', 'workspace'];

/** Whether a check run on `fromUri` may look at `otherUri`. */
export function inScope(fromUri: string, otherUri: string, scope: WorkspaceScope): boolean {
  if (scope === 'off' || fromUri === otherUri) return false;
  return scope === 'workspace' || folderOf(fromUri) === folderOf(otherUri);
}
