// The quotation engine's data: what the draft pass reports (public) and what
// the paragraph pass keeps per paragraph (internal to quotes/).

import type { Fix, RelatedPlace } from '../types';

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
  /** A space typed into the word before it (isn ‘t): reported, with a fix that joins the word. */
  broken?: true;
}

/** A mark the engine could not pair, with the repairs the unbalanced-quote rule offers. */
/** The fix offered when a quotation resumes inside its own paragraph, as if a paragraph break was lost. */
export const startParagraphFixTitle = 'Start a new paragraph where the next quotation opens';

export type QuoteProblemType = 'unclosed' | 'stray' | 'apostrophe' | 'swapped';

export interface QuoteProblem {
  /**
   * 'unclosed': an opening mark never closed; 'stray': a closing mark with no
   * opening mark; 'apostrophe': a space typed into an apostrophe (isn ‘t);
   * 'swapped': the closing marks of a nested quotation in the wrong order
   * (her."' for her.'"), the mark then spanning both.
   */
  type: QuoteProblemType;
  mark: QuoteMark;
  paragraph: number;
  /** Ranked, the first preferred. Each one balances the paragraph's marks better than before. */
  fixes: Fix[];
  /** Where the quotation most likely closes (unclosed) or opens (stray). */
  related: RelatedPlace[];
  /** Several repairs and the ranker is not sure which: none is preferred. */
  uncertain: boolean;
  /** Its paragraph has too many unpaired marks to rank repairs for (maxRankedFaults): no fix is offered. */
  crowded?: boolean;
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

export interface LocalQuotation {
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

export interface LocalProblem {
  type: QuoteProblemType;
  at: number;
  glyph: string;
  kind: QuoteKind;
  curly: boolean;
  /** For 'unclosed': where the quotation must have ended at the latest. */
  limit: number;
  /** The mark is most likely one too many: removing it is the preferred repair. */
  extra: boolean;
}

export interface ParagraphQuotes {
  marks: { at: number; glyph: string; kind: QuoteKind; role: 'open' | 'close'; curly: boolean }[];
  apostrophes: ApostropheMark[];
  quotations: LocalQuotation[];
  problems: LocalProblem[];
  /** The outer quotation still open at the paragraph's end: fine if the next paragraph continues it. */
  openAtEnd?: LocalQuotation;
  /** The kind of opening mark the paragraph starts with, if it starts with one. */
  opensWith?: QuoteKind;
}
