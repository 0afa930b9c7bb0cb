// Repairs: the candidate fixes for a mark the pairing could not match, ranked.

import { TextCache } from '../cache';
import type { Paragraph } from '../draft';
import type { Fix, RelatedPlace } from '../types';
import {
  afterClosedAttribution,
  bestClosingPlace,
  clauseEnd,
  closingStrength,
  firstPerson,
  introducesPartial,
  introducingParticiples,
  openingStrength,
  partialStart,
  saidVerbs,
  shortFinalPhrase,
  trimmedEndBefore,
} from './evidence';
import { closingPartner, isQuoteGlyph, isSpace, isTransparent, isWord, openingPartner } from './marks';
import { confidence, confidenceFeatures, firstChoiceMarks } from './confidence';
import { candidateFeatures, score, type CandidateShape, type RankingContext } from './ranker';
import { lostParagraphBreak, scanParagraph, scanParagraphUncached } from './pairing';
import { riskyBlindRepair, safeClose, safeOpen, safeRemoveStray, type CommaHabit } from './safety';
import { startParagraphFixTitle, type LocalQuotation, type LocalProblem, type ParagraphQuotes, type QuoteProblem } from './types';

export interface Placement {
  style: 'us' | 'uk';
  partialPeriodOutside: boolean;
  /** Where the draft's full-sentence quotations put a comma before the closing mark. */
  commaHabit: CommaHabit;
  /** How many of the draft's full quotations show that habit. */
  commaHabitSeen: number;
  /** The draft's quotation marks come from more than one family (straight and curly): a missing mark's glyph is a guess. */
  mixedGlyphs: boolean;
}

/** How many faults a paragraph has on its own, counting an open end only when nothing continues it. */
function faults(scan: ParagraphQuotes, mayEndOpen: boolean): number {
  return scan.problems.length + (scan.openAtEnd && !mayEndOpen ? 1 : 0);
}

function applyLocal(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Start of the character (code point) that ends at `at`, so a range never splits a surrogate pair. */
function charStartBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  const high = text.charCodeAt(at - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? at - 2 : at - 1;
}

/** End of the character (code point) that starts at `at`. */
function charEndAfter(text: string, at: number): number {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}

function excerpt(text: string, end: number): string {
  const start = Math.max(0, end - 24);
  const cut = text.slice(start, end).trim();
  const space = start > 0 ? cut.indexOf(' ') : -1;
  return space > 0 && space < cut.length - 1 ? cut.slice(space + 1) : cut;
}

/** One unpaired mark in its paragraph, with what the draft pass knows around it. */
export interface ProblemSite {
  p: Paragraph;
  scan: ParagraphQuotes;
  problem: LocalProblem;
  /** The paragraph may end inside a quotation (the next one continues it). */
  mayEndOpen: boolean;
  placement: Placement;
  lineBreak: string;
  /** The paragraph (or the stretch of it ranked) has too many faults to rank repairs for (rankingSite). */
  crowded?: boolean;
}

/** More faults than this in one paragraph (or stretch of a long one) is not prose that lost a mark: no repair is ranked. */
export const maxRankedFaults = 16;
/** A paragraph longer than this is ranked in a stretch around each problem (rankingSite). */
const longParagraph = 4_000;
/** How far the ranked stretch reaches either side of the problem, before it finds a sentence start. */
const stretchReach = 1_500;

/**
 * The site a problem's repairs are ranked in. Each candidate's check re-scans
 * its paragraph, so ranking costs grow with the paragraph's length times its
 * marks: in a long paragraph (a whole story pasted as one line) the problem is
 * ranked in a stretch around it that starts and ends at sentence or line
 * boundaries outside any closed quotation, and a paragraph with more faults
 * than maxRankedFaults (a table of measurements, code) gets none ranked.
 */
export function rankingSite(site: ProblemSite): ProblemSite {
  const { p, scan, problem, mayEndOpen } = site;
  // A broken apostrophe or swapped marks has one obvious repair, read from the marks themselves.
  if (problem.type === 'apostrophe' || problem.type === 'swapped') return site;
  if (p.text.length <= longParagraph) return faults(scan, mayEndOpen) > maxRankedFaults ? { ...site, crowded: true } : site;
  const text = p.text;
  // Crowded already by the paragraph's own count near the problem: no stretch is scanned.
  const near = scan.problems.filter((x) => Math.abs(x.at - problem.at) <= stretchReach).length;
  if (near > maxRankedFaults) return { ...site, crowded: true };
  const start = stretchBoundary(text, scan, problem.at - stretchReach, -1);
  const end = stretchBoundary(text, scan, problem.at + problem.glyph.length + stretchReach, 1);
  const stretchText = text.slice(start, end);
  const stretchScan = scanParagraph(stretchText);
  const stretchEndsOpen = end === text.length && mayEndOpen;
  const at = problem.at - start;
  const found =
    stretchScan.problems.find((x) => x.at === at && x.type === problem.type) ??
    (problem.type === 'unclosed' && stretchScan.openAtEnd?.open === at && !stretchEndsOpen
      ? { ...problem, at, limit: stretchText.length, extra: false }
      : undefined);
  // A problem the stretch does not see as the paragraph does is not ranked from a partial view.
  if (!found || faults(stretchScan, stretchEndsOpen) > maxRankedFaults) return { ...site, crowded: true };
  return {
    ...site,
    p: { ...p, text: stretchText, start: p.start + start, end: p.start + end },
    scan: stretchScan,
    problem: found,
    mayEndOpen: stretchEndsOpen,
  };
}

/**
 * The sentence or line start nearest `from` in `direction` (within another
 * reach) that no closed quotation spans; the paragraph's edge past it, a space
 * when there is none.
 */
function stretchBoundary(text: string, scan: ParagraphQuotes, from: number, direction: -1 | 1): number {
  if (from <= 0) return 0;
  if (from >= text.length) return text.length;
  const inside = (at: number) => scan.quotations.some((q) => q.close !== undefined && q.open < at && at <= q.close);
  const lo = direction < 0 ? Math.max(0, from - stretchReach) : from;
  const hi = direction < 0 ? from : Math.min(text.length, from + stretchReach);
  const starts: number[] = [];
  for (const m of text.slice(lo, hi).matchAll(/(?:[.?!…]["'”’)]*[ \t]+|\n)(?=\S)/gu)) starts.push(lo + m.index + m[0].length);
  const ordered = direction < 0 ? starts.reverse() : starts;
  const clean = ordered.find((at) => !inside(at));
  if (clean !== undefined) return clean;
  const space = direction < 0 ? text.lastIndexOf(' ', from) : text.indexOf(' ', from);
  return space < 0 ? (direction < 0 ? 0 : text.length) : space + 1;
}

/** A candidate repair, scored by the ranker. Offsets are local to the paragraph. */
export interface RepairCandidate extends CandidateShape {
  title: string;
  features: Float64Array;
  score: number;
  /** The textbook shape (safety.ts): "Fix all" may apply it when the ranker also puts it first. */
  safe: boolean;
  /** The ranker's margin alone would make it preferred (see marginMayPrefer): a confidence feature. */
  marginMayPrefer: boolean;
}

/**
 * Removing the flagged mark is not sure by margin alone where a lost mark looks the same:
 * an unclosed opening mark may be a partial quotation that lost its closing mark ("a disgrace
 * and...; on training copy, about one such preferred removal in four was wrong), and a stray
 * closing mark with another one of its kind later in the paragraph may be a real one whose
 * neighbour lost its opening mark (“a relic” and the budget a disgrace.”). A feature of the
 * confidence model (confidence.ts), which learns when such a removal is sure all the same.
 */
function marginMayPrefer(scan: ParagraphQuotes, problem: LocalProblem, c: CandidateShape): boolean {
  if (c.action !== 'remove') return true;
  return problem.type === 'stray' && !scan.marks.some((m) => m.at > problem.at && m.role === 'close' && m.kind === problem.kind);
}

export interface ProblemCandidates {
  candidates: RepairCandidate[];
  related: RelatedPlace[];
  /** Checks that a candidate balances the paragraph better than before (the break candidate always does). */
  improves: (c: RepairCandidate) => boolean;
  /** Checks that a candidate leaves the paragraph with no fault at all. */
  balances: (c: RepairCandidate) => boolean;
  /** The confidence model's inputs for the first of `offered` (offeredRepairs), given whether it balances the paragraph. */
  firstChoice: (offered: RepairCandidate[], balancesFirst: boolean) => Float64Array;
}

/** The most insertion places the ranker looks at, nearest the flagged mark first. */
const maxInsertions = 60;
const removeTitle = 'Remove this quotation mark';

/**
 * Every repair worth ranking for one problem: the hand-written heuristic's
 * proposals (kept as features), closing or opening the quotation at each word
 * boundary between the mark and its limit, removing the mark, removing
 * another mark of the same kind, and the lost-paragraph-break repair.
 */
export function problemCandidates(site: ProblemSite): ProblemCandidates {
  const { p, scan, problem, mayEndOpen, placement, lineBreak } = site;
  const text = p.text;
  if (problem.type === 'apostrophe' || problem.type === 'swapped' || site.crowded)
    return { candidates: [], related: [], improves: () => false, balances: () => false, firstChoice: () => new Float64Array(0) };
  const shapes: (CandidateShape & { title: string })[] = [];
  const related: RelatedPlace[] = [];
  const heuristic: { start: number; end: number; text: string; rank: number; safe: boolean }[] = [];
  const propose = (start: number, end: number, insert: string, rank: number, safe = false) => {
    heuristic.push({ start, end, text: insert, rank, safe });
  };
  const key = (start: number, end: number, insert: string) => `${start}:${end}:${insert}`;
  const seen = new Set<string>();
  const push = (shape: Omit<CandidateShape, 'heuristicFirst' | 'heuristicSafe'> & { title: string }) => {
    if (shape.action !== 'break' && !onLine(shape.start, shape.end)) return;
    const k = key(shape.start, shape.end, shape.text);
    if (seen.has(k)) return;
    seen.add(k);
    shapes.push({ ...shape, heuristicFirst: false, heuristicSafe: false });
  };
  const glyphLength = problem.glyph.length;
  // A repair never reaches across a line break: after a single line break the
  // next line is most often a paragraph of its own, and a fix must not damage it.
  const lineStart = text.lastIndexOf('\n', problem.at - 1) + 1;
  const lineEnd = text.indexOf('\n', problem.at) < 0 ? text.length : text.indexOf('\n', problem.at);
  const onLine = (start: number, end: number) => start >= lineStart && end <= lineEnd;
  let markStrength: number;
  let fullSentence = false;

  if (problem.type === 'unclosed') {
    const q: LocalQuotation = {
      open: problem.at,
      openGlyph: problem.glyph,
      openCurly: problem.curly,
      kind: problem.kind,
      depth: 0,
      limit: problem.limit,
    };
    const glyph = closingPartner[problem.glyph] ?? problem.glyph;
    const strength = openingStrength(text, problem.at, glyphLength);
    markStrength = strength;
    const place = bestClosingPlace(text, q, problem.limit);
    const insertRank = problem.extra || strength < 2 ? 2 : 0;
    fullSentence = /^\s*[\p{Lu}\p{N}]/u.test(text.slice(problem.at + glyphLength));
    if (place) {
      const at = closingOffset(place.wordsEnd, place.punctuation, fullSentence, placement);
      related.push({
        start: p.start + Math.max(problem.at + glyphLength, charStartBefore(text, at)),
        end: p.start + at,
        message: 'The quotation most likely ends here.',
      });
      propose(at, at, glyph, insertRank, place.score >= 3 && strength >= 3);
    }
    // Before the next opening mark that cannot nest, or at the paragraph's end.
    const limitEnd = trimmedEndBefore(text, problem.limit);
    if (limitEnd > problem.at + glyphLength) {
      let at = limitEnd;
      const last = text[at - 1];
      if ('.?!,;:'.includes(last)) at = closingOffset(at - 1, last, fullSentence, placement);
      if (!place) related.push({ start: p.start + charStartBefore(text, at), end: p.start + at, message: 'The quotation most likely ends here.' });
      const tailRank =
        insertRank > 0 &&
        !afterClosedAttribution(text, trimmedEndBefore(text, problem.at)) &&
        shortFinalPhrase(text, problem.at + glyphLength, limitEnd, problem.limit === text.length, p.isHeadline)
          ? 0.5
          : insertRank + 1;
      propose(at, at, glyph, tailRank);
    }
    // A partial quotation opened mid-sentence after "a" or "called" most often ends at the next clause boundary.
    if (strength < 2 && !problem.extra && introducesPartial(text, problem.at)) {
      const clause = clauseEnd(text, problem.at + glyphLength, trimmedEndBefore(text, problem.limit));
      if (clause) {
        const at = closingOffset(clause.wordsEnd, clause.punctuation, fullSentence, placement);
        propose(at, at, glyph, 0.7);
      }
    }
    const blocking = scan.marks.find((m) => m.at === problem.limit && m.role === 'open' && m.kind === problem.kind);
    if (
      blocking &&
      !problem.extra &&
      lostParagraphBreak(text, q, { at: blocking.at, glyph: blocking.glyph, kind: blocking.kind, dir: 'open', curly: blocking.curly })
    ) {
      // The two halves become paragraphs of their own, the first running on into the second.
      const gap = trimmedEndBefore(text, blocking.at);
      propose(gap, blocking.at, lineBreak + lineBreak, insertRank + 1.5);
      push({ action: 'break', start: gap, end: blocking.at, text: lineBreak + lineBreak, title: startParagraphFixTitle });
      related.push({
        start: p.start + blocking.at,
        end: p.start + blocking.at + blocking.glyph.length,
        message: 'If a paragraph break was lost here, this mark continues the quotation.',
      });
    }
    const duplicate = text.startsWith(problem.glyph, problem.at + glyphLength) || text.slice(0, problem.at).endsWith(problem.glyph);
    propose(problem.at, problem.at + glyphLength, '', insertRank === 0 ? 3 : 1, duplicate);
    for (const at of closingPlaces(text, problem.at + glyphLength, trimmedEndBefore(text, Math.min(problem.limit, lineEnd)))) {
      push({ action: 'close', start: at, end: at, text: glyph, title: `Close the quotation after “${excerpt(text, at)}”` });
    }
  } else {
    const glyph = openingPartner[problem.glyph] ?? problem.glyph;
    const strength = closingStrength(text, problem.at, glyphLength);
    markStrength = strength;
    const at = openingPlace(text, scan, problem.at);
    const insertRank = problem.extra || strength < 2 ? 2 : 0;
    if (at !== undefined) {
      related.push({ start: p.start + at, end: p.start + Math.min(charEndAfter(text, at), problem.at), message: 'The quotation most likely begins here.' });
      // Unambiguous, so "Fix all" may take it: one sentence opens the paragraph, no
      // other mark comes before, and an attribution follows the closing mark.
      const paragraphStart = /^\s*/.exec(text)![0].length;
      const safe =
        at === paragraphStart && strength >= 3 && !problem.extra && scan.marks.every((m) => m.at >= problem.at) && !/[.?!]\s/.test(text.slice(at, problem.at));
      propose(at, at, glyph, insertRank, safe);
    }
    if (strength < 2 && !problem.extra) {
      const start = partialStart(text, problem.at);
      if (start !== undefined) propose(start, start, glyph, 0.7);
    }
    const duplicate = text.startsWith(problem.glyph, problem.at + glyphLength) || text.slice(0, problem.at).endsWith(problem.glyph);
    propose(problem.at, problem.at + glyphLength, '', insertRank === 0 ? 3 : 1, duplicate);
    for (const place of openingPlaces(text, Math.max(lineStart, openingFloor(scan, problem.at)), problem.at)) {
      const words = text
        .slice(place, place + 24)
        .trim()
        .split(/\s+/)
        .slice(0, 3)
        .join(' ');
      push({ action: 'open', start: place, end: place, text: glyph, title: `Open the quotation before “${words}”` });
    }
  }
  push({ action: 'remove', start: problem.at, end: problem.at + glyphLength, text: '', title: removeTitle });
  // The mark flagged may be the innocent half: a stray mark elsewhere stole its partner.
  for (const m of scan.marks) {
    if (m.kind !== problem.kind || m.at === problem.at) continue;
    const words = wordsAround(text, m.at);
    push({ action: 'removeOther', start: m.at, end: m.at + m.glyph.length, text: '', title: `Remove the quotation mark in “${words}”` });
  }
  // Heuristic proposals that the enumeration missed (a place inside a run of marks) still compete.
  for (const h of heuristic) {
    if (seen.has(key(h.start, h.end, h.text))) continue;
    if (h.text === '') continue;
    const opens = problem.type === 'stray';
    push({
      action: opens ? 'open' : 'close',
      start: h.start,
      end: h.end,
      text: h.text,
      title: opens
        ? `Open the quotation before “${text
            .slice(h.start, h.start + 24)
            .trim()
            .split(/\s+/)
            .slice(0, 3)
            .join(' ')}”`
        : `Close the quotation after “${excerpt(text, h.start)}”`,
    });
  }

  const safetySite = { text, problem, headline: p.isHeadline, scan, mixedGlyphs: placement.mixedGlyphs };
  const isSafe = (c: CandidateShape): boolean => {
    if (c.action === 'close') return problem.type === 'unclosed' && safeClose(safetySite, c.start, placement);
    if (c.action === 'open') return problem.type === 'stray' && safeOpen(safetySite, c.start);
    // A doubled double mark (""We): either one goes, the text comes out the same.
    if (c.action === 'remove')
      return (
        problem.kind === 'double' && (text.startsWith(problem.glyph, c.end) || text.slice(0, c.start).endsWith(problem.glyph) || safeRemoveStray(safetySite))
      );
    return false;
  };
  const best = heuristic.reduce<(typeof heuristic)[number] | undefined>((b, h) => (b === undefined || h.rank < b.rank ? h : b), undefined);
  const ctx: RankingContext = { text, problem, style: placement.style, commaHabit: placement.commaHabit, depth: 0, markStrength, fullSentence };
  let nearestInsert = -1;
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.action !== 'close' && s.action !== 'open') continue;
    if (nearestInsert < 0 || Math.abs(s.start - problem.at) < Math.abs(shapes[nearestInsert].start - problem.at)) nearestInsert = i;
  }
  const candidates: RepairCandidate[] = shapes.map((shape, i) => {
    const h = heuristic.find((x) => x.start === shape.start && x.end === shape.end && x.text === shape.text);
    const full: CandidateShape = {
      ...shape,
      heuristicRank: h?.rank,
      heuristicFirst: h !== undefined && h === best,
      heuristicSafe: h?.safe ?? false,
    };
    const features = candidateFeatures(ctx, full, i === nearestInsert);
    return { ...full, title: shape.title, features, score: score(features), safe: isSafe(full), marginMayPrefer: marginMayPrefer(scan, problem, full) };
  });
  if (problem.type === 'unclosed') commaSideByHabit(text, candidates, fullSentence, placement);

  const before = faults(scan, mayEndOpen);
  const faultsAfter = (c: RepairCandidate) => faults(scanParagraphUncached(applyLocal(text, c.start, c.end, c.text)), mayEndOpen);
  const improves = (c: RepairCandidate) => c.action === 'break' || faultsAfter(c) < before;
  const balances = (c: RepairCandidate) => c.action !== 'break' && faultsAfter(c) === 0;
  const firstChoice = (offered: RepairCandidate[], balancesFirst: boolean) =>
    confidenceFeatures({
      first: offered[0],
      second: offered[1],
      scores: candidates.map((c) => c.score),
      unclosed: problem.type === 'unclosed',
      single: problem.kind === 'single',
      curly: problem.curly,
      us: placement.style === 'us',
      otherFaults: before > 1,
      otherMarks: scan.marks.length > 1,
      balances: balancesFirst,
      mayEndOpen,
      headline: p.isHeadline,
      mixedGlyphs: placement.mixedGlyphs,
      commaHabitKnown: placement.commaHabitSeen >= 2,
    });
  return { candidates, related, improves, balances, firstChoice };
}

/**
 * The fixes offered for one problem, best first: the textbook shape (safety.ts), then the
 * ranker's score, then position; only those that balance the paragraph better (checked
 * lazily, since each check re-scans), removing the mark always among them.
 */
export function offeredRepairs({ candidates, improves }: Pick<ProblemCandidates, 'candidates' | 'improves'>): RepairCandidate[] {
  candidates.sort((a, b) => Number(b.safe) - Number(a.safe) || b.score - a.score || a.start - b.start);
  const kept: RepairCandidate[] = [];
  for (const c of candidates) {
    if (kept.length === maxFixes) break;
    if (improves(c)) kept.push(c);
  }
  const removal = candidates.find((c) => c.action === 'remove');
  if (removal && !kept.includes(removal) && improves(removal)) kept.push(removal);
  return kept;
}

/**
 * The ranker decides where a quotation ends; which side of a comma its closing mark goes is the
 * draft's style (closingOffset): of two closes either side of one comma, the one on the draft's
 * side takes the better score of the two, the other the worse.
 */
function commaSideByHabit(text: string, candidates: RepairCandidate[], fullSentence: boolean, placement: Placement): void {
  const closeAt = new Map<number, RepairCandidate>();
  for (const c of candidates) if (c.action === 'close') closeAt.set(c.start, c);
  for (const outside of candidates) {
    if (outside.action !== 'close' || text[outside.start] !== ',') continue;
    const inside = closeAt.get(outside.start + 1);
    if (!inside) continue;
    const draftSide = closingOffset(outside.start, ',', fullSentence, placement) === outside.start ? outside : inside;
    const other = draftSide === outside ? inside : outside;
    if (other.score > draftSide.score) [draftSide.score, other.score] = [other.score, draftSide.score];
  }
}

/**
 * Whether the ranker's margin decides preferred (the issue-13 contract). Off,
 * the first choice is always preferred. Safe is the textbook shape of
 * safety.ts either way, and only when it is also the first choice.
 */
const confidenceGate = true;

/** The most fixes offered for one problem. */
const maxFixes = 4;

/**
 * Described problems cached by paragraph text and everything else they depend
 * on, so a keystroke elsewhere in the draft does not generate and rank the
 * candidates again. Cached at paragraph offset 0, shifted on the way out.
 */
const described = new TextCache<QuoteProblem>(2048);

export function describeProblem(site: ProblemSite): QuoteProblem {
  const { p, problem, mayEndOpen, placement, lineBreak } = site;
  // Nothing is ranked for a crowded paragraph, and its text may be long: V8 hashes a string
  // over 16,383 characters by its length alone, so such keys would all collide in the cache.
  if (site.crowded) return describeAt(site);
  const key = [
    p.text,
    problem.type,
    problem.at,
    problem.glyph,
    problem.limit,
    problem.extra,
    mayEndOpen,
    placement.style,
    placement.partialPeriodOutside,
    placement.commaHabit,
    placement.commaHabitSeen >= 2,
    placement.mixedGlyphs,
    lineBreak,
    p.isHeadline,
    p.isBlock,
  ].join('\u0000');
  const local = described.get(key, () =>
    describeAt(site.p.start === 0 && p.index === 0 ? site : { ...site, p: { ...p, index: 0, start: 0, end: p.end - p.start } }),
  );
  if (p.start === 0 && p.index === 0) return local;
  const shift = <T extends { start: number; end: number }>(r: T): T => ({ ...r, start: r.start + p.start, end: r.end + p.start });
  return {
    ...local,
    mark: { ...local.mark, offset: local.mark.offset + p.start },
    paragraph: p.index,
    fixes: local.fixes.map((f) => ({ ...f, edits: f.edits.map(shift) })),
    related: local.related.map(shift),
  };
}

function describeAt(site: ProblemSite): QuoteProblem {
  const { p, problem } = site;
  if (problem.type === 'apostrophe' || problem.type === 'swapped') {
    // Swapped marks are sure only as the paragraph's one fault: with a quotation left open besides
    // ("...'You know, if you run you “know you'll win.'”), the order may be right and a mark extra.
    const sure = problem.type === 'apostrophe' || (site.scan.problems.length === 1 && (!site.scan.openAtEnd || site.mayEndOpen));
    return describeTypo(p, problem, sure);
  }
  if (site.crowded) {
    const role = problem.type === 'unclosed' ? 'open' : 'close';
    return {
      type: problem.type,
      mark: { offset: p.start + problem.at, glyph: problem.glyph, kind: problem.kind, role, curly: problem.curly },
      paragraph: p.index,
      fixes: [],
      related: [],
      uncertain: false,
      crowded: true,
    };
  }
  const { candidates, related, improves, balances, firstChoice } = problemCandidates(site);
  const kept = offeredRepairs({ candidates, improves });
  // The first choice is preferred when the confidence model (confidence.ts) is sure enough of it
  // or it is the textbook shape (safety.ts); safe ("Fix all", check --fix) past a higher bar, its
  // fix balancing the paragraph. A lost paragraph break moves text: never taken without looking.
  const balancesFirst = kept.length > 0 && balances(kept[0]);
  const marks =
    kept.length === 0
      ? { confident: false, preferred: false, safe: false }
      : firstChoiceMarks(
          confidence(firstChoice(kept, balancesFirst)),
          { action: kept[0].action, safe: kept[0].safe, unclosed: problem.type === 'unclosed', risky: riskyBlindRepair(p.text, problem, kept[0]) },
          balancesFirst,
        );
  const confident = marks.confident;
  const preferred = kept.length > 0 && (confidenceGate ? marks.preferred : kept[0].action !== 'break');
  const safe = preferred && marks.safe;
  const fixes: Fix[] = kept.map((c, i) => ({
    title: c.title,
    edits: [{ start: p.start + c.start, end: p.start + c.end, text: c.text }],
    ...(i === 0 && preferred ? { preferred: true } : {}),
    ...(i === 0 && safe ? { safe: true } : {}),
  }));
  return {
    type: problem.type,
    mark: {
      offset: p.start + problem.at,
      glyph: problem.glyph,
      kind: problem.kind,
      role: problem.type === 'unclosed' ? 'open' : 'close',
      curly: problem.curly,
    },
    paragraph: p.index,
    fixes,
    related,
    uncertain: confidenceGate && fixes.length > 1 && !confident,
  };
}

/** A broken apostrophe or swapped closing marks: one obvious repair, preferred and safe when `sure`. */
function describeTypo(p: Paragraph, problem: LocalProblem, sure: boolean): QuoteProblem {
  const text = p.text;
  let fix: Fix;
  if (problem.type === 'apostrophe') {
    const apostrophe = problem.glyph === "'" ? "'" : '’';
    let wordStart = problem.at - 1;
    while (wordStart > 0 && isWord(text[wordStart - 1])) wordStart--;
    let wordEnd = problem.at + 1;
    while (wordEnd < text.length && isWord(text[wordEnd])) wordEnd++;
    const joined = text.slice(wordStart, problem.at - 1) + apostrophe + text.slice(problem.at + 1, wordEnd);
    fix = { title: `Join the apostrophe: ${joined}`, edits: [{ start: p.start + problem.at - 1, end: p.start + problem.at + 1, text: apostrophe }] };
  } else {
    const [outer, inner] = [problem.glyph.slice(0, problem.glyph.length - 1), problem.glyph.slice(-1)];
    fix = {
      title: `Close the inner quotation first: ${inner}${outer}`,
      edits: [{ start: p.start + problem.at, end: p.start + problem.at + problem.glyph.length, text: inner + outer }],
    };
  }
  return {
    type: problem.type,
    mark: { offset: p.start + problem.at, glyph: problem.glyph, kind: problem.kind, role: 'close', curly: problem.curly },
    paragraph: p.index,
    fixes: [sure ? { ...fix, preferred: true, safe: true } : fix],
    related: [],
    uncertain: !sure,
  };
}

/**
 * Where a closing mark may go between `from` and `end`: after each word,
 * before or after the punctuation that follows it, never inside a word or a
 * run of quotation marks. Nearest first, maxInsertions of them, then sentence ends; the end always included.
 */
function closingPlaces(text: string, from: number, end: number): number[] {
  const places: number[] = [];
  for (let i = from + 1; i <= end; i++) {
    const prev = text[i - 1];
    const next = text[i];
    if (isSpace(prev) || isQuoteGlyph(prev)) continue;
    if (next !== undefined && i < end && (isWord(next) || isQuoteGlyph(next))) continue;
    if (next !== undefined && i < end && !isSpace(next) && !'.,;:!?…)]'.includes(next)) continue;
    places.push(i);
  }
  if (places.length <= maxInsertions) return places;
  // Past the nearest ones, only after a sentence's end (a long quotation), and the end itself.
  const far = places.slice(maxInsertions - 1, -1).filter((at) => '.?!'.includes(text[at - 1]) && isSpace(text[at]));
  return [...places.slice(0, maxInsertions - 1), ...far, places[places.length - 1]];
}

/**
 * Where an opening mark may go between `floor` and `closeAt`: before each word, nearest the
 * closing mark first; past maxInsertions, only where a sentence starts (a long quotation
 * opened at the paragraph's start or after a full stop).
 */
function openingPlaces(text: string, floor: number, closeAt: number): number[] {
  const places: number[] = [];
  for (let i = closeAt - 1; i >= floor; i--) {
    const ch = text[i];
    if (isSpace(ch) || isQuoteGlyph(ch)) continue;
    const prev = text[i - 1];
    if (i === floor || prev === undefined || isSpace(prev) || '([—–-/'.includes(prev)) {
      if (!isWord(ch) && !'$£€…#@'.includes(ch) && !(ch === '.' && text[i + 1] === '.')) continue;
      if (places.length >= maxInsertions && !startsSentence(text, i, floor)) continue;
      places.push(i);
    }
  }
  return places;
}

/** `at` begins a sentence: at `floor` (the line's or the quotation's start) or after . ? ! and a space. */
function startsSentence(text: string, at: number, floor: number): boolean {
  const end = trimmedEndBefore(text, at);
  return end <= floor || (end < at && '.?!'.includes(text[end - 1]));
}

/** Where the quoted words of a stray closing mark cannot begin before: the previous quotation's end. */
function openingFloor(scan: ParagraphQuotes, closeAt: number): number {
  let floor = 0;
  for (const m of scan.marks) if (m.at < closeAt && m.role === 'close') floor = m.at + m.glyph.length;
  for (const q of scan.quotations) if (q.open < closeAt && q.close === undefined) floor = Math.max(floor, q.open + q.openGlyph.length);
  return floor;
}

function wordsAround(text: string, at: number): string {
  const start = Math.max(0, at - 12);
  const end = Math.min(text.length, at + 13);
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/**
 * Where the closing mark goes relative to the punctuation that ends the
 * quoted words: US style puts commas and full stops inside; UK style puts
 * them inside only when the quotation is a full sentence, and the draft's own
 * habit decides full stops after a partial quotation.
 */
function closingOffset(wordsEnd: number, punctuation: string, fullSentence: boolean, placement: Placement): number {
  const afterPunctuation = wordsEnd + punctuation.length;
  if (punctuation === '') return wordsEnd;
  if (punctuation === ':' || punctuation === ';') return wordsEnd;
  // A draft whose full quotations all put the comma outside ("We won", he said) keeps its habit.
  if (fullSentence && punctuation === ',' && placement.commaHabit === 'outside') return wordsEnd;
  if (fullSentence && placement.style === 'us') return afterPunctuation;
  if (punctuation.startsWith('.') && !fullSentence) return placement.partialPeriodOutside ? wordsEnd : afterPunctuation;
  if (placement.style === 'uk' && !fullSentence && punctuation === ',') return wordsEnd;
  return afterPunctuation;
}

const introducing = new RegExp(`(?:\\b(?:${saidVerbs}|${introducingParticiples})(?:\\s+[\\p{L}.]+){0,2}?(?:[,:]|\\s+that)|:)\\s+`, 'gu');
const saidVerb = new RegExp(`\\b(?:${saidVerbs})\\b`, 'u');
const sentenceStart = /[.?!]["”’']*\s+(?=[\p{Lu}\p{N}"“'‘])/gu;

/**
 * Where the quoted words of a stray closing mark most likely begin: after
 * `said,`, `told reporters:`, `saying,` or `said that` in the sentence
 * holding the mark; else the quotation spans whole sentences: those after the
 * last one with a speech verb ("Trump said. That's terrible," he added), else
 * those after the last one not in the first person when the quoted words are,
 * else the whole paragraph when every sentence is in the first person, else
 * the sentence holding the mark. Never before the previous quotation's end.
 */
function openingPlace(text: string, scan: ParagraphQuotes, closeAt: number): number | undefined {
  const floor = openingFloor(scan, closeAt);
  const skipSpace = (i: number) => {
    while (i < closeAt && (isSpace(text[i]) || isTransparent(text[i]))) i++;
    return i;
  };
  const starts = [skipSpace(floor)];
  const span = text.slice(floor, closeAt);
  for (const m of span.matchAll(sentenceStart)) {
    const s = floor + m.index! + m[0].length;
    if (s < closeAt - 1) starts.push(s);
  }
  const last = starts[starts.length - 1];
  let intro: number | undefined;
  for (const m of text.slice(last, closeAt).matchAll(introducing)) {
    const s = last + m.index! + m[0].length;
    if (s < closeAt - 1) intro = s;
  }
  if (intro !== undefined) return intro;
  for (let k = starts.length - 1; k > 0; k--) {
    if (saidVerb.test(text.slice(starts[k - 1], starts[k]))) return starts[k];
  }
  // Speech in the first person after narration in the third ("Sales fell.
  // We expect a rebound," she said): the quotation starts after the last
  // sentence with no first-person word, if the words it then holds have one.
  let allFirstPerson = true;
  for (let k = starts.length - 1; k > 0; k--) {
    if (!firstPerson.test(text.slice(starts[k - 1], starts[k]))) {
      if (firstPerson.test(text.slice(starts[k], closeAt))) return starts[k];
      allFirstPerson = false;
      break;
    }
  }
  // All in the first person: one quotation of several sentences. Else the
  // sentence holding the mark alone, the commonest shape after narration.
  const chosen = allFirstPerson ? starts[0] : starts[starts.length - 1];
  return chosen < closeAt ? chosen : undefined;
}
