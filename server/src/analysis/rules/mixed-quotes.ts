// mixed-quotes: a draft that mixes curly (“ ” ‘ ’) and straight (" ') marks,
// typically copy pasted together from several sources. One finding, on the
// first mark in the minority style, with a fix that converts every minority
// mark, quotation marks and apostrophes alike, to the draft's majority style.
// Primes (6'8") and guillemets are left alone, and so are the marks around
// the attributes of markup pasted with an embed (<blockquote class="tweet">):
// they are code, and a curly one would break it; and the marks of a
// boilerplate line the leftover rule deletes ('"Related:"').
//
// Bad:  “We won’t stop,” she said. "It's early."
// Good: “We won’t stop,” she said. “It’s early.”

import { boilerplateLines } from '../boilerplate';
import { draftMarkup } from '../markup';
import { analyzeQuotes } from '../quotes';
import type { Rule } from '../rule';
import type { RuleFinding, TextEdit } from '../types';

const toStraight: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'" };

export const mixedQuotes: Rule = {
  id: 'mixed-quotes',
  description: 'A draft that mixes curly and straight quotation marks.',
  defaultSeverity: 'info',
  cost: 'keystroke',
  check(ctx) {
    const quotes = analyzeQuotes(ctx);
    const isCode = draftMarkup(ctx);
    const curlyEdits: TextEdit[] = []; // what converting the straight marks to curly would change
    const straightEdits: TextEdit[] = []; // and the curly marks to straight
    for (const m of quotes.marks) {
      if (isCode(m.offset)) continue;
      if (m.glyph === '"' || m.glyph === "'" || m.glyph === "''") {
        const curly = m.kind === 'double' ? (m.role === 'open' ? '“' : '”') : m.role === 'open' ? '‘' : '’';
        curlyEdits.push({ start: m.offset, end: m.offset + m.glyph.length, text: curly });
      } else if (toStraight[m.glyph]) {
        straightEdits.push({ start: m.offset, end: m.offset + 1, text: toStraight[m.glyph] });
      }
    }
    for (const a of quotes.apostrophes) {
      if (isCode(a.offset)) continue;
      if (a.glyph === "'") curlyEdits.push({ start: a.offset, end: a.offset + 1, text: '’' });
      else if (toStraight[a.glyph]) straightEdits.push({ start: a.offset, end: a.offset + 1, text: "'" });
    }
    if (curlyEdits.length === 0 || straightEdits.length === 0) return [];
    // The marks of a line the leftover rule deletes ('"Related:"') go with it. Looked up only
    // when the draft mixes styles at all, so a draft in one style costs nothing more.
    const onBoilerplate = boilerplateLines(ctx.draft.text);
    const inStory = (e: TextEdit) => !onBoilerplate(e.start);
    return mixedFinding(curlyEdits.filter(inStory), straightEdits.filter(inStory), quotes.problems.length === 0);
  },
};

function mixedFinding(curlyEdits: TextEdit[], straightEdits: TextEdit[], balanced: boolean): RuleFinding[] {
  if (curlyEdits.length === 0 || straightEdits.length === 0) return [];
  const toCurly = straightEdits.length > curlyEdits.length;
  const edits = (toCurly ? curlyEdits : straightEdits).sort((a, b) => a.start - b.start);
  const first = edits[0];
  const finding: RuleFinding = {
    start: first.start,
    end: first.end,
    message: toCurly
      ? `This draft mixes curly and straight quotation marks: ${edits.length} straight, ${straightEdits.length} curly.`
      : `This draft mixes curly and straight quotation marks: ${edits.length} curly, ${curlyEdits.length} straight.`,
    fixes: [
      {
        title: toCurly ? `Make all ${edits.length} straight marks curly` : `Make all ${edits.length} curly marks straight`,
        edits,
        preferred: true,
        // While marks are unbalanced, a straight mark's direction is a guess.
        ...(balanced ? { safe: true } : {}),
      },
    ],
  };
  return [finding];
}
