// Hover on a person or organization: what the story itself says about them.

import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/entities';
import { isVariantMention, organizationTies, variantOwner } from '../analysis/entityCards';
import type { Fact } from '../analysis/facts';
import type { StyleSheetEntry } from '../analysis/styleSheet';
import { entityNameAndTitle } from '../analysis/nameParts';
import { styleSheetHoverLines } from './styleSheetActions';
import { draftName, type EntityOccurrence, type WorkspaceIndex } from '../analysis/workspace/index';
import { canonicalUri } from '../workspaceScan';
import { indexedLocation, toRange } from './positions';

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

/**
 * An organization's card, after the common lines: its acronym or what it
 * stands for, and the people the story ties to it.
 */
export function organizationCardLines(document: TextDocument, organization: Entity, entities: readonly Entity[]): string[] {
  if (organization.type !== 'organization') return [];
  const lines: string[] = [];
  const isAcronym = (form: string) => /^[\p{Lu}.&]{2,8}$/u.test(form);
  const acronym = organization.aliases.find((a) => a !== organization.name && isAcronym(a));
  const expansion = isAcronym(organization.name) ? organization.aliases.find((a) => !isAcronym(a) && a.split(/\s+/).length > 1) : undefined;
  if (acronym) lines.push(`Acronym: **${escapeMarkdown(acronym)}**`);
  if (expansion) lines.push(`Stands for: **${escapeMarkdown(expansion)}**`);
  for (const tie of organizationTies(document.getText(), organization, entities)) {
    lines.push(`Its ${escapeMarkdown(tie.role)}: ${escapeMarkdown(entityNameAndTitle(tie.person).name)}`);
  }
  return lines;
}

/** The line that marks a misspelt form on its entity's card. */
export function variantCardLine(variant: string, canonical: string): string {
  return `*${escapeMarkdown(variant)}* is a variant spelling here: the story also writes **${escapeMarkdown(canonical)}**.`;
}

/**
 * The hover on a name. A misspelt name ("Kowalsky") shows the card of the
 * entity it belongs to, with the variant marked; an organization's card adds
 * its acronym and the people tied to it; a person's, the story's facts.
 */
export function entityHover(
  document: TextDocument,
  entity: Entity,
  offset: number,
  sheetEntry?: StyleSheetEntry,
  entities: readonly Entity[] = [],
  facts: readonly Fact[] = [],
): Hover {
  const mention = entity.mentions.find((m) => m.start <= offset && offset <= m.end);
  const owner = variantOwner(entity, entities);
  const shown = owner ?? entity;
  const lines: string[] = [];
  if (owner && mention) lines.push(variantCardLine(mention.text, entityNameAndTitle(owner).name));
  else if (mention && isVariantMention(entity, mention)) lines.push(variantCardLine(mention.text, entityNameAndTitle(entity).name));
  lines.push(entityHoverMarkdown(document, shown, owner ? undefined : sheetEntry, owner ? [] : facts));
  lines.push(...organizationCardLines(document, shown, entities));
  const contents: MarkupContent = { kind: 'markdown', value: lines.join('\n\n') };
  return mention ? { contents, range: toRange(document, mention.start, mention.end) } : { contents };
}

/** Most other drafts linked from a hover. */
const maxLinkedDrafts = 5;

/**
 * The hover's line about the other drafts: "Also in 3 drafts · titled
 * Planning Commission Chair in zoning-vote.md", then links to them, newest
 * first (an open draft counts as newest). Undefined when no other draft names
 * the entity.
 */
export function crossDraftHoverLines(index: WorkspaceIndex, uri: string, entity: Entity): string | undefined {
  const here = canonicalUri(uri);
  const others = index.elsewhere(here, entity.type, entity.name);
  if (others.length === 0) return undefined;
  const newness = (u: string) => {
    const mtime = index.get(u)?.mtimeMs ?? 0;
    return mtime < 0 ? Number.POSITIVE_INFINITY : mtime;
  };
  others.sort((a, b) => newness(b.uri) - newness(a.uri) || a.uri.localeCompare(b.uri));
  const link = (o: EntityOccurrence) => {
    const record = index.get(o.uri);
    const first = o.entity.mentions[0];
    const line = record && first ? indexedLocation(record, first.start, first.end).range.start.line + 1 : 1;
    return `[${escapeMarkdown(draftName(o.uri))}](${o.uri}#L${line})`;
  };
  const titled = others.find((o) => o.entity.role);
  const count = new Set(others.map((o) => o.uri)).size;
  const summary = `Also in ${count} ${count === 1 ? 'draft' : 'drafts'}${titled ? ` · titled ${escapeMarkdown(titled.entity.role!)} in ${link(titled)}` : ''}`;
  const links = others.slice(0, maxLinkedDrafts).map(link).join(' · ');
  return `${summary}\n\n${links}${others.length > maxLinkedDrafts ? ` · and ${others.length - maxLinkedDrafts} more` : ''}`;
}
