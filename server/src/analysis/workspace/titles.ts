// Titles across drafts: "Planning Commission Chair" in one draft and
// "commissioner" in another. Titles legitimately change over time, so this is
// a hint, and it names the newer draft's title. The rule inconsistent-fact
// reports it in the editor (options.workspaceTitles, filled by
// lsp/workspaceIndex.ts); `check --workspace` adds it in cli/workspace.ts.

import type { WorkspaceIndex, WorkspaceScope } from './index';
import { draftName } from './uris';
import type { IndexedEntity } from './record';

/** What the hints need of a person: its name, kind, title and first mention. */
export type TitledEntity = Pick<IndexedEntity, 'name' | 'type' | 'role'> & { mentions: readonly { start: number; end: number }[] };

/** The other drafts' titles, as seen from one draft: given to inconsistent-fact through the analysis options. */
export interface WorkspaceTitles {
  hintsFor(entities: readonly TitledEntity[]): TitleHint[];
}

export interface TitleHint {
  ruleId: 'inconsistent-fact';
  severity: 'hint';
  start: number;
  end: number;
  message: string;
}

/** "the Planning Commission Chair" and "Planning Commission chair" are one title. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[\s.,]+/g, ' ')
    .trim();
}

/**
 * For each person this draft gives a title, the other drafts in scope that
 * give the same person another one. `mtimeMs` is this draft's modification
 * time; an open buffer (-1) counts as the newest.
 */
export function crossDraftTitleHints(
  uri: string,
  entities: readonly TitledEntity[],
  mtimeMs: number,
  index: WorkspaceIndex,
  scope: WorkspaceScope,
): TitleHint[] {
  const hints: TitleHint[] = [];
  const here = mtimeMs < 0 ? Number.POSITIVE_INFINITY : mtimeMs;
  for (const entity of entities) {
    if (entity.type !== 'person' || !entity.role || entity.mentions.length === 0) continue;
    const differing = index
      .elsewhere(uri, entity.type, entity.name, scope)
      .filter((o) => o.entity.role && titleKey(o.entity.role) !== titleKey(entity.role!))
      .map((o) => ({ uri: o.uri, role: o.entity.role!, mtimeMs: index.get(o.uri)?.mtimeMs ?? -1 }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs || a.uri.localeCompare(b.uri));
    if (differing.length === 0) continue;
    const other = differing[0];
    const otherTime = other.mtimeMs < 0 ? Number.POSITIVE_INFINITY : other.mtimeMs;
    const first = entity.mentions[0];
    const message =
      otherTime > here
        ? `${entity.name} is titled ‘${other.role}’ in the newer draft ${draftName(other.uri)}, ‘${entity.role}’ here; titles change, so check which is current.`
        : `${entity.name} is titled ‘${entity.role}’ here, the newer draft, and ‘${other.role}’ in ${draftName(other.uri)}; titles change, so check which is current.`;
    hints.push({ ruleId: 'inconsistent-fact', severity: 'hint', start: first.start, end: first.end, message });
  }
  return hints;
}
