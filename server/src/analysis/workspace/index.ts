// The newsroom's memory: the people and organizations of every draft in the
// workspace, and the queries the editor and the CLI ask of them (who is named
// where, under which spellings and titles). Pure data in, plain answers out:
// reading files, watching them and saving the index belong to the callers
// (server/src/lsp/workspaceIndex.ts, server/src/cli/workspace.ts).
//
// People are matched across drafts by their full name with diacritics and case
// folded ("Mevlüt Çavuşoğlu" = "Mevlut Cavusoglu"); near spellings are not the
// same person here, they are what name-variant reports (see names.ts).

import { foldName } from '../nlp';
import type { DraftRecord, IndexedEntity, IndexedSpan } from './record';
import { NameSlots, type WorkspaceNames } from './names';
import { inScope, type WorkspaceScope } from './scope';
import { titleKey } from './titles';

export { draftName, folderOf } from './uris';
export { inScope, workspaceScopes, type WorkspaceScope } from './scope';

export type { DraftRecord, IndexedEntity, IndexedSpan } from './record';
export { recordDraft, indexedEntity, sameEntities } from './record';
export { lineAndColumn, lineStartsOf } from '../lines';
export type { WorkspaceNames, CrossDraftSpelling } from './names';
export { crossDraftTitleHints, type TitleHint, type WorkspaceTitles } from './titles';
export {
  serialiseIndex,
  deserialiseIndex,
  serialiseHeader,
  serialiseRecord,
  deserialiseHeader,
  deserialiseRecord,
  CorruptIndex,
  indexFormatVersion,
} from './persist';

/** One entity of one draft. */
export interface EntityOccurrence {
  uri: string;
  entity: IndexedEntity;
}

/** A person or organization across the workspace: one entry of the who's who. */
export interface WorkspaceEntity {
  key: string;
  name: string;
  type: IndexedEntity['type'];
  occurrences: EntityOccurrence[];
}

export interface WhoIsWhoEntry {
  name: string;
  type: IndexedEntity['type'];
  /** Other spellings and short forms the drafts use. */
  variants: string[];
  /** Each title or role given, with the drafts that give it. */
  titles: { title: string; drafts: string[] }[];
  drafts: { uri: string; mentions: number; quotes: number }[];
}

/** The key that makes two drafts' entities one: type and folded full name. */
export function entityKey(type: string, name: string): string {
  return `${type}:${foldName(name).toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Folded text for symbol search: case and diacritics do not matter when typing Ctrl+T. */
function searchForm(text: string): string {
  return foldName(text).toLowerCase();
}

/** Symbol search finds a query anywhere in a name, through the names' three-letter pieces. */
const gramLength = 3;

function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + gramLength <= text.length; i++) grams.add(text.slice(i, i + gramLength));
  return grams;
}

/** The order names are listed in: String.localeCompare's, with the collator made once rather than per comparison. */
export const byName = new Intl.Collator().compare;

type Group = WorkspaceEntity & { search: string };

export class WorkspaceIndex {
  private readonly records = new Map<string, DraftRecord>();
  private readonly groups = new Map<string, Group>();
  /** Each three-letter piece of a group's search form -> the groups that contain it. */
  private readonly groupsByGram = new Map<string, Set<Group>>();
  private readonly slots = new NameSlots();
  /** Bumped on every change, so callers can tell whether what they derived is stale. */
  generation = 0;

  get size(): number {
    return this.records.size;
  }

  get(uri: string): DraftRecord | undefined {
    return this.records.get(uri);
  }

  uris(): string[] {
    return [...this.records.keys()];
  }

  allRecords(): DraftRecord[] {
    return [...this.records.values()];
  }

  /**
   * Files a draft's record, replacing the one it had. A group the draft alone fills is kept, not
   * dropped and made again: re-recording a 100,000-word draft re-added a thousand groups and their
   * three-letter pieces, 35-60 ms at the pause after typing. The result is the same as a delete and
   * an add: the draft's occurrences come last in each group, and a group it alone fills takes the
   * name and short forms of its first new entity.
   */
  set(record: DraftRecord): void {
    const old = this.records.get(record.uri);
    const emptied = old ? this.withoutOccurrences(old) : new Set<Group>();
    this.records.set(record.uri, record);
    for (const entity of record.entities) {
      const key = entityKey(entity.type, entity.name);
      let group = this.groups.get(key);
      if (!group) {
        group = { key, name: entity.name, type: entity.type, occurrences: [], search: '' };
        this.groups.set(key, group);
        this.setSearch(group, searchForm([entity.name, ...entity.aliases].join(' | ')));
      } else if (emptied.delete(group)) {
        group.name = entity.name;
        this.setSearch(group, searchForm([entity.name, ...entity.aliases].join(' | ')));
      }
      group.occurrences.push({ uri: record.uri, entity });
    }
    for (const group of emptied) this.dropGroup(group);
    this.slots.replace(old, record);
    this.generation++;
  }

  delete(uri: string): boolean {
    const old = this.records.get(uri);
    if (!old) return false;
    this.records.delete(uri);
    for (const group of this.withoutOccurrences(old)) this.dropGroup(group);
    this.slots.remove(old);
    this.generation++;
    return true;
  }

  /** Takes a record's occurrences out of their groups; returns the groups left empty. */
  private withoutOccurrences(record: DraftRecord): Set<Group> {
    const emptied = new Set<Group>();
    for (const entity of record.entities) {
      const group = this.groups.get(entityKey(entity.type, entity.name));
      if (!group) continue;
      group.occurrences = group.occurrences.filter((o) => o.uri !== record.uri);
      if (group.occurrences.length === 0) emptied.add(group);
    }
    return emptied;
  }

  private dropGroup(group: Group): void {
    this.groups.delete(group.key);
    this.setSearch(group, '');
  }

  /** Changes a group's search form, and the three-letter pieces it is found by. */
  private setSearch(group: Group, search: string): void {
    if (group.search === search) return;
    for (const gram of gramsOf(group.search)) {
      const holders = this.groupsByGram.get(gram);
      holders?.delete(group);
      if (holders?.size === 0) this.groupsByGram.delete(gram);
    }
    group.search = search;
    for (const gram of gramsOf(search)) {
      const holders = this.groupsByGram.get(gram);
      if (holders) holders.add(group);
      else this.groupsByGram.set(gram, new Set([group]));
    }
  }

  /** A draft renamed or moved on disk keeps its record under the new URI. */
  rename(oldUri: string, newUri: string): boolean {
    const record = this.records.get(oldUri);
    if (!record) return false;
    this.delete(oldUri);
    this.set({ ...record, uri: newUri });
    return true;
  }

  /** Every draft under a folder URI (a folder deleted or renamed on disk). */
  urisUnder(folderUri: string): string[] {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    return this.uris().filter((u) => u.startsWith(prefix));
  }

  /**
   * People and organizations whose name or a short form contains the query
   * (folded), best first: the name starting with the query, then most drafts.
   * Each result is one entity in one draft, so "Whitcombe" lists the person in
   * every draft that names her.
   */
  search(query: string, limit = 256): EntityOccurrence[] {
    const wanted = searchForm(query.trim());
    const matches: { group: Group; rank: number }[] = [];
    for (const group of this.candidatesFor(wanted)) {
      const at = wanted === '' ? 0 : group.search.indexOf(wanted);
      if (at < 0) continue;
      const wordStart = at === 0 || /[\s|]/.test(group.search[at - 1]);
      matches.push({ group, rank: (at === 0 ? 0 : wordStart ? 1 : 2) * 1e6 - group.occurrences.length });
    }
    // Each group gives at least one result, so only the best `limit` groups can be listed: sort those alone.
    let listed = matches;
    if (matches.length > limit) {
      const cut = matches.map((m) => m.rank).sort((a, b) => a - b)[limit - 1];
      listed = matches.filter((m) => m.rank <= cut);
    }
    listed.sort((a, b) => a.rank - b.rank || byName(a.group.name, b.group.name));
    const result: EntityOccurrence[] = [];
    for (const { group } of listed) {
      for (const occurrence of group.occurrences) {
        if (result.length >= limit) return result;
        result.push(occurrence);
      }
    }
    return result;
  }

  /** The groups that can contain `wanted`: those holding its rarest three-letter piece, or every group for a shorter query. */
  private candidatesFor(wanted: string): Iterable<Group> {
    if (wanted.length < gramLength) return this.groups.values();
    let rarest: Set<Group> | undefined;
    for (const gram of gramsOf(wanted)) {
      const holders = this.groupsByGram.get(gram);
      if (!holders) return [];
      if (!rarest || holders.size < rarest.size) rarest = holders;
    }
    return rarest ?? [];
  }

  /** The same person or organization in the other drafts in scope. */
  elsewhere(uri: string, type: IndexedEntity['type'], name: string, scope: WorkspaceScope = 'workspace'): EntityOccurrence[] {
    const group = this.groups.get(entityKey(type, name));
    if (!group) return [];
    return group.occurrences.filter((o) => inScope(uri, o.uri, scope));
  }

  /** Everyone across the workspace. */
  entities(): WorkspaceEntity[] {
    return [...this.groups.values()];
  }

  /** The spellings of names in the other drafts in scope, for name-variant. */
  namesSeenFrom(uri: string, scope: WorkspaceScope): WorkspaceNames | undefined {
    if (scope === 'off' || this.records.size === 0) return undefined;
    return this.slots.viewFrom(
      uri,
      (other) => inScope(uri, other, scope),
      (other) => this.records.get(other),
    );
  }

  /**
   * The who's who: each person and organization with variants, titles and
   * drafts, most widely covered first. `minDrafts` drops the passers-by.
   */
  whoIsWho(minDrafts = 1): WhoIsWhoEntry[] {
    const entries: WhoIsWhoEntry[] = [];
    for (const group of this.groups.values()) {
      const drafts = new Map<string, { uri: string; mentions: number; quotes: number }>();
      const variants = new Set<string>();
      const titles = new Map<string, { title: string; drafts: Set<string> }>();
      for (const { uri, entity } of group.occurrences) {
        const draft = drafts.get(uri) ?? { uri, mentions: 0, quotes: 0 };
        draft.mentions += entity.mentions.length;
        draft.quotes += entity.quotes.length;
        drafts.set(uri, draft);
        for (const form of [entity.name, ...entity.aliases, ...entity.mentions.map((m: IndexedSpan) => m.text)]) if (form !== group.name) variants.add(form);
        if (entity.role) {
          const key = titleKey(entity.role);
          const title = titles.get(key) ?? { title: entity.role, drafts: new Set<string>() };
          title.drafts.add(uri);
          titles.set(key, title);
        }
      }
      if (drafts.size < minDrafts) continue;
      entries.push({
        name: group.name,
        type: group.type,
        variants: [...variants].sort(),
        titles: [...titles.values()].map((t) => ({ title: t.title, drafts: [...t.drafts].sort() })),
        drafts: [...drafts.values()].sort((a, b) => a.uri.localeCompare(b.uri)),
      });
    }
    return entries.sort((a, b) => b.drafts.length - a.drafts.length || a.name.localeCompare(b.name));
  }
}
export { whoIsWhoText, whoIsWhoMarkdown, type DraftLabel } from './whoIsWho';
