// The newsroom's sheet of known names, `.copydesk/names.yaml`: the canonical
// spelling of each person and organization, with title, aliases and notes.
// name-variant flags spellings close to a sheet entry; hovers show the entry.
//
//   - name: Mevlüt Çavuşoğlu
//     type: person
//     title: Turkish foreign minister
//     aliases: [Cavusoglu]
//     notes: Always with the cedillas.
//
// A top-level `names:` key holding the list is accepted too. Big newsrooms keep
// tens of thousands of names, and the general YAML parser needs about 8 s for
// 100,000 entries, so the plain layout above is read by a line scanner of our
// own; anything it does not understand (anchors, block scalars, multi-line
// values) goes to the full YAML parser, which is slower but exact.
//
// Pure: text in, sheet and problems out; reading the file is the caller's job.

import YAML from 'yaml';
import { splitTitle } from './nameParts';

export type NameType = 'person' | 'organization';

export interface StyleSheetEntry {
  /** The canonical spelling. */
  name: string;
  type: NameType;
  title?: string;
  aliases: string[];
  notes?: string;
  /** 1-based line of the entry in its file, for messages and "go to entry". */
  line: number;
}

export interface StyleSheet {
  entries: StyleSheetEntry[];
  /** Lower-cased name or alias → entry. */
  byName: Map<string, StyleSheetEntry>;
}

export interface StyleSheetProblem {
  /** 1-based line; 0 when the problem concerns the file as a whole. */
  line: number;
  message: string;
}

export interface ParsedStyleSheet {
  sheet: StyleSheet;
  problems: StyleSheetProblem[];
}

const entryKeys = new Set(['name', 'type', 'title', 'aliases', 'notes']);
const nameTypes: readonly string[] = ['person', 'organization'];

/** An entry as read, before its values are checked. */
interface RawEntry {
  line: number;
  /** Key → value and the line it sits on. */
  fields: Map<string, { value: unknown; line: number }>;
}

export function parseStyleSheet(text: string): ParsedStyleSheet {
  const raw = scanSimpleYaml(text) ?? parseWithYaml(text);
  if ('problem' in raw) return { sheet: buildSheet([]), problems: [raw.problem] };
  const problems: StyleSheetProblem[] = [];
  const entries: StyleSheetEntry[] = [];
  for (const entry of raw.entries) {
    const checked = checkEntry(entry, problems);
    if (checked) entries.push(checked);
  }
  return { sheet: buildSheet(entries), problems };
}

export function buildSheet(entries: StyleSheetEntry[]): StyleSheet {
  const byName = new Map<string, StyleSheetEntry>();
  for (const entry of entries) {
    for (const key of [entry.name, ...entry.aliases]) {
      const folded = key.toLowerCase();
      // The first entry for a spelling wins, as a reader of the file would expect.
      if (!byName.has(folded)) byName.set(folded, entry);
    }
  }
  return { entries, byName };
}

function checkEntry(entry: RawEntry, problems: StyleSheetProblem[]): StyleSheetEntry | undefined {
  const field = (key: string) => entry.fields.get(key);
  for (const [key, { line }] of entry.fields) {
    if (!entryKeys.has(key)) problems.push({ line, message: `"${key}" is not a field of a name entry (name, type, title, aliases, notes); ignoring it.` });
  }
  const name = field('name');
  if (!name || typeof name.value !== 'string' || name.value.trim() === '') {
    problems.push({ line: name?.line ?? entry.line, message: 'this entry has no name; skipping it.' });
    return undefined;
  }
  const type = field('type');
  let nameType: NameType = 'person';
  if (!type) {
    problems.push({ line: entry.line, message: `"${name.value}" has no type (person or organization); taking it for a person.` });
  } else if (typeof type.value !== 'string' || !nameTypes.includes(type.value)) {
    problems.push({
      line: type.line,
      message: `the type of "${name.value}" is ${JSON.stringify(type.value)}, which is not person or organization; taking it for a person.`,
    });
  } else {
    nameType = type.value as NameType;
  }
  const result: StyleSheetEntry = { name: name.value.trim(), type: nameType, aliases: [], line: entry.line };
  for (const key of ['title', 'notes'] as const) {
    const f = field(key);
    if (f === undefined || f.value === null) continue;
    if (typeof f.value === 'string' || typeof f.value === 'number') result[key] = String(f.value);
    else problems.push({ line: f.line, message: `the ${key} of "${result.name}" should be text; ignoring it.` });
  }
  // A title typed into the name ("Councilman Tom Brennan", as older sheets have it) is kept apart.
  if (result.type === 'person' && result.title === undefined) {
    const parts = splitTitle(result.name);
    if (parts.title) {
      result.name = parts.name;
      result.title = parts.title;
    }
  }
  const aliases = field('aliases');
  if (aliases !== undefined && aliases.value !== null) {
    const list = typeof aliases.value === 'string' ? [aliases.value] : aliases.value;
    if (Array.isArray(list) && list.every((a) => typeof a === 'string' || typeof a === 'number')) {
      result.aliases = list.map((a) => String(a).trim()).filter((a) => a.length > 0);
    } else {
      problems.push({ line: aliases.line, message: `the aliases of "${result.name}" should be a list of names; ignoring them.` });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// The fast path: the plain layout of the header comment, one line at a time.
// Returns undefined on anything else, so the full parser decides.

type ScanResult = { entries: RawEntry[] } | { problem: StyleSheetProblem };

const entryStart = /^( *)- +([A-Za-z_][\w-]*): *(.*)$/;
const keyLine = /^( *)([A-Za-z_][\w-]*): *(.*)$/;
const listItem = /^( *)- +(.*)$/;

function scanSimpleYaml(text: string): ScanResult | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const entries: RawEntry[] = [];
  let current: RawEntry | undefined;
  let itemIndent = -1;
  /** The key whose block list is being read (aliases:\n  - A). */
  let openList: { values: unknown[]; indent: number } | undefined;
  let sawTopKey = false;
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1;
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (line.includes('\t')) return undefined;
    if (i === 0 && line === '---') continue;
    if (!sawTopKey && entries.length === 0 && /^names: *(#.*)?$/.test(line)) {
      sawTopKey = true;
      continue;
    }
    let m = entryStart.exec(line);
    if (m && (itemIndent === -1 || m[1].length === itemIndent) && !(openList && m[1].length > itemIndent)) {
      itemIndent = m[1].length;
      openList = undefined;
      current = { line: lineNumber, fields: new Map() };
      entries.push(current);
      if (!addField(current, m[2], m[3], lineNumber, (list) => (openList = { values: list, indent: itemIndent }))) return undefined;
      continue;
    }
    if (!current) return undefined;
    m = listItem.exec(line);
    if (m && openList && m[1].length > itemIndent) {
      const value = scalar(m[2]);
      if (value === undefined) return undefined;
      openList.values.push(value);
      continue;
    }
    m = keyLine.exec(line);
    if (m && m[1].length > itemIndent) {
      openList = undefined;
      if (!addField(current, m[2], m[3], lineNumber, (list) => (openList = { values: list, indent: itemIndent }))) return undefined;
      continue;
    }
    return undefined;
  }
  if (entries.length === 0 && text.trim() !== '' && !sawTopKey) return undefined;
  return { entries };
}

function addField(entry: RawEntry, key: string, rawValue: string, line: number, openBlockList: (list: unknown[]) => void): boolean {
  if (entry.fields.has(key)) return false; // a duplicate key: let the full parser report it
  const value = rawValue.replace(/^\s+/, '');
  if (value === '' || /^#/.test(value)) {
    // Either an empty value or a block list on the following lines.
    const list: unknown[] = [];
    entry.fields.set(key, { value: list, line });
    openBlockList(list);
    return true;
  }
  if (value.startsWith('[')) {
    const list = flowList(value);
    if (!list) return false;
    entry.fields.set(key, { value: list, line });
    return true;
  }
  const parsed = scalar(value);
  if (parsed === undefined) return false;
  entry.fields.set(key, { value: parsed, line });
  return true;
}

/** A one-line scalar; undefined for anything the scanner does not handle. */
function scalar(raw: string): string | number | null | undefined {
  let value = raw.trim();
  if (value.startsWith('"')) {
    const end = value.lastIndexOf('"');
    if (end === 0 || !/^\s*(#.*)?$/.test(value.slice(end + 1))) return undefined;
    try {
      return JSON.parse(value.slice(0, end + 1)) as string;
    } catch {
      return undefined;
    }
  }
  if (value.startsWith("'")) {
    const body = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(value);
    return body ? body[1].replace(/''/g, "'") : undefined;
  }
  // A plain scalar ends at " #"; indicators that start something else are left to the full parser.
  value = value.replace(/\s+#.*$/, '');
  if (/^[&*!|>%@`{[\]},?]/.test(value) || /: |:$/.test(value)) return undefined;
  if (value === '' || value === '~' || value === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^(true|false|yes|no|on|off)$/i.test(value)) return undefined;
  return value;
}

function flowList(raw: string): unknown[] | undefined {
  const m = /^\[(.*)\]\s*(#.*)?$/.exec(raw.trim());
  if (!m) return undefined;
  const body = m[1].trim();
  if (body === '') return [];
  if (/[[\]{}"']/.test(body)) return undefined;
  const values = body.split(',').map((item) => scalar(item));
  return values.some((v) => v === undefined) ? undefined : values;
}

// ---------------------------------------------------------------------------
// The exact path: the yaml package, with its error's line number.

function parseWithYaml(text: string): ScanResult {
  const lineCounter = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = error.linePos?.[0].line ?? 0;
    const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { problem: { line, message: `this is not valid YAML: ${what}.` } };
  }
  let root: unknown = document.contents;
  if (YAML.isMap(root)) root = root.get('names', true);
  if (root === null || root === undefined) return { entries: [] };
  if (!YAML.isSeq(root)) {
    const line = YAML.isNode(root) && root.range ? lineCounter.linePos(root.range[0]).line : 1;
    return { problem: { line, message: 'the sheet should be a list of name entries (- name: ..., type: ...).' } };
  }
  const entries: RawEntry[] = [];
  for (const item of root.items) {
    const line = YAML.isNode(item) && item.range ? lineCounter.linePos(item.range[0]).line : 0;
    const fields = new Map<string, { value: unknown; line: number }>();
    if (!YAML.isMap(item)) {
      entries.push({ line, fields });
      continue;
    }
    for (const pair of item.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyLine = YAML.isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : line;
      const value = YAML.isNode(pair.value) ? pair.value.toJSON() : pair.value;
      fields.set(key, { value, line: keyLine });
    }
    entries.push({ line, fields });
  }
  return { entries };
}

/** YAML text that appends one entry to a sheet; the caller inserts it at the end of the file. */
export function styleSheetEntryText(entry: Omit<StyleSheetEntry, 'line'>, existingText: string): string {
  const quote = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} .’'-]*$/u.test(s) && !/[:#]/.test(s) ? s : JSON.stringify(s));
  const lines = [`- name: ${quote(entry.name)}`, `  type: ${entry.type}`];
  if (entry.title) lines.push(`  title: ${quote(entry.title)}`);
  if (entry.aliases.length > 0) lines.push(`  aliases: [${entry.aliases.map((a) => (/[,[\]{}"']/.test(a) ? JSON.stringify(a) : quote(a))).join(', ')}]`);
  if (entry.notes) lines.push(`  notes: ${quote(entry.notes)}`);
  // A sheet with a top-level names: key holds its entries indented under it.
  const indent = /^names:/m.test(existingText) ? (/^( +)- /m.exec(existingText)?.[1] ?? '  ') : '';
  const separator = existingText.length > 0 && !existingText.endsWith('\n') ? '\n' : '';
  return separator + lines.map((l) => indent + l).join('\n') + '\n';
}
