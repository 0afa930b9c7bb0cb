// Names in a headline written in title case ("Donald Trump Tweets A Wildly
// Inaccurate Graphic"): every word is capitalised, so capitals say nothing
// about where a name ends, and a run of them is no name at all ("Benghazi
// Movie", "Trump Said"). Such a headline names only whom the story's body
// names: its candidates are kept where they are, or contain, a name read in
// the body, and that name is what they become.

import { foldName } from '../nlp';
import { organizationEndings } from './tables';
import type { Candidate } from './types';

/**
 * A line in title case: of its words of four letters or more after the first
 * (short function words may stay lower case), at least three, and all but
 * one at most, are capitalised.
 */
export function isTitleCase(line: string): boolean {
  const words = (line.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).slice(1).filter((w) => w.length >= 4);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return words.length >= 3 && lower <= Math.min(1, Math.floor(words.length / 6));
}

/**
 * The title-case headline's candidates as names the body reads: each becomes
 * the longest run of its words that a body candidate of a settled kind names
 * in full ("Donald Trump" out of "Donald Trump Tweets A Wildly..."), a copy of
 * that candidate moved to the headline; the others are dropped.
 */
export function headlineNamesFromBody(headline: readonly Candidate[], body: readonly Candidate[], text: string): Candidate[] {
  const bodyByFold = new Map<string, Candidate>();
  for (const c of body) if (c.kind && !bodyByFold.has(c.fold)) bodyByFold.set(c.fold, c);
  const found: Candidate[] = [];
  for (const candidate of headline) {
    const tokens = [...text.slice(candidate.start, candidate.end).matchAll(/\S+/g)].map((m) => ({
      start: candidate.start + m.index,
      end: candidate.start + m.index + m[0].length,
      bare: foldName(m[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/['’]s$/u, '')).replace(/\.$/, ''),
    }));
    // "IPO FILING -- Homegate Hospitality Inc.": a well-known organization, or one whose name ends as only
    // an organization's does, is one wherever it stands.
    if (candidate.kind === 'organization' && (candidate.tableEntry || organizationEndings.has(candidate.lastBare))) {
      found.push(candidate);
      continue;
    }
    const match = longestKnownRun(tokens, bodyByFold);
    if (match) found.push({ ...match.candidate, start: match.start, end: match.end, role: null });
  }
  return found;
}

function longestKnownRun(
  tokens: readonly { start: number; end: number; bare: string }[],
  bodyByFold: ReadonlyMap<string, Candidate>,
): { candidate: Candidate; start: number; end: number } | undefined {
  for (let length = tokens.length; length >= 1; length--) {
    for (let from = 0; from + length <= tokens.length; from++) {
      const run = tokens.slice(from, from + length);
      const candidate = bodyByFold.get(run.map((t) => t.bare).join(' '));
      if (candidate) return { candidate, start: run[0].start, end: run[run.length - 1].end };
    }
  }
  return undefined;
}
