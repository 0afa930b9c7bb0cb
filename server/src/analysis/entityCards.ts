// What a hover card says beyond the entity itself: for an organization, its
// acronym or expansion and the people the story ties to it ("Its president,
// Luis Ferreira"); for a misspelt name ("Kowalsky"), the entity it is a
// variant of. Conservative: a tie is reported only when the story states it in
// one of the few shapes wire copy uses, never guessed from proximity alone.

import type { Entity, Mention } from './entities';
import { compareSpellings, wordsOf } from './nameReferences';
import { partitionPoint } from './sorted';

export interface OrganizationTie {
  person: Entity;
  /** The role as the story writes it ("president", "spokeswoman"). */
  role: string;
}

/** One to four lower-case words: a role as copy writes it ("president", "chief financial officer"). */
const roleWords = String.raw`(\p{Ll}[\p{Ll}-]*(?: \p{Ll}[\p{Ll}-]*){0,3})`;

/** Characters either side of a name searched for its tie to an organization. */
const tieWindow = 160;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sentenceAround(text: string, offset: number): { start: number; end: number } {
  const from = Math.max(0, offset - 2 * tieWindow);
  let start = offset;
  while (start > from && !'.!?\n'.includes(text[start - 1])) start--;
  const rest = /[.!?](?=\s|$)|\n/.exec(text.slice(offset, offset + 2 * tieWindow));
  return { start, end: rest ? offset + rest.index + 1 : Math.min(text.length, offset + 2 * tieWindow) };
}

/**
 * People the story ties to the organization, with their role: "Its president,
 * Luis Ferreira" (in the sentence after the organization is named), "MCC
 * president Luis Ferreira", "Luis Ferreira, president of the MCC".
 */
export function organizationTies(text: string, organization: Entity, entities: readonly Entity[]): OrganizationTie[] {
  if (organization.type !== 'organization') return [];
  const written = [...new Set(organization.mentions.map((m) => m.text))].sort((a, b) => b.length - a.length);
  if (written.length === 0) return [];
  const org = `(?:the )?(?:${written.map(escapeRegExp).join('|')})`;
  // Made once per card, not for each mention of each person: a 100,000-word draft has thousands.
  const patterns: TiePatterns = {
    namedWithin: occurrencesOf(text, written),
    // Where "its " stands, found once: testing each person's mentions with a regex cost 10-20 ms a card on a 100,000-word draft.
    itsWithin: occurrencesOf(text, ['Its ', 'its ']),
    // "MCC president Luis Ferreira", "the MCC's president, Luis Ferreira"
    orgThenRole: new RegExp(`${org}(?:['’]s)? ${roleWords},? $`, 'u'),
    // "Luis Ferreira, president of the MCC"
    roleOfOrg: new RegExp(`^,? (?:the |a |an )?${roleWords} (?:of|at|for|with) ${org}\\b`, 'u'),
  };
  const ties: OrganizationTie[] = [];
  for (const person of entities) {
    if (person.type !== 'person') continue;
    const role = tieOf(text, person.mentions, organization.mentions, patterns);
    if (role) ties.push({ person, role });
  }
  return ties;
}

interface TiePatterns {
  /** Whether one of the organization's names, as the story writes them, lies in text[from, to): the first two patterns need one. */
  namedWithin(from: number, to: number): boolean;
  /** Whether "its" (or "Its") and a space lie in text[from, to). */
  itsWithin(from: number, to: number): boolean;
  orgThenRole: RegExp;
  roleOfOrg: RegExp;
}

/** A test of whether one of `names` lies inside a stretch of `text`, by where each occurs (overlaps included). */
function occurrencesOf(text: string, names: readonly string[]): (from: number, to: number) => boolean {
  const starts = names.map((name) => {
    const found: number[] = [];
    if (name) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) found.push(at);
    return found;
  });
  return (from, to) =>
    names.some((name, k) => {
      const at = partitionPoint(starts[k].length, (i) => starts[k][i] < from);
      return name === '' || (at < starts[k].length && starts[k][at] + name.length <= to);
    });
}

/** "Its president, Luis Ferreira": the organization is named in the sentence before. */
const itsRole = new RegExp(`(?:^|\\s)(?:Its|its) ${roleWords},? $`, 'u');

function tieOf(text: string, personMentions: readonly Mention[], orgMentions: readonly Mention[], patterns: TiePatterns): string | undefined {
  for (const mention of personMentions) {
    // Most mentions have neither a name of the organization nor "its" close by: they need no sentence bounds.
    const windowStart = Math.max(0, mention.start - tieWindow);
    const itsBefore = patterns.itsWithin(windowStart, mention.start);
    if (!itsBefore && !patterns.namedWithin(windowStart, mention.start) && !patterns.namedWithin(mention.end, mention.end + tieWindow)) continue;
    const sentence = sentenceAround(text, mention.start);
    // A tie is stated right beside the name; a bounded window keeps a draft with no full stops linear.
    const beforeStart = Math.max(sentence.start, windowStart);
    const afterEnd = Math.min(sentence.end, mention.end + tieWindow);
    const before = text.slice(beforeStart, mention.start);
    const after = text.slice(mention.end, afterEnd);
    // Each pattern is tried only where it could match: trying one at every place of a window costs more than looking.
    let m = patterns.namedWithin(beforeStart, mention.start) ? patterns.orgThenRole.exec(before) : null;
    if (m) return m[1];
    m = patterns.namedWithin(mention.end, afterEnd) ? patterns.roleOfOrg.exec(after) : null;
    if (m) return m[1];
    m = itsBefore ? itsRole.exec(before) : null;
    if (m) {
      const previous = sentenceAround(text, Math.max(0, sentence.start - 2));
      const namedBefore = orgMentions.some((o) => o.start >= previous.start && o.end <= sentence.start + m!.index + 1);
      if (namedBefore) return m[1];
    }
  }
  return undefined;
}

/** Whether two written names are spellings of one name: same words but one misspelt, or written without diacritics. */
function variantSpelling(a: string, b: string): boolean {
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  const lastA = wordsA[wordsA.length - 1];
  const lastB = wordsB[wordsB.length - 1];
  if (!lastA || !lastB) return false;
  const relation = compareSpellings(lastA, lastB);
  return relation === 'near' || relation === 'diacritics' || relation === 'case';
}

/**
 * The entity a misspelt name belongs to: "Kowalsky", mentioned once, is a
 * variant of "Anna Kowalski". The owner is the entity of the same type whose
 * surname the variant's is a near-spelling of; when several are, none.
 */
export function variantOwner(entity: Entity, entities: readonly Entity[]): Entity | undefined {
  if (entity.type !== 'person') return undefined;
  const owners = entities.filter(
    (other) => other !== entity && other.type === entity.type && outranks(other, entity) && variantSpelling(entity.name, other.name),
  );
  return owners.length === 1 ? owners[0] : undefined;
}

/** Which of two spellings is the entity's own: the fuller name, then the more often used, then the first. */
function outranks(a: Entity, b: Entity): boolean {
  const words = wordsOf(a.name).length - wordsOf(b.name).length;
  if (words !== 0) return words > 0;
  const mentions = a.mentions.length - b.mentions.length;
  if (mentions !== 0) return mentions > 0;
  return (a.mentions[0]?.start ?? Infinity) < (b.mentions[0]?.start ?? Infinity);
}

/** Whether a mention of the entity is spelled unlike its name ("Cavusoglu" of "Mevlüt Çavuşoğlu"). */
export function isVariantMention(entity: Entity, mention: Mention): boolean {
  return variantSpelling(mention.text, entity.name);
}
