// What the workspace index keeps of one draft: its people and organizations,
// with their mentions, titles or roles, and quotations. A record is plain data
// (JSON-safe) so it can cross a worker boundary and be saved between sessions.
// Offsets are UTF-16 indices into the draft's text, as everywhere in the core.

import { analyzeEntities, type Entity } from '../entities';
import { draftLineStarts } from '../lines';
import type { RuleContext } from '../rule';

export interface IndexedSpan {
  start: number;
  end: number;
  text: string;
}

export interface IndexedEntity {
  name: string;
  type: Entity['type'];
  aliases: string[];
  /** The title or role the draft gives, e.g. "Planning Commission Chair". */
  role: string | null;
  mentions: IndexedSpan[];
  /** Quoted words attributed to the entity; long ones are cut (see maxQuoteLength). */
  quotes: IndexedSpan[];
}

export interface DraftRecord {
  /** The draft's URI (file:///...): the key of the index. */
  uri: string;
  /** Modification time (ms) and size of the file when it was read, or -1 for an open buffer. */
  mtimeMs: number;
  size: number;
  /**
   * Offsets where lines start (after \n, \r\n or \r, as editors count them),
   * so the server can place a mention in a draft it has not opened.
   */
  lineStarts: number[];
  entities: IndexedEntity[];
}

/** Quotations are kept for hovers and the who's who, not for re-reading: a long one is cut here. */
const maxQuoteLength = 240;

export function indexedEntity(entity: Entity): IndexedEntity {
  return {
    name: entity.name,
    type: entity.type,
    aliases: entity.aliases.filter((a) => a !== entity.name),
    role: entity.role,
    mentions: entity.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    quotes: entity.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text.length > maxQuoteLength ? `${q.text.slice(0, maxQuoteLength)}…` : q.text })),
  };
}

/** The record of a draft already analysed in `ctx` (the entity pass is memoised there, so this is cheap after the rules ran). */
export function recordDraft(uri: string, ctx: RuleContext, stamp: { mtimeMs: number; size: number }): DraftRecord {
  return {
    uri,
    mtimeMs: stamp.mtimeMs,
    size: stamp.size,
    lineStarts: draftLineStarts(ctx),
    entities: analyzeEntities(ctx).entities.map(indexedEntity),
  };
}

/** Whether two records say the same about their entities (used to skip needless re-checks of other drafts). */
export function sameEntities(a: DraftRecord | undefined, b: DraftRecord | undefined): boolean {
  if (!a || !b) return a === b;
  // Compared field by field, stopping at the first difference: a 100,000-word draft's entities
  // written out as JSON twice took tens of milliseconds after every pause in typing.
  return sameList(a.entities, b.entities, sameEntity);
}

function sameEntity(a: IndexedEntity, b: IndexedEntity): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.role === b.role &&
    sameList(a.aliases, b.aliases, (x, y) => x === y) &&
    sameList(a.mentions, b.mentions, sameSpan) &&
    sameList(a.quotes, b.quotes, sameSpan)
  );
}

function sameSpan(a: IndexedSpan, b: IndexedSpan): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}
