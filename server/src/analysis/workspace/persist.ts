// The index saved between sessions, as JSON lines: a header line, then one
// line per draft. A line at a time can be read (and written) in slices, so a
// workspace of thousands of drafts loads without stalling the server, and a
// record is written as arrays rather than objects (a third of the size).
// Every field is checked on the way back: a file cut short, edited by hand or
// written by another version is refused with one plain sentence, and the
// caller rebuilds.

import type { DraftRecord, IndexedEntity, IndexedSpan } from './record';

export const indexFormatVersion = 2;
const formatName = 'copydesk-workspace-index';

type SavedSpan = [number, number, string];
type SavedEntity = [string, IndexedEntity['type'], string[], string | null, SavedSpan[], SavedSpan[]];
type SavedDraft = [string, number, number, number[], SavedEntity[]];

export interface SavedIndex {
  /** What the records depend on besides the text (Copydesk's build); a different key means rebuild. */
  key: string;
  records: DraftRecord[];
}

const spanOut = (s: IndexedSpan): SavedSpan => [s.start, s.end, s.text];

export function serialiseHeader(key: string): string {
  return JSON.stringify({ format: formatName, version: indexFormatVersion, key });
}

export function serialiseRecord(r: DraftRecord): string {
  const saved: SavedDraft = [
    r.uri,
    r.mtimeMs,
    r.size,
    r.lineStarts,
    r.entities.map((e) => [e.name, e.type, e.aliases, e.role, e.mentions.map(spanOut), e.quotes.map(spanOut)]),
  ];
  return JSON.stringify(saved);
}

/** The whole index as one text (the CLI and tests; the server writes line by line). */
export function serialiseIndex(key: string, records: Iterable<DraftRecord>): string {
  const lines = [serialiseHeader(key)];
  for (const r of records) lines.push(serialiseRecord(r));
  return `${lines.join('\n')}\n`;
}

export class CorruptIndex extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new CorruptIndex(what);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new CorruptIndex('it is not valid JSON');
  }
}

/** The key of a saved index's first line; throws CorruptIndex with a plain reason. */
export function deserialiseHeader(line: string): string {
  const saved = parseLine(line) as { format?: unknown; version?: unknown; key?: unknown } | null;
  check(typeof saved === 'object' && saved !== null && saved.format === formatName, 'it is not a Copydesk index');
  check(saved.version === indexFormatVersion, `it was written by another version of Copydesk (format ${String(saved.version)})`);
  check(typeof saved.key === 'string', 'it is incomplete');
  return saved.key;
}

function spanIn(value: unknown): IndexedSpan {
  check(Array.isArray(value) && value.length === 3, 'a mention is malformed');
  const [start, end, text] = value as unknown[];
  check(
    Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) >= (start as number) && typeof text === 'string',
    'a mention is malformed',
  );
  return { start: start as number, end: end as number, text: text as string };
}

function entityIn(value: unknown): IndexedEntity {
  check(Array.isArray(value) && value.length === 6, 'an entity is malformed');
  const [name, type, aliases, role, mentions, quotes] = value as unknown[];
  check(typeof name === 'string' && (type === 'person' || type === 'organization'), 'an entity is malformed');
  check(Array.isArray(aliases) && aliases.every((a) => typeof a === 'string'), 'an entity is malformed');
  check(role === null || typeof role === 'string', 'an entity is malformed');
  check(Array.isArray(mentions) && Array.isArray(quotes), 'an entity is malformed');
  return { name, type, aliases: aliases as string[], role: role as string | null, mentions: mentions.map(spanIn), quotes: quotes.map(spanIn) };
}

/** One draft's line; throws CorruptIndex with a plain reason. */
export function deserialiseRecord(line: string): DraftRecord {
  const d = parseLine(line);
  check(Array.isArray(d) && d.length === 5, 'a draft entry is malformed');
  const [uri, mtimeMs, size, lineStarts, entities] = d as unknown[];
  check(typeof uri === 'string' && typeof mtimeMs === 'number' && typeof size === 'number' && Array.isArray(entities), 'a draft entry is malformed');
  check(Array.isArray(lineStarts) && lineStarts.length > 0 && lineStarts.every((n) => Number.isInteger(n)), 'a draft entry is malformed');
  return { uri, mtimeMs, size, lineStarts: lineStarts as number[], entities: entities.map(entityIn) };
}

/** The saved index, or an error whose message says in plain words what is wrong with the file. */
export function deserialiseIndex(text: string): SavedIndex | Error {
  try {
    const lines = text.split('\n').filter((l) => l.length > 0);
    check(lines.length > 0, 'it is empty');
    const key = deserialiseHeader(lines[0]);
    return { key, records: lines.slice(1).map(deserialiseRecord) };
  } catch (error) {
    return error instanceof CorruptIndex ? error : new Error(`it cannot be read (${(error as Error).message})`);
  }
}
