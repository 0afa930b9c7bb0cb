// Small text helpers the newsroom rules share: sentences, word counts and
// "is this offset inside a direct quotation?" (a reporter may not change
// what a source said, so style rules stay out of quotations).

import { abbreviationBefore } from './abbreviations';
import { TextCache } from './cache';
import titleTable from './data/titles.json';
import type { Paragraph } from './draft';
import { analyzeQuotes } from './quotes';
import type { RuleContext } from './rule';

export interface Span {
  start: number;
  end: number;
}

import { countWords } from './stats';

export { countWords };

/**
 * Sentences of a paragraph, as offsets into the draft. A sentence ends at . ! or ?
 * (and any closing quotation marks or brackets after it) followed by white space
 * and a capital, a digit or an opening mark; not after an abbreviation, an
 * initial ("John F. Kennedy") or inside "U.S.". An initialism that can close a
 * sentence ("the U.S.", "Washington, D.C.") does close it before a word that only
 * opens one: "... entry into the U.S. They will ...".
 */
export function sentencesOf(paragraph: Paragraph): Span[] {
  return sentenceCache
    .get(paragraph.text, () => sentencesOfText(paragraph.text))
    .map((s) => ({ start: paragraph.start + s.start, end: paragraph.start + s.end }));
}

/** Each paragraph's sentences, as offsets into it, by its text: three rules split every paragraph after each pause in typing. */
const sentenceCache = new TextCache<Span[]>(20_000, 4_000_000);

function sentencesOfText(text: string): Span[] {
  const spans: Span[] = [];
  let start = text.search(/\S/);
  if (start < 0) return spans;
  // The next sentence may open with a quotation mark, '' or `` included.
  const end = /[.!?…]+['"’”)\]]*(?=\s+['"‘“([`]{0,2}[\p{Lu}\p{N}])/gu;
  for (const m of text.matchAll(end)) {
    const at = m.index!;
    if (
      ((m[0][0] === '.' && m[0].length === 1) || /^\.['"’”)\]]/.test(m[0])) &&
      abbreviationBefore(text, at) &&
      !initialismEnds(text, at) &&
      !stateEnds(text, at)
    )
      continue;
    const sentenceEnd = at + m[0].length;
    if (sentenceEnd > start) spans.push({ start, end: sentenceEnd });
    const next = text.slice(sentenceEnd).search(/\S/);
    if (next < 0) return spans;
    start = sentenceEnd + next;
  }
  const trimmedEnd = text.trimEnd().length;
  if (trimmedEnd > start) spans.push({ start, end: trimmedEnd });
  return spans;
}

/** Words that open a sentence and never follow "U.S." or "D.C." inside a name ("U.S. Senate"). */
const sentenceOpeners = new Set(
  'The A An This That These Those It Its He She They We I You His Her Their Our But And Yet So Then There Here In On At After Before When While If As Some Many Most All Initially Meanwhile However Still Now Later Last Next'.split(
    ' ',
  ),
);

/** The period at `dot` closes an initialism of two letters or more ("U.S.", "D.C.") and the next word only opens sentences. */
function initialismEnds(text: string, dot: number): boolean {
  if (!/(?:^|[^\p{L}.])(?:\p{Lu}\.){1,3}\p{Lu}$/u.test(text.slice(Math.max(0, dot - 9), dot))) return false;
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(dot + 1, dot + 20))?.[1];
  return next !== undefined && sentenceOpeners.has(next);
}

/** States written as initials ("N.J.", "D.C."): the only state abbreviations whose period reads as an initial's. */
const stateInitials = new Set([...titleTable.stateAbbreviations.filter((s) => /^(?:[A-Z]\.){2}$/.test(s)), 'D.C.']);
/** Words of a title a looser style runs on after a state ("Washington, D.C. Mayor Ann Lowe"). */
const titleWords = new Set([...titleTable.roles, ...titleTable.honorifics]);

/**
 * The period at `dot` closes a state after its city ("in Millbrook, N.J. Ann Lowe spoke"): inside
 * a sentence AP copy sets a comma after the state, so a capitalised word after it opens the next
 * sentence, unless that word is a title or abbreviated ("Gov.").
 */
function stateEnds(text: string, dot: number): boolean {
  if (!stateInitials.has(text.slice(dot - 3, dot + 1)) || text.slice(dot - 5, dot - 3) !== ', ' || !/\p{L}/u.test(text[dot - 6] ?? '')) return false;
  const next = /^\s+(\p{Lu}[\p{Ll}'’-]*)(\.?)/u.exec(text.slice(dot + 1, dot + 30));
  return next !== null && next[2] === '' && !titleWords.has(next[1].toLowerCase());
}

/** The spans of direct quotations (their words, marks included), sorted. */
export function quotedSpans(ctx: RuleContext): Span[] {
  return ctx.memo('prose.quotedSpans', () =>
    analyzeQuotes(ctx)
      .quotations.filter((q) => q.depth === 0)
      .map((q) => ({ start: q.open, end: q.close !== undefined ? q.close + 1 : q.contentEnd })),
  );
}

/** The words of a span outside its direct quotations (quoted sorted, as quotedSpans gives them). */
export function wordsOutsideQuotations(prose: string, span: Span, quoted: readonly Span[]): number {
  let own = '';
  let at = span.start;
  for (const q of quoted) {
    if (q.end <= at) continue;
    if (q.start >= span.end) break;
    own += `${prose.slice(at, Math.max(at, q.start))} `;
    at = Math.min(span.end, q.end);
  }
  return countWords(own + prose.slice(at, span.end));
}

/** Whether offset lies inside one of the sorted spans. */
export function inSpans(spans: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid].start) hi = mid - 1;
    else if (offset >= spans[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * A roster, not a sentence: "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ..." (an optional label and colon, then
 * at least eight items between commas, nearly all of them capitalised names of one to five words). A desk does not
 * split a list of names.
 */
export function isListOfNames(text: string): boolean {
  const items = text
    .replace(/^[^,:]{0,40}:\s*/, '')
    .replace(/[.;]\s*$/, '')
    .split(/,\s*(?:and\s+)?/);
  if (items.length < 8) return false;
  const names = items.filter((item) => /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}$/u.test(item.trim().replace(/^and\s+/, '')));
  return names.length >= items.length * 0.9;
}
