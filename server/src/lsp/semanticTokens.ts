// Semantic tokens for people, organizations and quotations, so a theme can
// colour them. Tokens may not overlap or span lines, so quotations are cut
// around the names inside them and at line breaks. After a keystroke the
// editor asks for a delta against its previous result, so only what changed
// crosses the wire (SemanticTokensBuilder keeps the last result per draft).

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/entities';
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
  let lo = 0;
  let hi = holes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holes[mid].start < span.start - maxNameLength) lo = mid + 1;
    else hi = mid;
  }
  for (let h = lo; h < holes.length; h++) {
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
  const builder = new SemanticTokensBuilder();
  pushTokens(builder, document, entities, quotations);
  return builder.build();
}

/** The last result sent for each draft, so the next request can be answered with a delta. */
export class SemanticTokenResults {
  private readonly builders = new Map<string, SemanticTokensBuilder>();

  full(document: TextDocument, entities: readonly Entity[], quotations: readonly Quotation[]): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    this.builders.set(document.uri, builder);
    pushTokens(builder, document, entities, quotations);
    return builder.build();
  }

  delta(document: TextDocument, previousResultId: string, entities: readonly Entity[], quotations: readonly Quotation[]): SemanticTokens | SemanticTokensDelta {
    const builder = this.builders.get(document.uri);
    if (!builder) return this.full(document, entities, quotations);
    // A previous id the builder does not know makes it build a full result.
    builder.previousResult(previousResultId);
    pushTokens(builder, document, entities, quotations);
    return builder.buildEdits();
  }

  forget(uri: string): void {
    this.builders.delete(uri);
  }
}

function pushTokens(builder: SemanticTokensBuilder, document: TextDocument, entities: readonly Entity[], quotations: readonly Quotation[]): void {
  const names: Token[] = entities
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type === 'person' ? 0 : 1 })))
    .sort((a, b) => a.start - b.start);
  const tokens: Token[] = [...names];
  for (const q of quotations) {
    if (q.depth !== 0) continue; // a nested quotation lies inside its outer one
    const end = q.close !== undefined ? q.close + 1 : q.contentEnd;
    tokens.push(...subtract({ start: q.open, end, type: 2 }, names));
  }
  tokens.sort((a, b) => a.start - b.start);

  const text = document.getText();
  let lastEnd = 0;
  for (const token of tokens) {
    if (token.start < lastEnd) continue; // overlapping names: keep the first
    lastEnd = token.end;
    // Cut at line breaks (a name never holds one; a quotation may).
    let pieceStart = token.start;
    while (pieceStart < token.end) {
      const pieceEnd = nextLineBreak(text, pieceStart, token.end);
      if (pieceEnd > pieceStart) {
        const position = document.positionAt(pieceStart);
        builder.push(position.line, position.character, pieceEnd - pieceStart, token.type, 0);
      }
      pieceStart = pieceEnd + 1;
    }
  }
}

/** The first CR or LF in text[from, end), or end. */
function nextLineBreak(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return end;
}
