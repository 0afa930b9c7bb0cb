// Markup pasted into a draft with an embed (<blockquote class="tweet">, <a href=”...”>):
// its quotation marks are code, not the story's quotations.

import type { RuleContext } from './rule';
import { partitionPoint } from './sorted';

/**
 * An HTML or XML tag with attributes: `<tweet id="78">`, `<a href='/x'>`. An attribute value may hold a few line
 * breaks (`tweet-date="January 19, 2016⏎">`, or a whole embedded post's list of lines, as some content systems
 * export an embed); a tag goes no further than six.
 */
const markupTag = /<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"\n<>]*(?:\n[^"\n<>]*){0,6}"|'[^'\n<>]*(?:\n[^'\n<>]*){0,6}'|[^\s"'<>]+))?)+\s*\/?>/g;

/** Whether an offset falls inside a markup tag of the text. */
export function inMarkup(text: string): (offset: number) => boolean {
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

/** inMarkup of the draft being checked, found once per version for every rule that asks (two keystroke rules do). */
export function draftMarkup(ctx: RuleContext): (offset: number) => boolean {
  return ctx.memo('markup', () => inMarkup(ctx.draft.text));
}
