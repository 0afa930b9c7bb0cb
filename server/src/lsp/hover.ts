// Hover on a person or organization: what the story itself says about them.

import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/entities';
import type { Fact } from '../analysis/facts';
import type { StyleSheetEntry } from '../analysis/styleSheet';
import { styleSheetHoverLines } from './styleSheetActions';
import { toRange } from './positions';

const maxQuotes = 3;
const maxFacts = 6;
const factLabels: Record<Fact['kind'], string> = { title: 'title', affiliation: 'affiliation', age: 'age', description: '', expansion: 'spelled out' };
const maxQuoteLength = 90;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** The story's facts, each once, with the line that states it: "title: Mayor (line 4)". */
function factLines(document: TextDocument, facts: readonly Fact[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const fact of facts) {
    const key = `${fact.kind}:${fact.text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = factLabels[fact.kind];
    const line = document.positionAt(fact.start).line + 1;
    lines.push(`${label ? `${label}: ` : ''}${escapeMarkdown(shorten(fact.text, maxQuoteLength))} (line ${line})`);
  }
  if (lines.length > maxFacts) return [...lines.slice(0, maxFacts), `…and ${lines.length - maxFacts} more facts`];
  return lines;
}

export function entityHoverMarkdown(document: TextDocument, entity: Entity, sheetEntry?: StyleSheetEntry, facts: readonly Fact[] = []): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** · ${entity.type}`);
  if (entity.role) lines.push(`*${escapeMarkdown(entity.role)}*`);
  lines.push(...factLines(document, facts));
  const count = entity.mentions.length;
  const firstLine = count > 0 ? document.positionAt(entity.mentions[0].start).line + 1 : undefined;
  lines.push(`${count} ${count === 1 ? 'mention' : 'mentions'}${firstLine ? `, first on line ${firstLine}` : ''}`);
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length > 0) lines.push(`Also: ${aliases.map(escapeMarkdown).join(', ')}`);
  for (const quote of entity.quotes.slice(0, maxQuotes)) {
    lines.push(`> “${escapeMarkdown(shorten(quote.text, maxQuoteLength).replace(/[,;:]$/, ''))}”`);
  }
  if (entity.quotes.length > maxQuotes) lines.push(`…and ${entity.quotes.length - maxQuotes} more quotations`);
  // The newsroom's style sheet has the last word on spelling and title.
  if (sheetEntry) lines.push(...styleSheetHoverLines(sheetEntry, escapeMarkdown));
  // Blank lines between entries: Markdown would otherwise run them together.
  return lines.join('\n\n');
}

export function entityHover(document: TextDocument, entity: Entity, offset: number, sheetEntry?: StyleSheetEntry, facts: readonly Fact[] = []): Hover {
  const mention = entity.mentions.find((m) => m.start <= offset && offset <= m.end);
  const contents: MarkupContent = { kind: 'markdown', value: entityHoverMarkdown(document, entity, sheetEntry, facts) };
  return mention ? { contents, range: toRange(document, mention.start, mention.end) } : { contents };
}
