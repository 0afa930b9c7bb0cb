// name-variant — one person or organization spelled two ways in a story.
//
// Bad:  Jane Whitaker, the city's treasurer, ... Whittaker said the fund ...
//       Turkish Foreign Minister Mevlüt Çavuşoğlu ... Cavusoglu said ...
//       NATO ministers met ... Nato said ...
//       (with "Rachel Ostrowski" on the newsroom style sheet) Ostrowsky said ...
// Bad:  Dana Whitcombe ... Whitcomb added ...        Ruth Blair ... Bleir said ...
// Good: Bill Clinton ... Hillary Clinton            (two people, one surname)
//       Marco Rubio ... Robert Rubin                 (short names differ by one letter and are different people)
//       Ben Carson ... Tucker Carlson                (two full names with different first names)
//       de Gaulle ... "De Gaulle said" at a sentence start
//       Donald Trump ... "TRUMP: We will win" (a transcript's speaker in capitals)
//       "I still carry my Minidisc" ... "My favourite is the MiniDisc"   (readers' comments keep their spelling)
//       bronze in Greece ... Maurice Greene           (two words the dictionary knows: two names)
//       Richie Byrne ... "Duff, Ritchie, Archibald"   (a name alone is a surname, not a misspelt first name)
//
// Spellings are compared word by word: the same letters with other
// diacritics or other capitals, or one edit apart in a word of six letters or
// more; also a dropped final "e" (Whitcomb / Whitcombe) and one inner letter
// in a five-letter name when the slip is no word (Blair / Bleir). Words are compared within one entity
// (the engine merges diacritic variants into one) and across entities of the
// same kind (it keeps near-spellings apart), and against the newsroom's style
// sheet (.copydesk/names.yaml), whose spelling is canonical. Without a sheet
// entry the canonical spelling is the one the story uses clearly more often
// (three times or more, and twice as often as the other), else the one of the
// first full reference in the body (from the lede on: an archive's abstract
// before "FULL TEXT" is not the story), else the first one used.
//
// Each finding offers "Write X" for that occurrence and "Spell every V as X"
// for all of them; neither is marked safe, as the first full reference may be
// the misspelled one.
//
// Across drafts (options.workspaceNames, filled by the server from the
// workspace index): a full name spelled here unlike in another draft, with
// its other words the same ("Dana Whitcombe" here, "Dana Whitcomb" in
// zoning-vote.md), is reported as "spelt Whitcomb in zoning-vote.md". Neither
// draft is known to be right, so the fixes offer either spelling: this draft
// takes the other's, or the other draft takes this one's. A surname alone is
// not compared across drafts.

import type { Entity } from '../entities';
import { analyzeEntities } from '../entities';
import { honorifics } from '../entities/tables';
import { ledeOf } from '../draft';
import { compareSpellings, editDistance, insideQuotation, outsideBody, withoutTrailingPunctuation, wordsOf, type SpellingRelation } from '../nameReferences';
import { foldName, lexiconTags } from '../nlp';
import { quotedSpans } from '../prose';
import { inSteps, type Rule, type RuleContext } from '../rule';
import { partitionPoint } from '../sorted';
import type { Steps } from '../steps';
import type { StyleSheet, StyleSheetEntry } from '../styleSheet';
import type { Fix, RuleFinding } from '../types';
import type { CrossDraftSpelling, WorkspaceNames } from '../workspace/names';
import { draftName } from '../workspace/uris';

/** One word of a name as written in the draft. */
interface NameWord {
  text: string;
  start: number;
  end: number;
  entity: Entity;
  /** The mention this word belongs to has two or more words (a full reference). */
  inFullName: boolean;
  /** Index of the word in its mention, and the mention's words. */
  position: number;
  mentionWords: string[];
  inBody: boolean;
}

/** The words of every name in the draft, and the unrecognised slips of a surname, in order, in steps: a 100,000-word draft has tens of thousands of name mentions. */
function* nameWordSteps(ctx: RuleContext): Steps<NameWord[]> {
  const result: NameWord[] = [];
  let mentionsRead = 0;
  for (const entity of analyzeEntities(ctx).entities) {
    if ((mentionsRead += entity.mentions.length) > 200) {
      mentionsRead = 0;
      yield;
    }
    for (const mention of entity.mentions) {
      const words = wordsOf(mention.text);
      let from = 0;
      words.forEach((word, position) => {
        const at = mention.text.indexOf(word, from);
        from = at + word.length;
        const clean = withoutTrailingPunctuation(word);
        if (!/\p{L}{2}/u.test(clean)) return; // initials and particles carry no spelling
        if (inShoutedText(ctx.draft.prose, mention.start + at, clean)) return;
        // A person's name in capitals is a transcript's speaker ("TRUMP: The deaths of...") or a shout, never an acronym.
        if (entity.type === 'person' && !/\p{Ll}/u.test(clean)) return;
        result.push({
          text: clean,
          start: mention.start + at,
          end: mention.start + at + clean.length,
          entity,
          inFullName: words.length > 1,
          position,
          mentionWords: words,
          inBody: !outsideBody(ctx, mention.start),
        });
      });
    }
  }
  yield* addUnrecognisedSurnames(ctx, result);
  return result.sort((a, b) => a.start - b.start);
}

/**
 * A word in capitals beside other words in capitals ("FORT PIERCE, Fla." in a
 * dateline, "OBAMA'S LAST STATE OF THE UNION" in a heading) is shouted, not
 * spelled: it says nothing about how the story spells the name.
 */
/** The run of letters at the end of a text (a loop: a regex anchored at the end would go quadratic). */
function lastLetters(text: string): string | undefined {
  let i = text.length;
  while (i > 0 && /\p{L}/u.test(text[i - 1])) i--;
  return i < text.length ? text.slice(i) : undefined;
}

function inShoutedText(prose: string, start: number, word: string): boolean {
  if (/\p{Ll}/u.test(word)) return false;
  const before = lastLetters(prose.slice(Math.max(0, start - 30), start).replace(/[.'’]?[\s,]{1,3}$/u, ''));
  // After it: "OBAMA’S LAST", "FARGO, N.D. —", "ST. LOUIS".
  const after = /^(?:['’][sS])?[.\s,]{1,3}(\p{Lu}[\p{Lu}.]*)/u.exec(prose.slice(start + word.length, start + word.length + 30))?.[1];
  if (after !== undefined && (after.length >= 2 || prose[start + word.length + after.length + 2] === '.')) return true;
  return before !== undefined && before.length >= 2 && !/\p{Ll}/u.test(before);
}

/**
 * compareSpellings, widened for two slips it leaves out because elsewhere
 * they are usually two words:
 * - a dropped or added final "e" (Whitcomb / Whitcombe, Clark / Clarke): in
 *   one story two spellings of a name this close are a slip far more often than
 *   two people, and "e" is no English ending of plural or demonym;
 * - one inner letter changed in a name of five letters (Blair / Bleir), when
 *   one of the two is no word the lexicon knows: a slip seldom makes a real
 *   word, and two real short names one letter apart (Green / Greer) stay apart.
 */
function nameRelation(a: string, b: string): SpellingRelation {
  const relation = compareSpellings(a, b);
  if (relation !== 'different') return relation;
  if (!/^\p{Lu}\p{Ll}+$/u.test(a) || !/^\p{Lu}\p{Ll}+$/u.test(b)) return relation;
  const [shorter, longer] = a.length < b.length ? [foldName(a), foldName(b)] : [foldName(b), foldName(a)];
  if (shorter.length < 5 || shorter[0] !== longer[0]) return relation;
  if (longer === `${shorter}e`) return 'near';
  const oneUnknown = lexiconTags(a) === undefined || lexiconTags(b) === undefined;
  // The last letter of a short word carries its inflection (Scots / Scott): the slip must fall inside.
  const sameEnds = shorter.at(-1) === longer.at(-1);
  if (shorter.length === 5 && longer.length === 5 && sameEnds && oneUnknown && editDistance(shorter, longer, 1) <= 1) return 'near';
  return relation;
}

/** Whether the text before a word ends in a capitalised word of a longer name: not a title, an initial or a sentence's first word. */
function endsInNameWord(before: string): boolean {
  // An initial is the same person's ("A Tuiliagi" beside "H Tuilagi"), no other name.
  const previous = /(^|[^\p{L}\p{N}'’.-])(\p{Lu}[\p{L}'’-]+) $/u.exec(before);
  if (!previous || honorifics.has(foldName(previous[2]))) return false;
  const opening = before.slice(0, previous.index + previous[1].length);
  return !opensSentenceAtEnd(opening);
}

/**
 * Whether text ends where a sentence or a line opens: nothing, a sentence's punctuation or an opening quotation
 * mark and any spaces, or a line break and any spaces. Read from the trimmed end, since a pattern ending in
 * `\s*$` scans a long run of spaces once from each of its characters.
 */
function opensSentenceAtEnd(text: string): boolean {
  if (text === '') return true;
  const trimmed = text.trimEnd();
  if (text.slice(trimmed.length).includes('\n')) return true;
  return /[.!?:"“‘(]$/u.test(trimmed);
}

/**
 * A misspelled surname is often one the engine did not recognise at all
 * ("Ostrowsky said" after "Rachel Ostrowski"): capitalised words outside any
 * mention that are one edit or a diacritic away from a person's surname join
 * that person's words.
 */
function* addUnrecognisedSurnames(ctx: RuleContext, result: NameWord[]): Steps<void> {
  const surnames = new Map<string, NameWord>();
  for (const w of result) {
    if (w.entity.type !== 'person' || w.text.length < 5) continue;
    // A surname of a full name, or of a person the story names by surname alone at least twice.
    const surname = w.inFullName ? w.position === w.mentionWords.length - 1 : w.entity.mentions.length >= 2;
    if (surname) for (const key of deletionKeys(foldName(w.text))) if (!surnames.has(key) || w.inFullName) surnames.set(key, w);
  }
  if (surnames.size === 0) return;
  const insideNameWord = nameWordLookup(result);
  let read = 0;
  for (const m of ctx.draft.prose.matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}[\p{L}'’-]{3,}(?![\p{L}\p{N}])/gu)) {
    if (++read % 1000 === 0) yield;
    const start = m.index!;
    if (insideNameWord(start)) continue;
    // A capitalised word next is the rest of a longer name the engine did not read (Upton Park), no lone surname.
    if (/^\s\p{Lu}/u.test(ctx.draft.prose.slice(start + m[0].length, start + m[0].length + 2))) continue;
    // So is a capitalised word before it inside a sentence, a title apart: "American Beauty" is a film, not Beatty misspelt.
    if (endsInNameWord(ctx.draft.prose.slice(Math.max(0, start - 40), start))) continue;
    const word = m[0].replace(/['’]s?$/, '');
    for (const key of deletionKeys(foldName(word))) {
      const owner = surnames.get(key);
      if (!owner) continue;
      const relation = nameRelation(word, owner.text);
      if (relation === 'same' || relation === 'different') continue;
      // Without a full name to go by, only a word that is no word at all is taken for a slip (Fornes for Forbes).
      if (!owner.inFullName && lexiconTags(word) !== undefined) continue;
      result.push({
        text: word,
        start,
        end: start + word.length,
        entity: owner.entity,
        inFullName: false,
        position: 0,
        mentionWords: [word],
        inBody: !outsideBody(ctx, start),
      });
      break;
    }
  }
}

/**
 * Whether an offset falls inside one of the words: a binary search over their
 * starts (a scan per capitalised word was quadratic in a long draft).
 */
function nameWordLookup(words: readonly NameWord[]): (offset: number) => boolean {
  const spans = words.map((w) => [w.start, w.end] as const).sort((a, b) => a[0] - b[0]);
  // The furthest end among the spans up to each index, so that overlapping spans are still seen.
  const reach: number[] = [];
  spans.forEach(([, end], i) => reach.push(Math.max(end, reach[i - 1] ?? end)));
  return (offset) => {
    const after = partitionPoint(spans.length, (i) => spans[i][0] <= offset);
    return after > 0 && offset < reach[after - 1];
  };
}

/**
 * Whether two words from different entities could name the same one. Two
 * people whose full names give different first names are two people (Ben
 * Carson, Tucker Carlson); a person and an organization never are one.
 */
function couldBeOneEntity(a: NameWord, b: NameWord, entitiesByWord: ReadonlyMap<string, ReadonlySet<Entity>>): boolean {
  if (a.entity === b.entity) return true;
  if (a.entity.type !== b.entity.type && !oneOffBesidePerson(a.entity, b.entity) && !oneOffBesidePerson(b.entity, a.entity)) return false;
  if (a.entity.type === 'person') {
    const namesA = firstNamesOf(a.entity);
    const namesB = firstNamesOf(b.entity);
    if (namesA.size > 0 && namesB.size > 0 && ![...namesA].some((n) => [...namesB].some((m) => n === m || compareSpellings(n, m) !== 'different')))
      return false;
  }
  // A third entity of the same kind spelled exactly like one of them settles it as a real name of
  // its own, unless it is that one written otherwise (M Stevens in a team sheet, Matt Stevens in
  // the report). A company named after a person (Shanda, Shanda Interactive) settles nothing.
  const third = (word: string, owner: Entity) =>
    [...(entitiesByWord.get(word) ?? [])].some((e) => e !== a.entity && e !== b.entity && e.type === owner.type && !samePersonWritten(e, owner));
  return !third(a.text, a.entity) && !third(b.text, b.entity);
}

/** The first words of an entity's full-name mentions (Matt of Matt Stevens), folded. */
function firstNamesOf(entity: Entity): Set<string> {
  return new Set(
    entity.mentions
      .map((m) => wordsOf(m.text))
      .filter((w) => w.length > 1)
      .map((w) => foldName(w[0])),
  );
}

/**
 * Whether two person entities are one person the engine kept apart: the same
 * surname and first names that agree, in full or by initial (M Stevens in a
 * team sheet and Matt Stevens in the report; Loretta Lynch and Loretta E. Lynch).
 */
function samePersonWritten(one: Entity, other: Entity): boolean {
  if (one.type !== 'person' || other.type !== 'person') return false;
  const surname = (e: Entity) => foldName(withoutTrailingPunctuation(wordsOf(e.name).at(-1) ?? ''));
  if (surname(one) !== surname(other)) return false;
  const initialOrName = (a: string, b: string) => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
  const namesOther = [...firstNamesOf(other)];
  return [...firstNamesOf(one)].some((a) => namesOther.some((b) => initialOrName(a.replace(/\.$/, ''), b.replace(/\.$/, ''))));
}

/**
 * Whether `oneOff`, named once by one word and typed other than a person, is
 * more likely a misspelling of `person`'s name, used at least twice: the
 * type the engine gives a word it meets once is weak evidence ("Charvos has
 * missed" read as an organization after "Colin Charvis").
 */
function oneOffBesidePerson(oneOff: Entity, person: Entity): boolean {
  return person.type === 'person' && person.mentions.length >= 2 && oneOff.mentions.length === 1 && wordsOf(oneOff.mentions[0].text).length === 1;
}

/**
 * Whether one spelling is only ever a word on its own and the other only ever
 * the first name of a full name: a name standing alone in news copy is a
 * surname (or a mononym), so it is another name, not a misspelt first name
 * ("Bullock, Duff, Ritchie" in a line-up; "Richie Byrne's header").
 */
function aloneBesideFirstName(alone: readonly NameWord[], firstNames: readonly NameWord[]): boolean {
  if (![...alone, ...firstNames].every((w) => w.entity.type === 'person')) return false; // "Atletico Madrid" is no first name
  return alone.every((w) => !w.inFullName) && firstNames.every((w) => w.inFullName && w.position < w.mentionWords.length - 1);
}

/**
 * Whether two spellings one letter apart are both words the NLP lexicon knows,
 * and so two names rather than one misspelt: a country and a surname (Greece,
 * Greene), two towns (Boston, Bolton), two common words (Analysts, Analysis),
 * two first names (Jenifer, Jennifer). A slip rarely makes another real word.
 * Two surnames are left to the other checks: Thompson for Thomson is a common slip.
 */
function twoDictionaryNames(a: string, b: string): boolean {
  const tagsA = lexiconTags(a);
  const tagsB = lexiconTags(b);
  if (!tagsA || !tagsB) return false;
  return !(tagsA.includes('LastName') && tagsB.includes('LastName'));
}

/**
 * Two words of one stem with endings of their own: an idea and its followers (Socialism, Socialist),
 * a place and its people (Tunisia, Tunisian). Two words, never two spellings of one name.
 */
const derivedEnding = /(?:isms?|ists?|istic|ians?|ia)$/;
function sameStemOtherEnding(a: string, b: string): boolean {
  const foldedA = foldName(a);
  const foldedB = foldName(b);
  const endingA = derivedEnding.exec(foldedA);
  const endingB = derivedEnding.exec(foldedB);
  if (!endingA || !endingB || endingA[0] === endingB[0]) return false;
  return foldedA.slice(0, endingA.index) === foldedB.slice(0, endingB.index);
}

function sameSurname(a: NameWord, b: NameWord): boolean {
  if (!a.inFullName || !b.inFullName) return false;
  return compareSpellings(a.mentionWords.at(-1)!, b.mentionWords.at(-1)!) !== 'different';
}

/**
 * The style-sheet spelling that a word is a variant of, if any. When both the
 * mention and the entry give a first name, those must agree too: the sheet's
 * "Ben Carson" says nothing about Tucker Carlson.
 */
function sheetSpelling(sheet: StyleSheet | undefined, word: NameWord): { spelling: string; entry: StyleSheetEntry } | undefined {
  if (!sheet || sheet.entries.length === 0) return undefined;
  const index = sheetWordIndex(sheet);
  let best: { spelling: string; entry: StyleSheetEntry } | undefined;
  for (const key of deletionKeys(foldName(word.text))) {
    for (const candidate of index.get(key) ?? []) {
      if (candidate.entry.type !== word.entity.type) continue;
      const relation = compareSpellings(word.text, candidate.spelling);
      if (relation === 'same') return undefined; // the sheet spells it this way
      if (relation === 'different' || best) continue;
      const entryWords = wordsOf(candidate.entry.name);
      if (word.inFullName && word.position > 0 && entryWords.length > 1 && compareSpellings(word.mentionWords[0], entryWords[0]) === 'different') continue;
      best = candidate;
    }
  }
  return best;
}

// The sheet's name words, indexed by every single-letter deletion of their
// folded form: two words one edit apart share a key, so a sheet of tens of
// thousands of names is searched without comparing each.
const sheetIndexes = new WeakMap<StyleSheet, Map<string, { spelling: string; entry: StyleSheetEntry }[]>>();

function deletionKeys(fold: string): string[] {
  const keys = [fold];
  for (let i = 0; i < fold.length; i++) keys.push(fold.slice(0, i) + fold.slice(i + 1));
  return keys;
}

/** The style-sheet entry whose spelling a single name word is close to (for hovers); undefined when none or exact. */
export function closeSheetEntry(sheet: StyleSheet | undefined, word: string, type: StyleSheetEntry['type']): StyleSheetEntry | undefined {
  if (!sheet || !/\p{L}{2}/u.test(word)) return undefined;
  for (const key of deletionKeys(foldName(word))) {
    for (const candidate of sheetWordIndex(sheet).get(key) ?? []) {
      if (candidate.entry.type === type && !['same', 'different'].includes(compareSpellings(word, candidate.spelling))) return candidate.entry;
    }
  }
  return undefined;
}

function sheetWordIndex(sheet: StyleSheet): Map<string, { spelling: string; entry: StyleSheetEntry }[]> {
  let index = sheetIndexes.get(sheet);
  if (index) return index;
  index = new Map();
  for (const entry of sheet.entries) {
    for (const name of [entry.name, ...entry.aliases]) {
      for (const spelling of wordsOf(name)) {
        if (!/\p{L}{2}/u.test(spelling)) continue;
        for (const key of deletionKeys(foldName(spelling))) {
          const list = index.get(key) ?? [];
          list.push({ spelling, entry });
          index.set(key, list);
        }
      }
    }
  }
  sheetIndexes.set(sheet, index);
  return index;
}

/** "I" before a word in lower case ("I avoid", not "World War I"), I'm, I've, my, me, myself. */
const firstPersonSingular = /(?<![\p{L}'’])(?:I(?=\s+\p{Ll})|I['’](?:m|ve|d|ll)|my|me|myself)(?![\p{L}'’])/u;
/** A post's credit: a paragraph that is a handle, or a paragraph ending with one ("... exempt. @jdoe"). */
const handleCredit = /(?:^|[\s—–-])@\w+\.?\s*$/u;

/**
 * Whether an offset is in words the story prints as someone else's without
 * quotation marks: a paragraph in the first person singular (a reader's
 * comment appended to a story, a letter) or a post credited to a handle on
 * its own line or at its end. Like a quotation, it keeps its writer's spelling.
 */
function inReadersWords(ctx: RuleContext, offset: number): boolean {
  const { paragraphs, prose } = ctx.draft;
  const at = paragraphs.findIndex((p) => p.start <= offset && offset < p.end);
  if (at < 0) return false;
  const paragraph = paragraphs[at];
  let ownWords = '';
  let from = paragraph.start;
  for (const q of quotedSpans(ctx)) {
    if (q.end <= paragraph.start || q.start >= paragraph.end) continue;
    ownWords += `${prose.slice(from, Math.max(from, q.start))} `;
    from = Math.max(from, q.end);
  }
  ownWords += prose.slice(from, paragraph.end);
  if (firstPersonSingular.test(ownWords) || handleCredit.test(ownWords)) return true;
  const next = paragraphs[at + 1];
  return next !== undefined && /^\s*@\w+\.?\s*$/u.test(next.text);
}

/** Every use of a spelling as a whole word, recognised as a mention or not. */
function wholeWord(spelling: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * Whether the first spelling is the story's own by use (true), the second
 * (false), or neither clearly (undefined): a name written one way three times
 * or more, and at least twice as often as the other way, is the reporter's
 * spelling, and the rare one the slip, even in the first full reference.
 * A slipped shift key ("HIllary") is never preferred.
 */
function moreUsed(usesA: number, usesB: number, a: string, b: string): boolean | undefined {
  if ([a, b].some((s) => /^\p{Lu}{2}\p{Ll}/u.test(s))) return undefined;
  if (usesA >= 3 && usesA >= 2 * usesB) return true;
  if (usesB >= 3 && usesB >= 2 * usesA) return false;
  return undefined;
}

function fixesFor(ctx: RuleContext, variant: string, canonical: string, occurrences: readonly NameWord[], here: NameWord): Fix[] {
  const fixes: Fix[] = [{ title: `Write ‘${canonical}’`, edits: [{ start: here.start, end: here.end, text: canonical }], preferred: true }];
  // Every occurrence of the variant as a whole word, recognised as a mention or not
  // (a possessive or a headline mention the engine skipped is still the same misspelling).
  const edits = [];
  for (const m of ctx.draft.prose.matchAll(wholeWord(variant))) edits.push({ start: m.index!, end: m.index! + variant.length, text: canonical });
  if (edits.length > 1 || occurrences.length > 1) fixes.push({ title: `Spell every ‘${variant}’ as ‘${canonical}’`, edits });
  return fixes;
}

export const nameVariant: Rule = {
  id: 'name-variant',
  description: 'One person or organization spelled two ways in a story (Whitaker/Whittaker, Çavuşoğlu/Cavusoglu), or unlike the newsroom style sheet.',
  defaultSeverity: 'hint',
  cost: 'nlp',
  ...inSteps('name-variant', function* (ctx) {
    const words = yield* nameWordSteps(ctx);
    const findings: RuleFinding[] = [];
    const sheet = ctx.options.styleSheet;

    // Group the words by spelling; each spelling is judged once, at its first occurrence.
    const bySpelling = new Map<string, NameWord[]>();
    for (const w of words) (bySpelling.get(w.text) ?? bySpelling.set(w.text, []).get(w.text)!).push(w);
    const spellingsByKey = new Map<string, string[]>();
    for (const spelling of bySpelling.keys()) {
      for (const key of deletionKeys(foldName(spelling))) (spellingsByKey.get(key) ?? spellingsByKey.set(key, []).get(key)!).push(spelling);
    }
    const entitiesByWord = new Map<string, Set<Entity>>();
    for (const w of words)
      if (w.inFullName || w.entity.mentions.length > 0) (entitiesByWord.get(w.text) ?? entitiesByWord.set(w.text, new Set()).get(w.text)!).add(w.entity);

    // The canonical spelling among a family of variants: the style sheet's,
    // else the one in the first full reference in the body, else the first used.
    // A slipped shift key ("HIllary") is never the canonical spelling, however early it comes.
    // The body starts at the lede: an archive's abstract before "FULL TEXT" is someone else's summary.
    const storyStart = ledeOf(ctx.draft)?.start ?? 0;
    const inStory = (w: NameWord) => w.inBody && w.start >= storyStart;
    const rank = (w: NameWord) => (/^\p{Lu}{2}\p{Ll}/u.test(w.text) ? 3 : inStory(w) && w.inFullName ? 0 : inStory(w) ? 1 : 2) * 1e12 + w.start;
    const decided = new Map<string, { canonical: string; entry?: StyleSheetEntry }>();
    const uses = new Map<string, number>();
    const usesOf = (spelling: string) => uses.get(spelling) ?? uses.set(spelling, [...ctx.draft.prose.matchAll(wholeWord(spelling))].length).get(spelling)!;

    let judged = 0;
    for (const [spelling, occurrences] of bySpelling) {
      if (++judged % 200 === 0) yield;
      const first = occurrences[0];
      const fromSheet = sheetSpelling(sheet, first);
      if (fromSheet) {
        decided.set(spelling, { canonical: fromSheet.spelling, entry: fromSheet.entry });
        continue;
      }
      // Candidates one edit or a diacritic away share a deletion key: no comparison of every pair.
      const candidates = new Set<string>();
      for (const key of deletionKeys(foldName(spelling))) for (const other of spellingsByKey.get(key) ?? []) candidates.add(other);
      for (const other of candidates) {
        if (other === spelling) continue;
        const otherOccurrences = bySpelling.get(other)!;
        const relation = nameRelation(spelling, other);
        if (relation === 'same' || relation === 'different') continue;
        // The other spelling as a name of the same kind where it is one (Okafor the founder, not Okafor Holdings).
        const counterpart = otherOccurrences.find((w) => w.entity.type === first.entity.type) ?? otherOccurrences[0];
        if (!couldBeOneEntity(first, counterpart, entitiesByWord)) continue;
        // Same word position in its name: a first name is not a variant of a surname.
        const lastA = first.position === first.mentionWords.length - 1;
        const lastB = counterpart.position === counterpart.mentionWords.length - 1;
        if (lastA !== lastB && first.inFullName && counterpart.inFullName) continue;
        // A first name is a variant only beside the same surname: Michele Bachmann is not Michelle Obama.
        if (!lastA && !sameSurname(first, counterpart)) continue;
        if (aloneBesideFirstName(occurrences, otherOccurrences) || aloneBesideFirstName(otherOccurrences, occurrences)) continue;
        if (relation === 'near' && twoDictionaryNames(spelling, other) && !(!lastA && sameSurname(first, counterpart))) continue;
        if (relation === 'near' && sameStemOtherEnding(spelling, other)) continue;
        const byUse = moreUsed(usesOf(other), usesOf(spelling), other, spelling);
        const otherIsCanonical = byUse ?? Math.min(...otherOccurrences.map(rank)) < Math.min(...occurrences.map(rank));
        if (otherIsCanonical && !decided.has(spelling)) decided.set(spelling, { canonical: other });
      }
    }

    if (ctx.options.workspaceNames) findings.push(...crossDraftFindings(ctx, ctx.options.workspaceNames, bySpelling, decided));

    for (const [variant, { canonical, entry }] of decided) {
      yield;
      const occurrences = bySpelling.get(variant)!;
      for (const here of occurrences) {
        // A source's or a reader's words (a tweet, a chant, a letter) keep their own spelling.
        if (insideQuotation(ctx, here.start) || inReadersWords(ctx, here.start)) continue;
        const message = entry
          ? `‘${variant}’ differs from the style sheet's spelling ‘${canonical}’${entry.notes ? ` (${entry.notes})` : ''}.`
          : `‘${variant}’ is also spelled ‘${canonical}’ in this story; use one spelling.`;
        findings.push({
          start: here.start,
          end: here.end,
          message,
          fixes: fixesFor(ctx, variant, canonical, occurrences, here),
        });
      }
    }
    return findings;
  }),
};

/**
 * Spellings of this draft's full names that other drafts spell otherwise.
 * Spellings already reported within the draft or against the style sheet are
 * left to those findings.
 */
function crossDraftFindings(
  ctx: RuleContext,
  names: WorkspaceNames,
  bySpelling: ReadonlyMap<string, NameWord[]>,
  decided: ReadonlyMap<string, unknown>,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const [spelling, occurrences] of bySpelling) {
    if (decided.has(spelling)) continue;
    let others: CrossDraftSpelling[] = [];
    for (const w of occurrences) {
      if (!w.inFullName) continue;
      others = names.variantsOf(w.mentionWords, w.position, w.entity.type);
      if (others.length > 0) break;
    }
    if (others.length === 0) continue;
    const newest = others[0];
    const otherDrafts = new Set(others.map((o) => o.uri)).size - 1;
    const where = `${draftName(newest.uri)}${otherDrafts > 0 ? ` and ${otherDrafts} other ${otherDrafts === 1 ? 'draft' : 'drafts'}` : ''}`;
    for (const here of occurrences) {
      const fixes = fixesFor(ctx, spelling, newest.spelling, occurrences, here).map((fix, i) =>
        i === 0 ? { ...fix, title: `${fix.title} (as in ${draftName(newest.uri)})`, preferred: false } : fix,
      );
      fixes.push({
        title: `Spell it ‘${spelling}’ in ${draftName(newest.uri)} instead`,
        edits: [],
        otherDraft: { uri: newest.uri, from: newest.spelling, to: spelling },
      });
      findings.push({
        start: here.start,
        end: here.end,
        message: `‘${spelling}’ is spelt ‘${newest.spelling}’ in ${where}; use one spelling across the drafts.`,
        fixes,
      });
    }
  }
  return findings;
}
