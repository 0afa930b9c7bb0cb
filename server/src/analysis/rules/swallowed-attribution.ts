// swallowed-attribution — a quotation whose marks balance but which has
// swallowed its own attribution: the closing mark before the speaker and the
// opening mark after them were both left out.
//
// Bad:  "The pool will stay open all summer, Parks Director Ines Mbeki said. We owe the families that much."
// Good: "The pool will stay open all summer," Parks Director Ines Mbeki said. "We owe the families that much."
//       "The pool will stay open," she said, "and we owe them that."   (closed and reopened already)
//       "He told me, 'the mayor said no,' and left."                   (a quotation inside the quotation)
//
// Flagged only when, inside one closed outer quotation (or one left open up to
// the next quotation of its paragraph), a comma is followed by
// a speaker (a pronoun, or one to five capitalised words with an optional
// lower-case title before them) and "said"/"says"/"added"/"told reporters",
// then a full stop and a new sentence, with at least three quoted words on
// each side: the shape of a wire attribution, not of reported speech. The fix
// closes the quotation after the comma and reopens it before the next
// sentence, in the quotation's own marks.

import { analyzeQuotes } from '../quotes';
import type { Rule } from '../rule';
import { countWords } from '../stats';
import type { RuleFinding } from '../types';
import { matchesOf } from '../matches';

// Not "I": "..., just like I said. They're ..." is the speaker recalling their own words.
const speaker = String.raw`(?:he|she|they|(?:[\p{Ll}-]+\s+){0,3}(?!I\s)\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})`;
const verb = String.raw`(?:said|says|added|told (?:reporters|the [\p{Ll}]+|\p{Lu}[\p{L}'’-]+))`;
/** `, Parks Director Ines Mbeki said. ` / `, said Mbeki. ` / `, she added. ` with the next sentence after it. */
const attribution = new RegExp(
  String.raw`,(\s+)(?:${speaker}\s+${verb}|said\s+${speaker})(?:\s+(?:on|in|at|during)\s+[\p{L}\d ]{1,30}?)?\.(\s+)(?=\p{Lu})`,
  'gu',
);

/** `, she said` / `, Parks Director Ines Mbeki added` / `, said Mbeki` anywhere in a text: an attribution, whatever follows it. */
export const attributionInside = new RegExp(String.raw`,\s+(?:${speaker}\s+${verb}|said\s+${speaker})\b`, 'u');

const closingFor: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '«': '»', '„': '“' };

export const swallowedAttribution: Rule = {
  id: 'swallowed-attribution',
  description: 'A quotation whose marks balance but which runs on over its own attribution ("..., she said. ...").',
  defaultSeverity: 'warning',
  cost: 'scan',
  check(ctx) {
    const { text, prose } = ctx.draft;
    const findings: RuleFinding[] = [];
    const quotes = analyzeQuotes(ctx);
    for (const q of quotes.quotations) {
      if (q.depth > 0 || q.continues || q.continuesInNext) continue;
      // Left open up to the next quotation of its paragraph, as copy that lost its
      // paragraph breaks has it ("A, Henman said. B. "C..."): the same fault.
      const runsIntoNext = q.close === undefined && quotes.marks.some((m) => m.offset === q.contentEnd && m.role === 'open' && m.kind === q.kind);
      if (q.close === undefined && !runsIntoNext) continue;
      const paragraph = ctx.draft.paragraphs[q.paragraph];
      if (paragraph.isHeadline || paragraph.isBlock) continue;
      const content = prose.slice(q.contentStart, q.contentEnd);
      // A quotation with marks of its own inside (nested, or a second quotation) is not this fault.
      if (/["“”«»„]/.test(content)) continue;
      const opening = text[q.open];
      const closing = closingFor[opening];
      if (!closing) continue;
      for (const m of matchesOf(content, attribution)) {
        const before = content.slice(0, m.index);
        const after = content.slice(m.index! + m[0].length);
        if (countWords(before) < 3 || countWords(after) < 3) continue;
        const comma = q.contentStart + m.index!;
        const reopen = q.contentStart + m.index! + m[0].length;
        const said = text.slice(comma + 1, reopen).trim();
        findings.push({
          start: comma + 1 + m[1].length,
          end: reopen - m[2].length - 1,
          message: `The attribution "${said}" sits inside the quotation; close the quotation before it and reopen it after.`,
          fixes: [
            {
              title: 'Close the quotation before the attribution and reopen it after',
              edits: [
                { start: comma + 1, end: comma + 1, text: closing },
                { start: reopen, end: reopen, text: opening },
              ],
              preferred: true,
            },
          ],
        });
        break; // one attribution per quotation
      }
    }
    return findings;
  },
};
