// Word count and reading time for the status bar.

/** Newsroom rule of thumb: an adult reads news copy at about 230 words a minute. */
export const wordsPerMinute = 230;

export interface DraftStats {
  words: number;
  readingMinutes: number;
}

export function draftStats(text: string): DraftStats {
  let words = 0;
  // A word is a run of letters or digits, apostrophes and hyphens inside it included.
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)) words++;
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute)) };
}
