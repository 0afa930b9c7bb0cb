// long-lede — the first paragraph after the headline runs past the word limit
// (copydesk.longLede.maxWords, 40 by default: AP's ideal is about 35, and
// on published 2016 political news (PolNeAR) 24% of ledes exceed 40, 34% exceed 35). A lede states the news in one
// breath; the detail goes to the second and third paragraphs.
//
// Bad:  (a 48-word first paragraph that crams the who, what, when, where, why
//       and two qualifying clauses into one sentence)
// Good: The city council voted 7-2 on Tuesday to close Riverside Park for a
//       year of repairs, ending a two-month fight with neighbors.
//
// The finding covers the words past the limit, so the squiggle shows where the
// lede grows too long. The lede is the draft's first prose paragraph (draft.ts
// ledeOf): bylines, datelines, captions and notes before it are skipped. An
// editor's note inside it ("... edited for length and clarity.") is not counted,
// and an opening that is mostly a quotation printed whole is left alone.

import { ledeOf } from '../draft';
import { quotedSpans, sentencesOf, wordsOutsideQuotations } from '../prose';
import type { Rule } from '../rule';
import { wordPattern } from '../stats';
import { datelineLength } from '../structure';
import { newsroomOptions } from '../types';

/** An editor's note on the text ("This interview has been edited and condensed for clarity."). */
const editorsNote = /\bbeen (?:lightly )?(?:edited|condensed)(?: and (?:edited|condensed))? for (?:length|clarity|brevity|space)\b/i;

export const longLede: Rule = {
  id: 'long-lede',
  description: 'A lede (the first paragraph after the headline) longer than copydesk.longLede.maxWords words.',
  defaultSeverity: 'info',
  cost: 'scan',
  check(ctx) {
    const limit = newsroomOptions(ctx.options).longLedeMaxWords;
    const lede = ledeOf(ctx.draft);
    if (!lede) return [];
    // The dateline ("WASHINGTON (AP) —") is not part of the lede's count, nor is an editor's note
    // in it ("Questions and answers have been edited for length and clarity.").
    const skipped = datelineLength(lede.text);
    const notes = sentencesOf(lede).filter((s) => editorsNote.test(ctx.draft.prose.slice(s.start, s.end)));
    const words = [...lede.text.slice(skipped).matchAll(wordPattern)]
      .map((m) => ({ index: m.index! + skipped }))
      .filter((w) => !notes.some((s) => lede.start + w.index >= s.start && lede.start + w.index < s.end));
    if (words.length <= limit) return [];
    // An opening that is mostly a speaker's words printed whole is not the reporter's to trim:
    // "move detail down" would split the quotation (the long-sentence rule's measure).
    if (wordsOutsideQuotations(ctx.draft.prose, { start: lede.start + skipped, end: lede.end }, quotedSpans(ctx)) <= limit * 0.4) return [];
    const firstOver = words[limit];
    const start = lede.start + firstOver.index;
    const end = lede.start + lede.text.trimEnd().length;
    return [
      {
        start,
        end,
        message: `The lede runs ${words.length} words; ledes read best under ${limit + 1}. Move detail to the next paragraphs.`,
        fixes: [],
      },
    ];
  },
};
