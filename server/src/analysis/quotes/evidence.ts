// Evidence: how much a place looks like the start or end of quoted words
// (attribution, sentence and clause boundaries, partial-quotation cues).

import { after, before, isQuoteGlyph, isSpace, isTransparent, isWord, sentencePunctuation } from './marks';
import type { LocalQuotation } from './types';

export const saidVerbs =
  'said|says|say|added|adds|asked|asks|told|tells|wrote|writes|explained|explains|noted|notes|insisted|insists|' +
  'argued|argues|claimed|claims|continued|continues|declared|declares|stated|states|replied|replies|responded|' +
  'warned|warns|admitted|acknowledged|recalled|suggested|observed|announced|remarked|joked|concluded|conceded|' +
  'cautioned|countered|maintained|stressed|emphasized|emphasised|tweeted|posted|predicted|vowed|pledged|quipped|' +
  'agreed|complained|boasted|shouted|yelled|whispered|testified|recounted|reported|commented|exclaimed|went on';

/** Present participles that introduce a quotation: saying, telling reporters, adding. */
export const introducingParticiples =
  'saying|telling|adding|writing|noting|stating|asking|explaining|declaring|warning|insisting|arguing|' +
  'replying|responding|answering|tweeting|posting|concluding|calling|proclaiming|announcing';

const attributionAfter = new RegExp(
  '^[\\s*_]*(?:' +
    `(?:${saidVerbs})\\b` +
    '|according to\\b' +
    `|(?:he|she|they|it|I|we|you|officials|police)\\s+(?:\\w+ly\\s+)?(?:${saidVerbs})\\b` +
    `|[A-Z][\\p{L}'’.-]*(?:\\s+(?:of\\s(?:the\\s)?|for\\s(?:the\\s)?|at\\s(?:the\\s)?)?[A-Z][\\p{L}'’.-]*){0,6}(?:,[^,"“”]{1,100},)?\\s+(?:\\w+ly\\s+)?(?:${saidVerbs})\\b` +
    `|(?:the|a|an|one|another|his|her|their)\\s+(?:[\\p{L}'’-]+\\s+){0,4}(?:${saidVerbs})\\b` +
    ')',
  'u',
);

/** Opening words: `said`, `told reporters:`, `that`, a colon. */
const attributionBefore = new RegExp(`(?:\\b(?:${saidVerbs})(?:\\s+\\w+)?[,:]?|:|\\bthat)$`, 'u');

export function looksLikeAttribution(text: string, from: number): boolean {
  return attributionAfter.test(text.slice(from, from + 160));
}

/**
 * After a verb of saying, a reported clause: "Kerry said that 100,000 would come",
 * "They said they would call", "explained to me that". A quotation's attribution ends its clause instead
 * ("..., Kerry said." / "said that day"), so these sentences report speech, quoted or not.
 */
const reportedClause = new RegExp(
  `^\\s+(?:(?:(?:to\\s+)?(?:me|us|him|her|them|you)\\s+)?that\\b(?!\\s+(?:day|night|morning|afternoon|evening|week|month|year|time)\\b)|(?:he|she|they|it|we|I|you)\\s+(?!(?:${saidVerbs})\\b)[\\p{L}’']+)`,
  'u',
);

/** Whether the attribution-like words at `from` report speech in a clause of their own rather than attribute a quotation. */
function reportsSpeech(text: string, from: number): boolean {
  const m = attributionAfter.exec(text.slice(from, from + 160));
  return m !== null && reportedClause.test(text.slice(from + m[0].length, from + m[0].length + 40));
}

export function trimmedEndBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && (isSpace(text[i - 1]) || isTransparent(text[i - 1]))) i--;
  return i;
}

/**
 * `"We won," said Smith` or `"We won," he told reporters`: the verb right
 * after a closing mark attributes the quotation before it, so what follows
 * it (the speaker, the audience) is not quoted words.
 */
export function afterClosedAttribution(text: string, end: number): boolean {
  const head = text.slice(Math.max(0, end - 40), end);
  const match = attributionBefore.exec(head);
  if (!match || match[0] === ':' || /[,:]$/.test(match[0]) || match[0].startsWith('that')) return false;
  let i = end - head.length + match.index;
  while (i > 0 && isSpace(text[i - 1])) i--;
  if (i > 0 && isWord(text[i - 1])) {
    // "..." he said / "..." the mayor said: one or two words between the mark and the verb.
    let j = i;
    for (let words = 0; words < 2 && j > 0 && isWord(text[j - 1]); words++) {
      while (j > 0 && isWord(text[j - 1])) j--;
      while (j > 0 && isSpace(text[j - 1])) j--;
    }
    i = j;
  }
  return i > 0 && isQuoteGlyph(text[i - 1]) && (i < 2 || !isSpace(text[i - 2]));
}

/**
 * 1 (mid-sentence, as a stray mark typed between two words would be) to 4
 * (paragraph start or after `said:`, before a capital letter).
 */
export function openingStrength(text: string, at: number, length: number): number {
  const end = trimmedEndBefore(text, at);
  const next = after(text, at + length, true);
  const capital = next !== undefined && next !== next.toLowerCase();
  if (end === 0) return capital ? 4 : 3;
  const prev = text[end - 1];
  const head = text.slice(Math.max(0, end - 40), end);
  if (prev !== ':' && afterClosedAttribution(text, end)) return 1;
  if (prev === ':' || attributionBefore.test(head)) return capital ? 4 : 3;
  if ('.?!'.includes(prev)) return capital ? 4 : 1;
  if (isQuoteGlyph(prev)) return 2;
  if (prev === ',' || '([—–-'.includes(prev)) return capital ? 2 : 1;
  return 1;
}

/**
 * A closing mark with a word right before it and a lowercase word right after
 * it ("made a strategic" mistake"): a mark typed inside a quotation more often
 * than a real end, so a later, stronger close takes its place.
 */
export function wedgedBetweenWords(text: string, at: number, length: number): boolean {
  const prev = text[at - 1];
  if (!isWord(prev)) return false;
  let i = at + length;
  if (text[i] !== ' ') return false;
  i++;
  const next = text[i];
  return next !== undefined && isWord(next) && next === next.toLowerCase() && next !== next.toUpperCase();
}

/** 1 (after a word, before a word) to 3 (before an attribution or at the paragraph end). */
export function closingStrength(text: string, at: number, length: number): number {
  const rest = at + length;
  if (text.slice(rest).trim() === '' || (/^[\s.,;:!?)*_]*$/.test(text.slice(rest, rest + 3)) && text.slice(rest).trim().length <= 2)) return 3;
  const prev = before(text, at, true);
  const from = pastClosingPunctuation(text, rest);
  if (looksLikeAttribution(text, from)) return 3;
  if (prev !== undefined && sentencePunctuation.includes(prev)) return 2;
  if (from > rest) return 2;
  return 1;
}

function pastClosingPunctuation(text: string, from: number): number {
  let i = from;
  while (i < text.length && (',.'.includes(text[i]) || isQuoteGlyph(text[i]))) i++;
  return i;
}

/** A closing mark followed by an attribution: `...," said Mr Davis`. */
export function attributionFollows(text: string, at: number, length: number): boolean {
  return looksLikeAttribution(text, pastClosingPunctuation(text, at + length));
}

export interface ClosingPlace {
  /** Offset just past the last quoted word or its punctuation: the mark goes here or before the punctuation. */
  wordsEnd: number;
  /** The punctuation right after the quoted words, if any. */
  punctuation: string;
  /** 3 = before an attribution, 2 = before narration (he, she) after first-person words. */
  score: number;
}

/** "I said then...", "we told them": inside a quotation, the speaker reporting their own words. */
const firstPersonSaying = new RegExp(`^[\\s*_]*(?:I|we|We)\\s+(?:\\w+ly\\s+)?(?:${saidVerbs})\\b`, 'u');

export const firstPerson = /\b(?:I|I'm|I’m|I've|I’ve|we|We|our|Our|us|my|My|me)\b/;
const narration = /^\s+(?:\w+\s+){0,3}?(?:he|she|they|his|her|their|it)\b/i;

/**
 * The most likely end of an unclosed quotation's words before `limit`: a
 * clause boundary followed by an attribution ("..., Whitfield said"), else one
 * followed by narration that switches from the quotation's first person to
 * the third ("We will ... defeat ISIS, and while he gave a nod").
 */
export function bestClosingPlace(text: string, q: LocalQuotation, limit: number, options: { reportingQuoted?: boolean } = {}): ClosingPlace | undefined {
  const from = q.open + q.openGlyph.length;
  const boundary = /[,;:.?!…]+(?=[\s*_]|$)/g;
  boundary.lastIndex = from;
  let narrated: ClosingPlace | undefined;
  for (let m = boundary.exec(text); m && m.index < limit; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= limit) break;
    // With reportingQuoted, the quoted words may themselves report speech: the speaker's own
    // ("I said then") or someone's in a clause of its own ("Then Kerry said that 100,000 ...").
    if (looksLikeAttribution(text, end) && !(options.reportingQuoted && (firstPersonSaying.test(text.slice(end, end + 40)) || reportsSpeech(text, end)))) {
      return { wordsEnd: m.index, punctuation: m[0], score: 3 };
    }
    if (!narrated && (m[0] === ',' || m[0] === ';')) {
      const clause = text.slice(end, end + 60);
      if (narration.test(clause) && firstPerson.test(text.slice(from, m.index))) {
        narrated = { wordsEnd: m.index, punctuation: m[0], score: 2 };
      }
    }
  }
  return narrated;
}

/**
 * Words after which a short partial quotation typically opens: called it a
 * "costly mistake", described as "reckless". (Measured: after the, is, was
 * or a possessive the mark is as often one typed too many.)
 */
const partialIntroducers = new Set(['a', 'an', 'as', 'called', 'calling', 'call', 'calls', 'described']);

export function introducesPartial(text: string, at: number): boolean {
  const end = trimmedEndBefore(text, at);
  if (end === at) return false;
  let start = end;
  while (start > 0 && isWord(text[start - 1])) start--;
  return partialIntroducers.has(text.slice(start, end).toLowerCase());
}

/**
 * Where a short partial quotation whose closing mark sits mid-sentence
 * (called him a "pathological liar" for) most likely opens: right after "a", "as"
 * or "called" within four words back, when a clause word follows the mark.
 */
export function partialStart(text: string, closeAt: number): number | undefined {
  let i = closeAt;
  while (i < text.length && isQuoteGlyph(text[i])) i++;
  while (i < text.length && isSpace(text[i])) i++;
  let nextEnd = i;
  while (nextEnd < text.length && isWord(text[nextEnd])) nextEnd++;
  if (!clauseWords.has(text.slice(i, nextEnd))) return undefined;
  let at = closeAt;
  for (let words = 0; words < 4; words++) {
    let wordEnd = at;
    while (wordEnd > 0 && isSpace(text[wordEnd - 1])) wordEnd--;
    if (wordEnd === at && words > 0) return undefined;
    let wordStart = wordEnd;
    while (wordStart > 0 && !isSpace(text[wordStart - 1])) wordStart--;
    if (wordStart === wordEnd) return undefined;
    const word = text.slice(wordStart, wordEnd);
    if (words > 0 && partialIntroducers.has(word.toLowerCase())) return at;
    if (!/^[\p{L}\p{N}'’-]+$/u.test(word)) return undefined;
    at = wordStart;
  }
  return undefined;
}

/** Words that start a new clause or phrase after a short partial quotation: "an issue" in the election. */
export const clauseWords = new Set([
  'and',
  'but',
  'or',
  'nor',
  'in',
  'on',
  'for',
  'with',
  'at',
  'by',
  'from',
  'that',
  'which',
  'who',
  'because',
  'after',
  'before',
  'if',
  'when',
  'while',
  'than',
]);

/**
 * The first clause boundary after `from` within a dozen words: punctuation
 * followed by a space, or a conjunction or preposition after at least one word.
 */
export function clauseEnd(text: string, from: number, end: number): { wordsEnd: number; punctuation: string } | undefined {
  let words = 0;
  let i = from;
  while (i < end && words <= 12) {
    while (i < end && isSpace(text[i])) i++;
    const wordStart = i;
    while (i < end && !isSpace(text[i])) i++;
    if (i === wordStart) break;
    let stem = i;
    while (stem > wordStart && sentencePunctuation.includes(text[stem - 1])) stem--;
    const word = text.slice(wordStart, stem);
    if (words > 0 && clauseWords.has(word)) return { wordsEnd: trimmedEndBefore(text, wordStart), punctuation: '' };
    words++;
    if (stem < i && stem > wordStart && (i === end || isSpace(text[i]))) return { wordsEnd: stem, punctuation: text.slice(stem, i) };
  }
  return undefined;
}

/** Longest partial quotation, in words, that we trust to run to the paragraph's end. */
const shortPhraseWords = 4;

/**
 * A partial quotation opened mid-sentence that runs to the paragraph's end as
 * a short phrase ending the sentence (calling the deal a "$25 billion
 * mistake.): its closing mark was most likely lost at the end.
 */
export function shortFinalPhrase(text: string, from: number, end: number, atParagraphEnd: boolean, headline: boolean): boolean {
  // A headline ends without a full stop: Council backs 'risky plan
  if (!atParagraphEnd || end <= from || !(headline || '.?!'.includes(text[end - 1]))) return false;
  let words = 0;
  let inWord = false;
  for (let i = from; i < end - 1; i++) {
    const ch = text[i];
    if ('.?!'.includes(ch) && isSpace(text[i + 1])) return false; // more than one sentence
    if (isQuoteGlyph(ch)) return false;
    const wordy = !isSpace(ch);
    if (wordy && !inWord) words++;
    inWord = wordy;
  }
  return words <= shortPhraseWords;
}
