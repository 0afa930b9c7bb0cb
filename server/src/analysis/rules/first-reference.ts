// first-reference — a person the story names in full must be named in full the
// first time: the surname alone comes after.
//
// Bad:  "We will open it," Whitfield said. ... Council member Dana Whitfield said ...
// Good: "We will open it," Council member Dana Whitfield said. ... Whitfield said ...
//       President Obama said ... (a title before the surname is a first reference too)
//       Presidents Reagan and Clinton ... (so is a plural title before a list of them)
//
// Only a lone surname whose full name the story gives later is flagged, with the
// fix that writes the full name there. A person never named in full is usually a
// household name (Obama), a first name (Melania) or not a person at all (Devon,
// Politico); and whether a full name needs a title depends on whether the reader
// knows the person: the rule cannot tell, so it says nothing about either.
// The headline and the dek above a dateline, boilerplate lines, a name labelling
// its paragraph ("Okafor: Finish second.", a transcript's "Ruiz:") and the words
// inside quotations (the reporter cannot change them) are not references.

import firstNames from '../data/first-names.json';
import { analyzeEntities, type Entity } from '../entities';
import { kinship } from '../entities/tables';
import type { Mention } from '../entities';
import { bodyMentions, compareSpellings, titleWords, wordsOf } from '../nameReferences';
import { foldName, lexiconTags } from '../nlp';
import type { Rule, RuleContext } from '../rule';
import { datelineLength, excerptsABook } from '../structure';
import type { RuleFinding } from '../types';

/** Names the story uses as a full name: two or more words, not counting initials alone. */
function isFullName(text: string): boolean {
  return wordsOf(text).filter((w) => /\p{L}{2}/u.test(w)).length >= 2;
}

/** A generational suffix ("Jr.", "III") follows the surname: "Martin Okafor III" is an Okafor. */
const generationalSuffix = /^(?:Jr|Sr|II|III|IV|V)\.?,?$/;

function surnameOf(text: string): string {
  const words = wordsOf(text);
  const last = words.length > 1 && generationalSuffix.test(words.at(-1)!) ? words.length - 2 : words.length - 1;
  return words[last].replace(/,$/, '');
}

/** The folded surname without its particle (al-, bin, de...), so "Assad" finds "Bashar al-Assad". */
const bareSurname = (name: string) => foldName(surnameOf(name)).replace(/^(?:al|el|ad|as|bin|ibn|de|van|von)[-\s]/, '');

export const firstReference: Rule = {
  id: 'first-reference',
  description: 'A person first named by surname alone when the story gives the full name later.',
  defaultSeverity: 'off',
  cost: 'nlp',
  check(ctx) {
    const text = ctx.draft.text;
    // A book excerpt runs as its author wrote it.
    if (excerptsABook(ctx.draft.paragraphs)) return [];
    const { entities } = analyzeEntities(ctx);
    const findings: RuleFinding[] = [];
    const people = entities.filter((e) => e.type === 'person');
    const index = indexNames(people);
    const storyStart = storyStartOf(ctx);
    for (const person of people) {
      const mentions = bodyMentions(ctx, person).filter(
        (m) => m.start >= storyStart && !inListOrCredit(text, m) && !paragraphLabel(text, m) && !namesAShow(text, m),
      );
      const first = mentions[0];
      if (!first || isFullName(first.text)) continue;
      const surname = bareSurname(first.text);
      // The full name the story gives later, spelt with this very surname.
      const fullReference = mentions.find(
        (m) =>
          isFullName(m.text) &&
          bareSurname(m.text) === surname &&
          personShaped(m.text) &&
          !worksAndGroups.test(text.slice(Math.max(0, m.start - 30), m.start)) &&
          !numeralBefore(text, m.start),
      );
      // Never named in full: flagged only where the story introduces the person by surname
      // ("housing minister Cooper", "Houston, 54,"), the shape of a first name cut off, and
      // calls them "Mr Cooper" later: a role before a lone name is otherwise as often a
      // company ("regulator Ofcom"), a film or a one-name star ("singer Usher"). A common
      // first name there is a relative or a child ("his wife Maggie", "Lucy, 36,").
      if (!fullReference && (!introducedHere(text, first) || !courtesyTitled(text, first.text) || commonFirstNames.has(foldName(first.text)))) continue;
      // "Sen. Cruz", "Mr Blair", "President Obama": a capitalised title makes the surname a reference
      // wire copy accepts; and a title word alone ("Gov", "Speaker") is no name at all.
      if (titleWords.has(foldName(first.text)) || capitalisedTitleBefore(text, first) || partOfAnotherName(text, first)) continue;
      // Two people who share the surname (Bill and Hillary Clinton): which one is meant is not ours to say.
      if ((index.peopleBySurname.get(surname)?.size ?? 0) > 1) continue;
      if (isVariantOfAnother(person, first.text, index) || notALoneSurname(text, first, index)) continue;
      findings.push(surnameAlone(first, fullReference));
    }
    return findings;
  },
};

/**
 * Where the story proper starts: after the dek when a dateline opens a paragraph
 * near the top ("After Brexit and Trump's threats, ..." above "BRUSSELS - ...").
 */
function storyStartOf(ctx: RuleContext): number {
  const top = ctx.draft.paragraphs.slice(0, 5);
  const withDateline = top.find((p) => p.index > 0 && p.kind === 'prose' && datelineLength(p.text) > 0);
  if (withDateline) return withDateline.start;
  // A headline broken over two lines: "Derelict Obama and Clinton;" / "Trump will go on offense ...".
  const [headline, next] = top;
  return headline?.isHeadline && next && /[;:,]\s*$/.test(headline.text) ? next.end : 0;
}

/**
 * Whether a lone surname is where the story introduces the person: a role in lower
 * case right before it ("housing minister Cooper", "Tory leader Howard") or an
 * appositive right after it ("Houston, 54,", "Brown, chancellor of the exchequer").
 * A capitalised title before a surname ("President Obama", "Sen. Cruz", "Mr Blair")
 * is a form wire copy accepts for a person the reader knows.
 */
const commonFirstNames = new Set([...firstNames.male, ...firstNames.female]);

/** Whether the story calls the person "Mr Cooper", "Ms. Cooper" or "Dr Cooper" somewhere. */
function courtesyTitled(text: string, surname: string): boolean {
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    if (/(?<!\p{L})(?:Mr|Mrs|Ms|Miss|Dr)\.? $/u.test(text.slice(Math.max(0, at - 6), at)) && !/\p{L}/u.test(text[at + surname.length] ?? '')) return true;
  }
  return false;
}

/** A title written with a capital right before the name: "President Obama", "Sen. Cruz", "Mr Kennedy". */
function capitalisedTitleBefore(text: string, mention: Mention): boolean {
  // Read backwards, not with an end-anchored regex (quadratic on a run of "A-A-A-"): spaces, a period, the word.
  const before = text.slice(Math.max(0, mention.start - 30), mention.start);
  if (!/\s$/u.test(before)) return false;
  let end = before.trimEnd().length;
  if (before[end - 1] === '.') end--;
  let start = end;
  while (start > 0 && /[\p{L}-]/u.test(before[start - 1])) start--;
  const word = before.slice(start, end);
  if (/^\p{Lu}/u.test(word) && isTitle(word)) return true;
  // The later names of a plural title's list: "Presidents Reagan and Clinton", "Sens. Ames, Cole and Ruiz".
  const list = /(?<!\p{L})(\p{Lu}\p{L}*)\.? (?:\p{Lu}[\p{L}'’-]*,? ){1,3}(?:and|or) $/u.exec(text.slice(Math.max(0, mention.start - 45), mention.start));
  return list !== null && /s$/u.test(list[1]) && isTitle(list[1]);
}

/** A title word, singular or plural ("President", "Presidents", "Sens"). */
function isTitle(word: string): boolean {
  const folded = foldName(word);
  return titleWords.has(folded) || (folded.endsWith('s') && titleWords.has(folded.slice(0, -1)));
}

/**
 * A lone word that belongs to something else: the rest of a split name ("O' Neill"), an
 * organization ("Alliance to Reclaim Our Schools"), or a group whose singular the story
 * also uses ("Muslims" beside "a Muslim holiday").
 */
function partOfAnotherName(text: string, mention: Mention): boolean {
  if (/\p{L}['’]\s?$/u.test(text.slice(Math.max(0, mention.start - 3), mention.start))) return true;
  // "K Morgan (Newport-Gwent)": a club or a constituency in parentheses after a name.
  if (text[mention.start - 1] === '(') return true;
  // "Iggy Fanlo", "Shogo Tomiyama": the engine kept only the surname of a full name.
  // So is a name after a prefix ("ex-Downing Street").
  if (/(?:[^.!?:\s"“]\s+|\p{Ll}-)\p{Lu}\p{Ll}+ $/u.test(text.slice(Math.max(0, mention.start - 30), mention.start)) && !capitalisedTitleBefore(text, mention))
    return true;
  // "... to be seen. Flic Everett, journalist": a sentence opening with a word the dictionary does not know, then the name.
  const opening = /[.!?]["”]?\s+(\p{Lu}\p{Ll}+) $/u.exec(
    `${mention.start <= 30 ? '. ' : ''}${text.slice(Math.max(0, mention.start - 30), mention.start)}`,
  )?.[1];
  if (
    opening &&
    !capitalisedTitleBefore(text, mention) &&
    (!lexiconTags(opening) || lexiconTags(opening)!.some((tag) => /FirstName|MaleName|FemaleName/.test(tag)))
  )
    return true;
  if (/^\s+(?:to|of|for)\s+\p{Lu}/u.test(text.slice(mention.end, mention.end + 12))) return true;
  // "the stalker drama Enduring Love", "biopic Kinsey", "band Kasabian": works and groups, not people.
  if (worksAndGroups.test(text.slice(Math.max(0, mention.start - 30), mention.start))) return true;
  // "Soul and garage", "Rock 'n' roll": a word the story also writes in lower case is a word.
  if (containsWord(text, mention.text.toLowerCase())) return true;
  if (!mention.text.endsWith('s')) return false;
  return containsWord(text, mention.text.slice(0, -1));
}

/** A numeral right before a name, in the same sentence, makes it the tail of a longer one: "21st Century Holt", "20th Century Studios". */
function numeralBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if (!before.endsWith(' ')) return false;
  const word = before.trimEnd().split(/\s/).at(-1) ?? '';
  return /^\d[\d,.]*(?:st|nd|rd|th)?$/.test(word) && !/[.,]$/.test(word);
}

const worksAndGroups =
  /(?<!\p{L})(?:film|movie|biopic|drama|thriller|comedy|documentary|musical|album|single|song|track|band|group|duo|book|novel|series|show|play|opera|game|character)\s+(?:\p{Lu}[\p{L}'’-]*\s+){0,3}$/u;

/** Whether the text has the word standing alone, not inside a longer word. */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!/\p{L}/u.test(text[at - 1] ?? '') && !/\p{L}/u.test(text[at + word.length] ?? '')) return true;
  }
  return false;
}

/** A full name made of capitalised name words only ("Sunni Muslims" passes; "Reconstruction - Virginia" does not). */
function personShaped(name: string): boolean {
  const words = wordsOf(name);
  if (
    /^(?:Under|In|On|At|As|By|For|With|From|After|Before|Since|When|While|If|But|And|Or|The|A|An|This|That|Of|To|Said|Says|Told|How|Why|What|Where|Who|Now|Then|So|Yet|Also|Still|Even|Only|Here|There)$/.test(
      words[0],
    )
  )
    return false;
  // "Sheffield. Argonaut" is the end of one sentence and the start of the next; "J." and "Jr." are initials.
  if (words.some((w) => w.endsWith('.') && /^\p{L}{3}$/u.test(w.slice(-4, -1)) && !/^(?:Jr|Sr)\.$/.test(w))) return false;
  // "MG Rover": a word in capitals is an initialism, not a first name.
  if (words.some((w) => /^\p{Lu}{2,}$/u.test(w))) return false;
  return words.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) && /\p{L}/u.test(w.slice(1) || w));
}

/** Words that end like an agent noun ("landowner", "campaigner") but are not one. */
const notAgentNouns =
  /^(?:after|over|under|never|ever|whether|however|rather|other|another|either|neither|together|former|latter|further|later|earlier|sooner|longer|better|prior|minor|major|favor|favour|behavior|behaviour|error|terror|honor|honour|humor|humour|mirror|corridor|barrier|border|order|power|answer|matter|letter|member|number|paper|partner|water|winter|summer|september|october|november|december|whoever|whenever|wherever|meanwhile)$/;

function introducedHere(text: string, mention: Mention): boolean {
  // The whole word right before the name (split, not a regex anchored at the end: that would go quadratic).
  const from = Math.max(0, mention.start - 30);
  const wordsBefore = text.slice(from, mention.start).split(/\s+/);
  const lastWord = /\s$/.test(text.slice(from, mention.start)) ? wordsBefore.at(-2) : undefined;
  const before = lastWord !== undefined && (wordsBefore.length > 2 || from === 0) && /^\p{Ll}[\p{Ll}-]*$/u.test(lastWord) ? lastWord : undefined;
  // "the official Opposition", "the character Fagin": a role with an article names a thing or a part.
  const article = /(?<!\p{L})(?:the|a|an)\s+\p{Ll}[\p{Ll}-]*\s+$/u.test(text.slice(Math.max(0, mention.start - 40), mention.start));
  if (before && !article && !kinship.test(before) && (titleWords.has(before) || (/^\p{Ll}{4,}(?:er|or|ist|ian)$/u.test(before) && !notAgentNouns.test(before))))
    return true;
  const appositive = /^,\s+((?:\p{Ll}+\s+){0,4}?)(\p{Ll}[\p{Ll}-]*)\b/u.exec(text.slice(mention.end, mention.end + 80));
  if (/^,\s+\d{1,3},/.test(text.slice(mention.end, mention.end + 8))) return true;
  return !!appositive && (appositive[1] === '' || /^(?:a|an|the)\s/.test(appositive[1])) && titleWords.has(appositive[2]);
}

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

/**
 * A name opening its paragraph before a colon: the label of a subhead ("Okafor: Finish second.")
 * or of a transcript's speaker ("Ruiz: Do you ..."), not a reference in the story's prose.
 */
function paragraphLabel(text: string, mention: Mention): boolean {
  const lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, mention.start)) && text[mention.end] === ':';
}

/**
 * A show named after its host, which a guest appears on: "a guest on Fox News Channel's Hannity",
 * "appeared on Okafor", "in an interview on Riverside TV's Okafor". People are not appeared on.
 */
const showLead = /\b(?:guests?|appear(?:s|ed|ing|ance)?|interview(?:ed)?)\s+on\s+(?:[\p{Lu}\d][\p{L}\d.&-]*\s+){0,4}?(?:[\p{Lu}\d][\p{L}\d.&-]*['’]s?\s+)?$/u;

function namesAShow(text: string, mention: Mention): boolean {
  return showLead.test(text.slice(Math.max(0, mention.start - 80), mention.start));
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
  /** Folded surname → the people named in full with it. */
  peopleBySurname: Map<string, Set<Entity>>;
  /** Folded name word → the people whose names use it, for finding near-spellings by deletion keys. */
  peopleByWordKey: Map<string, { entity: Entity; word: string }[]>;
}

/** One pass over every person's mentions, so each lone surname is judged without scanning them all again. */
function indexNames(people: readonly Entity[]): NameIndex {
  const firstFullNameBySurname = new Map<string, number>();
  const peopleBySurname = new Map<string, Set<Entity>>();
  const peopleByWordKey = new Map<string, { entity: Entity; word: string }[]>();
  for (const person of people) {
    for (const m of person.mentions) {
      if (isFullName(m.text)) {
        const surname = bareSurname(m.text);
        firstFullNameBySurname.set(surname, Math.min(firstFullNameBySurname.get(surname) ?? Infinity, m.start));
        (peopleBySurname.get(surname) ?? peopleBySurname.set(surname, new Set()).get(surname)!).add(person);
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
  return { firstFullNameBySurname, peopleBySurname, peopleByWordKey };
}

function notALoneSurname(text: string, mention: Mention, index: NameIndex): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$|^(?:Mc|Mac|O['’]|De|Le)\p{Lu}\p{Ll}+$/u.test(mention.text)) return true;
  if (
    /^(?:He|She|They|It|We|I|You|His|Her|Their|This|That|These|Those|There|Here|Can|Will|But|And|So|Republican|Democrat|Democrats|Republicans|Independent|American|Americans)$/.test(
      mention.text,
    )
  )
    return true;
  // A word the dictionary knows, and not as a name: a country, a common noun or verb (Japan, Love, Rock, Borders).
  const known = lexiconTags(mention.text);
  if (known && !known.some((tag) => /Person|Name|Honorific/.test(tag))) return true;
  const after = text.slice(mention.end, mention.end + 40);
  if (attributiveNouns.test(after)) return true;
  // "Kinsey starring Liam Neeson": a film or a show.
  if (/^\s+(?:starring|featuring|directed\s+by|co-starring)\b/u.test(after)) return true;
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

function surnameAlone(first: Mention, fullReference?: Mention): RuleFinding {
  const fullName = fullReference?.text;
  return {
    start: first.start,
    end: first.end,
    message: fullName
      ? `${first.text} is first named by surname alone; the full name (${fullName}) belongs here, on first reference.`
      : `${first.text} is introduced by surname alone, and the story never gives the full name.`,
    fixes: fullName ? [{ title: `Write ‘${fullName}’`, edits: [{ start: first.start, end: first.end, text: fullName }], preferred: true }] : [],
  };
}
