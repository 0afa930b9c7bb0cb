// People and organizations named in a draft, resolved the way a copy editor
// reads a story: the first reference gives the full name and a title, later
// references use the surname or an acronym, and capitals alone prove nothing.
//
// compromise (through nlp.ts) supplies words and tags per paragraph. On top of
// that, the entity pass
//   - builds candidate names (candidates.ts) from runs of capitalised words,
//     keeping titles out of the name and recording them as the person's role;
//   - weighs evidence (evidence.ts): titles and roles, organization cue words,
//     the built-in table of well-known organizations, compromise's own tags,
//     and a small word-statistics model trained on public-domain news;
//   - takes the trained tagger's labels (tagger.ts), each paragraph tagged on
//     its own and then again in the light of how the rest of the draft was tagged;
//   - rejects places, months, days, nationalities and sentence-initial capitals;
//   - propagates what the story establishes to its later mentions
//     (resolution.ts), matching without regard to diacritics;
//   - groups the mentions into entities (grouping.ts) and credits quotations
//     to their speakers (../attribution.ts).

import { isBoilerplateParagraph } from '../boilerplate';
import { attributionSteps } from '../attribution';
import { runToEnd, type Steps } from '../steps';
import { parseParagraph } from '../nlp';
import { draftFeatures, paragraphNameCounts, tagParagraph } from './tagger';
import { addNameCounts, type NameCounts } from './tagger-features';
import type { RuleContext } from '../rule';
import type { ParagraphSurroundings } from './evidence';
import { groupEntities, withLookup } from './grouping';
import { headlineNamesFromBody, isTitleCase } from './headlines';
import { withPlainSpaces } from './words';
import { paragraphCandidates, summarizeParagraph, type ParagraphSummary } from './paragraphs';
import {
  bracketedShortForms,
  dropCommonWordsOpeningSentences,
  dropFamiliesOfPeople,
  dropLowerCaseTerms,
  dropOrganizationsAmongPeople,
  dropPeopleBeforeTheirStaff,
  keepPlacesNamedOutright,
  lonePlacesNamedOutright,
  propagate,
  readFixtures,
  readListsOfOrganizations,
  readNamesWithTheirS,
  readOpponents,
  readPairsOfPeople,
  readShortFormsAsWords,
  readTeamSheets,
  readSubstitutes,
  splitJoinedNames,
} from './resolution';
import type { Candidate, Entity, EntityAnalysis, NeighbourWord } from './types';

export type { AttributedQuote, Entity, EntityAnalysis, Mention } from './types';
export { clearEntityCaches } from './paragraphs';
export { withPlainSpaces } from './words';
export { mentionIndexOf, withLookup, withSortedLookup, type MentionEntry } from './grouping';

/**
 * The cached per-paragraph half of the entity pass for one paragraph (its NLP
 * parse, summary and tagger labels): the session runs it in time slices before the pass, so
 * the pass itself only reads caches.
 */
/** Loads compromise and the tagger's weights (most of a second), so that no request pays for it later. */
export function warmUpNames(): void {
  prepareEntityParagraph('The mayor, Ana Ruiz, said the council would vote on Tuesday.');
}

export function prepareEntityParagraph(paragraphText: string): void {
  const text = withPlainSpaces(paragraphText);
  summarizeParagraph(text);
  // The tagger's labels are kept per parsed paragraph: tag it now, not inside the pass.
  tagParagraph(parseParagraph(text));
}

export function analyzeEntities(ctx: RuleContext): EntityAnalysis {
  return ctx.memo('entities', () => runToEnd(entityPassSteps(ctx)));
}

/**
 * The entity pass in steps: it stops at each paragraph and before the
 * draft-wide steps, so that the session can hand the event loop back between
 * them (a 100,000-word draft's pass, run in one piece, held up keystrokes for
 * a few hundred milliseconds). Run to the end, it is analyzeEntities; a caller
 * that drives it stores the result with settleEntities.
 */
export function* entityPassSteps(ctx: RuleContext): Steps<EntityAnalysis> {
  const entities = yield* resolveEntities(ctx);
  yield;
  yield* attributionSteps(ctx, entities);
  return withLookup(entities);
}

/** Keeps a pass driven step by step as the draft's entity pass (a pass already kept wins: they are equal). */
export function settleEntities(ctx: RuleContext, analysis: EntityAnalysis): EntityAnalysis {
  return ctx.memo('entities', () => analysis);
}

/**
 * The per-paragraph work comes from the caches (paragraphs.ts); what runs
 * here for every version of the draft is one pass over the paragraphs and
 * the document-level resolution over their candidates.
 */
function* resolveEntities(ctx: RuleContext): Steps<Entity[]> {
  const text = ctx.draft.text;
  const read: { start: number; prose: string; summary: ParagraphSummary; titleCaseHeadline: boolean }[] = [];
  const midSentenceCapitals = new Set<string>();
  // How the tagger read each capitalised word across the draft, paragraph by paragraph: its second look at each paragraph.
  const draftNames: NameCounts = new Map();
  for (const paragraph of ctx.draft.paragraphs) {
    const prose = withPlainSpaces(paragraph.text);
    // All-caps paragraphs (wire headlines, shouted text) carry no case
    // evidence; they are left alone rather than guessed at.
    if (!/\p{Ll}/u.test(prose)) continue;
    // "More news: Olive harvest expected..." names no one in the story.
    if (isBoilerplateParagraph(prose)) continue;
    const summary = summarizeParagraph(prose);
    if (!summary.first) continue;
    const titleCaseHeadline = paragraph.isHeadline && isTitleCase(prose);
    read.push({ start: paragraph.start, prose, summary, titleCaseHeadline });
    yield;
    // A title-case headline capitalises every word: its capitals say nothing about the story's names.
    if (titleCaseHeadline) continue;
    for (const fold of summary.midSentenceCapitals) midSentenceCapitals.add(fold);
    addNameCounts(draftNames, paragraphNameCounts(parseParagraph(prose)));
  }

  const candidates: Candidate[] = [];
  const headlineCandidates: Candidate[] = [];
  let recent: NeighbourWord[] = [];
  for (let i = 0; i < read.length; i++) {
    const { start, prose, summary, titleCaseHeadline } = read[i];
    const end = start + prose.length;
    const next = read[i + 1];
    const surroundings: ParagraphSurroundings = {
      before2: recent.length >= 2 ? recent[recent.length - 2] : undefined,
      before: recent[recent.length - 1],
      after: next && { ...next.summary.first!, gap: text.slice(start + summary.lastEnd, next.start + next.summary.first!.start) },
      trailing: summary.resultsTable ? text.slice(end, end + 24) : '',
    };
    const documentFeatures = draftFeatures(parseParagraph(prose), draftNames);
    for (const c of paragraphCandidates(prose, withPlainSpaces(text.slice(start, end)), summary, surroundings, midSentenceCapitals, documentFeatures)) {
      (titleCaseHeadline ? headlineCandidates : candidates).push({ ...c, start: c.start + start, end: c.end + start });
    }
    recent = [...recent, ...summary.lastTwo].slice(-2);
    yield;
  }

  yield;
  splitJoinedNames(candidates, text);
  const shortForms = bracketedShortForms(candidates, text);
  const placesNamedOutright = lonePlacesNamedOutright(candidates);
  propagate(candidates, shortForms);
  keepPlacesNamedOutright(candidates, placesNamedOutright, text);
  readShortFormsAsWords(candidates);
  yield;
  candidates.push(...headlineNamesFromBody(headlineCandidates, candidates, text));
  candidates.sort((a, b) => a.start - b.start);
  readTeamSheets(candidates, text);
  readSubstitutes(candidates, text);
  dropLowerCaseTerms(candidates, text);
  dropCommonWordsOpeningSentences(candidates, text);
  dropOrganizationsAmongPeople(candidates, text);
  readPairsOfPeople(candidates, text);
  readFixtures(candidates, text);
  readOpponents(candidates, text);
  readListsOfOrganizations(candidates, text);
  dropFamiliesOfPeople(candidates, text);
  dropPeopleBeforeTheirStaff(candidates, text);
  readNamesWithTheirS(candidates, text);
  return yield* groupEntities(
    candidates.filter((c) => c.kind),
    text,
    shortForms,
  );
}
