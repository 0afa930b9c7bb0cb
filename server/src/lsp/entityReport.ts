// The JSON shape of `copydesk entities`: each entity with LSP ranges.

import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/entities';
import { toRange } from './positions';

export interface EntityReport {
  name: string;
  type: 'person' | 'organization';
  aliases: string[];
  role: string | null;
  mentions: Range[];
  quotes: { text: string; range: Range }[];
}

export function entityReport(document: TextDocument, entity: Entity): EntityReport {
  return {
    name: entity.name,
    type: entity.type,
    aliases: entity.aliases,
    role: entity.role,
    mentions: entity.mentions.map((m) => toRange(document, m.start, m.end)),
    quotes: entity.quotes.map((q) => ({ text: q.text, range: toRange(document, q.start, q.end) })),
  };
}

/** One line per entity: name (type), role, mention count, aliases. */
export function entityLine(file: string, document: TextDocument, entity: Entity): string {
  const first = entity.mentions[0] ? document.positionAt(entity.mentions[0].start) : undefined;
  const where = first ? `${file}:${first.line + 1}:${first.character + 1}` : file;
  const parts = [`${where} ${entity.type} ${entity.name}`];
  if (entity.role) parts.push(`role: ${entity.role}`);
  parts.push(`${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'}`);
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length) parts.push(`aliases: ${aliases.join(', ')}`);
  if (entity.quotes.length) parts.push(`${entity.quotes.length} quotation${entity.quotes.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
