// The story's facts about each person and organization, each with where the
// story states it: the hover shows them, and inconsistent-fact compares them.
//
//   title or role   "Mayor Lena Fortescue", "Ann Park, a spokeswoman for the board"
//   affiliation     "Sen. Ted Cruz (R-Texas)", "Omar Haddad, a Tucson Republican"
//   age             "Varga, 57, ..." and "57-year-old Ilona Varga"
//   description     "Ruiz, who has coached the team since 2009, ..."
//   expansion       "the Federal Bureau of Investigation (FBI)"
//
// Pure: text and entities in, facts out, offsets in UTF-16 units. Only the
// body outside quotations counts: a source's words are not the story's facts.

import titleTable from './data/titles.json';
import { analyzeEntities, type Entity, type Mention } from './entities';
import { bodyMentions } from './nameReferences';
import { foldName } from './nlp';
import type { RuleContext } from './rule';
import { runToEnd, type Steps } from './steps';

export type FactKind = 'title' | 'affiliation' | 'age' | 'description' | 'expansion';

export interface Fact {
  kind: FactKind;
  /** The words as the story gives them ("Mayor", "a Tucson Republican", "57"). */
  text: string;
  /** Range of those words in the draft. */
  start: number;
  end: number;
  /** The mention the fact is attached to. */
  mention: Mention;
  /** "Former Mayor", "then-Sen.": a past title, not the present one. */
  past?: boolean;
  /** For affiliations: the party the words name, R, D, I, L or G, when they name one. */
  party?: string;
}

/** Formal titles and roles written before a name; courtesy titles (Mr., Dr.) are not facts. */
const courtesy = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'messrs',
  'drs',
  'sir',
  'dame',
  'madame',
  'mme',
  'monsieur',
  'herr',
  'frau',
  'senor',
  'señor',
  'senora',
  'señora',
]);
const titleWords = new Set(
  [
    ...titleTable.honorifics,
    ...titleTable.roles.filter((r) => !r.includes(' ')),
    'chair',
    'councilwoman',
    'councilman',
    'councilmember',
    'assemblyman',
    'assemblywoman',
    'delegate',
    'sens',
    'reps',
    'govs',
  ].filter((w) => !courtesy.has(w)),
);
const modifiers = new Set([
  ...titleTable.titleModifiers,
  'former',
  'acting',
  'then',
  'vice',
  'deputy',
  'assistant',
  'associate',
  'lieutenant',
  'lt',
  'attorney',
  'county',
  'city',
  'state',
  'district',
  'presidential',
  'campaign',
  'republican',
  'democratic',
  'democrat',
  'gop',
  'independent',
  'libertarian',
]);
/** Capitalised words that never belong to a title: days, months, sentence openers. */
const notTitle =
  /^(?:The|A|An|On|In|At|And|But|Or|When|After|Before|While|As|Since|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.?$/;
const partyOf: Record<string, string> = {
  r: 'R',
  republican: 'R',
  gop: 'R',
  d: 'D',
  democrat: 'D',
  democratic: 'D',
  i: 'I',
  independent: 'I',
  l: 'L',
  libertarian: 'L',
  g: 'G',
  green: 'G',
};

const bare = (word: string) => foldName(word).replace(/[.,]+$/, '');

/** "Transit Board Chair", "former Mayor", "Republican Sen.": the title phrase right before a mention. */
function titleBefore(text: string, mention: Mention): Fact[] {
  const window = text.slice(Math.max(0, mention.start - 80), mention.start);
  const words = [...window.matchAll(/[\p{L}][\p{L}.'’-]*/gu)];
  // The phrase must touch the name: only spaces between its last word and the mention.
  const last = words.at(-1);
  if (!last || !/^\s+$/.test(window.slice(last.index! + last[0].length))) return [];
  let first = words.length;
  let sawTitle = false;
  for (let k = words.length - 1; k >= 0; k--) {
    const word = words[k][0];
    const folded = bare(word);
    const gap = window.slice(words[k].index! + word.length, k + 1 < words.length ? words[k + 1].index! : window.length);
    if (!/^\s+$/.test(gap) || /\n/.test(gap)) break;
    // Words run together by a web page ("PRESSOhio") are no title.
    if (!/^(?:\p{Lu}?[\p{Ll}.'’-]*|[\p{Lu}.]{1,5})$/u.test(word)) break;
    // A lower-case word and a full stop end the sentence before: "the new national manager. Smith" ("Sen. Ruiz" is a title).
    if (/^\p{Ll}.*\.$/u.test(word)) break;
    const isTitle = titleWords.has(folded);
    if (k === words.length - 1 && !isTitle) return [];
    if (isTitle) sawTitle = true;
    else if (notTitle.test(word)) break;
    else if (!(modifiers.has(folded) || (/^\p{Lu}/u.test(word) && !courtesy.has(folded)))) break;
    first = k;
  }
  // "defender Ana Vell, midfielder Tom Reyes, and striker Ferenc Horvath": a list's "and" opens no title.
  while (first < words.length - 1 && /^(?:and|or|of|the|for)$/.test(words[first][0])) first++;
  if (!sawTitle || first === words.length) return [];
  const from = Math.max(0, mention.start - 80) + words[first].index!;
  const to = Math.max(0, mention.start - 80) + last.index! + last[0].length;
  const phrase = text.slice(from, to);
  const facts: Fact[] = [{ kind: 'title', text: phrase, start: from, end: to, mention, past: /\b(?:former|then|ex|onetime|late)\b/i.test(phrase) }];
  const party = /^(Republican|Democratic|Democrat|GOP|Independent|Libertarian)\b/.exec(phrase);
  if (party) facts.push({ kind: 'affiliation', text: party[1], start: from, end: from + party[1].length, mention, party: partyOf[party[1].toLowerCase()] });
  return facts;
}

/** What follows a mention: "(R-Texas)", ", 57,", ", a Tucson Republican,", ", who has coached the team since 2009,". */
function factsAfter(text: string, mention: Mention, type: Entity['type']): Fact[] {
  const after = text.slice(mention.end, Math.min(text.length, mention.end + 160));
  const facts: Fact[] = [];
  const bracket = /^\s*\((?:([RDILG])|(Rep|Dem|Ind))\s*[-–]\s*([\p{L}. ]{2,16})\)/u.exec(after);
  if (bracket && type === 'person') {
    const start = mention.end + after.indexOf('(') + 1;
    const inner = bracket[0].slice(bracket[0].indexOf('(') + 1, -1);
    facts.push({ kind: 'affiliation', text: inner, start, end: start + inner.length, mention, party: (bracket[1] ?? bracket[2][0]).toUpperCase() });
    return facts;
  }
  const comma = /^,\s+/.exec(after);
  if (!comma) return facts;
  let rest = after.slice(comma[0].length);
  let at = mention.end + comma[0].length;
  const age = /^(\d{1,3})(?=,|\s+(?:and|said|says|of|from|who)\b|\.\s|\.$)/.exec(rest);
  if (age && type === 'person' && Number(age[1]) > 0 && Number(age[1]) < 120) {
    facts.push({ kind: 'age', text: age[1], start: at, end: at + age[1].length, mention });
    // "Varga, 57, a Tucson Republican,": an appositive may follow the age.
    const next = /^,\s+/.exec(rest.slice(age[1].length));
    if (!next) return facts;
    at += age[1].length + next[0].length;
    rest = rest.slice(age[1].length + next[0].length);
  }
  // An appositive runs to the next comma, semicolon, dash, bracket or sentence end.
  const appositive = /^(?:(?:a|an|the|his|her|its|their)\s+|who\s+|whose\s+|which\s+)[^,;:()“”"—–]{2,110}?(?=,|;|\s[—–]|\.(?:\s|$)|\)|$)/u.exec(rest);
  if (!appositive || /\n/.test(appositive[0])) return facts;
  // "Called the Marlin Association, the alliance will define": an auxiliary or "said" after the noun makes a clause
  // ("a Miami lawyer who has been involved" is an appositive: the verb is its relative clause's).
  if (
    /^(?:a|an|the|his|her|its|their)\s+(?:(?!(?:who|whom|whose|which|that)\s)[\p{L}-]+\s+){1,3}?(?:also\s+)?(?:will|would|has|have|had|is|are|was|were|can|could|should|must|said|says|told|added)\b/u.test(
      appositive[0],
    )
  )
    return facts;
  const phrase = appositive[0].trim();
  const end = at + phrase.length;
  const party = /^an?\s+(?:[\p{L}.-]+\s+){0,3}?(Republican|Democrat|Independent|Libertarian)(?:\s+from\s+[\p{Lu}][\p{L}. ]+)?$/u.exec(phrase);
  if (party && type === 'person')
    facts.push({ kind: 'affiliation', text: phrase, start: at, end, mention, party: partyOf[party[1].toLowerCase()], past: /\bformer\b/.test(phrase) });
  else if (/^(?:who|whose|which)\b/.test(phrase)) facts.push({ kind: 'description', text: phrase, start: at, end, mention });
  else if (phrase.split(/\s+/).some((w) => titleWords.has(bare(w))))
    facts.push({ kind: 'title', text: phrase, start: at, end, mention, past: /\b(?:former|then|ex|onetime)\b/.test(phrase) });
  else facts.push({ kind: 'description', text: phrase, start: at, end, mention });
  return facts;
}

/**
 * A title the name's range swallowed ("Councilwoman Lena Fortescue" taken as
 * one name): the leading title words, when a name of two words remains.
 */
function leadingTitle(mention: Mention): string | undefined {
  const words = mention.text.split(/\s+/);
  let k = 0;
  while (k < words.length && titleWords.has(bare(words[k])) && /^\p{Lu}/u.test(words[k])) k++;
  return k > 0 && words.length - k >= 2 ? words.slice(0, k).join(' ') : undefined;
}

/** The name without a title it swallowed: what two mentions of one person share. */
export function nameWithoutTitle(name: string): string {
  const words = name.split(/\s+/);
  let k = 0;
  while (k < words.length - 2 && titleWords.has(bare(words[k])) && /^\p{Lu}/u.test(words[k])) k++;
  return words.slice(k).join(' ');
}

/** "57-year-old Ilona Varga": an age before the name. */
function ageBefore(text: string, mention: Mention): Fact | undefined {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  const age = /(\d{1,3})-year-old\s+(?:[\p{L}.-]+\s+){0,3}$/u.exec(before);
  if (!age) return undefined;
  const start = mention.start - before.length + age.index!;
  return { kind: 'age', text: age[1], start, end: start + age[1].length, mention };
}

/** "the Federal Bureau of Investigation (FBI)": the expansion an acronym is given. */
function expansionOf(text: string, entity: Entity): Fact[] {
  const facts: Fact[] = [];
  for (const mention of entity.mentions) {
    const acronym = /^\s*\((\p{Lu}[\p{Lu}&.]{1,9})\)/u.exec(text.slice(mention.end, mention.end + 14));
    if (acronym && mention.text.includes(' ') && couldAbbreviate(acronym[1], mention.text))
      facts.push({ kind: 'expansion', text: mention.text, start: mention.start, end: mention.end, mention });
  }
  return facts;
}

/**
 * Whether the letters in brackets can stand for the name before them: the name
 * starts with the acronym's first letter. A team sheet's "J Smit (SA)" or a
 * name with its country is not an acronym's expansion, however it was tagged.
 */
function couldAbbreviate(acronym: string, name: string): boolean {
  return name.replace(/^(?:the|The)\s+/, '')[0] === acronym[0];
}

/** The facts the story states about one entity, in draft order. */
export function factsOf(ctx: RuleContext, entity: Entity): Fact[] {
  const text = ctx.draft.text;
  const facts: Fact[] = [];
  for (const mention of bodyMentions(ctx, entity)) {
    if (entity.type === 'person') {
      const inside = leadingTitle(mention);
      if (inside) facts.push({ kind: 'title', text: inside, start: mention.start, end: mention.start + inside.length, mention, past: false });
      else facts.push(...titleBefore(text, mention));
      const age = ageBefore(text, mention);
      if (age) facts.push(age);
    }
    facts.push(...factsAfter(text, mention, entity.type));
  }
  if (entity.type === 'organization') facts.push(...expansionOf(text, entity));
  return facts.sort((a, b) => a.start - b.start);
}

/** Every entity's facts, computed once per analysis. */
export function analyzeFacts(ctx: RuleContext): Map<Entity, Fact[]> {
  return ctx.memo('facts', () => runToEnd(factSteps(ctx)));
}

/** analyzeFacts in steps of a few dozen entities (a 100,000-word draft names thousands). */
export function* factSteps(ctx: RuleContext): Steps<Map<Entity, Fact[]>> {
  if (ctx.memoized('facts')) return analyzeFacts(ctx);
  const facts = new Map<Entity, Fact[]>();
  const { entities } = analyzeEntities(ctx);
  for (let i = 0; i < entities.length; i++) {
    facts.set(entities[i], factsOf(ctx, entities[i]));
    if (i % 25 === 24) yield;
  }
  return ctx.memo('facts', () => facts);
}
