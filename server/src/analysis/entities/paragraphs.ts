// The per-paragraph half of the entity pass, cached so that an edit re-reads
// only the paragraph it touched. Two caches, both keyed by paragraph text:
//   - a summary: what the rest of the draft needs to know of the paragraph
//     (its mid-sentence capitals, its edge words);
//   - the weighed candidates, keyed also by the little the evidence reads
//     outside the paragraph (neighbouring words, draft-wide capitals, the
//     tagger's document-level features of its words), so a
//     cached result is always the one a fresh pass would give.
// Offsets in both caches are paragraph-relative; the caller shifts them.

import { TextCache } from '../cache';
import { parseParagraph } from '../nlp';
import { buildCandidates, draftDependentWords, midSentenceCapitalsOf } from './candidates';
import { isResultsTable, weighCandidates, type ParagraphSurroundings } from './evidence';
import type { Candidate, NeighbourWord, SpanCandidate, Word } from './types';
import { compromiseOpensSentenceOrQuote, initialsOf, isNationality, paragraphWords } from './words';
import { tagInDraft } from './tagger';
import { followTagger } from './combination';
import { courtesyTitles, generationalSuffix } from './tables';

export interface ParagraphSummary {
  /** Words this paragraph capitalises mid-sentence. */
  midSentenceCapitals: string[];
  /** Words whose reading depends on the draft's mid-sentence capitals. */
  draftDependent: string[];
  /** The first word and the last two, as neighbouring paragraphs see them. */
  first?: NeighbourWord & { start: number };
  lastTwo: NeighbourWord[];
  /** Paragraph-relative end of the last word. */
  lastEnd: number;
  resultsTable: boolean;
}

// Bounded like the NLP cache: every paragraph of the open drafts, up to a few of 100,000 words.
const summaries = new TextCache<ParagraphSummary>(250_000, 3_000_000);
/** Paragraph text -> surroundings -> candidates; two levels, so no key copies the paragraph's text. */
const passes = new TextCache<Map<string, Candidate[]>>(250_000, 3_000_000);

/** Versions kept per paragraph text: one per place a repeated paragraph stands in a long draft. */
const contextsPerParagraph = 64;

const neighbour = (w: Word): NeighbourWord => ({ fold: w.fold, bare: w.bare, capitalised: w.capitalised });

/** `text` is the paragraph as compromise reads it (prose, non-prose masked). */
export function summarizeParagraph(text: string): ParagraphSummary {
  return summaries.get(text, () => {
    const words = paragraphWords(parseParagraph(text));
    const last = words[words.length - 1];
    return {
      midSentenceCapitals: [...new Set(midSentenceCapitalsOf(words))],
      draftDependent: [...new Set(draftDependentWords(words))],
      first: words[0] && { ...neighbour(words[0]), start: words[0].start },
      lastTwo: words.slice(-2).map(neighbour),
      lastEnd: last?.end ?? 0,
      resultsTable: isResultsTable(words),
    };
  });
}

/**
 * The weighed candidates of one paragraph, offsets relative to it.
 * `prose` is what compromise parses, `raw` the same stretch of the draft.
 */
export function paragraphCandidates(
  prose: string,
  raw: string,
  summary: ParagraphSummary,
  surroundings: ParagraphSurroundings,
  midSentenceCapitals: ReadonlySet<string>,
  documentFeatures: readonly (readonly string[])[],
): Candidate[] {
  // Everything outside the paragraph that the evidence reads, in the key.
  const describe = (w: NeighbourWord | undefined) => (w ? `${w.fold}${w.capitalised ? '^' : ''}` : '');
  const context = [
    describe(surroundings.before2),
    describe(surroundings.before),
    describe(surroundings.after),
    surroundings.after && /^,\s+$/.test(surroundings.after.gap) ? ',' : '',
    surroundings.trailing,
    summary.draftDependent.map((fold) => (midSentenceCapitals.has(fold) ? '1' : '0')).join(''),
    documentFeatures.flatMap((list, i) => (list.length > 0 ? [`${i}:${list.join(',')}`] : [])).join(' '),
  ].join('\u0001');
  const byContext = passes.get(raw === prose ? prose : `${prose}\u0000${raw}`, () => new Map());
  const cached = byContext.get(context);
  if (cached) return cached;
  // A paragraph's surroundings rarely change, but the same text can stand in many places (a
  // boilerplate line repeated through a long draft): keep a version per place, forgetting the oldest.
  if (byContext.size >= contextsPerParagraph) byContext.delete(byContext.keys().next().value as string);
  const computed = computeCandidates(prose, raw, surroundings, midSentenceCapitals, documentFeatures);
  byContext.set(context, computed);
  return computed;
}

function computeCandidates(
  prose: string,
  raw: string,
  surroundings: ParagraphSurroundings,
  midSentenceCapitals: ReadonlySet<string>,
  documentFeatures: readonly (readonly string[])[],
): Candidate[] {
  const parsed = parseParagraph(prose);
  const words = paragraphWords(parsed);
  const candidates = buildCandidates(words, raw, midSentenceCapitals);
  const tags = tagInDraft(parsed, documentFeatures);
  weighCandidates(words, raw, parsed, candidates, surroundings, tags);
  return followTagger(candidates, words, tags).map((c) => settled(c, words, raw));
}

/** The tags of a word that is neither a noun nor an adjective (compromise's parse keeps no Noun tag). */
const functionTags = ['Verb', 'Adverb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'QuestionWord', 'Value', 'Expression'];

function settled(c: SpanCandidate, words: Word[], raw: string): Candidate {
  const span = words.slice(c.first, c.last + 1);
  const next = words[c.last + 1];
  const courtesyTitled = courtesyTitles.has(words[c.first - 1]?.bare ?? '');
  return {
    start: span[0].start,
    end: span[span.length - 1].end,
    length: span.length,
    fold: span.map((w) => w.bare).join(' '),
    firstBare: span[0].bare,
    // Joseph R. Biden Jr. and Joseph F. Dunford Jr. are not one family.
    lastBare: (span.length > 2 && generationalSuffix.test(span[span.length - 1].bare) ? span[span.length - 2] : span[span.length - 1]).bare,
    acronym: initialsOf(span),
    role: c.role,
    tableEntry: c.tableEntry,
    loc: c.loc,
    kind: c.kind,
    firm: c.firm,
    describedAsOrganization: c.describedAsOrganization,
    listedAsCompany: c.listedAsCompany,
    namedAsCompany: c.namedAsCompany,
    namedAsPlace: c.namedAsPlace || c.loc >= 10,
    namedAsWork: c.namedAsWork,
    namedAsAward: c.namedAsAward,
    namedAsLaw: c.namedAsLaw,
    namedAsAct: c.namedAsAct,
    namedAsAffiliation: c.namedAsAffiliation,
    courtesyTitled,
    // Not one of a pair or a list ("Smith and Jones have"), nor the object of a preposition ("the gates of Hell have"),
    // nor one of someone's own ("Lam Cheuk-ting ... and localist group Youngspiration's Baggio Leung were elected").
    takesPluralVerb:
      !courtesyTitled &&
      next !== undefined &&
      next.sentenceId === words[c.last].sentenceId &&
      /^(?:have|are|were)$/.test(next.fold) &&
      /^\s+$/.test(raw.slice(words[c.last].end, next.start)) &&
      !(span.length === 1 && span[0].has('Plural')) &&
      !/^(?:and|or|nor|&)$/.test(words[c.first - 1]?.fold ?? '') &&
      !words[c.first - 1]?.has('Preposition') &&
      !words[c.first - 1]?.possessive,
    givenName: span[0].has('FirstName'),
    opensWithNationality: span.length >= 3 && isNationality(span[0]),
    endsWithPersonalName: ['Person', 'FirstName', 'LastName'].some((t) => span[span.length - 1].has(t)),
    opensSentence: compromiseOpensSentenceOrQuote(span[0]),
    beforeCapital:
      next !== undefined && next.sentenceId === words[c.last].sentenceId && /^\s+$/.test(raw.slice(words[c.last].end, next.start)) && next.capitalised,
    modifiesNoun:
      next !== undefined &&
      next.sentenceId === words[c.last].sentenceId &&
      /^\s+$/.test(raw.slice(words[c.last].end, next.start)) &&
      /^\p{Ll}/u.test(next.text) &&
      !functionTags.some((tag) => next.has(tag)),
  };
}

export function clearEntityCaches(): void {
  summaries.clear();
  passes.clear();
}
