// leftover — text that must never be published: web and wire boilerplate,
// placeholders, and notes from one editor to another.
//
// Bad:  More news: Council approves budget        (a whole line of web boilerplate)
//       The fire destroyed TK homes.              (a placeholder: "to come")
//       The mayor [CHECK SPELLING] said ...       (a note to the desk)
//       <<need a second source>>
// Good: More than 70 countries joined.            ("More" starts a sentence, not a link list)
//       Super Bowl XX, Louis XIV, XXX (the film)  (Roman numerals and titles are not placeholders)
//       "We'll see [the plan] first," she said.   (brackets inside a quotation are the reporter's
//                                                  clarification, published on purpose)
//
// The fix deletes the whole boilerplate line with its line break, or just the
// note with one neighbouring space. Boilerplate removal is marked safe. A
// placeholder (TK, XX, [NAME], ???) stands where words are still to come:
// deleting it leaves a broken sentence ("begin in and take about eight
// months"), so its preferred fix selects it for the reporter to type over,
// and deleting it is only the second choice, never safe. Suppression directives ([copydesk-disable ...]) are lower case and
// never match.

import { isBoilerplateLine, unquotedLabel } from '../boilerplate';
import { inSpans, quotedSpans } from '../prose';
import type { Rule, RuleContext } from '../rule';
import type { RuleFinding } from '../types';

/** Words that, alone in square brackets and in capitals, are a placeholder or a note to the desk. */
const placeholderWords =
  'CHECK|NAME|TK|TKTK|TBD|TBA|TO COME|FIX|FIXME|TODO|CONFIRM|VERIFY|LINK|PHOTO|PIC|QUOTE|NUMBER|FIGURE|DATE|HED|DEK|CQ|XX+|UPDATE|INSERT|ADD|NEED|NOTE|ED|EDS|ED NOTE|NOTE TO EDS?|NOTE TO DESK|SOURCE';
/** [CHECK], [CHECK SPELLING], [NAME OF MINISTER], [ED: confirm figure], [TK] */
const bracketNote = new RegExp(`\\[(?:${placeholderWords})(?:\\b[^\\]\\n]{0,120})?\\]`, 'g');
/** <<need a second source>> */
const angleNote = /<<[^<>\n]{1,200}>>/g;
/** TK and TKTK: "to come", in capitals and standing alone. */
const tkPlaceholder = /(?<![\p{L}\p{N}])TK(?:TK)?(?![\p{L}\p{N}])(?! Maxx| Elevator)/gu;
/** XX or XXX standing for a number or name still to come. */
const xxPlaceholder = /(?<![\p{L}\p{N}-])X{2,3}(?![\p{L}\p{N}-])/gu;
/** ?? or ??? standing alone (a question to the desk), not "What???" in a quoted post. */
const questionPlaceholder = /(?<![\p{L}\p{N}?!.])\?{2,}(?![\p{L}\p{N}])/gu;

/** XX is a placeholder when it stands where a figure or a name would; otherwise a numeral or title. */
function xxIsPlaceholder(prose: string, start: number, end: number): boolean {
  const before = prose.slice(Math.max(0, start - 12), start);
  const after = prose.slice(end, end + 14);
  if (/^ chromosome/i.test(after)) return false;
  if (/[$£€]$/.test(before)) return true;
  if (/\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. $|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) $/.test(before))
    return true;
  if (/\b(?:Mr|Mrs|Ms|Dr)\. $/.test(before)) return true;
  if (/^(?:%| ?percent| per cent|[:.,]\d)/.test(after)) return true;
  // "XX people", "XX years": a lower-case word follows; a capitalised word before ("Bowl XX") makes it a numeral.
  return /^ \p{Ll}/u.test(after) && !/\p{Lu}\p{L}*\.? $/u.test(before);
}

interface Line {
  start: number;
  end: number;
  /** End including the line break. */
  next: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    lines.push({ start, end: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** Deleting a span of text also takes one neighbouring space, so no double space is left. */
function deletionEdit(text: string, start: number, end: number) {
  if (text[end] === ' ' && (start === 0 || /\s/.test(text[start - 1]))) return { start, end: end + 1, text: '' };
  if (text[start - 1] === ' ') return { start: start - 1, end, text: '' };
  return { start, end, text: '' };
}

function findBoilerplate(ctx: RuleContext, findings: RuleFinding[]): void {
  const { prose } = ctx.draft;
  const lines = linesOf(prose);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const content = prose.slice(line.start, line.end);
    const trimmed = content.trim();
    if (!isBoilerplateLine(trimmed)) continue;
    const start = line.start + content.indexOf(trimmed);
    const end = start + trimmed.length;
    const bare = unquotedLabel(trimmed);
    const label = /^[^:]{1,40}:/.exec(bare)?.[0] ?? bare.slice(0, 40);
    // Delete the line and its break; the last line takes the break before it instead.
    const edit = line.next > line.end || i === 0 ? { start: line.start, end: line.next, text: '' } : { start: lines[i - 1].end, end: line.end, text: '' };
    findings.push({
      start,
      end,
      message: `"${label}" is web or wire boilerplate left in the copy; delete the line before publishing.`,
      fixes: [{ title: 'Delete the line', edits: [edit], preferred: true, safe: true }],
    });
  }
}

/** Bracketed words that stand for missing copy rather than a note about it: "[NAME]", "[TK]", "[NUMBER]". */
const standInNote = /^\[(?:NAME|TK|TKTK|TBD|TBA|TO COME|QUOTE|NUMBER|FIGURE|DATE|XX+|INSERT|LINK|HED|DEK)\b/;

function findPlaceholders(ctx: RuleContext, findings: RuleFinding[]): void {
  const { text, prose } = ctx.draft;
  const add = (start: number, end: number, message: string, title: string) =>
    findings.push({ start, end, message, fixes: [{ title, edits: [deletionEdit(text, start, end)], preferred: true }] });
  // A stand-in for missing words: select it (preferred), or delete it.
  const addStandIn = (start: number, end: number, message: string, deleteTitle: string) =>
    findings.push({
      start,
      end,
      message,
      fixes: [
        { title: 'Select the placeholder to fill it in', edits: [], select: { start, end }, preferred: true },
        { title: deleteTitle, edits: [deletionEdit(text, start, end)] },
      ],
    });

  for (const m of prose.matchAll(bracketNote)) {
    const message = `${m[0].length > 30 ? 'This note' : `"${m[0]}"`} is a placeholder or a note to the desk; resolve it and delete it before publishing.`;
    if (standInNote.test(m[0])) addStandIn(m.index!, m.index! + m[0].length, message, 'Delete the placeholder');
    else add(m.index!, m.index! + m[0].length, message, 'Delete the note');
  }
  for (const m of prose.matchAll(angleNote)) {
    add(m.index!, m.index! + m[0].length, "This is an editor's note; resolve it and delete it before publishing.", 'Delete the note');
  }
  // Notes found so far, merged into sorted disjoint spans: a binary search
  // keeps a draft with thousands of placeholders linear.
  const notes: { start: number; end: number }[] = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const last = notes[notes.length - 1];
    if (last && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else notes.push({ start: f.start, end: f.end });
  }
  const insideNote = (offset: number) => {
    let lo = 0;
    let hi = notes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (notes[mid].end <= offset) lo = mid + 1;
      else if (notes[mid].start > offset) hi = mid - 1;
      else return true;
    }
    return false;
  };
  for (const m of prose.matchAll(tkPlaceholder)) {
    if (insideNote(m.index!)) continue;
    addStandIn(m.index!, m.index! + m[0].length, `"${m[0]}" is a placeholder ("to come"); fill it in before publishing.`, 'Delete the placeholder');
  }
  for (const m of prose.matchAll(xxPlaceholder)) {
    const start = m.index!;
    const end = start + m[0].length;
    // Inside a quotation XX is the document's own redaction ("Payments of $XX"), not the reporter's gap.
    if (insideNote(start) || !xxIsPlaceholder(prose, start, end) || inSpans(quotedSpans(ctx), start)) continue;
    addStandIn(start, end, `"${m[0]}" looks like a placeholder for a figure or name; fill it in before publishing.`, 'Delete the placeholder');
  }
  for (const m of prose.matchAll(questionPlaceholder)) {
    if (insideNote(m.index!)) continue;
    addStandIn(
      m.index!,
      m.index! + m[0].length,
      `"${m[0]}" looks like a question left for the desk; resolve it before publishing.`,
      'Delete the question marks',
    );
  }
}

export const leftover: Rule = {
  id: 'leftover',
  description: 'Web and wire boilerplate ("More news:", "Advertisement"), placeholders (TK, XX, [CHECK]) and editors\' notes left in the copy.',
  defaultSeverity: 'warning',
  cost: 'scan',
  check(ctx) {
    const findings: RuleFinding[] = [];
    findBoilerplate(ctx, findings);
    findPlaceholders(ctx, findings);
    return findings;
  },
};
