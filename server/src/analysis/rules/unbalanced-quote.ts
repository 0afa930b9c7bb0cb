// unbalanced-quote: a quotation mark opened and never closed, or closed and
// never opened, across the whole draft (see quotes.ts for how marks are paired).
//
// Apostrophes, elisions and primes are not quotation marks (don't, drivers',
// ’90s, O’Brien, 6'8"), and a paragraph may end inside a quotation when the
// next paragraph opens with a mark of the same kind (the multi-paragraph
// convention). The finding sits on the offending mark; its fixes are ranked:
// close the quotation before the attribution, before the next opening mark
// that cannot nest, or at the paragraph's end; remove the mark; for a stray
// closing mark, open the quotation where the quoted words begin. A learned
// ranker (quotes/ranker.ts) orders them; when its first choice is not clearly
// ahead, none is preferred and the message says the place is uncertain.
//
// Bad:  "We will win this fight, Whitfield said.
// Good: "We will win this fight," Whitfield said.

import { analyzeQuotes, startParagraphFixTitle } from '../quotes';
import type { Rule } from '../rule';
import type { RuleFinding } from '../types';

export const unbalancedQuote: Rule = {
  id: 'unbalanced-quote',
  description: 'A quotation mark opened and never closed, or closed and never opened.',
  defaultSeverity: 'error',
  cost: 'keystroke',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const problem of analyzeQuotes(ctx).problems) {
      const message =
        problem.type === 'apostrophe'
          ? 'A space is typed into this apostrophe: it is not a quotation mark. Join the word.'
          : problem.type === 'swapped'
            ? 'These closing quotation marks are in the wrong order: the inner quotation closes first.'
            : problem.type === 'stray'
              ? 'This closing quotation mark has no opening mark.'
              : problem.fixes.some((f) => f.title === startParagraphFixTitle)
                ? 'This quotation is never closed: another one opens later in the same paragraph. Close it, or start a new paragraph there if a break was lost.'
                : 'This quotation is never closed.';
      findings.push({
        start: problem.mark.offset,
        end: problem.mark.offset + problem.mark.glyph.length,
        message: problem.uncertain ? `${message} Where the repair goes is uncertain: check the fixes offered.` : message,
        fixes: problem.fixes,
        ...(problem.related.length > 0 ? { related: problem.related } : {}),
      });
    }
    return findings;
  },
};
