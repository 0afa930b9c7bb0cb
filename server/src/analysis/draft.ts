// A draft split into paragraphs. For Markdown, everything that is not prose
// (front matter, code, HTML, link destinations and titles, block markers) is
// masked with spaces in `prose`, so every offset into `prose` is also an offset
// into `text` and no rule ever has to translate between the two.

import type { DraftLanguage } from './types';

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
  /** A Markdown heading, list item or table row: a quotation never runs on from it. */
  isBlock: boolean;
}

export interface Draft {
  text: string;
  language: DraftLanguage;
  /** Same length as text; non-prose replaced by spaces (line breaks kept). */
  prose: string;
  paragraphs: Paragraph[];
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
  const paragraphs = splitParagraphs(text, prose, language, 0).paragraphs;
  markHeadline(text, language, paragraphs);
  return { text, language, prose, paragraphs };
}

interface SplitResult {
  paragraphs: Paragraph[];
  /** Where splitting stopped early to rejoin an earlier parse (see updateDraft), else undefined. */
  stoppedAt?: number;
}

/**
 * Groups the lines of `prose` from `from` (a line start where no paragraph is
 * open) into paragraphs. `canStopAt(lineStart)` lets the caller end the split
 * at a line start where no paragraph is open, to reuse what follows.
 */
function splitParagraphs(
  text: string,
  prose: string,
  language: DraftLanguage,
  from: number,
  canStopAt?: (lineStart: number) => boolean,
  copyTexts = false,
): SplitResult {
  const paragraphs: Paragraph[] = [];
  let open: Line | undefined;
  let openIsBlock = false;

  const close = () => {
    if (!open) return;
    const slice = prose.slice(open.start, open.end);
    paragraphs.push({
      index: paragraphs.length,
      start: open.start,
      end: open.end,
      text: copyTexts ? detach(slice) : slice,
      isHeadline: false,
      isBlock: openIsBlock,
    });
    open = undefined;
    openIsBlock = false;
  };

  lineBreak.lastIndex = from;
  let start = from;
  for (;;) {
    if (!open && canStopAt?.(start)) return { paragraphs, stoppedAt: start };
    const m = lineBreak.exec(prose);
    const end = m ? m.index : prose.length;
    const content = prose.slice(start, end);
    if (content.trim() === '') {
      close();
    } else {
      const raw = language === 'markdown' ? text.slice(start, end) : content;
      const block = language === 'markdown' && markdownBlockStart.test(raw);
      // A heading, list item or table row starts a paragraph of its own;
      // other lines continue the open paragraph (lazy continuation included).
      if (block) close();
      if (open) {
        open.end = end;
      } else {
        open = { start, end };
        openIsBlock = block;
      }
      if (block && /^\s{0,3}#/.test(raw)) close();
    }
    if (!m) break;
    start = m.index + m[0].length;
  }
  close();
  return { paragraphs };
}

/**
 * A copy of a slice that does not keep the whole text it was cut from alive.
 * V8 represents a slice as a view on its parent string, so a paragraph kept
 * across edits (and the cache keys made from it) would otherwise pin one full
 * copy of the draft per keystroke: hundreds of MB while typing in a long draft.
 */
function detach(slice: string): string {
  return (' ' + slice).slice(1);
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
export function updateDraft(
  previous: Draft,
  text: string,
  stretch: { start: number; oldEnd: number; delta: number },
): Draft {
  const language = previous.language;
  // Markdown masking carries state from line to line (fences, front matter,
  // HTML blocks), so an edit can change everything after it.
  if (language === 'markdown') return parseDraft(text, language);
  const old = previous.paragraphs;
  if (stretch.start === stretch.oldEnd && stretch.delta === 0 && previous.text.length === text.length) {
    return { text, language, prose: text, paragraphs: old };
  }

  // Re-split from the last paragraph that starts strictly before the edit: its
  // start is a line start with no paragraph open, and the characters before
  // and at it are unchanged. Every paragraph before it ends before a blank
  // line the edit does not reach, so it is unchanged.
  let first = upperBound(old, stretch.start - 1) - 1;
  const from = first >= 0 ? old[first].start : 0;
  if (first < 0) first = 0;

  // Stop at the first line start past the edit where no paragraph is open and
  // an old paragraph started at the same place: the rest of the text is the
  // same, so the rest of the split is the same, shifted.
  let next = upperBound(old, stretch.oldEnd);
  const canStopAt = (lineStart: number): boolean => {
    const oldStart = lineStart - stretch.delta;
    if (oldStart <= stretch.oldEnd) return false;
    while (next < old.length && old[next].start < oldStart) next++;
    return next < old.length && old[next].start === oldStart;
  };
  const split = splitParagraphs(text, text, language, from, canStopAt, true);

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
  return { text, language, prose: text, paragraphs };
}

/** Index of the first paragraph starting after `offset` (paragraphs are sorted by start). */
function upperBound(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const markdownBlockStart = /^\s{0,3}(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|\|)/;

function markHeadline(text: string, language: DraftLanguage, paragraphs: Paragraph[]): void {
  if (paragraphs.length === 0) return;
  if (language === 'markdown') {
    const heading = paragraphs.find((p) => /^\s{0,3}#\s/.test(text.slice(p.start, p.end)));
    if (heading && heading.index <= 1) heading.isHeadline = true;
    return;
  }
  // The first line of a plain draft is its headline when it stands alone.
  const first = paragraphs[0];
  if (first.start === text.search(/\S/) && !/[\r\n]/.test(text.slice(first.start, first.end))) {
    first.isHeadline = true;
  }
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
    /<!--[^]*?-->/g, // HTML comment on one line
    /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, // HTML tag
    /<[a-z][a-z0-9+.-]*:[^\s<>]*>/gi, // autolink
  ];
  for (const pattern of patterns) {
    for (const m of line.matchAll(pattern)) blank(chars, start + m.index!, start + m.index! + m[0].length);
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
