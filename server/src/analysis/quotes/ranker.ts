// The repair ranker: a linear model (conditional logit) over features of each
// candidate repair, learned by scripts/train-quotes.ts from mutated paragraphs
// of real copy (a mark removed or added, the original text the right answer).
// Its weights live in data/quote-ranker.json; how sure its first choice is, confidence.ts.

import model from '../data/quote-ranker.json';
import {
  afterClosedAttribution,
  clauseWords,
  closingStrength,
  firstPerson,
  introducingParticiples,
  looksLikeAttribution,
  openingStrength,
  saidVerbs,
  trimmedEndBefore,
} from './evidence';
import { isQuoteGlyph, isSpace, isWord } from './marks';
import type { CommaHabit } from './safety';
import type { LocalProblem } from './types';

export type RepairAction = 'close' | 'open' | 'remove' | 'removeOther' | 'break';

export interface RankingContext {
  /** The paragraph's text. */
  text: string;
  problem: LocalProblem;
  style: 'us' | 'uk';
  /** Where the draft's full quotations put a comma before the closing mark (safety.ts). */
  commaHabit: CommaHabit;
  depth: number;
  /** Opening strength (unclosed) or closing strength (stray) of the flagged mark, 1 to 4. */
  markStrength: number;
  /** The quoted words after an unclosed mark start with a capital: a full sentence. */
  fullSentence: boolean;
}

export interface CandidateShape {
  action: RepairAction;
  start: number;
  end: number;
  text: string;
  /** The hand-written heuristic's rank for this repair (lower is better), if it proposed it. */
  heuristicRank?: number;
  heuristicFirst: boolean;
  heuristicSafe: boolean;
}

const partialCues = new Set(['a', 'an', 'as', 'called', 'calling', 'call', 'calls', 'described', 'dubbed', 'termed', 'the']);
const sentenceEnders = '.?!…';
const clausePunctuation = ',;:';
const narrationWords = /^\s*(?:[,.;:]\s*)?(?:\w+\s+){0,3}?(?:he|she|they|his|her|their|it|said)\b/i;

/** Where the last sentence of `head` starts: its last . ? or ! when a space follows it (a linear scan, not a regex). */
function lastSentenceEnd(head: string): number {
  let j = head.length - 1;
  while (j >= 0 && !'.?!'.includes(head[j])) j--;
  return j >= 0 && isSpace(head[j + 1]) ? j : 0;
}

/** The names of the features, in the order of the weights; the model file must list the same. */
export const featureNames = [
  'close',
  'open',
  'remove',
  'removeOther',
  'break',
  'heuristicProposed',
  'heuristicFirst',
  'heuristicRank',
  'heuristicSafe',
  'removeMarkStrength',
  'removeDuplicate',
  'removeExtra',
  'removeWedged',
  'removeSingle',
  'removeAfterAttribution',
  'logWords',
  'nearest',
  'atLimit',
  'singleInsert',
  'afterSentenceEnd',
  'afterClausePunctuation',
  'beforeSentenceEnd',
  'beforeClausePunctuation',
  'attributionAfter',
  'capitalAfter',
  'clauseWordAfter',
  'narrationAfter',
  'firstPersonShift',
  'sentencesCrossed',
  'insideUs',
  'insideUk',
  'insideFull',
  'partialCue',
  'partialCueClause',
  'introBefore',
  'paragraphStart',
  'markStrengthInsert',
  'removeOtherNear',
  'removeOtherStrength',
  'words0to1',
  'words2to3',
  'words4to7',
  'words8to15',
  'words16to31',
  'words32up',
  'sameKindInside',
  'otherMarkInside',
  'capitalAfterMark',
  'lowerBeforeMark',
  'wordBeforeMarkCapital',
  'closeThenWord',
  'openAfterWordLower',
  'removeLowerAround',
  'removeOtherAdjacentWord',
  'cueDeterminer',
  'cueCopula',
  'cuePreposition',
  'cueCalling',
  'removeCueDeterminer',
  'removeCueCopula',
  'removeCuePreposition',
  'removeCueCalling',
  'commaHabitOutside',
  'commaHabitInside',
  'removeUnclosed',
  'firstSentenceBoundary',
  'firstClauseBoundary',
  'speechVerbBefore',
  'markAfterPunctuation',
  'markBeforePunctuation',
  'markBeforeLower',
  'speechVerbInside',
  'narrationSaidInside',
  'speechVerbLaterInSentence',
  'atParagraphEnd',
  'secondPersonShift',
  'quoteInSentenceBefore',
  'sentencesToEnd',
  'sentencesFromStart',
  'removeSpeechVerbInSentence',
  'removeQuoteInSentence',
  'removeCueSaid',
  'removeJoinsOverSpeech',
  'removeStrayPartialCue',
  'removeUnclosedClauseSoon',
] as const;

/**
 * The word before a partial quotation's opening mark: "a", "the" (a determiner), "is",
 * "was" (a copula), "of", "as" (a preposition) or "called", "dubbed" (a verb of naming).
 * A mark typed at random follows any word; a partial quotation mostly follows these.
 */
const cueKinds: [feature: 'cueDeterminer' | 'cueCopula' | 'cuePreposition' | 'cueCalling', words: Set<string>][] = [
  ['cueDeterminer', new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'some', 'any', 'no'])],
  ['cueCopula', new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "it's", 'it’s', 'seemed', 'seems', 'remains', 'became', 'become'])],
  ['cuePreposition', new Set(['of', 'as', 'for', 'in', 'on', 'to', 'with', 'about', 'from', 'by', 'like', 'than', 'at', 'into', 'over', 'under'])],
  [
    'cueCalling',
    new Set(['called', 'calls', 'calling', 'call', 'described', 'describes', 'dubbed', 'termed', 'labeled', 'labelled', 'branded', 'deemed', 'named']),
  ],
];

function cueKind(word: string): (typeof cueKinds)[number][0] | undefined {
  const lower = word.toLowerCase();
  return cueKinds.find(([, words]) => words.has(lower))?.[0];
}

const index = new Map<string, number>(featureNames.map((name, i) => [name, i]));

function wordsBetween(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = Math.min(from, to); i < Math.max(from, to); i++) {
    const wordy = !isSpace(text[i]);
    if (wordy && !inWord) words++;
    inWord = wordy;
  }
  return words;
}

function sentencesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = Math.min(from, to); i < Math.max(from, to) - 1; i++) if ('.?!'.includes(text[i]) && isSpace(text[i + 1])) n++;
  return n;
}

function nextWord(text: string, at: number): string {
  let i = at;
  while (i < text.length && (isSpace(text[i]) || isQuoteGlyph(text[i]) || clausePunctuation.includes(text[i]) || sentenceEnders.includes(text[i]))) i++;
  let end = i;
  while (end < text.length && isWord(text[end])) end++;
  return text.slice(i, end);
}

function previousWord(text: string, at: number): string {
  let end = at;
  while (end > 0 && isSpace(text[end - 1])) end--;
  let start = end;
  while (start > 0 && isWord(text[start - 1])) start--;
  return text.slice(start, end);
}

/**
 * A cue word (determiner, copula, preposition, verb of naming) one to four words before
 * `closeAt`, no punctuation between: a stray closing mark that may end a short partial
 * quotation whose opening mark was lost ("of career sexism” was), not one typed at random.
 */
function partialCueBefore(text: string, closeAt: number): boolean {
  let end = trimmedEndBefore(text, closeAt);
  for (let words = 0; words < 5 && end > 0; words++) {
    let start = end;
    while (start > 0 && isWord(text[start - 1])) start--;
    if (start === end) return false;
    if (words > 0 && cueKind(text.slice(start, end))) return true;
    end = start;
    while (end > 0 && text[end - 1] === ' ') end--;
    if (end === start) return false;
  }
  return false;
}

/** Clause or sentence punctuation after one to five words from `from`, no quotation mark before it: a partial quotation's likely end. */
function clauseSoonAfter(text: string, from: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = from; i < text.length && i < from + 80; i++) {
    const ch = text[i];
    if (isQuoteGlyph(ch) && !(isWord(text[i - 1]) && isWord(text[i + 1]))) return false;
    if ((clausePunctuation + sentenceEnders).includes(ch)) return words >= 1 && words <= 5;
    const wordy = !isSpace(ch);
    if (wordy && !inWord) words++;
    inWord = wordy;
    if (words > 5) return false;
  }
  return false;
}

/** A verb of saying (or its participle) within three words before `at`, nothing but words between: telling the BBC "there is... */
const speechVerbEnding = new RegExp(`\\b(?:${saidVerbs}|${introducingParticiples})(?:\\s+[\\p{L}.’'-]+){0,3}\\s*$`, 'u');

/** A verb of saying anywhere: inside the quoted words, mostly the narration's (a quotation seldom reports itself). */
const speechVerb = new RegExp(`\\b(?:${saidVerbs})\\b`, 'u');
/** Narration that reports speech: "he said", "Ruiz told", "the mayor added". */
const narrationSaid = new RegExp(`\\b(?:he|she|they|(?!We\\b)[A-Z][\\p{L}'’-]+)\\s+(?:\\w+ly\\s+)?(?:${saidVerbs})\\b`, 'u');
const speechParticiple = new RegExp(`\\b(?:${introducingParticiples})\\b`, 'u');
const secondPerson = /\b(?:you|You|your|Your|you're|you’re|yourself)\b/;

/** Where the sentence holding `at` ends: the next . ? ! followed by a space, or the text's end. */
function sentenceEndAfter(text: string, at: number): number {
  for (let i = at; i < text.length - 1; i++) if (sentenceEnders.includes(text[i]) && isSpace(text[i + 1])) return i + 1;
  return text.length;
}

/** A quotation mark (not an apostrophe between letters) between `from` and `to`. */
function quoteMarkBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isQuoteGlyph(text[i]) && !(isWord(text[i - 1]) && isWord(text[i + 1]))) return true;
  return false;
}

/** No sentence (or, for clauses, clause) punctuation between `from` and `to` but at their ends: the first boundary from the mark. */
function noBoundaryBetween(text: string, from: number, to: number, punctuation: string): boolean {
  for (let i = Math.min(from, to) + 1; i < Math.max(from, to) - 1; i++) if (punctuation.includes(text[i]) && isSpace(text[i + 1])) return false;
  return true;
}

/** The features of one candidate, as a dense vector in `featureNames` order. */
export function candidateFeatures(ctx: RankingContext, c: CandidateShape, nearestInsert: boolean): Float64Array {
  const f = new Float64Array(featureNames.length);
  const set = (name: (typeof featureNames)[number], value: number) => {
    f[index.get(name)!] = value;
  };
  const { text, problem } = ctx;
  set(c.action, 1);
  if (c.heuristicRank !== undefined) {
    set('heuristicProposed', 1);
    set('heuristicRank', Math.min(c.heuristicRank, 4) / 4);
  }
  if (c.heuristicFirst) set('heuristicFirst', 1);
  if (c.heuristicSafe) set('heuristicSafe', 1);
  const single = problem.kind === 'single' ? 1 : 0;

  if (c.action === 'remove' || c.action === 'removeOther') {
    const glyph = text.slice(c.start, c.end);
    const duplicate = text.startsWith(glyph, c.end) || text.slice(0, c.start).endsWith(glyph);
    const wedged = isWord(text[c.start - 1]) && isWord(text[c.end]) ? 1 : 0;
    if (c.action === 'remove') {
      if (problem.type === 'unclosed') set('removeUnclosed', 1);
      // The flagged mark's own surroundings (on the removal only: the same for every candidate, they
      // would cancel out): a mark typed at random sits between words, a real one by punctuation.
      const markEnd = problem.at + problem.glyph.length;
      if (problem.at > 0 && (sentenceEnders + clausePunctuation).includes(text[problem.at - 1])) set('markAfterPunctuation', 1);
      if (markEnd < text.length && (sentenceEnders + clausePunctuation).includes(text[markEnd])) set('markBeforePunctuation', 1);
      const wordAfterMark = nextWord(text, markEnd);
      if (wordAfterMark && wordAfterMark[0] === wordAfterMark[0].toLowerCase() && wordAfterMark[0] !== wordAfterMark[0].toUpperCase())
        set('markBeforeLower', 1);
      set('removeMarkStrength', ctx.markStrength / 4);
      set('removeDuplicate', duplicate ? 1 : 0);
      set('removeExtra', problem.extra ? 1 : 0);
      set('removeWedged', wedged);
      set('removeSingle', single);
      set('removeAfterAttribution', problem.type === 'unclosed' && afterClosedAttribution(text, trimmedEndBefore(text, problem.at)) ? 1 : 0);
      // A mark typed mid-sentence between two lowercase words: "the agency" suggested.
      const prev = text[trimmedEndBefore(text, c.start) - 1];
      const next = text[c.end];
      if (prev !== undefined && isWord(prev) && next !== undefined && (isWord(next) ? next === next.toLowerCase() : isSpace(next))) set('removeLowerAround', 1);
      const after = nextWord(text, c.end);
      if (after && after[0] !== after[0].toLowerCase()) set('capitalAfterMark', 1);
      if (problem.type === 'unclosed') {
        const cue = cueKind(previousWord(text, c.start));
        if (cue) set(`remove${cue[0].toUpperCase()}${cue.slice(1)}` as (typeof featureNames)[number], 1);
        if (speechVerbEnding.test(text.slice(Math.max(0, c.start - 60), c.start)) || /\bthat\s*$/.test(text.slice(Math.max(0, c.start - 8), c.start)))
          set('removeCueSaid', 1);
      }
      // The mark's own sentence reports speech or holds another quotation: a partial quotation
      // that lost its other mark, more often than a mark typed at random.
      const head = text.slice(0, c.start);
      const sentenceStart = lastSentenceEnd(head);
      const sentenceEnd = Math.min(sentenceEndAfter(text, c.end), c.end + 200);
      const sentence = text.slice(Math.max(sentenceStart, c.start - 200), sentenceEnd);
      if (speechVerb.test(sentence) || speechParticiple.test(sentence)) set('removeSpeechVerbInSentence', 1);
      if (quoteMarkBetween(text, Math.max(sentenceStart, c.start - 200), c.start) || quoteMarkBetween(text, c.end, sentenceEnd))
        set('removeQuoteInSentence', 1);
      // Removing a stray closing mark joins its quotation to a later closing mark: narration that
      // reports speech in between ("right” when he said ... rubble.”) says the stray mark was real.
      if (problem.type === 'stray') {
        const later = text.indexOf(problem.glyph, c.end);
        if (later > 0 && speechVerb.test(text.slice(c.end, later))) set('removeJoinsOverSpeech', 1);
        if (partialCueBefore(text, c.start)) set('removeStrayPartialCue', 1);
      } else if (clauseSoonAfter(text, c.end)) set('removeUnclosedClauseSoon', 1);
    } else {
      set('removeOtherNear', 1 / (1 + wordsBetween(text, c.start, problem.at)));
      if (isWord(text[c.start - 1]) !== isWord(text[c.end])) set('removeOtherAdjacentWord', 1);
      // How weak the other mark looks where it stands.
      const opens = !isWord(text[c.start - 1]) && !isSpace(text[c.end] ?? ' ');
      set('removeOtherStrength', (opens ? openingStrength(text, c.start, c.end - c.start) : closingStrength(text, c.start, c.end - c.start)) / 4);
      set('removeDuplicate', duplicate ? 1 : 0);
      set('removeWedged', wedged);
    }
    return f;
  }
  if (c.action === 'break') return f;

  const at = c.start;
  const words = wordsBetween(text, at, problem.at);
  set('logWords', Math.log1p(words) / 4);
  set(
    words <= 1 ? 'words0to1' : words <= 3 ? 'words2to3' : words <= 7 ? 'words4to7' : words <= 15 ? 'words8to15' : words <= 31 ? 'words16to31' : 'words32up',
    1,
  );
  const span = text.slice(Math.min(at, problem.at + problem.glyph.length), Math.max(at, problem.at));
  for (const ch of span) {
    if (!isQuoteGlyph(ch)) continue;
    if (ch === problem.glyph[0] || (problem.kind === 'double' ? '"“”' : "'‘’").includes(ch)) set('sameKindInside', 1);
    else set('otherMarkInside', 1);
  }
  if (nearestInsert) set('nearest', 1);
  set('singleInsert', single);
  set('markStrengthInsert', ctx.markStrength / 4);
  const prevChar = text[trimmedEndBefore(text, at) - 1];
  const nextNonSpace = (() => {
    let i = at;
    while (i < text.length && isSpace(text[i])) i++;
    return text[i];
  })();
  if (prevChar !== undefined && sentenceEnders.includes(prevChar)) set('afterSentenceEnd', 1);
  if (prevChar !== undefined && clausePunctuation.includes(prevChar)) set('afterClausePunctuation', 1);
  if (nextNonSpace !== undefined && sentenceEnders.includes(nextNonSpace)) set('beforeSentenceEnd', 1);
  if (nextNonSpace !== undefined && clausePunctuation.includes(nextNonSpace)) set('beforeClausePunctuation', 1);

  if (c.action === 'close') {
    if (
      trimmedEndBefore(text, problem.limit) <= at ||
      text
        .slice(at, problem.limit)
        .trim()
        .replace(/[.,;:!?…)\]]/g, '') === ''
    )
      set('atLimit', 1);
    let from = at;
    while (from < text.length && (',.;:'.includes(text[from]) || isQuoteGlyph(text[from]))) from++;
    if (looksLikeAttribution(text, from)) set('attributionAfter', 1);
    const after = nextWord(text, at);
    if (after && after[0] !== after[0].toLowerCase()) set('capitalAfter', 1);
    if (clauseWords.has(after.toLowerCase())) set('clauseWordAfter', 1);
    if (narrationWords.test(text.slice(at, at + 60))) set('narrationAfter', 1);
    const quoted = text.slice(problem.at, at);
    if (firstPerson.test(quoted) && !firstPerson.test(text.slice(at, at + 80))) set('firstPersonShift', 1);
    set('sentencesCrossed', Math.min(sentencesBetween(text, problem.at, at), 4) / 4);
    // The closing mark after the punctuation (inside it), US habit; before it, UK partial habit.
    const inside = prevChar !== undefined && (sentenceEnders.includes(text[at - 1]) || clausePunctuation.includes(text[at - 1])) ? 1 : 0;
    set(ctx.style === 'us' ? 'insideUs' : 'insideUk', inside);
    if (ctx.fullSentence) set('insideFull', inside);
    if (isWord(text[at])) set('closeThenWord', 1);
    const boundaryBefore =
      (prevChar !== undefined && sentenceEnders.includes(prevChar)) || (nextNonSpace !== undefined && sentenceEnders.includes(nextNonSpace));
    if (boundaryBefore && noBoundaryBetween(text, problem.at, at, sentenceEnders)) set('firstSentenceBoundary', 1);
    const clauseBefore =
      boundaryBefore ||
      (prevChar !== undefined && clausePunctuation.includes(prevChar)) ||
      (nextNonSpace !== undefined && clausePunctuation.includes(nextNonSpace));
    if (clauseBefore && noBoundaryBetween(text, problem.at, at, sentenceEnders + clausePunctuation)) set('firstClauseBoundary', 1);
    const markNext = nextWord(text, problem.at + problem.glyph.length);
    if (markNext && markNext[0] !== markNext[0].toLowerCase()) set('capitalAfterMark', 1);
    const cue = previousWord(text, problem.at).toLowerCase();
    if (cue && cue[0] !== cue[0].toLowerCase()) set('wordBeforeMarkCapital', 1);
    if (cue && cue === cue.toLowerCase()) set('lowerBeforeMark', 1);
    if (partialCues.has(cue)) {
      set('partialCue', 1);
      if (clauseWords.has(after.toLowerCase()) || (prevChar !== undefined && clausePunctuation.includes(prevChar))) set('partialCueClause', 1);
    }
    const kind = cueKind(cue);
    if (kind) set(kind, 1);
    // The draft's own comma habit: "We won", he said or "We won," he said.
    if (ctx.commaHabit === 'outside' && text[at] === ',') set('commaHabitOutside', 1);
    if (ctx.commaHabit === 'inside' && text[at - 1] === ',') set('commaHabitInside', 1);
    // The words the candidate would quote, and what follows: narration reports speech, a quotation seldom does.
    const quotedWords = text.slice(problem.at + problem.glyph.length, at);
    if (speechVerb.test(quotedWords)) set('speechVerbInside', 1);
    if (narrationSaid.test(quotedWords)) set('narrationSaidInside', 1);
    const sentenceEnd = Math.min(sentenceEndAfter(text, at), at + 160);
    if (!quoteMarkBetween(text, at, sentenceEnd) && speechVerb.test(text.slice(at, sentenceEnd))) set('speechVerbLaterInSentence', 1);
    if (/^[\s.,;:!?…)\]*_]*$/.test(text.slice(at))) set('atParagraphEnd', 1);
    if (secondPerson.test(quotedWords) && !secondPerson.test(text.slice(at, at + 80))) set('secondPersonShift', 1);
    set('sentencesToEnd', Math.min(sentencesBetween(text, at, text.length), 4) / 4);
  } else {
    // open
    const quoted = text.slice(at, problem.at);
    const head = text.slice(0, at);
    const sentenceBefore = head.slice(lastSentenceEnd(head));
    // The quoted words open in the first person after narration that is not (at the paragraph's
    // start, no narration: the first quoted sentence itself must be in the first person).
    const firstQuotedSentence = quoted.slice(0, Math.max(0, quoted.search(/[.?!]\s/)) || quoted.length);
    if (firstPerson.test(firstQuotedSentence) && !firstPerson.test(sentenceBefore)) set('firstPersonShift', 1);
    set('sentencesCrossed', Math.min(sentencesBetween(text, at, problem.at), 4) / 4);
    const first = text[at];
    if (first !== undefined && first !== first.toLowerCase()) set('capitalAfter', 1);
    const before = previousWord(text, at);
    if (before && before === before.toLowerCase() && isWord(text[trimmedEndBefore(text, at) - 1])) set('openAfterWordLower', 1);
    const markNext = nextWord(text, problem.at + problem.glyph.length);
    if (markNext && markNext[0] !== markNext[0].toLowerCase()) set('capitalAfterMark', 1);
    if (trimmedEndBefore(text, at) === 0) set('paragraphStart', 1);
    const startsSentence = trimmedEndBefore(text, at) === 0 || (prevChar !== undefined && sentenceEnders.includes(prevChar));
    if (startsSentence && noBoundaryBetween(text, at, problem.at, sentenceEnders)) set('firstSentenceBoundary', 1);
    const startsClause = startsSentence || (prevChar !== undefined && clausePunctuation.includes(prevChar));
    if (startsClause && noBoundaryBetween(text, at, problem.at, sentenceEnders + clausePunctuation)) set('firstClauseBoundary', 1);
    if (speechVerbEnding.test(head.slice(-60))) set('speechVerbBefore', 1);
    if (/(?:\b(?:said|says|told|added|asked|wrote|saying|adding|telling|declared|stated)\b[^.?!]{0,20}[,:]|:|\bthat)\s*$/.test(head)) set('introBefore', 1);
    const cue = previousWord(text, at).toLowerCase();
    const kind = cueKind(cue);
    if (kind) set(kind, 1);
    if (partialCues.has(cue)) {
      set('partialCue', 1);
      const afterClose = nextWord(text, problem.at + problem.glyph.length).toLowerCase();
      if (clauseWords.has(afterClose)) set('partialCueClause', 1);
    }
    let from = problem.at + problem.glyph.length;
    while (from < text.length && (',.'.includes(text[from]) || isQuoteGlyph(text[from]))) from++;
    if (looksLikeAttribution(text, from)) set('attributionAfter', 1);
    if (speechVerb.test(quoted)) set('speechVerbInside', 1);
    if (narrationSaid.test(quoted)) set('narrationSaidInside', 1);
    if (secondPerson.test(firstQuotedSentence) && !secondPerson.test(sentenceBefore)) set('secondPersonShift', 1);
    if (quoteMarkBetween(text, lastSentenceEnd(head), at)) set('quoteInSentenceBefore', 1);
    set('sentencesFromStart', Math.min(sentencesBetween(text, 0, at), 4) / 4);
  }
  return f;
}

/** A regression tree: node i splits on feature[i] (x <= threshold[i] goes left), or is a leaf (feature -1) worth value[i]. */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export function treeScore(tree: Tree, features: ArrayLike<number>, offset = 0): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = features[offset + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return tree.value[node];
}

interface RankerModel {
  features: string[];
  weights: number[];
  /** Boosted on top of the linear score. */
  trees?: Tree[];
}

const ranker = model as RankerModel;
// Features added since the model was trained (appended at the end) weigh nothing until
// npm run train:quotes runs again: so the training script can load the old model.
if (ranker.features.length > featureNames.length || ranker.features.some((name, i) => name !== featureNames[i])) {
  throw new Error('quote-ranker.json does not match the ranker features: run npm run train:quotes');
}
/** The shipped model knows every feature (a unit test checks it). */
export const modelIsCurrent = ranker.features.length === featureNames.length;
const weights = Float64Array.from({ length: featureNames.length }, (_, i) => ranker.weights[i] ?? 0);
let trees = ranker.trees ?? [];

/** For train-quotes: score with freshly trained weights and trees (the confidence model is fitted on their rankings). */
export function useRankerModel(w: ArrayLike<number>, t: Tree[]): void {
  for (let i = 0; i < weights.length; i++) weights[i] = w[i] ?? 0;
  trees = t;
}

/** The ranker's score of one candidate: higher is likelier right. */
export function score(features: Float64Array): number {
  let s = 0;
  for (let i = 0; i < features.length; i++) s += features[i] * weights[i];
  for (const tree of trees) s += treeScore(tree, features);
  return s;
}
