// The draft pass: links quotations across paragraphs (the multi-paragraph
// convention), detects US or UK style and describes what is left unpaired.

import type { Draft, Paragraph } from '../draft';
import type { RuleContext } from '../rule';
import type { QuoteStyleSetting } from '../types';
import { bestClosingPlace, openingStrength } from './evidence';
import { glyphFamily } from './marks';
import { scanParagraph } from './pairing';
import { describeProblem, problemCandidates, rankingSite, type Placement, type ProblemCandidates, type ProblemSite } from './repairs';
import type { ApostropheMark, LocalQuotation, ParagraphQuotes, Quotation, QuoteAnalysis, QuoteMark } from './types';

export function analyzeQuotes(ctx: RuleContext): QuoteAnalysis {
  return ctx.memo('quotes', () => analyzeDraftQuotes(ctx.draft, ctx.options.quoteStyle));
}

/**
 * A quotation that runs on into the next paragraph starts like a full
 * quotation (at the paragraph start, after `said:` or a sentence) and has no
 * attribution inside it; "...to cool off, Kunin said." lost its closing mark,
 * but "I said then..." is the speaker recalling their own words, and "Then
 * Kerry said that 100,000 would come" reports speech inside the quoted words.
 */
function mayRunOn(text: string, q: LocalQuotation): boolean {
  if (openingStrength(text, q.open, q.openGlyph.length) < 2) return false;
  return (bestClosingPlace(text, q, text.length, { reportingQuoted: true })?.score ?? 0) < 3;
}

export function analyzeDraftQuotes(draft: Draft, quoteStyle: QuoteStyleSetting = 'auto'): QuoteAnalysis {
  return draftPass(draft, quoteStyle, describeProblem);
}

/** Each problem's repair candidates with their features, before ranking: what train-quotes learns from. */
export function draftRepairCandidates(draft: Draft, quoteStyle: QuoteStyleSetting = 'auto'): (ProblemCandidates & { offset: number; paragraph: Paragraph })[] {
  return draftPass(draft, quoteStyle, (site) => ({ ...problemCandidates(site), offset: site.p.start + site.problem.at, paragraph: site.p })).problems;
}

type Describe<T> = (site: ProblemSite) => T;

/** What a paragraph's scan tells the draft pass wherever the paragraph stands: counts for the draft's habits. */
interface ScanFacts {
  doubleOuter: number;
  singleOuter: number;
  curly: number;
  straight: number;
  periodInside: number;
  periodOutside: number;
  commaInside: number;
  commaOutside: number;
  families: ReturnType<typeof glyphFamily>[];
  /** Whether the quotation open at the paragraph's end may run on into the next one (mayRunOn). */
  mayRunOn: boolean;
}

/** Keyed by the scan, which the paragraph cache shares between versions and between paragraphs of the same text. */
const factsOfScan = new WeakMap<ParagraphQuotes, ScanFacts>();

function scanFacts(text: string, scan: ParagraphQuotes): ScanFacts {
  let facts = factsOfScan.get(scan);
  if (facts) return facts;
  facts = {
    doubleOuter: 0,
    singleOuter: 0,
    curly: 0,
    straight: 0,
    periodInside: 0,
    periodOutside: 0,
    commaInside: 0,
    commaOutside: 0,
    families: [],
    mayRunOn: scan.openAtEnd !== undefined && mayRunOn(text, scan.openAtEnd),
  };
  for (const m of scan.marks) {
    const family = glyphFamily(m.glyph);
    if (!facts.families.includes(family)) facts.families.push(family);
    if (m.glyph.length === 1 && (m.glyph === '"' || m.glyph === "'")) facts.straight++;
    else if (m.curly) facts.curly++;
  }
  for (const a of scan.apostrophes) {
    if (a.glyph === "'") facts.straight++;
    else facts.curly++;
  }
  for (const q of scan.quotations) {
    if (q.close === undefined || q.depth !== 0) continue;
    if (q.kind === 'double') facts.doubleOuter++;
    else facts.singleOuter++;
    const content = text.slice(q.open + q.openGlyph.length, q.close);
    if (/^\s*\p{Ll}/u.test(content)) {
      if (content.endsWith('.')) facts.periodInside++;
      else if (text[q.close + q.closeGlyph!.length] === '.') facts.periodOutside++;
    } else if (/^\s*\p{Lu}/u.test(content)) {
      if (content.endsWith(',')) facts.commaInside++;
      else if (text[q.close + q.closeGlyph!.length] === ',') facts.commaOutside++;
    }
  }
  factsOfScan.set(scan, facts);
  return facts;
}

/** A paragraph's marks, apostrophes and quotations in draft offsets, and what they were placed for. */
interface Placed {
  scan: ParagraphQuotes;
  start: number;
  index: number;
  continues: boolean;
  continuesInNext: boolean;
  marks: QuoteMark[];
  apostrophes: ApostropheMark[];
  quotations: Quotation[];
}

/**
 * Keyed by the paragraph: an edit keeps the paragraphs before it as they were
 * (updateDraft), so on a keystroke only the edited paragraph and those after
 * it, whose offsets moved, are placed again. Each entry is checked against
 * everything it was placed for, so a reused one is what placing would give.
 */
const placedParagraphs = new WeakMap<Paragraph, Placed>();

function place(p: Paragraph, index: number, scan: ParagraphQuotes, continues: boolean, continuesInNext: boolean): Placed {
  const kept = placedParagraphs.get(p);
  if (
    kept &&
    kept.scan === scan &&
    kept.start === p.start &&
    kept.index === index &&
    kept.continues === continues &&
    kept.continuesInNext === continuesInNext
  ) {
    return kept;
  }
  const placed: Placed = { scan, start: p.start, index, continues, continuesInNext, marks: [], apostrophes: [], quotations: [] };
  for (const m of scan.marks) placed.marks.push({ offset: p.start + m.at, glyph: m.glyph, kind: m.kind, role: m.role, curly: m.curly });
  for (const a of scan.apostrophes) placed.apostrophes.push({ offset: p.start + a.offset, glyph: a.glyph });
  for (const q of scan.quotations) {
    placed.quotations.push({
      open: p.start + q.open,
      close: q.close === undefined ? undefined : p.start + q.close,
      kind: q.kind,
      contentStart: p.start + q.open + q.openGlyph.length,
      contentEnd: p.start + (q.close ?? q.limit),
      paragraph: index,
      depth: q.depth,
      continues: continues && q === scan.quotations[0],
      continuesInNext: q === scan.openAtEnd && continuesInNext,
    });
  }
  placedParagraphs.set(p, placed);
  return placed;
}

function draftPass<T>(draft: Draft, quoteStyle: QuoteStyleSetting, describe: Describe<T>): Omit<QuoteAnalysis, 'problems'> & { problems: T[] } {
  const scans = draft.paragraphs.map((p) => scanParagraph(p.text));
  const facts = draft.paragraphs.map((p, i) => scanFacts(p.text, scans[i]));
  const marks: QuoteMark[] = [];
  const quotations: Quotation[] = [];
  const apostrophes: ApostropheMark[] = [];
  let doubleOuter = 0;
  let singleOuter = 0;
  let curly = 0;
  let straight = 0;
  // Whether the draft puts a full stop outside the closing mark of a partial quotation ("desperate".).
  let periodInside = 0;
  let periodOutside = 0;
  // Where its full-sentence quotations put a comma: "We won," he said or "We won", he said.
  let commaInside = 0;
  let commaOutside = 0;
  const families = new Set<string>();

  const continuesInto: boolean[] = [];
  for (let i = 0; i < scans.length; i++) {
    const p = draft.paragraphs[i];
    const scan = scans[i];
    const next = draft.paragraphs[i + 1];
    continuesInto[i] =
      scan.openAtEnd !== undefined &&
      !p.isHeadline &&
      !p.isBlock &&
      next !== undefined &&
      !next.isHeadline &&
      !next.isBlock &&
      scans[i + 1].opensWith === scan.openAtEnd.kind &&
      facts[i].mayRunOn;
  }

  for (let i = 0; i < scans.length; i++) {
    const placed = place(draft.paragraphs[i], i, scans[i], i > 0 && continuesInto[i - 1], continuesInto[i]);
    for (const m of placed.marks) marks.push(m);
    for (const a of placed.apostrophes) apostrophes.push(a);
    for (const q of placed.quotations) quotations.push(q);
    const f = facts[i];
    for (const family of f.families) families.add(family);
    straight += f.straight;
    curly += f.curly;
    doubleOuter += f.doubleOuter;
    singleOuter += f.singleOuter;
    periodInside += f.periodInside;
    periodOutside += f.periodOutside;
    commaInside += f.commaInside;
    commaOutside += f.commaOutside;
  }

  const style: 'us' | 'uk' = quoteStyle !== 'auto' ? quoteStyle : singleOuter > doubleOuter ? 'uk' : 'us';
  const curlyMajority = curly > straight;
  const placement: Placement = {
    style,
    partialPeriodOutside: periodInside + periodOutside > 0 ? periodOutside > periodInside : style === 'uk',
    commaHabit: commaInside > 0 ? (commaOutside > 0 ? 'mixed' : 'inside') : commaOutside > 0 ? 'outside' : 'unknown',
    commaHabitSeen: Math.max(commaInside, commaOutside),
    mixedGlyphs: families.size > 1,
  };

  const problems: T[] = [];
  const lineBreak = draft.text.includes('\r\n') ? '\r\n' : '\n';
  for (let i = 0; i < scans.length; i++) {
    const p = draft.paragraphs[i];
    const scan = scans[i];
    const local = [...scan.problems];
    if (scan.openAtEnd && !continuesInto[i]) {
      const q = scan.openAtEnd;
      local.push({ type: 'unclosed', at: q.open, glyph: q.openGlyph, kind: q.kind, curly: q.openCurly, limit: p.text.length, extra: false });
      local.sort((a, b) => a.at - b.at);
    }
    for (const problem of local) problems.push(describe(rankingSite({ p, scan, problem, mayEndOpen: continuesInto[i], placement, lineBreak })));
  }

  return { style, curlyMajority, marks, quotations, apostrophes, problems };
}
