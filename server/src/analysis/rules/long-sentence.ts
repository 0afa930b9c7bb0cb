// long-sentence — a sentence of more than copydesk.longSentence.maxWords words
// (50 by default: on published political news (PolNeAR) 2% of sentences
// exceed 50 words, 7% exceed 40). Readers of news lose the thread in long sentences; split
// them at a conjunction or a semicolon.
//
// Bad:  a 45-word sentence that strings three clauses together with "and"
//       and "which" before it reaches its verb
// Good: two sentences of 20 words each
//
// The headline, headings and list items are not checked. The lede has its own
// limit (long-lede) but its sentences are checked here too. A sentence that is
// mostly a direct quotation — its own words outside the quotation marks (the
// attribution, a short lead-in) are two-fifths of the limit or fewer — is the
// source's: a desk cannot split what a speaker said. A dateline opening the
// paragraph ("TALLAHASSEE —") is not counted. Nor is a Q&A transcript's turns
// ("Q: ...", "A: ...", and an answer's further paragraphs): the speaker's words, printed as said. Nor is
// a roster of names ("Iowa: Tim Albrecht, Brad Anderson, ..."), which is a list, not a sentence.

import { isListOfNames, quotedSpans, sentencesOf, wordsOutsideQuotations } from '../prose';
import { countWordsCached } from '../stats';
import { inSteps, type Rule } from '../rule';
import { datelineLength, transcriptTurns } from '../structure';
import { newsroomOptions, type RuleFinding } from '../types';

export const longSentence: Rule = {
  id: 'long-sentence',
  description: 'A sentence longer than copydesk.longSentence.maxWords words.',
  defaultSeverity: 'hint',
  cost: 'scan',
  // In steps: on a 100,000-word draft the whole check held the server for 10-30 ms.
  ...inSteps('long-sentence', function* (ctx) {
    const limit = newsroomOptions(ctx.options).longSentenceMaxWords;
    const findings: RuleFinding[] = [];
    const quoted = quotedSpans(ctx);
    const spoken = transcriptTurns(ctx.draft.paragraphs);
    for (const paragraph of ctx.draft.paragraphs) {
      if (paragraph.index % 50 === 49) yield;
      if (paragraph.isHeadline || paragraph.isBlock || spoken[paragraph.index]) continue;
      // A dateline opening the paragraph ("TALLAHASSEE —", "WASHINGTON (AP) —") is not part of its first sentence.
      const datelineEnd = paragraph.start + datelineLength(paragraph.text);
      for (const span of sentencesOf(paragraph)) {
        const sentence = { start: Math.max(span.start, Math.min(datelineEnd, span.end)), end: span.end };
        const words = countWordsCached(ctx.draft.prose.slice(sentence.start, sentence.end));
        if (words <= limit || wordsOutsideQuotations(ctx.draft.prose, sentence, quoted) <= limit * 0.4) continue;
        if (isListOfNames(ctx.draft.prose.slice(sentence.start, sentence.end))) continue;
        findings.push({
          start: sentence.start,
          end: sentence.end,
          message: `This sentence runs ${words} words (the limit is ${limit}); consider splitting it.`,
          fixes: [],
        });
      }
    }
    return findings;
  }),
};
