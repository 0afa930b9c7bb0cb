// unbalanced-quote: a quotation mark opened and never closed, or closed and
// never opened, across the whole draft (see quotes.ts for how marks are paired).
//
// Apostrophes, elisions and primes are not quotation marks (don't, drivers',
// ’90s, O’Brien, 6'8"), and a paragraph may end inside a quotation when the
// next paragraph opens with a mark of the same kind (the multi-paragraph
// convention). The finding sits on the offending mark; its fixes are ranked:
// close the quotation before the attribution, before the next opening mark
// that cannot nest, or at the paragraph's end; remove the mark; for a stray
// closing mark, open the quotation where the quoted words begin. A learned
// ranker (quotes/ranker.ts) orders them; when its first choice is not clearly
// ahead, none is preferred and the message says the place is uncertain.
//
// A quotation left open where the next mark of its kind opens a new sentence
// in the same paragraph ("We won. "Next year we go again.") is the
// multi-paragraph convention with its paragraph break lost, as text copied
// from a web page often has it: the marks are right for the convention, so the
// finding is only a hint that offers the break first, none preferred. With an attribution inside
// ("We won, she said. "Next...") a mark is missing, and it stays an error.
//
// An opening mark typed against the comma before it, its space after it
// (`she said," We will win."`), is one finding with the fix that moves the space.
//
// A quotation left open at its paragraph's end and closed in the next
// paragraph, which does not reopen it, is missing one mark: the continuing
// paragraph's opening mark, which the preferred fix adds.
//
// A pull quote whose credit line sits inside its marks on the next line ("We will win.
// / Bill Clinton.") balances: web copy flattens the box that way.
//
// A left single mark closing a quotation opened by one (a ‘D-‘ rating, as smart quotes
// type it after a hyphen) is turned the wrong way: one finding, a safe fix that turns it.
//
// A quotation opened with a double mark and closed with a single one (or the other way
// round) is one finding on the closing mark, when turning it balances the paragraph; so is
// a quotation inside a quotation written with double marks, whose fix makes them single.
//
// Bad:  "We will win this fight, Whitfield said.
// Good: "We will win this fight," Whitfield said.

import { analyzeQuotes, closingPartner, scanParagraph, startParagraphFixTitle, type QuoteAnalysis, type QuoteMark, type QuoteProblem } from '../quotes';
import type { Rule, RuleContext } from '../rule';
import { partitionPoint } from '../sorted';
import { countWords } from '../stats';
import type { Draft } from '../draft';
import { isPullQuoteCredit } from '../structure';
import type { Fix, RuleFinding } from '../types';
import { attributionInside } from './swallowed-attribution';
import { draftMarkup } from '../markup';

// The draft's marks are sorted by offset: each look-up below starts by binary search at its
// first candidate instead of walking every mark of the draft, once per problem, on every keystroke.

/** The index of the first mark after the offset. */
function firstMarkAfter(quotes: QuoteAnalysis, offset: number): number {
  return partitionPoint(quotes.marks.length, (i) => quotes.marks[i].offset <= offset);
}

/** The marks strictly between two offsets, in order. */
function marksBetween(quotes: QuoteAnalysis, after: number, before: number): QuoteMark[] {
  const from = firstMarkAfter(quotes, after);
  const to = partitionPoint(quotes.marks.length, (i) => quotes.marks[i].offset < before);
  return quotes.marks.slice(from, Math.max(from, to));
}

/** The next mark of the mark's kind after it, anywhere in the draft. */
function nextOfKind(quotes: QuoteAnalysis, mark: QuoteMark): QuoteMark | undefined {
  for (let i = firstMarkAfter(quotes, mark.offset); i < quotes.marks.length; i++) {
    if (quotes.marks[i].kind === mark.kind) return quotes.marks[i];
  }
  return undefined;
}

/**
 * The next mark when the quotation this problem leaves open runs, over at least three words, to a
 * sentence end, and the next mark of its kind in the paragraph opens a new
 * sentence (or a quotation inside one) with no attribution in between: a paragraph break was lost, the
 * marks themselves follow the multi-paragraph convention.
 */
function lostBreakBefore(draft: Draft, quotes: QuoteAnalysis, problem: QuoteProblem): QuoteMark | undefined {
  const { mark } = problem;
  if (problem.type !== 'unclosed') return undefined;
  const next = nextOfKind(quotes, mark);
  if (!next || next.role !== 'open' || next.offset >= draft.paragraphs[problem.paragraph].end) return undefined;
  const between = draft.text.slice(mark.offset + mark.glyph.length, next.offset);
  const resumes =
    countWords(between) >= 3 &&
    /[.?!…][)\]'’"”]*\s+$/u.test(between) &&
    /^['‘]?\[?[\p{Lu}\d]/u.test(draft.text.slice(next.offset + next.glyph.length)) &&
    !attributionInside.test(between);
  return resumes ? next : undefined;
}

/** The quotation left open, as a hint whose first fix starts a new paragraph where the next quotation opens; none is preferred. */
function lostBreakFinding(draft: Draft, problem: QuoteProblem, next: QuoteMark): RuleFinding {
  const gap = draft.text.slice(0, next.offset).trimEnd().length;
  const lineBreak = draft.text.includes('\r\n') ? '\r\n' : '\n';
  // First, but not preferred: a preferred quotation fix only adds or removes marks, and a paragraph break moves text.
  const split: Fix = { title: startParagraphFixTitle, edits: [{ start: gap, end: next.offset, text: lineBreak + lineBreak }] };
  return {
    start: problem.mark.offset,
    end: problem.mark.offset + problem.mark.glyph.length,
    message:
      'This quotation is not closed, and another one opens later in the same paragraph: a quotation running on over a lost paragraph break? Start a new paragraph there.',
    fixes: [split, ...problem.fixes.filter((f) => f.title !== startParagraphFixTitle).map((f) => ({ ...f, preferred: false, safe: false }))],
    severity: 'hint',
    ...(problem.related.length > 0 ? { related: problem.related } : {}),
  };
}

/** The fix that gives a continuing paragraph its opening mark. */
const reopenFixTitle = 'Reopen the quotation at the start of the next paragraph';

/**
 * A quotation left open at the end of its paragraph whose next paragraph runs
 * on and closes it without reopening it:
 *
 *   He said, "We learned a lot today.
 *
 *   It was an emotional day for all of us."
 *
 * One mark is missing, the continuing paragraph's opening mark (the
 * multi-paragraph convention), not two: the stray close in the next paragraph
 * is the same fault. Only when the open quotation ends a sentence without an
 * attribution inside it (then its own close was lost), and the next paragraph
 * holds no other mark of its kind and no attribution before the close (words
 * that are narration, not the quotation, would open it there).
 */
function missingReopen(draft: Draft, quotes: QuoteAnalysis, unclosed: QuoteProblem): QuoteProblem | undefined {
  if (unclosed.type !== 'unclosed') return undefined;
  const { mark } = unclosed;
  const paragraph = draft.paragraphs[unclosed.paragraph];
  const next = draft.paragraphs[unclosed.paragraph + 1];
  if (!next || paragraph.isBlock || next.isBlock || next.isHeadline) return undefined;
  const sameKind = (m: QuoteMark) => m.kind === mark.kind;
  if (marksBetween(quotes, mark.offset, paragraph.end).some(sameKind)) return undefined;
  const stray = quotes.problems.find((p) => p.type === 'stray' && p.paragraph === next.index && sameKind(p.mark));
  if (!stray || marksBetween(quotes, next.start - 1, stray.mark.offset).some(sameKind)) return undefined;
  const quoted = draft.text.slice(mark.offset + mark.glyph.length, paragraph.end);
  const runOn = draft.text.slice(next.start, stray.mark.offset);
  const endsSentence = /[.?!…]["'”’)]?\s*$/u.test(quoted);
  // An attribution inside the open quotation ("..., Whitfield said.") means its own close was lost, not a reopening.
  const attributed = attributionInside.test(quoted) || attributionInside.test(runOn);
  return endsSentence && countWords(quoted) >= 3 && countWords(runOn) >= 3 && !attributed ? stray : undefined;
}

function missingReopenFinding(draft: Draft, unclosed: QuoteProblem, stray: QuoteProblem): RuleFinding {
  const { mark } = unclosed;
  const at = draft.paragraphs[stray.paragraph].start;
  const glyph = mark.kind === 'double' ? (mark.curly ? '“' : '"') : mark.curly ? '‘' : "'";
  const reopen: Fix = { title: reopenFixTitle, edits: [{ start: at, end: at, text: glyph }], preferred: true };
  return {
    start: mark.offset,
    end: mark.offset + mark.glyph.length,
    message:
      'This quotation runs on into the next paragraph, which closes it but does not reopen it: a paragraph that continues a quotation opens with a quotation mark.',
    fixes: [reopen, ...unclosed.fixes.map((f) => ({ ...f, preferred: false, safe: false }))],
    related: [{ start: stray.mark.offset, end: stray.mark.offset + stray.mark.glyph.length, message: 'where the quotation closes' }],
  };
}

/**
 * A pull quote whose credit line sits inside its marks, as web copy flattens the box:
 *
 *   "Iowa happened. The minute it became possible, he was going to win.
 *   Bill Clinton."
 *
 * The marks balance over the line break: the open mark starts its paragraph, nothing of its
 * kind follows in it, and the next paragraph is a name (and a short description) closed by the
 * stray mark. Returns that stray close.
 */
function pullQuote(draft: Draft, quotes: QuoteAnalysis, unclosed: QuoteProblem): QuoteProblem | undefined {
  if (unclosed.type !== 'unclosed') return undefined;
  const { mark } = unclosed;
  const paragraph = draft.paragraphs[unclosed.paragraph];
  const next = draft.paragraphs[unclosed.paragraph + 1];
  if (!next || next.isHeadline || draft.text.slice(paragraph.start, mark.offset).trim() !== '' || !isPullQuoteCredit(next.text)) return undefined;
  const sameKind = (m: QuoteMark) => m.kind === mark.kind;
  if (marksBetween(quotes, mark.offset, next.start).some(sameKind)) return undefined;
  return quotes.problems.find((p) => p.type === 'stray' && p.paragraph === next.index && sameKind(p.mark));
}

/** The fix that moves an opening mark's space to the side where it belongs. */
const spaceBeforeOpeningFixTitle = 'Open the quotation after the space';

/** A name and a verb of saying right after a mark: `," Whitfield said`, `," said Mayor Ana Ruiz`. */
const closedBeforeAttribution =
  /^\s+(?:(?:the\s+)?[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?:said|says|told|added|asked|wrote|explained|continued)\b|^\s+(?:said|says|added|asked)\b/u;

/**
 * An opening mark typed against the punctuation before it, with its space
 * after it (`she said," We will` for `she said, "We will`), reads as a stray
 * closing mark, and so does the quotation's real close after it. One fault:
 * the mark's space is on the wrong side. Only when a capital (or an editor's
 * bracket) follows the space and the next mark of its kind in the paragraph is
 * the other stray close.
 */
function spaceOnWrongSide(draft: Draft, quotes: QuoteAnalysis, problem: QuoteProblem): QuoteProblem | undefined {
  if (problem.type !== 'stray') return undefined;
  const { mark } = problem;
  const end = mark.offset + mark.glyph.length;
  if (!/[,:]$/.test(draft.text.slice(0, mark.offset)) || !/^ (?:\p{Lu}|\[)/u.test(draft.text.slice(end, end + 3))) return undefined;
  const next = nextOfKind(quotes, mark);
  if (!next || next.offset >= draft.paragraphs[problem.paragraph].end) return undefined;
  // `summer," Whitfield said."`: a name and a verb of saying after it make the mark a real close.
  const after = draft.text.slice(end, next.offset);
  if (closedBeforeAttribution.test(after) || attributionInside.test(after)) return undefined;
  return quotes.problems.find((p) => p.type === 'stray' && p.mark.offset === next.offset);
}

function spaceOnWrongSideFinding(problem: QuoteProblem, close: QuoteProblem): RuleFinding {
  const { mark } = problem;
  const glyph = !mark.curly ? mark.glyph : mark.kind === 'double' ? '“' : '‘';
  const move: Fix = {
    title: spaceBeforeOpeningFixTitle,
    // Remove the mark and add it after the space: the fix only moves a quotation mark.
    edits: [
      { start: mark.offset, end: mark.offset + mark.glyph.length, text: '' },
      { start: mark.offset + mark.glyph.length + 1, end: mark.offset + mark.glyph.length + 1, text: glyph },
    ],
    preferred: true,
  };
  return {
    start: mark.offset,
    end: mark.offset + mark.glyph.length,
    message: 'This quotation mark opens the quotation, but its space is on the wrong side: it reads as a closing mark.',
    fixes: [move],
    related: [{ start: close.mark.offset, end: close.mark.offset + close.mark.glyph.length, message: 'where the quotation closes' }],
  };
}

/** A paragraph's marks scanned again with text[start, end) replaced: how a repair of one or two marks would read. */
const rescanWith = (text: string, start: number, end: number, replacement: string) => scanParagraph(text.slice(0, start) + replacement + text.slice(end));

/** No mark left unpaired, and no quotation open at the paragraph's end. */
const faultless = (scan: ReturnType<typeof scanParagraph>) => scan.problems.length === 0 && scan.openAtEnd === undefined;

/** A closing mark of the other kind, for a quotation closed with the wrong one: ’ for ”, " for '. */
const otherKindClose: Record<string, string> = { '’': '”', '”': '’', "'": '"', '"': "'" };

/**
 * A quotation opened with one kind of mark and closed with the other
 * (`tweeted: “Let’s go. We can stop it.’ Schumer was`): the closing mark reads
 * as a stray, and the open one leaves the paragraph's next quotation in doubt,
 * so two findings, both wrong about what happened. One fault: the closing mark's
 * kind. Only when this stray closing mark, turned into the other kind, leaves
 * its paragraph with no fault at all. Returns the paragraph's problems it explains.
 */
function mismatchedClose(draft: Draft, inParagraph: readonly QuoteProblem[], problem: QuoteProblem): readonly QuoteProblem[] | undefined {
  const { mark } = problem;
  const partner = otherKindClose[mark.glyph];
  // One mark turned explains a few faults at most; each try re-scans the paragraph.
  if (problem.type !== 'stray' || partner === undefined || inParagraph.length < 2 || inParagraph.length > 4) return undefined;
  const paragraph = draft.paragraphs[problem.paragraph];
  const at = mark.offset - paragraph.start;
  const turned = rescanWith(paragraph.text, at, at + mark.glyph.length, partner);
  const closes = turned.quotations.some((q) => q.close === at && q.kind !== mark.kind);
  return closes && faultless(turned) ? inParagraph : undefined;
}

function mismatchedCloseFinding(problem: QuoteProblem): RuleFinding {
  const { mark } = problem;
  const partner = otherKindClose[mark.glyph];
  const opened = mark.kind === 'single' ? 'a double mark' : 'a single mark';
  return {
    start: mark.offset,
    end: mark.offset + mark.glyph.length,
    message: `This quotation opens with ${opened} and closes with this one: write ${partner}.`,
    fixes: [{ title: `Close with ${partner}`, edits: [{ start: mark.offset, end: mark.offset + mark.glyph.length, text: partner }], preferred: true }],
  };
}

/**
 * An opening mark glued to the punctuation before it, its space typed before the punctuation
 * (`and then tell them ,'Wait another year.'`): with punctuation before it and a word after it the mark
 * has no direction and reads as no mark at all, so the quotation's closing mark is flagged as
 * having no opening. One fault: the space is on the wrong side of the punctuation. Only when
 * the space moved behind the punctuation leaves the paragraph with no fault at all. Returns
 * the finding on the glued mark, with the fix that moves the space.
 */
function gluedOpening(draft: Draft, inParagraph: readonly QuoteProblem[], problem: QuoteProblem): RuleFinding | undefined {
  const { mark } = problem;
  if (problem.type !== 'stray' || inParagraph.length !== 1) return undefined;
  const paragraph = draft.paragraphs[problem.paragraph];
  // The pairing may have matched the glued quotation's closing mark with another opening, and left one before it unpaired.
  const glued = [...paragraph.text.matchAll(/( ?)([,;:])(['‘"“])(?=\p{Lu})/gu)].find((m) => (m[3] === "'" || m[3] === '‘') === (mark.kind === 'single'));
  if (!glued) return undefined;
  const start = glued.index!;
  const end = start + glued[0].length;
  const moved = `${glued[2]} ${glued[3]}`;
  if (!faultless(rescanWith(paragraph.text, start, end, moved))) return undefined;
  const glyphAt = paragraph.start + end - 1;
  return {
    start: glyphAt,
    end: glyphAt + 1,
    message:
      'This quotation mark opens the quotation, but it is glued to the punctuation before it: it reads as no mark, and the closing one as having no opening.',
    fixes: [
      {
        title: 'Put the space before the quotation mark',
        edits: [{ start: paragraph.start + start, end: paragraph.start + end, text: moved }],
        preferred: true,
      },
    ],
    related: [{ start: mark.offset, end: mark.offset + mark.glyph.length, message: 'where the quotation closes' }],
  };
}

/**
 * A quotation closed with a left mark turned the wrong way, typed against the words before it
 * and before no word (`where voters stand.“[HuffPost.]`): its paragraph holds two opening marks
 * and no close, so both read as quotations never closed. One fault: the closing mark's direction.
 * Only when the paragraph's faults are exactly those two, and turning the second leaves the
 * paragraph with no fault at all. Returns the finding on the turned mark.
 */
function turnedClose(draft: Draft, inParagraph: readonly QuoteProblem[], problem: QuoteProblem): RuleFinding | undefined {
  if (inParagraph.length !== 2 || inParagraph[0] !== problem) return undefined;
  const second = inParagraph[1];
  // Only a left curly mark is turned: a straight one has no direction to get wrong.
  const turned = second.mark.glyph === '“' || second.mark.glyph === '‘' ? closingPartner[second.mark.glyph] : undefined;
  if (problem.type !== 'unclosed' || second.type !== 'unclosed' || !turned || problem.mark.glyph !== second.mark.glyph) return undefined;
  const paragraph = draft.paragraphs[problem.paragraph];
  const at = second.mark.offset - paragraph.start;
  // Against the words before it, and before no word of its own.
  if (at === 0 || /\s/.test(paragraph.text[at - 1]) || /[\p{L}\p{N}]/u.test(paragraph.text[at + 1] ?? '')) return undefined;
  if (!faultless(rescanWith(paragraph.text, at, at + 1, turned))) return undefined;
  return {
    start: second.mark.offset,
    end: second.mark.offset + 1,
    message: `This mark closes the quotation but is turned the wrong way: write ${turned}.`,
    fixes: [{ title: `Turn the mark: ${turned}`, edits: [{ start: second.mark.offset, end: second.mark.offset + 1, text: turned }], preferred: true }],
    related: [{ start: problem.mark.offset, end: problem.mark.offset + 1, message: 'where the quotation opens' }],
  };
}

/** The most pairs of double marks nestedDoubles turns into single ones to see whether the paragraph balances. */
const maxNestedTries = 8;

/** The single marks that stand for a pair of double ones inside a quotation. */
const singleFor = (glyph: string, opens: boolean) => (glyph === '"' ? "'" : opens ? '‘' : '’');

/**
 * A quotation inside a quotation written with double marks (`noted that “many
 * elected from his “list” are undecided”`): the inner marks cannot nest, so the
 * outer quotation reads as closed early and its real closing mark as a stray.
 * One fault: the inner quotation takes single marks. Only when the paragraph's
 * faults are those two double marks and turning one pair of double marks
 * inside the outer quotation into single ones leaves it with none. Returns
 * the pair's offsets and the problems it explains.
 */
function nestedDoubles(
  draft: Draft,
  quotes: QuoteAnalysis,
  inParagraph: readonly QuoteProblem[],
  problem: QuoteProblem,
): { open: QuoteMark; close: QuoteMark; explains: readonly QuoteProblem[] } | undefined {
  if (problem.type !== 'stray' || problem.mark.kind !== 'double') return undefined;
  const paragraph = draft.paragraphs[problem.paragraph];
  if (inParagraph.length !== 2 || !inParagraph.every((p) => p.mark.kind === 'double' && (p.type === 'stray' || p.type === 'unclosed'))) return undefined;
  const doubles = marksBetween(quotes, paragraph.start - 1, paragraph.end).filter((m) => m.kind === 'double');
  const text = paragraph.text;
  // The inner pair lies between the two marks at fault; each try re-scans the paragraph, so only a few are tried.
  const [first, second] = inParagraph.map((p) => p.mark.offset);
  let tries = 0;
  for (let i = 1; i + 1 < doubles.length && tries < maxNestedTries; i++) {
    const [open, close] = [doubles[i], doubles[i + 1]];
    if (open.offset < first || close.offset > second || open.glyph === '”' || close.glyph === '“') continue;
    tries++;
    const [a, b] = [open.offset - paragraph.start, close.offset - paragraph.start];
    const turned = text.slice(0, a) + singleFor(open.glyph, true) + text.slice(a + 1, b) + singleFor(close.glyph, false) + text.slice(b + 1);
    const scan = scanParagraph(turned);
    const outer = scan.quotations.find((q) => q.depth === 0 && q.open < a && q.close !== undefined && q.close > b);
    const nested = outer !== undefined && scan.quotations.some((q) => q.open === a && q.close === b && q.depth === 1);
    // An attribution inside the outer quotation ("We won, he said. ...") means it lost its own closing mark.
    if (nested && !attributionInside.test(text.slice(outer.open, outer.close)) && faultless(scan)) return { open, close, explains: inParagraph };
  }
  return undefined;
}

function nestedDoublesFinding(open: QuoteMark, close: QuoteMark): RuleFinding {
  const single = (m: QuoteMark, opens: boolean) => ({ start: m.offset, end: m.offset + m.glyph.length, text: singleFor(m.glyph, opens) });
  const pair = `${singleFor(open.glyph, true)}…${singleFor(close.glyph, false)}`;
  return {
    start: open.offset,
    end: open.offset + open.glyph.length,
    message: `A quotation inside a quotation takes single marks: write ${pair}.`,
    fixes: [{ title: `Use single marks for the inner quotation: ${pair}`, edits: [single(open, true), single(close, false)], preferred: true }],
    related: [{ start: close.offset, end: close.offset + close.glyph.length, message: 'where the inner quotation closes' }],
  };
}

/**
 * A single mark before a lowercase word, outside any other quotation, that
 * nothing later in its paragraph could close: as likely an elision the
 * engine does not know (It's 'orrible) as a quotation that lost its end.
 */
function mayBeElision(draft: Draft, quotes: QuoteAnalysis, problem: QuoteProblem): boolean {
  const { mark } = problem;
  if (problem.type !== 'unclosed' || mark.kind !== 'single') return false;
  if (!/^\p{Ll}/u.test(draft.text.slice(mark.offset + mark.glyph.length))) return false;
  if (quotes.quotations.some((q) => q.open === mark.offset && q.depth > 0)) return false;
  const end = draft.paragraphs[problem.paragraph].end;
  return !marksBetween(quotes, mark.offset, end).some((m) => m.role === 'close');
}

export const unbalancedQuote: Rule = {
  id: 'unbalanced-quote',
  description: 'A quotation mark opened and never closed, or closed and never opened.',
  defaultSeverity: 'error',
  cost: 'keystroke',
  check(ctx) {
    const findings: RuleFinding[] = [];
    const quotes = analyzeQuotes(ctx);
    // The stray closes that a missing reopening mark explains: one fault, one finding.
    const explained = new Set<QuoteProblem>();
    // Each paragraph's problems, looked up once per problem (a paragraph may hold thousands).
    const problemsByParagraph = new Map<number, QuoteProblem[]>();
    for (const p of quotes.problems) (problemsByParagraph.get(p.paragraph) ?? problemsByParagraph.set(p.paragraph, []).get(p.paragraph)!).push(p);
    // The quoted attribute values of an embed's tag are code: a tag broken over two lines
    // (`tweet-date="January 19, 2016⏎">`) leaves each half's mark unpaired in its paragraph.
    const isCode = draftMarkup(ctx);
    for (const problem of quotes.problems) {
      if (isCode(problem.mark.offset)) explained.add(problem);
      if (explained.has(problem)) continue;
      const credited = pullQuote(ctx.draft, quotes, problem);
      if (credited) {
        explained.add(problem).add(credited);
        continue;
      }
      const stray = missingReopen(ctx.draft, quotes, problem);
      if (stray) {
        explained.add(problem).add(stray);
        findings.push(missingReopenFinding(ctx.draft, problem, stray));
        continue;
      }
      const close = spaceOnWrongSide(ctx.draft, quotes, problem);
      if (close) {
        explained.add(problem).add(close);
        findings.push(spaceOnWrongSideFinding(problem, close));
        continue;
      }
      const inParagraph = problemsByParagraph.get(problem.paragraph)!;
      const mismatched = mismatchedClose(ctx.draft, inParagraph, problem);
      if (mismatched) {
        for (const p of mismatched) explained.add(p);
        findings.push(mismatchedCloseFinding(problem));
        continue;
      }
      const turned = turnedClose(ctx.draft, inParagraph, problem);
      if (turned) {
        for (const p of inParagraph) explained.add(p);
        findings.push(turned);
        continue;
      }
      const glued = gluedOpening(ctx.draft, inParagraph, problem);
      if (glued) {
        explained.add(problem);
        findings.push(glued);
        continue;
      }
      const nested = nestedDoubles(ctx.draft, quotes, inParagraph, problem);
      if (nested) {
        for (const p of nested.explains) explained.add(p);
        findings.push(nestedDoublesFinding(nested.open, nested.close));
      }
    }
    for (const problem of quotes.problems) {
      if (explained.has(problem)) continue;
      const next = lostBreakBefore(ctx.draft, quotes, problem);
      if (next) {
        findings.push(lostBreakFinding(ctx.draft, problem, next));
        continue;
      }
      if (mayBeElision(ctx.draft, quotes, problem)) {
        findings.push({
          start: problem.mark.offset,
          end: problem.mark.offset + problem.mark.glyph.length,
          message:
            "This single mark is never closed: an elision (It's 'orrible), or a quotation that lost its closing mark? Where the repair goes is uncertain: check the fixes offered.",
          fixes: problem.fixes.map((f) => ({ ...f, preferred: false, safe: false })),
          severity: 'hint',
          ...(problem.related.length > 0 ? { related: problem.related } : {}),
        });
        continue;
      }
      const message =
        problem.type === 'apostrophe'
          ? 'A space is typed into this apostrophe: it is not a quotation mark. Join the word.'
          : problem.type === 'swapped'
            ? 'These closing quotation marks are in the wrong order: the inner quotation closes first.'
            : problem.type === 'stray'
              ? 'This closing quotation mark has no opening mark.'
              : problem.fixes.some((f) => f.title === startParagraphFixTitle)
                ? 'This quotation is never closed: another one opens later in the same paragraph. Close it, or start a new paragraph there if a break was lost.'
                : 'This quotation is never closed.';
      findings.push({
        start: problem.mark.offset,
        end: problem.mark.offset + problem.mark.glyph.length,
        message: problem.crowded
          ? `${message} So many marks in this paragraph do not pair that Copydesk does not suggest a repair.`
          : problem.uncertain
            ? `${message} Where the repair goes is uncertain: check the fixes offered.`
            : message,
        fixes: problem.fixes,
        ...(problem.related.length > 0 ? { related: problem.related } : {}),
      });
    }
    findings.push(...wrongWayCloses(quotes), ...wrongWayOpens(quotes, ctx));
    return findings.sort((a, b) => a.start - b.start);
  },
};

/**
 * A left single mark that closes a quotation opened by a left single mark: smart quotes type
 * one after a hyphen (a ‘D-‘ rating). Turning it is safe: only the glyph changes. (A left
 * mark may close in other styles, German ‚so‘, and a double one is read elsewhere.)
 */
function wrongWayCloses(quotes: QuoteAnalysis): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const m of quotes.marks) {
    if (m.role !== 'close' || m.glyph !== '‘') continue;
    const quotation = quotes.quotations.find((q) => q.close === m.offset);
    if (!quotation || quotes.marks.find((o) => o.offset === quotation.open)?.glyph !== '‘') continue;
    findings.push({
      start: m.offset,
      end: m.offset + 1,
      message: 'This mark closes the quotation but is turned the wrong way: write ’.',
      fixes: [{ title: 'Turn the mark: ’', edits: [{ start: m.offset, end: m.offset + 1, text: '’' }], preferred: true, safe: true }],
    });
  }
  return findings;
}

/**
 * A right double mark that opens a quotation (a paragraph starting ” … text,” it read): typed
 * the wrong way round. Turning it is safe: only the glyph changes. Only in a draft that opens its
 * other quotations with “: a house that writes ”…” both ways (Swedish style) is left alone, and so
 * is markup.
 */
function wrongWayOpens(quotes: QuoteAnalysis, ctx: RuleContext): RuleFinding[] {
  const reversed = quotes.marks.filter((m) => m.role === 'open' && m.glyph === '”');
  if (reversed.length === 0 || !quotes.marks.some((m) => m.role === 'open' && m.glyph === '“')) return [];
  // The marks of an embed's markup (<a href=”https://...” target=”_blank”>) are code.
  const isCode = draftMarkup(ctx);
  return reversed
    .filter((m) => !isCode(m.offset))
    .map((m) => ({
      start: m.offset,
      end: m.offset + 1,
      message: 'This mark opens the quotation but is turned the wrong way: write “.',
      fixes: [{ title: 'Turn the mark: “', edits: [{ start: m.offset, end: m.offset + 1, text: '“' }], preferred: true, safe: true }],
    }));
}
