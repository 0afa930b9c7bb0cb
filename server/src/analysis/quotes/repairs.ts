// Repairs: the candidate fixes for a mark the pairing could not match, ranked.

import type { Paragraph } from '../draft';
import type { Fix, RelatedPlace } from '../types';
import {
  afterClosedAttribution,
  bestClosingPlace,
  clauseEnd,
  closingStrength,
  firstPerson,
  introducesPartial,
  openingStrength,
  partialStart,
  saidVerbs,
  shortFinalPhrase,
  trimmedEndBefore,
} from './evidence';
import { closingPartner, isSpace, isTransparent, openingPartner } from './marks';
import { lostParagraphBreak, scanParagraphUncached } from './pairing';
import { startParagraphFixTitle, type LocalQuotation, type LocalProblem, type ParagraphQuotes, type QuoteProblem } from './types';

export interface Placement {
  style: 'us' | 'uk';
  partialPeriodOutside: boolean;
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

export function describeProblem(
  p: Paragraph,
  scan: ParagraphQuotes,
  problem: LocalProblem,
  mayEndOpen: boolean,
  placement: Placement,
  lineBreak: string,
): QuoteProblem {
  const text = p.text;
  const before = faults(scan, mayEndOpen);
  const candidates: { fix: Fix; local: { start: number; end: number; text: string }; rank: number }[] = [];
  const related: RelatedPlace[] = [];
  const add = (title: string, start: number, end: number, insert: string, rank: number, safe = false) => {
    // Keep a repair only if it really balances the paragraph better.
    const after = scanParagraphUncached(applyLocal(text, start, end, insert));
    if (faults(after, mayEndOpen) >= before) return;
    if (candidates.some((c) => c.local.start === start && c.local.end === end && c.local.text === insert)) return;
    candidates.push({
      fix: { title, edits: [{ start: p.start + start, end: p.start + end, text: insert }], ...(safe ? { safe } : {}) },
      local: { start, end, text: insert },
      rank,
    });
  };
  const removeTitle = 'Remove this quotation mark';

  if (problem.type === 'unclosed') {
    const q: LocalQuotation = {
      open: problem.at, openGlyph: problem.glyph, openCurly: problem.curly, kind: problem.kind, depth: 0, limit: problem.limit,
    };
    const glyph = closingPartner[problem.glyph] ?? problem.glyph;
    const strength = openingStrength(text, problem.at, problem.glyph.length);
    const place = bestClosingPlace(text, q, problem.limit);
    const insertRank = problem.extra || strength < 2 ? 2 : 0;
    const fullSentence = /^\s*[\p{Lu}\p{N}]/u.test(text.slice(problem.at + problem.glyph.length));
    if (place) {
      const at = closingOffset(place.wordsEnd, place.punctuation, fullSentence, placement);
      related.push({ start: p.start + Math.max(problem.at + problem.glyph.length, charStartBefore(text, at)), end: p.start + at, message: 'The quotation most likely ends here.' });
      add(`Close the quotation after “${excerpt(text, at)}”`, at, at, glyph, insertRank, place.score >= 3 && strength >= 3);
    }
    // Before the next opening mark that cannot nest, or at the paragraph's end.
    const limitEnd = trimmedEndBefore(text, problem.limit);
    if (limitEnd > problem.at + problem.glyph.length) {
      let at = limitEnd;
      const last = text[at - 1];
      if ('.?!,;:'.includes(last)) at = closingOffset(at - 1, last, fullSentence, placement);
      if (!place) related.push({ start: p.start + charStartBefore(text, at), end: p.start + at, message: 'The quotation most likely ends here.' });
      const tailRank = insertRank > 0 && !afterClosedAttribution(text, trimmedEndBefore(text, problem.at)) && shortFinalPhrase(text, problem.at + problem.glyph.length, limitEnd, problem.limit === text.length, p.isHeadline) ? 0.5 : insertRank + 1;
      add(`Close the quotation after “${excerpt(text, at)}”`, at, at, glyph, tailRank);
    }
    // A partial quotation opened mid-sentence after "a" or "called" most often
    // ends at the next clause boundary: ranked above removing the mark.
    if (strength < 2 && !problem.extra && introducesPartial(text, problem.at)) {
      const clause = clauseEnd(text, problem.at + problem.glyph.length, trimmedEndBefore(text, problem.limit));
      if (clause) {
        const at = closingOffset(clause.wordsEnd, clause.punctuation, fullSentence, placement);
        add(`Close the quotation after “${excerpt(text, at)}”`, at, at, glyph, 0.7);
      }
    }
    const blocking = scan.marks.find((m) => m.at === problem.limit && m.role === 'open' && m.kind === problem.kind);
    if (blocking && !problem.extra && lostParagraphBreak(text, q, { at: blocking.at, glyph: blocking.glyph, kind: blocking.kind, dir: 'open', curly: blocking.curly })) {
      // Not checked by re-scanning: the two halves become paragraphs of their own,
      // the first running on into the second by the multi-paragraph convention.
      const gap = trimmedEndBefore(text, blocking.at);
      candidates.push({
        fix: { title: startParagraphFixTitle, edits: [{ start: p.start + gap, end: p.start + blocking.at, text: lineBreak + lineBreak }] },
        local: { start: gap, end: blocking.at, text: lineBreak + lineBreak },
        rank: insertRank + 1.5,
      });
      related.push({ start: p.start + blocking.at, end: p.start + blocking.at + blocking.glyph.length, message: 'If a paragraph break was lost here, this mark continues the quotation.' });
    }
    const duplicate = text.startsWith(problem.glyph, problem.at + problem.glyph.length) || text.slice(0, problem.at).endsWith(problem.glyph);
    add(removeTitle, problem.at, problem.at + problem.glyph.length, '', insertRank === 0 ? 3 : 1, duplicate);
  } else {
    const glyph = openingPartner[problem.glyph] ?? problem.glyph;
    const strength = closingStrength(text, problem.at, problem.glyph.length);
    const at = openingPlace(text, scan, problem.at);
    const insertRank = problem.extra || strength < 2 ? 2 : 0;
    if (at !== undefined) {
      related.push({ start: p.start + at, end: p.start + Math.min(charEndAfter(text, at), problem.at), message: 'The quotation most likely begins here.' });
      const words = text.slice(at, at + 24).trim().split(/\s+/).slice(0, 3).join(' ');
      // Unambiguous, so "Fix all" may take it: one sentence opens the paragraph, no
      // other mark comes before, and an attribution follows the closing mark.
      const paragraphStart = /^\s*/.exec(text)![0].length;
      const safe =
        at === paragraphStart && strength >= 3 && !problem.extra && scan.marks.every((m) => m.at >= problem.at) && !/[.?!]\s/.test(text.slice(at, problem.at));
      add(`Open the quotation before “${words}”`, at, at, glyph, insertRank, safe);
    }
    if (strength < 2 && !problem.extra) {
      // Measured: without a clause word after the mark, removing it is likelier right.
      const start = partialStart(text, problem.at);
      if (start !== undefined) {
        const words = text.slice(start, start + 24).trim().split(/\s+/).slice(0, 3).join(' ');
        add(`Open the quotation before “${words}”`, start, start, glyph, 0.7);
      }
    }
    const duplicate = text.startsWith(problem.glyph, problem.at + problem.glyph.length) || text.slice(0, problem.at).endsWith(problem.glyph);
    add(removeTitle, problem.at, problem.at + problem.glyph.length, '', insertRank === 0 ? 3 : 1, duplicate);
  }

  candidates.sort((a, b) => a.rank - b.rank);
  const fixes = candidates.map((c, i) => (i === 0 ? { ...c.fix, preferred: true } : c.fix));
  return {
    type: problem.type,
    mark: { offset: p.start + problem.at, glyph: problem.glyph, kind: problem.kind, role: problem.type === 'unclosed' ? 'open' : 'close', curly: problem.curly },
    paragraph: p.index,
    fixes,
    related,
  };
}


/**
 * Where the closing mark goes relative to the punctuation that ends the
 * quoted words: US style puts commas and full stops inside; UK style puts
 * them inside only when the quotation is a full sentence, and the draft's own
 * habit decides full stops after a partial quotation.
 */
function closingOffset(wordsEnd: number, punctuation: string, fullSentence: boolean, placement: Placement): number {
  const afterPunctuation = wordsEnd + punctuation.length;
  if (punctuation === '' ) return wordsEnd;
  if (punctuation === ':' || punctuation === ';') return wordsEnd;
  if (fullSentence && placement.style === 'us') return afterPunctuation;
  if (punctuation.startsWith('.') && !fullSentence) return placement.partialPeriodOutside ? wordsEnd : afterPunctuation;
  if (placement.style === 'uk' && !fullSentence && punctuation === ',') return wordsEnd;
  return afterPunctuation;
}

/** Present participles that introduce a quotation: saying, telling reporters, adding. */
const introducingParticiples =
  'saying|telling|adding|writing|noting|stating|asking|explaining|declaring|warning|insisting|arguing|' +
  'replying|responding|answering|tweeting|posting|concluding|calling|proclaiming|announcing';
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
  let floor = 0;
  for (const m of scan.marks) if (m.at < closeAt && m.role === 'close') floor = m.at + m.glyph.length;
  for (const q of scan.quotations) if (q.open < closeAt && q.close === undefined) floor = Math.max(floor, q.open + q.openGlyph.length);
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
