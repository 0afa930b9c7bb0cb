// The one word counter (the status bar, long-sentence and long-lede all count
// with it) and the draft's word count and reading time.

/** Newsroom rule of thumb: an adult reads news copy at about 230 words a minute. */
export const wordsPerMinute = 230;

/** A word: a run of letters or digits, with inner apostrophes, hyphens, periods and commas ("U.S.", "1,200", "don't"). */
export const wordPattern = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let words = 0;
  for (const _ of text.matchAll(wordPattern)) words++;
  return words;
}

export interface DraftStats {
  words: number;
  readingMinutes: number;
}

export function draftStats(text: string): DraftStats {
  const words = countWords(text);
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute)) };
}
