// What a hover card says beyond the entity itself: for an organization, its
// acronym or expansion and the people the story ties to it ("Its president,
// Luis Ferreira"); for a misspelt name ("Kowalsky"), the entity it is a
// variant of. Conservative: a tie is reported only when the story states it in
// one of the few shapes wire copy uses, never guessed from proximity alone.

import type { Entity, Mention } from './entities';
import { compareSpellings, wordsOf } from './nameReferences';

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
  const orgForms = [...new Set(organization.mentions.map((m) => m.text))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (orgForms.length === 0) return [];
  const org = `(?:the )?(?:${orgForms.join('|')})`;
  const ties: OrganizationTie[] = [];
  for (const person of entities) {
    if (person.type !== 'person') continue;
    const role = tieOf(text, person.mentions, organization.mentions, org);
    if (role) ties.push({ person, role });
  }
  return ties;
}

function tieOf(text: string, personMentions: readonly Mention[], orgMentions: readonly Mention[], org: string): string | undefined {
  for (const mention of personMentions) {
    const sentence = sentenceAround(text, mention.start);
    // A tie is stated right beside the name; a bounded window keeps a draft with no full stops linear.
    const before = text.slice(Math.max(sentence.start, mention.start - tieWindow), mention.start);
    const after = text.slice(mention.end, Math.min(sentence.end, mention.end + tieWindow));
    // "MCC president Luis Ferreira", "the MCC's president, Luis Ferreira"
    let m = new RegExp(`${org}(?:['’]s)? ${roleWords},? $`, 'u').exec(before);
    if (m) return m[1];
    // "Luis Ferreira, president of the MCC"
    m = new RegExp(`^,? (?:the |a |an )?${roleWords} (?:of|at|for|with) ${org}\\b`, 'u').exec(after);
    if (m) return m[1];
    // "Its president, Luis Ferreira", right after a sentence naming the organization.
    m = new RegExp(`(?:^|\\s)(?:Its|its) ${roleWords},? $`, 'u').exec(before);
    if (m) {
      const previous = sentenceAround(text, Math.max(0, sentence.start - 2));
      const named = orgMentions.some((o) => o.start >= previous.start && o.end <= sentence.start + m!.index + 1);
      if (named) return m[1];
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
