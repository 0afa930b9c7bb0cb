// Document-level resolution: what the story establishes once holds for its
// other mentions (surnames, full names, acronyms), matched on folded forms
// so "Çavuşoğlu" and "Cavusoglu" agree.

import { lexiconTags } from '../nlp';
import { isGivenName, knownAsName, knownPlaces, organizationEndings } from './tables';
import type { Candidate } from './types';
import { followsThe } from './words';

/** An organization's initials with each capitalised acronym in its name spelt out: "UK Athletics" -> "UKA", "US Department of Agriculture" -> "USDA". */
export function spelledAcronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w[0]))
    .join('');
}

/** Whether every letter of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length;
}

/**
 * "the Legal Affairs Committee (JURI)", "the Greek Athletics Federation (SEGAS)": a short form taken from the
 * name in another language spells none of its initials. Only an organization's capitals of
 * three or more letters, which no table and nothing in the story names as anything else (a place: "(USA)"), are
 * read so.
 */
function isForeignShortForm(short: Candidate, written: string): boolean {
  return /^\p{Lu}{3,6}$/u.test(written) && short.kind === 'organization' && !short.tableEntry && !short.namedAsPlace && !knownPlaces.has(short.fold);
}

/** "the World Summit for the Information Society (WSIS)": a name after a linking word may be the end of a longer one. */
const mayBeCutAfterLink = (text: string, start: number): boolean => /\b(?:of|for|on|and|de)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 12), start));

/**
 * "the European Telecommunications Institute (Etsi)": a short form in brackets straight after an organization's
 * name is that organization's, when its letters and the name's initials agree (one holds the other, in order,
 * from the same first letter), even where they are not equal (the story dropped "Standards" from the name).
 */
export function bracketedShortForms(candidates: readonly Candidate[], text: string): Map<Candidate, Candidate> {
  const found = new Map<Candidate, Candidate>();
  const byStart = [...candidates].sort((a, b) => a.start - b.start);
  for (let k = 1; k < byStart.length; k++) {
    const [name, short] = [byStart[k - 1], byStart[k]];
    if (name.kind !== 'organization' || name.length < 2 || short.length !== 1) continue;
    const written = text.slice(short.start, short.end);
    if (!/^\s*\($/.test(text.slice(name.end, short.start)) || text[short.end] !== ')' || !/^(?:\p{Lu}{2,6}|\p{Lu}\p{Ll}{1,4})$/u.test(written)) continue;
    const letters = written.toUpperCase();
    const initials = spelledAcronym(text.slice(name.start, name.end)).toUpperCase();
    if (letters[0] === initials[0] && (isSubsequence(initials, letters) || isSubsequence(letters, initials))) found.set(short, name);
    else if (isForeignShortForm(short, written) && !mayBeCutAfterLink(text, name.start)) found.set(short, name);
  }
  return found;
}

/** The first names and surnames of the people the story names in full: "hillary", "clinton" for Hillary Clinton. */
const namedPersonParts = (candidates: readonly Candidate[]): Set<string> =>
  new Set(candidates.filter((c) => c.kind === 'person' && c.length > 1).flatMap((c) => [c.firstBare, c.lastBare]));

/**
 * What the story establishes once holds for its other mentions: a person's
 * surname and full name, an organization's name and its acronym. Firm and
 * multi-word decisions teach; every candidate can learn.
 */
export function propagate(candidates: Candidate[], shortFormOf: ReadonlyMap<Candidate, Candidate> = new Map()): void {
  // "Ava DuVernay ... DuVernay said": a lone surname of someone the story names in full is that person, though its
  // shape alone made it a firm organization (a capital inside the word reads as a company's: "PayPal", "DuVernay").
  // Only a table entry or the story's own words ("the retailer Lidl") keep it an organization.
  // So does "the group Fiorina addressed" (a noun before a name says what the name is, unless the clause runs on);
  // only a company's noun ("the retailer Lidl") is firm.
  const fullNamedSurnames = new Set(candidates.filter((c) => c.kind === 'person' && c.length > 1).map((c) => c.lastBare));
  const surnameOfNamedPerson = (c: Candidate) =>
    c.length === 1 && c.kind === 'organization' && !c.tableEntry && !c.namedAsCompany && fullNamedSurnames.has(c.fold);
  // "Donald Trump ... Trump Tower": a name that opens with the surname of someone the story names in full, and ends in
  // no word compromise knows from people's names, is a thing named after them (a building, a company), not another
  // person ("Saqlain Mushtaq ... Mushtaq Ahmed" is one).
  const namedAfterPerson = (c: Candidate) =>
    c.kind === 'person' &&
    c.length > 1 &&
    !c.givenName &&
    !isGivenName(c.firstBare) &&
    !c.endsWithPersonalName &&
    !c.role &&
    fullNamedSurnames.has(c.firstBare) &&
    !namedFirstNames.has(c.firstBare);
  const namedFirstNames = new Set(candidates.filter((c) => c.kind === 'person' && c.length > 1 && c.givenName).map((c) => c.firstBare));
  for (const c of candidates) if (namedAfterPerson(c)) c.kind = undefined;
  // "Peabody Energy ... Peabody said": the first word of an organization's name, alone, that the evidence took for a person
  // is that organization (a company by its founder's name), when one organization opens with it, no person is named with it, and
  // nothing says the word is a place ("the Boston Globe ... in Boston") or a modifier ("Republican voters").
  const placesNamedOutright = new Set(candidates.filter((c) => c.length === 1 && !c.kind && (c.namedAsPlace || c.namedAsAffiliation)).map((c) => c.fold));
  const organizationsByFirstWord = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.kind !== 'organization' || c.length < 2 || c.firstBare.length < 3) continue;
    (organizationsByFirstWord.get(c.firstBare) ?? organizationsByFirstWord.set(c.firstBare, new Set()).get(c.firstBare)!).add(c.fold);
  }
  // "Sky News, Sky Travel and the Biography Channel": a name that opens with the first word of one of the story's
  // organizations, a word no one is named by, is another of its names, not a person.
  for (const c of candidates) {
    if (c.kind !== 'person' || c.length < 2 || c.role || c.tableEntry || c.givenName || isGivenName(c.firstBare)) continue;
    // Not a body named after the person ("Suu Kyi ... Suu Kyi's National League for Democracy").
    const others = [...(organizationsByFirstWord.get(c.firstBare) ?? [])];
    if (others.some((name) => name !== c.fold) && !others.some((name) => name.startsWith(`${c.fold} `))) c.kind = 'organization';
  }
  const namedPeopleParts = namedPersonParts(candidates);
  const titledPeople = new Set(candidates.filter((c) => c.kind === 'person' && c.role).map((c) => c.fold));
  // "Patriot Coal ... this was not Patriot's problem": so is such a word the evidence left undecided (a common noun's
  // word, "patriot"), when nothing makes it likely a place, the story never names it a place or an affiliation, and
  // the word stands alone: not opening a sentence or a quotation ("Consumers are concerned"), not before another
  // capital ("Homeland Security Secretary"), not the first word of a longer name read at the same place ("the Center
  // for American Progress"). Its mentions that open a sentence follow the others (one name, one sense, below).
  const organizationStarts = new Set(candidates.filter((c) => c.kind && c.length > 1).map((c) => c.start));
  const undecidedFirstWord = (c: Candidate) =>
    c.kind === undefined && c.loc < 4 && !c.opensSentence && !c.beforeCapital && !organizationStarts.has(c.start) && !placesNamedOutright.has(c.fold);
  // So is a word listed among companies ("mining companies, including Patriot"), and an organization's lone word when the one
  // name it opens is that word and a company's form ("Cairn Energy ... Cairn", "Mondelez International ... Mondelez"); not
  // a longer name after it ("BBC Radio 4", "Yahoo Messenger", "House Natural Resources Committee").
  const shortOfCompanyForm = (c: Candidate) =>
    !c.tableEntry &&
    c.loc < 4 &&
    [...(organizationsByFirstWord.get(c.fold) ?? [])].every((name) => {
      // Not "Fox ... Fox News" or "IAAF ... IAAF Council": a network and its news division, a body and its council; nor
      // a party's member ("the Conservative Party ... the Conservative's record").
      const form = name.split(' ').slice(1).join(' ');
      return organizationEndings.has(form) && !/^(?:news|council|committee|commission|board|assembly|court|office|party)$/.test(form);
    });
  const organizationFirstWord = (c: Candidate) =>
    c.length === 1 &&
    (c.kind === 'person' ? c.loc < 4 : c.kind === 'organization' ? c.listedAsCompany === true || shortOfCompanyForm(c) : undecidedFirstWord(c)) &&
    !c.role &&
    !c.modifiesNoun &&
    // Opening two of the story's organizations, a lone word is still no person ("Sun Microsystems ... Sun Grid ... Sun said"), only unsure which.
    (organizationsByFirstWord.get(c.fold)?.size === 1 || (c.kind === 'person' && (organizationsByFirstWord.get(c.fold)?.size ?? 0) > 1)) &&
    !namedPeopleParts.has(c.fold) &&
    !titledPeople.has(c.fold);
  // "Italian tyre and cables giant Pirelli ... Pirelli said": a lone name the story calls a company is that company in
  // every mention without a title, whatever its shape says (an Italian surname). Only a noun before the name says so:
  // an appositive after it may describe someone else ("Rep. Vidal of Minnesota, an ally of the union,").
  // So is a longer name ("US magazine Rolling Stone", "the retailer John Lewis"), which the tagger may read as a person's.
  // Not a person's full name after a trade that is also a company's noun ("manufacturer Ron Johnson", "documentary maker Michael Cockerell").
  const companies = new Set(
    candidates.filter((c) => c.namedAsCompany && (c.length === 1 || c.namedAsAct || !(c.givenName || isGivenName(c.firstBare)))).map((c) => c.fold),
  );
  const namedCompany = (c: Candidate) => !c.role && !c.tableEntry && companies.has(c.fold);
  const personNames = new Map<string, number>();
  const personParts = new Map<string, number>();
  const organizationNames = new Map<string, number>();
  for (const c of candidates) {
    if (!c.kind || organizationFirstWord(c) || namedCompany(c)) continue;
    const multiWord = c.length > 1;
    // A firm reading outweighs one the evidence was unsure of ("his company, Ballets Russes ... a re-formed Ballets Russes");
    // so does a person's title ("Senegalese musician Youssou N'Dour").
    const weight = c.firm || (c.kind === 'person' && c.role) ? 1.5 : 1;
    if (c.kind === 'person' && (c.firm || multiWord)) {
      personNames.set(c.fold, (personNames.get(c.fold) ?? 0) + weight);
      if (multiWord) {
        personParts.set(c.lastBare, (personParts.get(c.lastBare) ?? 0) + 1);
        personParts.set(c.firstBare, (personParts.get(c.firstBare) ?? 0) + 0.5);
      }
    }
    if (c.kind === 'organization' && (c.firm || multiWord) && !surnameOfNamedPerson(c)) {
      organizationNames.set(c.fold, (organizationNames.get(c.fold) ?? 0) + weight);
      if (multiWord) {
        const acronym = c.acronym.toLowerCase();
        if (acronym.length >= 2) organizationNames.set(acronym, (organizationNames.get(acronym) ?? 0) + 0.5);
      }
    }
  }
  // The story's own definition ("the European Telecommunications Institute (Etsi) ... Etsi said") outweighs a verb of saying.
  const definedShortForms = new Set([...shortFormOf].filter(([, name]) => name.kind === 'organization').map(([short]) => short.fold));
  for (const c of candidates) {
    if (c.tableEntry) continue;
    if (namedCompany(c) || (c.length === 1 && !c.role && definedShortForms.has(c.fold))) {
      c.kind = 'organization';
      c.firm = false;
      continue;
    }
    if (organizationFirstWord(c)) {
      c.kind = 'organization';
      c.firm = false;
      c.firstWordOfOrganization = true;
      continue;
    }
    if (c.firm) {
      if (!surnameOfNamedPerson(c)) continue;
      c.firm = false;
    }
    const fold = c.fold;
    const asPerson = (personNames.get(fold) ?? 0) + (c.length === 1 ? (personParts.get(fold) ?? 0) : 0);
    const asOrganization = organizationNames.get(fold) ?? 0;
    if (asPerson === 0 && asOrganization === 0) continue;
    if (asPerson >= asOrganization && asPerson >= 1) c.kind = 'person';
    else if (asOrganization > asPerson) c.kind = 'organization';
    else if (!c.kind && c.loc < 4) c.kind = 'person';
  }
  // One name, one sense per story: a mention left undecided (a headline, a
  // sentence-initial surname) takes the type its other mentions share.
  const sameName = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const fold = c.fold;
    (sameName.get(fold) ?? sameName.set(fold, []).get(fold)!).push(c);
  }
  for (const group of sameName.values()) {
    if (group.length < 2) continue;
    const kinds = new Set(group.map((c) => c.kind).filter(Boolean));
    if (kinds.size !== 1) continue;
    const kind = [...kinds][0];
    const typed = group.filter((c) => c.kind).length;
    if (typed * 2 < group.length && !group.some((c) => c.firm)) continue;
    const firstWord = group.some((c) => c.firstWordOfOrganization);
    for (const c of group) {
      if (c.kind || c.loc >= 6) continue;
      c.kind = kind;
      if (firstWord) c.firstWordOfOrganization = true;
    }
  }
  // "Turkcell's stake ... If Turkcell does back out": a lone word read as an organization in most of its mentions and
  // as a person in the rest, with nothing firm either way (no full name, no title, no table), is the organization.
  for (const [fold, group] of sameName) {
    if (group.some((c) => c.length > 1 || c.firm || c.role || c.tableEntry) || personParts.has(fold)) continue;
    const asOrganization = group.filter((c) => c.kind === 'organization').length;
    const asPerson = group.filter((c) => c.kind === 'person').length;
    if (asPerson > 0 && asOrganization > asPerson) for (const c of group) if (c.kind === 'person') c.kind = 'organization';
  }
  // "the way Chelsea have reacted ... Chelsea's anger": a lone word that takes a plural verb is a team or a firm in
  // every mention, unless the story names someone by it (a title, "Mr.", a full name, a table's entry).
  for (const [fold, group] of sameName) {
    if (!group.some((c) => c.takesPluralVerb) || group.some((c) => c.length > 1 || c.role || c.tableEntry || c.courtesyTitled) || personParts.has(fold))
      continue;
    for (const c of group) if (c.kind === 'person') c.kind = 'organization';
  }
  // "Black Sabbath have topped a list": so is a longer name whose first word is no given name, in every mention.
  for (const group of sameName.values()) {
    if (group[0].length < 2 || !group.some((c) => c.takesPluralVerb)) continue;
    if (group.some((c) => c.role || c.tableEntry || c.courtesyTitled || c.givenName || isGivenName(c.firstBare))) continue;
    for (const c of group) if (c.kind === 'person') c.kind = 'organization';
  }
  // "the movie National Treasure ... National Treasure has topped the box office": a work in every mention.
  // Names of two words or more only: "the book Trump" says nothing of the man in the rest of the story.
  // "The Sims ... Sims", "History Boys ... The History Boys has been": with or without its "The".
  const works = new Set(candidates.filter((c) => c.namedAsWork && c.length > 1).map((c) => c.fold.replace(/^the /, '')));
  for (const c of candidates) if (works.has(c.fold.replace(/^the /, '')) && !c.role && !c.tableEntry) c.kind = undefined;
  // "a game such as Painkiller ... the Painkiller game ... Painkiller is a new game": a one-word work too, when no
  // mention of the word names someone (a title, a full name, a word the lexicon knows as a name).
  for (const fold of new Set(candidates.filter((c) => c.namedAsWork && c.length === 1).map((c) => c.fold))) {
    const group = sameName.get(fold) ?? [];
    const namesSomeone = personParts.has(fold) || knownAsName(fold) || group.some((o) => o.role || o.tableEntry || o.firm);
    if (!namesSomeone) for (const o of group) o.kind = undefined;
  }
  for (const c of candidates) if (c.namedAsAward) c.kind = undefined;
  // "the Freedom of Information Act (FOIA) ... a FOIA lawsuit": the law's short form is the law in every mention.
  const laws = new Set(candidates.filter((c) => c.namedAsLaw).map((c) => c.fold));
  for (const c of candidates) if (laws.has(c.fold) && !c.tableEntry) c.kind = undefined;
  // "the mass shooting in Orlando ... Orlando shooter Omar Mateen", "in Tampa and Orlando": a lone word the story
  // names as a place outright is that place in its other lone mentions too, unless a title makes it someone
  // ("Mr. Orlando") or the story names a person with it ("Orlando Bloom"). So is a team's or a firm's name before its
  // officer's role ("Chelsea manager Jose Mourinho ... Chelsea have won").
  for (const fold of placesNamedOutright) {
    if (personParts.has(fold)) continue;
    for (const c of sameName.get(fold) ?? []) if (c.kind === 'person' && c.length === 1 && !c.role && !c.tableEntry) c.kind = undefined;
  }
}

/** The lone words read as places outright ("in Blackpool"), before propagate() hands them what other mentions say. */
export function lonePlacesNamedOutright(candidates: readonly Candidate[]): Set<string> {
  return new Set(candidates.filter((c) => c.length === 1 && !c.kind && c.namedAsPlace).map((c) => c.fold));
}

/** Words of a match report: there a town is often its club ("Liverpool beat Chelsea"). */
const matchReportWords =
  /\b(?:beat|beaten|defeated|match|league|goals?|scored|striker|midfielder|defender|goalkeeper|club|champions|fixture|innings|wickets?)\b/i;

/**
 * "return to Blackpool ... not to gather in Blackpool ... Blackpool will get the spring conference": a lone word the
 * story names as a place outright ("in Blackpool", a word compromise knows only as a place) is that place in its
 * other lone mentions too, where only thin evidence read one as an organization. Not in a match report, where a
 * town's name is its club; not a table's organization or one the story calls one ("the retailer Next").
 */
export function keepPlacesNamedOutright(candidates: Candidate[], places: ReadonlySet<string>, text: string): void {
  if (places.size === 0 || matchReportWords.test(text)) return;
  const firm = new Set(
    candidates.filter((c) => c.kind === 'organization' && (c.tableEntry || c.describedAsOrganization || c.namedAsCompany || c.firm)).map((c) => c.fold),
  );
  for (const c of candidates) if (c.kind === 'organization' && c.length === 1 && places.has(c.fold) && !firm.has(c.fold)) c.kind = undefined;
}

/**
 * "the Internet Corporation for Assigned Names and Numbers, Icann ... Icann said": a lone word that spells the initials
 * of an organization the story names in full, as BBC style writes a short form ("Icann", "Fifa"), is that
 * organization, though the evidence read a mention as a person. Not one with a title or a first name.
 */
export function readShortFormsAsWords(candidates: Candidate[]): void {
  const acronyms = new Set(candidates.filter((c) => c.kind === 'organization' && c.length > 1 && c.acronym.length >= 3).map((c) => c.acronym));
  if (acronyms.size === 0) return;
  for (const c of candidates)
    if (c.kind === 'person' && c.length === 1 && !c.role && !c.tableEntry && !c.givenName && acronyms.has(c.fold.toUpperCase())) c.kind = 'organization';
}

/** Words a lower-case term's short form leaves out: "information and communication technology (ICT)". */
const termLinks = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'to']);

/**
 * "information and communication technology (ICT)", "digital video recorders (DVR)": a short form in brackets
 * after the lower-case words it abbreviates is a term, no organization, in every mention. A body's name is written
 * in capitals ("the Legal Affairs Committee (JURI)"). Candidates are sorted by start.
 */
export function dropLowerCaseTerms(candidates: Candidate[], text: string): void {
  const terms = new Set<string>();
  for (const c of candidates) {
    const written = text.slice(c.start, c.end);
    if (c.length !== 1 || c.tableEntry || !/^\p{Lu}{2,6}$/u.test(written) || text[c.start - 1] !== '(' || text[c.end] !== ')') continue;
    const words = text
      .slice(Math.max(0, c.start - 120), c.start - 1)
      .trimEnd()
      .split(/\s+/);
    const spelled: string[] = [];
    for (let k = words.length - 1; k >= 0 && spelled.length < written.length; k--) {
      if (!/^\p{Ll}[\p{Ll}-]*$/u.test(words[k])) break;
      if (!termLinks.has(words[k])) spelled.unshift(words[k][0]);
    }
    if (spelled.join('').toUpperCase() === written) terms.add(c.fold);
  }
  if (terms.size > 0) for (const c of candidates) if (terms.has(c.fold) && !c.tableEntry) c.kind = undefined;
}

/** Word classes no name belongs to. */
const closedClasses = ['Determiner', 'Conjunction', 'Preposition', 'Pronoun', 'QuestionWord'];

/** A word compromise knows only in closed classes ("much", "both", "either"), never as a name. */
function isFunctionWordOnly(fold: string): boolean {
  const tags = lexiconTags(fold);
  return tags !== undefined && tags.length > 0 && tags.every((t) => closedClasses.includes(t));
}

/** How far either side of a word its lower-case form is looked for: some pages of copy. */
const nearbyReach = 6000;

/**
 * 'the responsible thing to do." Consumers can order a new cable': a lone capitalised word that only ever opens a
 * sentence, and that the story also writes in lower case ("offering consumers a free cord"), is a common word, no
 * name (compromise runs some sentences on past a closing quotation mark, so the candidate's own flag may miss it).
 * Candidates are sorted by start.
 */
export function dropCommonWordsOpeningSentences(candidates: Candidate[], text: string): void {
  // Each candidate's place read once: the pass runs on every keystroke.
  // A quotation's first word opens a sentence too ('"Fraud doesn't just disappear," he said'): read before its mark.
  const opensSentence = (c: Candidate) => {
    const start = /["“]/.test(text[c.start - 1] ?? '') ? c.start - 1 : c.start;
    return /(?:^|[.!?]["”’']*\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
  };
  const opening = new Set(candidates.filter(opensSentence));
  // Not a word of a longer name ("Will Young ... Will said", "Patty Judge ... Judge said"), save an organization's
  // generic last word ("Riggs Bank ... Bank payout to Pinochet victims ... A US bank has said"), unless its officer
  // follows ("the Select Committee ... Committee chairman Alan Beith said").
  const multiWord = candidates.filter((c) => c.kind && c.length > 1);
  const nameWords = new Set(multiWord.flatMap((c) => c.fold.split(' ')));
  // A name's words but an organization's generic last word: a word of a longer name in its own right.
  const ownWords = new Set(
    multiWord.flatMap((c) => (c.kind === 'organization' && organizationEndings.has(c.lastBare) ? c.fold.split(' ').slice(0, -1) : c.fold.split(' '))),
  );
  const officerAfter = (c: Candidate) =>
    /^\s+(?:chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|member|members|head|chief)\b/.test(text.slice(c.end, c.end + 16));
  const partOfName = (c: Candidate) => ownWords.has(c.fold) || (nameWords.has(c.fold) && officerAfter(c));
  const elsewhere = new Set(candidates.filter((c) => !opening.has(c)).map((c) => c.fold));
  for (const c of opening) {
    if (!c.kind || c.length !== 1 || c.role || c.tableEntry || elsewhere.has(c.fold) || partOfName(c)) continue;
    const written = text.slice(c.start, c.end);
    if (!/^\p{Lu}\p{Ll}+$/u.test(written)) continue;
    // "Veteran Labour MP Jack Cunningham": a noun of a person's kind before a capitalised word describes, and names no one.
    if (lexiconTags(c.fold)?.includes('Actor') && /^ \p{Lu}/u.test(text.slice(c.end, c.end + 2))) {
      c.kind = undefined;
      continue;
    }
    // "Much of the collection", "Both sides": a word of a closed class, which no name is, needs no second sighting.
    if (isFunctionWordOnly(c.fold)) {
      c.kind = undefined;
      continue;
    }
    // Nearby only: reading a 100,000-word draft's every word on each pass cost some 30 ms.
    const near = text.slice(Math.max(0, c.start - nearbyReach), c.end + nearbyReach);
    if (new RegExp(`(?<![\\p{L}\\p{N}'’-])${written.toLowerCase()}(?![\\p{L}\\p{N}'’-])`, 'u').test(near)) c.kind = undefined;
  }
}

/** One name of a team sheet: a surname or two names, with the substitute who came on and the minute. */
const sheetName = "\\p{Lu}[\\p{L}'’-]*(?: \\p{Lu}[\\p{L}'’-]*)?";
const sheetEntry = `${sheetName}(?: \\(${sheetName} \\d{1,3}\\))?`;
/** A line that is nothing but a team's line-up or its substitutes: "Gordon, Webster, Simmons (MacFarlane 64), Berra." */
const teamSheetLine = new RegExp(`^:?[ \\t]*${sheetEntry}(?:, ${sheetEntry})+\\.?[ \\t]*$`, 'u');

/**
 * "Moilanen, Kizys.", "Burchill (Wyness 82), Wallace.": in a line that lists nothing but names, as a match report's
 * team sheet does, a lone word read as an organization is a player when the line's other lone names are people
 * at least as often. A list of clubs ("Celtic, Rangers, Hibs.") has no person to follow. Candidates are sorted by start.
 */
export function readTeamSheets(candidates: Candidate[], text: string): void {
  let n = 0;
  while (n < candidates.length) {
    const lineStart = text.lastIndexOf('\n', candidates[n].start) + 1;
    const newline = text.indexOf('\n', candidates[n].start);
    const lineEnd = newline < 0 ? text.length : newline;
    let m = n;
    while (m < candidates.length && candidates[m].start < lineEnd) m++;
    const onLine = candidates.slice(n, m);
    n = m;
    if (!teamSheetLine.test(text.slice(lineStart, lineEnd).replace(/\r$/, ''))) continue;
    const lone = onLine.filter((c) => c.length === 1 && c.kind);
    const people = lone.filter((c) => c.kind === 'person').length;
    const organizations = lone.filter((c) => c.kind === 'organization' && !c.tableEntry && !c.describedAsOrganization && !c.namedAsCompany);
    if (people === 0 || people < organizations.length) continue;
    for (const c of organizations) if (/\p{Ll}/u.test(text.slice(c.start, c.end))) c.kind = 'person';
  }
}

/** Where a match report lists the unused substitutes, up to the full stop: "Subs not used: Hislop, Quashie, Cisse.", "Subs Not Used: Orr, Brown." */
const unusedSubstitutes = /\bSub(?:stitute)?s(?: [Nn]ot [Uu]sed)?: [^.\n]*/g;
/** A substitute who came on, and the minute: "Mellor (Sinama Pongolle 75)". */
const cameOnAt = /^ \d{1,3}\)/;

/**
 * "Subs not used: Hamann, Harrison.", "Mellor (Sinama Pongolle 75)": in a match report whose team sheets ran into one
 * paragraph, a name read as an organization among the unused substitutes, or in brackets with the minute a substitute
 * came on, is a player. Not an acronym, a table's entry or a name the story calls an organization.
 */
export function readSubstitutes(candidates: Candidate[], text: string): void {
  const spans = [...text.matchAll(unusedSubstitutes)].map((m) => [m.index, m.index + m[0].length]);
  for (const c of candidates) {
    if (c.kind !== 'organization' || c.tableEntry || c.describedAsOrganization || c.namedAsCompany || !/\p{Ll}/u.test(text.slice(c.start, c.end))) continue;
    const listed = spans.some(([from, to]) => c.start >= from && c.end <= to);
    const cameOn = text[c.start - 1] === '(' && cameOnAt.test(text.slice(c.end, c.end + 5));
    if (listed || cameOn) c.kind = 'person';
  }
}

/** Between two names of a list: a comma, or a bracket ("Scotland (Samuel 63), Brebner, Kerr (Cameron 87)"). */
const listSeparator = /^(?=[^,(]*[,(])[ \d,()]*$/;

/**
 * "Brebner, Kerr (Cameron 87), Robson": a lone word between two lone people in a list, as in a team's
 * line-up, is no organization; the evidence for one word is thin, and the list says otherwise. It is
 * left out rather than guessed a person. Candidates are sorted by start.
 */
export function dropOrganizationsAmongPeople(candidates: Candidate[], text: string): void {
  const decided = candidates.filter((c) => c.kind);
  const lonePerson = (c: Candidate | undefined) => c !== undefined && c.kind === 'person' && c.length === 1;
  for (let i = 1; i + 1 < decided.length; i++) {
    const c = decided[i];
    if (c.kind !== 'organization' || c.length !== 1 || c.tableEntry || c.describedAsOrganization || c.namedAsCompany) continue;
    // An acronym says more than its place in a list.
    if (!/\p{Ll}/u.test(text.slice(c.start, c.end))) continue;
    const before = decided[i - 1];
    const after = decided[i + 1];
    if (lonePerson(before) && lonePerson(after) && listSeparator.test(text.slice(before.end, c.start)) && listSeparator.test(text.slice(c.end, after.start)))
      c.kind = undefined;
  }
}

/**
 * "Greek sprinters Kostas Kenteris and Katerina Thanou", "novelists Hari Kunzru and Ali Smith": two words read as an
 * organization, listed with a person's full name after a plural noun of people, are a person's name too (a first name
 * the tables do not know), and so are the story's other lone mentions of the surname ("Kenteris, the 200m champion").
 * Candidates are sorted by start.
 */
export function readPairsOfPeople(candidates: Candidate[], text: string): void {
  const decided = candidates.filter((c) => c.kind);
  const fullPerson = (c: Candidate | undefined) => c !== undefined && c.kind === 'person' && c.length > 1 && (c.givenName || isGivenName(c.firstBare));
  const surnames = new Set<string>();
  for (let i = 0; i < decided.length; i++) {
    const c = decided[i];
    if (c.kind !== 'organization' || c.length !== 2 || c.tableEntry || c.describedAsOrganization || c.namedAsCompany || organizationEndings.has(c.lastBare))
      continue;
    // Not a band's name: "Music veterans The Who and David Bowie".
    if (!/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(text.slice(c.start, c.end)) || c.firstBare === 'the') continue;
    // The list the name is in: its neighbours joined by ", ", " and " or ", and " ("Compatriots Mulugeta Wondimu, Abiyote Abate and Markos Geneti").
    const joined = (a: Candidate, b: Candidate) => /^(?:, | and |, and )$/.test(text.slice(a.end, b.start));
    let [from, to] = [i, i];
    while (from > 0 && joined(decided[from - 1], decided[from])) from--;
    while (to < decided.length - 1 && joined(decided[to], decided[to + 1])) to++;
    const list = decided.slice(from, to + 1);
    const lastJoin = list.length > 1 ? text.slice(list[list.length - 2].end, list[list.length - 1].start) : '';
    if (!list.some((o) => o !== c && fullPerson(o)) || !/and $/.test(lastJoin)) continue;
    const first = list[0];
    if (!/\p{L}{2}s $/u.test(text.slice(Math.max(0, first.start - 24), first.start))) continue;
    c.kind = 'person';
    surnames.add(c.lastBare);
  }
  for (const c of candidates)
    if (c.kind === 'organization' && c.length === 1 && surnames.has(c.fold) && !c.tableEntry && !c.describedAsOrganization && !c.namedAsCompany)
      c.kind = 'person';
}

/** Words that link the parts of one body's name, so "and" after them goes on with it: "Department of Trade and Industry". */
const linksBeforeAnd = new Set(['of', 'for', 'the', '&', 'on', 'in']);

/**
 * "Kenteris and Thanou", "Siemens and Ericsson", "Manchester United and Liverpool": a name joined by "and" is two names
 * where the story names its first part on its own elsewhere (the last part alone may be the whole's short name: "the
 * South-East Asia Earthquake and Tsunami Blog ... the Tsunami Blog"); not where a link runs through it ("Department for Work
 * and Pensions"), nor a name the tables know whole ("Securities and Exchange Commission"). A part that is the surname of
 * a person the story names in full is that person ("Kostas Kenteris"); otherwise each part is what the joined name was read
 * as. Candidates are sorted by start, and stay so.
 */
export function splitJoinedNames(candidates: Candidate[], text: string): void {
  const alone = new Set(candidates.filter((c) => c.kind && !c.fold.split(' ').includes('and')).map((c) => c.fold));
  const namedParts = namedPersonParts(candidates);
  for (let n = candidates.length - 1; n >= 0; n--) {
    const c = candidates[n];
    const folds = c.fold.split(' ');
    const andAt = folds.indexOf('and');
    if (!c.kind || c.tableEntry || andAt <= 0 || andAt !== folds.lastIndexOf('and') || folds.slice(0, andAt).some((f) => linksBeforeAnd.has(f))) continue;
    const [leftFold, rightFold] = [folds.slice(0, andAt).join(' '), folds.slice(andAt + 1).join(' ')];
    if (!alone.has(leftFold)) continue;
    const raw = text.slice(c.start, c.end);
    const join = / and /.exec(raw);
    if (!join || raw.indexOf(' and ', join.index + 1) >= 0) continue;
    const part = (from: number, to: number, fold: string): Candidate => {
      const words = fold.split(' ');
      const partText = raw.slice(from, to);
      return {
        ...c,
        start: c.start + from,
        end: c.start + to,
        length: words.length,
        fold,
        firstBare: words[0],
        lastBare: words[words.length - 1],
        acronym: (partText.match(/(?<![\p{L}\p{N}'’])\p{Lu}/gu) ?? []).join(''),
        kind: namedParts.has(fold) ? 'person' : c.kind,
        givenName: isGivenName(words[0]),
        endsWithPersonalName: undefined,
      };
    };
    const parts = [part(0, join.index, leftFold), part(join.index + 5, raw.length, rightFold)];
    candidates.splice(n, 1, ...parts);
    // A part the tagger also read on its own, which the joined name had overruled, gives way to it.
    for (const p of parts) {
      const same = candidates.findIndex((o) => o !== p && o.start === p.start && o.end === p.end);
      if (same >= 0) candidates.splice(same, 1);
    }
  }
}

/**
 * "experience with Everton, Chelsea and Charlton", "while Arsenal and Chelsea have yet to come": a lone word read as a
 * person, listed only with lone organizations, is one of them (Chelsea is also a first name); not a word by which the
 * story names someone in full ("Chelsea Clinton ... Chelsea"), nor one with a title. Candidates are sorted by start.
 */
export function readListsOfOrganizations(candidates: Candidate[], text: string): void {
  const decided = candidates.filter((c) => c.kind);
  const namedParts = namedPersonParts(decided);
  const joined = (a: Candidate, b: Candidate) => /^(?:, | and |, and )$/.test(text.slice(a.end, b.start));
  const listed = new Set<string>();
  for (const list of listsOf(decided, joined)) {
    // A list in prose ends with "and"; a team sheet's names run on with commas ("Purdie (Mills 83), Brown, Stansfield").
    if (list.length < 2 || !/and $/.test(text.slice(list[list.length - 2].end, list[list.length - 1].start))) continue;
    const people = list.filter((c) => c.kind === 'person');
    const [lone] = people;
    if (people.length !== 1 || lone.length !== 1 || lone.role || lone.tableEntry || namedParts.has(lone.fold)) continue;
    if (list.every((c) => c === lone || (c.kind === 'organization' && c.length === 1 && /\p{Ll}/u.test(text.slice(c.start, c.end))))) listed.add(lone.fold);
  }
  for (const fold of clubsListedAsPeople(decided, text, joined, namedParts)) listed.add(fold);
  // One name, one sense: the name's mentions without a title are that organization.
  for (const c of decided) if (c.kind === 'person' && !c.role && listed.has(c.fold)) c.kind = 'organization';
}

/** The runs of candidates joined one to the next (by ", ", " and "...), each run of one or more in order. */
function* listsOf(decided: readonly Candidate[], joined: (a: Candidate, b: Candidate) => boolean): Generator<readonly Candidate[]> {
  for (let first = 0; first < decided.length;) {
    let last = first;
    while (last + 1 < decided.length && joined(decided[last], decided[last + 1])) last++;
    yield decided.slice(first, last + 1);
    first = last + 1;
  }
}

/**
 * "Spanish trio Real Madrid, Barcelona and Valencia", "AC Milan, Bayer Leverkusen, Internazionale, Juventus, Lyon": in a
 * team sport's story, the names listed with a club are clubs, where the list reads as one of clubs (it ends with "and",
 * or has three clubs at least and more clubs than people: a team sheet lists people) and each name read as a person
 * could be one: a lone word the story never gives in full, or a name whose first word is no given name; none with a title.
 */
function clubsListedAsPeople(
  decided: readonly Candidate[],
  text: string,
  joined: (a: Candidate, b: Candidate) => boolean,
  namedParts: ReadonlySet<string>,
): string[] {
  const club = (c: Candidate) =>
    !c.role && !c.courtesyTitled && !c.tableEntry && (c.length === 1 ? !namedParts.has(c.fold) : !c.givenName && !isGivenName(c.firstBare));
  const clubs: string[] = [];
  let sport: boolean | undefined;
  for (const list of listsOf(decided, joined)) {
    const people = list.filter((c) => c.kind === 'person');
    const organizations = list.length - people.length;
    if (people.length === 0 || organizations === 0 || !people.every(club)) continue;
    const endsWithAnd = /and $/.test(text.slice(list[list.length - 2].end, list[list.length - 1].start));
    if (!endsWithAnd && !(organizations >= 3 && organizations > people.length)) continue;
    // The whole draft is read for a sport's words only when such a list is found.
    sport ??= teamSportWords.test(text);
    if (!sport) return [];
    for (const c of people) clubs.push(c.fold);
  }
  return clubs;
}

/**
 * "Bolton v Derby", "Newcastle v Chelsea": the sides of a fixture are teams. A lone word read as a person on one side of
 * "v", with a lone club or town on the other, is a team in each of its lone mentions without a title (Chelsea is also a
 * first name); not a word by which the story names someone in full, nor a court case's parties ("Smith v Jones").
 */
export function readFixtures(candidates: Candidate[], text: string): void {
  const namedParts = namedPersonParts(candidates);
  // A team's name has no lower-case word ("Fisher v. University of Texas" is a case); a case's "v." has its point.
  const isTeam = (c: Candidate) =>
    c.length <= 3 && (c.kind === 'organization' || (c.kind === undefined && c.loc >= 4)) && !/(?:^|\s)\p{Ll}/u.test(text.slice(c.start, c.end));
  const versus = (a: Candidate, b: Candidate) => /^ (?:v|vs\.?) $/.test(text.slice(a.end, b.start));
  const teams = new Set<string>();
  for (let n = 0; n + 1 < candidates.length; n++) {
    const [left, right] = [candidates[n], candidates[n + 1]];
    if (!versus(left, right)) continue;
    for (const [side, other] of [
      [left, right],
      [right, left],
    ])
      if (side.length === 1 && side.kind && !side.role && isTeam(other)) teams.add(side.fold);
  }
  for (const c of candidates)
    if (c.kind === 'person' && c.length === 1 && !c.role && !c.tableEntry && !namedParts.has(c.fold) && teams.has(c.fold)) c.kind = 'organization';
}

/**
 * "Thomas Sam and his wife Manju Sam ... the Sams continued": a surname of the story's people in the plural,
 * after "the", is their family, neither an organization nor one of them.
 */
export function dropFamiliesOfPeople(candidates: Candidate[], text: string): void {
  const surnames = new Set(candidates.filter((c) => c.kind === 'person' && c.length > 1).map((c) => c.lastBare));
  for (const c of candidates) {
    if (!c.kind || c.length !== 1 || c.tableEntry || c.describedAsOrganization) continue;
    const singular = /^(.+?)(?:es|s)$/.exec(c.fold);
    const surname = singular && [singular[1], c.fold.slice(0, -1)].find((form) => surnames.has(form));
    if (surname && followsThe(text, c.start)) c.kind = undefined;
  }
}

/**
 * "said ABN Amro's Paul Mackel", "Lufthansa's Michael Lamberty": a name whose possessive runs into a person's full
 * name is their employer or their country, not a person, unless the story names someone with it ("Clinton's Huma
 * Abedin" beside Hillary Clinton) or it opens with a first name. Candidates are sorted by start.
 */
export function dropPeopleBeforeTheirStaff(candidates: Candidate[], text: string): void {
  // The full names each word is part of: "clinton" -> {"hillary clinton"}.
  const fullNamesByPart = new Map<string, Set<string>>();
  for (const c of candidates)
    if (c.kind === 'person' && c.length > 1)
      for (const part of [c.firstBare, c.lastBare]) (fullNamesByPart.get(part) ?? fullNamesByPart.set(part, new Set()).get(part)!).add(c.fold);
  const namedWithOthers = (c: Candidate) => [...(fullNamesByPart.get(c.lastBare) ?? [])].some((fold) => fold !== c.fold);
  for (let n = 0; n + 1 < candidates.length; n++) {
    const c = candidates[n];
    if (c.kind !== 'person' || c.role || c.tableEntry || c.givenName || isGivenName(c.firstBare) || namedWithOthers(c)) continue;
    const gap = /^['’]s?\s+/.exec(text.slice(c.end, c.end + 4));
    const next = candidates[n + 1];
    if (!gap || !next || next.start !== c.end + gap[0].length || next.kind !== 'person' || next.length < 2 || !(next.givenName || isGivenName(next.firstBare)))
      continue;
    c.kind = 'organization';
    c.firm = false;
  }
}

/** After a name's 's, what a possessive never precedes: a verb of saying, a headline's "to", an appositive ("McDonald's, the chain"). */
const sOfTheName = /^['’]s(?:\s+(?:said|says|announced|reported|to)\b|,\s+(?:the|a|an|which|whose)\s)/u;

/**
 * "McDonald's said", "Sainsbury's, the supermarket chain,": a name that the story writes with 's in every mention,
 * and once where no possessive can stand, is a shop's or a firm's name with its 's, an organization.
 * A titled person ("Mr Smith's") is left alone.
 */
export function readNamesWithTheirS(candidates: Candidate[], text: string): void {
  const withS = (c: Candidate) => /^['’]s\b/u.test(text.slice(c.end, c.end + 3));
  const always = new Map<string, boolean>();
  const cued = new Set<string>();
  for (const c of candidates) {
    if (!c.kind) continue;
    always.set(c.fold, (always.get(c.fold) ?? true) && withS(c) && !c.role && !c.courtesyTitled);
    if (sOfTheName.test(text.slice(c.end, c.end + 16))) cued.add(c.fold);
  }
  for (const c of candidates) {
    if (!c.kind || !cued.has(c.fold) || !always.get(c.fold)) continue;
    c.kind = 'organization';
    c.namedWithItsS = true;
  }
}

/**
 * Before the team a side plays or a player moves between: "against Rosenborg", "face Chelsea", "beat Olympiakos",
 * "victory over Porto", "10 points behind Chelsea", "a move from Chelsea", "moving on to Chelsea", "signed for Preston".
 */
const playsAgainst =
  /\b(?:against|face|faces|facing|faced|beat|beats|beating|host|hosts|hosting|visit|visits|visiting|(?:victory|win|lead) over|points behind|(?:move|moves|moved|moving|switch|switched|transfer)(?: on)? (?:to|from)|(?:sign|signs|signed|signing) for|(?:loan|loaned) (?:to|from))\s+$/i;
/** Words of a team sport's story, which a tennis or a boxing story seldom has. */
const teamSportWords = /\b(?:league|premiership|keeper|goalkeeper|striker|midfielder|defender|fixture|manager)\b/i;

/**
 * "Almunia will start against Rosenborg ... likely to face Chelsea on Sunday": in a team sport's story, a lone name
 * the story never gives in full, with no title, before which a side plays (or after which a player moves), is the
 * team, in every mention.
 */
export function readOpponents(candidates: Candidate[], text: string): void {
  const namedParts = namedPersonParts(candidates);
  const lone = (c: Candidate) => c.kind === 'person' && c.length === 1 && !c.role && !c.courtesyTitled && !namedParts.has(c.fold);
  const opponents = new Set(candidates.filter((c) => lone(c) && playsAgainst.test(text.slice(Math.max(0, c.start - 24), c.start))).map((c) => c.fold));
  // The whole draft is read for a sport's words only when a name stands where an opponent would.
  if (opponents.size === 0 || !teamSportWords.test(text)) return;
  for (const c of candidates) if (lone(c) && opponents.has(c.fold)) c.kind = 'organization';
}
