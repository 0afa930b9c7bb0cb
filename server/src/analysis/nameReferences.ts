// What the name rules (name-variant, first-reference, acronym-first-use,
// inconsistent-alias, unattributed-quote) need on top of the entity engine:
// which mentions count as references in the story's body, whether a mention
// carries a title or role, and how close two spellings of a name are.
//
// The body excludes the headline (headlines use surnames by convention), the
// subheads, bylines, captions, credits and editor's notes around the story, the
// lines of web boilerplate the leftover rule will delete ("More news: ..."),
// and, for judging references, the words inside quotations, which the
// reporter may not change.

import titleTable from './data/titles.json';
import type { Entity, Mention } from './entities';
import { foldName } from './nlp';
import { inSpans, quotedSpans, type Span } from './prose';
import type { RuleContext } from './rule';
import { leftover } from './rules/leftover';

/** Whole lines of web or wire boilerplate: the leftover rule's safe (delete-the-line) findings. */
export function boilerplateSpans(ctx: RuleContext): Span[] {
  return ctx.memo('names.boilerplate', () =>
    leftover
      .check(ctx)
      .filter((f) => f.fixes.some((fix) => fix.safe))
      .map((f) => ({ start: f.start, end: f.end }))
      .sort((a, b) => a.start - b.start),
  );
}

/** Whether an offset is in the headline or in a boilerplate line: not part of the story's body. */
export function outsideBody(ctx: RuleContext, offset: number): boolean {
  // Computed once per analysis: rules ask for every mention, and a draft may have 100,000 paragraphs.
  // The headline and the elements around the story (subheads, bylines, captions, credits, notes, labels).
  const headlines = ctx.memo('names.headlines', () =>
    ctx.draft.paragraphs
      .filter((p) => p.isHeadline || (p.kind !== 'prose' && p.kind !== 'list' && p.kind !== 'blockquote'))
      .map((p) => ({ start: p.start, end: p.end })),
  );
  if (inSpans(headlines, offset)) return true;
  // The first line is the headline even when a subhead follows it without a blank line.
  if (ctx.draft.language !== 'markdown' && offset < ctx.memo('names.firstLineEnd', () => firstLineEnd(ctx.draft.text))) return true;
  return inSpans(boilerplateSpans(ctx), offset);
}

function firstLineEnd(text: string): number {
  const start = text.search(/\S/);
  if (start < 0) return 0;
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/** Whether an offset lies inside a direct quotation (marks included). */
export function insideQuotation(ctx: RuleContext, offset: number): boolean {
  return inSpans(quotedSpans(ctx), offset);
}

/** The entity's mentions in the body, outside quotations, in draft order. */
export function bodyMentions(ctx: RuleContext, entity: Entity): Mention[] {
  return entity.mentions.filter((m) => !outsideBody(ctx, m.start) && !insideQuotation(ctx, m.start));
}

/** A word without the periods and commas that follow it ("Corp.", "Smith,"); a loop, not a regex, so a run of commas stays linear. */
export function withoutTrailingPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && (word[end - 1] === '.' || word[end - 1] === ',')) end--;
  return word.slice(0, end);
}

export function wordsOf(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

// ---------------------------------------------------------------------------
// Titles and roles

export const titleWords = new Set([...titleTable.honorifics, ...titleTable.roles.filter((r) => !r.includes(' '))]);
/** Role nouns that the shared table lacks but political and business copy uses constantly. */
const moreRoleWords = [
  'nominee',
  'hopeful',
  'contender',
  'frontrunner',
  'front-runner',
  'incumbent',
  'challenger',
  'strategist',
  'pollster',
  'operative',
  'consultant',
  'donor',
  'supporter',
  'surrogate',
  'spokesman',
  'spokeswoman',
  'staffer',
  'staff',
  'manager',
  'chair',
  'co-chair',
  'ceo',
  'cfo',
  'founder',
  'cofounder',
  'co-founder',
  'president-elect',
  'vice-president',
  'mogul',
  'host',
  'anchor',
  'commentator',
  'pundit',
  'blogger',
  'contributor',
  'fellow',
  'expert',
  'specialist',
  'student',
  'teacher',
  'resident',
  'voter',
  'delegate',
  'attorney',
  'solicitor',
  'barrister',
  'justice',
  'clerk',
  'sheriff',
  'trooper',
  'agent',
  'director',
  'administrator',
  'councilman',
  'councilwoman',
  'councillor',
  'councilor',
  'alderman',
  'assemblyman',
  'assemblywoman',
  'legislator',
  'lawmaker',
  'republican',
  'democrat',
  'independent',
  'libertarian',
  'conservative',
  'liberal',
  'progressive',
  'leader',
  'member',
  'head',
  'mate',
  'running',
  'nephew',
  'niece',
  'grandson',
  'granddaughter',
  'mom',
  'dad',
  'owner',
  'employee',
  'worker',
  'officer',
  'secretary',
  'economist',
  'scientist',
  'professor',
  'author',
  'writer',
  'reporter',
  'editor',
  'columnist',
  'correspondent',
  'speaker',
  'moderator',
  'native',
  'committeewoman',
  'committeeman',
  'adoptee',
  'survivor',
  'parent',
  'veteran',
  'organizer',
  'protester',
  'attendee',
  'chairman',
  // Professions that introduce a private person as well as a title does.
  'psychotherapist',
  'therapist',
  'psychologist',
  'psychiatrist',
  'physician',
  'doctor',
  'nurse',
  'surgeon',
  'pediatrician',
  'dentist',
  'pharmacist',
  'lawyer',
  'analyst',
  'historian',
  'researcher',
  'activist',
  'actor',
  'actress',
  'filmmaker',
  'producer',
  'comedian',
  'singer',
  'rapper',
  'musician',
  'artist',
  'coach',
  'player',
  'pastor',
  'priest',
  'rabbi',
  'imam',
  'minister',
  'chef',
  'entrepreneur',
  'investor',
  'executive',
  'billionaire',
  'businessman',
  'businesswoman',
  'candidate',
  'farmer',
  'engineer',
  'architect',
  'photographer',
  'journalist',
  'novelist',
  'poet',
  'chairwoman',
  'chairperson',
  'lobbyist',
  'aide',
  'adviser',
  'advisor',
  'official',
  'diplomat',
  'ambassador',
  'envoy',
  'negotiator',
  'prosecutor',
];
for (const w of moreRoleWords) titleWords.add(w);

/** Words that end a role written after a name: "Jane Roe, a spokeswoman for..." / "Jane Roe (R-Texas)". */
const partyTag = /^ ?\( ?[RDI] ?[-–] ?[\p{L}. ]{1,30}\)/u;
const partyAbbreviation = /^,\s*[RDI]\s*[-–]\s*[\p{Lu}][\p{L}.]*/u;

/**
 * Whether a person's mention carries a title or role: a title word among the
 * six words before it in its sentence ("Secretary of State Rex Tillerson",
 * "Trump's running mate, Mike Pence"), an appositive or relative clause after
 * it ("Rachel Ostrowski, a spokeswoman for..."; "..., who heads..."), or a
 * party tag ("(R-Texas)"). Lenient on purpose: copy gives roles in many
 * shapes, and a missed role is a false alarm on every published story.
 */
export function carriesRole(text: string, mention: Mention, entity: Entity): boolean {
  // The six words before the name, back to the sentence start; a period after an
  // abbreviated title ("Gov.", "Sen.") or an initial does not end the sentence.
  const beforeWords: string[] = [];
  for (const word of text
    .slice(Math.max(0, mention.start - 120), mention.start)
    .split(/\s+/)
    .filter(Boolean)
    .reverse()) {
    if (/[.!?]["”’']?$/.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word) && !titleWords.has(bareWord(word)) && beforeWords.length > 0) break;
    beforeWords.push(word);
    if (beforeWords.length === 6) break;
  }
  // The name itself may start with a title the engine kept ("Democrat Hillary Clinton").
  beforeWords.push(wordsOf(mention.text)[0]);
  if (beforeWords.some((w) => titleWords.has(bareWord(w)))) return true;
  const sentenceStart = Math.max(text.lastIndexOf('. ', mention.start - 6), text.lastIndexOf('\n', mention.start), mention.start - 120);
  const after = text.slice(mention.end, mention.end + 160);
  // "said Patricia Moran of Cheyenne", "CNN's Jake Tapper": a hometown or an employer identifies a person.
  const wordBefore =
    text
      .slice(Math.max(0, mention.start - 24), mention.start)
      .trimEnd()
      .split(/\s+/)
      .pop() ?? '';
  if (/^ of \p{Lu}/u.test(after) || /^\p{Lu}[\p{L}&.]*['’]s$/u.test(wordBefore)) return true;
  if (partyTag.test(after) || partyAbbreviation.test(after)) return true;
  const appositive = /^['’]?s?\s*[,(–—-]\s*([^.;:)\n]{0,120})/u.exec(after);
  if (appositive) {
    const clause = appositive[1];
    // "..., who heads...", "..., a South Korean adoptee", "..., the group's treasurer": an appositive says who.
    if (/^(?:who|whom|whose|which|a|an|the|his|her|their|its)\b/i.test(clause)) return true;
    const clauseWords = clause
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 10);
    if (clauseWords.some((w) => titleWords.has(bareWord(w)))) return true;
    // "Jane Roe, 42, of Springfield": an age or hometown introduces a private person.
    if (/^(?:\d{1,3}\b|of\s+\p{Lu}|from\s+\p{Lu})/u.test(clause)) return true;
  }
  // The entity's role, found by the engine anywhere in the same sentence.
  if (entity.role) {
    const sentenceEnd = text.indexOf('. ', mention.end);
    const window = text.slice(Math.max(0, sentenceStart), sentenceEnd < 0 ? text.length : sentenceEnd);
    if (window.includes(entity.role)) return true;
  }
  return false;
}

function bareWord(word: string): string {
  const bare = foldName(word)
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}-]/gu, '');
  // A plural title covers each name it heads: "Sens. Mike Crapo and Jim Risch", "presidents Fox and Calderón".
  return !titleWords.has(bare) && /s$/.test(bare) && titleWords.has(bare.slice(0, -1)) ? bare.slice(0, -1) : bare;
}

// ---------------------------------------------------------------------------
// Spellings

/**
 * Levenshtein distance with adjacent transpositions (optimal string
 * alignment), stopping early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

export type SpellingRelation = 'same' | 'diacritics' | 'case' | 'near' | 'different';

/**
 * How two spellings of one name word relate. 'diacritics' and 'case' are the
 * same letters written differently (Çavuşoğlu / Cavusoglu, NATO / Nato);
 * 'near' is a likely misspelling: one edit in a word of six or more letters
 * (Whitaker / Whittaker, Ostrowski / Ostrowsky).
 * A plural or possessive s, a capital only on the first letter (a sentence
 * start), and short words are never near: Rubio and Rubin are two people.
 */
/** A word with its apostrophes and hyphens in one typographic form. */
const typeset = (word: string) => word.replace(/[’‘`´ʼ]/g, "'").replace(/[‐‑]/g, '-');

export function compareSpellings(a: string, b: string): SpellingRelation {
  if (a === b) return 'same';
  // A straight and a curly apostrophe (O'Neill / O’Neill), or two kinds of hyphen, are one spelling typed two ways.
  if (typeset(a) === typeset(b)) return 'same';
  // A plural and a possessive (Baftas / Bafta's) are two forms of one word, not two spellings.
  if (typeset(a).replace(/'s$/, 's') === typeset(b).replace(/'s$/, 's')) return 'different';
  // Run-together page furniture ("FlagShareLikeReply") and overlong tokens are not names.
  if ([a, b].some((w) => w.length > 20 || (w.match(/(?<=\p{Ll})\p{Lu}/gu) ?? []).length >= 2)) return 'different';
  const foldA = foldName(a);
  const foldB = foldName(b);
  if (foldA === foldB) {
    if (a.toLowerCase() === b.toLowerCase()) {
      // Only the first letter's case differs: "de Gaulle" at a sentence start is "De Gaulle".
      if (a.slice(1) === b.slice(1)) return 'same';
      // A word in capitals is an acronym spelled two ways (NATO / Nato) only when short;
      // "WASHINGTON" is a dateline or a shouted heading.
      const shouted = [a, b].find((w) => !/\p{Ll}/u.test(w));
      return shouted && shouted.length > 5 ? 'same' : 'case';
    }
    return 'diacritics';
  }
  const letters = Math.min(foldA.length, foldB.length);
  if (letters < 6) return 'different';
  if (foldA[0] !== foldB[0]) return 'different';
  // One is the other with an ending: Clinton / Clintons, Israel / Israeli, Associate / Associates.
  if (foldA.startsWith(foldB) || foldB.startsWith(foldA)) return 'different';
  // Acronyms and names with digits are distinct entities when they differ at all (NSA / NASA).
  if (!/\p{Ll}/u.test(a) || !/\p{Ll}/u.test(b) || /\d/.test(a + b)) return 'different';
  return editDistance(foldA, foldB, 1) <= 1 ? 'near' : 'different';
}
