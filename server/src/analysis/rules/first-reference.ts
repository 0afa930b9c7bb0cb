// first-reference — a person must be introduced by full name and a title or
// role the first time the story names them; later references use the surname.
//
// Bad:  Tillerson told the coalition ...                 (surname alone on first reference)
//       Jane Whitaker said the fund was safe.            (full name, but who is she?)
//       ... Jane Whitaker said later.                    (a second full-name reference: a style note)
// Good: Secretary of State Rex Tillerson told ...  Tillerson said ...
//       Jane Whitaker, the city treasurer, said ...
//       Rachel Ostrowski (D-Ore.) ...; Jane Roe, 42, of Springfield, ...
//
// The headline (headlines use surnames), boilerplate lines and the words
// inside quotations (the reporter cannot change them) are not references. A
// repeated full name is only a hint, and not even that when another person in
// the story shares the surname (Bill and Hillary Clinton). When the story
// gives the full name later, the surname-alone finding offers to write it
// there; the repeated full name offers the surname.

import { analyzeEntities, type Entity } from '../entities';
import type { Mention } from '../entities';
import { bodyMentions, carriesRole, compareSpellings, titleWords, wordsOf } from '../nameReferences';
import { foldName } from '../nlp';
import type { Rule } from '../rule';
import type { RuleFinding } from '../types';

/** Names the story uses as a full name: two or more words, not counting initials alone. */
function isFullName(text: string): boolean {
  return wordsOf(text).filter((w) => /\p{L}{2}/u.test(w)).length >= 2;
}

function surnameOf(text: string): string {
  return wordsOf(text).at(-1)!;
}

export const firstReference: Rule = {
  id: 'first-reference',
  description: 'A person first named by surname alone or without a title or role; a repeated full name is a style note.',
  defaultSeverity: 'hint',
  cost: 'nlp',
  check(ctx) {
    const text = ctx.draft.text;
    const { entities } = analyzeEntities(ctx);
    const findings: RuleFinding[] = [];
    const people = entities.filter((e) => e.type === 'person');
    const surnameCount = new Map<string, number>();
    for (const person of people) {
      const surnames = new Set(person.mentions.filter((m) => isFullName(m.text)).map((m) => foldName(surnameOf(m.text))));
      for (const s of surnames) surnameCount.set(s, (surnameCount.get(s) ?? 0) + 1);
    }

    const index = indexNames(people);
    for (const person of people) {
      const mentions = bodyMentions(ctx, person).filter((m) => !inListOrCredit(text, m));
      if (mentions.length === 0) continue;
      // A name dropped once in passing ("the themes of Richard Nixon's 1968 campaign")
      // needs no introduction; people the story quotes or returns to do.
      const quoted = person.quotes.length > 0;
      if (!quoted && mentions.length < 2) continue;
      const first = mentions[0];
      const fullReference = mentions.find((m) => isFullName(m.text));
      if (!isFullName(first.text)) {
        const excused = carriesRole(text, first, person) || isVariantOfAnother(person, first.text, index) || notALoneSurname(text, first, index);
        if (!excused) findings.push(surnameAlone(first, fullReference));
        continue;
      } else if (quoted && !mentions.some((m) => carriesRole(text, m, person))) {
        // Only a source needs identifying this strictly: readers must know who is speaking.
        // A person the story is about but does not quote is often a household name.
        findings.push({
          start: first.start,
          end: first.end,
          message: `${first.text} is named without a title or role; say who they are on first reference.`,
          fixes: [],
        });
      }
      // A second full-name reference after the first.
      if (!isFullName(first.text)) continue;
      const surname = surnameOf(first.text);
      if ((surnameCount.get(foldName(surname)) ?? 0) > 1) continue;
      // Only a story that does use the surname alone for this person is inconsistent in
      // repeating the full name (and a "person" never called by surname alone is often a
      // place or an event the engine misread: Sandy Hook, San Bernardino).
      if (!mentions.some((m) => !isFullName(m.text) && foldName(m.text) === foldName(surname))) continue;
      for (const later of mentions.slice(1)) {
        if (!isFullName(later.text) || foldName(later.text) !== foldName(first.text)) continue;
        findings.push({
          start: later.start,
          end: later.end,
          severity: 'hint',
          message: `${later.text} was introduced earlier; later references use the surname alone.`,
          fixes: [{ title: `Write ‘${surnameOf(later.text)}’`, edits: [{ start: later.start, end: later.end, text: surnameOf(later.text) }], preferred: true }],
        });
        break; // one note per person is enough to make the point
      }
    }
    return findings;
  },
};

/**
 * Names in a list of names ("Matt Paul, Marlys Popma, Troy Price"), a photo
 * credit ("John Moore/Getty Images") or an embedded post's byline
 * ("Paul Ryan (@SpeakerRyan) July 5"): not references in the story's prose.
 */
function inListOrCredit(text: string, mention: Mention): boolean {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  const after = text.slice(mention.end, mention.end + 40);
  if (/^\s*\/|^\s*\(@|^\s*(?:for|via)\s+(?:Getty|AP|Reuters|AFP)\b|^\s*\/\s*\p{Lu}/u.test(after)) return true;
  if (/(?:—|–|-)\s*$/.test(before) && /^\s*\(@/.test(after)) return true;
  // Between two other capitalised names separated by commas.
  return /\p{Lu}[\p{L}.'’-]*\s+\p{Lu}[\p{L}.'’-]*,\s*$/u.test(before) && /^,\s*\p{Lu}[\p{L}.'’-]*\s+\p{Lu}/u.test(after);
}

/** Nouns a surname modifies without naming the person: "the Obama administration". */
const attributiveNouns =
  /^\s+(?:administration|campaign|era|years|presidency|camp|aides?|allies|voters|supporters|team|doctrine|foundation|family|rally|rallies|speech|nominee|White House|victory|win|loss|agenda|plan|policy|policies|tower|hotel|university|brand|organization|fans?)\b/;

/**
 * Whether a lone capitalised word is something other than a surname the story
 * failed to introduce: a pronoun or common word the engine took for a name, an
 * attributive ("the Obama administration"), or the surname of a full name
 * given earlier that the engine filed under another entity.
 */
interface NameIndex {
  /** Folded surname (without al-, bin, de...) → where a full name ending in it first appears. */
  firstFullNameBySurname: Map<string, number>;
  /** Folded name word → the people whose names use it, for finding near-spellings by deletion keys. */
  peopleByWordKey: Map<string, { entity: Entity; word: string }[]>;
}

const bareSurname = (name: string) => foldName(surnameOf(name)).replace(/^(?:al|el|ad|as|bin|ibn|de|van|von)[-\s]/, '');

/** One pass over every person's mentions, so each lone surname is judged without scanning them all again. */
function indexNames(people: readonly Entity[]): NameIndex {
  const firstFullNameBySurname = new Map<string, number>();
  const peopleByWordKey = new Map<string, { entity: Entity; word: string }[]>();
  for (const person of people) {
    for (const m of person.mentions) {
      if (isFullName(m.text)) {
        const surname = bareSurname(m.text);
        firstFullNameBySurname.set(surname, Math.min(firstFullNameBySurname.get(surname) ?? Infinity, m.start));
      }
      for (const word of wordsOf(m.text)) {
        if (word.length < 6) continue; // compareSpellings never calls shorter words near
        const folded = foldName(word);
        for (let i = 0; i <= folded.length; i++) {
          const key = i === folded.length ? folded : folded.slice(0, i) + folded.slice(i + 1);
          (peopleByWordKey.get(key) ?? peopleByWordKey.set(key, []).get(key)!).push({ entity: person, word });
        }
      }
    }
  }
  return { firstFullNameBySurname, peopleByWordKey };
}

function notALoneSurname(text: string, mention: Mention, index: NameIndex): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$|^(?:Mc|Mac|O['’]|De|Le)\p{Lu}\p{Ll}+$/u.test(mention.text)) return true;
  if (
    /^(?:He|She|They|It|We|I|You|His|Her|Their|This|That|These|Those|There|Here|Can|Will|But|And|So|Republican|Democrat|Democrats|Republicans|Independent|American|Americans)$/.test(
      mention.text,
    )
  )
    return true;
  const after = text.slice(mention.end, mention.end + 40);
  if (attributiveNouns.test(after)) return true;
  // "Virginia delegate Beau Correll": a word before a role noun describes; "Warren, Michigan" is a place.
  const nextWord = /^\s+(\p{Ll}+)/u.exec(after)?.[1];
  if (nextWord && titleWords.has(nextWord)) return true;
  // "vocal Trump critics", "Clinton supporters": a surname modifying a plural noun.
  if (
    nextWord &&
    /^\p{Ll}{3,}s$/u.test(nextWord) &&
    !/(?:ss|us|is)$/.test(nextWord) &&
    /^\s+\p{Ll}+s\b(?!\s+(?:that|the|a|an|to|it|him|her|them)\b)/u.test(after) &&
    !/^\s+(?:says|thinks|wants|knows|hopes|believes|feels|calls|tells|adds|writes|notes|argues|insists|claims|is|was|has|does)\b/.test(after)
  )
    return true;
  if (
    /^,\s+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s\p{Lu}\p{Ll}+|North\s\p{Lu}\p{Ll}+|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\sIsland|South\s\p{Lu}\p{Ll}+|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\sVirginia|Wisconsin|Wyoming|\p{Lu}\p{Ll}{1,4}\.)\b/u.test(
      after,
    )
  )
    return true;
  // "The Atlantic", "the Dow": a name after an article is a title or an institution, not a person.
  if (/\b[Tt]he\s+$/.test(text.slice(Math.max(0, mention.start - 4), mention.start))) return true;
  return (index.firstFullNameBySurname.get(foldName(mention.text)) ?? Infinity) < mention.start;
}

/** A lone name that is a misspelling of another person's: name-variant reports it. */
function isVariantOfAnother(person: Entity, word: string, index: NameIndex): boolean {
  const folded = foldName(word);
  for (let i = 0; i <= folded.length; i++) {
    const key = i === folded.length ? folded : folded.slice(0, i) + folded.slice(i + 1);
    for (const other of index.peopleByWordKey.get(key) ?? []) {
      if (other.entity === person) continue;
      const relation = compareSpellings(other.word, word);
      if (relation !== 'same' && relation !== 'different') return true;
    }
  }
  return false;
}

function surnameAlone(first: { start: number; end: number; text: string }, fullReference?: { text: string }): RuleFinding {
  const fullName = fullReference?.text;
  return {
    start: first.start,
    end: first.end,
    message: fullName
      ? `${first.text} is first named by surname alone; the full name (${fullName}) and a title belong here, on first reference.`
      : `${first.text} is first named by surname alone, and the story never gives the full name or a title.`,
    fixes: fullName ? [{ title: `Write ‘${fullName}’`, edits: [{ start: first.start, end: first.end, text: fullName }], preferred: true }] : [],
  };
}
