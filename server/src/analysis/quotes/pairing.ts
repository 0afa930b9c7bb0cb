// The paragraph pass: marks paired with a stack, cached by paragraph text.

import { TextCache } from '../cache';
import { attributionFollows, bestClosingPlace, closingStrength, openingStrength, trimmedEndBefore, wedgedBetweenWords } from './evidence';
import { after, classify, isDigit, isQuoteChar, isQuoteGlyph, type Token } from './marks';
import type { ApostropheMark, LocalProblem, LocalQuotation, ParagraphQuotes, QuoteKind } from './types';

// Bounded like the NLP cache: every paragraph of the open drafts, up to a few of 100,000 words.
const paragraphCache = new TextCache<ParagraphQuotes>(250_000, 3_000_000);

export function scanParagraph(text: string): ParagraphQuotes {
  return paragraphCache.get(text, () => scanParagraphUncached(text));
}

export function scanParagraphUncached(text: string): ParagraphQuotes {
  const tokens: Token[] = [];
  const apostrophes: ApostropheMark[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (isQuoteChar(c) || c === 0x60) i = classify(text, i, tokens, apostrophes);
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
  /** Quotations that hold quotations of the other style (straight around curly): only their own style closes them. */
  const styleWrappers = new Set<LocalQuotation>();
  /** Opening marks judged one too many, waiting for their enclosing quotation's close to set their limit. */
  const extras: { quotation: LocalQuotation; enclosing: LocalQuotation }[] = [];

  const unclosed = (q: LocalQuotation, limit: number, extra = false) => {
    q.limit = limit;
    problems.push({ type: 'unclosed', at: q.open, glyph: q.openGlyph, kind: q.kind, curly: q.openCurly, limit, extra });
  };

  const openQuotation = (tok: Token, index: number) => {
    marks.push({ at: tok.at, glyph: tok.glyph, kind: tok.kind, role: 'open', curly: tok.curly });
    const q: LocalQuotation = {
      open: tok.at,
      openGlyph: tok.glyph,
      openCurly: tok.curly,
      kind: tok.kind,
      depth: stack.length,
      limit: text.length,
    };
    quotations.push(q);
    lastClosed[tok.kind] = undefined;
    const same = findLast(stack, tok.kind);
    if (same >= 0 && nestsInOtherStyle(tokens, index, stack[same])) {
      q.depth = stack.length;
      styleWrappers.add(stack[same]);
    } else if (same >= 0) {
      // A mark of the same kind cannot nest. Either the earlier quotation lost
      // its closing mark, or this mark is one too many: the weaker opening loses.
      const earlier = stack[same];
      const earlierClosesBefore = bestClosingPlace(text, earlier, tok.at) !== undefined;
      if (
        !earlierClosesBefore &&
        sentenceOpeningStrength(text, tok.at, tok.glyph.length) < sentenceOpeningStrength(text, earlier.open, earlier.openGlyph.length)
      ) {
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

  /** The open quotation a closing mark closes: the last of its kind, unless its style says it wraps quotations of the mark's style. */
  const closedBy = (tok: Token): number => {
    const same = findLast(stack, tok.kind);
    return same >= 0 && styleWrappers.has(stack[same]) && tok.curly !== stack[same].openCurly ? -1 : same;
  };

  const closeQuotation = (tok: Token, index: number): boolean => {
    const same = closedBy(tok);
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
    // One opened mid-sentence (already "buried" under...) is a partial quotation,
    // and partial quotations do not end before an attribution: there this close lost its own opening mark.
    const previous = lastClosed[tok.kind];
    if (
      previous?.close !== undefined &&
      stack.every((q) => q.open < previous.open) &&
      (openingStrength(text, previous.open, previous.openGlyph.length) >= 3 ||
        (wedgedBetweenWords(text, previous.close, previous.closeGlyph!.length) && !attributionFollows(text, tok.at, tok.glyph.length))) &&
      // A sentence starting in between may be where this close's own opening mark was lost.
      !sentenceStartBetween(text, previous.close + previous.closeGlyph!.length, tok.at) &&
      closingStrength(text, tok.at, tok.glyph.length) > closingStrength(text, previous.close, previous.closeGlyph!.length)
    ) {
      problems.push({
        type: 'stray',
        at: previous.close,
        glyph: previous.closeGlyph!,
        kind: tok.kind,
        curly: previous.closeCurly!,
        limit: previous.close,
        extra: true,
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
    const next = tokens[t + 1];
    // her."' for her.'": the outer quotation's closing mark typed before the inner one's.
    if (
      next !== undefined &&
      tok.dir !== 'open' &&
      next.dir !== 'open' &&
      next.kind !== tok.kind &&
      next.at === tok.at + tok.glyph.length &&
      stack.length >= 2 &&
      stack[stack.length - 1].kind === next.kind &&
      stack[stack.length - 2].kind === tok.kind
    ) {
      closeQuotation(next, t + 1);
      closeQuotation(tok, t);
      problems.push({ type: 'swapped', at: tok.at, glyph: tok.glyph + next.glyph, kind: tok.kind, curly: tok.curly, limit: tok.at, extra: false });
      t++;
      continue;
    }
    switch (tok.dir) {
      case 'open':
        openQuotation(tok, t);
        break;
      case 'close':
        closeQuotation(tok, t);
        break;
      case 'either':
        if (closedBy(tok) >= 0) closeQuotation(tok, t);
        else openQuotation(tok, t);
        break;
      case 'maybeClose':
        // An apostrophe or prime, unless it is the only candidate to close an open quotation.
        if (closedBy(tok) < 0 || clearerCloseFollows(tokens, t) || !closeQuotation(tok, t)) {
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
  for (const a of apostrophes) {
    if (a.broken) problems.push({ type: 'apostrophe', at: a.offset, glyph: a.glyph, kind: 'single', curly: a.glyph !== "'", limit: a.offset, extra: false });
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
export function lostParagraphBreak(text: string, earlier: LocalQuotation, tok: Token): boolean {
  const end = sentenceEndBefore(text, tok.at);
  if (end === tok.at || !'.?!'.includes(text[end - 1])) return false;
  if (sentenceOpeningStrength(text, tok.at, tok.glyph.length) < 4) return false;
  if (openingStrength(text, earlier.open, earlier.openGlyph.length) < 3) return false;
  return (bestClosingPlace(text, earlier, tok.at)?.score ?? 0) < 3;
}

/**
 * Some copy wraps a quoted paragraph in straight marks and keeps the curly
 * ones of the quoted words inside (a show called “Shark Tank.”): a mark
 * opening inside a quotation of its kind but the other style nests when the
 * next mark of its kind closes it in its own style.
 */
function nestsInOtherStyle(tokens: Token[], t: number, enclosing: LocalQuotation): boolean {
  const tok = tokens[t];
  if (tok.curly === enclosing.openCurly) return false;
  const next = tokens.find((u, k) => k > t && u.kind === tok.kind);
  return next !== undefined && next.curly === tok.curly && next.dir !== 'open';
}

/** Where the text before `at` ends, past spaces and the closing marks of a nested quotation (interesting.' "My). */
function sentenceEndBefore(text: string, at: number): number {
  let end = trimmedEndBefore(text, at);
  while (end > 1 && isQuoteGlyph(text[end - 1]) && '.?!'.includes(text[end - 2])) end--;
  return end;
}

/**
 * openingStrength, where a sentence that ended inside a nested quotation
 * (say 'wow.' "My view...), one that opens with a figure (lives. "2005
 * offers...) or with an editor's bracket ("[Alastair] will...) still makes
 * the mark open a new sentence.
 */
function sentenceOpeningStrength(text: string, at: number, length: number): number {
  const strength = openingStrength(text, at, length);
  const end = sentenceEndBefore(text, at);
  let next = after(text, at + length, true);
  if (next === '[') next = text[text.indexOf('[', at) + 1];
  const startsSentence = end > 0 && '.?!'.includes(text[end - 1]) && next !== undefined && (isDigit(next) || next !== next.toLowerCase());
  return startsSentence ? Math.max(strength, 4) : strength;
}

function sentenceStartBetween(text: string, from: number, to: number): boolean {
  return /[.?!]["”’']*\s+["“‘']?\p{Lu}/u.test(text.slice(from, to));
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
