// Candidate names: runs of capitalised words ("Bank of England", "Charles de
// Gaulle") and matches of the organization table, trimmed to the name, with
// titles ("Foreign Minister") kept out of the name and recorded as the role.

import { lexiconTags } from '../nlp';
import type { SpanCandidate, TableEntry, Word } from './types';
import {
  adverbEnding,
  courtesyTitles,
  functionWords,
  generationalSuffix,
  honorifics,
  isGivenName,
  kinship,
  knownAsName,
  linkedBodyHeads,
  causeVerbs,
  nameParticles,
  nonNames,
  occupationEnding,
  organizationEndings,
  organizationHeads,
  pluralTitles,
  roleWords,
  stateAbbreviations,
  subjectBodyHeads,
  tableByFirstWord,
  timeTags,
  titleModifiers,
  titlesThatAreFirstNames,
} from './tables';
import {
  compromiseOpensSentenceOrQuote,
  continuesName,
  isAcronym,
  isFirstName,
  isInterjection,
  isRoleWord,
  mayDropOpener,
  opensAfterSuperPac,
  opensSentenceOrQuote,
  afterPlaceAdjective,
} from './words';

function findTableMatch(words: Word[], i: number, text: string): { entry: TableEntry; length: number } | undefined {
  const forms = tableByFirstWord.get(words[i].bare) ?? tableByFirstWord.get(words[i].fold);
  if (!forms) return undefined;
  for (const form of forms) {
    const n = form.words.length;
    if (i + n > words.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const w = words[i + k];
      if (w.bare !== form.words[k] && w.fold !== form.words[k]) ok = false;
      else if (k > 0 && !continuesName(text, words[i + k - 1], w)) ok = false;
    }
    if (!ok || (form.possessive && !words[i + n - 1].possessive)) continue;
    const surface = words.slice(i, i + n);
    if (form.exactCase !== null) {
      if (surface.map((w) => w.text).join(' ') !== form.exactCase) continue;
    } else if (!surface.some((w) => w.capitalised)) continue;
    return { entry: form.entry, length: n };
  }
  return undefined;
}

/** Party words that, between a name and a common noun, say which side: "the ABC Democratic debate". */
const partyModifiers = new Set(['democratic', 'republican', 'gop', 'democrat', 'labour', 'tory', 'conservative', 'liberal']);

/**
 * "the CIA Benghazi outpost", "the ABC Democratic debate": one city or party word between a known
 * organization and a lower-case noun says what the noun is about; it does not lengthen the name. A region
 * may ("GM Europe boss").
 */
function modifiesNounAfterName(words: Word[], k: number): boolean {
  const modifier = words[k];
  const noun = words[k + 1];
  if (!noun || noun.capitalised || noun.sentenceId !== modifier.sentenceId || !/^\s+$/.test(modifier.post) || functionWords.has(noun.bare)) return false;
  return partyModifiers.has(modifier.bare) || (modifier.has('City') && !modifier.has('Organization'));
}

/** Words a broadcaster's channel or station is numbered after. */
const stationWords = new Set(['radio', 'channel', 'tv', 'bbc', 'itv', 'fox', 'abc', 'nbc', 'cbs', 'wnbc', 'sky']);

/** "the Office of the Deputy Prime Minister", "the Office for the Deputy Prime Minister": a body's head, "of" or "for", and the office it serves. */
export function namedForOffice(words: readonly Word[], first: number, last: number): boolean {
  return last > first + 1 && organizationHeads.has(words[first].bare) && /^(?:of|for)$/.test(words[first + 1].text);
}

/** Whether the word at k is a station's number after its name: the "4" of "BBC Radio 4", "Channel 4 News", "BBC Radio Five Live". */
export function isStationNumber(words: readonly Word[], k: number): boolean {
  return k > 0 && stationNumber.test(words[k]?.text ?? '') && stationWords.has(words[k - 1].bare);
}

/** A station's number, in figures or a capitalised word ("BBC One", "Radio Five Live"). */
const stationNumber = /^(?:\d{1,2}|One|Two|Three|Four|Five|Six|Seven)$/;

/** Whether the word at k names a station ("Radio", "Channel"). */
export const isStationWord = (word: Word): boolean => stationWords.has(word.bare);

/** A member of a party, in the singular: never the party itself. */
const partyMembers = new Set(['democrat', 'republican', 'libertarian', 'dixiecrat']);
const chambers = new Set(['house', 'senate', 'hill', 'assembly', 'congressional']);

/** Party nouns: before a full name they give the person's party, never part of the name. */
const partyNouns = new Set(['democrat', 'democrats', 'republican', 'republicans', 'libertarian', 'libertarians', 'tory']);

/** The words this paragraph capitalises mid-sentence: across the draft, they are names whatever their tags say. */
export function midSentenceCapitalsOf(words: Word[]): string[] {
  return words.filter((w) => w.capitalised && !compromiseOpensSentenceOrQuote(w)).map((w) => w.fold);
}

/**
 * The words whose reading depends on the whole draft: a capitalised verb or
 * adjective opening a sentence is a name only if the story capitalises it
 * mid-sentence somewhere too (see isCommonWord below).
 */
export function draftDependentWords(words: Word[]): string[] {
  return words.filter((w) => compromiseOpensSentenceOrQuote(w)).map((w) => w.fold);
}

/**
 * Candidates of one paragraph. `midSentenceCapitals` holds the draft's
 * mid-sentence capitals; only the paragraph's draftDependentWords are looked up.
 */
export function buildCandidates(words: Word[], text: string, midSentenceCapitals: ReadonlySet<string>): SpanCandidate[] {
  const candidates: SpanCandidate[] = [];
  let i = 0;
  while (i < words.length) {
    const match = findTableMatch(words, i, text);
    const following = match && words[i + match.length];
    // "UN Security Council", "Reuters Television": the table names only part of a longer name.
    // But a title after it is not part of it: "Fed Chair Tomas Berg", "former Tory Treasurer Lord Ashcroft".
    const partOfLongerName =
      following &&
      following.capitalised &&
      continuesName(text, words[i + match.length - 1], following) &&
      !honorifics.has(following.bare) &&
      !isRoleWord(following) &&
      !modifiesNounAfterName(words, i + match.length);
    if (match && !partOfLongerName) {
      candidates.push({ first: i, last: i + match.length - 1, role: null, tableEntry: match.entry, per: 0, org: 10, loc: 0, kind: 'organization', firm: true });
      i += match.length;
      continue;
    }
    // "The White House": a capitalised article before a table name is not part of it. "Image: Lena Ostrow": a credit's label is no name.
    if (!words[i].capitalised || isCreditLabel(words[i], text) || (words[i].fold === 'the' && i + 1 < words.length && findTableMatch(words, i + 1, text))) {
      i++;
      continue;
    }
    let last = i;
    // Where a body's name last took a link ("Court" in "District Court for the District of Columbia"): a few
    // words on, the name it links to may take one of its own.
    let bodyLink = -1;
    for (;;) {
      const next = words[last + 1];
      if (!next) break;
      // A credit's label ends the name before it: "student Ahmed Mohamed Image: Twitter".
      if (isCreditLabel(next, text)) break;
      // Not a day after a station's number: "the Radio 1 Thursday night show", "BBC One Saturday night".
      if (
        next.capitalised &&
        continuesName(text, words[last], next) &&
        !((/^\d/.test(words[last].text) || isStationNumber(words, last)) && timeTags.some((t) => next.has(t)))
      ) {
        last++;
        continue;
      }
      // "BBC Radio 4", "Channel 4 News", "Radio 5 Live": a station's number is part of its name.
      if (isStationNumber(words, last + 1) && continuesName(text, words[last], next)) {
        last++;
        continue;
      }
      // Lower-case links inside a name: "Bank of England", "Charles de Gaulle".
      const after = words[last + 2];
      const afterThat = words[last + 3];
      if (!next.capitalised && after && continuesName(text, words[last], next)) {
        // "Bank of England", "Secretary of State", but not "Dr. Lena Moreau of Harborview University".
        const head = words[last].bare;
        const opener = words[i].fold === 'the' && i < last ? i + 1 : i;
        const headedByBody = organizationHeads.has(words[opener].bare) || linkedBodyHeads.has(words[opener].bare);
        const orgOrTitle =
          organizationHeads.has(head) ||
          linkedBodyHeads.has(head) ||
          (honorifics.has(head) && !followsInitial(words, last, text)) ||
          (headedByBody && last - opener < (words.slice(opener, last).some((w) => w.text === 'the') ? 5 : 3)) ||
          (bodyLink >= 0 && last - bodyLink < 5);
        const linksBody = organizationHeads.has(head) || linkedBodyHeads.has(head) || headedByBody;
        if ((next.fold === 'of' || next.fold === 'for') && orgOrTitle && after.capitalised && continuesName(text, next, after)) {
          if (linksBody && bodyLink < 0) bodyLink = last;
          last += 2;
          continue;
        }
        // "Chief Secretary to the Treasury Paul Boateng", "Ambassador to the United Nations Nikki Haley": a title's "to the".
        if (
          (next.fold === 'of' || next.fold === 'for' || (next.fold === 'to' && titlesTakingTo.test(head) && !followsInitial(words, last, text))) &&
          orgOrTitle &&
          after.fold === 'the' &&
          afterThat?.capitalised &&
          continuesName(text, after, afterThat)
        ) {
          if (linksBody && bodyLink < 0) bodyLink = last;
          last += 3;
          continue;
        }
        // "Hispanic Patriots for Trump", "Muslim Americans for Trump": a people's group named for whom it backs, mid-sentence
        // ("Lawyers for Mr Fawcett said" opens a sentence with a common noun).
        if (
          (next.text === 'for' || next.text === 'against') &&
          last - opener <= 1 &&
          !opensSentenceOrQuote(words, opener) &&
          (last > opener || words[last].has('Demonym')) &&
          /\p{Ll}s$/u.test(words[last].text) &&
          !words[last].possessive &&
          words[last].has('Plural') &&
          after.capitalised &&
          continuesName(text, next, after)
        ) {
          last += 2;
          continue;
        }
        // "Council on Foreign Relations", "Commission on Presidential Debates": a body named for its subject, two
        // capitals at least, neither a place nor a day ("the Security Council on North Korea", "the Council on Monday").
        if (
          next.fold === 'on' &&
          subjectBodyHeads.has(head) &&
          after.capitalised &&
          afterThat?.capitalised &&
          continuesName(text, next, after) &&
          continuesName(text, after, afterThat) &&
          ![after, afterThat].some((w) => w.has('Place') || timeTags.some((t) => w.has(t)))
        ) {
          last += 2;
          continue;
        }
        // "University of Texas at Austin", "University of North Carolina at Greensboro": a state university's campus.
        if (
          next.fold === 'at' &&
          words[opener].bare === 'university' &&
          words[opener + 1]?.fold === 'of' &&
          after.capitalised &&
          !timeTags.some((t) => after.has(t)) &&
          !/^(?:christmas|easter|thanksgiving|halloween|hanukkah|ramadan|eid)$/.test(after.bare) &&
          continuesName(text, next, after)
        ) {
          last += 2;
          continue;
        }
        // "Committee to Protect Journalists", "Campaign to Stop Killer Robots": a body named for its cause.
        if (
          next.fold === 'to' &&
          (organizationHeads.has(head) || linkedBodyHeads.has(head)) &&
          last === opener &&
          after.capitalised &&
          causeVerbs.has(after.fold) &&
          afterThat?.capitalised &&
          continuesName(text, next, after) &&
          continuesName(text, after, afterThat)
        ) {
          last += 2;
          continue;
        }
        // "the Fraser of Allander Institute": after "the", one word, "of" and a name that ends as a body's does.
        if (
          next.fold === 'of' &&
          last === i &&
          words[i - 1]?.fold === 'the' &&
          !honorifics.has(head) &&
          after.capitalised &&
          continuesName(text, next, after) &&
          organizationEndings.has(lastCapitalisedAfter(words, last + 2, text))
        ) {
          last += 2;
          continue;
        }
        // "Procter and Gamble Co", "Barnes & Noble Inc"; but "Credit Suisse and Deutsche Bank" are two.
        if (
          (next.fold === '&' || (next.text === 'and' && last === i)) &&
          !organizationEndings.has(words[last].bare) &&
          after.capitalised &&
          continuesName(text, next, after) &&
          organizationEndings.has(lastCapitalisedAfter(words, last + 2, text))
        ) {
          last += 2;
          continue;
        }
        // One particle or two: "Charles de Gaulle", "Ludwig van der Berg", "Maria de la Cruz".
        const particles = nameParticles.has(after.fold) && continuesName(text, next, after) ? 2 : 1;
        const surname = words[last + 1 + particles];
        if (nameParticles.has(next.fold) && surname?.capitalised && continuesName(text, words[last + particles], surname) && !words[last].has('Place')) {
          last += 1 + particles;
          continue;
        }
      }
      break;
    }
    const shaped = shapeCandidate(words, i, last, text, midSentenceCapitals);
    // "Federal Reserve Chair Ana Ruiz": the table name before a title belongs to the role.
    const previous = candidates[candidates.length - 1];
    if (previous?.tableEntry && previous.last === i - 1 && shaped[0]?.role && continuesName(text, words[i - 1], words[i])) {
      shaped[0].role = text.slice(words[previous.first].start, words[i].start) + shaped[0].role;
    }
    candidates.push(...shaped);
    i = last + 1;
  }
  sharePluralTitles(candidates, words, text);
  return candidates;
}

/** "Sens. Ada Whitcomb and Lyle Brandvold": a plural title covers the name joined to its own by "and". */
function sharePluralTitles(candidates: SpanCandidate[], words: Word[], text: string): void {
  for (let n = 0; n + 1 < candidates.length; n++) {
    const c = candidates[n];
    const next = candidates[n + 1];
    if (!c.role || !pluralTitles.has(foldTitle(c.role))) continue;
    if (next.first !== c.last + 2 || words[c.last + 1].fold !== 'and' || next.role) continue;
    if (words[next.first].sentenceId !== words[c.last].sentenceId || /[,;:.]/.test(text.slice(words[c.last].end, words[next.first].start))) continue;
    next.role = c.role;
    next.per += 6;
  }
}

/** Whether the word at k comes right after an initial with its period ("T." in "Peter T. King"). */
function followsInitial(words: Word[], k: number, text: string): boolean {
  const initial = words[k - 1];
  return (
    initial !== undefined &&
    /^\p{Lu}\.?$/u.test(initial.text) &&
    (initial.text.endsWith('.') || text[initial.end] === '.') &&
    continuesName(text, initial, words[k])
  );
}

/** A formal title, hyphenated ones too: "Sen.", "Lieutenant-General", "Prime Minister-designate". */
function isFormalTitle(bare: string): boolean {
  return honorifics.has(bare) || (bare.includes('-') && honorifics.has(bare.slice(0, bare.indexOf('-'))));
}

/** The last word of a title, folded without its period: "Sens." -> "sens". */
const foldTitle = (role: string) => role.trim().split(/\s+/).pop()!.toLowerCase().replace(/\.$/, '');

/** The bare form of the last capitalised word of the run starting at i. */
function lastCapitalisedAfter(words: Word[], i: number, text: string): string {
  let j = i;
  while (words[j + 1]?.capitalised && continuesName(text, words[j], words[j + 1])) j++;
  return words[j].bare;
}

/**
 * "Governor of Pemberton Rosa Quill", "Director of Public Works
 * Omar Vell": a title's "of" runs over what it names to the name proper, which
 * starts at the first word compromise reads as a first name ("Board" in
 * "Chairman of the Board Lena Moreau" it reads as a person), and
 * keeps at least its last two words (one when only two are left): "Prime
 * Minister of the United Kingdom Boris Vell" keeps "Boris", which compromise
 * reads as a place. Returns the index where the name starts (nameStart itself
 * when no "of" follows a title).
 */
function pastTitlePlace(words: Word[], nameStart: number, last: number): number {
  const isLink = (w: Word | undefined) => w?.fold === 'of' || w?.fold === 'for' || w?.fold === 'to';
  // The title's words may or may not include the link ("Prime Minister of the").
  let k = nameStart;
  if (isLink(words[k])) k++;
  else if (!(isLink(words[k - 1]) || (words[k - 1]?.fold === 'the' && isLink(words[k - 2])))) return nameStart;
  if (words[k]?.fold === 'the') k++;
  const remaining = last - k + 1;
  const longestPlace = remaining - (remaining >= 3 ? 2 : 1);
  let end = k;
  while (end - k < longestPlace && words[end].capitalised && !isFirstName(words[end])) end++;
  return end > k ? end : nameStart;
}

/**
 * A place a title holds in, by its last word: "Clark County Sheriff", "U.S. District Judge", "New York City
 * Mayor"; but a school or a water district is a body of its own ("Oak Park School District Superintendent").
 */
export function namesJurisdiction(words: readonly Word[], first: number, last: number): boolean {
  if (!/^(?:county|parish|district|city|township|borough)$/.test(words[last].bare)) return false;
  return !words.slice(first, last).some((w) => /^(?:school|schools|unified|water|fire|transit|sanitation|hospital|utility|library|parks?)$/.test(w.bare));
}

/** Trades that open a sentence before a company's name: "Distributor Sony Pictures said", "Retailer Tesco", "Bookmaker Ladbrokes". Not "Airline" ("Airline Pilots Association"). */
export const openingTrades =
  /^(?:distributor|retailer|carmaker|automaker|insurer|lender|broadcaster|publisher|brewer|miner|chipmaker|drugmaker|supermarket|conglomerate|manufacturer|bookmaker)$/;

/** Titles held "to" someone or somewhere: "Ambassador to the United Nations", "Assistant to the President". */
const titlesTakingTo = /^(?:secretary|ambassador|envoy|minister|adviser|advisor|assistant|counsellor|counselor|representative|delegate|emissary|attache)$/;

/** The label of a picture's or a clip's credit, before its colon: "Image: Nick Moreau", "Photo: AP". */
function isCreditLabel(w: Word, text: string): boolean {
  return (
    /^(?:image|images|photo|photos|photograph|picture|video|audio|credit|credits|caption|illustration|graphic|graphics)$/.test(w.bare) && text[w.end] === ':'
  );
}

/** A month, whole or abbreviated ("Sept", "Jan-Feb"), but not a name that starts like one ("Marelli", "Decker"). */
/** Feasts and holidays, which compromise may not tag as dates after a title ("Father Christmas"). */
const holidayName = /^(?:christmas|xmas|easter|ramadan|eid|diwali|hanukkah|thanksgiving|passover|halloween|lent|advent|hogmanay)$/;

/** Whether every word of a phrase is a title's word or a link ("Lord of the"), unlike a body's name a title opens ("Doctor Who Society of"). */
const titleWordsOnly = (phrase: string) =>
  phrase.split(/\s+/).every((w) => {
    const bare = w.toLowerCase().replace(/\.$/, '');
    return bare === 'of' || bare === 'the' || honorifics.has(bare) || titleModifiers.has(bare) || roleWords.has(bare);
  });

export const monthName =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:-\w+)?$/;

/**
 * Trim a run of capitalised words to the name: drop a sentence-initial
 * common word and "The", split off a title as the person's role ("Reserve
 * Bank of India Governor" + "Chakravarty Rangarajan"), and reject months,
 * days and nationalities. A title may carry an organization or place of its
 * own before it, which becomes a candidate too.
 */
function shapeCandidate(words: Word[], first: number, last: number, text: string, midSentenceCapitals: ReadonlySet<string>): SpanCandidate[] {
  const isCommonWord = (w: Word) => {
    if (functionWords.has(w.bare) || adverbEnding.test(w.bare)) return true;
    if (isInterjection(w)) return true;
    // "Yesterday Mohamed received", "Monday Jones left": a day opening the sentence; not a month ("January Jones").
    if ((/^(?:yesterday|today|tonight|tomorrow)$/.test(w.bare) || w.has('WeekDay')) && !w.has('FirstName') && !isGivenName(w.bare)) return true;
    if (w.has('Person') || w.has('Organization') || w.has('Place')) return false;
    if (['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Expression', 'Adverb'].some((t) => w.has(t))) return true;
    // "Held", "Stenning", "Despite": a guessed verb or adjective is a name only if the story capitalises it elsewhere too.
    if (w.has('Verb') || w.has('Adjective') || w.has('Value') || w.has('Plural')) return !midSentenceCapitals.has(w.fold);
    // A capitalised compound of lower-case words starts a sentence, it does not name anyone: "Third-seeded".
    return /^\p{Lu}\p{Ll}+-\p{Ll}/u.test(w.text) && !midSentenceCapitals.has(w.fold);
  };
  // Sentence-initial (or quote-initial) common words: "Despite", "The", "Officials".
  // "Federal Reserve Chair", "National Bank": a sentence-initial adjective that opens a title or an organization stays.
  const introducesTitle = (k: number) =>
    k < last &&
    (isFormalTitle(words[k + 1].bare) ||
      titleModifiers.has(words[k + 1].bare) ||
      organizationEndings.has(words[k + 1].bare) ||
      roleWords.has(words[k + 1].bare)) &&
    // "Even Administrator Berg agreed": an adverb or a preposition opening the sentence is no part of a title.
    !['Determiner', 'Adverb', 'Preposition', 'Conjunction', 'Pronoun'].some((t) => words[k].has(t)) &&
    // Nor a function word, whatever the tagger reads: "Under Mr Tellier's tenure", "When Prime Minister Ana Ruiz", "Now Mr Vell"
    // ("Under Secretary Tom Vell" keeps it).
    !((functionWords.has(words[k].bare) || words[k].bare === 'now') && (words[k].bare !== 'under' || courtesyTitles.has(words[k + 1].bare)));
  const numberedStation = (k: number) => isStationNumber(words, k + 1);
  while (
    first <= last &&
    mayDropOpener(words, first, last) &&
    ((isCommonWord(words[first]) && !introducesTitle(first) && !numberedStation(first)) || words[first].fold === 'the')
  )
    first++;
  while (first <= last && (words[first].fold === 'the' || (words[first].fold === 'a' && text[words[first].end] !== '.'))) first++;
  first = afterPlaceAdjective(words, first, last);
  if (first < last && opensAfterSuperPac(words, first)) first++;
  // "Team Trump", "Camp Clinton": a candidate's campaign, named for them; the name is theirs.
  // Not "Team GB", "Team Sky", "Team Europe": an acronym, or a word the lexicon knows as something other than a name.
  if (first < last && campaignWords.has(words[first].bare) && standsForPerson(words[first + 1])) first++;
  // "Crooked Hillary", "Lyin' Ted Cruz": an insult before a first name is a nickname's, not the name's.
  if (first < last && nicknameInsults.has(words[first].bare) && (words[first + 1].has('FirstName') || isGivenName(words[first + 1].bare))) first++;
  if (first > last) return [];

  const result: SpanCandidate[] = [];
  let role: string | null = null;
  let per = 0;
  // "Psychotherapist Lena Varga": an occupation opening the sentence is a title, not a first name.
  const opening = words[first];
  if (
    first < last &&
    opensSentenceOrQuote(words, first) &&
    // "Rapper Eminem": the tagger reads a role before a name as part of it; a role word known as a first name stays
    // the name's, and so does a relation ("Mother Jones", a magazine).
    !(opening.has('Person') && (knownAsName(opening.bare) || kinship.test(opening.bare))) &&
    (roleWords.has(opening.bare) || occupationEnding.test(opening.bare)) &&
    !honorifics.has(opening.bare)
  ) {
    role = opening.text;
    per += 4;
    first++;
  }
  // "Distributor Sony Pictures said", "Retailer Tesco": a trade opening the sentence says what the name is, and is no part of it.
  let trade = false;
  if (first < last && opensSentenceOrQuote(words, first) && openingTrades.test(opening.bare)) {
    trade = true;
    first++;
  }
  // A capitalised occupation heads a title when a full name follows it: "County Engineer David Lindqvist"
  // (but "Tom Cook" keeps his surname: one word after it is not a full name).
  // So does a party noun, an affiliation rather than a title: "Democrat Ana Ruiz", "House Republican Tom Vell".
  // "Dean Jones" is a first name and a surname; "Dean Ellen Smith" is a title before a full name.
  const fullNameFollows = (w: Word) => last - w.index >= 2;
  // "Peter T. King": after a middle initial comes the surname, whatever else the word may be.
  const headsTitle = (w: Word) =>
    !(w.index > first && followsInitial(words, w.index, text)) &&
    ((isFormalTitle(w.bare) && (!titlesThatAreFirstNames.has(w.fold) || fullNameFollows(w))) ||
      ((roleWords.has(w.bare) || partyNouns.has(w.bare)) && w.capitalised && fullNameFollows(w)));
  // "de" is a title's in "de facto" only; before a surname it is the name's ("Mayor Bill de Blasio").
  const isTitleWord = (w: Word) => headsTitle(w) || (titleModifiers.has(w.bare) && (w.bare !== 'de' || words[w.index + 1]?.bare === 'facto'));
  // "the Criminal Justice Bill", "the Criminal Justice Act": a law, though "Justice" heads a judge's name; no one
  // goes by a title and "Bill" alone ("Justice Bill Owens" is a full name).
  const lawAfterTitle =
    last > first &&
    /^(?:bill|act|paper)$/.test(words[last].bare) &&
    words[last].capitalised &&
    isTitleWord(words[last - 1]) &&
    !words[last - 1].has('FirstName') &&
    !isGivenName(words[last - 1].bare);
  if (lawAfterTitle) return [{ first, last, role: null, per: 0, org: 0, loc: 100, firm: false }];
  // A body named for an office ends with the office, and no one holds that title here.
  if (isFormalTitle(words[last].bare) && namedForOffice(words, first, last)) return [{ first, last, role: null, per: 0, org: 0, loc: 0, firm: false }];
  if (!organizationEndings.has(words[last].bare) && last > first) {
    // The name proper: the words after the last title word.
    let k = last;
    while (k > first && !isTitleWord(words[k - 1])) k--;
    k = pastTitlePlace(words, k, last);
    let h = k - 1;
    while (h >= first && !headsTitle(words[h])) h--;
    // "Martin Luther King Jnr": a generation alone after a title is no name; the title word is the surname.
    const onlyGeneration = words.slice(k, last + 1).every((w) => generationalSuffix.test(w.bare));
    if (k > first && h >= first && !onlyGeneration) {
      // The title phrase runs back from its honorific over modifiers and nationalities.
      let t = h;
      while (t > first && (isTitleWord(words[t - 1]) || words[t - 1].has('Demonym') || (words[t - 1].has('Adjective') && !words[t - 1].has('Person')))) t--;
      // Keep an abbreviated title's period: "Dr.", "Sen.".
      const titleEnd = words[k - 1].end + (text[words[k - 1].end] === '.' ? 1 : 0);
      // "Mr.", "Mrs.", "Dr." say someone is a person, not what the person does; "Democrat" says their party.
      const courtesyOnly = words.slice(first, k).every((w) => courtesyTitles.has(w.bare) || partyNouns.has(w.bare));
      role = courtesyOnly ? null : text.slice(words[first].start, titleEnd);
      per += 6;
      // What precedes a title is an organization, a place or a party ("Christian Democrat"), never a person.
      // "Clark County Sheriff Joe Lombardo", "U.S. District Judge": a county or a district before a title is where it holds.
      const jurisdiction = t > first && namesJurisdiction(words, first, t - 1);
      if (t > first)
        for (const before of shapeCandidate(words, first, t - 1, text, midSentenceCapitals))
          result.push({ ...before, per: before.per - 10, loc: jurisdiction && before.last === t - 1 ? 100 : before.loc });
      first = k;
    }
  }
  const span = words.slice(first, last + 1);
  if (span.every((w) => timeTags.some((t) => w.has(t)) || w.has('Value') || monthName.test(w.bare) || holidayName.test(w.bare))) return result;
  // "registered as a Democrat", "a Michigan Republican": one member of a party, not the party; kept as a rejected
  // reading so that the tagger cannot add it.
  // "House Democrats", "Senate Republicans": the party's lawmakers in a chamber, a group of people, not an organization.
  const chamberMembers = span.length === 2 && chambers.has(span[0].bare) && /^(?:democrats|republicans)$/.test(span[1].bare);
  if ((span.length <= 2 && partyMembers.has(span[span.length - 1].bare)) || chamberMembers) {
    result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  if (span.length === 1 && (span[0].has('Demonym') || (span[0].has('Adjective') && !span[0].has('ProperNoun')))) {
    // "Cuban said": a nationality standing as a noun may be a surname. The evidence never makes it a name (loc above
    // anything it weighs); only the story's full name ("Mark Cuban") does, in resolution.ts.
    if (span[0].has('Demonym') && standsAsNoun(words, last)) result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  if (span.every((w) => !/\p{L}/u.test(w.text))) return result;
  // "Council backs ferry plan": a lone generic noun of organizations opening a headline is capitalised for its
  // place, unless the story capitalises it mid-sentence too; kept as a rejected reading so the tagger cannot add it.
  // In a sentence it may stand for a body the story named ("Parliament approved the cabinet"), so only in a headline.
  const genericOpening =
    span.length === 1 &&
    span[0].index === 0 &&
    isHeadline(text) &&
    (organizationEndings.has(span[0].bare) || organizationHeads.has(span[0].bare)) &&
    !midSentenceCapitals.has(span[0].fold);
  if (genericOpening) {
    result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  // "Lyin' Ted": the insult alone, cut off by its apostrophe, names no one.
  if (span.length === 1 && (nonNames.has(span[0].bare) || nicknameInsults.has(span[0].bare))) return result;
  // "his Secretary of State", "the minister of Finance": the department completes the title, and no one is named.
  // "Lord of the Rings", "president of Cesar organisers": whatever a title ending in "of" governs is a thing or a
  // body, never the person holding it ("Mayor of London Ken Livingstone" ends its title at London).
  // Not a body's name that a title word opens ("Doctor Who Society of Canada").
  if (role && ((span.length === 1 && /\b(?:secretary|minister) of$/i.test(role)) || (/\bof(?:\s+the)?$/i.test(role) && titleWordsOnly(role)))) {
    result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  // "the Department of Justice Inspector General": the title's own last word, which no one is called, names no one.
  if (span.length === 1 && role && officesNoOneIsCalled.test(span[0].bare)) {
    result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  // "State Minister for National Development Planning": a gerund, which no surname is, ends the title ("Lord Dubs" is
  // a plural to the lexicon, and a peer).
  const lastWordTags = span.length === 1 && role ? lexiconTags(span[0].bare) : undefined;
  if (lastWordTags && lastWordTags.includes('Gerund') && !lastWordTags.some((t) => /Name$|Person/.test(t))) {
    result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  // "the Gambling Bill", "the transport White Paper", "the Bill": a bill or a government paper, not a man called Bill.
  const lastWord = span[span.length - 1];
  const billOrPaper =
    /^(?:bill|paper)$/.test(lastWord.bare) &&
    lastWord.capitalised &&
    (span.length >= 2 ? !span[span.length - 2].has('FirstName') && !isGivenName(span[span.length - 2].bare) : words[first - 1]?.fold === 'the');
  if (billOrPaper) {
    result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  // "his super PAC", "the major Super PAC backing Bush": a kind of committee, not one by name.
  const superPac =
    span.at(-1)!.bare === 'pac' &&
    (span.length === 1 ? /\bsuper[\s-]*$/i.test(text.slice(Math.max(0, span[0].start - 7), span[0].start)) : span.length === 2 && span[0].bare === 'super');
  if (superPac) {
    result.push({ first, last, role: null, per: 0, org: 0, loc: 100, firm: false });
    return result;
  }
  // "Ill." after a city, "D-Ill." after a lawmaker: a state, never a surname.
  // compromise keeps the period of "S.C." in the word and leaves that of "Ill." out.
  const abbreviated = text[span[0].end] === '.' || span[0].text.endsWith('.');
  if (span.length === 1 && ((stateAbbreviations.has(span[0].bare) && abbreviated) || /^[DRI]-\p{Lu}\p{L}*\.?$/u.test(span[0].text))) return result;
  result.push({ first, last, role, per, org: trade ? 9 : 0, loc: 0, firm: false, describedAsOrganization: trade || undefined });
  return result;
}

/** Offices that end a title and are nobody's surname ("Inspector General", "Prime Minister"). */
const officesNoOneIsCalled =
  /^(?:general|minister|secretary|president|governor|chairman|chairwoman|chairperson|director|commissioner|spokesman|spokeswoman|ambassador|envoy|superintendent|prosecutor|inspector|treasurer|chancellor|premier|senator|congressman|congresswoman)$/;

const campaignWords = new Set(['team', 'camp']);
const nicknameInsults = new Set([
  'crooked',
  'crazy',
  'lyin',
  "lyin'",
  'lying',
  'sleepy',
  'nasty',
  'slick',
  'dopey',
  'goofy',
  'sloppy',
  'cryin',
  "cryin'",
  'crazed',
]);
const standsForPerson = (w: Word) =>
  !isAcronym(w) &&
  ['Person', 'LastName', 'ProperNoun'].some((t) => w.has(t)) &&
  (lexiconTags(w.fold) ?? []).every((t) => ['Person', 'LastName', 'FirstName', 'MaleName', 'FemaleName'].includes(t));

/** A headline: one short line that does not end as a sentence does. */
const isHeadline = (paragraph: string) => paragraph.length <= 120 && !/\n/.test(paragraph.trim()) && !/[.!?:"”’)]\s*$/.test(paragraph);

/** A word used as a noun, not before one: a verb, "who" or punctuation follows it, or nothing does ("Cuban said", "said Cuban."). */
function standsAsNoun(words: Word[], i: number): boolean {
  const next = words[i + 1];
  if (!next || /[,.;:!?”"’)]/.test(words[i].post) || next.sentenceId !== words[i].sentenceId) return true;
  return next.fold === 'who' || (next.has('Verb') && !next.has('Noun') && !next.capitalised);
}
