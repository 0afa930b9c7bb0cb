// The statistics shown when the reporter clicks the word count. Quotations and
// people come from the same passes the diagnostics use, so the numbers agree
// with the outline; words come from the one word counter (stats.ts).

import type { Entity } from './entities';
import { sentencesOf } from './prose';
import { analyzeQuotes } from './quotes';
import type { RuleContext } from './rule';
import { countWords, draftStats, type DraftStats } from './stats';

/** What the reporter sees on clicking the word count. */
export interface DraftStatistics extends DraftStats {
  /** Body paragraphs: the headline and empty paragraphs do not count. */
  paragraphs: number;
  /** Direct quotations (outermost; a quotation running over paragraphs counts once). */
  quotations: number;
  /** People the story names; undefined while Copydesk has not read the names yet. */
  peopleNamed: number | undefined;
  /** Words per body sentence, one decimal; 0 without sentences. */
  averageSentenceWords: number;
}

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
