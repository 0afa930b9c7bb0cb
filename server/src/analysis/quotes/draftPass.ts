// The draft pass: links quotations across paragraphs (the multi-paragraph
// convention), detects US or UK style and describes what is left unpaired.

import type { Draft, Paragraph } from '../draft';
import type { RuleContext } from '../rule';
import type { QuoteStyleSetting } from '../types';
import { bestClosingPlace, openingStrength } from './evidence';
import { glyphFamily } from './marks';
import { scanParagraph } from './pairing';
import { describeProblem, problemCandidates, type Placement, type ProblemCandidates, type ProblemSite } from './repairs';
import type { ApostropheMark, LocalQuotation, Quotation, QuoteAnalysis, QuoteMark } from './types';

export function analyzeQuotes(ctx: RuleContext): QuoteAnalysis {
  return ctx.memo('quotes', () => analyzeDraftQuotes(ctx.draft, ctx.options.quoteStyle));
}

/**
 * A quotation that runs on into the next paragraph starts like a full
 * quotation (at the paragraph start, after `said:` or a sentence) and has no
 * attribution inside it; "...to cool off, Kunin said." lost its closing mark,
 * but "I said then..." is the speaker recalling their own words.
 */
function mayRunOn(text: string, q: LocalQuotation): boolean {
  if (openingStrength(text, q.open, q.openGlyph.length) < 2) return false;
  return (bestClosingPlace(text, q, text.length, { firstPersonQuoted: true })?.score ?? 0) < 3;
}

export function analyzeDraftQuotes(draft: Draft, quoteStyle: QuoteStyleSetting = 'auto'): QuoteAnalysis {
  return draftPass(draft, quoteStyle, describeProblem);
}

/** Each problem's repair candidates with their features, before ranking: what train-quotes learns from. */
export function draftRepairCandidates(draft: Draft, quoteStyle: QuoteStyleSetting = 'auto'): (ProblemCandidates & { offset: number; paragraph: Paragraph })[] {
  return draftPass(draft, quoteStyle, (site) => ({ ...problemCandidates(site), offset: site.p.start + site.problem.at, paragraph: site.p })).problems;
}

type Describe<T> = (site: ProblemSite) => T;

function draftPass<T>(draft: Draft, quoteStyle: QuoteStyleSetting, describe: Describe<T>): Omit<QuoteAnalysis, 'problems'> & { problems: T[] } {
  const scans = draft.paragraphs.map((p) => scanParagraph(p.text));
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
      mayRunOn(p.text, scan.openAtEnd);
  }

  for (let i = 0; i < scans.length; i++) {
    const p = draft.paragraphs[i];
    const scan = scans[i];
    for (const m of scan.marks) {
      marks.push({ offset: p.start + m.at, glyph: m.glyph, kind: m.kind, role: m.role, curly: m.curly });
      families.add(glyphFamily(m.glyph));
      if (m.glyph.length === 1 && (m.glyph === '"' || m.glyph === "'")) straight++;
      else if (m.curly) curly++;
    }
    for (const a of scan.apostrophes) {
      apostrophes.push({ offset: p.start + a.offset, glyph: a.glyph });
      if (a.glyph === "'") straight++;
      else curly++;
    }
    for (const q of scan.quotations) {
      const continues = i > 0 && continuesInto[i - 1] && q === scan.quotations[0];
      quotations.push({
        open: p.start + q.open,
        close: q.close === undefined ? undefined : p.start + q.close,
        kind: q.kind,
        contentStart: p.start + q.open + q.openGlyph.length,
        contentEnd: p.start + (q.close ?? q.limit),
        paragraph: i,
        depth: q.depth,
        continues,
        continuesInNext: q === scan.openAtEnd && continuesInto[i],
      });
      if (q.close !== undefined && q.depth === 0) {
        if (q.kind === 'double') doubleOuter++;
        else singleOuter++;
        const content = p.text.slice(q.open + q.openGlyph.length, q.close);
        if (/^\s*\p{Ll}/u.test(content)) {
          if (content.endsWith('.')) periodInside++;
          else if (p.text[q.close + q.closeGlyph!.length] === '.') periodOutside++;
        } else if (/^\s*\p{Lu}/u.test(content)) {
          if (content.endsWith(',')) commaInside++;
          else if (p.text[q.close + q.closeGlyph!.length] === ',') commaOutside++;
        }
      }
    }
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
    for (const problem of local) problems.push(describe({ p, scan, problem, mayEndOpen: continuesInto[i], placement, lineBreak }));
  }

  return { style, curlyMajority, marks, quotations, apostrophes, problems };
}
