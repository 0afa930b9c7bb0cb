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
  return trimmed.length > 0 && trimmed.length <= 300 && boilerplateLine.test(trimmed);
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
