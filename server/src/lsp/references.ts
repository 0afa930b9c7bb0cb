// References, document highlights and rename for people and organizations:
// every mention of the entity under the cursor. Rename works on the name part
// of each mention only: F2 on "Lindqvist" in "County Engineer David Lindqvist"
// offers "David Lindqvist", and the title is never rewritten.

import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity, Mention } from '../analysis/entities';
import { mentionNamePart } from '../analysis/nameParts';
import { withoutEditorBrackets } from '../analysis/nlp';
import type { WorkspaceIndex } from '../analysis/workspace/index';
import { canonicalUri } from '../workspaceScan';
import { indexedLocation, toRange } from './positions';

export function references(document: TextDocument, entity: Entity): Location[] {
  return entity.mentions.map((m) => ({ uri: document.uri, range: toRange(document, m.start, m.end) }));
}

/** The same person or organization's mentions in the other drafts of the workspace. */
export function crossDraftReferences(index: WorkspaceIndex, uri: string, entity: Entity): Location[] {
  const locations: Location[] = [];
  for (const other of index.elsewhere(canonicalUri(uri), entity.type, entity.name)) {
    const record = index.get(other.uri);
    if (record) for (const m of other.entity.mentions) locations.push(indexedLocation(record, m.start, m.end));
  }
  return locations;
}

export function highlights(document: TextDocument, entity: Entity): DocumentHighlight[] {
  return entity.mentions.map((m) => ({ range: toRange(document, m.start, m.end), kind: DocumentHighlightKind.Text }));
}

export function mentionAt(entity: Entity, offset: number): Mention | undefined {
  return entity.mentions.find((m) => m.start <= offset && offset <= m.end);
}

export function prepareRename(document: TextDocument, entity: Entity, offset: number): { range: Range; placeholder: string } | undefined {
  const mention = mentionAt(entity, offset);
  if (!mention) return undefined;
  const name = mentionNamePart(mention);
  return { range: toRange(document, name.start, name.end), placeholder: withoutEditorBrackets(name.text) };
}

const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0);

/**
 * The new text of one mention. The renamed form's words map onto the new
 * name's words one to one when they have as many (so renaming the full name
 * "Mevlüt Çavuşoğlu" to "Mevlut Cavusoglu" also renames "Çavuşoğlu" to
 * "Cavusoglu"); otherwise a mention equal to the renamed form becomes the new
 * name and a surname-only mention becomes the new name's last word. A
 * possessive ('s) lies outside a mention's range, so it is kept.
 */
export function renamedMention(mention: string, oldName: string, newName: string): string {
  if (mention === oldName) return newName;
  const oldWords = words(oldName);
  const newWords = words(newName);
  if (oldWords.length === newWords.length) {
    return words(mention)
      .map((w) => {
        const i = oldWords.indexOf(w);
        return i >= 0 ? newWords[i] : w;
      })
      .join(' ');
  }
  const mentionWords = words(mention);
  if (mentionWords.length === 1 && mentionWords[0] === oldWords[oldWords.length - 1]) return newWords[newWords.length - 1];
  return newName;
}

/**
 * A mention written across an editor's bracket ("[Gov. Chris] Christie") is
 * renamed word by word with its brackets kept. When the new name has another
 * number of words there is no telling where the bracket belongs, and the
 * mention is left as written (undefined).
 */
export function renamedKeepingBrackets(mention: string, oldName: string, newName: string): string | undefined {
  if (!mention.includes('[') && !mention.includes(']')) return renamedMention(mention, oldName, newName);
  const renamed = words(renamedMention(withoutEditorBrackets(mention), withoutEditorBrackets(oldName), withoutEditorBrackets(newName)));
  if (renamed.length !== words(mention).length) return undefined;
  let k = 0;
  return mention.replace(/\S+/g, (word) => `${/^\[*/.exec(word)![0]}${renamed[k++]}${closingBrackets(word)}`);
}

/** The editor's closing brackets that end a word, read from its end: an unanchored /\]*$/ scans again from every position. */
function closingBrackets(word: string): string {
  let start = word.length;
  while (start > 0 && word[start - 1] === ']') start--;
  return word.slice(start);
}

export function rename(document: TextDocument, entity: Entity, offset: number, newName: string): WorkspaceEdit | undefined {
  const mention = mentionAt(entity, offset);
  // An empty name would delete every mention: not a rename.
  if (!mention || newName.trim() === '') return undefined;
  const at = mentionNamePart(mention);
  // Each mention is renamed in its own form: "Tillerson" → "Smith" makes "Rex Tillerson" "Rex Smith".
  // Only the name part is rewritten: a title glued to a mention stays as written.
  const edits: TextEdit[] = entity.mentions
    .map(mentionNamePart)
    .map((m) => ({ m, text: renamedKeepingBrackets(m.text, at.text, newName.trim()) }))
    .filter((edit): edit is { m: Mention; text: string } => edit.text !== undefined && edit.text !== edit.m.text)
    .map(({ m, text }) => ({ range: toRange(document, m.start, m.end), newText: text }));
  return { changes: { [document.uri]: edits } };
}
