// Lines a web page or wire feed adds around a story ("More news: ...",
// "Advertisement", share buttons): the leftover rule deletes them, and the
// entity pass does not read names in them (they are not the story).

/** Lines a web page or wire feed adds around a story: link lists, ads, share buttons. */
const boilerplateLine = new RegExp(
  '^(?:' +
    [
      '(?:more news|read more|read next|read also|also read|related(?: stories| articles| coverage| content)?|see also|recommended(?: for you)?|more from \\S.*|most read|trending now|sponsored(?: content)?)\\s*:.*',
      '(?:read more|related(?: stories| articles)?|advertisement|sponsored content|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?)\\s*\\.?',
      'advertisement\\s*[-–—:|]?\\s*(?:the )?(?:story|article) continues below\\s*\\.?',
      'click here\\b.*',
      '(?:share this (?:article|story|page|post)|share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|email))\\b.*',
      '(?:(?:share|tweet|email|print|pin|facebook|twitter|whatsapp|linkedin|reddit|comments?)[\\s|·•/]*){2,}',
    ].join('|') +
    ')$',
  'i',
);

/** Whether one line (trimmed) is web or wire boilerplate as a whole. */
export function isBoilerplateLine(trimmed: string): boolean {
  // The bound keeps the test linear on a pasted megabyte; no boilerplate line is that long.
  return trimmed.length > 0 && trimmed.length <= 300 && boilerplateLine.test(unquotedLabel(trimmed));
}

/**
 * A short line wrapped in quotation marks without them ('"Related:"' → 'Related:'), as a scrape
 * may keep a link's text; any other line as it is. A quoted sentence is longer than a label.
 */
export function unquotedLabel(trimmed: string): string {
  if (trimmed.length > 42 || !/^["“'‘]/u.test(trimmed) || !/["”'’]$/u.test(trimmed)) return trimmed;
  return trimmed.slice(1, -1).trim();
}

/**
 * A test of whether the line holding an offset of the text is boilerplate, each line read once.
 * No boilerplate line is longer than 300 characters. The line last asked about is kept: a mixed
 * draft asks once for each of its thousands of marks, in order, and walking back to each one's
 * line start cost milliseconds a keystroke in a long draft.
 */
export function boilerplateLines(text: string): (offset: number) => boolean {
  let lineStart = -1;
  let lineEnd = -1; // the line's newline, or the end of the text
  let verdict = false;
  return (offset) => {
    if (offset < lineStart || offset > lineEnd) {
      lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
      const newline = text.indexOf('\n', offset);
      lineEnd = newline < 0 ? text.length : newline;
      verdict = lineEnd - lineStart <= 300 && isBoilerplateLine(text.slice(lineStart, lineEnd).trim());
    }
    return verdict;
  };
}

/** Whether every non-empty line of a paragraph is boilerplate. */
export function isBoilerplateParagraph(text: string): boolean {
  let any = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    if (!isBoilerplateLine(trimmed)) return false;
    any = true;
  }
  return any;
}
