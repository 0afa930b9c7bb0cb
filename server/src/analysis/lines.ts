// Lines of a draft, for the places a message or a location names: offsets
// to 0-based lines and UTF-16 columns, by binary search over the line starts.
// CRLF is one line break, and so is a lone CR or LF.

import type { RuleContext } from './rule';

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** The line starts of the draft being analysed, found once per version however many ask. */
export function draftLineStarts(ctx: RuleContext): number[] {
  return ctx.memo('lineStarts', () => lineStartsOf(ctx.draft.text));
}

/** Line and UTF-16 column of an offset, from a text's line starts. */
export function lineAndColumn(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  if (lineStarts.length === 0) return { line: 0, character: Math.max(0, offset) };
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}

/** 1-based line of an offset, for messages ("the title from line 4"). */
export function lineNumberAt(lineStarts: readonly number[], offset: number): number {
  return lineAndColumn(lineStarts, offset).line + 1;
}
