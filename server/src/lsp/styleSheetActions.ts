// The newsroom style sheet (.copydesk/names.yaml) in the editor: an "Add to
// style sheet" quick fix on a person or organization, and the sheet's entry
// for the hover.
//
// The fix appends one entry to the sheet the draft already uses (the nearest
// .copydesk/names.yaml above it), or creates the sheet in the workspace folder
// holding the draft (else next to the draft) with a CreateFile + insert
// WorkspaceEdit, so the editor shows the change and can undo it. Nothing is
// written behind the editor's back.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import type { Entity } from '../analysis/entities';
import { entityNameAndTitle, splitTitle } from '../analysis/nameParts';
import { foldName } from '../analysis/nlp';
import { withoutTrailingPunctuation } from '../analysis/nameReferences';
import { closeSheetEntry } from '../analysis/rules/index';
import { styleSheetEntryText, type StyleSheet, type StyleSheetEntry } from '../analysis/styleSheet';
import { findUp, styleSheetPath } from '../workspaceFiles';
import { styleSheetAddedCommand } from '../protocol';

/**
 * The sheet's entry for an entity: by its name, an alias or a mention,
 * ignoring case and diacritics; else the entry one of its name words is a
 * near-spelling of.
 */
export function styleSheetEntryFor(sheet: StyleSheet | undefined, entity: Entity): StyleSheetEntry | undefined {
  if (!sheet) return undefined;
  const forms = [entity.name, entityNameAndTitle(entity).name, ...entity.aliases, ...entity.mentions.map((m) => m.text)];
  for (const form of forms) {
    const entry = sheet.byName.get(form.toLowerCase());
    if (entry && entry.type === entity.type) return entry;
  }
  const folded = foldedIndex(sheet);
  for (const form of forms) {
    const entry = folded.get(foldName(form));
    if (entry && entry.type === entity.type) return entry;
  }
  // A misspelling of a sheet name: show the entry it should match (name-variant flags it too).
  for (const word of entity.name.split(/\s+/).reverse()) {
    const entry = closeSheetEntry(sheet, withoutTrailingPunctuation(word), entity.type);
    if (entry) return entry;
  }
  return undefined;
}

const foldedIndexes = new WeakMap<StyleSheet, Map<string, StyleSheetEntry>>();
function foldedIndex(sheet: StyleSheet): Map<string, StyleSheetEntry> {
  let index = foldedIndexes.get(sheet);
  if (!index) {
    index = new Map();
    for (const entry of sheet.entries) for (const key of [entry.name, ...entry.aliases]) if (!index.has(foldName(key))) index.set(foldName(key), entry);
    foldedIndexes.set(sheet, index);
  }
  return index;
}

/** Markdown lines for the hover: what the newsroom's sheet says about this name. */
export function styleSheetHoverLines(entry: StyleSheetEntry, escape: (text: string) => string): string[] {
  const lines = [`Style sheet (line ${entry.line}): **${escape(entry.name)}**${entry.title ? ` · ${escape(entry.title)}` : ''}`];
  if (entry.aliases.length > 0) lines.push(`Sheet aliases: ${entry.aliases.map(escape).join(', ')}`);
  if (entry.notes) lines.push(`Note: ${escape(entry.notes)}`);
  return lines;
}

/** Where the sheet is, or would be created: the nearest existing one, else the workspace folder's, else the draft's folder. */
export function styleSheetLocation(documentUri: string, workspaceFolderUris: readonly string[]): { path: string; exists: boolean } | undefined {
  if (!documentUri.startsWith('file:')) return undefined;
  let draftFolder: string;
  try {
    draftFolder = dirname(fileURLToPath(documentUri));
  } catch {
    return undefined;
  }
  const existing = findUp(draftFolder, [styleSheetPath]);
  if (existing) return { path: existing, exists: true };
  const folders = workspaceFolderUris
    .filter((uri) => uri.startsWith('file:'))
    .map((uri) => fileURLToPath(uri))
    .filter((folder) => draftFolder === folder || draftFolder.startsWith(folder.endsWith(sep) ? folder : folder + sep))
    .sort((a, b) => b.length - a.length);
  return { path: join(folders[0] ?? draftFolder, styleSheetPath), exists: false };
}

/**
 * The entry the fix writes: the story's fullest name without its title, the
 * title (the role the story gives, or the title glued to the name) in its own
 * field, and the other forms it uses.
 */
export function entryForEntity(entity: Entity): Omit<StyleSheetEntry, 'line'> {
  const { name, title } = entityNameAndTitle(entity);
  const nameWords = new Set(name.split(/\s+/).map(foldName));
  // A person's lone surname is not an alias worth keeping, nor a titled form of the name; an organization's acronym is.
  const aliases = entity.aliases.filter(
    (a) => entity.type === 'organization' || (!nameWords.has(foldName(a)) && splitTitle(a).name !== name && a !== entity.name),
  );
  return { name, type: entity.type, ...(title ? { title } : {}), aliases };
}

function endPosition(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/**
 * "Add ‘Name’ to the style sheet" for the entity under the cursor, unless the
 * sheet already has it. Undefined for drafts that are not files.
 */
export function addToStyleSheetAction(
  documentUri: string,
  entity: Entity,
  sheet: StyleSheet | undefined,
  workspaceFolderUris: readonly string[],
): CodeAction | undefined {
  if (styleSheetEntryFor(sheet, entity)) return undefined;
  const location = styleSheetLocation(documentUri, workspaceFolderUris);
  if (!location) return undefined;
  const uri = pathToFileURL(location.path).toString();
  const existingText = location.exists && existsSync(location.path) ? readFileSync(location.path, 'utf8') : '';
  const entry = entryForEntity(entity);
  const insertion = styleSheetEntryText(entry, existingText);
  const at = endPosition(existingText);
  const edit: WorkspaceEdit = {
    documentChanges: [
      ...(location.exists ? [] : [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }]),
      { textDocument: { uri, version: null }, edits: [{ range: { start: at, end: at }, newText: insertion }] },
    ],
  };
  return {
    title: `Add ‘${entry.name}’ to the style sheet`,
    kind: CodeActionKind.QuickFix,
    edit,
    // Runs after the edit: the client says what was added, with a button to open the sheet.
    command: { title: 'Added to the style sheet', command: styleSheetAddedCommand, arguments: [uri, entry.name, entry.title ?? ''] },
  };
}
