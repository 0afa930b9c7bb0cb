// Copydesk's own requests (names and shapes in ../protocol.ts): the people and
// organizations of a draft for the client's Explorer view, and the statistics
// shown when the reporter clicks the word count.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/entities';
import { variantOwner } from '../analysis/entityCards';
import { entityNameAndTitle, mentionNamePart } from '../analysis/nameParts';
import type { RuleContext } from '../analysis/rule';
import { draftStatistics } from '../analysis/statistics';
import type { DraftStatistics, EntitySummary } from '../protocol';
import { toRange } from './positions';

/** One entry of the People and organizations view: name and title apart, mentions, variants, quotations. */
export function entitySummary(document: TextDocument, entity: Entity): EntitySummary | undefined {
  const first = entity.mentions[0];
  if (!first) return undefined;
  const { name, title } = entityNameAndTitle(entity);
  const nameOnly = mentionNamePart(first);
  const variants = [...new Set(entity.mentions.map((m) => mentionNamePart(m).text))].filter((form) => form !== name);
  return {
    name,
    type: entity.type,
    ...(title ? { title } : {}),
    mentionCount: entity.mentions.length,
    variants,
    quotations: entity.quotes.map((q) => ({ text: q.text, range: toRange(document, q.start, q.end) })),
    firstMention: toRange(document, first.start, first.end),
    nameRange: toRange(document, nameOnly.start, nameOnly.end),
  };
}

/**
 * People first, then organizations, each in order of first mention. A
 * misspelt name the engine kept apart ("Kowalsky") is listed under the person
 * it belongs to, as one of the variants, not as a person of its own.
 */
export function entitySummaries(document: TextDocument, entities: readonly Entity[]): EntitySummary[] {
  const ordered = [...entities].sort((a, b) => (a.type === b.type ? (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) : a.type === 'person' ? -1 : 1));
  const owners = new Map(ordered.map((e) => [e, variantOwner(e, entities)] as const));
  const summaries = new Map<Entity, EntitySummary>();
  for (const entity of ordered) {
    if (owners.get(entity)) continue;
    const summary = entitySummary(document, entity);
    if (summary) summaries.set(entity, summary);
  }
  for (const [variant, owner] of owners) {
    const summary = owner && summaries.get(owner);
    if (!summary) continue;
    summary.mentionCount += variant.mentions.length;
    for (const m of variant.mentions) if (!summary.variants.includes(m.text)) summary.variants.push(m.text);
    summary.quotations.push(...variant.quotes.map((q) => ({ text: q.text, range: toRange(document, q.start, q.end) })));
  }
  return [...summaries.values()];
}

export function statisticsOf(context: RuleContext, entities: readonly Entity[] | undefined): DraftStatistics {
  const { peopleNamed, ...rest } = draftStatistics(context, entities);
  return peopleNamed === undefined ? rest : { ...rest, peopleNamed };
}
