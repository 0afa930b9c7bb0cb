// What a paragraph of a draft is, read from its own text: running prose, or
// one of the elements that surround a story (subhead, dateline, byline, photo
// caption or credit, editor's note, an "ABSTRACT" / "FULL TEXT" label, a list
// item, a block quote). Rules check prose; the name and quotation rules leave
// bylines, captions and notes alone. A pure function of the text, so the
// incremental re-split (draft.ts, updateDraft) can keep the kinds of the
// paragraphs an edit does not touch.

import titleTable from './data/titles.json';

export type ParagraphKind = 'prose' | 'subhead' | 'dateline' | 'byline' | 'caption' | 'credit' | 'editorsNote' | 'label' | 'list' | 'blockquote';

/** "WASHINGTON —", "LONDON (Reuters) -": a dateline standing as a paragraph of its own. */
const datelineAlone = /^[\p{Lu}][\p{Lu}\p{M} .,'’-]{1,40}(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s*$/u;
/**
 * "Tuesday, September 22, 2015", "Sept. 22, 2015", "22 September 2015": a date standing as a
 * paragraph of its own under the headline is the page's publication stamp, not copy.
 */
const months = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const dateAlone = new RegExp(
  `^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(?:${months}\\s+\\d{1,2}(?:st|nd|rd|th)?,?|\\d{1,2}\\s+${months})\\s+\\d{4}\\.?$`,
  'u',
);
const byline = /^by\s+\p{Lu}/iu;
const caption =
  /^(?:\(?(?:photo|image|picture|video|graphic|illustration|caption)(?:\s+(?:caption|credit|copyright))?\s*[:|]|image (?:caption|copyright)\b|media playback\b|\(photo\b)/iu;
/**
 * A caption that ends with its credit: "... on Tuesday. (AP Photo/Jane Doe)", "... in 2015.
 * (DANA KIRBY/Harbour Times.)" (capitalised names joined by slashes, in parentheses after the
 * last sentence: "... in the poll (Reuters/Ipsos)." cites a source),
 * "... in 2010. Image: Dana Kirby.", "Ferry crew at work Image: Dana Kirby." (a web
 * page's caption and credit run together), "... Photo: Reuters".
 */
const endsWithPhotoCredit =
  /\((?:AP|Reuters|AFP|EPA|Getty)[^()\n]{0,60}\)\s*$|(?<=[.!?]["”’]?\s)\(\p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,3}(?:\/\p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,3})+\.?\)\.?\s*$|(?:\/|\bvia\s)(?:Getty Images|AP|Reuters|AFP|EPA|Shutterstock|Bloomberg)\)?\.?\s*$|(?:^|\s)(?:Image|Photo|Photograph|Picture)s?:\s+\S[^:\n]{0,60}$/u;
const credit =
  /^(?:[Pp]hoto |[Ii]mage )?(?:[Cc]redit|[Cc]ourtesy|CREDIT)s?\b|^\p{Lu}[\p{L}.'’-]{1,30}(?: \p{Lu}[\p{L}.'’-]{1,30}){0,3} ?\/ ?(?:Getty Images|AP|Reuters|AFP|EPA|Shutterstock|Bloomberg|The \p{Lu}\p{L}{1,30}(?: \p{Lu}\p{L}{1,30}){0,3})$/u;
const editorsNote = /^\(?(?:editor['’]?s['’]? note|eds?\.? note|note to (?:editors|readers)|correction|clarification|update(?:d)?|disclosure)\b\s*[:—–-]?/iu;
/** Labels of archive and wire formats: "ABSTRACT", "FULL TEXT", "LENGTH: 800 words". */
const label =
  /^(?:ABSTRACT|FULL TEXT|TEXT|BODY|STORY|SUMMARY|HIGHLIGHTS?|LEAD|KEY POINTS|HEADLINE|DEK|SUBHEAD|TAGS|TOPICS)\s*:?\s*$|^(?:LENGTH|SECTION|LOAD-DATE|BYLINE|DATELINE|HIGHLIGHT|LANGUAGE|PUBLICATION-TYPE|GRAPHIC|DOCUMENT-TYPE|COPYRIGHT|SOURCE|URL|NOTES?)\s*:/u;
/** Web pages' metadata lines: "Categories: Politics Canada", "Filed under: Elections". */
const metadataLabel = /^(?:Categories|Category|Tags|Topics|Filed under)\s*:/u;
/**
 * A source cited in a list under the story: `"Document found on street" — The Canadian Press,
 * August 15, 2008`, maybe after its author's name. A title in quotation marks, a dash, the
 * outlet and the date it ran, and nothing else.
 */
const citation = /^(?:[^"“\n]{1,60}\.\s+)?["“][^"”\n]{3,200}["”]\s+[—–-]{1,2}\s+[^\n"“”]{1,80}\d{4}\.?$/u;
/** A list item opens with a bullet, a number, or the dash AP sets before each item ("— The bill would ..."). */
const listItem = /^\s*(?:[-*•·▪—–]\s|\d{1,3}[.)]\s)/u;
/** A subhead: a short line that starts with a capital and ends without sentence punctuation. */
const subheadShape = /^[\p{Lu}\p{N}][^\n]*[\p{L}\p{N}]$/u;

export function classifyParagraph(text: string): ParagraphKind {
  const trimmed = text.trim();
  if (trimmed.startsWith('>')) return 'blockquote';
  if (listItem.test(trimmed)) return 'list';
  // Labels are short; the bound also keeps the pattern linear on a pasted megabyte.
  if (trimmed.length <= 200 && label.test(trimmed)) return 'label';
  if (metadataLabel.test(trimmed)) return 'label';
  if (editorsNote.test(trimmed) && !/^update[sd]?\s+\p{Ll}/iu.test(trimmed)) return 'editorsNote';
  const words = trimmed.split(/\s+/).length;
  if (words <= 12 && byline.test(trimmed) && !/[.!?]["”’']?$/u.test(trimmed.replace(/\b(?:Jr|Sr|Inc|Co)\.$/, ''))) return 'byline';
  if (datelineAlone.test(trimmed) || (trimmed.length <= 40 && dateAlone.test(trimmed))) return 'dateline';
  if ((words <= 8 && credit.test(trimmed)) || (trimmed.length <= 400 && citation.test(trimmed))) return 'credit';
  if (caption.test(trimmed) || (words <= 60 && endsWithPhotoCredit.test(trimmed))) return 'caption';
  if (words <= 10 && subheadShape.test(trimmed) && !/[\r\n]/.test(trimmed)) return 'subhead';
  return 'prose';
}

/**
 * The credit line under a pull quote, with the quotation's closing mark at its end, as web copy
 * flattens the box: `"We will win.` on one line and `Bill Clinton."`, `S.C. Rep. Jim Clyburn."`,
 * `Former city council president Ina Mbeki."` or `Amy Pope, deputy homeland security adviser."` on
 * the next. A name of two to six words, capitalised but for role words before it, then at most a
 * comma and a short description.
 */
const pullQuoteCredit = /^\s*(?=\p{Lu})((?:[\p{L}.'’-]+\s+){0,4})\p{Lu}[\p{L}.'’-]*\s+\p{Lu}[\p{L}'’-]*(?:,\s+[^\n"“”]{1,80})?\.?["”]\s*$/u;
/**
 * Words a credit may set in lower case before the name: a role and what qualifies it
 * ("Former city council president Ina Mbeki", "School board chair Dan Ruiz"). A line whose
 * other words are in lower case ("We will vote for Ina Mbeki.") is a sentence.
 */
const creditRoleWords = new Set([
  ...titleTable.roles,
  ...titleTable.titleModifiers,
  'board',
  'group',
  'committee',
  'council',
  'campaign',
  'city',
  'county',
  'state',
]);

export function isPullQuoteCredit(text: string): boolean {
  if (text.length > 140 || text.split(/\s+/).filter(Boolean).length > 12) return false;
  const m = pullQuoteCredit.exec(text);
  return m !== null && m[1].split(/\s+/).every((w) => w === '' || /^\p{Lu}/u.test(w) || creditRoleWords.has(w));
}

/**
 * Whether the draft is an excerpt of a book, so announced near the top ("Editor's Note: The
 * following is part 3 of 3 excerpts from Dana Whitfield's new book", "Excerpted from ... memoir"):
 * the author's text runs as published, and the desk does not restyle its names or verbs.
 */
export function excerptsABook(paragraphs: readonly { text: string; kind: ParagraphKind }[]): boolean {
  return paragraphs
    .slice(0, 5)
    .some(
      (p) =>
        (p.kind === 'editorsNote' || /^\s*(?:excerpted|adapted) from\b/iu.test(p.text)) &&
        /\b(?:excerpt(?:s|ed)?|adapted)\b[^.!?\n]{0,150}\b(?:book|memoir|novel|biography)\b/iu.test(p.text.slice(0, 400)),
    );
}

/**
 * Length of a dateline opening the lede ("WASHINGTON (AP) — ", "LONDON, Oct. 12 -- ",
 * "DES MOINES, Iowa, Aug. 10 (UPI) — "), or 0. Place names in capitals are not people the story
 * must introduce.
 */
export function datelineLength(text: string): number {
  // A dateline fits in its paragraph's first 160 characters; the slice keeps the pattern linear.
  // After the place in capitals: its state or country, a date, or both (each after a comma).
  const opening = text.slice(0, 160);
  const m = /^\s*[\p{Lu}][\p{Lu}\p{M} .,'’-]{1,40}(?:,\s+[\p{Lu}][\p{L}.]*(?:\s+\d{1,2})?){0,2}\s*(?:\([^)\n]{1,30}\))?\s*(?:—|–|--|-)\s*/u.exec(opening);
  if (m && /\p{Lu}{3,}/u.test(m[0])) return m[0].length;
  // "Washington (AFP) – ": a place in mixed case is a dateline only with a wire service's credit.
  return /^\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}\s+\((?:AP|AFP|Reuters|UPI)\)\s*(?:—|–|--|-)\s*/u.exec(opening)?.[0].length ?? 0;
}

/** A question's turn in a Q&A: "Q: ", "Q. ", "Q — ", or a label glued to its first word by a scrape ("QThere's"). */
const questionTurn = /^\s*Q(?:[:.]\s|\s*[—–-]\s|(?=\p{Lu}\p{Ll}))/u;

/**
 * Which paragraphs are turns of a Q&A transcript: from the first question on, in a draft with two
 * questions or more, every paragraph is the interviewer's or the speaker's words (an answer may run
 * over several paragraphs without "A:"). Indexed like the paragraphs.
 */
export function transcriptTurns(paragraphs: readonly { text: string }[]): boolean[] {
  const questions = paragraphs.flatMap((p, i) => (questionTurn.test(p.text) ? [i] : []));
  return paragraphs.map((_, i) => questions.length >= 2 && i >= questions[0]);
}
