// A draft split into paragraphs, each one classified (prose, subhead, byline,
// caption...) before any rule runs. For Markdown, everything that is not prose
// (front matter, code, HTML, link destinations and titles, block markers) is
// masked with spaces in `prose`, so every offset into `prose` is also an offset
// into `text` and no rule ever has to translate between the two.
//
// Plain text and `article`: a single line break ends a paragraph, the way most
// people type. Text hard-wrapped at a fixed width (every line of a paragraph
// filled to about the same column) is recognised once per draft, and its lines
// join back into paragraphs. Markdown keeps its own paragraph rules.

import { detach } from './cache';
import { partitionPoint } from './sorted';
import { classifyParagraph, type ParagraphKind } from './structure';
import type { DraftLanguage } from './types';

export type { ParagraphKind } from './structure';

export interface Paragraph {
  /** Position in draft.paragraphs. */
  index: number;
  /** Offsets into the draft's text: [start, end), without the line break that ends it. */
  start: number;
  end: number;
  /** prose.slice(start, end): the paragraph with non-prose masked. */
  text: string;
  /** The headline: the first line of a plain draft, or the first heading of a Markdown one. */
  isHeadline: boolean;
  /** Not running prose (a heading, list item, byline, caption, editor's note...): a quotation never runs on from it. */
  isBlock: boolean;
  /** What the paragraph is, read from its own text (the headline is marked by isHeadline, by position). */
  kind: ParagraphKind;
}

export interface Draft {
  text: string;
  language: DraftLanguage;
  /** Same length as text; non-prose replaced by spaces (line breaks kept). */
  prose: string;
  paragraphs: Paragraph[];
  /** The column a hard-wrapped plain draft is wrapped at, or undefined when its line breaks end paragraphs. */
  wrapWidth: number | undefined;
  /** What the wrap width is read from (plain text and article only), updated line by line on edits. */
  wrapStats?: WrapStats;
}

const lineBreak = /\r\n|\r|\n/g;

interface Line {
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  lineBreak.lastIndex = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

export function parseDraft(text: string, language: DraftLanguage): Draft {
  const prose = language === 'markdown' ? maskMarkdown(text) : text;
  const wrapStats = language === 'markdown' ? undefined : wrapStatsOf(text);
  const wrapWidth = wrapStats && wrapWidthOf(wrapStats);
  const paragraphs = splitParagraphs(text, prose, language, wrapWidth, 0).paragraphs;
  markHeadline(text, language, paragraphs);
  return { text, language, prose, paragraphs, wrapWidth, wrapStats };
}

// ---------------------------------------------------------------------------
// Hard wrapping

const maxWrapWidth = 120;
const minWrapWidth = 30;

/**
 * Line-length statistics behind the wrap width, kept with the draft so that an
 * edit recounts only the lines it touched (a 100,000-word draft has about
 * 10,000 lines; a keystroke changes one). Each line adds to `all` by its
 * trimmed length and, when the next line has text (a line a wrap may have
 * made), to `inner`, noting whether it ends a sentence.
 */
export interface WrapStats {
  all: Uint32Array;
  inner: Uint32Array;
  lines: number;
  innerLines: number;
  innerSentenceEnds: number;
}

function emptyWrapStats(): WrapStats {
  return { all: new Uint32Array(maxWrapWidth + 2), inner: new Uint32Array(maxWrapWidth + 2), lines: 0, innerLines: 0, innerSentenceEnds: 0 };
}

/** Where the line starting at `start` ends: its trimmed length, whether it ends a sentence, and where the next line starts (-1: none). */
function readLine(text: string, start: number): { length: number; endsSentence: boolean; next: number } {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  let end = i;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  const length = end > first ? end - start : 0;
  const next = i >= text.length ? -1 : text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return { length, endsSentence: length > 0 && endsSentence(text.charCodeAt(end - 1)), next };
}

/** Adds (sign 1) or removes (sign -1) the lines starting at `from` (a line start) up to the one holding offset `to`. */
function countLines(stats: WrapStats, text: string, from: number, to: number, sign: 1 | -1): void {
  let line = readLine(text, from);
  while (true) {
    const following = line.next < 0 ? undefined : readLine(text, line.next);
    if (line.length > 0) {
      const bucket = Math.min(line.length, maxWrapWidth + 1);
      stats.lines += sign;
      stats.all[bucket] += sign;
      if (following && following.length > 0) {
        stats.innerLines += sign;
        if (line.endsSentence) stats.innerSentenceEnds += sign;
        stats.inner[bucket] += sign;
      }
    }
    if (!following || line.next > to) return;
    line = following;
  }
}

export function wrapStatsOf(text: string): WrapStats {
  const stats = emptyWrapStats();
  countLines(stats, text, 0, text.length, 1);
  return stats;
}

/** The statistics of `text`, from those of the text before one edit: only the lines around the edit are recounted. */
export function updateWrapStats(previous: WrapStats, before: string, text: string, stretch: { start: number; oldEnd: number; delta: number }): WrapStats {
  // From the line before the edited one: whether that line is followed by text may change.
  let from = lineStartBefore(before, Math.min(stretch.start, before.length));
  if (from > 0) from = lineStartBefore(before, from - 1);
  const stats: WrapStats = { ...previous, all: previous.all.slice(), inner: previous.inner.slice() };
  countLines(stats, before, from, stretch.oldEnd, -1);
  countLines(stats, text, from, stretch.oldEnd + stretch.delta, 1);
  return stats;
}

/** Start of the line holding `offset` (a CR LF pair belongs to the line it ends). */
function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  // Offset on the LF of a CR LF pair: the pair ends the line before.
  if (i > 0 && text.charCodeAt(i - 1) === 13 && text.charCodeAt(i) === 10) i--;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/**
 * The column a plain draft is hard-wrapped at, or undefined: the width is the
 * length almost no line exceeds, and the draft is wrapped when most lines
 * followed by another line (the lines a wrap made) end close to it, and fewer
 * than half of them end a sentence. A draft typed one paragraph per line has
 * lines far longer than any wrap column, so it never qualifies.
 */
export function detectWrapWidth(text: string): number | undefined {
  return wrapWidthOf(wrapStatsOf(text));
}

export function wrapWidthOf(stats: WrapStats): number | undefined {
  const { all, inner, lines, innerLines, innerSentenceEnds } = stats;
  if (innerLines < 4 || innerSentenceEnds * 2 >= innerLines) return undefined;
  // The width: the smallest length that at most 2% of the lines exceed.
  const allowedOver = Math.floor(lines * 0.02);
  let over = 0;
  let width = maxWrapWidth + 1;
  while (width > 0 && over + all[width] <= allowedOver) over += all[width--];
  if (width < minWrapWidth || width > maxWrapWidth) return undefined;
  // Most wrapped lines end within a long word of the width.
  let nearWidth = 0;
  for (let length = Math.max(1, width - 20); length <= width; length++) nearWidth += inner[length];
  return nearWidth >= innerLines * 0.6 ? width : undefined;
}

function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 34 || c === 0x201d || c === 0x2019 || c === 39;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** Whether a line opens an element of its own (a list item, a block quote), never continuing the one before. */
const opensElement = /^\s*(?:[-*•·▪]\s|\d{1,3}[.)]\s|>)/;

/**
 * Whether `line` continues the paragraph whose last line is `previous`, in a
 * plain draft. Decided by the two lines alone (and the draft's wrap width),
 * so an edit can only change the decisions at the lines it touches.
 */
function continuesParagraph(previous: string, line: string, wrapWidth: number | undefined): boolean {
  if (opensElement.test(line)) return false;
  if (wrapWidth !== undefined) {
    // A greedy wrap moves a word down only when it would not fit: a line that
    // had room for the next line's first word ended its paragraph on purpose.
    const firstWord = /^\s*(\S+)/.exec(line)?.[1] ?? '';
    return previous.trimEnd().length + 1 + firstWord.length > wrapWidth;
  }
  // Unwrapped: only a sentence broken mid-way ("the bridge\nwould reopen") runs on.
  return /^\s*\p{Ll}/u.test(line) && !/[.!?:;"”’')\]]\s*$/u.test(previous);
}

interface SplitResult {
  paragraphs: Paragraph[];
  /** Where splitting stopped early to rejoin an earlier parse (see updateDraft), else undefined. */
  stoppedAt?: number;
}

/**
 * Groups the lines of `prose` from `from` (a line start where a paragraph
 * starts) into paragraphs. `canStopAt(lineStart)` lets the caller end the
 * split at a line start where a paragraph starts, to reuse what follows.
 */
function splitParagraphs(
  text: string,
  prose: string,
  language: DraftLanguage,
  wrapWidth: number | undefined,
  from: number,
  canStopAt?: (lineStart: number) => boolean,
  copyTexts = false,
): SplitResult {
  const paragraphs: Paragraph[] = [];
  let open: Line | undefined;
  let openIsMarkdownBlock = false;
  let lastLine = '';

  const close = () => {
    if (!open) return;
    const slice = prose.slice(open.start, open.end);
    const kind = language === 'markdown' ? classifyMarkdownParagraph(text.slice(open.start, open.end), slice, openIsMarkdownBlock) : classifyParagraph(slice);
    paragraphs.push({
      index: paragraphs.length,
      start: open.start,
      end: open.end,
      text: copyTexts ? detach(slice) : slice,
      isHeadline: false,
      isBlock: kind !== 'prose' && kind !== 'blockquote',
      kind,
    });
    open = undefined;
    openIsMarkdownBlock = false;
  };

  lineBreak.lastIndex = from;
  let start = from;
  for (;;) {
    const m = lineBreak.exec(prose);
    const end = m ? m.index : prose.length;
    const content = prose.slice(start, end);
    if (content.trim() === '') {
      close();
    } else if (language === 'markdown') {
      if (!open && canStopAt?.(start)) return { paragraphs, stoppedAt: start };
      const raw = text.slice(start, end);
      const block = markdownBlockStart.test(raw);
      // A heading, list item or table row starts a paragraph of its own;
      // other lines continue the open paragraph (lazy continuation included).
      if (block) close();
      if (open) {
        open.end = end;
      } else {
        open = { start, end };
        openIsMarkdownBlock = block;
      }
      if (block && /^\s{0,3}#/.test(raw)) close();
    } else {
      if (open && continuesParagraph(lastLine, content, wrapWidth)) {
        open.end = end;
      } else {
        close();
        if (canStopAt?.(start)) return { paragraphs, stoppedAt: start };
        open = { start, end };
      }
      lastLine = content;
    }
    if (!m) break;
    start = m.index + m[0].length;
  }
  close();
  return { paragraphs };
}

function classifyMarkdownParagraph(raw: string, prose: string, isMarkdownBlock: boolean): ParagraphKind {
  if (isMarkdownBlock) {
    if (/^\s{0,3}#/.test(raw)) return 'subhead';
    return 'list';
  }
  if (/^\s{0,3}>/.test(raw)) return 'blockquote';
  const kind = classifyParagraph(prose);
  // Markdown marks its own subheads and lists; a short plain line is prose here.
  return kind === 'subhead' || kind === 'list' ? 'prose' : kind;
}

/**
 * The draft after an edit, re-splitting only the paragraphs the edit can
 * touch: paragraphs before it are kept as they are, those after it are the
 * old ones shifted by the edit's length. Gives exactly what parseDraft would,
 * at a cost that grows with the number of paragraphs rather than the length
 * of the draft, and the kept paragraphs keep their text strings, so the
 * per-paragraph caches find them at once. `stretch` is what changed between
 * previous.text and text (findEditedStretch).
 */
export function updateDraft(previous: Draft, text: string, stretch: { start: number; oldEnd: number; delta: number }): Draft {
  const language = previous.language;
  // Markdown masking carries state from line to line (fences, front matter,
  // HTML blocks), so an edit can change everything after it.
  if (language === 'markdown') return parseDraft(text, language);
  if (stretch.start === stretch.oldEnd && stretch.delta === 0 && previous.text.length === text.length) {
    return { text, language, prose: text, paragraphs: previous.paragraphs, wrapWidth: previous.wrapWidth, wrapStats: previous.wrapStats };
  }
  // The wrap width decides every line break: when the edit changes it, everything is re-split.
  const wrapStats = previous.wrapStats ? updateWrapStats(previous.wrapStats, previous.text, text, stretch) : wrapStatsOf(text);
  const wrapWidth = wrapWidthOf(wrapStats);
  if (wrapWidth !== previous.wrapWidth) return parseDraft(text, language);
  const old = previous.paragraphs;

  // Re-split from the paragraph before the last one that starts strictly
  // before the edit. Whether a line starts a paragraph depends on it and the
  // line before it; that paragraph and the line before it are untouched, so
  // its start is still a paragraph start, and every paragraph before it is
  // unchanged.
  const last = upperBound(old, stretch.start - 1) - 1;
  const first = Math.max(0, last - 1);
  const from = last >= 0 ? old[first].start : 0;

  // Stop at the first paragraph start past the edit where an old paragraph
  // started at the same place: the rest of the text is the same, so the rest
  // of the split is the same, shifted.
  let next = upperBound(old, stretch.oldEnd);
  const canStopAt = (lineStart: number): boolean => {
    const oldStart = lineStart - stretch.delta;
    if (oldStart <= stretch.oldEnd) return false;
    while (next < old.length && old[next].start < oldStart) next++;
    return next < old.length && old[next].start === oldStart;
  };
  const split = splitParagraphs(text, text, language, wrapWidth, from, canStopAt, true);

  const paragraphs: Paragraph[] = old.slice(0, first);
  for (const p of split.paragraphs) paragraphs.push({ ...p, index: paragraphs.length });
  if (split.stoppedAt !== undefined) {
    for (let i = next; i < old.length; i++) {
      const p = old[i];
      paragraphs.push({ ...p, index: paragraphs.length, start: p.start + stretch.delta, end: p.end + stretch.delta, isHeadline: false });
    }
  }
  // Kept paragraphs are shared with the previous draft: only a new first paragraph is re-marked.
  if (first === 0) markHeadline(text, language, paragraphs);
  return { text, language, prose: text, paragraphs, wrapWidth, wrapStats };
}

/** Index of the first paragraph starting after `offset` (paragraphs are sorted by start). */
function upperBound(paragraphs: readonly Paragraph[], offset: number): number {
  return partitionPoint(paragraphs.length, (i) => paragraphs[i].start <= offset);
}

const markdownBlockStart = /^\s{0,3}(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|\|)/;

function markHeadline(text: string, language: DraftLanguage, paragraphs: Paragraph[]): void {
  if (paragraphs.length === 0) return;
  if (language === 'markdown') {
    const heading = paragraphs.find((p) => /^\s{0,3}#\s/.test(text.slice(p.start, p.end)));
    if (heading && heading.index <= 1) heading.isHeadline = true;
    return;
  }
  // The first line of a plain draft is its headline when it stands alone
  // and reads like one (not a long sentence: a draft may start with its lede).
  const first = paragraphs[0];
  const line = text.slice(first.start, first.end);
  if (first.start === text.search(/\S/) && !/[\r\n]/.test(line) && !(/[.!]["”’']?\s*$/u.test(line) && line.split(/\s+/).length > 25)) {
    first.isHeadline = true;
  }
}

/**
 * The lede: the first paragraph of running prose, after the headline, a
 * dateline, byline or caption, and after a "FULL TEXT" label when the draft
 * carries an abstract before its story. Looks at the top of the draft only.
 */
export function ledeOf(draft: Draft): Paragraph | undefined {
  const top = draft.paragraphs.slice(0, 60);
  const fullText = top.findIndex((p) => p.kind === 'label' && /^(?:full text|text|body|story):?$/i.test(p.text.trim()));
  return top.find((p) => p.index > fullText && !p.isHeadline && p.kind === 'prose' && !/^\s*\[copydesk-[^\]]*\]\s*$/.test(p.text));
}

/** The paragraph containing offset, or undefined when it falls between paragraphs. */
export function paragraphAt(draft: Draft, offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = draft.paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = draft.paragraphs[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset > p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Markdown masking. Not a full CommonMark parser: it blanks the constructs
// whose characters would otherwise look like prose quotation marks or names.

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  }
}

export function maskMarkdown(text: string): string {
  const chars = Array.from({ length: text.length }, (_, i) => text[i]);
  const lines = splitLines(text);
  let i = 0;

  // Front matter: a --- (YAML) or +++ (TOML) block at the very top.
  const fence = lines.length > 0 ? text.slice(lines[0].start, lines[0].end).trim() : '';
  if (fence === '---' || fence === '+++') {
    for (let j = 1; j < lines.length; j++) {
      if (text.slice(lines[j].start, lines[j].end).trim() === fence) {
        blank(chars, 0, lines[j].end);
        i = j + 1;
        break;
      }
    }
  }

  let codeFence: string | undefined;
  let previousBlank = true;
  let inHtmlBlock = false;
  for (; i < lines.length; i++) {
    const { start, end } = lines[i];
    const line = text.slice(start, end);
    if (codeFence) {
      blank(chars, start, end);
      if (line.trim().startsWith(codeFence)) codeFence = undefined;
      continue;
    }
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      codeFence = opening[1];
      blank(chars, start, end);
      continue;
    }
    if (line.trim() === '') {
      previousBlank = true;
      inHtmlBlock = false;
      continue;
    }
    // Indented code: four spaces or a tab after a blank line.
    if (previousBlank && /^( {4}|\t)/.test(line)) {
      blank(chars, start, end);
      continue;
    }
    if (inHtmlBlock || (previousBlank && /^\s{0,3}<\/?[A-Za-z][\w-]*(\s|>|\/>|$)/.test(line))) {
      inHtmlBlock = true;
      blank(chars, start, end);
      continue;
    }
    previousBlank = false;
    // Link reference definitions: [label]: destination "title"
    if (/^\s{0,3}\[[^\]]+\]:\s/.test(line)) {
      blank(chars, start, end);
      continue;
    }
    // Block markers: headings, block quotes, list bullets, table pipes.
    const marker = /^(\s{0,3}(?:>\s?)*)(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s)?/.exec(line);
    if (marker) blank(chars, start, start + marker[0].length);
    maskInline(text, chars, start + (marker ? marker[0].length : 0), end);
  }
  return chars.join('');
}

/** Code spans, HTML tags and comments, autolinks, and link destinations with titles. */
function maskInline(text: string, chars: string[], start: number, end: number): void {
  const line = text.slice(start, end);
  const patterns: RegExp[] = [
    /(`+)[^`]*?\1/g, // code span
    /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, // HTML tag
    /<[a-z][a-z0-9+.-]*:[^\s<>]*>/gi, // autolink
  ];
  for (const pattern of patterns) {
    for (const m of line.matchAll(pattern)) blank(chars, start + m.index!, start + m.index! + m[0].length);
  }
  // HTML comments on one line, found with indexOf: the regex /<!--[^]*?-->/ is quadratic on a line of unclosed "<!--".
  for (let open = line.indexOf('<!--'); open >= 0; open = line.indexOf('<!--', open)) {
    const close = line.indexOf('-->', open + 4);
    if (close < 0) break;
    blank(chars, start + open, start + close + 3);
    open = close + 3;
  }
  // Link or image destination: the "(...)" right after "]", including a quoted title.
  for (const m of line.matchAll(/\]\(/g)) {
    const open = m.index! + 1;
    let depth = 0;
    let close = -1;
    for (let j = open; j < line.length; j++) {
      if (line[j] === '(') depth++;
      else if (line[j] === ')' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close > open) blank(chars, start + open, start + close + 1);
  }
}
