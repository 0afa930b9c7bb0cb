// Pairs quotation marks across a whole draft.
//
// Two passes. The first works on one paragraph at a time and depends on
// nothing outside it: it finds the marks (telling apostrophes, elisions and
// primes apart from quotation marks), infers the direction of straight marks
// from their neighbours, and pairs them with a stack. Its result is cached by
// the paragraph's text, so an edit re-scans only the paragraph it touched. The
// second pass is a cheap scan over those cached results: it links quotations
// that legitimately run on into the next paragraph (the multi-paragraph
// convention), detects US or UK style, and turns what is left unpaired into
// problems with ranked repairs.
//
// Direction of a straight mark: after whitespace, a line start, a bracket or a
// dash it opens; after a letter, digit or punctuation and before whitespace,
// punctuation or the end it closes. A single mark after a letter ("drivers'",
// "nothin'") or a double mark after a digit (12" pipe) may be an apostrophe or
// a prime: such a mark closes a quotation only when one is open and no clearer
// closing mark follows, and it is never reported on its own. We prefer silence
// to a false alarm.

import { TextCache } from './cache';
import type { Draft, Paragraph } from './draft';
import type { RuleContext } from './rule';
import type { Fix, QuoteStyleSetting, RelatedPlace } from './types';

export type QuoteKind = 'double' | 'single';

export interface QuoteMark {
  offset: number;
  glyph: string;
  kind: QuoteKind;
  role: 'open' | 'close';
  curly: boolean;
}

export interface Quotation {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark; undefined when this paragraph's segment ends open. */
  close?: number;
  kind: QuoteKind;
  /** First offset of the quoted words (open + glyph length). */
  contentStart: number;
  /**
   * Offset just past the quoted words: the closing mark; for an unclosed
   * quotation, where it must have ended at the latest (the next opening mark
   * of the same kind, the enclosing quotation's close, or the paragraph end).
   */
  contentEnd: number;
  /** Index into draft.paragraphs. */
  paragraph: number;
  /** 0 = outer quotation, 1 = nested inside another. */
  depth: number;
  /** Continues the previous paragraph's quotation (multi-paragraph convention). */
  continues: boolean;
  /** Legitimately runs on into the next paragraph. */
  continuesInNext: boolean;
}

/** An apostrophe or elision mark (don't, drivers', ’90s): never a quotation mark, but mixed-quotes converts it. */
export interface ApostropheMark {
  offset: number;
  glyph: string;
}

/** A mark the engine could not pair, with the repairs the unbalanced-quote rule offers. */
/** The fix offered when a quotation resumes inside its own paragraph, as if a paragraph break was lost. */
export const startParagraphFixTitle = 'Start a new paragraph where the next quotation opens';

export interface QuoteProblem {
  /** 'unclosed': an opening mark never closed; 'stray': a closing mark with no opening mark. */
  type: 'unclosed' | 'stray';
  mark: QuoteMark;
  paragraph: number;
  /** Ranked, the first preferred. Each one balances the paragraph's marks better than before. */
  fixes: Fix[];
  /** Where the quotation most likely closes (unclosed) or opens (stray). */
  related: RelatedPlace[];
}

export interface QuoteAnalysis {
  /** Detected per draft (double outside = us), or forced by options.quoteStyle. */
  style: 'us' | 'uk';
  /** The draft mostly uses curly marks (apostrophes included). */
  curlyMajority: boolean;
  /** Only real quotation marks (apostrophes, elisions, primes excluded), in document order. */
  marks: QuoteMark[];
  /** One per paragraph segment, in document order. */
  quotations: Quotation[];
  apostrophes: ApostropheMark[];
  problems: QuoteProblem[];
}

export function analyzeQuotes(ctx: RuleContext): QuoteAnalysis {
  return ctx.memo('quotes', () => analyzeDraftQuotes(ctx.draft, ctx.options.quoteStyle));
}

// ---------------------------------------------------------------------------
// Paragraph pass: marks and their direction.

type Direction = 'open' | 'close' | 'either' | 'maybeClose';

interface Token {
  at: number;
  glyph: string;
  kind: QuoteKind;
  dir: Direction;
  curly: boolean;
}

const curlyGlyphs = new Set(['“', '”', '‘', '’', '„', '‚']);
const doubleGlyphs = new Set(['"', '“', '”', '„', '«', '»', "''"]);

/** Partner glyph used when a fix inserts the missing half of a pair. */
const closingPartner: Record<string, string> = {
  '"': '"', "''": "''", "'": "'", '“': '”', '„': '“', '‘': '’', '«': '»', '‹': '›',
};
const openingPartner: Record<string, string> = {
  '"': '"', "''": "''", "'": "'", '”': '“', '’': '‘', '»': '«', '›': '‹', '“': '„',
};

const isQuoteChar = (c: number) =>
  c === 0x22 || c === 0x27 || (c >= 0x2018 && c <= 0x201e) || c === 0xab || c === 0xbb || c === 0x2039 || c === 0x203a;
/** Emphasis markers are transparent when looking at a mark's neighbours: *"quote"*. */
const isTransparent = (ch: string) => ch === '*' || ch === '_';
const isQuoteGlyph = (ch: string) => isQuoteChar(ch.charCodeAt(0));
const wordChar = /[\p{L}\p{N}]/u;
const isWord = (ch: string | undefined) => ch !== undefined && wordChar.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const openers = '([{<—–-/=';
const closingPunctuation = '.,;:!?)]}>—–-/…%';
const sentencePunctuation = '.,;:!?…';
/** Words that elide their first letters: 'em, 'n', 'til, 'cause. A mark before them is an apostrophe. */
const elidedWords = new Set(['em', 'n', 'til', 'tis', 'twas', 'cause', 'bout', 'round', 'kay', 'nuff', 'cos', 'coz', 'sup', 'ello', 'ere', 's']);

/** The character before `at`, skipping emphasis markers and (when asked) other quote marks. */
function before(text: string, at: number, skipQuotes: boolean): string | undefined {
  let i = at - 1;
  while (i >= 0 && (isTransparent(text[i]) || (skipQuotes && isQuoteGlyph(text[i])))) i--;
  return i >= 0 ? text[i] : undefined;
}

function after(text: string, at: number, skipQuotes: boolean): string | undefined {
  let i = at;
  while (i < text.length && (isTransparent(text[i]) || (skipQuotes && isQuoteGlyph(text[i])))) i++;
  return i < text.length ? text[i] : undefined;
}

/** The word right after `at`, lower-cased, for the elision list. */
function wordAfter(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < 8 && isWord(text[end])) end++;
  return text.slice(at, end).toLowerCase();
}

function directionFromNeighbours(text: string, at: number, length: number): { prevOpenish: boolean; nextCloseish: boolean } {
  const prev = before(text, at, true);
  let next = after(text, at + length, true);
  // "...and" and "…and": an ellipsis after an opening mark is part of the quoted words.
  if (next === '…' || (next === '.' && text[at + length + 1] === '.')) next = 'a';
  const prevOpenish = prev === undefined || isSpace(prev) || openers.includes(prev);
  const nextCloseish = next === undefined || isSpace(next) || closingPunctuation.includes(next);
  return { prevOpenish, nextCloseish };
}

function fromContext(prevOpenish: boolean, nextCloseish: boolean): Direction {
  if (prevOpenish && !nextCloseish) return 'open';
  if (!prevOpenish && nextCloseish) return 'close';
  return 'either';
}

/** Appends the tokens of one mark (or run of straight single marks) at i; returns the index after it. */
function classify(text: string, i: number, tokens: Token[], apostrophes: ApostropheMark[]): number {
  const ch = text[i];
  const prevRaw = i > 0 ? text[i - 1] : undefined;

  if (ch === "'") {
    let run = 1;
    while (text[i + run] === "'") run++;
    if (run >= 2) return classifySingleRun(text, i, run, tokens, apostrophes);
    return classifySingle(text, i, ch, tokens, apostrophes);
  }
  if (ch === '’' || ch === '‘') return classifySingle(text, i, ch, tokens, apostrophes);
  if (ch === '‚') return i + 1; // low single mark: too often a comma look-alike to trust

  if (ch === '"') {
    const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, 1);
    // 6'8", 12" pipe: a double mark right after a digit is an inch mark unless it closes an open quotation.
    if (isDigit(prevRaw) && !prevOpenish) {
      const feetAndInches = /\d['′]\s?\d{1,2}$/.test(text.slice(Math.max(0, i - 6), i));
      if (feetAndInches) return i + 1;
      tokens.push({ at: i, glyph: ch, kind: 'double', dir: nextCloseish ? 'maybeClose' : 'either', curly: false });
      return i + 1;
    }
    tokens.push({ at: i, glyph: ch, kind: 'double', dir: fromContext(prevOpenish, nextCloseish), curly: false });
    return i + 1;
  }

  // 6’2”: a right double mark after feet and inches is an inch mark.
  if (ch === '”' && isDigit(prevRaw) && /\d['′’]\s?\d{1,2}$/.test(text.slice(Math.max(0, i - 6), i))) return i + 1;
  // Curly and angle marks carry their direction, but pasted copy sometimes has
  // the wrong one ("an “expedited review“ of"); the neighbours decide when they disagree clearly.
  const kind: QuoteKind = doubleGlyphs.has(ch) ? 'double' : 'single';
  const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, 1);
  const glyphOpens = ch === '“' || ch === '„' || ch === '«' || ch === '‹';
  let dir: Direction = glyphOpens ? 'open' : 'close';
  if (glyphOpens && !prevOpenish && nextCloseish) dir = 'close';
  if (!glyphOpens && prevOpenish && !nextCloseish) dir = 'open';
  tokens.push({ at: i, glyph: ch, kind, dir, curly: curlyGlyphs.has(ch) });
  return i + 1;
}

function classifySingle(text: string, i: number, ch: string, tokens: Token[], apostrophes: ApostropheMark[]): number {
  const prevRaw = i > 0 ? text[i - 1] : undefined;
  const nextRaw = text[i + 1];
  const curly = ch !== "'";
  const apostrophe = () => {
    apostrophes.push({ offset: i, glyph: ch });
    return i + 1;
  };
  // 6'8", 5' 11: feet, a prime rather than an apostrophe
  if (isDigit(prevRaw) && (isDigit(nextRaw) || (nextRaw === ' ' && isDigit(text[i + 2])))) return i + 1;
  // don't, O'Brien, Côte d'Ivoire, rock'n'roll
  if (isWord(prevRaw) && isWord(nextRaw)) return apostrophe();
  const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, 1);
  if (prevOpenish && !nextCloseish) {
    // ’90s, '16, 'em, rock 'n' roll, 'til
    if (isDigit(nextRaw)) return apostrophe();
    const word = wordAfter(text, i + 1);
    if (elidedWords.has(word) && !isWord(text[i + 1 + word.length])) {
      if (word === 'n' && (text[i + 2] === "'" || text[i + 2] === '’')) {
        apostrophes.push({ offset: i, glyph: ch });
        apostrophes.push({ offset: i + 2, glyph: text[i + 2] });
        return i + 3;
      }
      return apostrophe();
    }
    if (ch === '’') return apostrophe(); // a right mark before a word is an elision, not an opening mark
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'open', curly });
    return i + 1;
  }
  if (!prevOpenish && nextCloseish) {
    const prev = before(text, i, true);
    // After punctuation a single mark can only close: 'No,' he said.
    if (ch === '‘') return apostrophe(); // a left mark after a word: mistyped apostrophe
    if (prev !== undefined && sentencePunctuation.includes(prev)) {
      tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'close', curly });
      return i + 1;
    }
    // After a letter other than s and before punctuation or the end, it closes:
    // Blair 'will not quit'. After s it may be a plural possessive (the Joneses'.).
    const next = after(text, i + 1, true);
    if (isWord(prevRaw) && !isDigit(prevRaw) && !/[sSzZ]/.test(prevRaw!) && (next === undefined || sentencePunctuation.includes(next))) {
      tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'close', curly });
      return i + 1;
    }
    // drivers', nothin', 5': an apostrophe or prime unless it closes an open quotation.
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'maybeClose', curly });
    return i + 1;
  }
  if (ch === '‘' && prevOpenish) {
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'open', curly });
  } else if (prevOpenish && nextCloseish && prevRaw !== undefined && !isSpace(prevRaw)) {
    // Wedged between symbols ('BBB-'.): it can still close an open quotation.
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'either', curly });
  }
  // Space on both sides: no evidence either way.
  return i + 1;
}

/**
 * Two straight single marks stand for a double mark in some wire copy
 * (''This represents...,'' he said). Three are a double and a single:
 * nested marks close first and open last.
 */
function classifySingleRun(text: string, i: number, run: number, tokens: Token[], apostrophes: ApostropheMark[]): number {
  const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, run);
  const dir = fromContext(prevOpenish, nextCloseish);
  const doubles = Math.floor(run / 2);
  const single = run % 2 === 1;
  const pushDouble = (at: number) => tokens.push({ at, glyph: "''", kind: 'double', dir, curly: false });
  const pushSingle = (at: number) =>
    tokens.push({ at, glyph: "'", kind: 'single', dir: dir === 'either' ? 'either' : dir, curly: false });
  void apostrophes;
  let at = i;
  if (single && dir === 'close') {
    pushSingle(at);
    at += 1;
  }
  for (let d = 0; d < doubles; d++, at += 2) pushDouble(at);
  if (single && dir !== 'close') pushSingle(at);
  return i + run;
}

// ---------------------------------------------------------------------------
// Paragraph pass: pairing.

interface LocalQuotation {
  open: number;
  openGlyph: string;
  openCurly: boolean;
  close?: number;
  closeGlyph?: string;
  closeCurly?: boolean;
  kind: QuoteKind;
  depth: number;
  /** For an unclosed quotation: where it must have ended at the latest. */
  limit: number;
}

interface LocalProblem {
  type: 'unclosed' | 'stray';
  at: number;
  glyph: string;
  kind: QuoteKind;
  curly: boolean;
  /** For 'unclosed': where the quotation must have ended at the latest. */
  limit: number;
  /** The mark is most likely one too many: removing it is the preferred repair. */
  extra: boolean;
}

interface ParagraphQuotes {
  marks: { at: number; glyph: string; kind: QuoteKind; role: 'open' | 'close'; curly: boolean }[];
  apostrophes: ApostropheMark[];
  quotations: LocalQuotation[];
  problems: LocalProblem[];
  /** The outer quotation still open at the paragraph's end: fine if the next paragraph continues it. */
  openAtEnd?: LocalQuotation;
  /** The kind of opening mark the paragraph starts with, if it starts with one. */
  opensWith?: QuoteKind;
}

const paragraphCache = new TextCache<ParagraphQuotes>(8192);

export function scanParagraph(text: string): ParagraphQuotes {
  return paragraphCache.get(text, () => scanParagraphUncached(text));
}

function scanParagraphUncached(text: string): ParagraphQuotes {
  const tokens: Token[] = [];
  const apostrophes: ApostropheMark[] = [];
  for (let i = 0; i < text.length; ) {
    if (isQuoteChar(text.charCodeAt(i))) i = classify(text, i, tokens, apostrophes);
    else i++;
  }
  return pair(text, tokens, apostrophes);
}

function pair(text: string, tokens: Token[], apostrophes: ApostropheMark[]): ParagraphQuotes {
  const marks: ParagraphQuotes['marks'] = [];
  const quotations: LocalQuotation[] = [];
  const problems: LocalProblem[] = [];
  const stack: LocalQuotation[] = [];
  /** Per kind: the last quotation closed with no mark of that kind since, for re-pairing a stray close. */
  const lastClosed: Partial<Record<QuoteKind, LocalQuotation>> = {};
  /** Opening marks judged one too many, waiting for their enclosing quotation's close to set their limit. */
  const extras: { quotation: LocalQuotation; enclosing: LocalQuotation }[] = [];

  const unclosed = (q: LocalQuotation, limit: number, extra = false) => {
    q.limit = limit;
    problems.push({ type: 'unclosed', at: q.open, glyph: q.openGlyph, kind: q.kind, curly: q.openCurly, limit, extra });
  };

  const openQuotation = (tok: Token) => {
    marks.push({ at: tok.at, glyph: tok.glyph, kind: tok.kind, role: 'open', curly: tok.curly });
    const q: LocalQuotation = {
      open: tok.at, openGlyph: tok.glyph, openCurly: tok.curly, kind: tok.kind, depth: stack.length, limit: text.length,
    };
    quotations.push(q);
    lastClosed[tok.kind] = undefined;
    const same = findLast(stack, tok.kind);
    if (same >= 0) {
      // A mark of the same kind cannot nest. Either the earlier quotation lost
      // its closing mark, or this mark is one too many: the weaker opening loses.
      const earlier = stack[same];
      const earlierClosesBefore = bestClosingPlace(text, earlier, tok.at) !== undefined;
      if (!earlierClosesBefore && openingStrength(text, tok.at, tok.glyph.length) < openingStrength(text, earlier.open, earlier.openGlyph.length)) {
        q.depth = same + 1;
        extras.push({ quotation: q, enclosing: earlier });
        unclosed(q, text.length, true);
        return;
      }
      for (let k = stack.length - 1; k >= same; k--) unclosed(stack[k], tok.at);
      stack.length = same;
      q.depth = same;
    }
    stack.push(q);
  };

  const closeQuotation = (tok: Token, index: number): boolean => {
    const same = findLast(stack, tok.kind);
    if (same >= 0) {
      for (let k = stack.length - 1; k > same; k--) unclosed(stack[k], tok.at);
      const q = stack[same];
      stack.length = same;
      q.close = tok.at;
      q.closeGlyph = tok.glyph;
      q.closeCurly = tok.curly;
      q.limit = tok.at;
      lastClosed[tok.kind] = q;
      for (const e of extras) if (e.enclosing === q) e.quotation.limit = tok.at;
      marks.push({ at: tok.at, glyph: tok.glyph, kind: tok.kind, role: 'close', curly: tok.curly });
      return true;
    }
    if (tok.dir === 'maybeClose') return false;
    marks.push({ at: tok.at, glyph: tok.glyph, kind: tok.kind, role: 'close', curly: tok.curly });
    // A closing mark with nothing to close. If the previous quotation of this
    // kind opened strongly and this close looks more like its real end than
    // the one it got ("We will act" now," he said), the earlier close is the stray one.
    const previous = lastClosed[tok.kind];
    if (
      previous?.close !== undefined &&
      stack.every((q) => q.open < previous.open) &&
      (openingStrength(text, previous.open, previous.openGlyph.length) >= 3 || wedgedBetweenWords(text, previous.close, previous.closeGlyph!.length)) &&
      closingStrength(text, tok.at, tok.glyph.length) > closingStrength(text, previous.close, previous.closeGlyph!.length)
    ) {
      problems.push({
        type: 'stray', at: previous.close, glyph: previous.closeGlyph!, kind: tok.kind, curly: previous.closeCurly!,
        limit: previous.close, extra: true,
      });
      previous.close = tok.at;
      previous.closeGlyph = tok.glyph;
      previous.closeCurly = tok.curly;
      previous.limit = tok.at;
      return true;
    }
    problems.push({ type: 'stray', at: tok.at, glyph: tok.glyph, kind: tok.kind, curly: tok.curly, limit: tok.at, extra: false });
    void index;
    return true;
  };

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    switch (tok.dir) {
      case 'open':
        openQuotation(tok);
        break;
      case 'close':
        closeQuotation(tok, t);
        break;
      case 'either':
        if (findLast(stack, tok.kind) >= 0) closeQuotation(tok, t);
        else openQuotation(tok);
        break;
      case 'maybeClose':
        // An apostrophe or prime, unless it is the only candidate to close an open quotation.
        if (findLast(stack, tok.kind) < 0 || clearerCloseFollows(tokens, t) || !closeQuotation(tok, t)) {
          if (tok.kind === 'single') apostrophes.push({ offset: tok.at, glyph: tok.glyph });
        }
        break;
    }
  }

  let openAtEnd: LocalQuotation | undefined;
  if (stack.length > 0) {
    for (let k = stack.length - 1; k >= 1; k--) unclosed(stack[k], text.length);
    openAtEnd = stack[0];
    openAtEnd.limit = text.length;
  }
  marks.sort((a, b) => a.at - b.at);
  apostrophes.sort((a, b) => a.offset - b.offset);
  problems.sort((a, b) => a.at - b.at);

  const first = tokens[0];
  const leading = text.search(/\S/);
  const opensWith = first && first.at === leading && marks[0]?.at === first.at && marks[0].role === 'open' ? first.kind : undefined;
  return { marks, apostrophes, quotations, problems, openAtEnd, opensWith };
}

/**
 * Copy whose paragraph breaks were lost (pasted from the web, or wire text
 * joined into one line) shows the multi-paragraph convention inside one
 * paragraph: "We won. "Next season we go up," he said. The first quotation
 * is still never closed as the text stands, but the repair may be a
 * paragraph break: an opening mark that starts a sentence, after a quotation
 * that began like a full one and has no attribution inside.
 */
function lostParagraphBreak(text: string, earlier: LocalQuotation, tok: Token): boolean {
  const end = trimmedEndBefore(text, tok.at);
  if (end === tok.at || !'.?!'.includes(text[end - 1])) return false;
  if (openingStrength(text, tok.at, tok.glyph.length) < 4) return false;
  if (openingStrength(text, earlier.open, earlier.openGlyph.length) < 3) return false;
  return (bestClosingPlace(text, earlier, tok.at)?.score ?? 0) < 3;
}

function findLast(stack: LocalQuotation[], kind: QuoteKind): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].kind === kind) return k;
  return -1;
}

/** A definite closing mark of the same kind comes before the next opening one: 'the drivers' union,' she said. */
function clearerCloseFollows(tokens: Token[], t: number): boolean {
  const kind = tokens[t].kind;
  for (let u = t + 1; u < tokens.length; u++) {
    if (tokens[u].kind !== kind) continue;
    if (tokens[u].dir === 'close') return true;
    if (tokens[u].dir === 'open' || tokens[u].dir === 'either') return false;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Evidence: how much a place looks like the start or end of quoted words.

const saidVerbs =
  'said|says|say|added|adds|asked|asks|told|tells|wrote|writes|explained|explains|noted|notes|insisted|insists|' +
  'argued|argues|claimed|claims|continued|continues|declared|declares|stated|states|replied|replies|responded|' +
  'warned|warns|admitted|acknowledged|recalled|suggested|observed|announced|remarked|joked|concluded|conceded|' +
  'cautioned|countered|maintained|stressed|emphasized|emphasised|tweeted|posted|predicted|vowed|pledged|quipped|' +
  'agreed|complained|boasted|shouted|yelled|whispered|testified|recounted|reported|commented|exclaimed|went on';

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

function looksLikeAttribution(text: string, from: number): boolean {
  return attributionAfter.test(text.slice(from, from + 160));
}

function trimmedEndBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && (isSpace(text[i - 1]) || isTransparent(text[i - 1]))) i--;
  return i;
}

/**
 * `"We won," said Smith` or `"We won," he told reporters`: the verb right
 * after a closing mark attributes the quotation before it, so what follows
 * it (the speaker, the audience) is not quoted words.
 */
function afterClosedAttribution(text: string, end: number): boolean {
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
function openingStrength(text: string, at: number, length: number): number {
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
function wedgedBetweenWords(text: string, at: number, length: number): boolean {
  const prev = text[at - 1];
  if (!isWord(prev)) return false;
  let i = at + length;
  if (text[i] !== ' ') return false;
  i++;
  const next = text[i];
  return next !== undefined && isWord(next) && next === next.toLowerCase() && next !== next.toUpperCase();
}

/** 1 (after a word, before a word) to 3 (before an attribution or at the paragraph end). */
function closingStrength(text: string, at: number, length: number): number {
  const rest = at + length;
  if (text.slice(rest).trim() === '' || /^[\s.,;:!?)*_]*$/.test(text.slice(rest, rest + 3)) && text.slice(rest).trim().length <= 2) return 3;
  const prev = before(text, at, true);
  let from = rest;
  while (from < text.length && (',.'.includes(text[from]) || isQuoteGlyph(text[from]))) from++;
  if (looksLikeAttribution(text, from)) return 3;
  if (prev !== undefined && sentencePunctuation.includes(prev)) return 2;
  if (from > rest) return 2;
  return 1;
}

interface ClosingPlace {
  /** Offset just past the last quoted word or its punctuation: the mark goes here or before the punctuation. */
  wordsEnd: number;
  /** The punctuation right after the quoted words, if any. */
  punctuation: string;
  /** 3 = before an attribution, 2 = before narration (he, she) after first-person words. */
  score: number;
}

const firstPerson = /\b(?:I|I'm|I’m|I've|I’ve|we|We|our|Our|us|my|My|me)\b/;
const narration = /^\s+(?:\w+\s+){0,3}?(?:he|she|they|his|her|their|it)\b/i;

/**
 * The most likely end of an unclosed quotation's words before `limit`: a
 * clause boundary followed by an attribution ("..., Whitfield said"), else one
 * followed by narration that switches from the quotation's first person to
 * the third ("We will ... defeat ISIS, and while he gave a nod").
 */
function bestClosingPlace(text: string, q: LocalQuotation, limit: number): ClosingPlace | undefined {
  const from = q.open + q.openGlyph.length;
  const boundary = /[,;:.?!…]+(?=[\s*_]|$)/g;
  boundary.lastIndex = from;
  let narrated: ClosingPlace | undefined;
  for (let m = boundary.exec(text); m && m.index < limit; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= limit) break;
    if (looksLikeAttribution(text, end)) return { wordsEnd: m.index, punctuation: m[0], score: 3 };
    if (!narrated && (m[0] === ',' || m[0] === ';')) {
      const clause = text.slice(end, end + 60);
      if (narration.test(clause) && firstPerson.test(text.slice(from, m.index))) {
        narrated = { wordsEnd: m.index, punctuation: m[0], score: 2 };
      }
    }
  }
  return narrated;
}

// ---------------------------------------------------------------------------
// Draft pass.

/**
 * A quotation that runs on into the next paragraph starts like a full
 * quotation (at the paragraph start, after `said:` or a sentence) and has no
 * attribution inside it; "...to cool off, Kunin said." lost its closing mark.
 */
function mayRunOn(text: string, q: LocalQuotation): boolean {
  if (openingStrength(text, q.open, q.openGlyph.length) < 2) return false;
  return (bestClosingPlace(text, q, text.length)?.score ?? 0) < 3;
}

export function analyzeDraftQuotes(draft: Draft, quoteStyle: QuoteStyleSetting = 'auto'): QuoteAnalysis {
  const scans = draft.paragraphs.map((p) => scanParagraph(p.text));
  const marks: QuoteMark[] = [];
  const quotations: Quotation[] = [];
  const apostrophes: ApostropheMark[] = [];
  let doubleOuter = 0;
  let singleOuter = 0;
  let curly = 0;
  let straight = 0;
  // Whether the draft puts a full stop outside the closing mark of a partial quotation ("desperate".).
  let periodInside = 0;
  let periodOutside = 0;

  const continuesInto: boolean[] = [];
  for (let i = 0; i < scans.length; i++) {
    const p = draft.paragraphs[i];
    const scan = scans[i];
    const next = draft.paragraphs[i + 1];
    continuesInto[i] =
      scan.openAtEnd !== undefined &&
      !p.isHeadline && !p.isBlock &&
      next !== undefined && !next.isHeadline && !next.isBlock &&
      scans[i + 1].opensWith === scan.openAtEnd.kind &&
      mayRunOn(p.text, scan.openAtEnd);
  }

  for (let i = 0; i < scans.length; i++) {
    const p = draft.paragraphs[i];
    const scan = scans[i];
    for (const m of scan.marks) {
      marks.push({ offset: p.start + m.at, glyph: m.glyph, kind: m.kind, role: m.role, curly: m.curly });
      if (m.glyph.length === 1 && (m.glyph === '"' || m.glyph === "'")) straight++;
      else if (m.curly) curly++;
    }
    for (const a of scan.apostrophes) {
      apostrophes.push({ offset: p.start + a.offset, glyph: a.glyph });
      if (a.glyph === "'") straight++;
      else curly++;
    }
    for (const q of scan.quotations) {
      const continues = i > 0 && continuesInto[i - 1] && q === scan.quotations[0];
      quotations.push({
        open: p.start + q.open,
        close: q.close === undefined ? undefined : p.start + q.close,
        kind: q.kind,
        contentStart: p.start + q.open + q.openGlyph.length,
        contentEnd: p.start + (q.close ?? q.limit),
        paragraph: i,
        depth: q.depth,
        continues,
        continuesInNext: q === scan.openAtEnd && continuesInto[i],
      });
      if (q.close !== undefined && q.depth === 0) {
        if (q.kind === 'double') doubleOuter++;
        else singleOuter++;
        const content = p.text.slice(q.open + q.openGlyph.length, q.close);
        if (/^\s*\p{Ll}/u.test(content)) {
          if (content.endsWith('.')) periodInside++;
          else if (p.text[q.close + q.closeGlyph!.length] === '.') periodOutside++;
        }
      }
    }
  }

  const style: 'us' | 'uk' = quoteStyle !== 'auto' ? quoteStyle : singleOuter > doubleOuter ? 'uk' : 'us';
  const curlyMajority = curly > straight;
  const placement: Placement = {
    style,
    partialPeriodOutside: periodInside + periodOutside > 0 ? periodOutside > periodInside : style === 'uk',
  };

  const problems: QuoteProblem[] = [];
  const lineBreak = draft.text.includes('\r\n') ? '\r\n' : '\n';
  for (let i = 0; i < scans.length; i++) {
    const p = draft.paragraphs[i];
    const scan = scans[i];
    const local = [...scan.problems];
    if (scan.openAtEnd && !continuesInto[i]) {
      const q = scan.openAtEnd;
      local.push({ type: 'unclosed', at: q.open, glyph: q.openGlyph, kind: q.kind, curly: q.openCurly, limit: p.text.length, extra: false });
      local.sort((a, b) => a.at - b.at);
    }
    for (const problem of local) problems.push(describeProblem(p, scan, problem, continuesInto[i], placement, lineBreak));
  }

  return { style, curlyMajority, marks, quotations, apostrophes, problems };
}

// ---------------------------------------------------------------------------
// Repairs.

interface Placement {
  style: 'us' | 'uk';
  partialPeriodOutside: boolean;
}

/** How many faults a paragraph has on its own, counting an open end only when nothing continues it. */
function faults(scan: ParagraphQuotes, mayEndOpen: boolean): number {
  return scan.problems.length + (scan.openAtEnd && !mayEndOpen ? 1 : 0);
}

function applyLocal(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Start of the character (code point) that ends at `at`, so a range never splits a surrogate pair. */
function charStartBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  const high = text.charCodeAt(at - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? at - 2 : at - 1;
}

/** End of the character (code point) that starts at `at`. */
function charEndAfter(text: string, at: number): number {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}

function excerpt(text: string, end: number): string {
  const start = Math.max(0, end - 24);
  const cut = text.slice(start, end).trim();
  const space = start > 0 ? cut.indexOf(' ') : -1;
  return space > 0 && space < cut.length - 1 ? cut.slice(space + 1) : cut;
}

function describeProblem(
  p: Paragraph,
  scan: ParagraphQuotes,
  problem: LocalProblem,
  mayEndOpen: boolean,
  placement: Placement,
  lineBreak: string,
): QuoteProblem {
  const text = p.text;
  const before = faults(scan, mayEndOpen);
  const candidates: { fix: Fix; local: { start: number; end: number; text: string }; rank: number }[] = [];
  const related: RelatedPlace[] = [];
  const add = (title: string, start: number, end: number, insert: string, rank: number, safe = false) => {
    // Keep a repair only if it really balances the paragraph better.
    const after = scanParagraphUncached(applyLocal(text, start, end, insert));
    if (faults(after, mayEndOpen) >= before) return;
    if (candidates.some((c) => c.local.start === start && c.local.end === end && c.local.text === insert)) return;
    candidates.push({
      fix: { title, edits: [{ start: p.start + start, end: p.start + end, text: insert }], ...(safe ? { safe } : {}) },
      local: { start, end, text: insert },
      rank,
    });
  };
  const removeTitle = 'Remove this quotation mark';

  if (problem.type === 'unclosed') {
    const q: LocalQuotation = {
      open: problem.at, openGlyph: problem.glyph, openCurly: problem.curly, kind: problem.kind, depth: 0, limit: problem.limit,
    };
    const glyph = closingPartner[problem.glyph] ?? problem.glyph;
    const strength = openingStrength(text, problem.at, problem.glyph.length);
    const place = bestClosingPlace(text, q, problem.limit);
    const insertRank = problem.extra || strength < 2 ? 2 : 0;
    const fullSentence = /^\s*[\p{Lu}\p{N}]/u.test(text.slice(problem.at + problem.glyph.length));
    if (place) {
      const at = closingOffset(place.wordsEnd, place.punctuation, fullSentence, placement);
      related.push({ start: p.start + Math.max(problem.at + problem.glyph.length, charStartBefore(text, at)), end: p.start + at, message: 'The quotation most likely ends here.' });
      add(`Close the quotation after “${excerpt(text, at)}”`, at, at, glyph, insertRank, place.score >= 3 && strength >= 3);
    }
    // Before the next opening mark that cannot nest, or at the paragraph's end.
    const limitEnd = trimmedEndBefore(text, problem.limit);
    if (limitEnd > problem.at + problem.glyph.length) {
      let at = limitEnd;
      const last = text[at - 1];
      if ('.?!,;:'.includes(last)) at = closingOffset(at - 1, last, fullSentence, placement);
      if (!place) related.push({ start: p.start + charStartBefore(text, at), end: p.start + at, message: 'The quotation most likely ends here.' });
      const tailRank = insertRank > 0 && !afterClosedAttribution(text, trimmedEndBefore(text, problem.at)) && shortFinalPhrase(text, problem.at + problem.glyph.length, limitEnd, problem.limit === text.length, p.isHeadline) ? 0.5 : insertRank + 1;
      add(`Close the quotation after “${excerpt(text, at)}”`, at, at, glyph, tailRank);
    }
    // A partial quotation opened mid-sentence after "a" or "called" most often
    // ends at the next clause boundary: ranked above removing the mark.
    if (strength < 2 && !problem.extra && introducesPartial(text, problem.at)) {
      const clause = clauseEnd(text, problem.at + problem.glyph.length, trimmedEndBefore(text, problem.limit));
      if (clause) {
        const at = closingOffset(clause.wordsEnd, clause.punctuation, fullSentence, placement);
        add(`Close the quotation after “${excerpt(text, at)}”`, at, at, glyph, 0.7);
      }
    }
    const blocking = scan.marks.find((m) => m.at === problem.limit && m.role === 'open' && m.kind === problem.kind);
    if (blocking && !problem.extra && lostParagraphBreak(text, q, { at: blocking.at, glyph: blocking.glyph, kind: blocking.kind, dir: 'open', curly: blocking.curly })) {
      // Not checked by re-scanning: the two halves become paragraphs of their own,
      // the first running on into the second by the multi-paragraph convention.
      const gap = trimmedEndBefore(text, blocking.at);
      candidates.push({
        fix: { title: startParagraphFixTitle, edits: [{ start: p.start + gap, end: p.start + blocking.at, text: lineBreak + lineBreak }] },
        local: { start: gap, end: blocking.at, text: lineBreak + lineBreak },
        rank: insertRank + 1.5,
      });
      related.push({ start: p.start + blocking.at, end: p.start + blocking.at + blocking.glyph.length, message: 'If a paragraph break was lost here, this mark continues the quotation.' });
    }
    const duplicate = text.startsWith(problem.glyph, problem.at + problem.glyph.length) || text.slice(0, problem.at).endsWith(problem.glyph);
    add(removeTitle, problem.at, problem.at + problem.glyph.length, '', insertRank === 0 ? 3 : 1, duplicate);
  } else {
    const glyph = openingPartner[problem.glyph] ?? problem.glyph;
    const strength = closingStrength(text, problem.at, problem.glyph.length);
    const at = openingPlace(text, scan, problem.at);
    const insertRank = problem.extra || strength < 2 ? 2 : 0;
    if (at !== undefined) {
      related.push({ start: p.start + at, end: p.start + Math.min(charEndAfter(text, at), problem.at), message: 'The quotation most likely begins here.' });
      const words = text.slice(at, at + 24).trim().split(/\s+/).slice(0, 3).join(' ');
      // Unambiguous, so "Fix all" may take it: one sentence opens the paragraph, no
      // other mark comes before, and an attribution follows the closing mark.
      const paragraphStart = /^\s*/.exec(text)![0].length;
      const safe =
        at === paragraphStart && strength >= 3 && !problem.extra && scan.marks.every((m) => m.at >= problem.at) && !/[.?!]\s/.test(text.slice(at, problem.at));
      add(`Open the quotation before “${words}”`, at, at, glyph, insertRank, safe);
    }
    if (strength < 2 && !problem.extra) {
      // Measured: without a clause word after the mark, removing it is likelier right.
      const start = partialStart(text, problem.at);
      if (start !== undefined) {
        const words = text.slice(start, start + 24).trim().split(/\s+/).slice(0, 3).join(' ');
        add(`Open the quotation before “${words}”`, start, start, glyph, 0.7);
      }
    }
    const duplicate = text.startsWith(problem.glyph, problem.at + problem.glyph.length) || text.slice(0, problem.at).endsWith(problem.glyph);
    add(removeTitle, problem.at, problem.at + problem.glyph.length, '', insertRank === 0 ? 3 : 1, duplicate);
  }

  candidates.sort((a, b) => a.rank - b.rank);
  const fixes = candidates.map((c, i) => (i === 0 ? { ...c.fix, preferred: true } : c.fix));
  return {
    type: problem.type,
    mark: { offset: p.start + problem.at, glyph: problem.glyph, kind: problem.kind, role: problem.type === 'unclosed' ? 'open' : 'close', curly: problem.curly },
    paragraph: p.index,
    fixes,
    related,
  };
}

/**
 * Words after which a short partial quotation typically opens: called it a
 * "costly mistake", described as "reckless". (Measured: after the, is, was
 * or a possessive the mark is as often one typed too many.)
 */
const partialIntroducers = new Set(['a', 'an', 'as', 'called', 'calling', 'call', 'calls', 'described']);

function introducesPartial(text: string, at: number): boolean {
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
function partialStart(text: string, closeAt: number): number | undefined {
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
const clauseWords = new Set(['and', 'but', 'or', 'nor', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'that', 'which', 'who', 'because', 'after', 'before', 'if', 'when', 'while', 'than']);

/**
 * The first clause boundary after `from` within a dozen words: punctuation
 * followed by a space, or a conjunction or preposition after at least one word.
 */
function clauseEnd(text: string, from: number, end: number): { wordsEnd: number; punctuation: string } | undefined {
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
function shortFinalPhrase(text: string, from: number, end: number, atParagraphEnd: boolean, headline: boolean): boolean {
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

/**
 * Where the closing mark goes relative to the punctuation that ends the
 * quoted words: US style puts commas and full stops inside; UK style puts
 * them inside only when the quotation is a full sentence, and the draft's own
 * habit decides full stops after a partial quotation.
 */
function closingOffset(wordsEnd: number, punctuation: string, fullSentence: boolean, placement: Placement): number {
  const afterPunctuation = wordsEnd + punctuation.length;
  if (punctuation === '' ) return wordsEnd;
  if (punctuation === ':' || punctuation === ';') return wordsEnd;
  if (fullSentence && placement.style === 'us') return afterPunctuation;
  if (punctuation.startsWith('.') && !fullSentence) return placement.partialPeriodOutside ? wordsEnd : afterPunctuation;
  if (placement.style === 'uk' && !fullSentence && punctuation === ',') return wordsEnd;
  return afterPunctuation;
}

/** Present participles that introduce a quotation: saying, telling reporters, adding. */
const introducingParticiples =
  'saying|telling|adding|writing|noting|stating|asking|explaining|declaring|warning|insisting|arguing|' +
  'replying|responding|answering|tweeting|posting|concluding|calling|proclaiming|announcing';
const introducing = new RegExp(`(?:\\b(?:${saidVerbs}|${introducingParticiples})(?:\\s+[\\p{L}.]+){0,2}?(?:[,:]|\\s+that)|:)\\s+`, 'gu');
const saidVerb = new RegExp(`\\b(?:${saidVerbs})\\b`, 'u');
const sentenceStart = /[.?!]["”’']*\s+(?=[\p{Lu}\p{N}"“'‘])/gu;

/**
 * Where the quoted words of a stray closing mark most likely begin: after
 * `said,`, `told reporters:`, `saying,` or `said that` in the sentence
 * holding the mark; else the quotation spans whole sentences: those after the
 * last one with a speech verb ("Trump said. That's terrible," he added), else
 * those after the last one not in the first person when the quoted words are,
 * else the whole paragraph when every sentence is in the first person, else
 * the sentence holding the mark. Never before the previous quotation's end.
 */
function openingPlace(text: string, scan: ParagraphQuotes, closeAt: number): number | undefined {
  let floor = 0;
  for (const m of scan.marks) if (m.at < closeAt && m.role === 'close') floor = m.at + m.glyph.length;
  for (const q of scan.quotations) if (q.open < closeAt && q.close === undefined) floor = Math.max(floor, q.open + q.openGlyph.length);
  const skipSpace = (i: number) => {
    while (i < closeAt && (isSpace(text[i]) || isTransparent(text[i]))) i++;
    return i;
  };
  const starts = [skipSpace(floor)];
  const span = text.slice(floor, closeAt);
  for (const m of span.matchAll(sentenceStart)) {
    const s = floor + m.index! + m[0].length;
    if (s < closeAt - 1) starts.push(s);
  }
  const last = starts[starts.length - 1];
  let intro: number | undefined;
  for (const m of text.slice(last, closeAt).matchAll(introducing)) {
    const s = last + m.index! + m[0].length;
    if (s < closeAt - 1) intro = s;
  }
  if (intro !== undefined) return intro;
  for (let k = starts.length - 1; k > 0; k--) {
    if (saidVerb.test(text.slice(starts[k - 1], starts[k]))) return starts[k];
  }
  // Speech in the first person after narration in the third ("Sales fell.
  // We expect a rebound," she said): the quotation starts after the last
  // sentence with no first-person word, if the words it then holds have one.
  let allFirstPerson = true;
  for (let k = starts.length - 1; k > 0; k--) {
    if (!firstPerson.test(text.slice(starts[k - 1], starts[k]))) {
      if (firstPerson.test(text.slice(starts[k], closeAt))) return starts[k];
      allFirstPerson = false;
      break;
    }
  }
  // All in the first person: one quotation of several sentences. Else the
  // sentence holding the mark alone, the commonest shape after narration.
  const chosen = allFirstPerson ? starts[0] : starts[starts.length - 1];
  return chosen < closeAt ? chosen : undefined;
}
