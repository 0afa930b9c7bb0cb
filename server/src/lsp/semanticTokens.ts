// Semantic tokens for people, organizations and quotations, so a theme can
// colour them. Tokens may not overlap or span lines, so quotations are cut
// around the names inside them and at line breaks. After a keystroke the
// editor asks for a delta against its previous result, so only what changed
// crosses the wire (SemanticTokenResults keeps the last result per draft).

import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity, MentionEntry } from '../analysis/entities';
import { partitionPoint } from '../analysis/sorted';
import type { Quotation } from '../analysis/quotes';

export const semanticTokenTypes = ['person', 'organization', 'quotation'] as const;
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] };

/** Longer than any name: how far before a span a name may start and still reach into it. */
const maxNameLength = 1000;

interface Token {
  start: number;
  end: number;
  type: number;
}

/** The parts of `span` outside `holes` (sorted by start, not overlapping each other's starts). */
function subtract(span: Token, holes: readonly Token[]): Token[] {
  const pieces: Token[] = [];
  let cursor = span.start;
  // Holes ending before the span are skipped by binary search: a long draft has thousands of names.
  const first = partitionPoint(holes.length, (i) => holes[i].start < span.start - maxNameLength);
  for (let h = first; h < holes.length; h++) {
    const hole = holes[h];
    if (hole.start >= span.end) break;
    if (hole.end <= cursor) continue;
    if (hole.start > cursor) pieces.push({ start: cursor, end: hole.start, type: span.type });
    cursor = Math.max(cursor, hole.end);
  }
  if (cursor < span.end) pieces.push({ start: cursor, end: span.end, type: span.type });
  return pieces;
}

export function semanticTokens(document: TextDocument, entities: readonly Entity[], quotations: readonly Quotation[]): SemanticTokens {
  return { data: encodeTokens(document, entities, quotations) };
}

/**
 * The last result sent for each draft, so the next request can be answered
 * with a delta. (vscode-languageserver's SemanticTokensBuilder grows its array
 * one element at a time and took 8 ms a keystroke on a 100,000-word draft;
 * its result ids, taken from the clock, could also repeat within a millisecond.)
 */
export class SemanticTokenResults {
  private readonly last = new Map<string, { resultId: string; data: number[] }>();
  private nextId = 1;

  full(document: TextDocument, entities: readonly Entity[], quotations: readonly Quotation[], mentionsByStart?: readonly MentionEntry[]): SemanticTokens {
    return this.keep(document.uri, encodeTokens(document, entities, quotations, mentionsByStart));
  }

  delta(
    document: TextDocument,
    previousResultId: string,
    entities: readonly Entity[],
    quotations: readonly Quotation[],
    mentionsByStart?: readonly MentionEntry[],
  ): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(document.uri);
    const result = this.full(document, entities, quotations, mentionsByStart);
    // An id this server does not know (or no longer keeps) gets a full result.
    if (previous?.resultId !== previousResultId) return result;
    return { resultId: result.resultId, edits: diffTokenData(previous.data, result.data) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  private keep(uri: string, data: number[]): SemanticTokens & { resultId: string } {
    const result = { resultId: String(this.nextId++), data };
    this.last.set(uri, result);
    return result;
  }
}

/**
 * The edits that turn `before` into `after`: one edit replacing what lies
 * between their common start and common end (a keystroke changes the tokens
 * of one line), none when they are equal.
 */
export function diffTokenData(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  if (prefix === before.length && prefix === after.length) return [];
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const deleteCount = before.length - prefix - suffix;
  const data = after.slice(prefix, after.length - suffix);
  return [data.length > 0 ? { start: prefix, deleteCount, data } : { start: prefix, deleteCount }];
}

/** The tokens in LSP's relative encoding: line and start as deltas from the previous token, then length, type, modifiers. */
/**
 * `mentionsByStart`, when given, is the entity pass's lookup index of the same
 * entities (mentionIndexOf): already in the order the names are sorted into.
 */
function encodeTokens(
  document: TextDocument,
  entities: readonly Entity[],
  quotations: readonly Quotation[],
  mentionsByStart?: readonly MentionEntry[],
): number[] {
  const names: Token[] = [];
  if (mentionsByStart) {
    for (const m of mentionsByStart) names.push({ start: m.start, end: m.end, type: m.entity.type === 'person' ? 0 : 1 });
  } else {
    for (const e of entities) {
      const type = e.type === 'person' ? 0 : 1;
      for (const m of e.mentions) names.push({ start: m.start, end: m.end, type });
    }
    names.sort((a, b) => a.start - b.start);
  }
  const quoted: Token[] = [];
  for (const q of quotations) {
    if (q.depth !== 0) continue; // a nested quotation lies inside its outer one
    const end = q.close !== undefined ? q.close + 1 : q.contentEnd;
    for (const piece of subtract({ start: q.open, end, type: 2 }, names)) quoted.push(piece);
  }
  quoted.sort((a, b) => a.start - b.start);
  // Both lists sorted: merged, a name before a quotation piece at the same place.
  const tokens: Token[] = new Array<Token>(names.length + quoted.length);
  for (let n = 0, q = 0, t = 0; t < tokens.length; t++) {
    tokens[t] = q >= quoted.length || (n < names.length && names[n].start <= quoted[q].start) ? names[n++] : quoted[q++];
  }

  const text = document.getText();
  // Filled by index, not pushed: growing an array of 50,000 numbers one push at a time cost milliseconds.
  const data: number[] = new Array<number>(tokens.length * 5);
  let length = 0;
  let previousLine = 0;
  let previousCharacter = 0;
  let lastEnd = 0;
  // The line of the last piece, as offsets: most pieces follow one on the same
  // line, and their position is then a subtraction, not a search.
  let line = 0;
  let lineStart = 0;
  let nextLineStart = -1;
  for (const token of tokens) {
    if (token.start < lastEnd) continue; // overlapping names: keep the first
    lastEnd = token.end;
    // Cut at line breaks (a name never holds one; a quotation may).
    let pieceStart = token.start;
    while (pieceStart < token.end) {
      const pieceEnd = nextLineBreak(text, pieceStart, token.end);
      if (pieceEnd > pieceStart) {
        if (pieceStart >= nextLineStart || pieceStart < lineStart) {
          line = document.positionAt(pieceStart).line;
          lineStart = document.offsetAt({ line, character: 0 });
          nextLineStart = line + 1 < document.lineCount ? document.offsetAt({ line: line + 1, character: 0 }) : Infinity;
        }
        const character = pieceStart - lineStart;
        data[length++] = line - previousLine;
        data[length++] = line === previousLine ? character - previousCharacter : character;
        data[length++] = pieceEnd - pieceStart;
        data[length++] = token.type;
        data[length++] = 0;
        previousLine = line;
        previousCharacter = character;
      }
      pieceStart = pieceEnd + 1;
    }
  }
  data.length = length;
  return data;
}

/** The first CR or LF in text[from, end), or end. */
function nextLineBreak(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return end;
}
