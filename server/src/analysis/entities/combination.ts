// Where the trained tagger and the hand-written evidence disagree about an
// organization, the tagger leads. Measured with `npm run eval:ner --
// --disagreements` on CoNLL-2003 testa and the GMB development slice, the
// tagger was right more often than the evidence in each of these cases, on
// both corpora:
//   - an organization the evidence found where the tagger reads no name at all
//     (testa 41 of 61 wrong, GMB 38 of 53): dropped, unless the evidence is
//     firm (an organization's ending, an appositive that says so);
//   - an organization the tagger reads as a place or another kind of name
//     (not a person) over the same words: dropped, unless the story describes
//     it as an organization;
//   - an organization whose boundaries differ from the tagger's: the tagger's
//     boundaries (testa 52 right against 40, GMB 101 against 18);
//   - an organization the tagger finds where the evidence found none: added
//     (testa 59 right against 44, GMB 70 against 44); so is a person (testa 21
//     right against 16, GMB 117 against 43 by overlap), but never a title.
// People stay with the evidence, which was right more often on testa (titles,
// appositives, surnames the story establishes), but for a nationality before
// the name, and a person on weak evidence where the tagger reads no name at
// all (testa 14 of 18 wrong, with the tagger's draft-level step). A name from the organization
// table is never overruled, and a title never becomes part of an organization.

import { lexiconTags } from '../nlp';
import type { TaggedWord } from './tagger';
import {
  adverbEnding,
  functionWords,
  honorifics,
  isGivenName,
  knownPlaces,
  nonNames,
  companyTradeWords,
  organizationEndings,
  linkedBodyHeads,
  organizationHeads,
  productNames,
  roleWords,
  stateAbbreviations,
  subjectBodyHeads,
  timeTags,
  titleModifiers,
} from './tables';
import type { SpanCandidate, Word } from './types';
import { isStationNumber, isStationWord, monthName, namedForOffice, namesJurisdiction, openingTrades } from './candidates';
import { endsAsLawBuildingOrEvent, genreWords, isEventWord } from './evidence';
import {
  afterPlaceAdjective,
  initialsOf,
  isAcronym,
  isInterjection,
  isNationality,
  isRoleWord,
  listNoun,
  mayDropOpener,
  namesSecurity,
  opensAfterSuperPac,
  opensSentenceOrQuote,
} from './words';

interface TaggerSpan {
  first: number;
  last: number;
  type: string;
}

/** The tagger's names as word ranges. */
export function taggerSpans(tags: readonly TaggedWord[]): TaggerSpan[] {
  const spans: TaggerSpan[] = [];
  let open: TaggerSpan | undefined;
  tags.forEach(({ label }, i) => {
    const type = label.slice(2);
    if (open && label === `I-${open.type}`) {
      open.last = i;
      return;
    }
    if (open) spans.push(open);
    open = label === 'O' ? undefined : { first: i, last: i, type };
  });
  if (open) spans.push(open);
  return spans;
}

/**
 * The tagger reads a paragraph at a time and may run a name over a sentence
 * end ("at the Kessler-Baum Center. Meridian has been retired"): a name never
 * does, so its spans are cut where the sentence changes, and where punctuation
 * a person's or an organization's name never holds stands between two words.
 */
function splitAtSentenceEnds(spans: TaggerSpan[], words: Word[]): TaggerSpan[] {
  const cut: TaggerSpan[] = [];
  for (const span of spans) {
    let first = span.first;
    for (let k = span.first + 1; k <= span.last; k++) {
      // compromise also ends a sentence after an initial ("A. Dale"): that is no end.
      if ((words[k].sentenceId === words[k - 1].sentenceId || /^\p{L}\.?$/u.test(words[k - 1].text)) && !breaksName(span, words[k - 1], words[k])) continue;
      cut.push({ ...span, first, last: k - 1 });
      first = k;
    }
    cut.push({ ...span, first, last: span.last });
  }
  return cut.map((span) => withoutOpeningWords(span, words)).filter((span) => span.first <= span.last);
}

/** Last words that close an institution's or a newspaper's name, and never run on past "and" inside one ("the Los Angeles Times and ..."). */
const closedNameEndings =
  /^(?:commission|committee|council|bank|institute|institution|university|college|school|clinic|hospitals?|foundation|association|society|union|corporation|corp|company|inc|ltd|plc|llc|group|agency|ministry|board|authority|party|electronics|motors|airlines|airways|pharmaceuticals|industries|holdings|times|news|journal|herald|tribune|gazette|telegraph|guardian|observer|chronicle|examiner)$/;

/**
 * "the Electoral Commission and National Union of Students", "the Urban Institute and Brookings Institution": the
 * tagger reads two organizations joined by "and" as one. Where the words before "and" are a name complete in itself
 * (two or more words, no "of" or "for" link, ending as an organization ends), they are two. One that reads on
 * past "and" stays whole: "the Securities and Exchange Commission", "the Department for Work and Pensions"; so does
 * one with "&", which joins one firm's names ("U.S. News & World Report").
 */
function splitAtJoinedOrganizations(span: TaggerSpan, words: readonly Word[]): TaggerSpan[] {
  if (span.type !== 'ORG') return [span];
  // "the Sega / ESPN versions": a spaced slash between two one-word names keeps them apart ("The McCutchan Art Center /
  // Pace Galleries" is one gallery's name).
  const slash = indexWithin(words, span.first + 1, span.last - 1, (w) => w.text === '/' && /^\s+$/.test(w.post));
  if (slash === span.first + 1 && slash === span.last - 1)
    return [
      { ...span, last: span.first },
      { ...span, first: span.last },
    ];
  const and = indexWithin(words, span.first + 1, span.last - 1, (w) => w.text === 'and');
  if (and < 0 || indexWithin(words, span.first, and - 1, (w) => w.text === 'of' || w.text === 'for') >= 0) return [span];
  const closing = words[and - 1].bare;
  if (!words[and + 1].capitalised) return [span];
  // "Holders Manchester United and Premiership leaders Chelsea": the words after "and" run into a lower-case noun and
  // a name, whose description they are; the organization ends before "and".
  const [noun, named] = [words[span.last + 1], words[span.last + 2]];
  // Two words at least before "and", one after: not "Procter and Gamble rivals Unilever".
  if (
    and - span.first >= 2 &&
    span.last === and + 1 &&
    noun &&
    named &&
    !noun.capitalised &&
    describingNouns.test(noun.bare) &&
    /^\s+$/.test(words[span.last].post) &&
    /^\s+$/.test(noun.post) &&
    named.capitalised
  )
    return [{ ...span, last: and - 1 }];
  // "Sony and Samsung", "Hitachi and Matsushita Electric": a company the lexicon knows, then another or a firm's name.
  const knownCompany = (w: Word) => lexiconTags(w.bare)?.includes('Organization') === true;
  // "scandals such as Enron and Worldcom", "firms including Acme and Dalby": one word each side, after a list's cue.
  const before = words[span.first - 1];
  const listCue = before !== undefined && (/^(?:including|like)$/.test(before.fold) || (before.fold === 'as' && words[span.first - 2]?.fold === 'such'));
  const twoCompanies =
    and === span.first + 1 &&
    ((knownCompany(words[span.first]) && (knownCompany(words[and + 1]) || organizationEndings.has(words[span.last].bare))) ||
      (listCue && span.last === and + 1));
  if (!twoCompanies && (and === span.first + 1 || !closedNameEndings.test(closing))) return [span];
  // "the West Bank and Gaza Strip": a bank of a river is a place.
  if (closing === 'bank' && /^(?:north|south|east|west|left)$/.test(words[span.first].bare)) return [span];
  // A bracketed short form of the whole says it is one: "the Guangdong Post and Telecommunications Administration (GPTA)".
  const next = words[span.last + 1];
  if (next && /\(\s*$/.test(words[span.last].post) && next.text.toUpperCase() === initialsOf(words.slice(span.first, span.last + 1))) return [span];
  return [
    { ...span, last: and - 1 },
    { ...span, first: and + 1 },
  ];
}

/** Lower-case nouns that a league or a place before them makes a description of the name after: "Premiership leaders Chelsea". */
const describingNouns = /^(?:leaders|rivals|champions|holders|winners)$/;

/** Words that open a sentence before a name but never begin one: "If Obama wins", "Like Kazaa before it". */
const sentenceOpeners = new Set([
  'if',
  'like',
  'unlike',
  'when',
  'while',
  'as',
  'but',
  'and',
  'or',
  'so',
  'after',
  'before',
  'although',
  'though',
  'because',
  'since',
  'unless',
  'until',
  'whether',
  'despite',
]);

/** A word compromise or the tables know as a country, a city or a region. */
function isPlaceWord(w: Word): boolean {
  if (knownPlaces.has(w.bare)) return true;
  const known = lexiconTags(w.bare);
  return ['Country', 'City', 'Region'].some((t) => w.has(t) || known?.includes(t) === true);
}

/** A team's, a band's or a runner's description opening the sentence: "Newcomers Keane came third", "Hosts Ireland won", "Compatriots Mulugeta Wondimu" (not "Champions League"). */
const openingDescriptions =
  /^(?:newcomers|rivals|hosts|holders|visitors|veterans|favourites|favorites|underdogs|outsiders|minnows|compatriots|countrymen|countrywomen|team-mates|teammates)$/;

/**
 * A span without the capitalised sentence openers the tagger read into the name: "Some Clinton allies",
 * "Is Obama", "Rather," and "''My advice": a function word or an adverb (by its ending, or by compromise's
 * tag when it does not also read the word as a person's name).
 */
function withoutOpeningWords(span: TaggerSpan, words: Word[]): TaggerSpan {
  let first = span.first;
  // An ampersand joins two names ("Johnson & Johnson"); it never opens one ("Johnson & Green Party").
  while (first < span.last && words[first].text === '&') first++;
  if (first < span.last && opensAfterSuperPac(words, first)) first++;
  // "Uganda's New Vision newspaper", "the UK's Office of Fair Trading": a place's possessive says where the organization is
  // (not before one word: "Turkey's Mediterranean coast").
  // So does a body's: "the Bank's Monetary Policy Committee" is the committee of the bank the story named.
  const bodyWord = (w: Word) => organizationEndings.has(w.bare) || organizationHeads.has(w.bare);
  if (first + 1 < span.last && words[first].possessive && (isPlaceWord(words[first]) || bodyWord(words[first]))) first++;
  // "Newcomers Keane came third": a team's or a band's description opening the sentence.
  if (first < span.last && openingDescriptions.test(words[first].bare) && opensSentenceOrQuote(words, first)) first++;
  // "Nineteen-year-old Blazin' Squad singer Kenzie": an age opening the sentence describes, and names no one.
  if (first < span.last && /-(?:year|month)-old$/.test(words[first].bare)) first++;
  for (; first <= span.last; first++) {
    const w = words[first];
    const taggedAsFunctionWord =
      !w.has('Person') &&
      (sentenceOpeners.has(w.bare) ||
        ['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord'].some((t) => w.has(t)) ||
        (w.has('Adverb') && (/ly$/.test(w.bare) || first === span.last)));
    if (
      !(functionWords.has(w.bare) || adverbEnding.test(w.bare) || w.bare === "here's" || isInterjection(w) || taggedAsFunctionWord) ||
      !mayDropOpener(words, first, span.last)
    )
      break;
  }
  return { ...span, first: afterPlaceAdjective(words, first, span.last) };
}

/**
 * Punctuation after a word that a person's or an organization's name never runs across: a quotation
 * mark, a colon or semicolon, a comma ("the Republican Party,” Viguerie said"; "Cruz: Trump"), or a quotation mark
 * before the next word ('whingeing Poms. "Stop'). A place keeps its comma ("Columbus, Ohio").
 */
function breaksName(span: TaggerSpan, word: Word, next: Word): boolean {
  return (span.type === 'PER' || span.type === 'ORG') && (/[,;:"“”‘’]/.test(word.post) || /\s(?:[—–]|--?)\s/.test(word.post) || /["“”]/.test(next.pre));
}

const overlaps = (a: { first: number; last: number }, b: { first: number; last: number }) => a.first <= b.last && b.first <= a.last;

/** What kind of director or editor a title names: "Political Director", "Legislative Director", "Medical Director". */
const titleAdjectives = /^(?:political|legislative|legal|medical|technical|editorial|financial|scientific|creative|artistic|strategic|digital)$/;

/** Words that title a person after a name ("House Speaker", "Party Chairman") and end an institution's name ("the White House"). */
const institutionNouns = /^(?:house|senate|party|army|police|club|team|treasury|military)$/;

/** A member of a parliament, after the party ("Green MSP Mark Ballard"): a title, though not one before every name ("Frank Field MP"). */
const memberTitles = /^(?:mp|mps|msp|msps|mep|meps|mla|td)$/;
/** Letters after a name for a rank or an honour: "Philippe Sands QC", "Jane Roe OBE". */
const postNominals = /^(?:qc|kc|obe|mbe|cbe|kbe|dbe)$/;

/**
 * An organization span from the tagger, without the title words it may end
 * in ("Federal Reserve Chair" before a name is an organization and a title).
 */
function organizationWithoutTitle(span: TaggerSpan, words: Word[]): TaggerSpan | undefined {
  let last = span.last;
  // "UMWA Director of Government Affairs Phil Smith": the organization ends where its officer's title begins.
  const next = words[span.last + 1];
  if (next && next.sentenceId === words[span.last].sentenceId && next.has('FirstName') && /^\s+$/.test(words[span.last].post)) {
    const title = indexWithin(words, span.first + 1, span.last, (w) => honorifics.has(w.bare) && !titleModifiers.has(w.bare) && w.capitalised);
    if (title > 0) last = title - 1;
  }
  const endBeforeTitle = last;
  while (last >= span.first && (honorifics.has(words[last].bare) || titleModifiers.has(words[last].bare) || memberTitles.test(words[last].bare))) {
    // "the Obama White House", "Republican Party Chairman": an institution's noun after another name's word ends the organization.
    const before = words[last - 1];
    if (last > span.first && institutionNouns.test(words[last].bare) && before.capitalised && !titleModifiers.has(before.bare) && !honorifics.has(before.bare))
      break;
    last--;
  }
  // A title's modifiers alone after an organization's "of" or "for", with no title after them, are the organization's
  // own words: "the Center for Global Development", "the Joint Chiefs of Staff" (but "Senate Majority| Leader Mitch
  // McConnell" ends before the title).
  const after = words[endBeforeTitle + 1];
  const titleFollows = after !== undefined && after.sentenceId === words[endBeforeTitle].sentenceId && (honorifics.has(after.bare) || after.has('FirstName'));
  const ofPhrase = last >= span.first + 1 && words.slice(span.first + 1, last + 1).some((w) => w.fold === 'of' || w.fold === 'for');
  if (ofPhrase && !titleFollows && !words.slice(last + 1, endBeforeTitle + 1).some((w) => honorifics.has(w.bare))) last = endBeforeTitle;
  // "United Steelworkers Political Director Tim Waters": the kind of director is the title's, not the union's.
  const afterName = words[last + 1];
  if (last < span.last && afterName && honorifics.has(afterName.bare)) while (last > span.first && titleAdjectives.test(words[last].bare)) last--;
  const name = words.slice(span.first, last + 1);
  if (name.length === 0 || !name.some((w) => w.capitalised)) return undefined;
  // "Green MSP Mark Ballard", "Euro MP Robert Kilroy-Silk": one word before a member's title is a party's or a parliament's adjective.
  if (name.length === 1 && last < span.last && memberTitles.test(words[last + 1].bare)) return undefined;
  // What candidates.ts never lets be a name: placeholders and units ("TK", "GMT"), a state after a town.
  if (name.length === 1 && (nonNames.has(name[0].bare) || stateAbbreviations.has(name[0].bare))) return undefined;
  // "Clark County Sheriff", "U.S. District Judge": what is left before a title is where it holds, a place.
  if (last < span.last && namesJurisdiction(words, span.first, last)) return undefined;
  return { ...span, last };
}

/**
 * "Australian Tom Moody": a nationality the tagger reads as a name of its own
 * (MISC) before the person it reads is not part of the person's name (testa 8
 * right against 0).
 */
function withoutNationality(c: SpanCandidate, spans: TaggerSpan[]): SpanCandidate {
  const nationality = spans.find((s) => s.first === c.first && s.last === c.first && s.type === 'MISC');
  const person = spans.find((s) => s.first === c.first + 1 && s.last === c.last && s.type === 'PER');
  return nationality && person ? { ...c, first: c.first + 1 } : c;
}

/**
 * A person the tagger reads is a name only if it is not a title or a piece of
 * one ("Prime" before "Minister"), nor a placeholder: titles are never names.
 */
function isPersonName(span: TaggerSpan, words: Word[]): boolean {
  const name = words.slice(span.first, span.last + 1);
  if (namesSecurity(words, span.last)) return false;
  if (name.every((w) => honorifics.has(w.bare) || titleModifiers.has(w.bare) || !w.capitalised)) return false;
  const next = words[span.last + 1];
  if (next && honorifics.has(next.bare) && next.capitalised) return false;
  // "Phil Waldrep Ministries", "Getty Images": a name ending like an institution names no person.
  if (name.length > 1 && institutionEndings.test(name[name.length - 1].bare)) return false;
  return !(name.length === 1 && (nonNames.has(name[0].bare) || stateAbbreviations.has(name[0].bare)));
}

/** Last words of an institution's name that no person's surname shares ("Samantha Power" does share "power"). */
const institutionEndings = /^(?:ministries|inc|corp|llc|ltd|plc|foundation|institute|association|university|college|committee|council|images|show|podcast)$/;

/** Words of a sentence about a game, where a team goes by its place's name ("Surrey beat Kent"). */
const sportsWords =
  /^(?:beat|beats|beaten|defeat|defeated|defeats|thrashed|v|vs|versus|match|matches|league|cup|innings|wicket|wickets|goal|goals|scored|coach|captain|striker|batsman|bowler|pitcher|homer|inning|transfer|club|champions|championship|semifinal|playoff|playoffs|standings)$/;

/**
 * "flew to the capital, Kabul", "a Seattle police official": a name compromise's lexicon knows as a city, a
 * region or a country (with "County" after it) is a place. The tagger, trained on Reuters copy full of
 * county cricket, reads some as an organization; it is one only in a sentence about a game.
 */
function namesPlace(span: TaggerSpan, words: Word[]): boolean {
  const name = words.slice(span.first, span.last + 1);
  const isPlace =
    name.some((w) => w.has('City') || w.has('Region') || w.has('Country') || /^(?:county|parish)$/.test(w.bare)) &&
    name.every((w) => w.has('Place') || w.has('City') || w.has('Region') || w.has('Country'));
  if (!isPlace) return false;
  const sentence = name[0].sentenceId;
  return !words.some((w) => w.sentenceId === sentence && sportsWords.test(w.fold));
}

/**
 * "Young Presidents Organization of Cincinnati": a person the evidence found after a title that holds an
 * organization's word is part of that organization's name when the tagger reads one name over both and
 * no person there.
 */
function withinOrganizationName(c: SpanCandidate, spans: readonly TaggerSpan[], words: Word[]): boolean {
  const organization = spans.find((s) => s.type === 'ORG' && s.first < c.first && s.last >= c.last);
  if (!organization || spans.some((s) => s.type === 'PER' && overlaps(s, c))) return false;
  return words.slice(organization.first, c.first).some((w) => /^(?:organization|organisation|association|federation|union|society|league)$/.test(w.bare));
}

/**
 * "embassies in Tel Aviv", "a benefits manager from Derry": a name compromise knows only as a place, after
 * "in", "from" or "near", is that place, unless the sentence is about a game ("won in Barcelona").
 */
function placeAfterPreposition(c: SpanCandidate, words: Word[]): boolean {
  const before = words[c.first - 1];
  if (!before || before.sentenceId !== words[c.first].sentenceId) return false;
  const name = words.slice(c.first, c.last + 1);
  // "graduated from Keene State College": compromise tags the college a place too.
  if (organizationEndings.has(name[name.length - 1].bare)) return false;
  const placeWord = (w: Word) =>
    ['Place', 'City', 'Region', 'Country'].some((t) => w.has(t)) && !['Person', 'FirstName', 'LastName', 'Organization'].some((t) => w.has(t));
  const sportsSentence = () => words.some((w) => w.sentenceId === before.sentenceId && sportsWords.test(w.fold));
  if (/^(?:in|from|near)$/.test(before.text)) return name.every(placeWord) && !sportsSentence();
  // "the southern province of Tamil Nadu", "the city of Chennai": a place by the lower-case noun of a place before "of".
  const placeNoun = words[c.first - 2];
  if (
    before.text === 'of' &&
    placeNoun?.sentenceId === before.sentenceId &&
    /^(?:province|state|region|county|city|town|village|district|island|republic|emirate|kingdom)$/.test(placeNoun.text) &&
    !organizationEndings.has(name[name.length - 1].bare)
  )
    return true;
  // "in Chicago and Tel Aviv": a name the lexicon does not know, joined to a place after such a preposition, is a place too.
  const place = words[c.first - 2];
  const preposition = words[c.first - 3];
  return (
    /^(?:and|or)$/.test(before.text) &&
    place !== undefined &&
    preposition !== undefined &&
    place.sentenceId === before.sentenceId &&
    /^(?:in|from|near)$/.test(preposition.text) &&
    /^\s+$/.test(place.post) &&
    placeWord(place) &&
    !name.some((w) => ['Person', 'FirstName', 'LastName', 'Organization', 'Honorific'].some((t) => w.has(t))) &&
    !sportsSentence()
  );
}

/** The index of the first word from `from` to `to` (inclusive) that passes, or -1: a span's own words only, never the paragraph's. */
function indexWithin(words: readonly Word[], from: number, to: number, test: (w: Word) => boolean): number {
  for (let k = from; k <= to; k++) if (test(words[k])) return k;
  return -1;
}

/**
 * Whether the tagger reads in pieces a name the candidate has whole, so that the candidate stands: a body named
 * for what it is for ("Institute for the Study of Labour", "Committee to Protect Journalists"), which the tagger,
 * having seen few names with a lower-case "the" or "to" inside, reads as organizations on either side of the link
 * or as no name past it; a group and whom it backs ("Hispanic Patriots for Trump"); a station without its number
 * ("BBC Radio 4"); two organizations end to end ("Yukos USA").
 */
function readsLinkedNameInPieces(c: SpanCandidate, touching: readonly TaggerSpan[], words: Word[]): boolean {
  // "Hispanic Patriots for Trump": a group the tagger reads as an organization, then the person it backs.
  const backs = indexWithin(words, c.first + 1, c.last - 1, (w) => w.text === 'for' || w.text === 'against');
  if (
    backs > 0 &&
    touching.length >= 2 &&
    touching.every((s) => s.first >= c.first && s.last <= c.last) &&
    touching.some((s) => s.type === 'ORG' && s.first === c.first && s.last < backs) &&
    touching.every((s) => s.first > backs || (s.type === 'ORG' && s.first === c.first)) &&
    /\p{Ll}s$/u.test(words[backs - 1].text)
  )
    return true;
  if (opensWithNationality(c, touching, words)) return true;
  if (
    namedForSubject(c, touching, words) ||
    spelledByBracketAfter(c, words) ||
    cutAtDirection(c, touching, words) ||
    namesCampus(c, touching, words) ||
    namedWithOf(c, touching, words) ||
    // "Retailer Tesco": the tagger reads the trade into the name, as an organization or a person.
    (c.describedAsOrganization === true && touching.some((s) => s.first === c.first - 1 && s.last === c.last && openingTrades.test(words[s.first].bare)))
  )
    return true;
  if (touching.length === 0 || touching.some((s) => s.type !== 'ORG' || s.first < c.first || s.last > c.last)) return false;
  // "BBC Radio 4", "Channel 4 News": the tagger reads a station's name without its number.
  const numbered = indexWithin(words, c.first + 1, c.last, (w) => isStationNumber(words, w.index));
  if (numbered > 0 && (touching.some((s) => s.first === c.first) || isStationWord(words[c.first]))) return true;
  // "Yukos USA": two organizations end to end, the candidate's whole span, with nothing between them.
  const sorted = [...touching].sort((a, b) => a.first - b.first);
  if (
    sorted.length >= 2 &&
    sorted[0].first === c.first &&
    sorted[sorted.length - 1].last === c.last &&
    sorted.every((s, k) => k === 0 || s.first === sorted[k - 1].last + 1)
  )
    return true;
  const link = indexWithin(words, c.first + 1, c.last - 1, (w) => w.text === 'the' || w.text === 'to' || w.text === 'on');
  if (link < 0) return false;
  const head = words[c.first].bare;
  const startsTogether = touching.some((s) => s.first === c.first) || organizationHeads.has(head) || linkedBodyHeads.has(head);
  return startsTogether && touching.some((s) => s.first > link);
}

/** Words that point to a region and need its name after them: "Southern" Indiana, "North" Carolina. */
const directionWords = /^(?:southern|northern|eastern|western|central|north|south|east|west|upper|lower|greater|new)$/;

/**
 * "the University of Southern Indiana": a story that names Indiana as a place elsewhere makes the tagger end the
 * organization at the direction before it, which names nothing alone.
 */
function cutAtDirection(c: SpanCandidate, touching: readonly TaggerSpan[], words: Word[]): boolean {
  return touching.some((s) => s.type === 'ORG' && s.first === c.first && s.last < c.last && s.last > s.first && directionWords.test(words[s.last].bare));
}

/** "Replacements: Green for Dowd (71)": a player on for another in a match report, which the tagger reads as one organization. */
function namesSubstitution(s: TaggerSpan, words: Word[]): boolean {
  const after = words[s.last + 1];
  return s.last === s.first + 2 && words[s.first + 1].text === 'for' && /\(\s*$/.test(words[s.last].post + (after?.pre ?? '')) && /^\d/.test(after?.text ?? '');
}

/**
 * "the Fraser of Allander Institute": one word, "of" and a body's name, after "the" (candidates.ts); the tagger reads
 * the word as a person and the rest as the organization.
 */
function namedWithOf(c: SpanCandidate, touching: readonly TaggerSpan[], words: Word[]): boolean {
  return (
    words[c.first - 1]?.fold === 'the' &&
    words[c.first + 1]?.text === 'of' &&
    organizationEndings.has(words[c.last].bare) &&
    touching.some((s) => s.type === 'ORG' && s.last === c.last && s.first > c.first + 1) &&
    touching.every((s) => s.first >= c.first && s.last <= c.last)
  );
}

/** Where "at" names a state university's campus in the candidate ("University of Texas at Austin"), or -1. */
const campusLink = (c: SpanCandidate, words: Word[]): number =>
  words[c.first].bare === 'university' ? indexWithin(words, c.first + 1, c.last - 1, (w) => w.text === 'at') : -1;

/** "University of Texas at Austin": the tagger reads the university and, past "at", the city; the candidate took it (candidates.ts). */
function namesCampus(c: SpanCandidate, touching: readonly TaggerSpan[], words: Word[]): boolean {
  const at = campusLink(c, words);
  return (
    at > 0 &&
    touching.some((s) => s.type === 'ORG' && s.first === c.first && s.last === at - 1) &&
    touching.every((s) => s.last < at || (s.first > at && s.type === 'LOC'))
  );
}

/**
 * "the Korean Central News Agency (KCNA)": the short form in brackets spells the
 * whole candidate, nationality and all, which the tagger reads as an adjective before the organization. Only a
 * candidate the evidence took for an organization: "Permanent Interest Bearing Shares (PIBS)" are none.
 */
/**
 * "the Entertainment and Leisure Software Publishers Association (Elspa)": the bracketed short form spells capitals
 * before the name, across its "and" or "of"; they are its first words.
 */
function withNameBeforeItsInitials(c: SpanCandidate, words: Word[]): SpanCandidate {
  const short = words[c.last + 1];
  if (!short || !/\(\s*$/.test(words[c.last].post + short.pre) || !/^\s*\)/.test(short.post) || !/^\p{Lu}[\p{L}]{2,9}$/u.test(short.text)) return c;
  const letters = short.text.toUpperCase();
  const own = initialsOf(words.slice(c.first, c.last + 1));
  if (own.length === 0 || own.length >= letters.length || !letters.endsWith(own)) return c;
  let missing = letters.slice(0, letters.length - own.length);
  let first = c.first;
  for (let k = c.first - 1; k >= 0 && missing.length > 0 && words[k].sentenceId === words[c.first].sentenceId && /^\s+$/.test(words[k].post); k--) {
    if (/^(?:and|of|for|&)$/.test(words[k].fold)) continue;
    if (!words[k].capitalised || words[k].text[0].toUpperCase() !== missing[missing.length - 1]) break;
    missing = missing.slice(0, -1);
    first = k;
  }
  return missing.length === 0 ? { ...c, first } : c;
}

function spelledByBracketAfter(c: SpanCandidate, words: Word[]): boolean {
  const short = words[c.last + 1];
  return (
    short !== undefined &&
    c.kind === 'organization' &&
    c.last > c.first &&
    /[([]\s*$/.test(words[c.last].post + short.pre) &&
    /^\s*[)\]]/.test(short.post) &&
    isAcronym(short) &&
    short.text.length === c.last - c.first + 1 &&
    initialsOf(words.slice(c.first, c.last + 1)) === short.text
  );
}

/**
 * "Council on Foreign Relations", "Commission on Presidential Debates": the tagger reads the body and, past "on",
 * its subject as another name, a person or nothing; the candidate took the link only after such a body (candidates.ts).
 * A person's name after "on" is a subject of the body's business, not of its name ("Judiciary Committee on Ann Lee").
 */
function namedForSubject(c: SpanCandidate, touching: readonly TaggerSpan[], words: Word[]): boolean {
  const link = indexWithin(words, c.first + 1, c.last - 1, (w) => w.text === 'on');
  return (
    link > 0 &&
    subjectBodyHeads.has(words[link - 1].bare) &&
    touching.some((s) => s.type === 'ORG' && s.first === c.first && s.last === link - 1) &&
    touching.every((s) => s.last < link || (s.first > link && s.type !== 'LOC' && !(s.type === 'PER' && isGivenName(words[s.first].bare))))
  );
}

/** Endings of a body with a name of its own, which a nationality may open ("the Norwegian Broadcasting Corporation"). */
const namedBodyEndings =
  /^(?:committee|corporation|association|federation|confederation|foundation|institute|society|union|league|academy|church|agency|council|board)$/;
/** A government's bodies: a nationality before them says whose they are ("the Turkish Foreign Ministry", "the Russian Security Council"). */
const governmentWords = /^(?:ministry|government|embassy|army|navy|police|parliament|cabinet|military|forces|foreign|interior|defence|defense|security|state)$/;

/**
 * "the Dutch Olympic Committee", "the German Football Association": the tagger reads the nationality as an
 * adjective (or as no name) and the rest as the organization, but a body with a name of its own keeps its
 * nationality; a government's body does not.
 */
function opensWithNationality(c: SpanCandidate, touching: readonly TaggerSpan[], words: Word[]): boolean {
  const opener = words[c.first];
  const nationality = isNationality(opener);
  // The tagger may read the words between as no name ("Dutch [Olympic] Committee"), never as a person.
  const body = touching.find((s) => s.type === 'ORG' && s.first > c.first && s.last === c.last);
  return (
    body !== undefined &&
    c.last - c.first >= 2 &&
    (nationality || touching.some((s) => s.type === 'MISC' && s.first === c.first && s.last === c.first)) &&
    touching.every((s) => s === body || (s.first >= c.first && s.last < body.first && s.type !== 'PER')) &&
    namedBodyEndings.test(words[c.last].bare) &&
    indexWithin(words, c.first + 1, c.last, (w) => governmentWords.test(w.bare)) < 0
  );
}

/**
 * "the Office of the Deputy Prime Minister", "the Office for the Deputy Prime Minister": the tagger stops at the body's
 * head before a title, but a body named for an office runs to the office's last word when no one's name follows it.
 */
function withOfficeAfter(span: TaggerSpan, words: Word[]): TaggerSpan {
  if (!organizationHeads.has(words[span.last].bare)) return span;
  let k = span.last + 1;
  if (!/^(?:of|for)$/.test(words[k]?.text ?? '')) return span;
  k++;
  if (words[k]?.text === 'the') k++;
  let last = -1;
  for (; k < words.length && words[k].sentenceId === words[span.last].sentenceId && words[k].capitalised; k++) {
    if (!honorifics.has(words[k].bare) && !titleModifiers.has(words[k].bare)) return span;
    if (honorifics.has(words[k].bare)) last = k;
  }
  if (last < 0 || last !== k - 1) return span;
  const next = words[last + 1];
  const nameFollows = next !== undefined && next.sentenceId === words[last].sentenceId && next.capitalised;
  return !nameFollows && words.slice(span.last, last).every((w) => /^\s+$/.test(w.post)) ? { ...span, last } : span;
}

/**
 * "BBC Radio Wales", "BBC Radio Scotland": a station's region is its name's last word, though the tagger, having read
 * "in Wales" elsewhere in the draft, reads the region as a place and stops the station before it.
 */
function withStationRegion(span: TaggerSpan, words: Word[]): TaggerSpan {
  const [last, next] = [words[span.last], words[span.last + 1]];
  if (!/^(?:radio|tv|television)$/.test(last.bare) || !next || next.sentenceId !== last.sentenceId || !next.capitalised) return span;
  return /^ $/.test(last.post) && isPlaceWord(next) && !next.possessive ? { ...span, last: span.last + 1 } : span;
}

/** Words that end a newspaper's name after a day: "the Sunday Times", "the Sunday Telegraph", "the Sunday Mirror". */
const newspaperWords = /^(?:times|telegraph|mirror|express|herald|post|people|mail|independent|star|sport|tribune|observer|business|sun)$/;

/** "The Sunday Times reported": the tagger reads the newspaper without the day that opens its name. */
function withDayBefore(span: TaggerSpan, words: Word[]): TaggerSpan {
  const [day, first] = [words[span.first - 1], words[span.first]];
  if (!day || !day.has('WeekDay') || !newspaperWords.test(first.bare) || day.sentenceId !== first.sentenceId || !/^ $/.test(day.post)) return span;
  return { ...span, first: span.first - 1 };
}

function organizationFromTagger(span: TaggerSpan): SpanCandidate {
  return { first: span.first, last: span.last, role: null, per: 0, org: 4, loc: 0, kind: 'organization', firm: false };
}

/**
 * Settles the organizations of one paragraph's weighed candidates by the
 * tagger's reading, as described above; returns the candidates in word order.
 */
export function followTagger(candidates: SpanCandidate[], words: Word[], tags: readonly TaggedWord[]): SpanCandidate[] {
  if (tags.length !== words.length) return candidates;
  const spans = splitAtSentenceEnds(taggerSpans(tags), words).flatMap((span) => splitAtJoinedOrganizations(span, words));
  const taggerOrganizations = spans
    .filter((s) => s.type === 'ORG' && !namesSubstitution(s, words))
    .map((s) => organizationWithoutTitle(s, words))
    .filter((s): s is TaggerSpan => s !== undefined)
    .map((s) => withDayBefore(withStationRegion(withOfficeAfter(s, words), words), words));
  const result: SpanCandidate[] = [];
  const insideOrganization = (c: SpanCandidate) => c.kind === 'person' && !c.tableEntry && withinOrganizationName(c, spans, words);
  for (const c of candidates) {
    if (c.kind === 'person') {
      // A person on weak evidence where the tagger, having read the whole draft, sees no name at all.
      if ((!c.firm && !spans.some((s) => overlaps(s, c))) || insideOrganization(c)) result.push({ ...c, kind: undefined, firm: false });
      else result.push(withoutNationality(c, spans));
      continue;
    }
    if (c.kind !== 'organization' || c.tableEntry) {
      result.push(c);
      continue;
    }
    const touching = spans.filter((s) => overlaps(s, c));
    const same = touching.find((s) => s.first === c.first && s.last === c.last);
    // Strong local evidence (an organization's ending, "X, a consumer group") stands when the tagger reads no
    // name; only the story's own words ("the retailer Lidl") stand against a place ("Soviet Union" ends like an
    // organization but is not one). An organization the tagger reads as a person stays (testa 14 right against 3).
    const placeOrOther = same && (same.type === 'LOC' || same.type === 'MISC');
    if ((touching.length === 0 && !c.firm) || (placeOrOther && !c.describedAsOrganization)) {
      result.push({ ...c, kind: undefined, firm: false });
      continue;
    }
    if (same) {
      result.push(c);
      continue;
    }
    // Other boundaries: the tagger's organizations over these words take the candidate's place.
    // A replacement never swallows a person the evidence found next to it, nor a name from the organization
    // table ("the Steelworkers' Facebook page"): then the candidate stands.
    const overlapping = taggerOrganizations.filter((s) => overlaps(s, c));
    const swallows = (s: TaggerSpan, o: SpanCandidate) =>
      o !== c && overlaps(s, o) && ((o.kind === 'person' && !insideOrganization(o)) || o.tableEntry !== undefined);
    const replacements = overlapping.filter((s) => !candidates.some((o) => swallows(s, o)));
    // "firms like Dell, LG, Samsung and Philips": the list says where each company's name ends, whatever the tagger joins.
    // Not a name the candidate joined at "and" ("companies such as PepsiCo and JPMorgan Private Bank" are two).
    const listed = c.listedAsCompany === true && indexWithin(words, c.first, c.last, (w) => w.text === 'and' || w.text === '&') < 0;
    if (readsLinkedNameInPieces(c, touching, words) || listed) {
      result.push(c);
      continue;
    }
    if (replacements.length === 0 && overlapping.some((s) => candidates.some((o) => o.tableEntry && swallows(s, o)))) result.push(c);
    else if (replacements.length === 0) result.push({ ...c, kind: undefined, firm: false });
    else for (const s of replacements) result.push({ ...organizationFromTagger(s), firm: c.firm });
  }
  // An undecided name the tagger reads in pieces on either side of its link is one organization.
  for (let k = 0; k < result.length; k++) {
    const c = result[k];
    if (c.kind || c.loc >= 10) continue;
    if (
      readsLinkedNameInPieces(
        c,
        spans.filter((s) => overlaps(s, c)),
        words,
      )
    )
      result[k] = { ...c, kind: 'organization' };
  }
  // Names the tagger finds where no candidate was decided: added, replacing undecided candidates they touch.
  const people = spans.filter((s) => s.type === 'PER' && isPersonName(s, words));
  for (const s of [...taggerOrganizations, ...people]) {
    if (result.some((c) => c.kind && overlaps(s, c))) continue;
    // Never over what the evidence rejected outright (a known place, an index, a town's state) or over a country.
    if (result.some((c) => c.loc >= 10 && overlaps(s, c))) continue;
    if (s.first === s.last && words[s.first].has('Country')) continue;
    if (s.type === 'ORG' && namesPlace(s, words)) continue;
    // "from Dec. 3 to Dec. 7": a month, a date or a holiday is never an organization.
    if (s.type === 'ORG' && s.first === s.last && timeTags.some((t) => words[s.first].has(t))) continue;
    for (let k = result.length - 1; k >= 0; k--) if (!result[k].kind && overlaps(s, result[k])) result.splice(k, 1);
    // A lone word the tagger reads as a person that compromise knows from no one's name ("Subscribe here", "American
    // Jews", "Western swing states") stays undecided: it is a person only if the story names one with it (resolution.ts).
    const unknownWord = s.type === 'PER' && s.first === s.last && !['Person', 'FirstName', 'LastName'].some((t) => words[s.first].has(t));
    result.push(s.type === 'PER' ? { ...organizationFromTagger(s), per: 4, org: 0, kind: unknownWord ? undefined : 'person' } : organizationFromTagger(s));
  }
  // Keep one candidate per word: the same tagger span may replace two candidates.
  const seen = new Set<string>();
  return (
    result
      .map((c) =>
        c.kind === 'person' && !c.tableEntry && endsAsInstitution(c, words)
          ? { ...c, kind: 'organization' as const, role: null }
          : c.kind === 'person' && !c.tableEntry && (teamBeforeRole(c, words) || firmBeforeItsOwner(c, words))
            ? // One word before its staff or its owner is the story's own word for a firm, which its other mentions follow.
              { ...c, kind: 'organization' as const, role: null, namedAsCompany: c.namedAsCompany || c.first === c.last }
            : c,
      )
      .map((c) => withRestOfLinkedName(withOfPhrase(c, words, result), words, result))
      .map((c) =>
        c.kind === 'person' && !c.tableEntry
          ? withoutMemberTitleAfter(withoutTitleTail(withoutMonthBefore(withoutWordsBeforeFirstName(c, words), words), words), words)
          : c,
      )
      .map((c) => (c.kind === 'organization' && !c.tableEntry ? withNameBeforeItsInitials(withNumberBefore(chamberWithoutParty(c, words), words), words) : c))
      .map((c) => (!c.describedAsOrganization && placeAfterPreposition(c, words) ? { ...c, namedAsPlace: true } : c))
      .map((c) => (!c.tableEntry && namedAsWork(c, words, result) ? { ...c, namedAsWork: true } : c))
      .map((c) => (c.kind === 'person' && !c.tableEntry && namesAffiliation(c, words) ? { ...c, namedAsAffiliation: true } : c))
      .map((c) =>
        c.kind &&
        !c.tableEntry &&
        (isTitleCaseRun(c, words) ||
          inTitleCaseRun(c, words, result) ||
          joinsTwoNames(c, words) ||
          fillsQuotation(c, words) ||
          c.namedAsWork ||
          (c.namedAsPlace && !c.describedAsOrganization) ||
          namesCourtCase(c, words) ||
          namesOneOfAKind(c, words) ||
          namesProduct(c, words) ||
          describesByOrigin(c, words) ||
          namesGamesOfTitle(c, words) ||
          namesGenreBeforeItsKind(c, words) ||
          namedBeforeItsKind(c, words) ||
          namedBeforeItsCast(c, words) ||
          opensWithQuestionWord(c, words) ||
          namesAPeople(c, words) ||
          namesTechnologyOrDisease(c, words) ||
          negatesName(c, words) ||
          // "PDAs", "MPs", "DVDs": an acronym in the plural names things or people, never one of them.
          (c.first === c.last && /^\p{Lu}{2,5}s$/u.test(words[c.first].text)) ||
          (c.kind === 'organization'
            ? namesNoOrganization(c, words) || isLawAlone(c, words) || placeBeforeRole(c, words) || isAdjectiveOfFaithOrRegion(c, words)
            : isTitleAlone(c, words) ||
              (c.first === c.last && (isEventWord(words[c.first].bare) || words[c.first].bare === 'games')) ||
              c.namedAsAffiliation ||
              namesThingAfterPerson(c, words) ||
              governedByTitle(c, words) ||
              nationalityAlone(c, words)) ||
          halfOfTitleAroundOf(c, words))
          ? { ...c, kind: undefined, firm: false }
          : c,
      )
      // An award stays one whatever the story's other mentions of the word are (resolution.ts).
      .map((c) => (!c.tableEntry && namesAnAward(c, words) ? { ...c, kind: undefined, firm: false, namedAsAward: true } : c))
      .filter((c) => {
        const key = `${c.first}:${c.last}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.first - b.first)
  );
}

/** Roles a team, a firm or a campaign gives ("Chelsea manager Jose Mourinho", "Acme spokesman Tom Vell"). */
const affiliationRoles =
  /^(?:manager|boss|coach|captain|striker|goalkeeper|keeper|midfielder|defender|winger|forward|chairman|owner|star|player|chief|executive|spokesman|spokeswoman)$/;

/** A firm's staff in the plural: "Railtrack managers Alistair Cook and Sean Fugill". */
const staffRoles = /^(?:managers|bosses|executives|directors|officials|engineers|workers|staff)$/;

/** A team's positions in rugby, before a player's name: "Bath prop Duncan Bell", "Gloucester centre Henry Paul". */
const rugbyPositions = /^(?:prop|centre|center|fly-half|scrum-half|hooker|lock|flanker|full-back|fullback|wing|number)$/;

/**
 * "inexperienced Sale Sharks prop Andrew Sheridan": a name of two words or more, opened by no first name, right
 * before a team's or a firm's lower-case role and a full name, is the team or the firm.
 */
function teamBeforeRole(c: SpanCandidate, words: Word[]): boolean {
  const role = words[c.last + 1];
  const [first, second] = [words[c.last + 2], words[c.last + 3]];
  if (words[c.first].has('FirstName') || isGivenName(words[c.first].bare) || role === undefined || role.capitalised) return false;
  // One word is the firm only where it is known from no one's name and the role is its staff: "Railtrack managers Alistair Cook".
  if (c.first === c.last && (!staffRoles.test(role.bare) || words[c.first].has('Person') || lexiconTags(words[c.first].bare) !== undefined)) return false;
  return (
    (affiliationRoles.test(role.bare) || rugbyPositions.test(role.bare) || staffRoles.test(role.bare)) &&
    /^\s+$/.test(words[c.last].post) &&
    /^\s+$/.test(role.post) &&
    first?.capitalised === true &&
    second?.capitalised === true &&
    role.sentenceId === words[c.last].sentenceId &&
    second.sentenceId === role.sentenceId
  );
}

/**
 * "Philip Green, the billionaire Bhs owner,": one word known from no one's name, between "the" (and its modifiers) and
 * its owner's or founder's noun, is the firm ("the Clinton spokesman" stays: Clinton is a known surname).
 */
function firmBeforeItsOwner(c: SpanCandidate, words: Word[]): boolean {
  const [name, role, next] = [words[c.first], words[c.last + 1], words[c.last + 2]];
  if (c.first !== c.last || !role || role.capitalised || !/^(?:owner|owners|founder|founders)$/.test(role.bare) || !/^\s+$/.test(name.post)) return false;
  if (['FirstName', 'LastName', 'Person'].some((t) => name.has(t)) || lexiconTags(name.bare) !== undefined || isGivenName(name.bare)) return false;
  if (next?.capitalised && next.sentenceId === role.sentenceId) return false;
  let k = c.first - 1;
  while (
    k >= 0 &&
    k >= c.first - 3 &&
    !words[k].capitalised &&
    !functionWords.has(words[k].bare) &&
    !words[k].has('Verb') &&
    words[k].sentenceId === name.sentenceId
  )
    k--;
  return words[k]?.fold === 'the' && words[k].sentenceId === name.sentenceId;
}

/**
 * "Chelsea manager Jose Mourinho": a lone first name right before a lower-case role and a full name says whose
 * the role is, a team's or a firm's, and is no person ("Hillary spokesman Brian Fallon" loses one mention of her).
 */
function namesAffiliation(c: SpanCandidate, words: Word[]): boolean {
  const name = words[c.first];
  const role = words[c.last + 1];
  const [first, second] = [words[c.last + 2], words[c.last + 3]];
  if (c.first !== c.last || !name.has('FirstName') || name.has('LastName') || role === undefined || role.capitalised) return false;
  return (
    affiliationRoles.test(role.bare) &&
    /^\s+$/.test(name.post) &&
    first?.capitalised === true &&
    second?.capitalised === true &&
    role.sentenceId === name.sentenceId
  );
}

/** What is named after a person: an airport, a library, a prize, an endowed chair. */
const namedAfterSomeone =
  /^(?:airport|library|center|centre|museum|memorial|bridge|stadium|arena|hall|building|tunnel|highway|expressway|park|school|college|university|hospital|foundation|institute|awards?|prize|scholarship|fellowship|professorship|chair|lecture|boulevard|avenue|street|square)$/;

/** The folded words right before a word, joined by spaces ("state of the" before "Union"). */
const wordsBefore = (words: Word[], at: number, count: number) =>
  words
    .slice(Math.max(0, at - count), at)
    .map((w) => w.fold)
    .join(' ');

/**
 * "Eternal Sunshine of the Spotless Mind", "European Businessman of the Year", "A Series of Unfortunate Events": two
 * capitalised runs joined by a lower-case "of the" or "of" in a sentence written in lower case are one title, a work's, an
 * award's or a clause's, when the run before it is of two words or more that read as no one's name and no body's:
 * no first name, no place, no word an organization ends or opens with, no title ("Ross Eisenbrey of the Economic
 * Policy Institute", "New Jersey Generals of the USFL", "Director of the Scottish Local Authority Management Centre"),
 * and the run after it names no body ("said Mujtaba Rahman of the Eurasia Group").
 */
function halfOfTitleAroundOf(c: SpanCandidate, words: Word[]): boolean {
  if (c.tableEntry) return false;
  // The link's length after a run ending at k: "of the" (2) or "of" (1) before a capitalised word; 0 for none.
  const linkAfter = (k: number) =>
    words[k + 1]?.fold !== 'of' ? 0 : words[k + 2]?.fold === 'the' ? (words[k + 3]?.capitalised ? 2 : 0) : words[k + 2]?.capitalised ? 1 : 0;
  let link = linkAfter(c.last);
  let runFirst = c.first;
  let runLast = c.last;
  if (link === 0) {
    link = words[c.first - 1]?.fold === 'the' && words[c.first - 2]?.fold === 'of' ? 2 : words[c.first - 1]?.fold === 'of' ? 1 : 0;
    if (link === 0) return false;
    runLast = c.first - 1 - link;
    runFirst = runLast;
    while (
      runFirst > 0 &&
      words[runFirst - 1].capitalised &&
      words[runFirst - 1].sentenceId === words[runLast]?.sentenceId &&
      /^\s+$/.test(words[runFirst - 1].post)
    )
      runFirst--;
  }
  if (runLast < 0 || runLast - runFirst < 1 || !words[runLast].capitalised) return false;
  const run = words.slice(runFirst, runLast + 1);
  const sentence = run[0].sentenceId;
  if (run.some((w) => w.sentenceId !== sentence || w.possessive || !w.capitalised || !/^\s+$/.test(w.post))) return false;
  // Not a heading in title case ("Trump Gives State of the Union Address"): a word of the sentence is written in lower case.
  if (!sentenceHasLowerCaseWord(words, runFirst)) return false;
  const opener = words[runFirst - 1];
  if (opener && opener.sentenceId === sentence && opener.capitalised && (honorifics.has(opener.bare) || roleWords.has(opener.bare))) return false;
  // "said Mujtaba Rahman of the Eurasia Group": after a speech verb, or before a body's name, the run is a person.
  if (opener && /^(?:said|says|told|to)$/.test(opener.fold)) return false;
  let tailLast = runLast + 1 + link;
  while (words[tailLast + 1]?.capitalised && words[tailLast + 1].sentenceId === sentence && /^\s+$/.test(words[tailLast].post)) tailLast++;
  const tail = words.slice(runLast + 1 + link, tailLast + 1);
  if (tail.some((w) => organizationEndings.has(w.bare) || organizationHeads.has(w.bare) || isInstitutionWord(w.bare) || /^\p{Lu}{2,}$/u.test(w.text)))
    return false;
  // "Shiu Ka-chun of the Social Welfare constituency": a tail before a lower-case noun describes where someone stands.
  const afterTail = words[tailLast + 1];
  if (
    afterTail?.sentenceId === sentence &&
    /^\s+$/.test(words[tailLast].post) &&
    /^\p{Ll}/u.test(afterTail.text) &&
    !afterTail.has('Verb') &&
    !functionWords.has(afterTail.bare)
  )
    return false;
  // A bare "of" joins a title only after an article that opens it ("The Dukes of Hazzard", "A Series of Unfortunate
  // Events"): "Holger Schmieding of Berenberg" is a man and his bank, "Baroness Royall of Blaisdon" a peer.
  if (link === 1 && !/^(?:The|A|An)$/.test(run[0].text)) return false;
  // "The Times of India", "the Voice of America": a body named for its country.
  if (link === 1 && tail.some(taggedAsPlace)) return false;
  const namesSomeoneOrSomething = (w: Word) =>
    w.has('FirstName') ||
    w.has('Person') ||
    isGivenName(w.bare) ||
    taggedAsPlace(w) ||
    organizationEndings.has(w.bare) ||
    organizationHeads.has(w.bare) ||
    isInstitutionWord(w.bare) ||
    honorifics.has(w.bare) ||
    roleWords.has(w.bare) ||
    /^\p{Lu}{2,}$/u.test(w.text);
  return !run.some(namesSomeoneOrSomething);
}

/** A word compromise tags as a place in this sentence (isPlaceWord also asks the tables and the lexicon). */
const taggedAsPlace = (w: Word) => ['Place', 'City', 'Country', 'Region'].some((t) => w.has(t));

/**
 * Standards and technologies that tech copy writes in capitals, or capitalises ("Sim cards"): no body and no one, though
 * an acronym otherwise weighs as an organization ("works over GPRS and GSM").
 */
const technologyTerms =
  /^(?:rss|gsm|gprs|umts|hsdpa|cdma|wcdma|lte|wap|sms|mms|voip|dsl|adsl|isdn|wi-fi|wifi|wimax|bluetooth|rfid|nfc|usb|hdmi|lcd|oled|dvd|dvds|mp3|mpeg|jpeg|html|http|pdf|gps|sim|cpu|gpu|ram|rom|hdtv|vhs|iptv|3g|4g|5g|tv|cd|pc)$/;

/** Common nouns the news writes as capitals ("a PR chief", "a DIY ethic", "the club's AGM"): no body and no one. */
const commonAcronyms = /^(?:pr|diy|agm|egm|gdp|gnp|vat|ipo|hq|faq|pfi|ivf|r&d)$/;

/** Diseases the news capitalises ("Tuberculosis", "TB", "Motor Neurone Disease"): no body and no one. */
const diseaseWords = /^(?:tuberculosis|tb|hiv|aids|sars|mrsa|malaria|cholera|ebola|polio|measles|anthrax|alzheimer's|parkinson's)$/;
const diseaseEndings = /^(?:disease|syndrome|sclerosis|fever|flu)$/;

function namesTechnologyOrDisease(c: SpanCandidate, words: Word[]): boolean {
  if (c.first === c.last && [technologyTerms, diseaseWords, commonAcronyms].some((terms) => terms.test(words[c.first].bare))) return true;
  // "popular US TV show", "the UK CD chart": a country before the medium says where, and names no body.
  if (c.last > c.first && technologyTerms.test(words[c.last].bare) && words.slice(c.first, c.last).every(isPlaceWord)) return true;
  // "Motor Neurone Disease", "Multiple Sclerosis"; not "Centers for Disease Control".
  if (c.last > c.first && diseaseEndings.test(words[c.last].bare) && !words.slice(c.first, c.last).some((w) => w.fold === 'of' || w.fold === 'for'))
    return true;
  // "sending them via MMS (Multimedia Messaging Services)", "Multimedia Messaging Services (MMS)": a technology's expansion.
  const [before, after] = [words[c.first - 1], words[c.last + 1]];
  const opensBracket = (w: Word) => /\(\s*$/.test(w.pre) || /\(\s*$/.test(words[w.index - 1]?.post ?? '');
  if (c.last > c.first && after && opensBracket(after) && /^\s*\)/.test(after.post) && technologyTerms.test(after.bare)) return true;
  // "Asymmetric Digital Subscriber Line technology": four words or more whose initials spell a technology (three
  // collide with names: "Shahawar Matin Siraj", "Saudi Interior Ministry").
  if (c.last > c.first + 2 && technologyTerms.test(initialsOf(words.slice(c.first, c.last + 1)).toLowerCase())) return true;
  return c.last > c.first && before !== undefined && opensBracket(words[c.first]) && /^\s*\)/.test(words[c.last].post) && technologyTerms.test(before.bare);
}

/**
 * "Non-European Union citizens": a name negated by its prefix describes who is outside it. Not "the non-profit
 * Sunlight Foundation": only a negated name, "Non-European".
 */
function negatesName(c: SpanCandidate, words: Word[]): boolean {
  const before = words[c.first - 1];
  const negated = (w: Word) => /^[Nn]on-\p{Lu}/u.test(w.text);
  return negated(words[c.first]) || (before?.sentenceId === words[c.first].sentenceId && negated(before) && / $/.test(before.post));
}

/** Titles held over a body, a firm or a work, never over a person: not "deputy", "aide" or "adviser" ("the deputy of Abu Talha"). */
const titlesOverBodies = /^(?:president|chairman|chairwoman|chairperson|chair|director|founder|co-founder|owner|ceo|editor|dean|chancellor|governor)$/;

/**
 * "president of Cesar organisers", "chairman of Morgan Stanley": a name right after the "of" of a lower-case title held
 * over a body is what the title governs, never the person who holds it ("secretary of State Hillary Clinton" opens
 * with the title's tail; "chairman of Hillary Clinton's campaign" governs her campaign, and names her).
 */
function governedByTitle(c: SpanCandidate, words: Word[]): boolean {
  const of = words[c.first - 1];
  const title = words[c.first - 2];
  return (
    of?.fold === 'of' &&
    title !== undefined &&
    !title.capitalised &&
    titlesOverBodies.test(title.bare.slice(title.bare.lastIndexOf('-') + 1)) &&
    !titleModifiers.has(words[c.first].bare) &&
    !words[c.last].possessive
  );
}

/**
 * "Ronald Reagan Washington National Airport", "the Lena Varga Memorial Prize", "the Frances Miller Chair in
 * Economic Policy": a person's name that runs on into a place, a prize or an endowed chair named after them does not
 * mention the person.
 */
function namesThingAfterPerson(c: SpanCandidate, words: Word[]): boolean {
  if (c.last > c.first && /^(?:chair|professorship|fellowship|lecture|awards?|prize|scholarship)$/.test(words[c.last].bare)) return true;
  // "Imam Khomeini International Airport": with a title cut off, the rest ends as a building does, which no surname does.
  if (
    c.last > c.first &&
    /^(?:airport|library|museum|stadium|arena|university|hospital|college|tunnel|highway|expressway|boulevard|avenue)$/.test(words[c.last].bare)
  )
    return true;
  let k = c.last;
  const joined = (a: Word, b: Word | undefined) => b !== undefined && b.capitalised && b.sentenceId === a.sentenceId && /^ $/.test(a.post) && !a.possessive;
  while (k - c.last < 4 && joined(words[k], words[k + 1])) k++;
  return k > c.last && namedAfterSomeone.test(words[k].bare);
}

/** "Roe v. Wade", "Bush v. Gore": the parties of a court case name the case, not who they are ("England v France", "Federer vs. Nadal" are matches). */
function namesCourtCase(c: SpanCandidate, words: Word[]): boolean {
  const versus = (k: number) =>
    words[k] !== undefined &&
    words[k].bare === 'v' &&
    (words[k].text.endsWith('.') || words[k].post.startsWith('.')) &&
    words[k].sentenceId === words[c.first].sentenceId;
  return (versus(c.last + 1) && words[c.last + 2]?.capitalised === true) || (versus(c.first - 1) && words[c.first - 2]?.capitalised === true);
}

/** Roles of a state's or a city's politics: "the Vermont senator" is from Vermont, while "Surrey captain" plays for Surrey, a team. */
const politicalRoles =
  /^(?:senator|governor|congressman|congresswoman|lawmaker|lawmakers|legislator|legislators|delegation|representative|mayor|official|officials|voters|native)$/;

/** "the Vermont senator", "the Ohio delegation", "any Texas Congressman": a state or a country before a political role says where someone is from. */
function placeBeforeRole(c: SpanCandidate, words: Word[]): boolean {
  const place = words[c.first];
  const next = words[c.last + 1];
  if (c.first !== c.last || !['Region', 'Country', 'City'].some((t) => place.has(t)) || place.has('Organization')) return false;
  return next !== undefined && next.sentenceId === place.sentenceId && /^\s+$/.test(place.post) && politicalRoles.test(next.bare);
}

/** "then-Secretary of State Hillary Clinton": after a lower-case title's "of", the words before a first name are the title's, and the whole is her role. */
/** "Paul Boateng MP, Labour's Chief Secretary": a member's title after a full name is the role, no part of the name. */
function withoutMemberTitleAfter(c: SpanCandidate, words: Word[]): SpanCandidate {
  const last = words[c.last];
  if (c.last - c.first < 2 || !(memberTitles.test(last.bare) || postNominals.test(last.bare)) || !/^\p{Lu}+$/u.test(last.text)) return c;
  return { ...c, last: c.last - 1 };
}

function withoutTitleTail(c: SpanCandidate, words: Word[]): SpanCandidate {
  // The title's capitalised tail may stand before the span ("State" read apart) or open it.
  let of = c.first - 1;
  while (of > 0 && words[of].capitalised && titleModifiers.has(words[of].bare) && words[of].sentenceId === words[c.first].sentenceId) of--;
  const title = words[of - 1];
  if (words[of]?.fold !== 'of' || title === undefined || title.capitalised || !honorifics.has(title.bare.slice(title.bare.lastIndexOf('-') + 1))) return c;
  // "chairman of Hillary Clinton's campaign": the title is the campaign's; she is named, with no role.
  if (governedByTitle(c, words) || (words[c.last].possessive && words[c.first - 1] === words[of])) return c;
  let first = c.first;
  if (!words[first].has('FirstName') && !isGivenName(words[first].bare)) {
    while (first < c.last && !words[first].has('FirstName') && !isGivenName(words[first].bare)) first++;
    if (first === c.last) return c;
  }
  const role = words
    .slice(of - 1, first)
    .map((w, k, all) => w.text + (k < all.length - 1 ? w.post : ''))
    .join('');
  return { ...c, first, role: c.role ?? role };
}

/**
 * Words that end an institution's name and no one's: not "Power" (Samantha Power), "Steel", "Post", "Press", "Church" or
 * "Court", which are surnames too.
 */
const institutionWords = new RegExp(
  '^(?:corp|corporation|company|limited|group|holdings|bank|trust|partners|associates|airlines|airways|motors|industries|systems|' +
    'technologies|communications|pharmaceuticals|petroleum|resources|mining|securities|capital|fund|investments|insurance|electronics|' +
    'chemicals|foods|stores|entertainment|publishing|studios|software|networks|enterprises|university|college|institute|institution|' +
    'school|academy|foundation|association|federation|society|organisation|organization|hospital|clinic|laboratories|realty|ministries|' +
    'committee|council|commission|ministry|department|agency|bureau|center|centre|club|games|ballet|orchestra|choir|philharmonic|ensemble)$',
);
/** An institution's word, or a company's trade as its last word ("Network Rail", "Stanley Leisure"). */
const isInstitutionWord = (bare: string): boolean => institutionWords.test(bare) || companyTradeWords.has(bare);

/** "Sarah Lawrence College", "Henry Realty", "Orrin Hale Ministries": a name that ends in an institution's word names the institution, whoever it is named after. */
function endsAsInstitution(c: SpanCandidate, words: Word[]): boolean {
  // compromise reads "Lawrence College" as a person's name throughout.
  if (c.last > c.first && words[c.last].capitalised && (isInstitutionWord(words[c.last].bare) || compoundInstitutionWord.test(words[c.last].bare))) return true;
  return c.last === c.first && isBrandCompound(words[c.first].text);
}

/** "Sun Microsystems", "Applied Biosystems", "Cable Telecommunications": an institution's word with a prefix of its own. */
const compoundInstitutionWord = /^\p{L}{3,}(?:systems|technologies|communications|pharmaceuticals|electronics|networks|industries|software|chemicals)$/u;

/**
 * "BuzzFeed", "HarperCollins", "BlazeTV": a word of two capitalised parts, the first of four letters or more, is
 * a firm's or a product's name. People's names put a capital after a short prefix only: "McCain", "DeVos",
 * "LaToya", "MacKenzie", "DiMaggio".
 */
function isBrandCompound(text: string): boolean {
  const inner = /^\p{Lu}(\p{Ll}{3,})\p{Lu}/u.exec(text);
  return inner !== null && !/^(?:itz|ander|ande)$/.test(inner[1]);
}

/** "In August Trump met...", "since May Smith has": a month after a preposition of time is no part of the name after it. */
function withoutMonthBefore(c: SpanCandidate, words: Word[]): SpanCandidate {
  const before = words[c.first - 1];
  if (c.last === c.first || !monthName.test(words[c.first].bare) || before?.sentenceId !== words[c.first].sentenceId) return c;
  return /^(?:in|since|until|till|by|during|through|from|last|next|early|late|mid|each|every|of)$/.test(before.fold) ? { ...c, first: c.first + 1 } : c;
}

/** Bodies known by a number ("the 6th Circuit Court of Appeals", "the 82nd Airborne Division"). */
const numberedBodies =
  /^(?:circuit|district|fleet|army|division|corps|regiment|battalion|brigade|infantry|airborne|cavalry|squadron|ward|precinct|congressional)$/;

/** "The 6th Circuit Court of Appeals": an ordinal in figures before a numbered body's name opens it (a capitalised one already does). */
function withNumberBefore(c: SpanCandidate, words: Word[]): SpanCandidate {
  const number = words[c.first - 1];
  if (!number || number.sentenceId !== words[c.first].sentenceId || !/^\d{1,3}(?:st|nd|rd|th)$/.test(number.text) || !/^ $/.test(number.post)) return c;
  return numberedBodies.test(words[c.first].bare) ? { ...c, first: c.first - 1 } : c;
}

/** "Republican House members", "a Democratic Senate": a party's word before a chamber says who holds seats in it; the organization is the chamber. */
function chamberWithoutParty(c: SpanCandidate, words: Word[]): SpanCandidate {
  if (c.last !== c.first + 1 || !/^(?:republican|democratic|gop)$/.test(words[c.first].bare) || !/^(?:house|senate)$/.test(words[c.last].bare)) return c;
  return { ...c, first: c.last };
}

/** Words that say someone's faith, politics or region: "Muslim communities", "Constitutional governance", "North American leaders". */
const faithPoliticsOrRegion =
  /^(?:muslim|christian|jewish|catholic|islamic|hindu|sikh|buddhist|mormon|evangelical|protestant|nazi|nazis|fascist|constitutional|establishment|north|south|east|west|central|western|eastern|northern|southern)$/;

/** An organization whose every word says a faith, a politics or a region (or a nationality) is an adjective, not a name. */
function isAdjectiveOfFaithOrRegion(c: SpanCandidate, words: Word[]): boolean {
  for (let k = c.first; k <= c.last; k++) if (!faithPoliticsOrRegion.test(words[k].bare) && !words[k].has('Demonym')) return false;
  return true;
}

/** "the Wall Street Journal/NBC News poll", "Bush/Kerry": two names joined by a slash are neither one name. */
function joinsTwoNames(c: SpanCandidate, words: Word[]): boolean {
  for (let k = c.first; k <= c.last; k++) if (/\p{L}\/\p{Lu}/u.test(words[k].text)) return true;
  return false;
}

const opensQuotation = /(?:["“‘]|'')$/;
const closesQuotation = /^[,.!?;:]?(?:["”’]|'')/;

/**
 * ''Opening Belle,'' “Gang of Eight,” ''The Big Short'', the alias "Richard Windsor": a name that is the whole of a
 * quotation is a title, a nickname or an alias in quotation marks, not the person or the organization itself.
 */
function fillsQuotation(c: SpanCandidate, words: Word[]): boolean {
  const the = words[c.first - 1]?.fold === 'the' && words[c.first - 1].sentenceId === words[c.first].sentenceId ? words[c.first - 1] : undefined;
  const opens = opensQuotation.test(words[c.first].pre) || (the !== undefined && opensQuotation.test(the.pre));
  return (opens && closesQuotation.test(words[c.last].post)) || insideQuotedTitle(c, words);
}

/** Small words a title leaves lower-case: "Meet the Press", "Talk Bernie to Me". */
const titleSmallWords = /^(?:the|a|an|of|to|and|in|on|for|at|by|with|from|or|is)$/;

/**
 * “Meet the Press”, “Talk Bernie to Me”, ''Bridget Jones's Diary'': a name inside a short quotation whose every other
 * word is capitalised or a title's small word is part of a work's title or a slogan, not a mention.
 */
function insideQuotedTitle(c: SpanCandidate, words: Word[]): boolean {
  // But a show may carry its host's or, opening its title, its network's name: “The Late Show with Stephen
  // Colbert”, ''Fox News Sunday''.
  if (c.tableEntry || words[c.first - 1]?.fold === 'with') return false;
  const fits = (w: Word | undefined) => w !== undefined && w.sentenceId === words[c.first].sentenceId && (w.capitalised || titleSmallWords.test(w.text));
  let open = c.first;
  while (!opensQuotation.test(words[open].pre)) {
    if (c.first - open >= 6 || !fits(words[open - 1]) || /[,.;:!?]/.test(words[open - 1].post)) return false;
    open--;
  }
  let close = c.last;
  while (!closesQuotation.test(words[close].post)) {
    if (close - c.last >= 6 || !fits(words[close + 1]) || /[,.;:!?]/.test(words[close].post)) return false;
    close++;
  }
  if (open === c.first && c.kind === 'organization') return false;
  return close - open >= 1 && close - open < 8 && (open < c.first || close > c.last);
}

/** Nouns that say the name after them is a work or a product, not who made it. */
const workNouns =
  /^(?:film|films|movie|biopic|novel|novella|book|memoir|autobiography|biography|album|song|track|documentary|featurette|musical|opera|sitcom|soap|serial|series|sequel|show|programme|program|podcast|epic|drama|comedy|thriller|franchise|game|games|virus|worm|trojan|app|painting|poem)$/;
/** Nouns of a work that are also common verbs: "polls show Sanders ahead", "to book Trump". */
const workNounsAlsoVerbs = /^(?:show|book|program|programme|drama)$/;

/**
 * "the rhythm game Donkey Konga", "the album Joshua Tree", "the MyDoom virus", "The Laura Ingraham Show", "the series The
 * Next Generation", "games such as The Sims": a lower-case noun of a work or a product before the name (past "The", "such
 * as", "like" or "including"), or for a virus right after it, says what the name is. Resolution reads every other
 * mention of a work of two words or more as the work too.
 */
function namedAsWork(c: SpanCandidate, words: Word[], candidates: readonly SpanCandidate[]): boolean {
  const after = words[c.last + 1];
  const sameSentence = (w: Word | undefined) => w !== undefined && w.sentenceId === words[c.first].sentenceId && !w.capitalised;
  // "the series The Next Generation", "games such as The Sims", "films like Alexander": past "The" and "such as" or "like".
  let k = c.first - 1;
  // "the hit track Lady Marmalade", "the film Mrs Doubtfire": past a title the candidate left out of the name.
  if (words[k]?.capitalised && honorifics.has(words[k].bare) && /^\s+$/.test(words[k].post)) k--;
  if (words[k]?.bare === 'the' && /^\s+$/.test(words[k].post)) k--;
  if (namedAfterWorkCue(c, words, candidates)) return true;
  // "the game Grand Theft Auto: San Andreas": a work's subtitle after its colon is the work too.
  const title = /^:\s+$/.test(words[c.first - 1]?.post ?? '') ? candidates.find((o) => o.last === c.first - 1 && o !== c) : undefined;
  if (title && namedAsWork(title, words, candidates)) return true;
  if (words[k]?.fold === 'as' && words[k - 1]?.fold === 'such') k -= 2;
  else if (words[k]?.fold === 'like' || words[k]?.fold === 'including') k--;
  const noun = words[k];
  // A verb is no noun of a work: "trying to show Bernie Sanders isn't", "polls show Sanders ahead" ("horror film The Grudge" is one).
  // "talent show The X Factor", "chat show Parkinson": a kind of show before it makes "show" the noun.
  const kindOfWork =
    words[k - 1] !== undefined && /^(?:talent|chat|game|quiz|reality|cookery|breakfast|variety|sketch|panel|tv|television|radio)$/.test(words[k - 1].fold);
  // "Robbie Williams track Misunderstood", "the track Lose Yourself"; not "to fast track Obama's plan".
  const trackOfWork =
    noun?.fold !== 'track' ||
    words[k - 1]?.capitalised === true ||
    /^(?:the|a|new|latest|title|bonus|unreleased|hit|debut|lead)$/.test(words[k - 1]?.fold ?? '');
  // "her debut hit Genie in a Bottle", "the smash hit Mamma Mia"; not "the strike hit British Airways".
  const hitOfWork =
    noun?.fold === 'hit' &&
    /^(?:debut|smash|chart|biggest|big|latest|first|surprise|massive|huge|one|critical|cult|sleeper|summer|box-office)$/.test(words[k - 1]?.fold ?? '');
  if (
    sameSentence(noun) &&
    (workNouns.test(noun.fold) || hitOfWork) &&
    trackOfWork &&
    !(noun.has('Verb') && workNounsAlsoVerbs.test(noun.fold) && !kindOfWork) &&
    /^\s+$/.test(noun.post)
  )
    return true;
  if (
    namedAfterItsMaker(c, words, candidates) ||
    describedAsWorkAfter(c, words) ||
    inListOfWorks(c, words) ||
    namedBetweenCommasAfterWorkNoun(c, words) ||
    namedBeforeItsMaker(c, words) ||
    namedBeforeItsAuthor(c, words)
  )
    return true;
  // "The Laura Ingraham Show": a programme by its host's name.
  if (c.last > c.first && words[c.last].capitalised && /^(?:show|podcast)$/.test(words[c.last].bare)) return true;
  return sameSentence(after) && /^(?:virus|worm|trojan)$/.test(after!.fold) && /^\s+$/.test(words[c.last].post);
}

/**
 * "David Vell's Booker-shortlisted novel, Cloud Atlas, makes", "a short story, The Greatest Gift, by", "the album's
 * second single, What Happens Tomorrow.": a work's title set off by commas right after the noun of a work. Not a
 * person ("In the film, Hanks plays"): the name opens with no first name, and a comma, a full stop or "by" closes it.
 */
function namedBetweenCommasAfterWorkNoun(c: SpanCandidate, words: Word[]): boolean {
  // Past a title's own "The".
  const the = words[c.first - 1]?.fold === 'the' && /^\s+$/.test(words[c.first - 1].post) ? 1 : 0;
  const noun = words[c.first - 1 - the];
  const after = words[c.last + 1];
  if (!noun || noun.capitalised || noun.sentenceId !== words[c.first].sentenceId || !/^,\s+$/.test(noun.post)) return false;
  if (!(workNouns.test(noun.fold) || noun.fold === 'single' || noun.fold === 'story') || noun.has('Verb')) return false;
  if (words[c.first].has('FirstName') || isGivenName(words[c.first].bare)) return false;
  // A paragraph's last words close it too: "on the BBC World Service programme, Go Digital" ends a story.
  if (!after) return true;
  return /^\s*[,.;]/.test(words[c.last].post) || (after.fold === 'by' && after.sentenceId === noun.sentenceId && /^\s+$/.test(words[c.last].post));
}

/**
 * "Roy Lichtenstein's Blue Nude", "Philip Roth's The Plot Against America": a title right after the possessive of a
 * person named in full, in a paragraph about works, is that person's work. Not a body the person runs ("Rupert
 * Murdoch's News Corporation"), which ends as a body's name does, or which a sentence about firms names.
 */
function namedAfterItsMaker(c: SpanCandidate, words: Word[], candidates: readonly SpanCandidate[]): boolean {
  // Past the title's own "The" ("Philip Roth's The Plot Against America") and the possessive's empty word.
  let k = c.first - 1;
  if (words[k]?.text === 'The') k--;
  const possessiveEnd = k;
  while (k >= 0 && words[k].text === '') k--;
  const maker = candidates.find((o) => o.last === k || o.last === possessiveEnd);
  if (!maker || maker.kind !== 'person' || maker.last === maker.first || !words[maker.last].possessive || !/^\s*$/.test(words[maker.last].post)) return false;
  const span = words.slice(c.first, c.last + 1);
  if (
    organizationEndings.has(words[c.last].bare) ||
    isInstitutionWord(words[c.last].bare) ||
    span.some((w) => organizationHeads.has(w.bare)) ||
    (span.length <= 2 && isPlaceWord(words[c.last]))
  )
    return false;
  // The subject of a work, not the work: "Martin Scorsese's Howard Hughes biopic".
  const after = words[c.last + 1];
  if (
    after &&
    after.sentenceId === words[c.last].sentenceId &&
    !after.capitalised &&
    /^\s+$/.test(words[c.last].post) &&
    !functionWords.has(after.bare) &&
    !after.has('Verb')
  )
    return false;
  if (
    !words.some(
      (w) =>
        !w.capitalised && (workNouns.test(w.fold) || pluralWorkNouns.test(w.fold) || /^(?:works|pictures|portrait|portraits|canvas|canvases)$/.test(w.fold)),
    )
  )
    return false;
  // A sentence about companies names the person's firm: "production companies ... including Steve Coogan's Baby Cow".
  const sentence = words[c.first].sentenceId;
  return !words.some((w) => w.sentenceId === sentence && /^(?:company|companies|firm|firms|label|labels|studio|studios)$/.test(w.fold));
}

/** "Phoenix Nights creator Peter Kay", "Quantum Leap actor Scott Bakula": the work before its maker's or its actor's full name. */
function namedBeforeItsMaker(c: SpanCandidate, words: Word[]): boolean {
  const [maker, first, second] = [words[c.last + 1], words[c.last + 2], words[c.last + 3]];
  if (!maker || !first || !second || maker.capitalised || !/^(?:creator|co-creator|actor|actress)$/.test(maker.fold)) return false;
  if (!/^\s+$/.test(words[c.last].post + maker.post + first.post) || first.sentenceId !== words[c.first].sentenceId) return false;
  return first.capitalised && second.capitalised && (first.has('FirstName') || isGivenName(first.bare));
}

/** Who an award names for a work: "best actor for", "most promising playwright for". */
const performerNouns = /^(?:actor|actress|performer|newcomer|playwright|screenwriter|soloist)$/;

/** Words that make a sentence one about works: "has been named best new play". */
const aboutWorksWords =
  /^(?:play|plays|novel|novels|book|books|film|films|album|albums|song|songs|musical|opera|best|award|awards|prize|prizes|shortlist|shortlisted|premiere|staged|published|winner|winners|bestseller|bestselling)$/;

/**
 * "The History Boys by Alan Bennett has been named best new play": a title before "by" and its author's full name, in a
 * sentence about works ("Previous winners include White Teeth by Zadie Smith"). Not a team before its scorer in a match
 * report ("a goal for Arsenal by Thierry Henry"), nor a person's full name ("a portrait of Ana Ruiz by Tom Vell").
 */
function namedBeforeItsAuthor(c: SpanCandidate, words: Word[]): boolean {
  const [by, first, second] = [words[c.last + 1], words[c.last + 2], words[c.last + 3]];
  const sentence = words[c.first].sentenceId;
  if (words[c.first].has('FirstName') || isGivenName(words[c.first].bare) || !by || by.fold !== 'by' || !first || !second || second.sentenceId !== sentence)
    return false;
  if (
    !first.capitalised ||
    !second.capitalised ||
    !(first.has('FirstName') || first.has('Person') || isGivenName(first.bare)) ||
    !/^\s+$/.test(words[c.last].post + by.post + first.post)
  )
    return false;
  if (organizationEndings.has(words[c.last].bare)) return false;
  return words.some((w) => w.sentenceId === sentence && aboutWorksWords.test(w.fold) && !w.capitalised);
}

/** What only a work has: "her version of Giselle", "the UK premiere of Polar Express". */
const versionNouns =
  /^(?:version|versions|staging|stagings|adaptation|adaptations|recording|recordings|remake|revival|rendition|remix|premiere|premieres|screening|screenings)$/;

/** A star of a work: "Ana Ruiz, star of Bride and Prejudice". */
const starWords = /^(?:star|stars|co-star)$/;

/** What a film's nominee is up for, or an actor's award: "best actress", "nominated", "Bafta". */
const filmAwardWords = /^(?:award|awards|nominated|nomination|nominations|nominee|nominees|nods?|best|category|oscars?|baftas?|prize|film|films|movie|movies)$/;

/**
 * A work named after the words that say it is one, past the other titles of its list: "Ana Ruiz, star of Bride and
 * Prejudice"; "her roles in Eternal Sunshine and Finding Neverland" (not "a role in the U.N. Security Council"); in a sentence about films or awards, "Charlize Theron
 * for Monster", "It is up against Finding Neverland, The Motorcycle Diaries and Vera Drake". Not a name before a
 * lower-case noun ("star of the TLC reality show": the channel).
 */
function namedAfterWorkCue(c: SpanCandidate, words: Word[], candidates: readonly SpanCandidate[]): boolean {
  const sentence = words[c.first].sentenceId;
  const inSentence = (k: number) => words[k]?.sentenceId === sentence;
  const after = words[c.last + 1];
  if (inSentence(c.last + 1) && !after.capitalised && /^\s+$/.test(words[c.last].post) && !functionWords.has(after.fold) && !after.has('Verb')) return false;
  // Back over the list's other titles: capitalised words, "and", "the", and an "of" inside a title ("Sunshine of the Spotless").
  let k = c.first - 1;
  const insideTitle = (i: number) => words[i].fold === 'of' && words[i - 1]?.capitalised === true && inSentence(i - 1) && !starWords.test(words[i - 1].fold);
  // Not past a person's title: "the Star of David, Speaker of the House Rep. Paul Ryan".
  while (k > c.first - 16 && inSentence(k) && (words[k].capitalised || /^(?:and|the)$/.test(words[k].fold) || insideTitle(k)) && !honorifics.has(words[k].bare))
    k--;
  const [cue, before] = [words[k], words[k - 1]];
  if (!inSentence(k) || !inSentence(k - 1)) return false;
  if (cue.fold === 'of' && starWords.test(before.fold)) return true;
  // "Her version of Giselle", "a new staging of Tosca": only a work has versions and stagings; not a singer's ("her recording
  // of Whitney's hit"), nor a person named in full ("the version of Donald Trump that worries me").
  if (cue.fold === 'of' && k === c.first - 1 && versionNouns.test(before.fold) && !words[c.last].possessive) {
    const fullName = c.last > c.first && (words[c.first].has('FirstName') || isGivenName(words[c.first].bare));
    const surnameOfNamed = candidates.some((o) => o !== c && o.kind === 'person' && o.last > o.first && words[o.last].bare === words[c.last].bare);
    if (!fullName && !surnameOfNamed) return true;
  }
  if (cue.fold === 'in' && /^(?:roles|starred|starring)$/.test(before.fold)) return true;
  // Past here a list may name nominees as well as films: "up against Blanchett, Heather Craney and Meryl Streep" (so "Vera Drake" stays).
  if (words[c.first].has('FirstName') || isGivenName(words[c.first].bare)) return false;
  let aboutAwards: boolean | undefined;
  const sentenceAboutAwards = () => (aboutAwards ??= words.some((w) => w.sentenceId === sentence && filmAwardWords.test(w.fold)));
  if (cue.fold === 'against' && before.fold === 'up') return sentenceAboutAwards();
  const nominee = candidates.some((o) => o !== c && o.kind === 'person' && o.last === k - 1);
  // "best actor for One Flew Over the Cuckoo's Nest", "best Shakespearean performer for Measure for Measure".
  // Not whoever staged it: "best supporting actress for the RSC's All's Well That Ends Well".
  if (cue.fold === 'for' && performerNouns.test(before.fold)) return !words[c.last].possessive && sentenceAboutAwards();
  return cue.fold === 'for' && k === c.first - 1 && nominee && sentenceAboutAwards();
}

/** Works in the plural, before a list of them: "such classics as", "hits including", "films like". */
const pluralWorkNouns =
  /^(?:songs|hits|classics|films|movies|albums|singles|tracks|novels|books|shows|series|programmes|programs|games|plays|musicals|dramas|sitcoms|numbers|tunes|ballads|anthems|operas|poems|paintings)$/;

/**
 * "such classics as Super Trouper, SOS and Dancing Queen": every item of a list of works, past the names and the
 * commas before it, back to the plural noun of a work that introduces the list.
 */
function inListOfWorks(c: SpanCandidate, words: Word[]): boolean {
  return pluralWorkNouns.test(listNoun(words, c.first, true)?.fold ?? '');
}

/**
 * "Grange Hill, the school-based drama serial which ...", "Vera Drake - Leigh's 1950s drama about": an appositive
 * after the name whose head noun is a work's. The head is the noun that closes the appositive: "Tom Vell, the film star" is a star.
 */
function describedAsWorkAfter(c: SpanCandidate, words: Word[]): boolean {
  const article = words[c.last + 1];
  // Set off by a comma or a dash; opened by an article, or by whose work it is ("Vera Drake - Leigh's 1950s drama about").
  if (!article || !/^(?:,|\s[-–—])\s+$/.test(words[c.last].post) || article.sentenceId !== words[c.last].sentenceId) return false;
  if (!/^(?:the|a|an|his|her|their)$/.test(article.text) && !(article.possessive && article.capitalised && /^\s+$/.test(article.post))) return false;
  for (let k = c.last + 2; k <= c.last + 6 && k < words.length; k++) {
    const w = words[k];
    if (w.capitalised || w.sentenceId !== article.sentenceId) return false;
    const next = words[k + 1];
    const closes = /[,;:.!?)]/.test(w.post) || !next || /^(?:which|that|who|and|was|is|has|had|first|in|on|for|by|from|with|about)$/.test(next.fold);
    if (closes) return workNouns.test(w.fold);
  }
  return false;
}

/** "Q: Does Marco Rubio?": a question's verb opens no one's name, wherever the sentence seems to start. */
const auxiliaryVerbs = /^(?:do|does|did|is|are|was|were|has|have|had)$/;

/** People of a nation, as a noun before a name ("Briton Hayley Yelling", "Scot Kathy Butler"). */
const nationalityNouns =
  /^(?:briton|scot|scotsman|scotswoman|welshman|welshwoman|englishman|englishwoman|irishman|irishwoman|frenchman|frenchwoman|dutchman|dutchwoman|ulsterman|dane|swede|finn|pole|turk|kiwi|aussie)$/;

/**
 * "The 22-year-old Scot finished fourth", "fellow Briton Tim Abeyie": a nationality noun alone after a lower-case word
 * is someone described, not named (not "Finn", "Pole" or "Dane" alone, which are names too).
 */
function nationalityAlone(c: SpanCandidate, words: Word[]): boolean {
  const before = words[c.first - 1];
  return (
    c.first === c.last &&
    nationalityNouns.test(words[c.first].bare) &&
    !/^(?:finn|pole|turk|dane|swede)$/.test(words[c.first].bare) &&
    before !== undefined &&
    before.sentenceId === words[c.first].sentenceId &&
    !before.capitalised
  );
}

/**
 * "Backbencher Stephen Pound said", "Euro MP Robert Kilroy-Silk": words before a first name that
 * compromise knows as no part of anyone's name (a role, a title it does not list, a question's verb)
 * are cut off, when a first name and at least one more word are left.
 */
function withoutWordsBeforeFirstName(c: SpanCandidate, words: Word[]): SpanCandidate {
  if (c.last > c.first && auxiliaryVerbs.test(words[c.first].bare)) return { ...c, first: c.first + 1 };
  // "in-form Scot Kathy Butler", "Dane Peter Brask": a nationality that is also a first name, before a first name and a surname.
  if (c.last - c.first >= 2 && nationalityNouns.test(words[c.first].bare) && (words[c.first + 1].has('FirstName') || isGivenName(words[c.first + 1].bare)))
    return { ...c, first: c.first + 1 };
  // "Moroccan Brahim El Haddaoui": a nationality before a name of three words or more is the person's, not their name's.
  if (c.last - c.first >= 3 && isNationality(words[c.first]) && !words[c.first].has('FirstName')) return { ...c, first: c.first + 1 };
  // "Will Sanders come down off the pique?": "Will" opening a question asks it; it is no first name there.
  if (c.last > c.first && words[c.first].bare === 'will' && asksQuestion(words, c.first) && bareVerbAfter(words, c.last)) return { ...c, first: c.first + 1 };
  for (let k = c.first; k < c.last; k++) {
    const w = words[k];
    if (k > c.first && w.has('FirstName')) return { ...c, first: k };
    // "J. Michael Pearson": an initial before the first name is the name's.
    if (w.has('Person') || w.has('FirstName') || w.has('LastName') || !w.capitalised || /^\p{Lu}\.?$/u.test(w.text)) return c;
  }
  return c;
}

/** Peoples and faiths the lexicon does not know as nationalities. */
const peoplesAndFaiths =
  /^(?:kurds|sunnis|shiites|shias|alawites|yazidis|pashtuns|tamils|sikhs|hindus|muslims|christians|jews|catholics|protestants|evangelicals|mormons|islamists|jihadists|gypsies|gypsy|romany|hutus?|tutsis?|uighurs?|uyghurs?|bedouins?|maoris?|inuit)$/;

/**
 * "the Kurds", "the Afghans", "radicalized Islamists", "mainly Jews": a people or a faith in the plural is no one's name;
 * nor is a people's name before what it describes ("Gypsy sites", "Hutu militias").
 */
function namesAPeople(c: SpanCandidate, words: Word[]): boolean {
  const w = words[c.first];
  return c.first === c.last && ((w.has('Demonym') && w.has('Plural')) || peoplesAndFaiths.test(w.bare));
}

/** Tags of a word that a name cannot modify as an adjective would: after the name, it ends the noun phrase (not a verb: compromise tags "rally" and "interview" so). */
const phraseEnders = ['Preposition', 'Conjunction', 'Pronoun', 'Determiner', 'QuestionWord'];

/**
 * "Findlay is a Londoner who", "his career as a Royal Marine before": a name after "a" or "an" that heads its noun
 * phrase names one of a kind, not someone or a body. One that modifies a noun still names it ("an Apple spokesman",
 * "an MTV and BET town hall"), and so do a person's full name ("not a Mitt Romney") and a body's ("an Asian
 * Infrastructure Investment Bank in June").
 */
function namesOneOfAKind(c: SpanCandidate, words: Word[]): boolean {
  const before = words[c.first - 1];
  if (!before || !/^an?$/.test(before.text) || before.sentenceId !== words[c.first].sentenceId) return false;
  if (c.kind === 'person' ? c.first !== c.last : organizationEndings.has(words[c.last].bare) || words[c.last].bare === 'force') return false;
  const after = words[c.last + 1];
  if (!after || after.sentenceId !== words[c.last].sentenceId || /[,;:.!?)"”]/.test(words[c.last].post)) return true;
  return !after.capitalised && !/^(?:and|or|&)$/.test(after.text) && phraseEnders.some((t) => after.has(t));
}

/** Car brands, as opposed to the makers' company names ("General Motors", "Toyota Motor"). */
const carBrands =
  /^(?:chevrolet|chevy|gmc|cadillac|buick|pontiac|isuzu|lexus|acura|infiniti|jeep|dodge|vauxhall|peugeot|citroen|toyota|honda|nissan|mazda|subaru|hyundai|kia|volvo|audi|bmw|ford)$/;

/** What may follow a product's name as its model: "Xbox 360", "Windows XP", "iPod Mini", "PlayStation Portable". */
const modelWord = /^(?:\d+\w*|[ivx]+|xp|vista|me|nt|one|mini|nano|shuffle|touch|classic|portable|vita|vr|live|pro|max|plus|air|mobile|network|store|pc)$/;

/**
 * "the Xbox 360", "Sony's PSP", "Mozilla Firefox", "Internet Explorer 6": a product, by its name alone or after its
 * maker's, and a model after it. A longer name that opens with one is something else ("Windows XP Counterfeit Project").
 */
function namesProduct(c: SpanCandidate, words: Word[]): boolean {
  const folds = words.slice(c.first, c.last + 1).map((w) => w.bare);
  // "the Chevrolet Avalanche", "17,815 Buick Raniers": a car's brand before its model's name (not "Toyota Motor Corp").
  const lastFold = folds[folds.length - 1];
  if (
    folds.length > 1 &&
    carBrands.test(folds[0]) &&
    !isGivenName(folds[0]) &&
    !organizationEndings.has(lastFold) &&
    !isInstitutionWord(lastFold) &&
    !/^motors?$/.test(lastFold)
  )
    return true;
  // "the iPod Mini": a model after a product's name in lower case, which opened no candidate.
  const before = words[c.first - 1];
  if (before && productNames.has(before.bare) && /^\s*$/.test(before.post) && folds.every((f) => modelWord.test(f))) return true;
  for (let start = 0; start <= 1 && start < folds.length; start++)
    for (let end = folds.length; end > start; end--)
      if (productNames.has(folds.slice(start, end).join(' ')) && folds.slice(end).every((f) => modelWord.test(f))) return true;
  // "the Xbox game Halo 2", "PlayStation games": a product and the kind of thing made for it.
  const kindAfterProduct = folds.findIndex((f, k) => k > 0 && /^(?:games?|consoles?|titles?|software|version)$/.test(f) && !words[c.first + k].capitalised);
  return kindAfterProduct > 0 && productNames.has(folds.slice(0, kindAfterProduct).join(' '));
}

/** Who plays it: "pop star", "R&B singer", "rock band". */
const performerWords =
  /^(?:star|stars|singer|singers|band|bands|group|act|artist|legend|icon|diva|duo|trio|musician|rapper|producer|veteran|sensation|outfit|queen|king|idol|singer-songwriter)$/;

/**
 * "Pop star Christina Aguilera", "R&B singer Usher", "Horror movie The Grudge", "the Pop movement": a kind of music or
 * film before its performer, a work or its movement, capitalised where it opens a sentence or as a movement's name.
 */
function namesGenreBeforeItsKind(c: SpanCandidate, words: Word[]): boolean {
  const after = words[c.last + 1];
  const genre = words
    .slice(c.first, c.last + 1)
    .map((w) => w.bare)
    .join(' ');
  return (
    genreWords.test(genre) &&
    after !== undefined &&
    after.sentenceId === words[c.last].sentenceId &&
    !after.capitalised &&
    (performerWords.test(after.fold) || workNouns.test(after.fold) || after.fold === 'movement')
  );
}

/**
 * Kinds of thing whose name goes before them in lower case, never a body's or a person's: "the Cell processor", "the St
 * Galmier event", "the Shore Club hotel" (a venue, where something happened).
 */
const thingKinds =
  /^(?:processor|processors|chip|chips|chipset|console|consoles|handset|handsets|event|competition|contest|scheme|hotel|restaurant|nightclub|stadium|arena|document|documents|application|add-in)$/;

/**
 * "the Cell processor", "Sun's quarterly Network Computing event", "the Fonteyn Nureyev Young Dancers competition": a
 * name between "the" (or a possessive, or a lower-case word) and the lower-case noun of a thing is that thing. A known
 * organization before it is the thing's maker or host (the table keeps "the Sony console" Sony's), and so is one in
 * capitals ("a recent POLITICO event").
 */
function namedBeforeItsKind(c: SpanCandidate, words: Word[]): boolean {
  const [before, after] = [words[c.first - 1], words[c.last + 1]];
  if (!after || after.capitalised || after.sentenceId !== words[c.last].sentenceId || !/^\s+$/.test(words[c.last].post) || !thingKinds.test(after.fold))
    return false;
  if (words.slice(c.first, c.last + 1).every((w) => !/\p{Ll}/u.test(w.text))) return false;
  // "at Rice's hotel": a possessive owns the thing, and is no name of it.
  if (words[c.last].possessive) return false;
  return (
    before !== undefined &&
    before.sentenceId === words[c.first].sentenceId &&
    /^\s+$/.test(before.post) &&
    (before.fold === 'the' || before.possessive || !before.capitalised)
  );
}

/**
 * "the return of Doctor Who", "a celebrity edition of Who Wants to be a Millionaire?": a question word opens no
 * one's name (the capitals "WHO" are the World Health Organization's).
 */
function opensWithQuestionWord(c: SpanCandidate, words: Word[]): boolean {
  const first = words[c.first];
  return /^\p{Lu}\p{Ll}+$/u.test(first.text) && lexiconTags(first.bare)?.includes('QuestionWord') === true;
}

/**
 * "former EastEnders actress Danniella Westbrook", "Holby City actor Jeremy Edwards": a name right before "actor" or
 * "actress" and a name is the show or the film the actor is known from, no body and no person.
 */
function namedBeforeItsCast(c: SpanCandidate, words: Word[]): boolean {
  const [noun, name] = [words[c.last + 1], words[c.last + 2]];
  if (!noun || !name || noun.capitalised || !/^(?:actor|actress)$/.test(noun.bare) || !name.capitalised) return false;
  return noun.sentenceId === words[c.last].sentenceId && /^\s+$/.test(words[c.last].post) && /^\s+$/.test(noun.post) && !words[c.last].possessive;
}

/** Awards known by one word, which is also a first name for some ("Oscar", "Tony"). */
// Not "awards": "battle for Bafta awards" may be the academy's.
const awardNouns = /^(?:prizes?|nominations?|nominees?|nods?|winners?|ceremony)$/;
const awardWords = /^(?:oscars?|emmys?|grammys?|baftas?|tonys?|oliviers?|golden globes?|c[eé]sars?|goyas?)$/;

/**
 * "Oscar nominee Alan Alda", "nominated for an Oscar", "the Oscars": an award, not a person. Only where the
 * words around say so: "Oscar said" may be a person the story names by his first name.
 */
function namesAnAward(c: SpanCandidate, words: Word[]): boolean {
  if (
    !awardWords.test(
      words
        .slice(c.first, c.last + 1)
        .map((w) => w.bare)
        .join(' '),
    )
  )
    return false;
  const before = words[c.first - 1];
  const after = words[c.last + 1];
  const sameSentence = (w: Word | undefined) => w !== undefined && w.sentenceId === words[c.first].sentenceId;
  if (/s$/.test(words[c.last].bare) || (sameSentence(before) && /^(?:an?|the|this|his|her|their|its|honorary)$/.test(before!.text))) return true;
  // "Cesar prize nods": a headline's noun the lexicon may read as a verb still says award, where "Oscar said" does not.
  // "went on to win Grammy awards": the lexicon reads "awards" as a verb; "Bafta" is also the academy that gives them.
  const awards = after?.bare === 'awards' && !/^baftas?$/.test(words[c.first].bare);
  return sameSentence(after) && !after!.capitalised && (!after!.has('Verb') || awardNouns.test(after!.bare) || awards) && /^[\s-]+$/.test(words[c.last].post);
}

/** "agreed the Act was discriminatory": a law named by its kind alone is no organization. */
const isLawAlone = (c: SpanCandidate, words: Word[]) => c.first === c.last && /^(?:act|amendment|treaty|accords?|constitution)$/.test(words[c.first].bare);

/** Whether a verb in its bare form follows the word at k: "(Will Sanders) come down". */
function bareVerbAfter(words: Word[], k: number): boolean {
  const next = words[k + 1];
  return (
    next !== undefined &&
    next.sentenceId === words[k].sentenceId &&
    /^ $/.test(words[k].post) &&
    !next.capitalised &&
    (lexiconTags(next.fold) ?? []).includes('Infinitive')
  );
}

/** Whether the word opens its sentence and the sentence ends with a question mark. */
function asksQuestion(words: Word[], k: number): boolean {
  const sentence = words[k].sentenceId;
  if (words[k - 1]?.sentenceId === sentence) return false;
  let end = k;
  while (words[end + 1]?.sentenceId === sentence) end++;
  return /\?/.test(words[end].post);
}

/** What a champion or a medallist won: "Sydney Olympic 100m champion", "World and Commonwealth 100m champion". */
const titleAfterGames = /^(?:\d\S*|champion|champions|gold|silver|bronze|medallist|medallists|medalist|medalists|finalist|finalists|record|title)$/;

/**
 * "Sydney Olympic 100m champion", "World and Commonwealth 100m champion": the games of a sports title, not a
 * person or an organization ("Commonwealth leaders met" keeps it).
 */
function namesGamesOfTitle(c: SpanCandidate, words: Word[]): boolean {
  const next = words[c.last + 1];
  return (
    /^(?:olympic|olympics|paralympic|commonwealth)$/.test(words[c.last].bare) &&
    next?.sentenceId === words[c.last].sentenceId &&
    /^\s+$/.test(words[c.last].post) &&
    titleAfterGames.test(next.fold)
  );
}

/**
 * "the Corkman quickly held his hands up", "the Cobhwoman", "the Welshman": a man or a woman by where they come from,
 * after "the" or from a nationality, is a description, not a name (the newspaper "The Scotsman" reads the same and is
 * lost with them).
 */
function describesByOrigin(c: SpanCandidate, words: Word[]): boolean {
  const w = words[c.first];
  if (c.first !== c.last || !/^\p{Lu}\p{Ll}{2,}(?:man|woman|men|women)$/u.test(w.text)) return false;
  if (/^(?:english|french|welsh|scots|irish|dutch|cornish)(?:man|woman|men|women)$/.test(w.bare)) return true;
  const article = words[c.first - 1];
  const next = words[c.first + 1];
  return (
    article?.bare === 'the' && article.sentenceId === w.sentenceId && /^\s+$/.test(article.post) && !(next?.sentenceId === w.sentenceId && next.capitalised)
  );
}

/** Words a name never holds capitalised after its first word ("A" may be an initial, "I" a king's number). */
const titleCaseFunctionWords =
  /^(?:my|your|our|if|this|these|the|an|for|of|and|to|in|on|with|you|is|it|at|by|from|or|as|are|was|not|no|its|his|her|their|we|me)$/;

/**
 * "Design For Life", "If You Tolerate This", "My Heart is My Own", "Donald Trump Tweets A Wildly
 * Inaccurate Graphic": a run of capitalised words with a capitalised "For", "To" or "You" inside, or
 * opening with "My" ("Our Revolution" is a name), is a work's title or a title-case headline, never a
 * person's or an organization's name (every one of the twelve such names listed in the judged samples
 * was wrong).
 */
function isTitleCaseRun(c: SpanCandidate, words: Word[]): boolean {
  if (/^(?:my|this|these)$/.test(words[c.first].bare)) return true;
  for (let k = c.first + 1; k <= c.last; k++) if (words[k].capitalised && titleCaseFunctionWords.test(words[k].bare)) return true;
  return false;
}

/**
 * "shooting Racing The Monsoon next year", "a hit with Tears In Heaven": a name the candidates cut at a capitalised
 * "The", "Of" or "In" is a piece of a work's title in title case, when the run goes on in capitals past that word and
 * the sentence around it is written in lower case (a heading in title case, "Apologizes To Ben Carson", names people);
 * so is a name after a capital "A" inside a sentence ("while A Very Long Engagement won").
 */
function inTitleCaseRun(c: SpanCandidate, words: Word[], candidates: readonly SpanCandidate[]): boolean {
  const sentence = words[c.first].sentenceId;
  const spaceAfter = (k: number) => words[k] !== undefined && /^\s+$/.test(words[k].post);
  const link = (k: number) => words[k]?.capitalised === true && words[k].sentenceId === sentence && titleCaseFunctionWords.test(words[k].bare) && spaceAfter(k);
  // The title's word on the far side of the link: inside the sentence, no one's name ("Ms. Yellen The Federal Reserve
  // chairwoman" runs a heading into the text) and not the opener of the sentence ("As The Daily Caller reported").
  const titleWord = (k: number) =>
    words[k]?.capitalised === true &&
    words[k].sentenceId === sentence &&
    !words[k].possessive &&
    !honorifics.has(words[k - 1]?.bare ?? '') &&
    !opensSentenceOrQuote(words, k) &&
    !candidates.some((o) => o !== c && o.kind === 'person' && o.first <= k && k <= o.last);
  // "Alan Bennett's The History Boys": a possessive ends the name before the title.
  const runsOnAfter = spaceAfter(c.last) && !words[c.last].possessive && link(c.last + 1) && titleWord(c.last + 2);
  const runsOnBefore =
    (link(c.first - 1) && spaceAfter(c.first - 2) && titleWord(c.first - 2)) ||
    (c.first < c.last && link(c.first) && spaceAfter(c.first - 1) && titleWord(c.first - 1));
  // "while A Very Long Engagement won": a capital "A" after a lower-case word, inside a sentence, opens a title.
  const article = words[c.first - 1];
  const opensWithA =
    article !== undefined &&
    /^(?:A|An)$/.test(article.text) &&
    spaceAfter(c.first - 1) &&
    words[c.first - 2]?.sentenceId === sentence &&
    !words[c.first - 2].capitalised;
  return (runsOnAfter || runsOnBefore || opensWithA) && inLowerCaseSentence(words, c.first);
}

/** Whether a word of the sentence around a word, other than a closed-class word, is written in lower case. */
function sentenceHasLowerCaseWord(words: Word[], at: number): boolean {
  const sentence = words[at].sentenceId;
  const lower = (w: Word) => w.sentenceId === sentence && /^\p{Ll}/u.test(w.text) && !functionWords.has(w.bare);
  for (let k = at; k >= 0 && words[k].sentenceId === sentence; k--) if (lower(words[k])) return true;
  for (let k = at + 1; k < words.length && words[k].sentenceId === sentence; k++) if (lower(words[k])) return true;
  return false;
}

/** Whether most words of the sentence around a word open in lower case: prose, not a heading in title case. */
function inLowerCaseSentence(words: Word[], at: number): boolean {
  const sentence = words[at].sentenceId;
  let balance = 0;
  for (let k = at; k >= 0 && words[k].sentenceId === sentence; k--) balance += words[k].capitalised ? -1 : 1;
  for (let k = at + 1; k < words.length && words[k].sentenceId === sentence; k++) balance += words[k].capitalised ? -1 : 1;
  return balance > 0;
}

/** "the Lord Chancellor", "the Lord Mayor", "Vice President": an office, not a peer; "Lord King" and "Ms King" are people. */
const lordsOffice = (before: Word, title: Word) =>
  /^(?:lord|lady|vice)$/.test(before.bare) &&
  /^(?:chancellor|mayor|president|speaker|chief|provost|advocate|lieutenant|chamberlain|justice|admiral|chairman|premier|governor|minister|marshal)$/.test(
    title.bare,
  );

/**
 * "Karen Thomson, Chief Executive of AOL UK", "Paul Sheard, Chief Economist at Lehman": an office set off by a comma
 * after a name is the name's, past the title words before the candidate ("Chief"). "Bishop King said" stays a person.
 */
function isOfficeAfterName(c: SpanCandidate, words: Word[]): boolean {
  let opens = c.first;
  while (words[opens - 1]?.capitalised && honorifics.has(words[opens - 1].bare) && /^\s+$/.test(words[opens - 1].post)) opens--;
  const [comma, after] = [words[opens - 1], words[c.last + 1]];
  if (c.last === opens || comma?.sentenceId !== words[c.first].sentenceId || !/,\s+$/.test(comma.post)) return false;
  for (let k = opens; k <= c.last; k++) if (![honorifics, titleModifiers, roleWords].some((set) => set.has(words[k].bare))) return false;
  return /[,.;:]/.test(words[c.last].post) || /^(?:of|at|for|in|to)$/.test(after?.fold ?? '');
}

/**
 * "the first President to do so", "Peru's President", "Republican National Committeeman": a title after an
 * article, an ordinal, a possessive or a title's capitalised modifier names no one ("King said" may be Rep. King, "the King" is a title).
 */
function isTitleAlone(c: SpanCandidate, words: Word[]): boolean {
  if (isOfficeAfterName(c, words)) return true;
  const before = words[c.first - 1];
  // "the State Department Spokesperson": a role's word, capitalised after the body it serves (after a title it is a surname: "Lord King").
  if (
    c.first === c.last &&
    isRoleWord(words[c.first]) &&
    before?.capitalised &&
    !honorifics.has(before.bare) &&
    !titleModifiers.has(before.bare) &&
    before.sentenceId === words[c.first].sentenceId &&
    /^\s+$/.test(before.post)
  )
    return true;
  for (let k = c.first; k <= c.last; k++) if (!honorifics.has(words[k].bare) && !titleModifiers.has(words[k].bare)) return false;
  return (
    before !== undefined &&
    before.sentenceId === words[c.first].sentenceId &&
    (/^(?:the|a|an|its|his|her|their|our|first|second|third|last|former|then|new|next|for|as)$/.test(before.fold) ||
      /['’]s$/.test(before.fold) ||
      // "a longtime Republican National Committeeman": the end of a title's capitalised run; "the Lord Chancellor, Lord Falconer".
      (before.capitalised && (titleModifiers.has(before.bare) || lordsOffice(before, words[c.first])) && /^\s+$/.test(before.post)))
  );
}

/**
 * Names that end like no organization: a party's member ("a Michigan Democrat", "registered as a
 * Republican"; the party is the Democratic Party, or the Democrats), a prize, a place ("Central Park",
 * "Stonewall Inn"), a holiday, a tax, a speech, and what the evidence already turns away, a law, a building
 * or an event ("the Freedom of Information Act", "Evin Prison", "the Vietnam War"), here for the names the
 * tagger adds. An organization's name may hold these words, never end in them.
 */
function namesNoOrganization(c: SpanCandidate, words: Word[]): boolean {
  const last = words[c.last];
  if (!last.capitalised) return false;
  // "University of Maryland at College Park": the campus's name ends it, not the university's.
  if (campusLink(c, words) > 0) return false;
  if (/^(?:democrat|republican|dixiecrat|prize|award|constitution)$/.test(last.bare)) return true;
  // "next weekend's Norwich Union European trials", "the European Indoor standard": a name ending in a nationality or
  // an "indoor" before a lower-case noun is a modifier of that noun (an event's, a record's), not a body.
  const following = words[c.last + 1];
  if (
    c.last > c.first &&
    (last.has('Demonym') || /^(?:indoor|outdoor)$/.test(last.bare)) &&
    following?.sentenceId === last.sentenceId &&
    /^\p{Ll}/u.test(following.text) &&
    !following.has('Verb') &&
    !functionWords.has(following.bare) &&
    /^\s+$/.test(last.post)
  )
    return true;
  // "the State of the Union address": a speech, whatever follows it.
  if (c.first === c.last && last.bare === 'union' && /^state of the$/.test(wordsBefore(words, c.first, 3))) return true;
  // "U.S. Senator (R-Texas)": a party and a state; "the U.S." or "the UK" alone is the country.
  if (c.last === c.first && (/^[RDI]-\p{Lu}/u.test(last.text) || /^(?:u\.?s\.?a?|u\.?k\.?)$/.test(last.bare))) return true;
  // "Group G", "Pool B": a round of a tournament.
  if (c.last === c.first + 1 && /^(?:group|pool)$/.test(words[c.first].bare) && /^\p{Lu}$/u.test(last.text)) return true;
  // "the Kowloon West geographical constituency", "the Social Welfare constituency": an electoral district.
  const after = words[c.last + 1];
  const noun = after && /^(?:geographical|functional|parliamentary|electoral|federal)$/.test(after.fold) ? words[c.last + 2] : after;
  if (noun && noun.sentenceId === last.sentenceId && /^(?:constituency|constituencies|riding|ward|electorate)$/.test(noun.text)) return true;
  // "a great General. Anyone...": a title alone.
  if (c.last === c.first) return titlesEndingNoOrganization.test(last.bare) || last.bare === 'general' || last.bare === 'democratic';
  if (/^(?:park|inn|day|year|tax|address)$/.test(last.bare) || endsWithTitle(c, words)) return true;
  return endsAsLawBuildingOrEvent(words.slice(c.first, c.last + 1));
}

/** Titles that end no organization's name: "Senate Majority Leader", "Clark County Sheriff", "Bolton West MP". */
const titlesEndingNoOrganization =
  /^(?:leader|whip|mp|mep|fellow|sheriff|magistrate|secretary|minister|spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|chairperson|chair|president|governor|mayor|judge|commissioner|senator|representative|congressman|congresswoman|ambassador|envoy|speaker|superintendent|prosecutor|attorney|counsel)$/;

/** A name of several words ending in a title is that title ("the New Hampshire Union Leader" is a newspaper). */
function endsWithTitle(c: SpanCandidate, words: Word[]): boolean {
  const last = words[c.last].bare;
  return titlesEndingNoOrganization.test(last) && !(last === 'leader' && words[c.last - 1].bare === 'union') && !namedForOffice(words, c.first, c.last);
}

/**
 * "the Internet Corporation for Assigned |Names and Numbers, Icann": an organization with "for" or "of" in its name
 * that the tagger cut inside a run of capitalised words takes in the rest of the run, up to the punctuation that
 * ends it, "and" between capitalised words included; never a title ("the Commission for Racial Equality Chairman")
 * nor another candidate's words.
 */
function withRestOfLinkedName(c: SpanCandidate, words: Word[], all: readonly SpanCandidate[]): SpanCandidate {
  if (c.kind !== 'organization' || c.tableEntry) return c;
  if (indexWithin(words, c.first + 1, c.last - 1, (w) => w.text === 'for' || w.text === 'of') < 0) return c;
  const sentence = words[c.last].sentenceId;
  const namePart = (w: Word | undefined) =>
    w !== undefined &&
    w.sentenceId === sentence &&
    /^\p{Lu}[\p{L}'’-]*$/u.test(w.text) &&
    !honorifics.has(w.bare) &&
    !titleModifiers.has(w.bare) &&
    !w.has('Honorific');
  // Only spaces between two words: "Statistics (ONS)" has a bracket.
  const joined = (a: Word, b: Word | undefined) => b !== undefined && /^\s+$/.test(a.post + b.pre);
  let last = c.last;
  for (;;) {
    const next = words[last + 1];
    if (joined(words[last], next) && namePart(next)) last++;
    else if (joined(words[last], next) && next.text === 'and' && joined(next, words[last + 2]) && namePart(words[last + 2])) last += 2;
    else break;
  }
  if (last === c.last || !/^[,;:.)]/.test(words[last].post)) return c;
  if (all.some((o) => o !== c && o.kind && o.first > c.last && o.first <= last && o.last > last)) return c;
  if (all.some((o) => o !== c && o.kind === 'person' && o.first > c.last && o.first <= last)) return c;
  return { ...c, last };
}

/**
 * "the Conference of Presidents of Major American Jewish Organizations", "the Communications Workers of
 * America": an organization cut before "of" and a run of capitalised words in the same sentence, when its
 * last word heads organizations' names, takes that run in; nothing else is named over it.
 */
function withOfPhrase(c: SpanCandidate, words: Word[], all: readonly SpanCandidate[]): SpanCandidate {
  if (c.kind !== 'organization' || c.tableEntry) return c;
  const head = words[c.last];
  if (!(organizationHeads.has(head.bare) || /^(?:workers|employees|teachers|institute|center|centre|foundation|coalition|alliance)$/.test(head.bare))) return c;
  let last = c.last;
  for (let k = c.last + 1; k + 1 < words.length;) {
    const link = words[k];
    if (link.sentenceId !== head.sentenceId || !/^(?:of|for)$/.test(link.text) || !/^\s+$/.test(words[k - 1].post)) break;
    let end = k;
    while (
      end + 1 < words.length &&
      words[end + 1].sentenceId === head.sentenceId &&
      (words[end + 1].capitalised || (words[end + 1].text === 'and' && words[end + 2]?.capitalised))
    ) {
      end++;
      if (/[,;:.!?"“”‘’()]/.test(words[end].post)) break;
    }
    if (end === k || !words[end].capitalised) break;
    last = end;
    k = end + 1;
  }
  if (last === c.last || all.some((o) => o !== c && o.kind && o.first > c.last && o.first <= last && o.kind === 'person')) return c;
  return { ...c, last };
}
