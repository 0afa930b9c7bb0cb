// Drafts Copydesk will not analyse, and the plain sentence that says why.

/** A size in plain words: 2 MB, 150 KB, 900 characters. */
export function describeSize(characters: number): string {
  if (characters >= 1_000_000) return `${Math.round(characters / 100_000) / 10} MB`;
  if (characters >= 1_000) return `${Math.round(characters / 1_000)} KB`;
  return `${characters} characters`;
}

/** Share of NUL and other C0 control characters above which a file is taken for binary data. */
const binaryControlShare = 0.01;

export function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) controls++;
  }
  return controls / sample.length > binaryControlShare;
}

/** undefined when the draft can be analysed; otherwise why not, in plain words. */
export function checkDraftSize(text: string, maxDraftSize: number): string | undefined {
  if (text.length > maxDraftSize) {
    return `Copydesk paused on this draft: ${describeSize(text.length)} is over the ${describeSize(maxDraftSize)} limit, see copydesk.maxDraftSize.`;
  }
  if (looksBinary(text)) {
    return 'Copydesk paused on this draft: it looks like binary data, not text.';
  }
  return undefined;
}
