// unattributed-quote — a direct quotation with no speaker in its paragraph.
// Every quotation needs one, except a paragraph that continues the previous
// paragraph's quotation (the multi-paragraph convention), whose speaker was
// already named, and a paragraph that opens with a quotation right after the
// same speaker's attributed one (the wire convention). Quotations that follow
// each other in one paragraph with nothing between ("We won. "Next year..."
// or "We won." "Next year...") are one quotation run on over a lost paragraph
// break: they share a speaker.
//
// Bad:  "We will not back down."                       (a paragraph of its own, nobody said it)
// Good: "We will not back down," Whitfield said.
//       Whitfield said: "We will not back down."
//       "We will not back down," he said.   /   ..., according to a spokeswoman.
//       "It is the first paragraph of a long quotation      (no closing mark)
//       "and this paragraph continues it," Whitfield said.
//       The council called the plan "dead on arrival."      (a verb of saying names the speaker)
//       The report, "Roads to Nowhere," came out Monday.    (a title of a work)
//       Voters call it "the bridge."                         (three words or fewer: a term or scare quote)
//       He spent six weeks on crutches. "Walking again felt like my recovery."   (first person after narration about him)
//
// A speaker is the entity engine's attribution (entity.quotes), or a generic
// cue outside the quotations of the paragraph: a verb of saying or writing
// (said, told, wrote, tweeted, called, described...), "according to", "in a
// statement", or a colon that introduces the quotation, in this paragraph or
// at the end of the previous one. The headline and boilerplate lines are not
// checked. No fix: only the reporter knows who spoke.

import speechVerbTable from '../data/speech-verbs.json';
import { analyzeEntities } from '../entities';
import { outsideBody } from '../nameReferences';
import { countWords } from '../prose';
import { isPullQuoteCredit } from '../structure';
import { analyzeQuotes, type Quotation } from '../quotes';
import type { Rule } from '../rule';
import type { RuleFinding } from '../types';

/** Every word that tells this rule a quotation has a source: the verbs of saying the attribution credits, and further cues. */
const cueWords = `${speechVerbTable.said.join('|')}|${speechVerbTable.phrasal.join('|')}|${speechVerbTable.naming.join('|')}|${speechVerbTable.progressive.join('|')}|${speechVerbTable.participles.join('|')}|${speechVerbTable.otherCues.join('|')}`;
export const sourceCues: ReadonlySet<string> = new Set(cueWords.split('|'));
const cuePattern = new RegExp(
  `\\b(?:${cueWords})\\b|\\baccording to\\b|\\bin an? (?:statement|interview|email|e-mail|letter|tweet|post|memo|speech|op-ed|essay|column|release|video|message)\\b|\\b(?:statement|spokes(?:man|woman|person)|interview)\\b|:\\s*$`,
  'iu',
);

/** A paragraph that ends leading into the quotation below it: "Rathbun stated," / "In a statement, the mayor said,". */
const leadInPattern = new RegExp(`\\b(?:${cueWords})\\s*,\\s*$`, 'iu');

/** A title of a work: every word of four letters or more capitalised ("Roads to Nowhere"). */
function looksLikeTitle(words: string): boolean {
  const long = words.match(/[\p{L}'’]{4,}/gu) ?? [];
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) && !/[.!?]["”’']?\s*$/.test(words.trim());
}

/**
 * The next quotation opens right where this one ends or was left open, in one paragraph, with
 * nothing between: one speaker's quotation running on over a lost paragraph break ("We won.
 * "Next year we go again." / "We won." "Next year...").
 */
/** Where a quotation ends: past its closing mark, or where its words end when it is left open. */
type QuoteEnd = (q: Quotation) => number;

function resumes(quotation: Quotation, next: Quotation, prose: string, endOf: QuoteEnd): boolean {
  const end = endOf(quotation);
  return quotation.paragraph === next.paragraph && prose.slice(end, next.open).trim() === '';
}

/** The quotation that opens a paragraph at `start`, with those that resume it over lost paragraph breaks. */
function leadingRun(quotes: readonly Quotation[], start: number, prose: string, endOf: QuoteEnd): Quotation[] {
  if (quotes[0]?.open !== start) return [];
  const run = [quotes[0]];
  for (const q of quotes.slice(1)) {
    if (!resumes(run[run.length - 1], q, prose, endOf)) break;
    run.push(q);
  }
  return run;
}

/**
 * A sentence of reported speech or view: a named or pronoun speaker and a verb of saying, praising
 * or believing ("Mr Gates said that ...", "Okafor praised the mayor ...", "he sees her as a uniter",
 * "Okafor was quick to add that ..."),
 * or a participle clause that hands what follows to the sentence's subject ("..., saying the council
 * had misled the town"). An act such as "announced the deal" reports no words.
 */
const reportedSpeech = new RegExp(
  // "Howard continued his scathing remarks": a verb and the speaker's own words, as a noun.
  `(?:^|[\\s,])(?:\\p{Lu}[\\p{L}'’-]+|[Hh]e|[Ss]he|[Tt]hey)\\s+(?:\\p{Ll}+\\s+)?(?:continued|repeated|renewed|began|ended|closed|opened)\\s+(?:his|her|their)\\s+(?:\\p{Ll}+\\s+)?(?:remarks|comments|criticism|attack|tirade|rant|speech|statement|answer|argument|case|plea)\\b|` +
    `(?:^|[\\s,])(?:\\p{Lu}[\\p{L}'’-]+|[Hh]e|[Ss]he|[Tt]hey)\\s+(?:\\p{Ll}+\\s+)?(?:said|says|told|added|adds|explained|argued|warned|insisted|stressed|believes|believed|thinks|thought|praised|criticized|criticised|complained|urged|wrote|writes|noted|notes|elaborated|contended|contends|maintained|maintains|asserted|predicted)\\b` +
    `|(?:^|[\\s,])(?:\\p{Lu}[\\p{L}'’-]+|[Hh]e|[Ss]he|[Tt]hey)\\s+(?:sees|saw|views|viewed|regards|regarded)\\s+[^.!?]{1,60}?\\sas\\s` +
    // "Okafor was quick to add that ...", "the mayor went on to say ...": a verb of saying after a phrase that times it.
    `|(?:^|[\\s,])[\\p{L}'’-]+\\s+(?:(?:was|were|is|are)\\s+(?:quick|careful|eager|keen)|went\\s+on|hastened|rushed)\\s+to\\s+(?:add|say|stress|insist|explain|argue|warn|note|point\\s+out|clarify|reiterate)\\b` +
    `|,\\s+(?:${speechVerbTable.participles.join('|')})\\s`,
  'u',
);

function reportsSpeech(sentence: string): boolean {
  return reportedSpeech.test(sentence);
}

function lastSentenceOf(text: string): string {
  const sentences = text.trim().split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  return sentences[sentences.length - 1] ?? '';
}

/** The speaker's own voice: I, I'm, my, me, and we, our, us for the side the speaker talks for. */
const firstPerson = /(?<![\p{L}'’])(?:I|I['’](?:m|ve|d|ll)|my|me|myself|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|us)(?![\p{L}'’])/u;
/** A person referred to by a pronoun. */
const personPronoun = /(?<![\p{L}'’])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)(?![\p{L}'’])/u;

/**
 * A quotation in the first person singular right after a sentence of the same
 * paragraph about a person ("He then moved to crutches for six weeks.
 * "Walking without them felt like my recovery."): the narration has named the
 * speaker, the way features and sports reports run a subject's words on.
 */
function speaksAfterNarration(before: string, quoted: string, personStarts: readonly number[], beforeEnd: number): boolean {
  // Words about him or her in the third person are someone else's ("He had an iron will"): an interviewee's, not the subject's.
  // A pronoun after a name the quotation gives ("if Dana Whitfield says ..., we will have her answer") points to that name.
  const named = /(?<!^|[.!?]["”’']?\s+)\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.exec(quoted);
  if (!/[.!?…]$/u.test(before) || !firstPerson.test(quoted) || personPronoun.test(named ? quoted.slice(0, named.index) : quoted)) return false;
  const sentence = lastSentenceOf(before);
  if (personPronoun.test(sentence)) return true;
  const sentenceStart = beforeEnd - sentence.length;
  return personStarts.some((start) => start >= sentenceStart && start < beforeEnd);
}

/** A beat of narration that names no one else: one word, or he or she and a verb ("Pause.", "She pauses."). */
const beat = /^(?:(?:He|She)\s+)?\p{Lu}?\p{Ll}+[.!?]$/u;

/** How many resuming quotations are read with one for its voice. */
const maxResumingRead = 4;

/** A credit line that opens the paragraph and leads into the quotation: "- Newcastle boss Ivor Lane "We deserved it."" */
const dashCredit = /^[-–—―]\s*(?:\p{L}+\s+){0,4}\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+:?$/u;

export const unattributedQuote: Rule = {
  id: 'unattributed-quote',
  description: 'A direct quotation with no speaker in its paragraph (continuations of an attributed quotation excepted).',
  defaultSeverity: 'off',
  cost: 'nlp',
  check(ctx) {
    const { text, prose, paragraphs } = ctx.draft;
    const quoteAnalysis = analyzeQuotes(ctx);
    const quotations = quoteAnalysis.quotations.filter((q) => q.depth === 0);
    // Where each quotation ends: past its closing mark, which may be doubled ('') and two characters long.
    const markEnd = new Map(quoteAnalysis.marks.map((m) => [m.offset, m.offset + m.glyph.length]));
    const endOf: QuoteEnd = (q) => (q.close === undefined ? q.contentEnd : (markEnd.get(q.close) ?? q.close + 1));
    const attributed = new Set<number>();
    const personStarts: number[] = [];
    for (const entity of analyzeEntities(ctx).entities) {
      for (const quote of entity.quotes) if (!quote.inferred) attributed.add(quote.start);
      if (entity.type === 'person') for (const mention of entity.mentions) personStarts.push(mention.start);
    }
    const byParagraph = new Map<number, Quotation[]>();
    for (const q of quotations) (byParagraph.get(q.paragraph) ?? byParagraph.set(q.paragraph, []).get(q.paragraph)!).push(q);

    // First pass: which quotations have a speaker in their own paragraph.
    const spoken = new Map<Quotation, boolean>();
    for (const paragraph of paragraphs) {
      const quotes = byParagraph.get(paragraph.index) ?? [];
      if (quotes.length === 0) continue;
      // The paragraph's words outside its quotations: where the speaker is named.
      let outside = '';
      let from = paragraph.start;
      for (const q of quotes) {
        outside += `${prose.slice(from, q.open)} ¶ `;
        from = endOf(q);
      }
      outside += prose.slice(from, paragraph.end);
      // The paragraph before, past photo captions and credits set between two paragraphs of the story.
      let before = paragraph.index - 1;
      // And past a beat of narration on its own line between one speaker's quotations ("She pauses.", "Pause.").
      const isBeat = (k: number) => paragraphs[k].kind === 'prose' && !byParagraph.has(k) && beat.test(paragraphs[k].text.trim());
      while (before > 0 && (paragraphs[before].kind === 'caption' || paragraphs[before].kind === 'credit' || isBeat(before))) before--;
      const previous = paragraphs[before] as (typeof paragraphs)[number] | undefined;
      const introducedBefore = previous !== undefined && (/:\s*$/.test(previous.text) || leadInPattern.test(previous.text.slice(-60))) && !previous.isHeadline;
      // A credit line after the quotation: "- Bernie Sanders".
      // A pull quote credited on the next line: "- Bernie Sanders" or "Ines Mbeki, parks director".
      const next = paragraphs[paragraph.index + 1];
      const creditedAfter =
        next !== undefined &&
        (/^\s*[-–—―]\s*\p{Lu}/u.test(next.text) ||
          isPullQuoteCredit(next.text) ||
          (next.kind !== 'prose' && countWords(next.text) <= 10 && /^\s*\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+/u.test(next.text)));
      const hasSpeaker =
        cuePattern.test(outside.replace(/ ¶ /g, ' ').trim()) ||
        /:\s*¶/.test(outside) ||
        // "...," he surmised. / "...," it recommended. / "..." - Sanders. : the shape of an attribution, whatever the verb.
        /¶\s*(?:,\s*)?(?:(?:he|she|it|they|I|we)\s+\p{Ll}+(?:ed|s)\b|the\s+(?:[\p{L}'’-]+\s+){1,4}\p{Ll}+ed\b|(?:they|I|we|you)\s+\p{Ll}+\s*[.,]|\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+\p{Ll}+(?:ed|s)(?:\s+(?:out|up|on|in|back))?\s*[.,]|[-–—―]\s*\p{Lu})/u.test(
          outside,
        ) ||
        introducedBefore ||
        creditedAfter;
      // The wire convention: a paragraph that opens with a quotation may follow the same speaker's
      // attributed quotation in the paragraph before, without naming the speaker again.
      const previousQuotes = previous ? (byParagraph.get(previous.index) ?? []) : [];
      // So may one that follows a paragraph of the speaker's reported words ("Mr Gates said that a
      // lot of work had been done."): the reader knows who is talking.
      const followsAttributed =
        (previousQuotes.length > 0 && previousQuotes.every((q) => spoken.get(q))) ||
        (previous !== undefined &&
          previousQuotes.length === 0 &&
          !previous.isHeadline &&
          previous.kind === 'prose' &&
          reportsSpeech(lastSentenceOf(previous.text)));
      const leading = leadingRun(quotes, paragraph.start + paragraph.text.search(/\S/), prose, endOf);
      // The last quotation of more than three words before the current one (kept as the loop goes: a paragraph may hold thousands).
      let lastSpoken: Quotation | undefined;
      quotes.forEach((q, k) => {
        const quoted = text.slice(q.contentStart, q.contentEnd);
        // The quotation with those that resume it: one speaker's words, read together for their voice
        // (a few are enough to hear it, and a bound keeps a paragraph of thousands linear).
        let run = quoted;
        for (let j = k + 1; j < quotes.length && j <= k + maxResumingRead && resumes(quotes[j - 1], quotes[j], prose, endOf); j++)
          run += ` ${text.slice(quotes[j].contentStart, quotes[j].contentEnd)}`;
        // The reporter's words since the quotation before (a sentence inside a quotation narrates nothing);
        // a scare quote of three words or fewer ("seamless") is part of the narration.
        const last = lastSpoken;
        if (countWords(quoted) > 3) lastSpoken = q;
        const previousEnd = last ? endOf(last) : paragraph.start;
        const before = prose.slice(previousEnd, q.open).trim();
        spoken.set(
          q,
          hasSpeaker ||
            (followsAttributed && leading.includes(q)) ||
            attributed.has(q.contentStart + (quoted.length - quoted.trimStart().length)) ||
            dashCredit.test(before) ||
            // '"A," an angry Hollande retaliated. "B."': only the attribution of a spoken quotation
            // (closed on a comma) between.
            (last !== undefined &&
              spoken.get(last) === true &&
              /[,?!—–-]$/u.test(text.slice(last.contentStart, last.contentEnd).trimEnd()) &&
              countWords(before) <= 8 &&
              /^,?[^.!?"“”]*[.!?]$/u.test(before)) ||
            speaksAfterNarration(before, run, personStarts, previousEnd + prose.slice(previousEnd, q.open).trimEnd().length) ||
            // "Howard continued his scathing remarks. "Eight years ago..."": the sentence before reports the speaker's words.
            (before.length > 0 && reportsSpeech(lastSentenceOf(before))) ||
            // "She pauses. "Well, thank you."" / ""We're calling supporters -." Pause. "Well, you do that!"": a beat
            // of narration between the speaker's words, or one about her.
            (beat.test(before) && ((last !== undefined && spoken.get(last) === true) || /^(?:He|She)\s/u.test(before))),
        );
      });
    }
    // Second pass: a quotation that runs over several paragraphs has one speaker,
    // named in any of them (AP puts it in the first; copy often names it last).
    const chain: Quotation[] = [];
    const settleChain = () => {
      if (chain.some((q) => spoken.get(q))) for (const q of chain) spoken.set(q, true);
      chain.length = 0;
    };
    quotations.forEach((q, i) => {
      if (!q.continues && !(i > 0 && resumes(quotations[i - 1], q, prose, endOf))) settleChain();
      chain.push(q);
      if (!q.continuesInNext && !(i + 1 < quotations.length && resumes(q, quotations[i + 1], prose, endOf))) settleChain();
    });
    settleChain();

    const findings: RuleFinding[] = [];
    for (const [i, q] of quotations.entries()) {
      if (spoken.get(q) || paragraphs[q.paragraph].isHeadline || outsideBody(ctx, q.open)) continue;
      // A quotation left open to the end of its paragraph that continues nowhere is broken, and
      // unbalanced-quote says so: its attribution may be among the words it swallowed ("We will go,
      // Haddadin said.), so whether it has a speaker cannot be read until the mark is mended. (One
      // that another quotation resumes is a lost paragraph break, and is read as usual.)
      if (q.close === undefined && !q.continuesInNext && quotations[i + 1]?.paragraph !== q.paragraph) continue;
      const quoted = text.slice(q.contentStart, q.contentEnd);
      if (countWords(quoted) <= 3 || looksLikeTitle(quoted)) continue;
      // The subject of the reporter's sentence ("Taking responsibility" is this year's slogan): named, not spoken.
      if (/^\s+(?:is|was|are|were|has|had|have|became|becomes|remains|remained)\s/u.test(prose.slice(endOf(q), q.contentEnd + 40))) continue;
      // A quotation inside the reporter's sentence ("her claim that she "never sent...", the crowd's
      // chant "Lock her up!", his act — "My tax plan will be tremendous!" —) takes its context from
      // that sentence; the fault is a quotation that stands on its own.
      const before = prose.slice(paragraphs[q.paragraph].start, q.open).trimEnd();
      if (before.length > 0 && !/[.!?…"”’']$/u.test(before)) continue;
      findings.push({
        start: q.open,
        end: endOf(q),
        message: 'This quotation has no speaker in its paragraph; say who said it.',
        fixes: [],
      });
    }
    return findings;
  },
};
