// The one word counter (the status bar, long-sentence and long-lede all count
// with it) and the draft's word count and reading time.

import { detach, TextCache } from './cache';

/** Newsroom rule of thumb: an adult reads news copy at about 230 words a minute. */
export const wordsPerMinute = 230;

/** A word: a run of letters or digits, with inner apostrophes, hyphens, periods and commas ("U.S.", "1,200", "don't"). */
export const wordPattern = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let words = 0;
  for (const _ of text.matchAll(wordPattern)) words++;
  return words;
}

/**
 * Word counts of lines and sentences, by their text: the status bar and long-sentence count a
 * 100,000-word draft after every pause in typing, and after an edit only the edited stretch is new.
 */
const wordCounts = new TextCache<number>(100_000, 8_000_000);

/** countWords, kept by the text (a slice of a long text is copied before it is kept). */
export function countWordsCached(text: string): number {
  return text.length < 40 ? countWords(text) : wordCounts.get(text, () => countWords(text), detach);
}

/** countWords of a whole draft, line by line (no word spans a line break). */
function countDraftWords(text: string): number {
  let words = 0;
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end > start) {
      words += countWordsCached(text.slice(start, end));
    }
    start = end + 1;
  }
  return words;
}

export interface DraftStats {
  words: number;
  readingMinutes: number;
}

export function draftStats(text: string): DraftStats {
  const words = countDraftWords(text);
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute)) };
}
