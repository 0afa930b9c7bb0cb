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
import { analyzeQuotes } from '../quotes';
import type { Rule } from '../rule';
import { partitionPoint } from '../sorted';
import type { RuleFinding, TextEdit } from '../types';

/** An HTML or XML tag with attributes on one line: `<tweet id="78">`, `<a href='/x'>`. */
const markupTag = /<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"\n<>]*"|'[^'\n<>]*'|[^\s"'<>]+))?)+\s*\/?>/g;

/** Whether an offset falls inside a markup tag of the text. */
function inMarkup(text: string): (offset: number) => boolean {
  // Most drafts hold no tag at all: one search for `<` spares the pattern's pass over the whole draft on every keystroke.
  if (!text.includes('<')) return () => false;
  // Tags come in order and never overlap: the last one starting before the offset is the only one that can hold it.
  // (Testing every tag for every mark cost milliseconds a keystroke in a long draft of pasted web copy.)
  const tags = [...text.matchAll(markupTag)].map((m) => [m.index!, m.index! + m[0].length] as const);
  return (offset) => {
    const last = partitionPoint(tags.length, (i) => tags[i][0] < offset) - 1;
    return last >= 0 && offset < tags[last][1];
  };
}

const toStraight: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'" };

export const mixedQuotes: Rule = {
  id: 'mixed-quotes',
  description: 'A draft that mixes curly and straight quotation marks.',
  defaultSeverity: 'info',
  cost: 'keystroke',
  check(ctx) {
    const quotes = analyzeQuotes(ctx);
    const isCode = inMarkup(ctx.draft.text);
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
