// ap-style — three Associated Press style points a copy desk fixes on every
// story. Each can be switched off (copydesk.apStyle.months, .numbers,
// .timeReferences); the guardian house style turns all three off.
//
// Months. With a date, abbreviate Jan., Feb., Aug., Sept., Oct., Nov., Dec.
// and spell out March to July; without a date, spell every month out.
//   Bad:  Tillerson spoke on February 13.  /  The vote is in Feb.  /  on Apr. 3
//   Good: Tillerson spoke on Feb. 13.      /  The vote is in February.  /  on April 3
//
// Numbers. Spell out one to nine and use figures from 10, except where AP
// always uses figures (ages, percentages, money, dimensions and distances,
// times, dates, scores and votes, addresses, ranks, names like "Game 7",
// sequential designations like "part 2", "act 1" or "season 3").
// Only the plain counting case is flagged — a lone figure before a
// lower-case word that is no unit — and a figure that starts a sentence.
//   Bad:  The council hired 4 lawyers.   /  15 people were hurt.
//   Good: The council hired four lawyers. /  Fifteen people were hurt.
//         The 4-year-old, 5 percent, $3, 6 feet, 3 p.m., a 7-2 vote, Route 9
//
// Time references. Wire copy runs on many days: use the day of the week, not
// "yesterday" or "today". A sentence in the first person outside any quotation is
// a speech, a letter or a column printed whole, and keeps its words; so is a turn of a
// Q&A transcript ("Q: You said yesterday ...").
//   Bad:  The mayor resigned yesterday.
//   Good: The mayor resigned Tuesday.
//
// Nothing inside a direct quotation is flagged: the words are the source's. Nor is a month
// in a paragraph that stamps the page rather than tells the story: a date line under the
// headline ("Tuesday, September 22, 2015"), a byline, a label, a credit, or a wire's
// dateline opening the story ("Aug 27 (Reuters) -"), which keeps the wire's abbreviation.
// The date signing an embedded post ("— Dana Ruiz (@danaruiz) September 1, 2016") is the platform's stamp too,
// and the post itself is its author's words, left as they are like a quotation.

import { inSpans, quotedSpans, sentencesOf } from '../prose';
import { inSteps, type Rule, type RuleContext } from '../rule';
import type { Steps } from '../steps';
import { transcriptTurns } from '../structure';
import { newsroomOptions, type RuleFinding } from '../types';

const abbreviated: Record<string, string> = {
  January: 'Jan.',
  February: 'Feb.',
  August: 'Aug.',
  September: 'Sept.',
  October: 'Oct.',
  November: 'Nov.',
  December: 'Dec.',
};
/** Abbreviations seen in copy, to the month's full name. */
const fullName: Record<string, string> = {
  Jan: 'January',
  Feb: 'February',
  Mar: 'March',
  Apr: 'April',
  Jun: 'June',
  Jul: 'July',
  Aug: 'August',
  Sep: 'September',
  Sept: 'September',
  Oct: 'October',
  Nov: 'November',
  Dec: 'December',
};
const spelledWithDate = new Set(['March', 'April', 'May', 'June', 'July']);

/** A day of the month: 1 to 31, maybe with an ordinal suffix or as a range (Dec. 6-9), not part of a longer figure. */
const dayAfter = /^\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:.,]\d|[\p{L}%]|-\p{L})/u;

/** Paragraphs that stamp the page rather than tell the story: a date line, a byline, a label, a credit. */
const stampKinds = new Set(['dateline', 'byline', 'label', 'credit']);

function checkMonths(ctx: RuleContext, quoted: (o: number) => boolean, findings: RuleFinding[]): void {
  const { prose } = ctx.draft;
  const stamps = ctx.draft.paragraphs.filter((p) => stampKinds.has(p.kind));
  // A wire's dateline opening the story keeps the wire's abbreviation: "Aug 27 (Reuters) -", "LONDON, Oct 12 (AFP) —"
  // (a month spelled out there is still flagged).
  const wireDateline = (end: number) => /^\.?\s+\d{1,2}\s*\((?:Reuters|AP|AFP|UPI|Bloomberg|Xinhua|dpa)\)\s*(?:--?|—|–)/u.test(prose.slice(end, end + 30));
  // The date that signs an embedded post, after its author's handle: "— Dana Ruiz (@danaruiz) September 1, 2016".
  const stamped = (offset: number) => inSpans(stamps, offset) || /\(@\w{1,30}\)\s*$/u.test(prose.slice(Math.max(0, offset - 34), offset));
  const longMonths = /\b(January|February|August|September|October|November|December)\b/g;
  for (const m of prose.matchAll(longMonths)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (quoted(start) || stamped(start) || !dayAfter.test(prose.slice(end, end + 8))) continue;
    // "In January 25 people were ..." is a month and a count; "in January 25, 2016" is a date.
    if (/\bin $/i.test(prose.slice(Math.max(0, start - 3), start)) && !/^\s+\d{1,2}(?:st|nd|rd|th)?,/.test(prose.slice(end, end + 8))) continue;
    const short = abbreviated[m[0]];
    findings.push({
      start,
      end,
      message: `AP style abbreviates ${m[0]} with a date: ${short}`,
      fixes: [{ title: `Write "${short}"`, edits: [{ start, end, text: short }], preferred: true, safe: true }],
    });
  }
  /** The words before a month named without a date: "in", "since", "last", "early", "mid-". */
  const monthBefore = /\b(?:in|since|by|until|till|before|after|during|from|through|to|of|this|last|next|each|every|early|late|mid-?|end of)\s*$/i;
  // Jan. / Feb / Sept. ... : right with a date for the long months, otherwise spelled out.
  const shortMonths = /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(\.?)(?![\p{L}\d])/gu;
  for (const m of prose.matchAll(shortMonths)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (quoted(start) || stamped(start) || wireDateline(end)) continue;
    const [, name, period] = m;
    const full = fullName[name];
    const withDate = dayAfter.test(prose.slice(end, end + 8));
    // Without a period, "Jan" or "Dec" is as likely a name or a unit; only a date makes it a month.
    if (!period && !withDate) continue;
    if (withDate && spelledWithDate.has(full)) {
      findings.push({
        start,
        end,
        message: `AP style spells out ${full} even with a date.`,
        fixes: [{ title: `Write "${full}"`, edits: [{ start, end, text: full }], preferred: true, safe: true }],
      });
    } else if (withDate && (name === 'Sep' || !period)) {
      const short = abbreviated[full];
      findings.push({
        start,
        end,
        message: `AP style abbreviates ${full} with a date as ${short}`,
        fixes: [{ title: `Write "${short}"`, edits: [{ start, end, text: short }], preferred: true, safe: true }],
      });
    } else if (!withDate) {
      // Without a date, a word like "Dec." is a month only where a month is expected ("in Feb.",
      // "last Oct.", "Nov. 2017"); "Ant and Dec." is a name.
      if (!monthBefore.test(prose.slice(Math.max(0, start - 12), start)) && !/^,?\s+\d{4}\b/.test(prose.slice(end, end + 7))) continue;
      // "Feb. 2017" or "in Feb." — but "Feb." at a sentence end keeps its period as the full stop.
      const endsSentence = /^\s*$|^\s+[\p{Lu}"“]/u.test(prose.slice(end, end + 3));
      const replacement = endsSentence ? `${full}.` : full;
      findings.push({
        start,
        end,
        message: `AP style spells out a month without a date: ${full}.`,
        fixes: [{ title: `Write "${full}"`, edits: [{ start, end, text: replacement }], preferred: true, safe: true }],
      });
    }
  }
}

const smallNumbers = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];

/** 1 to 99 in words; undefined beyond. */
export function numberInWords(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 99) return undefined;
  if (n < 10) return smallNumbers[n - 1];
  if (n < 20) return teens[n - 10];
  return n % 10 === 0 ? tens[n / 10] : `${tens[Math.floor(n / 10)]}-${smallNumbers[(n % 10) - 1]}`;
}

/**
 * Words after a figure that make it one of AP's always-a-figure cases (units,
 * ages, percentages, money, times, scores, ranks), or that make the figure
 * something other than a count ("1 in 5", "3 of the 10").
 */
const figureContexts = new Set([
  'percent',
  'percentage',
  'per',
  'million',
  'billion',
  'trillion',
  'thousand',
  'hundred',
  'dozen',
  'feet',
  'foot',
  'ft',
  'inch',
  'inches',
  'yard',
  'yards',
  'mile',
  'miles',
  'meter',
  'meters',
  'metre',
  'metres',
  'kilometer',
  'kilometers',
  'kilometre',
  'kilometres',
  'km',
  'cm',
  'mm',
  'mph',
  'kph',
  'acre',
  'acres',
  'hectare',
  'hectares',
  'pound',
  'pounds',
  'lb',
  'lbs',
  'ounce',
  'ounces',
  'oz',
  'ton',
  'tons',
  'tonne',
  'tonnes',
  'kilogram',
  'kilograms',
  'kg',
  'gram',
  'grams',
  'gallon',
  'gallons',
  'liter',
  'liters',
  'litre',
  'litres',
  'degree',
  'degrees',
  'cent',
  'cents',
  'dollar',
  'dollars',
  'euro',
  'euros',
  'pence',
  'yen',
  'yuan',
  'rupees',
  'francs',
  'a.m.',
  'p.m.',
  'am',
  'pm',
  "o'clock",
  'o’clock',
  'point',
  'points',
  'seed',
  'to',
  'of',
  'in',
  'out',
  'for',
  'and',
  'or',
  'x',
  'by',
  'magnitude',
  'star',
  'stars',
  'year-old',
  'years-old',
  'km/h',
  'gb',
  'mb',
  'mw',
  'kw',
  'ghz',
  'mg',
  'ml',
  'sq',
  'square',
  'cubic',
]);

/** Words before a figure that make it part of a name, a rank, an age or an amount. */
const figureLeads =
  /(?:\b(?:No|Nos|Vol|Art|Sec|Ch|pp?|Fig)\.|[$£€#§]|\b(?:aged?|ages|age of|scored?|score|won|lost|beat|led|leads?|trail(?:ed|s)?|vote[ds]?|voted|rank(?:ed|s)?|grade|size|level|step|phase|chapter|part|act|scene|volume|season|episode|page|room|gate|floor|row|seat|number|version|category|class|tier|day|week|round|game|set|hole|inning|quarter|period|minute|mile|race|lap|stage|heat|district|ward|precinct|unit|route|highway|interstate|channel|track|line)) $/i;

/** Capitalised words that may start a sentence before a count: "The 4 lawyers", "About 5 people". */
const countingWords = new Set([
  'The',
  'A',
  'An',
  'Only',
  'About',
  'Some',
  'All',
  'Nearly',
  'Almost',
  'Just',
  'Over',
  'Under',
  'Those',
  'These',
  'Its',
  'His',
  'Her',
  'Their',
  'Our',
  'At',
  'With',
  'Of',
  'For',
  'In',
]);

function checkNumbers(ctx: RuleContext, quoted: (o: number) => boolean, findings: RuleFinding[]): void {
  const { prose } = ctx.draft;
  const sentenceStarts = new Set<number>();
  for (const p of ctx.draft.paragraphs) {
    if (p.isHeadline || p.isBlock) continue;
    for (const s of sentencesOf(p)) sentenceStarts.add(s.start);
  }

  // Headlines take figures for every number in AP style.
  const headlineEnd = ctx.draft.paragraphs.find((p) => p.isHeadline)?.end ?? -1;
  // A lone figure 1-9 before a plain lower-case word: "4 lawyers".
  for (const m of prose.matchAll(/(?<![\p{L}\p{N}$£€#.,:/\-–])([1-9])(?= ([\p{Ll}][\p{L}’'-]*)([.,;:!?)”"]?))/gu)) {
    const start = m.index!;
    const end = start + 1;
    if (quoted(start) || start < headlineEnd) continue;
    const next = m[2].toLowerCase();
    const after = prose.slice(end, end + 16);
    if (figureContexts.has(next) || /^ [ap]\.m\./.test(after) || (/^(years?|months?|weeks?|days?)$/.test(next) && /^ \S+ old/.test(after))) continue;
    const before = prose.slice(Math.max(0, start - 14), start);
    // "ended 1 – 1", "a 7 - 2 vote": a score, a vote or a range, with its dash spaced.
    if (figureLeads.test(before) || /\d\s+[-–—]\s+$/u.test(before)) continue;
    // A count of two or more is followed by a plural ("4 lawyers", "3 big wins"); "3 offer good
    // deals" and "said 3 spokesperson" use the figure as a name (the mobile operator 3).
    if (
      m[1] !== '1' &&
      !/^ (?:\p{Ll}[\p{L}’'-]*\s+)?(?:(?!(?:is|was|has|does|says|thinks|wants|plans|hopes|believes|offers|makes|gets|goes|this|his|its|thus|plus|less|us)\b)\p{Ll}[\p{L}’'-]*s|people|men|women|children|feet|teeth|mice|geese|staff|police|sheep|fish|deer|aircraft|times)\b/u.test(
        after.concat(prose.slice(end + 16, end + 40)),
      )
    )
      continue;
    // A capitalised word right before makes it a name or a title: "Game 7", "Apollo 9", "Section 8".
    const previousWord = /(\S+)\s$/.exec(before)?.[1] ?? '';
    if (/^\p{Lu}/u.test(previousWord) && !countingWords.has(previousWord)) continue;
    if (/\p{Lu}\S*\s+of\s$/u.test(before)) continue; // "Group of 8", "Class of 5"
    // A figure of 10 or more close by ("13 points from Sanders and 7 from Trump") or a run
    // of figures: AP keeps figures for consistency, and tables of statistics are figures.
    const around = prose.slice(Math.max(0, start - 60), start) + prose.slice(end, end + 60);
    if (/\d{2}/.test(around) || (around.match(/\d+/g) ?? []).length > 1) continue;
    const words = smallNumbers[Number(m[1]) - 1];
    const atSentenceStart = sentenceStarts.has(start);
    const text = atSentenceStart ? words[0].toUpperCase() + words.slice(1) : words;
    findings.push({
      start,
      end,
      message: `AP style spells out numbers below 10: "${text} ${m[2]}".`,
      fixes: [{ title: `Write "${text}"`, edits: [{ start, end, text }], preferred: true }],
    });
  }

  // A figure that starts a sentence: "15 people were hurt." (A year may start one: "2016 was ...".)
  for (const s of sentenceStarts) {
    if (quoted(s)) continue;
    const m = /^(\d{2,3})(?= ([\p{Ll}][\p{L}’'-]*))/u.exec(prose.slice(s, s + 40));
    if (!m || figureContexts.has(m[2].toLowerCase()) || /^ [ap]\.m\./.test(prose.slice(s + m[1].length, s + m[1].length + 6))) continue;
    const n = Number(m[1]);
    const words = numberInWords(n);
    const fixes = words
      ? [
          {
            title: `Write "${words[0].toUpperCase()}${words.slice(1)}"`,
            edits: [{ start: s, end: s + m[1].length, text: words[0].toUpperCase() + words.slice(1) }],
            preferred: true,
          },
        ]
      : [];
    findings.push({
      start: s,
      end: s + m[1].length,
      message: 'AP style spells out a number that starts a sentence, or recasts the sentence.',
      fixes,
    });
  }
}

function* checkTimeReferences(ctx: RuleContext, quoted: (o: number) => boolean, findings: RuleFinding[]): Steps<void> {
  const { prose } = ctx.draft;
  const spoken = transcriptTurns(ctx.draft.paragraphs);
  for (const p of ctx.draft.paragraphs) {
    if (p.index % 100 === 99) yield;
    if (p.isHeadline || p.isBlock || !/yesterday|today|tomorrow/.test(p.text)) continue;
    // A turn of a Q&A transcript ("Q: You said yesterday ...") is spoken words, printed as said.
    if (/^\s*[QA][:.]\s/.test(p.text) || spoken[p.index]) continue;
    for (const sentence of sentencesOf(p)) {
      const text = prose.slice(sentence.start, sentence.end);
      // A sentence in the first person outside any quotation ("Just yesterday, he hacked my
      // emails!") is a speech, a letter or a column printed whole: the writer's own words.
      if (firstPersonOutsideQuotes(text, sentence.start, quoted)) continue;
      // Lower case only: "USA Today", "the Today show" and "Today, ..." (nowadays) are left alone.
      for (const m of text.matchAll(/\b(yesterday|today|tomorrow)\b(?!['’]s)/g)) {
        const start = sentence.start + m.index!;
        if (quoted(start)) continue;
        const before = text.slice(Math.max(0, m.index! - 12), m.index!);
        // "of today", "until today", "life today": the present era, not a date.
        if (/\b(?:of|until|till|since|than|to|from|before|life|world|country|nation|party|here) $/.test(before)) continue;
        // "today" often means "nowadays"; take it for a date only right beside news of the day
        // ("voted today", "will vote tomorrow", "today announced").
        const near = text.slice(Math.max(0, m.index! - 30), m.index!) + ' # ' + text.slice(m.index! + m[1].length, m.index! + m[1].length + 20);
        if (m[1] !== 'yesterday' && !dayNews.test(near)) continue;
        findings.push(timeReference(start, m[1]));
      }
    }
  }
}

/** An embedded post pasted into the story: its signature ("— Apple Music (@AppleMusic) September 27, 2016") or its picture link. */
const embeddedPost =
  /\(@\w{1,30}\)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}|pic\.twitter\.com\//u;

/** Whether the sentence has "I", "me", "my", "mine" or "myself" outside a quotation. */
function firstPersonOutsideQuotes(text: string, offset: number, quoted: (o: number) => boolean): boolean {
  for (const m of text.matchAll(/(?<![\p{L}'’-])(?:I|me|my|mine|myself)(?![\p{L}-])/gu)) if (!quoted(offset + m.index!)) return true;
  return false;
}

/** Verbs of a day's news, within two words before "today" or right after it. */
const dayNews =
  /\b(?:said|says|announced|announces|will|is set to|are set to|plans to|voted|votes|met|meets|signed|signs|released|releases|holds|held|unveiled|unveils|testified|testifies|ruled|rules|filed|files|launched|launches)(?:\s+\S+){0,2}\s+ # |^ # ,?\s*(?:said|says|announced|will|voted|signed|released|unveiled)\b/;

function timeReference(start: number, word: string): RuleFinding {
  return {
    start,
    end: start + word.length,
    message: `Wire copy runs on many days: name the day of the week instead of "${word}".`,
    fixes: [],
  };
}

export const apStyle: Rule = {
  id: 'ap-style',
  description: 'AP style: months with dates (Feb. 13), numbers (one to nine spelled out), the day of the week rather than "yesterday".',
  defaultSeverity: 'hint',
  cost: 'scan',
  // In steps: on a 100,000-word draft the three checks together held the server for 10-30 ms.
  ...inSteps('ap-style', function* (ctx) {
    const checks = newsroomOptions(ctx.options).apStyle;
    if (!checks.months && !checks.numbers && !checks.timeReferences) return [];
    const spans = quotedSpans(ctx);
    // An embedded post is its author's words, as a quotation is: the paragraph that carries its signature.
    const posts = ctx.draft.paragraphs.filter((p) => embeddedPost.test(p.text));
    const quoted = (offset: number) => inSpans(spans, offset) || inSpans(posts, offset);
    const findings: RuleFinding[] = [];
    if (checks.months) checkMonths(ctx, quoted, findings);
    yield;
    if (checks.numbers) checkNumbers(ctx, quoted, findings);
    yield;
    if (checks.timeReferences) yield* checkTimeReferences(ctx, quoted, findings);
    return findings;
  }),
};
