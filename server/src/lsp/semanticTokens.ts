// Semantic tokens for people, organizations and quotations, so a theme can
// colour them. Tokens may not overlap or span lines, so quotations are cut
// around the names inside them and at line breaks.

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/entities';
import type { Quotation } from '../analysis/quotes';

export const semanticTokenTypes = ['person', 'organization', 'quotation'] as const;
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] };

interface Token {
  start: number;
  end: number;
  type: number;
}

function subtract(span: Token, holes: readonly Token[]): Token[] {
  const pieces: Token[] = [];
  let cursor = span.start;
  for (const hole of holes) {
    if (hole.end <= cursor || hole.start >= span.end) continue;
    if (hole.start > cursor) pieces.push({ start: cursor, end: hole.start, type: span.type });
    cursor = Math.max(cursor, hole.end);
  }
  if (cursor < span.end) pieces.push({ start: cursor, end: span.end, type: span.type });
  return pieces;
}

export function semanticTokens(document: TextDocument, entities: readonly Entity[], quotations: readonly Quotation[]): SemanticTokens {
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
  const builder = new SemanticTokensBuilder();
  let lastEnd = 0;
  for (const token of tokens) {
    if (token.start < lastEnd) continue; // overlapping names: keep the first
    lastEnd = token.end;
    // Cut at line breaks.
    let pieceStart = token.start;
    for (let i = token.start; i <= token.end; i++) {
      const atBreak = i < token.end && (text[i] === '\n' || text[i] === '\r');
      if (atBreak || i === token.end) {
        if (i > pieceStart) {
          const position = document.positionAt(pieceStart);
          builder.push(position.line, position.character, i - pieceStart, token.type, 0);
        }
        pieceStart = i + 1;
      }
    }
  }
  return builder.build();
}
