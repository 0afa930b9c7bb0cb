// Evidence for each candidate: titles and roles, organization cue words,
// compromise's own tags and spans, and the word-statistics name model. A
// candidate's kind is decided here when the evidence is clear enough.

import type { NlpParagraph } from '../nlp';
import { nameModel } from '../nameModel';
import type { TaggedWord } from './tagger';
import type { NeighbourWord, SpanCandidate, Word } from './types';
import {
  adverbEnding,
  functionWords,
  honorifics,
  isGivenName,
  knownPlaces,
  organizationEndings,
  organizationHeads,
  personVerbs,
  placeTags,
  productNames,
  roleWords,
  stateAbbreviations,
  titleModifiers,
} from './tables';
import { continuesName, continuesSentence, isAcronym, isFirstName, isNationality, isRoleWord, listNoun, namesSecurity, opensSentenceOrQuote } from './words';

/** An office held over a place, before "of": "Archbishop of", "Mayor of", "Duke of". */
const officeOfPlace = /\b(?:Archbishop|Bishop|Mayor|Duke|Duchess|Earl|Countess|Marquess|Governor|Prince|Princess|King|Queen|Sheriff|Provost)\s+of\s+$/u;
/** A university named with its campus town after a comma: "the University of Arkansas, ". */
const campusOfPlace = /\b(?:University|College)\s+of\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?,\s+$/u;
/** Parties' words that stand before a member's title: "Labour MP", "Lib Dem peer", "Republican senator". */
const partyWords = /^(?:labour|tory|conservative|liberal|lib|dem|democrat|democratic|republican|green|snp|ukip|plaid)$/;

/** Introducers that never name a person's role ("the retailer Lidl", "cables giant Pirelli"): a lone name after one is a company story-wide. */
const companyNouns = new Set([
  'company',
  'firm',
  'retailer',
  'bank',
  'lender',
  'insurer',
  'airline',
  'maker',
  'manufacturer',
  'conglomerate',
  'subsidiary',
  'newspaper',
  'broadcaster',
  'channel',
  'magazine',
  'chain',
  'giant',
  'utility',
  'refiner',
  'miner',
  'brewer',
  'automaker',
  'carmaker',
  'supplier',
  'bookmaker',
  'developer',
  'network',
  'consultancy',
]);
/** Companies in the plural, before a list of them: "firms like", "studios such as", "banks including". */
const pluralCompanyNouns =
  /^(?:firms|companies|brands|studios|banks|lenders|insurers|retailers|supermarkets|airlines|carmakers|automakers|broadcasters|publishers|manufacturers|makers|operators|networks|newspapers|papers)$/;

/** Kinds of media body named after their name: "the Fox network", "the BBC website", "the Parlophone label". */
const mediaKinds = /^(?:network|channel|newspaper|paper|tabloid|broadsheet|magazine|website|broadcaster|label)$/;

/** Trades in the plural that introduce a firm by its one-word name: "technology analysts Gartner", "accountants KPMG". */
const pluralFirmNouns = new Set(['analysts', 'consultants', 'consultancy', 'pollsters', 'accountants', 'auditors']);
/** Bodies that, like a company's noun, name an organization in every mention: "research institute Ifo", "the charity Oxfam", "media regulator Ofcom". */
const bodyNouns = new Set([
  'institute',
  'institution',
  'charity',
  'foundation',
  'watchdog',
  'regulator',
  'association',
  'federation',
  'think-tank',
  'thinktank',
]);
/** Kinds of group that are no organization: "ethnic group Uighurs", "age group". */
const groupsOfPeople = /^(?:ethnic|age|blood|income|focus|peer|tribal|religious|language|minority|control|social|political|working|study)$/;

/**
 * "Anti-spam group Spamhaus", "pressure group Liberty", "campaign group Avaaz", "agriculture department Defra": "group"
 * or a public body's noun after the lower-case word for its cause names an organization in every mention, as a
 * company's noun does. Not "the group Fiorina addressed".
 */
function namedAsGroupOfAKind(words: readonly Word[], first: number, last: number): boolean {
  const [group, kind] = [words[first - 1], words[first - 2]];
  // Only the whole name: not "America" of "America's Voice", nor "Citizens" of "Citizens for Responsibility and Ethics".
  const [after, afterThat] = [words[last + 1], words[last + 2]];
  if ((words[last].possessive && after?.capitalised !== false) || (after && /^(?:for|of|and|&)$/.test(after.fold) && afterThat?.capitalised)) return false;
  return (
    /^(?:group|department|ministry|body|agency|authority)$/.test(group?.bare ?? '') &&
    kind !== undefined &&
    kind.sentenceId === group.sentenceId &&
    /^\s+$/.test(kind.post) &&
    /^\p{L}[\p{Ll}-]*$/u.test(kind.text) &&
    !kind.has('Determiner') &&
    !kind.has('Pronoun') &&
    !kind.has('Possessive') &&
    !groupsOfPeople.test(kind.bare)
  );
}

/** Nouns that introduce an organization: "retailer Lidl", "the exploration company Ivernia"; besides the company nouns, some that may also name a person's role ("rival", "partner", "investor"). */
const organizationIntroducers = new Set([
  ...companyNouns,
  'companies',
  'group',
  'retailers',
  'carrier',
  'producer',
  'distributor',
  'operator',
  'developer',
  'publisher',
  'broker',
  'brokerage',
  'unit',
  'rival',
  'club',
  'side',
  'team',
  'champions',
  'daily',
  'weekly',
  'agency',
  'department',
  'ministry',
  'body',
  'authority',
  'party',
  'movement',
  'union',
  'organisation',
  'organization',
  'band',
  'label',
  'exporter',
  'importer',
  'trader',
  'fund',
  'investor',
  'consortium',
  'partner',
  'rebels',
  'guerrillas',
  'militia',
  ...bodyNouns,
]);
const pluralAgreement = /^(?:have|are|were|remain|play|face|host|lead|need)$/;
/** Nouns that end an appositive describing an organization: "Public Citizen, a consumer advocacy group". */
const organizationNouns =
  /^(?:group|company|firm|organi[sz]ation|agency|nonprofit|non-profit|charity|union|bank|lender|insurer|network|coalition|association|institute|foundation|think-tank|tank|party|club|team|newspaper|broadcaster|retailer|chain|maker|manufacturer|startup|subsidiary|conglomerate|regulator|watchdog|authority|federation|society)$/;
/** The common noun before a name that says it names a work, a craft or a storm: "the film Harbour Lights", "the tanker Nordic Star". */
const workOrCraftNouns =
  /^(?:film|movie|documentary|book|novel|memoir|album|song|musical|opera|painting|poem|series|sitcom|programme|program|epic|drama|thriller|comedy|farce|fable|caper|sequel|biopic|franchise|game|ship|vessel|yacht|tanker|freighter|ferry|liner|submarine|carrier|destroyer|frigate|aircraft|airliner|jet|spacecraft|shuttle|orbiter|rocket|probe|rover|satellite|telescope|hurricane|storm|typhoon|cyclone)$/;
/** Words that introduce a work's cast ("starring Tom Hanks"). */
const castWords = /^(?:starring|co-starring|starred)$/;
/** Words that open the name of a craft, a storm or an operation: "USS Pemberton", "Shuttle Meridian", "Operation Harbour Shield". */
const craftPrefixes = /^(?:shuttle|hurricane|typhoon|cyclone|uss|hms|hmas|hmcs|rms|operation)$/;
/** Names of market indexes end in these: "Dow Jones Industrial Average", "Nasdaq Composite". */
const indexEndings = /^(?:average|index|composite)$/;
/**
 * "Freedom of Information Act", "Evin Prison", "Faneuil Hall", "Gracie Mansion": a law or a building is
 * neither a person nor an organization ("Tammany Hall" is the rare exception; "City Hall" speaking for a
 * city's government is left to the other evidence).
 */
const lawOrBuildingEndings =
  /^(?:act|amendment|treaty|accords?|doctrine|directive|plan|agreement|protocol|declaration|prison|penitentiary|jail|stadium|arena|mansion|cathedral|bridge|tunnel|dam|canal|reservoir|street|avenue|boulevard|highway|motorway|freeway|expressway|plaza|square|hall|hotel|airport|fighter|bomber|tower|towers|capitol|resort|odeon|station|castle)$/;

/**
 * Places that end a name as a building's word does ("the Holy Land", "the West End"), unless a link makes the place
 * the name's tail ("the Project for Farmers of the Chancay-Huaral Valley").
 */
const placeEndings = /^(?:dome|valley|village|land|end)$/;

/**
 * Laws, programmes, trade deals and tournaments the news names often and whose names end like no law or event:
 * "Social Security disability benefits", "Medicare", "the Trans-Pacific Partnership (TPP)", "the Six Nations". Not
 * "the Social Security Administration", a longer name.
 */
const lawsAndProgrammes = new Set([
  'social security',
  'medicare',
  'medicaid',
  'obamacare',
  'trans-pacific partnership',
  'tpp',
  'nafta',
  'jcpoa',
  'aca',
  'six nations',
  'tri-nations',
  'tri nations',
]);

/**
 * "the Vietnam War", "the Democratic National Convention", "the Geneva Convention", "the Super Bowl", "the
 * Boston Marathon", "the Nuclear Security Summit", "the V Festival", "the Western Han Dynasty", "the Fayetteville
 * Invitational", "the US Open", "the Great Edinburgh International Cross Country": an event, a war or a dynasty
 * is neither a person nor an organization. These words end no one's name.
 */
const eventEndings =
  /^(?:war|wars|convention|constitution|dynasty|bowl|cup|marathon|olympics|primary|primaries|caucuses|summit|festival|tournament|championship|championships|awards|award|prize|prizes|medal|trophy|prix|exhibition|expo|invitational|indoors|relays|open|classic|race|country|challenge|election|elections|referendum)$/;

/** "Convention" left alone after a title's words ("the Republican National Convention"): a word no one is called. */
export const isEventWord = (bare: string) => eventEndings.test(bare);

/**
 * A name of two words or more that ends as a law, a building or an event does. "City Hall" may speak for a
 * city's government, and "the Southern Baptist Convention" is a church body, not a meeting.
 */
export function endsAsLawBuildingOrEvent(span: readonly Word[]): boolean {
  if (lawsAndProgrammes.has(span.map((w) => w.bare).join(' '))) return true;
  if (span.length < 2 || span[0].fold === 'city') return false;
  // "the River Tyne", "Lake Geneva", "Loch Ness": a river's, a lake's or a mountain's name.
  if (span.length === 2 && /^(?:river|lake|loch|mount)$/.test(span[0].bare)) return true;
  // "Windsor Castle", but "Tom Castle" is a man.
  if (span.length === 2 && span[1].bare === 'castle' && (span[0].has('FirstName') || isGivenName(span[0].bare))) return false;
  const last = span[span.length - 1].bare;
  if (last === 'convention' && span[span.length - 2].bare === 'baptist') return false;
  if (placeEndings.test(last) && !span.some((w) => w.fold === 'of' || w.fold === 'for')) return true;
  // "the Illinois Board of Elections": a body for elections, not one.
  if (/^(?:elections?|referendum)$/.test(last) && span.some((w) => w.fold === 'of' || w.fold === 'for' || w.fold === 'on')) return false;
  return lawOrBuildingEndings.test(last) || eventEndings.test(last);
}

/** "Convention on", "Declaration of": a treaty's capitalised noun before the preposition that names its subject. */
function treatyOnSubject(head: Word, link: Word): boolean {
  if (!head.capitalised) return false;
  if (link.fold === 'on') return /^(?:convention|covenant|treaty|protocol|declaration|charter)$/.test(head.bare);
  return link.fold === 'of' && /^(?:covenant|treaty|protocol|declaration|charter)$/.test(head.bare);
}

/**
 * What the evidence reads outside the paragraph: the last two words of the
 * paragraph before, the first word of the one after (with the text between),
 * and, for a results table, the text that follows the paragraph.
 */
export interface ParagraphSurroundings {
  before2?: NeighbourWord;
  before?: NeighbourWord;
  after?: NeighbourWord & { gap: string };
  trailing: string;
}

function weighEvidence(
  c: SpanCandidate,
  words: Word[],
  text: string,
  nlpSpans: Map<string, Set<string>>,
  resultsTable: boolean,
  surroundings: ParagraphSurroundings,
  tags: readonly TaggedWord[],
): void {
  if (c.tableEntry) return;
  const span = words.slice(c.first, c.last + 1);
  const firstWord = span[0];
  const lastWord = span[span.length - 1];
  // Neighbours in this paragraph: only these can continue a name or a sentence.
  const beforeHere = words[c.first - 1];
  const afterHere = words[c.last + 1];
  const before: NeighbourWord | undefined = beforeHere ?? (c.first === 0 ? surroundings.before : undefined);
  const before2: NeighbourWord | undefined = words[c.first - 2] ?? (c.first === 1 ? surroundings.before : c.first === 0 ? surroundings.before2 : undefined);
  const after: NeighbourWord | undefined = afterHere ?? surroundings.after;
  const gapAfter = afterHere ? text.slice(lastWord.end, afterHere.start) : (surroundings.after?.gap ?? '');
  const key = `${firstWord.start}:${lastWord.end}`;
  const nlpKinds = nlpSpans.get(key);

  if (knownPlaces.has(span.map((w) => w.bare).join(' '))) {
    c.loc += 10;
    return;
  }
  // "whose Finchley constituency", "a Hampstead suburb": a place named before the kind of place it is.
  if (
    span.length <= 2 &&
    afterHere &&
    !afterHere.capitalised &&
    /^(?:constituency|ward|suburb|neighbourhood|neighborhood|village)$/.test(afterHere.fold) &&
    continuesSentence(text, lastWord, afterHere) &&
    !lastWord.possessive
  ) {
    c.loc += 10;
    return;
  }
  // "Veteran Labour MP and former Cabinet minister Jack Cunningham": a party's or a country's title with no name in it
  // names no one (the name comes after the rest of the title).
  // Not a body whose name ends as a title does ("the Scottish Executive").
  if (
    span.length >= 2 &&
    isRoleWord(lastWord) &&
    !organizationEndings.has(lastWord.bare) &&
    !/^(?:executive|government|administration|cabinet|command|leadership)$/.test(lastWord.bare) &&
    span.slice(0, -1).every((w) => partyWords.test(w.bare) || isNationality(w))
  ) {
    c.loc += 10;
    return;
  }
  // "Little Rock, Ark.", "Springfield, Ill.", "TRENTON, N.J.": a city and its state (compromise keeps the period of
  // "N.J." in the word, not that of "Ill.").
  if (afterHere && /^,\s+$/.test(gapAfter) && stateAbbreviations.has(afterHere.bare) && (text[afterHere.end] === '.' || afterHere.text.endsWith('.'))) {
    c.loc += 10;
    return;
  }
  // "the Archbishop of Westminster", "the Mayor of Leeds", "the University of Arkansas, Fayetteville": a place, named
  // by the office or the campus before it (the officeholder is named elsewhere, or by the office alone).
  if (
    span.length === 1 &&
    (officeOfPlace.test(text.slice(Math.max(0, firstWord.start - 30), firstWord.start)) ||
      campusOfPlace.test(text.slice(Math.max(0, firstWord.start - 60), firstWord.start)))
  ) {
    c.loc += 10;
    return;
  }
  // "the Freedom of Information Act (FOIA)": the short form a law is given in brackets is the law's.
  const bracketedAfterLaw =
    span.length === 1 &&
    beforeHere !== undefined &&
    c.first >= 2 &&
    /\(\s*$/.test(text.slice(beforeHere.end, firstWord.start)) &&
    /^\s*\)/.test(text.slice(lastWord.end)) &&
    endsAsLawBuildingOrEvent(words.slice(Math.max(0, c.first - 3), c.first));
  // "the European Convention on Human Rights", "the Universal Declaration of Human Rights": a treaty's subject,
  // inside the name or after it, names no body ("the Convention of Scottish Local Authorities" does).
  const subjectOfTreaty =
    span.some((w, i) => i > 0 && i < span.length - 1 && treatyOnSubject(span[i - 1], w)) ||
    (beforeHere !== undefined &&
      c.first >= 2 &&
      treatyOnSubject(words[c.first - 2], beforeHere) &&
      continuesName(text, words[c.first - 2], beforeHere) &&
      continuesName(text, beforeHere, firstWord));
  // An index, a law, a building or an event is neither a person nor an organization.
  if ((span.length > 1 && indexEndings.test(lastWord.bare)) || endsAsLawBuildingOrEvent(span) || bracketedAfterLaw || subjectOfTreaty) {
    if (bracketedAfterLaw) c.namedAsLaw = true;
    c.loc += 10;
    return;
  }
  // "the film Harbour Lights", "the shuttle Meridian", "Space Shuttle Meridian", "Hurricane Delphine": a work,
  // a craft or a storm is neither a person nor an organization.
  // "The Polar Express, starring Tom Hanks": a name before its cast is a work ("Tom Hanks, starring in it" is not).
  const castFollows = afterHere !== undefined && /^,\s+$/.test(gapAfter) && castWords.test(afterHere.fold) && words[afterHere.index + 1]?.capitalised === true;
  // "Comedy Fat Albert entered the chart": the work's noun opening the sentence, capitalised with the title after it.
  const workNounOpens =
    span.length >= 2 &&
    opensSentenceOrQuote(words, c.first) &&
    workOrCraftNouns.test(firstWord.fold) &&
    !organizationEndings.has(lastWord.bare) &&
    !organizationHeads.has(lastWord.bare);
  // "a one-on-one game such as Painkiller", "films like Alexander": a work named as one of its kind.
  const kindAt =
    beforeHere?.fold === 'as' && words[c.first - 2]?.fold === 'such'
      ? c.first - 3
      : beforeHere && /^(?:like|including)$/.test(beforeHere.fold)
        ? c.first - 2
        : -1;
  const kind = kindAt >= 0 ? words[kindAt] : undefined;
  const namedAmongWorks =
    kind !== undefined &&
    (!kind.capitalised || opensSentenceOrQuote(words, kindAt)) &&
    kind.sentenceId === firstWord.sentenceId &&
    (workOrCraftNouns.test(kind.fold) || workOrCraftNouns.test(kind.fold.replace(/s$/, '')));
  const namedAsWork =
    namedAmongWorks ||
    (beforeHere &&
      !beforeHere.capitalised &&
      workOrCraftNouns.test(beforeHere.fold) &&
      !beforeHere.has('Verb') &&
      continuesName(text, beforeHere, firstWord)) ||
    castFollows ||
    workNounOpens;
  if (namedAsWork || span.slice(0, -1).some((w) => craftPrefixes.test(w.bare))) {
    c.loc += 10;
    c.namedAsWork = true;
    return;
  }
  // Organizations
  if (organizationEndings.has(lastWord.bare) && span.length > 1) c.org += 5;
  if (organizationHeads.has(firstWord.bare) && span.some((w) => w.fold === 'of')) c.org += 5;
  if (span.some((w) => w.fold === 'of' || w.fold === 'for')) c.org += 1;
  if (nlpKinds?.has('org')) c.org += 2;
  if (span.some((w) => w.has('Organization') || w.has('SportsTeam'))) c.org += 2;
  if (span.length === 1 && isAcronym(firstWord)) c.org += 2;
  if (span.length === 1 && organizationEndings.has(firstWord.bare)) c.org -= 3;
  // Not a country after a relative clause's noun ("a network Russia has financed").
  if (
    beforeHere &&
    !beforeHere.capitalised &&
    organizationIntroducers.has(beforeHere.bare) &&
    continuesName(text, beforeHere, firstWord) &&
    !(span.length === 1 && firstWord.has('Country'))
  ) {
    c.org += 4;
    c.describedAsOrganization = true;
    if (companyNouns.has(beforeHere.bare) || bodyNouns.has(beforeHere.bare) || namedAsGroupOfAKind(words, c.first, c.last)) c.namedAsCompany = true;
    // "Scottish rock band Franz Ferdinand", "independent label Domino": the act's name right after the noun, even a person's.
    if (/^(?:band|label)$/.test(beforeHere.bare)) c.namedAsCompany = c.namedAsAct = true;
  }
  // "Former Manfred Mann singer Paul Jones", "Prebon Yamane economist Lena Komileva": the band or the firm whose
  // member is named after it (a person's name does not stand there: "Obama adviser" is an aide, not a member).
  // Not a kind of music ("R&B singer Usher"), a place ("Devon singer Joss Stone", Devon also a given name) or a
  // product ("Xbox frontman J. Allard").
  const spanBare = span.map((w) => w.bare).join(' ');
  const notAnAct =
    genreWords.test(spanBare) ||
    (span.length === 1 && (firstWord.has('FirstName') || isGivenName(firstWord.bare))) ||
    knownPlaces.has(spanBare) ||
    productNames.has(spanBare) ||
    ['City', 'Country', 'Region', 'Place', 'Demonym'].some((t) => firstWord.has(t));
  const member = notAnAct ? undefined : memberRoleAfter(text, words, c.last);
  // A lone name before a firm's role may still be a person's ("Obama economist Austan Goolsbee").
  if (member === 'band' || (member === 'firm' && span.length > 1)) {
    c.org += 4;
    c.describedAsOrganization = true;
    c.namedAsCompany = true;
    if (member === 'band') c.namedAsAct = true;
  }
  // "technology firms like Dell, LG, Samsung and Phillips", "studios such as MGM, Disney and Buena Vista": each a company.
  if (pluralCompanyNouns.test(listNoun(words, c.first)?.fold ?? '')) {
    c.org += 8;
    c.describedAsOrganization = true;
    c.listedAsCompany = true;
  }
  // "technology analysts Gartner", "pollsters YouGov": a firm named after its trade in the plural ("analyst Carolina
  // Milanesi" is a person, and so may be each of "analysts Ann Lee and Tom Reyes").
  if (beforeHere && span.length === 1 && pluralFirmNouns.has(beforeHere.fold) && continuesName(text, beforeHere, firstWord)) {
    c.org += 4;
    c.describedAsOrganization = true;
    c.namedAsCompany = true;
  }
  if (
    before &&
    before2 &&
    /^(?:in|of)$/.test(before.fold) &&
    /^(?:shares|stake|stakes|holding|unit|subsidiary|division|shareholders|investors)$/.test(before2.fold)
  ) {
    c.org += 4;
    // "Shares in Elan and Biogen Idec plunged": a company, whatever its name's shape (Elan is also a first name); not a
    // possessive's owner ("shares in Murdoch's News Corp"), a nationality ("shares in Irish oil company Petrel") or a place
    // ("Carnival's shares in London were down").
    const place = ['Country', 'City', 'Region', 'Place'].some((t) => firstWord.has(t));
    if (before.fold === 'in' && before2.fold === 'shares' && !lastWord.possessive && !isNationality(firstWord) && !place) {
      c.describedAsOrganization = true;
      c.namedAsCompany = true;
    }
  }
  // British usage gives a team or company a plural verb: "United have won".
  if (span.length <= 2 && afterHere && pluralAgreement.test(afterHere.fold) && continuesSentence(text, lastWord, afterHere) && !lastWord.has('Plural'))
    c.org += 2;
  // "a spokesman for Cascade Energy", "shares in Acme"
  if (before && (before.fold === 'for' || before.fold === 'at' || before.fold === 'of') && before2 && roleWords.has(before2.bare)) c.org += 3;
  if (after && /^(?:shares?|stock|spokes(?:man|woman|person)|officials?|executives?|employees|workers|subsidiary|unit|chairman|president)$/.test(after.fold))
    c.org += 2;
  // "on the Fox network", "the Daily Mail newspaper": the kind of body, after its name and "the".
  // Not a place or a nationality before the noun ("the New York magazine", "the British newspaper", "the Spanish-language
  // network"), nor a product ("the Xbox website").
  if (
    before?.fold === 'the' &&
    afterHere &&
    mediaKinds.test(afterHere.fold) &&
    !lastWord.possessive &&
    continuesSentence(text, lastWord, afterHere) &&
    !span.some((w) => isNationality(w) || placeTags.some((t) => w.has(t)) || /-\p{Ll}/u.test(w.text)) &&
    !productNames.has(span.map((w) => w.bare).join(' '))
  ) {
    c.org += 5;
    c.describedAsOrganization = true;
    c.namedAsCompany = true;
  }

  // People
  if (nlpKinds?.has('per')) c.per += 2;
  if (span.length >= 2 && isFirstName(firstWord)) c.per += 3;
  if (span.some((w) => w.has('Person'))) c.per += 1;
  if (lastWord.has('LastName')) c.per += 1;
  if (span.some((w) => w.has('Honorific'))) c.per += 2;
  // "miner Barrick Gold": a company's noun before a name no given name opens is the firm's trade, not a person's title.
  const tradeOfCompany = c.namedAsCompany && beforeHere && companyNouns.has(beforeHere.bare) && !(span.length >= 2 && isFirstName(firstWord));
  if (beforeHere && !tradeOfCompany && !beforeHere.capitalised && isRoleWord(beforeHere) && continuesName(text, beforeHere, firstWord)) {
    c.per += 4;
    c.role ??= roleBefore(words, c.first, text);
  }
  // "starring Sidney Poitier", "co-starring Ruby Dee": a performer, whatever the first word is elsewhere (Sydney).
  if (beforeHere && castWords.test(beforeHere.fold) && continuesName(text, beforeHere, firstWord)) c.per += 4;
  const appositive = appositiveRole(words, c.last, text);
  if (appositive) {
    c.per += 4;
    c.role ??= appositive;
  }
  // Only a person is "an Australian woman": stronger than a place the tagger reads in the name ("Valeska Paris").
  if (!appositive && describedAsPerson(words, c.last, text)) c.per += 6;
  const introducedBy = roleIntroducingName(words, c.first, text);
  if (introducedBy) {
    c.per += 4;
    c.role ??= introducedBy;
  }
  if (describedAsOrganization(words, c.last, text)) {
    c.org += 5;
    c.describedAsOrganization = true;
  }
  if (afterHere && personVerbs.has(afterHere.fold) && continuesSentence(text, lastWord, afterHere)) c.per += 1;
  if (after && /^,\s+$/.test(gapAfter) && /^(?:who|whose)$/.test(after.fold)) c.per += 3;
  // "the developer, Rockstar, which is behind the GTA titles": "which" is said of a thing or a body, never of a person.
  if (after && /^,\s+$/.test(gapAfter) && after.fold === 'which' && !lastWord.possessive) {
    c.per -= 4;
    c.org += 2;
  }
  // "c Moin Khan b Waqar Younis": a cricket scorecard's caught and bowled.
  if (beforeHere && /^(?:c|b|st|lbw)$/.test(beforeHere.text) && continuesName(text, beforeHere, firstWord)) c.per += 3;
  if (span.length >= 2 && /^\p{Lu}\.?$/u.test(firstWord.text) && text[firstWord.end] === '.') c.per += 4;
  // "Gencor said its profit rose", "Fox said his government": the pronoun that refers back.
  for (let k = c.last + 1; k < words.length && k <= c.last + 8 && words[k].sentenceId === lastWord.sentenceId; k++) {
    const f = words[k].fold;
    if (words[k].capitalised && k > c.last + 1) break;
    if (f === 'its') c.org += 2;
    else if (f === 'his' || f === 'her' || f === 'he' || f === 'she') c.per += 1.5;
    else continue;
    break;
  }

  // Results and tables: "Barnsley 2 Oxford 1", "Gravelaine 24th", "Ato Boldon (Trinidad) 10.12".
  let teamWithScore = false;
  if (resultsTable) {
    const rest = (text.slice(lastWord.end) + surroundings.trailing).slice(0, 24);
    const country = /^\s*\(([^()]{2,20})\)/.exec(rest);
    const afterName = country ? rest.slice(country[0].length) : rest;
    if (/^\s+\d+(?:st|nd|rd|th)\b/.test(afterName) || /^\s*\(\d+(?:st|nd|rd|th)/.test(rest)) c.per += 4;
    else if (/^\s+\d+(?:-\d{1,2})?(?:\s|$|\)|\.$)/.test(afterName) && c.per < 4) {
      // A team and its score (or a cricket total, "Essex 194-0"): the place name is the club here.
      teamWithScore = true;
    } else if (country && /^\s+[\d:.]+\d/.test(afterName)) c.per += 2;
  }
  // "v Glamorgan": the other side of a fixture.
  if (before && /^(?:v|vs)$/.test(before.bare) && c.per < 4) c.org += 3;
  // "the Rangers", "the Red Sox": a team or party named in the plural.
  if (before?.fold === 'the' && /s$/.test(lastWord.text) && !lastWord.has('Demonym') && !/(?:ans|ese)$/.test(lastWord.fold) && c.per < 4) c.org += 2;
  // "Ramon Vega (Cagliari)": the club in brackets after a player.
  const beforeText = text.slice(Math.max(0, firstWord.start - 3), firstWord.start);
  if (/\($/.test(beforeText) && before && before.capitalised && /^\)/.test(text.slice(lastWord.end)) && !span.some((w) => placeTags.some((t) => w.has(t))))
    c.org += 2;
  if (span.length === 1 && /^\p{Lu}\.?$/u.test(firstWord.text)) c.per -= 2;

  // Places
  if (nlpKinds?.has('loc')) c.loc += 2;
  if (span.every((w) => placeTags.some((t) => w.has(t)))) c.loc += 2;
  if (before && /^(?:in|at|from|near|to|across|throughout|outside|inside)$/.test(before.fold) && !before.capitalised) c.loc += 1;

  // Word statistics from public-domain news: helps most on unfamiliar names.
  const guess = nameModel(
    span.map((w) => w.text),
    before?.fold ?? '',
    after?.fold ?? '',
  );
  c.per += guess.per * 3;
  c.org += guess.org * 3;
  c.loc += guess.loc * 3 + guess.other * 2;
  weighTaggerVotes(c, tags);
  if (namesSecurity(words, c.last)) c.per = Math.min(c.per, 0);
  // "companies such as Nokia, Intel, France Telecom, Thomson and Telefonica": a list of companies names no person in
  // one word, whatever its shape (a surname), nor in two that open with no first name.
  if (c.listedAsCompany && (span.length === 1 || !isFirstName(firstWord))) c.per = Math.min(c.per, 0);
  // National teams are named by their country and stay places.
  if (teamWithScore && !span.some((w) => w.has('Country'))) {
    c.org += 5 + c.loc;
    c.loc = 0;
  }
  // Capitalised words in otherwise capitalised copy (datelines, shouted headings) say little.
  if (span.every((w) => !/\p{Ll}/u.test(w.text)) && !(span.length === 1 && isAcronym(firstWord))) {
    c.per -= 2;
    c.org -= 1;
  }
}

/** "striker Alan Shearer", "Turkish foreign minister Mevlut Cavusoglu": the lower-case role before a name. */
function roleBefore(words: Word[], index: number, text: string): string {
  let k = index - 1;
  while (k - 1 >= 0 && words[k - 1].sentenceId === words[index].sentenceId && k > index - 4) {
    const w = words[k - 1];
    if (isRoleWord(w) || titleModifiers.has(w.bare) || w.has('Demonym') || (w.has('Adjective') && w.capitalised)) k--;
    else break;
    if (/[,;:.]/.test(text.slice(w.end, words[k + 1]?.start ?? w.end))) break;
  }
  // "and economist Tom Reyes": a role starts at its first content word.
  while (k < index - 1 && /^(?:and|of|the|for|or)$/.test(words[k].fold)) k++;
  return text.slice(words[k].start, words[index - 1].end);
}

/** "Rachel Ostrowski, a spokeswoman for Cascade Energy," — the role after a name. */
function appositiveRole(words: Word[], last: number, text: string): string | null {
  const name = words[last];
  const next = words[last + 1];
  if (!next || next.sentenceId !== name.sentenceId || name.possessive) return null;
  if (!/^,\s+$/.test(text.slice(name.end, next.start))) return null;
  let k = last + 1;
  const possessiveLead = /^(?:his|her|its|their)$/.test(words[k].fold);
  if (/^(?:a|an|the|his|her|its|their)$/.test(words[k].fold)) k++;
  const roleStart = k;
  let sawRole = false;
  let nameAfterRole = false;
  for (; k < words.length && k < roleStart + 8; k++) {
    const w = words[k];
    if (w.sentenceId !== name.sentenceId) break;
    // "executive partner of Tods Murray said Mr McLetchie": a missing comma; the role ends before the verb.
    // But a name right after a role word is the subject of the verb ("Dred Scott, Chief Justice Roberts said").
    if (sawRole && speechVerbsEndingRole.has(w.fold)) {
      if (nameAfterRole) return null;
      k--;
      break;
    }
    if (isRoleWord(w)) {
      // "Clinton, his son said he was ...": a new clause's subject, not an appositive ("Clinton, her daughter, said" is one).
      const after = words[k + 1];
      if (!sawRole && possessiveLead && after?.has('Verb') && !/ing$/.test(after.bare) && /^\s+$/.test(text.slice(w.end, after.start))) return null;
      // "According to the FT, the regulator has been annoyed": after an article, an auxiliary or "said" right after the role
      // makes it a clause's subject; without one it is a missing comma, and the role ends there ("Ann Ruiz, party spokesman said:").
      // "the mayor also said": an adverb may stand between.
      const verb = after && (after.fold === 'also' || adverbEnding.test(after.bare)) ? words[k + 2] : after;
      if (verb && clauseVerbs.has(verb.fold) && /^\s+$/.test(text.slice(w.end, after.start)) && /^\s*$/.test(text.slice(after.end, verb.start))) {
        if (k > last + 1 && /^(?:a|an|the|his|her|its|their)$/.test(words[last + 1].fold)) return null;
        sawRole = true;
        break;
      }
      // "having shrugged off Toure, the Pompey midfielder planted his shot wide": a verb and its object right after the
      // role make it a new clause's subject ("the chairman elected in 2004" is still a role).
      const object = words[k + 2];
      if (
        k > last + 1 &&
        /^(?:a|an|the|his|her|its|their)$/.test(words[last + 1].fold) &&
        after?.has('Verb') &&
        !/ing$/.test(after.bare) &&
        /^(?:a|an|the|his|her|its|their)$/.test(object?.fold ?? '') &&
        /^\s+$/.test(text.slice(w.end, after.start) + text.slice(after.end, object!.start))
      )
        return null;
      // "Souness, Ferguson and current Ibrox manager Alex McLeish": a role before a full name is that person's.
      const surname = words[k + 2];
      if (
        !sawRole &&
        after &&
        surname &&
        (isFirstName(after) || isGivenName(after.fold)) &&
        surname.capitalised &&
        /^\s+$/.test(text.slice(w.end, after.start) + text.slice(after.end, surname.start))
      )
        return null;
      sawRole = true;
    } else if (!sawRole && (w.fold === 'and' || w.fold === 'or') && words[k - 1].capitalised && words[k + 1] && !words[k + 1].capitalised) {
      // "Souness, Ferguson and current ...": a list of names, not an appositive.
      return null;
    } else if (!sawRole && !(titleModifiers.has(w.bare) || w.has('Adjective') || w.has('Demonym') || w.capitalised || w.has('Value'))) return null;
    const next = words[k + 1];
    const gap = text.slice(w.end, next?.start ?? w.end);
    if (sawRole && (isRoleWord(w) || (w.capitalised && (honorifics.has(w.bare) || titleModifiers.has(w.bare)))) && /^\s+$/.test(gap) && next?.capitalised)
      nameAfterRole ||= !isTitleOrRoleWord(next) && !honorifics.has(next.bare);
    // A dash before the role word: the role describes what the dash follows, another name
    // ("Clinton, Christine Pelosi — daughter of the leader — and").
    if (!sawRole && /[—–]/.test(gap)) return null;
    if (/[,;:.)]/.test(gap) || w.possessive) break;
  }
  if (!sawRole) return null;
  let end = Math.min(k, words.length - 1);
  // Cut off at the word limit inside a name: run on to the name's end ("dean of the University of |Arkansas
  // Clinton School of Public Service"), but never into a title ("close friend of |Gov. Mike Pence").
  if (k === roleStart + 8 && k < words.length) {
    for (let more = 0; more < 8 && end + 1 < words.length; more++) {
      const next = words[end + 1];
      const gap = text.slice(words[end].end, next.start);
      if (next.sentenceId !== name.sentenceId || !/^\s+$/.test(gap) || words[end].possessive) break;
      if (!(next.capitalised && !honorifics.has(next.bare) && !isTitleOrRoleWord(next)) && !(roleNameLinks.has(next.fold) && words[end].capitalised)) break;
      end++;
    }
  }
  // A relative clause says what the person did, not what they are: "a California-based investor |who has poured".
  for (let j = roleStart + 1; j <= end; j++) if (relativePronouns.has(words[j].fold)) end = j - 1;
  while (end > roleStart && (functionWords.has(words[end].fold) || roleNameLinks.has(words[end].fold))) end--;
  return text.slice(words[last + 1].start, words[end].end).replace(/[,;:.)]+$/, '');
}

/** Nouns that say a person is meant, though they are no title: "Valeska Moor, an Australian woman", "Ana Ruiz, a mother of three". */
const personNouns = /^(?:woman|man|girl|boy|teenager|mother|father|son|daughter|wife|husband|widow|widower|grandmother|grandfather|resident|native)$/;

/** "Valeska Moor, an Australian woman and former member": a person noun after a comma and an article, a few modifiers between. */
function describedAsPerson(words: Word[], last: number, text: string): boolean {
  const name = words[last];
  const article = words[last + 1];
  if (!article || article.sentenceId !== name.sentenceId || name.possessive || !/^,\s+$/.test(text.slice(name.end, article.start))) return false;
  if (article.fold !== 'a' && article.fold !== 'an') return false;
  for (let k = last + 2; k < words.length && k <= last + 5 && words[k].sentenceId === name.sentenceId; k++) {
    const w = words[k];
    if (personNouns.test(w.bare)) return true;
    if (!(w.has('Adjective') || w.has('Demonym') || w.has('Value') || /-old$/.test(w.bare)) || /[,;:.]/.test(text.slice(w.end, words[k + 1]?.start ?? w.end)))
      return false;
  }
  return false;
}

const relativePronouns = new Set(['who', 'whom', 'whose', 'which']);
/** Speech verbs a role runs into where a comma is missing: "executive partner of Tods Murray said". */
const speechVerbsEndingRole = new Set(['said', 'says', 'told', 'added']);
/** Verbs that only a clause's subject takes, never an appositive: "the regulator has", "the mayor said". */
const clauseVerbs = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'can',
  'could',
  'should',
  'must',
  'said',
  'says',
  'told',
  'added',
]);
/** Words inside an organization's name ("Veterans of America", "Perkins & Coie"). */
const roleNameLinks = new Set(['of', 'the', 'and', '&', 'for']);
const isTitleOrRoleWord = (w: Word) => titleModifiers.has(w.bare) || roleWords.has(w.bare);

/**
 * "A spokesman for Lakeview Mutual, Paul Desrosiers, said": a sentence that
 * opens with a role, then names its holder after a comma.
 */
function roleIntroducingName(words: Word[], first: number, text: string): string | null {
  const name = words[first];
  const before = words[first - 1];
  if (!before || before.sentenceId !== name.sentenceId || !/^,\s+$/.test(text.slice(before.end, name.start))) return null;
  for (let k = first - 1; k >= 0 && k >= first - 9 && words[k].sentenceId === name.sentenceId; k--) {
    const w = words[k];
    if (isRoleWord(w) && !w.capitalised) {
      // The role must open its sentence, after an article and adjectives at most.
      let opener = k - 1;
      while (opener >= 0 && words[opener].sentenceId === name.sentenceId && words[opener].has('Adjective') && !words[opener].capitalised) opener--;
      const article = words[opener];
      if (!article || article.sentenceId !== name.sentenceId || !/^(?:a|an|the)$/.test(article.fold) || !article.sentenceStart) return null;
      // Between the role and the name: "for", "at", "of" and the organization's capitalised words only.
      for (let j = k + 1; j < first; j++) if (!(words[j].capitalised || /^(?:for|at|of|with|the|and|&)$/.test(words[j].fold))) return null;
      if (/[,;:.]/.test(text.slice(w.end, words[first - 1].end))) return null;
      return text.slice(w.start, before.end);
    }
  }
  return null;
}

/** "Public Citizen, a consumer advocacy group," — an appositive that says the name is an organization. */
function describedAsOrganization(words: Word[], last: number, text: string): boolean {
  const name = words[last];
  const next = words[last + 1];
  if (!next || next.sentenceId !== name.sentenceId || name.possessive) return false;
  if (!/^,\s+$/.test(text.slice(name.end, next.start)) || !/^(?:a|an|the)$/.test(next.fold)) return false;
  for (let k = last + 2; k < words.length && k <= last + 6 && words[k].sentenceId === name.sentenceId; k++) {
    if (organizationNouns.test(words[k].bare)) return true;
    // A place or a nationality may stand inside it: "De Telegraaf, a daily Amsterdam newspaper", "a Swiss bank".
    const placeOrNationality = ['City', 'Country', 'Region', 'Place', 'Demonym'].some((t) => words[k].has(t));
    if (/[,;:.)]/.test(text.slice(words[k].end, words[k + 1]?.start ?? words[k].end)) || (words[k].capitalised && !placeOrNationality)) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Resolution

/**
 * Evidence needed to call a name a person or an organization, tuned on the
 * CoNLL-2003 training split. A person needs less: unfamiliar names in news
 * copy are far more often people than organizations.
 */
const personThreshold = 2;
const organizationThreshold = 3;

/**
 * Weighs the candidates of one paragraph and settles the kind of those with
 * clear evidence. `text` is the paragraph's text in the draft.
 */
export function weighCandidates(
  words: Word[],
  text: string,
  parsed: NlpParagraph,
  candidates: SpanCandidate[],
  surroundings: ParagraphSurroundings,
  tags: readonly TaggedWord[],
): void {
  // compromise's own spans, keyed by range, as one more piece of evidence.
  const nlpSpans = new Map<string, Set<string>>();
  const add = (spans: { start: number; end: number }[], kind: string) => {
    for (const s of spans) {
      const key = `${s.start}:${s.end}`;
      (nlpSpans.get(key) ?? nlpSpans.set(key, new Set()).get(key)!).add(kind);
    }
  };
  add(parsed.people, 'per');
  add(parsed.organizations, 'org');
  add(parsed.places, 'loc');
  const resultsTable = isResultsTable(words);
  for (const c of candidates) {
    weighEvidence(c, words, text, nlpSpans, resultsTable, surroundings, tags);
    if (c.tableEntry) continue;
    const best = Math.max(c.per, c.org);
    if (c.per >= c.org && c.per >= personThreshold && c.per > c.loc) c.kind = 'person';
    else if (c.org > c.per && c.org >= organizationThreshold && c.org > c.loc) c.kind = 'organization';
    c.firm = c.kind !== undefined && best >= 5 && best - Math.min(c.per, c.org) >= 3;
  }
  joinFullNames(candidates, words);
}

/**
 * "Zenon Poznyak and Sergei Naumchik": a full name joined by "and" to a person's full name the
 * evidence is sure of is a person too, unless its own evidence says organization (eng.train: of the
 * names of two words or more joined this way, 59 pairs are both people, 1 a person and an organization).
 */
function joinFullNames(candidates: SpanCandidate[], words: Word[]): void {
  const isSurePerson = (c: SpanCandidate | undefined) => c !== undefined && c.kind === 'person' && c.firm && c.last > c.first;
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n];
    if (c.kind === 'person' || c.firm || c.tableEntry || c.last === c.first || c.loc >= c.per + 4) continue;
    if (organizationEndings.has(words[c.last].bare) || !words.slice(c.first, c.last + 1).every((w) => w.capitalised)) continue;
    const joined = (a: SpanCandidate, b: SpanCandidate | undefined) => b !== undefined && b.first === a.last + 2 && words[a.last + 1].fold === 'and';
    const next = candidates[n + 1];
    const previous = candidates[n - 1];
    if ((joined(c, next) && isSurePerson(next)) || (previous && joined(previous, c) && isSurePerson(previous))) {
      c.kind = 'person';
      c.per = Math.max(c.per, c.org + 1);
    }
  }
}

/** How much the trained tagger's reading counts against the hand-written cues: 6, 8 and 12 tried on testa gave PER+ORG F1 within 0.4; 6 keeps the best precision. */
const taggerWeight = 6;

/**
 * The trained tagger (tagger.ts) as evidence: each word of the span votes
 * for its label's type with the tagger's confidence. A span the tagger reads
 * as exactly one name counts in full, a partial reading half.
 */
function weighTaggerVotes(c: SpanCandidate, tags: readonly TaggedWord[]): void {
  if (tags.length === 0) return;
  const votes = { PER: 0, ORG: 0, LOC: 0, MISC: 0 };
  const first = tags[c.first]?.label ?? 'O';
  const type = first.slice(2);
  let exact = first.startsWith('B-');
  for (let k = c.first; k <= c.last; k++) {
    const { label, confidence } = tags[k] ?? { label: 'O', confidence: 0 };
    if (label !== 'O') votes[label.slice(2) as keyof typeof votes] += confidence;
    if (k > c.first && label !== `I-${type}`) exact = false;
  }
  if (tags[c.last + 1]?.label === `I-${type}`) exact = false;
  const share = ((exact ? 1 : 0.5) * taggerWeight) / (c.last - c.first + 1);
  c.per += votes.PER * share;
  c.org += votes.ORG * share;
  c.loc += (votes.LOC + votes.MISC) * share;
}

/** A paragraph with many figures (scores, results, standings) reads names differently. */
export function isResultsTable(words: Word[]): boolean {
  return words.length > 0 && words.filter((w) => /\d/.test(w.text)).length / words.length >= 0.2;
}

/** Kinds of music or film that open a performer's or a work's description ("Pop star", "Horror movie"). */
export const genreWords =
  /^(?:pop|rock|soul|r&b|rap|hip-hop|hip hop|jazz|folk|punk|indie|country|reggae|gospel|blues|metal|disco|grime|techno|opera|classical|dance|electro|grunge|britpop|horror|action|sci-fi|fantasy|animated|romantic|adventure|superhero|crime|disaster|teen|martial)$/;

/** A band member's role, and a firm's staff role a politician's aide never has (an adviser or a strategist may be anyone's). */
const bandRoles = /^(?:singer|guitarist|drummer|bassist|frontman|frontwoman|vocalist|keyboardist)$/;
const firmRoles = /^(?:economist|analyst)$/;

/**
 * A lower-case band member's or firm's role right after the name `last` ends, then a full name in the same sentence
 * ("Manfred Mann singer Paul Jones", "Coldplay lead singer Chris Martin"): 'band' or 'firm'; undefined otherwise.
 */
function memberRoleAfter(text: string, words: Word[], last: number): 'band' | 'firm' | undefined {
  const name = words[last];
  let k = last + 1;
  if (words[k]?.fold === 'lead') k++;
  const role = words[k];
  const [first, second] = [words[k + 1], words[k + 2]];
  if (!role || role.capitalised || name.possessive || !first?.capitalised || !second?.capitalised) return undefined;
  if (role.sentenceId !== name.sentenceId || second.sentenceId !== name.sentenceId || !/^\s+$/.test(text.slice(name.end, words[last + 1].start)))
    return undefined;
  if (!continuesName(text, first, second)) return undefined;
  return bandRoles.test(role.fold) ? 'band' : firmRoles.test(role.fold) ? 'firm' : undefined;
}
