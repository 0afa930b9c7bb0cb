// Safety: the few repair shapes that "Fix all" and `copydesk check --fix` may
// apply without the reporter looking. Measured on mutated copy, a repair the
// ranker merely prefers is wrong too often to apply blind (a multi-sentence
// quotation closed before narration that names someone, a headline's partial
// quotation, a comma that the draft puts outside its closing marks). Safe is
// only the textbook shape, every part of it checked:
//
//   "We will win this fight, Whitfield said.   ->  "We will win this fight," Whitfield said.
//   We will win this fight," Whitfield said.   ->  "We will win this fight," Whitfield said.
//
// a double mark; one sentence, opened at the paragraph's start with a capital,
// with no other quotation mark in it; ended by a comma (or ? !) and followed
// at once by a plain attribution (a name or pronoun and said, added...) that
// ends the sentence or goes on with a time or place; the comma placed where
// the draft's own full quotations put it (inside by the US default; outside only
// where two of them at least do and none the other way: some UK copy sets both); at
// most twelve words closed, the first person early in the words opened; the
// missing glyph known (the draft's marks all straight or all curly).
//
//   The council approved the" plan.            ->  The council approved the plan.
//
// a stray closing mark right after a determiner, where no quotation can end.

import { abbreviationBefore } from '../abbreviations';
import { firstPerson, looksLikeAttribution } from './evidence';
import { glyphFamily, isQuoteGlyph, isSpace } from './marks';
import type { LocalProblem, ParagraphQuotes } from './types';

/** Where the draft's full-sentence quotations put a comma before their closing mark. */
export type CommaHabit = 'inside' | 'outside' | 'mixed' | 'unknown';

/** The draft's comma habit, how many full quotations show it, and its US or UK style. */
interface CommaPlacement {
  commaHabit: CommaHabit;
  commaHabitSeen: number;
  style: 'us' | 'uk';
}

/** Verbs of a plain attribution: said-bookisms and verbs that often narrate (pledged, reported) stay out. */
const plainVerbs = 'said|says|added|adds|asked|wrote|writes|explained|continued|replied|insisted|argued|warned';
const name = "[A-Z][\\p{L}'’.-]*";
/** What may follow a plain attribution in its sentence: its end, or when and where it was said. */
const attributionTail =
  '(?=\\s*(?:[.;]|,(?!\\s*["“])|$)|\\s+(?:on|in|at|during|after|before|as|when|while|from|last|this|yesterday|today|on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)';
const plainAttribution = new RegExp(
  '^[\\s*_]*(?:' +
    `(?:he|she|they|we|I)\\s+(?:${plainVerbs})` +
    `|(?:${plainVerbs})\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:${name})(?:\\s+${name}){0,3}` +
    `|(?:${name})(?:\\s+${name}){0,3}\\s+(?:${plainVerbs})` +
    `|(?:the|a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${plainVerbs})` +
    `)${attributionTail}`,
  'u',
);

/**
 * A plain attribution starts at `from` (past the closing mark and its punctuation), and
 * no quotation mark follows in its sentence: in `X, Giuliani said, there's an answer: "..."`
 * or `X, Clinton said, "we would..."` the attribution may belong to the words after it.
 */
export function plainAttributionAt(text: string, from: number): boolean {
  return plainAttribution.test(text.slice(from, from + 120)) && !quoteLaterInSentence(text, from);
}

function sentenceEndAt(text: string, i: number): boolean {
  return '.?!'.includes(text[i]) && (i + 1 === text.length || isSpace(text[i + 1])) && !(text[i] === '.' && abbreviationBefore(text, i));
}

function quoteLaterInSentence(text: string, from: number): boolean {
  for (let i = from; i < text.length && !sentenceEndAt(text, i); i++) if (isQuoteGlyph(text[i]) && !isApostropheAt(text, i)) return true;
  return false;
}

/** A single mark between two letters (don't, O’Brien) is an apostrophe. */
function isApostropheAt(text: string, i: number): boolean {
  return (text[i] === "'" || text[i] === '’') && /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? '');
}

/** Some earlier comma in the quoted words is followed by an attribution (`We know this, Terrie Rizzo, a chair, said`): the mark could close there. */
function attributionInside(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === ',' && looksLikeAttribution(text, i + 1)) return true;
  return false;
}

const doubleGlyphs = '"“”„«»`';

/** One sentence (no . ? or ! followed by a space) and no double quotation mark between `from` and `to` (apostrophes are fine). */
function oneCleanSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (doubleGlyphs.includes(ch) || (ch === "'" && text[i + 1] === "'") || (ch === '’' && text[i + 1] === '’')) return false;
    if ('.?!'.includes(ch) && /\s/.test(text[i + 1] ?? ' ')) return false;
  }
  return true;
}

function startsWithCapital(text: string, at: number): boolean {
  return /^[\p{Lu}\p{N}]/u.test(text.slice(at, at + 2));
}

interface Site {
  text: string;
  problem: LocalProblem;
  headline: boolean;
  /** The paragraph's marks and apostrophes, whose glyphs tell which glyph the missing mark had. */
  scan: Pick<ParagraphQuotes, 'marks' | 'apostrophes'>;
  /** The draft sets its quotation marks in more than one family (straight and curly). */
  mixedGlyphs: boolean;
}

function eligible({ text, problem, headline, scan, mixedGlyphs }: Site): boolean {
  if (headline || problem.kind !== 'double' || problem.extra || mixedGlyphs) return false;
  if (!glyphCertain(problem, scan)) return false;
  return problem.type === 'unclosed' ? sentenceStart(text, problem.at) : true;
}

/** The glyph an unclosed (stray) mark conventionally opens (closes) with: „ and a closing “ are German, or a typo. */
const conventionalOpen = new Set(['"', '“', "''", '‘‘', '``', '«']);
const conventionalClose = new Set(['"', '”', "''", '’’', '»']);

/**
 * The inserted mark's glyph is known only when the flagged mark has its conventional
 * glyph and every mark and apostrophe of the paragraph, and every quotation mark of the
 * draft, comes from its family: where straight and curly marks mix (“We won," he said),
 * the missing one could be either.
 */
function glyphCertain(problem: LocalProblem, scan: Site['scan']): boolean {
  if (!(problem.type === 'unclosed' ? conventionalOpen : conventionalClose).has(problem.glyph)) return false;
  const family = glyphFamily(problem.glyph);
  return scan.marks.every((m) => glyphFamily(m.glyph) === family) && scan.apostrophes.every((a) => glyphFamily(a.glyph) === family);
}

/**
 * `at` starts a sentence: the paragraph's start, or after a full stop, question
 * or exclamation mark (and the closing marks after it) and a space.
 */
function sentenceStart(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpace(text[i - 1])) i--;
  if (i === 0) return true;
  if (i === at) return false;
  while (i > 0 && isQuoteGlyph(text[i - 1])) i--;
  // Not after an abbreviation: "Ms. ''Nwanguma was shocked" is no sentence start.
  return i > 0 && '.?!'.includes(text[i - 1]) && !(text[i - 1] === '.' && abbreviationBefore(text, i - 1));
}

/** The most words a quotation closed by a safe fix may hold (measured on training copy: longer, one in 40 was a partial quotation). */
const maxSafeClosedWords = 12;

/**
 * A repair the confidence model may not make safe however sure it is: an open or a close that would quote
 * a long sentence (often quoted in part, the rest paraphrased), or the removal of a stray closing mark
 * right after punctuation, where quotations end (its opening mark is more often lost than the mark typed
 * at random: on mutated copy the model's safe removals there were 98% right).
 */
export function riskyBlindRepair(text: string, problem: { type: string; at: number }, repair: { action: string; start: number }): boolean {
  if (repair.action === 'close' || repair.action === 'open') {
    const words = text.slice(Math.min(problem.at, repair.start), Math.max(problem.at, repair.start)).match(/\S+/g)?.length ?? 0;
    return words > maxSafeClosedWords;
  }
  return repair.action === 'remove' && problem.type === 'stray' && /[.,!?;:]$/.test(text.slice(Math.max(0, problem.at - 1), problem.at));
}

/** The most words before the first I, we or my of a quotation opened by a safe fix. */
const maxWordsBeforeFirstPerson = 3;

function wordCount(words: string): number {
  return words.trim().split(/\s+/).length;
}

/**
 * Closing an unclosed quotation at `at` (the mark inserted there) is safe:
 * the textbook shape above, with the comma placed as the draft places it
 * (inside by the US default, outside only where two full quotations show it).
 */
export function safeClose(site: Site, at: number, { commaHabit: habit, commaHabitSeen, style }: CommaPlacement): boolean {
  const { text, problem } = site;
  if (!eligible(site)) return false;
  const contentStart = problem.at + problem.glyph.length;
  if (!startsWithCapital(text, contentStart)) return false;
  // A question or exclamation mark stays inside ("Why now?" she asked) in every style.
  const asked = text[at - 1] === '?' || text[at - 1] === '!';
  // Otherwise the comma sits right before or right after the new mark.
  const commaInside = asked || text[at - 1] === ',';
  const commaOutside = text[at] === ',';
  if (commaInside === commaOutside) return false;
  // Inside is the US default; outside only where the draft shows it twice (some UK copy sets both).
  const placed = commaInside ? habit === 'inside' || (habit === 'unknown' && style === 'us') : habit === 'outside' && commaHabitSeen >= 2;
  if (!asked && !placed) return false;
  const wordsEnd = commaInside ? at - 1 : at;
  if (!oneCleanSentence(text, contentStart, wordsEnd)) return false;
  // A long sentence is often quoted only in part, its end paraphrased ("We're alive, unlike the
  // robots you'll see next week" at the convention, he said): the lost mark could stand anywhere.
  if (wordCount(text.slice(contentStart, wordsEnd)) > maxSafeClosedWords) return false;
  if (attributionInside(text, contentStart, wordsEnd)) return false;
  return plainAttributionAt(text, commaInside ? at : at + 1);
}

/**
 * Opening a stray closing mark's quotation at `at` is safe: the paragraph's
 * first sentence, no other mark before, no speech verb in it (Obama said the
 * plan was "a mistake": a partial quotation), and a plain attribution after
 * the comma, question or exclamation mark that ends it.
 */
export function safeOpen(site: Site, at: number): boolean {
  const { text, problem } = site;
  if (!eligible(site)) return false;
  if (!sentenceStart(text, at) || !startsWithCapital(text, at)) return false;
  // Mid-paragraph, the quoted words could have begun sentences earlier ("On that date, yes. I
  // was lying," replied Sullivan), unless the sentence before is a quotation or its attribution.
  const head = text.slice(0, at).trimEnd();
  if (head !== '' && !closedBefore.test(head)) return false;
  const last = text[problem.at - 1];
  if (last === undefined || !',?!'.includes(last)) return false;
  if (!oneCleanSentence(text, at, problem.at - 1)) return false;
  const words = text.slice(at, problem.at);
  if (speechInside.test(words)) return false;
  // The longer the words, the more places the lost mark could have stood ("The answers are
  // "not meeting the demand," says Rieckhoff): a longer sentence must be the speaker's own (we, I).
  // The first person in a later clause only ("The party, attended by hundreds, allows us to...") could
  // be a partial quotation opened after the narration's comma.
  const firstClause = /^[^,;:—–]*/.exec(words)![0];
  if (!firstPerson.test(firstClause) && wordCount(words) > 6) return false;
  // Likewise a first person that comes only after the subject and its verb, in a sentence of
  // any length: Not paying taxes "makes me smart," Trump said. The speaker's own sentence says
  // I or we in its first words (on dev, the one wrong safe fix of three seeds was six words long).
  const firstPersonAt = words.search(firstPerson);
  if (firstPersonAt >= 0 && wordCount(words.slice(0, firstPersonAt) + 'x') > maxWordsBeforeFirstPerson) return false;
  return plainAttributionAt(text, problem.at + problem.glyph.length);
}

/** The end of a sentence that closes a quotation or attributes one: ...," Eavis said. / ...right." */
const closedBefore = new RegExp(`(?:["”]|\\b(?:${plainVerbs})(?:\\s+${name}){0,4})[.?!]$|[.?!]["”]$`, 'u');

/** A speech verb or introducer inside the words to be quoted makes them narration around a partial quotation. */
const speechInside = new RegExp(
  `\\b(?:${plainVerbs}|say|tell|tells|told|saying|telling|adding|according|reports?|reported|claims?|claimed|called|calling|described|that)\\b`,
  'iu',
);

/** Words that never end a quotation: a determiner wants its noun (the" agency, a" plan). */
const determinerBefore = /(?:^|[^\p{L}'’])(?:a|an|the|my|our|your|their|its)$/u;

/**
 * Removing a stray closing mark is safe where no quotation could end: right after a
 * determiner (the council approved the" plan), a mark typed one word too early or at random.
 */
export function safeRemoveStray({ text, problem, headline }: Site): boolean {
  if (headline || problem.type !== 'stray' || problem.kind !== 'double') return false;
  return determinerBefore.test(text.slice(Math.max(0, problem.at - 8), problem.at));
}
