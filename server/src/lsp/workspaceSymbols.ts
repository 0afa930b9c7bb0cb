// The workspace index as the editor sees it: workspace symbols (Ctrl+T
// "Whitcombe" lists the person in every draft), the data of the People and
// organizations tree view, and the who's who document.

import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { byName, draftName, whoIsWhoMarkdown, type WorkspaceIndex } from '../analysis/workspace/index';
import { indexedLocation } from './positions';

/** Custom requests of the client's tree view and who's who command. */
export const workspaceEntitiesRequest = 'copydesk/workspaceEntities';
export const whoIsWhoRequest = 'copydesk/whoIsWho';

/** Most symbols returned for one query: the editor shows a screenful and filters as the reporter types. */
const maxSymbols = 256;
/** Most entities sent to the tree view: a newsroom archive names tens of thousands; the widely covered come first. */
const maxTreeEntities = 2_000;

export function workspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  const symbols: SymbolInformation[] = [];
  for (const { uri, entity } of index.search(query, maxSymbols)) {
    const record = index.get(uri);
    const first = entity.mentions[0];
    if (!record || !first) continue;
    symbols.push({
      name: entity.name,
      // The same kinds as the outline (lsp/symbols.ts).
      kind: entity.type === 'person' ? SymbolKind.Object : SymbolKind.Class,
      location: indexedLocation(record, first.start, first.end),
      containerName: entity.role ? `${entity.role} · ${draftName(uri)}` : draftName(uri),
    });
  }
  return symbols;
}

/** One draft beneath an entity in the tree view. */
export interface TreeDraft {
  uri: string;
  name: string;
  mentions: number;
  role: string | null;
  line: number;
  character: number;
}

export interface TreeEntity {
  name: string;
  type: 'person' | 'organization';
  drafts: TreeDraft[];
}

export interface WorkspaceEntitiesResult {
  entities: TreeEntity[];
  /** Entities left out beyond the limit. */
  omitted: number;
  drafts: number;
}

export function workspaceEntities(index: WorkspaceIndex): WorkspaceEntitiesResult {
  // Drafts counted once per entity, not in every comparison of the sort.
  const all = index
    .entities()
    .map((group) => ({ group, drafts: new Set(group.occurrences.map((o) => o.uri)).size }))
    .sort((a, b) => b.drafts - a.drafts || byName(a.group.name, b.group.name))
    .map(({ group }) => group);
  const entities: TreeEntity[] = all.slice(0, maxTreeEntities).map((group) => ({
    name: group.name,
    type: group.type,
    drafts: group.occurrences
      .map(({ uri, entity }) => {
        const record = index.get(uri)!;
        const first = entity.mentions[0];
        const position = first ? indexedLocation(record, first.start, first.end).range.start : { line: 0, character: 0 };
        return { uri, name: draftName(uri), mentions: entity.mentions.length, role: entity.role, ...position };
      })
      .sort((a, b) => byName(a.name, b.name)),
  }));
  return { entities, omitted: Math.max(0, all.length - maxTreeEntities), drafts: index.size };
}

/** The who's who as Markdown, each draft a link the editor opens. */
export function whoIsWhoDocument(index: WorkspaceIndex): string {
  return whoIsWhoMarkdown(index.whoIsWho(), draftName, (uri) => uri);
}
