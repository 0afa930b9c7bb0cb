// A person's name and title are two things: "County Engineer David Lindqvist"
// is the title "County Engineer" and the name "David Lindqvist". Rename, the
// style sheet, the outline and the People view work on the name alone and show
// the title beside it, so a reporter correcting a spelling never retypes (or
// loses) the title.
//
// The split is conservative. A leading run of words ending in a title word
// (an honorific or role noun: "Councilman", "Dr.", "Secretary of State") is a
// title when at least two name words follow it, or one name word after a
// plain honorific ("Dr. Ruiz"). "Dean Baker" stays whole: Dean is a first
// name as often as a title.

import { TextCache } from './cache';
import titleTable from './data/titles.json';
import type { Entity, Mention } from './entities';
import { foldName } from './nlp';
import { titleWords, wordsOf } from './nameReferences';

/** Honorifics that only ever stand before a name, so one name word after them is enough ("Dr. Ruiz", not "Dean Baker"). */
const plainHonorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'gov', 'sen', 'rep', 'gen', 'lt', 'sgt', 'capt', 'col']);
/** Words that continue a title after its head: "Secretary of State", "Minister for Health". */
const titleContinuations = new Set(titleTable.titleModifiers);

export interface NameParts {
  /** The title before the name, as written ("County Engineer"); empty when there is none. */
  title: string;
  /** The name without the title. */
  name: string;
  /** Offset of the name within the text that was split. */
  nameOffset: number;
}

function bare(word: string): string {
  return foldName(word).replace(/\.$/, '');
}

/**
 * Names recur on every request (the outline, hovers, each keystroke's tokens):
 * the split of each written name is kept. Callers never change the result.
 */
const splitTitles = new TextCache<NameParts>(20_000, 1_000_000);

/** Splits a leading title off a written name. */
export function splitTitle(text: string): NameParts {
  return splitTitles.get(text, () => splitTitleNow(text));
}

function splitTitleNow(text: string): NameParts {
  const words = [...text.matchAll(/\S+/g)];
  const whole = { title: '', name: text, nameOffset: 0 };
  // The last title word before the final (surname) word heads the title.
  let titleEnd = -1;
  for (let i = 0; i < words.length - 1; i++) {
    if (titleWords.has(bare(words[i][0]))) titleEnd = i;
  }
  if (titleEnd < 0) return whole;
  const headIsHonorific = plainHonorifics.has(bare(words[titleEnd][0]));
  // "Secretary of State", "Attorney General": words that continue the title after its head.
  for (;;) {
    const next = words[titleEnd + 1] && bare(words[titleEnd + 1][0]);
    if (next && titleContinuations.has(next) && !/^(?:of|for|the|and)$/.test(next) && words.length - titleEnd > 3) titleEnd += 1;
    else if (next && /^(?:of|for)$/.test(next) && words[titleEnd + 2] && titleContinuations.has(bare(words[titleEnd + 2][0])) && words.length - titleEnd > 4)
      titleEnd += 2;
    else break;
  }
  const remaining = words.length - titleEnd - 1;
  if (remaining < 2 && !(remaining === 1 && headIsHonorific)) return whole;
  const nameOffset = words[titleEnd + 1].index!;
  return { title: text.slice(0, words[titleEnd].index! + words[titleEnd][0].length), name: text.slice(nameOffset), nameOffset };
}

/** The name part of a mention, as a range of the draft. */
export function mentionNamePart(mention: Mention): Mention {
  const parts = splitTitle(mention.text);
  return { start: mention.start + parts.nameOffset, end: mention.end, text: parts.name };
}

/** The entity's name without a title, and its title: the role the story gives, else the title glued to its fullest name. */
export function entityNameAndTitle(entity: Entity): { name: string; title?: string } {
  if (entity.type !== 'person') return { name: entity.name };
  const parts = splitTitle(entity.name);
  const title = entity.role ?? (parts.title || undefined);
  return title ? { name: parts.name, title } : { name: parts.name };
}

/** "Tom Brennan · Councilman", or the bare name. */
export function nameWithTitle(entity: Entity): string {
  const { name, title } = entityNameAndTitle(entity);
  return title ? `${name} · ${title}` : name;
}

/** Whether `word` (one name word) is spelled as written in one of the entity's mentions. */
export function usesWord(entity: Entity, word: string): boolean {
  return entity.mentions.some((m) => wordsOf(m.text).includes(word));
}
