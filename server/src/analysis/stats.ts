// Word count and reading time for the status bar, and the fuller statistics
// shown when the reporter clicks it.

import type { Entity } from './entities';
import { countWords, sentencesOf } from './prose';
import { analyzeQuotes } from './quotes';
import type { RuleContext } from './rule';

/** Newsroom rule of thumb: an adult reads news copy at about 230 words a minute. */
export const wordsPerMinute = 230;

export interface DraftStats {
  words: number;
  readingMinutes: number;
}

export function draftStats(text: string): DraftStats {
  let words = 0;
  // A word is a run of letters or digits, apostrophes and hyphens inside it included.
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)) words++;
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute)) };
}

/** What the reporter sees on clicking the word count. */
export interface DraftStatistics extends DraftStats {
  /** Body paragraphs: the headline and empty paragraphs do not count. */
  paragraphs: number;
  /** Direct quotations (outermost; a quotation running over paragraphs counts once). */
  quotations: number;
  /** People the story names; undefined when the draft is too large to look for them. */
  peopleNamed: number | undefined;
  /** Words per body sentence, one decimal; 0 without sentences. */
  averageSentenceWords: number;
}

/**
 * The draft's statistics from its analysis context: quotations and people come
 * from the same passes the diagnostics use, so the numbers agree with the outline.
 */
export function draftStatistics(ctx: RuleContext, people: readonly Entity[] | undefined): DraftStatistics {
  const body = ctx.draft.paragraphs.filter((p) => !p.isHeadline && /[\p{L}\p{N}]/u.test(p.text));
  let sentences = 0;
  let sentenceWords = 0;
  for (const paragraph of body) {
    for (const sentence of sentencesOf(paragraph)) {
      const words = countWords(ctx.draft.prose.slice(sentence.start, sentence.end));
      if (words === 0) continue;
      sentences++;
      sentenceWords += words;
    }
  }
  const quotations = analyzeQuotes(ctx).quotations.filter((q) => q.depth === 0 && !q.continues).length;
  return {
    ...draftStats(ctx.draft.text),
    paragraphs: body.length,
    quotations,
    peopleNamed: people?.filter((e) => e.type === 'person').length,
    averageSentenceWords: sentences === 0 ? 0 : Math.round((sentenceWords / sentences) * 10) / 10,
  };
}
