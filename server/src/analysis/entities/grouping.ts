// Grouping mentions into entities: full names first, lone surnames to the
// person they abbreviate, acronyms to their organization; and the lookup of
// the entity at an offset.

import firstNames from '../data/first-names.json';
import { foldName, lexiconTags, withoutEditorBrackets } from '../nlp';
import { partitionPoint } from '../sorted';
import type { Steps } from '../steps';
import { spelledAcronym } from './resolution';
import { followsThe, withPlainSpaces } from './words';
import { formalFirstNames, isGivenName, organizationEndings, organizationHeads, tableEntryNamed } from './tables';
import type { Candidate, Entity, EntityAnalysis, Kind, TableEntry } from './types';

interface Group {
  kind: Kind;
  key: string;
  candidates: Candidate[];
  tableEntry?: TableEntry;
}

/** Groups the candidates into entities, in steps of a few thousand candidates (a 100,000-word draft has tens of thousands). */
export function* groupEntities(candidates: Candidate[], text: string, shortFormOf: ReadonlyMap<Candidate, Candidate> = new Map()): Steps<Entity[]> {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const surnameOwners = new Map<string, Group[]>();
  /** The people named in full with each first name ("hillary" -> Hillary Clinton). */
  const givenNameOwners = new Map<string, Group[]>();
  const organizationAcronyms = new Map<string, Group>();
  /** Organizations written in full, by their initials; null when two share them. */
  const spelledOutNames = new Map<string, Group | null>();
  /** The organization opened by a city or a country (two words) or a nationality, by the words after it; null when two share them. */
  const organizationsWithoutPlace = new Map<string, Group | null>();
  /** The organization whose name each run of words before "of" or "for" opens; null when two do. */
  const organizationsByHead = new Map<string, Group | null>();
  /** The multi-word organization each run of final words closes; null when two do ("times" -> The New York Times). */
  const organizationsByLastWords = new Map<string, Group | null>();
  /** The person of three or more words whose last two words these are; null when two share them. */
  const personsByLastWords = new Map<string, Group | null>();
  /** The person named with middle initials ("Donald J. Trump") by first name and surname; null when two share them. */
  const personsWithoutInitials = new Map<string, Group | null>();
  /** The multi-word organization each first word opens; null when two do ("Peabody" -> Peabody Energy). */
  const organizationsByFirstWord = new Map<string, Group | null>();
  /** The person by the formal form of the first name and the surname ("kenneth starr" for Ken Starr); null when two share it. */
  const personsByFormalName = new Map<string, Group | null>();
  /** "Kenneth Starr ... Ken Starr", "William Clinton ... Bill Clinton": the one person a short or formal first name and the surname fit. */
  const personByFormalName = (c: Candidate): Group | undefined => {
    const found = new Set(formalFirstNames(c.firstBare).map((formal) => personsByFormalName.get(`${formal} ${c.lastBare}`)));
    const [only] = found;
    return found.size === 1 && only ? only : undefined;
  };

  // "the Conservatives": the table's party named for its members, when the story names that party otherwise too
  // ("the Tories"). Not "the Conservative's record", one member's (a second short form to inconsistent-alias).
  // The set is read only when a plural names a table's party, so it is built then, once.
  let storyTableEntries: Set<string> | undefined;
  const partyOfMembers = (c: Candidate, written: string): TableEntry | undefined => {
    if (c.length !== 1 || !/s$/.test(c.fold)) return undefined;
    const member = c.fold.replace(/s$/, '');
    const entry = tableEntryNamed(`${member} party`, `${written.replace(/s$/, '')} Party`);
    if (!entry) return undefined;
    storyTableEntries ??= new Set(candidates.flatMap((o) => (o.tableEntry ? [o.tableEntry.id] : [])));
    return storyTableEntries.has(entry.id) ? entry : undefined;
  };

  const open = (kind: Kind, key: string, tableEntry?: TableEntry): Group => {
    const existing = byKey.get(`${kind}:${key}`);
    if (existing) return existing;
    const group: Group = { kind, key, candidates: [], tableEntry };
    groups.push(group);
    byKey.set(`${kind}:${key}`, group);
    return group;
  };

  /** Each person's full-name mentions, gathered once the full names are all filed (lone names come after them). */
  const fullNameFacts = new Map<Group, FullNames>();
  const namedInFull = (g: Group): FullNames => {
    let facts = fullNameFacts.get(g);
    if (!facts) {
      const full = g.candidates.filter((o) => o.length > 1);
      const starts = full.map((o) => o.start).sort((a, b) => a - b);
      facts = {
        starts,
        genders: new Set(full.map((o) => genderOfFirstName(text.slice(o.start, o.end).split(/\s+/)[0]))),
        titleWords: new Set(full.flatMap((o) => (o.role ? foldName(o.role).replace(/\./g, '').split(/\s+/) : []))),
      };
      fullNameFacts.set(g, facts);
    }
    return facts;
  };
  /** Surnames the story gives, with a courtesy title, to someone none of its full names fits ("Mr. Obama" beside Michelle Obama). */
  let otherBearersCache: Set<string> | undefined;
  const otherBearers = () =>
    (otherBearersCache ??= new Set(
      candidates
        .filter((c) => c.kind === 'person' && c.length === 1 && courtesyBefore(c) && (surnameOwners.get(c.fold)?.length ?? 0) > 0)
        .filter((c) => fittingOwners(surnameOwners.get(c.fold)!, c, text, namedInFull).length === 0)
        .map((c) => c.fold),
    ));
  const courtesyBefore = (c: Candidate) => courtesyTitleBefore(text, c.start) !== undefined;
  /** Where each group's lone names filed so far stand, in order. */
  const loneStarts = new Map<Group, number[]>();

  const shortFormsByName = new Map<Candidate, Candidate[]>();
  for (const [short, name] of shortFormOf) shortFormsByName.set(name, [...(shortFormsByName.get(name) ?? []), short]);

  // "Federated Department Stores ... Federated - owner of Macy's ... Federated said": once resolution reads one lone mention
  // as the first word of the story's organization, every lone mention of that word is it.
  // Not a chamber's or an office's word: "the House ... House Majority PAC".
  const firstWordFolds = new Set(
    candidates.filter((c) => c.firstWordOfOrganization && !institutionWords.test(c.fold) && !organizationHeads.has(c.fold)).map((c) => c.fold),
  );
  // Full names first, so that surnames attach to the person they abbreviate.
  const ordered = [...candidates].sort((a, b) => b.length - a.length || a.start - b.start);
  yield;
  let filed = 0;
  for (const c of ordered) {
    if (++filed % 2000 === 0) yield;
    const fold = c.fold;
    if (c.kind === 'organization') {
      let group: Group | undefined;
      const written = text.slice(c.start, c.end);
      // "The Church of Scientology" in a quotation and "the Church of Scientology" elsewhere: one organization.
      const withoutArticle = fold.replace(/^the /, '');
      const spelled = c.length > 1 ? spelledAcronym(written).toUpperCase() : '';
      // One organization, one group, whether or not a mention matched the table ("Twitter's chief", "A Twitter spokesman").
      const tableEntry = c.tableEntry ?? tableEntryNamed(fold, written) ?? partyOfMembers(c, written);
      if (tableEntry) {
        group =
          byKey.get(`organization:${tableEntry.id}`) ??
          byKey.get(`organization:${fold}`) ??
          byKey.get(`organization:${withoutArticle}`) ??
          open('organization', tableEntry.id, tableEntry);
        group.tableEntry ??= tableEntry;
        byKey.set(`organization:${tableEntry.id}`, group);
        byKey.set(`organization:${fold}`, group);
      } else
        group =
          organizationAcronyms.get(fold.toUpperCase()) ??
          (c.firstWordOfOrganization || firstWordFolds.has(fold) ? organizationsByFirstWord.get(fold) : undefined) ??
          (followsThe(text, c.start) ? organizationsByLastWords.get(fold) : undefined) ??
          organizationsWithoutPlace.get(fold) ??
          (c.length > 1 && /\p{Lu}{2}/u.test(written) ? spelledOutNames.get(spelled) : undefined) ??
          organizationsByHead.get(fold) ??
          // "the Conservative party ... the Conservatives", "the Green Party ... the Greens": a party by its members.
          (c.length === 1 && fold.endsWith('s') ? byKey.get(`organization:${fold.slice(0, -1)} party`) : undefined) ??
          // "the Economic Social Research Council ... the Economic and Social Research Council": with or without its links.
          byKey.get(`organization:${fold}`) ??
          open('organization', withoutArticle.replace(/ (?:and|&|of|the|for)(?= )/g, ''));
      group.candidates.push(c);
      for (const short of shortFormsByName.get(c) ?? []) organizationAcronyms.set(short.fold.toUpperCase(), group);
      if (c.length > 1) {
        organizationAcronyms.set(c.acronym, group);
        if (spelled !== c.acronym && !organizationAcronyms.has(spelled)) organizationAcronyms.set(spelled, group);
        // "the Scottish Football Association ... the Scottish FA": a short form that spells out a name written in full (not
        // one of two short forms alike: "BBC Two" and "BBC Three", "Barnsley AC" and "Basildon AC").
        if (!/\p{Lu}{2}/u.test(written) && c.acronym.length >= 3) {
          const holder = spelledOutNames.get(c.acronym);
          spelledOutNames.set(c.acronym, holder === undefined || holder === group ? group : null);
        }
        const opener = organizationsByFirstWord.get(c.firstBare);
        if (c.firstBare.length >= 3) organizationsByFirstWord.set(c.firstBare, opener === undefined || opener === group ? group : null);
        // "The New York Times ... the Times", "New York Daily News ... the Daily News": the last words of one
        // organization's name, after "the", stand for it when no other organization of the story ends with them
        // ("Union leaders" opening a sentence is no short form of the Service Employees International Union).
        // Not after "of", "for" or "and": "England" is no short form of the Bank of England.
        const words = fold.split(' ');
        // "the Turquoise Council of Americans and Eurasians ... the Turquoise Council": the words before "of" or
        // "for", unless they are one generic word ("Bank" of America, "University" of Miami).
        const linkAt = words.findIndex((w) => w === 'of' || w === 'for');
        if (linkAt > 0 && !(linkAt === 1 && (organizationHeads.has(words[0]) || organizationEndings.has(words[0])))) {
          const head = words.slice(0, linkAt).join(' ');
          const holder = organizationsByHead.get(head);
          organizationsByHead.set(head, holder === undefined || holder === group ? group : null);
        }
        // "PC Pro Magazine ... PC Pro": a publication by its name without the word for what it is.
        if (words.length > 2 && /^(?:magazine|newspaper)$/.test(words[words.length - 1])) {
          const title = words.slice(0, -1).join(' ');
          const holder = organizationsByHead.get(title);
          organizationsByHead.set(title, holder === undefined || holder === group ? group : null);
        }
        // "Glasgow Rangers ... Rangers", "Manchester United ... United's win": a club or a firm by its name without its city.
        // Not a generic word of institutions: "Kentucky House ... the House" is the U.S. House.
        const generic = (w: string) => institutionWords.test(w) || organizationHeads.has(w);
        // "the British Potato Council ... the Potato Council": a body by its name without its nationality.
        if (
          (words.length === 2 && lexiconTags(words[0])?.some((t) => placeTags.has(t)) && !generic(words[1])) ||
          (c.opensWithNationality && !words.includes('of'))
        ) {
          const rest = words.slice(1).join(' ');
          const holder = organizationsWithoutPlace.get(rest);
          organizationsWithoutPlace.set(rest, holder === undefined || holder === group ? group : null);
        }
        // "the EP Committee on Civil Liberties ... the Committee": a body named for its subject by the last words before "on".
        // Not by the words before "on" whole: the "European Council" is no short form of the European Council on Foreign Relations.
        const subjectAt = words.indexOf('on');
        const closing = subjectAt > 0 ? words.slice(0, subjectAt) : words;
        if (!closing.some((w) => w === 'of' || w === 'for' || w === 'and' || w === '&'))
          for (let k = subjectAt > 0 ? Math.max(1, subjectAt - 1) : 1; k < closing.length; k++) {
            const tail = closing.slice(k).join(' ');
            // "the House" is the chamber, never the White House.
            if (tail.length < 4 || tail === 'house') continue;
            const closer = organizationsByLastWords.get(tail);
            organizationsByLastWords.set(tail, closer === undefined || closer === group ? group : null);
          }
      }
      continue;
    }
    if (c.length > 1) {
      // "Michael Symmons Roberts ... Symmons Roberts": the last words of one longer name opening with a first name, and of no other.
      // "Donald J. Trump ... Donald Trump", "Loretta E. Lynch ... Loretta Lynch": the same name without its middle initials.
      const longer = c.length === 2 ? (personsByLastWords.get(fold) ?? personsWithoutInitials.get(fold)) : undefined;
      // The same name in full first; then the same person under a short or formal first name.
      const group = longer ?? byKey.get(`person:${fold}`) ?? personByFormalName(c) ?? open('person', fold);
      group.candidates.push(c);
      // A short form of two formal names ("Pat": Patricia or Patrick) files no one by them.
      const formals = formalFirstNames(c.firstBare);
      for (const formal of formals.length === 1 ? formals : []) {
        const key = `${formal} ${c.lastBare}`;
        const holder = personsByFormalName.get(key);
        personsByFormalName.set(key, holder === undefined || holder === group ? group : null);
      }
      // "Ruud van Nistelrooy ... Van Nistelrooy": a surname with its particle is the surname, whatever the first name.
      const words = fold.split(' ');
      if (c.length > 2 && (c.givenName || isGivenName(c.firstBare) || surnameParticles.test(words[words.length - 2]))) {
        const tail = words.slice(-2).join(' ');
        const holder = personsByLastWords.get(tail);
        personsByLastWords.set(tail, holder === undefined || holder === group ? group : null);
        if (words.slice(1, -1).every((w) => /^\p{L}$/u.test(w))) {
          const plain = `${words[0]} ${words[words.length - 1]}`;
          const named = personsWithoutInitials.get(plain);
          personsWithoutInitials.set(plain, named === undefined || named === group ? group : null);
        }
      }
      const surname = c.lastBare;
      const owners = surnameOwners.get(surname) ?? [];
      if (!owners.includes(group)) owners.push(group);
      surnameOwners.set(surname, owners);
      const given = givenNameOwners.get(c.firstBare) ?? [];
      if (!given.includes(group)) given.push(group);
      givenNameOwners.set(c.firstBare, given);
      continue;
    }
    // "the Clinton-Sanders showdown", "the Obama-Clinton foreign policy": two people of the story joined by a hyphen are
    // neither one of them nor a third person (a double-barrelled surname is rarely two surnames of the story).
    const halves = fold.split('-');
    if (halves.length === 2 && halves.every((h) => surnameOwners.has(h))) continue;
    // A lone surname: among the people its courtesy title and its title fit ("Mrs. Clinton" is not Bill
    // Clinton, "President Obama" not Michelle Obama), the story's subject when no other was named in full
    // just before it (storySubject), else the one most recently mentioned before it.
    let owners = fittingOwners(surnameOwners.get(fold) ?? [], c, text, namedInFull);
    // "President Obama is rolling out ... Mr. Obama said ... the first lady, Michelle Obama": a titled lone surname
    // before anyone is named in full with it, under a title none of them has, in a story whose courtesy titles make
    // the surname someone else's too, is that someone else's, not the full name that comes later. (Untitled, as in a
    // headline, it stays with the full name: "Clinton tries ... Hillary Clinton ... Mr. Clinton".)
    if (
      c.role &&
      owners.length > 0 &&
      otherBearers().has(fold) &&
      !courtesyBefore(c) &&
      owners.every((g) => namedInFull(g).starts[0] > c.start && !namedInFull(g).titleWords.has(lastTitleWord(c.role!)))
    )
      owners = [];
    let owner: Group | undefined = owners.length > 1 ? storySubject(owners, c.start, namedInFull) : undefined;
    let ownerFirst = -1;
    for (const g of owner ? [] : owners) {
      const { starts } = namedInFull(g);
      // Full names come first in `ordered` and lone names after them by position: the latest mention
      // before this one is the latest full name before it or the latest lone name already filed (binary
      // search, not a scan: a group may hold thousands of mentions).
      const loneBefore = loneStarts.get(g);
      const latestBefore = Math.max(latestStartBefore(starts, c.start), loneBefore ? latestStartBefore(loneBefore, c.start) : -1);
      const earliest = Math.min(starts[0] ?? Infinity, loneBefore?.[0] ?? Infinity);
      const score = latestBefore >= 0 ? latestBefore : -earliest - 1e9;
      if (!owner || score > ownerFirst) {
        owner = g;
        ownerFirst = score;
      }
    }
    // "Hillary" in a story that names Hillary Clinton, and no one else called Hillary nor anyone surnamed so:
    // her, by her first name, in a family's story too ("That's Hillary's husband"); so is "Joice" beside Joice
    // Maduaka, a first name no table knows, unless a title makes it a surname ("Mr. Joice"); a royal's or a
    // knight's title goes with the first name ("Prince Saud" is Saud Al-Faisal, "Sir Andrew" Andrew Foster). Not a first name listed
    // with other names, which may share a surname the story gives someone else ("David and Jeanne Heidler"
    // beside David Eisenhower; "Ruth's children, Michael, Stephen, Robin and Bill" beside Bill Clinton).
    const namedBy = givenNameOwners.get(fold);
    const firstNameTitle = c.role !== undefined && c.role !== null && givenNameTitles.has(lastTitleWord(c.role));
    if (
      !owner &&
      namedBy?.length === 1 &&
      !surnameOwners.has(fold) &&
      (c.givenName || isGivenName(fold) || firstNameTitle || (!c.role && !courtesyBefore(c))) &&
      !listedWithOtherNames(text, c)
    )
      owner = namedBy[0];
    const holder = owner ?? open('person', fold);
    holder.candidates.push(c);
    const lone = loneStarts.get(holder);
    if (lone) lone.push(c.start);
    else loneStarts.set(holder, [c.start]);
  }

  yield;
  const entities: Entity[] = [];
  for (const group of groups) {
    // Naming thousands of groups took 15 ms on a 100,000-word draft: a pause every 500.
    if (entities.length % 500 === 499) yield;
    group.candidates.sort((a, b) => a.start - b.start);
    const mentions = group.candidates.map((c) => {
      return { start: c.start, end: c.end, text: text.slice(c.start, c.end) };
    });
    const fullest =
      group.tableEntry && !group.candidates.some((c) => c.length > 1)
        ? undefined
        : group.candidates.reduce((best, c) => (c.length > best.length || (c.length === best.length && c.end - c.start > best.end - best.start) ? c : best));
    // Shown with plain spaces (a no-break space inside a name is the web page's, not the name's); mentions keep the draft's characters.
    const written = fullest ? withPlainSpaces(withoutEditorBrackets(text.slice(fullest.start, fullest.end))) : group.tableEntry!.name;
    // "Standard & Poor's": a mention reads without its possessive, the table's name keeps it.
    const name =
      group.tableEntry && `${foldName(written)}'s` === foldName(group.tableEntry.name)
        ? group.tableEntry.name
        : fullest && group.candidates.every((c) => c.namedWithItsS)
          ? written + text.slice(fullest.end, fullest.end + 2)
          : written;
    const seen = new Set<string>([foldName(name)]);
    const aliases: string[] = [];
    for (const m of mentions) {
      const alias = withPlainSpaces(withoutEditorBrackets(m.text));
      const folded = foldName(alias);
      // Nor is the name without its possessive another name ("Moody" of "Moody's").
      if (!seen.has(folded) && !seen.has(`${folded}'s`)) {
        seen.add(folded);
        aliases.push(alias);
      }
    }
    const role = group.candidates.find((c) => c.role)?.role ?? null;
    entities.push({
      id: `${group.kind === 'person' ? 'per' : 'org'}:${foldName(name).replace(/\s+/g, '-')}`,
      name,
      type: group.kind,
      aliases,
      role,
      mentions,
      quotes: [],
    });
  }
  // Ids must be unique even when two groups fold to the same name.
  const used = new Map<string, number>();
  for (const e of entities) {
    const n = used.get(e.id) ?? 0;
    used.set(e.id, n + 1);
    if (n > 0) e.id = `${e.id}-${n + 1}`;
  }
  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return entities;
}

/**
 * A first name that shares a surname with the next name ("David and Jeanne Heidler"), or stands
 * in a list of three or more ("Michael, Stephen, Robin and Bill"). "Melania and Donald" is neither.
 */
function listedWithOtherNames(text: string, c: { start: number; end: number }): boolean {
  return (
    /^(?:\s+(?:and|&)\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}|,\s*\p{Lu}\p{Ll}+(?:,\s*|,?\s+(?:and|&|or)\s+)\p{Lu}\p{Ll})/u.test(text.slice(c.end, c.end + 40)) ||
    /\p{Lu}\p{Ll}+,\s+\p{Lu}\p{Ll}+(?:,\s+|,?\s+(?:and|&|or)\s+)$/u.test(text.slice(Math.max(0, c.start - 40), c.start))
  );
}

const maleNames = new Set(firstNames.male);
const femaleNames = new Set(firstNames.female);

/**
 * Names given to men and women alike, which the lists file under the gender news copy mostly gives them: a courtesy
 * title does not contradict them ("Sandy Walkington ... Mr Walkington").
 */
const namesOfEitherGender = new Set([
  'sandy',
  'chris',
  'alex',
  'sam',
  'leslie',
  'kim',
  'robin',
  'jean',
  'kelly',
  'ashley',
  'dana',
  'terry',
  'jackie',
  'evelyn',
]);

/** The gender a first name signals, or undefined. */
function genderOfFirstName(word: string): 'male' | 'female' | undefined {
  const name = foldName(word);
  if (namesOfEitherGender.has(name)) return undefined;
  if (maleNames.has(name) && !femaleNames.has(name)) return 'male';
  if (femaleNames.has(name) && !maleNames.has(name)) return 'female';
  return undefined;
}

const placeTags = new Set(['City', 'Country', 'Region', 'Place']);
/** Words every city or state has an institution of: "Kentucky House ... the House" is another House. */
const institutionWords =
  /^(?:house|senate|assembly|council|court|police|government|parliament|congress|legislature|party|committee|commission|department|ministry|university|college|school|hospital|airport|county|state|city|board|authority|bank|fund|trust)$/;

/** Particles that open a surname: "van Nistelrooy", "de Villepin", "bin Laden". */
const surnameParticles = /^(?:van|von|de|der|den|di|da|du|la|le|del|della|dos|das|ter|ten|bin|ibn|el|al)$/;

/** Titles that go with a first name, not a surname. */
const givenNameTitles = new Set(['prince', 'princess', 'king', 'queen', 'sheikh', 'sheik', 'emir', 'sultan', 'sir', 'dame', 'pope', 'uncle', 'aunt', 'auntie']);

/** The last word of a title, folded, without periods: "President" -> "president", "Sen." -> "sen". */
function lastTitleWord(role: string): string {
  return foldName(role).replace(/\./g, '').split(/\s+/).pop()!;
}

/** The courtesy title right before a name ("Mr.", "Mrs."), if any. */
function courtesyTitleBefore(text: string, start: number): string | undefined {
  return /\b(Mr|Mrs|Ms|Miss)\.?\s+$/.exec(text.slice(Math.max(0, start - 6), start))?.[1];
}

/**
 * The owners a lone surname may belong to when several people share it: those whose first name fits the
 * courtesy title before it ("Mr.", "Mrs."), then those the story gave the same title ("President").
 * When no title decides, all of them, as before; none when the courtesy title fits no one.
 */
function fittingOwners(owners: Group[], c: Candidate, text: string, namedInFull: (g: Group) => FullNames): Group[] {
  if (owners.length === 0) return owners;
  let fitting = owners;
  const courtesy = courtesyTitleBefore(text, c.start);
  if (courtesy) {
    const wanted = courtesy === 'Mr' ? 'male' : 'female';
    const byGender = fitting.filter((g) => namedInFull(g).genders.has(wanted));
    // "Mr. Obama" in a story that names only Michelle Obama in full is someone else.
    if (byGender.length === 0 && fitting.every((g) => [...namedInFull(g).genders].some((x) => x !== undefined && x !== wanted))) return [];
    if (byGender.length > 0) fitting = byGender;
  }
  const title = c.role ? lastTitleWord(c.role) : undefined;
  if (title && fitting.length > 1) {
    // Only the titles of full names: a lone surname filed earlier may itself be misfiled.
    const sameTitle = fitting.filter((g) => namedInFull(g).titleWords.has(title));
    if (sameTitle.length > 0) fitting = sameTitle;
  }
  return fitting;
}

/** How far back (UTF-16 units, about one short paragraph) a relative's full name still claims a lone surname. */
const relativeReach = 300;

/**
 * "Senator Ted Cruz ... his father, Rafael Cruz, ... Mr. Cruz": a lone surname shared by several people
 * is the story's subject (the one it names in full first) unless another of them was named in full
 * just before it ("Bill Hartley founded the firm. His daughter, Joan Hartley, runs it now. Hartley
 * said"). Undefined when the latest full name is near: the nearest then decides, as before.
 */
function storySubject(owners: Group[], offset: number, namedInFull: (g: Group) => FullNames): Group | undefined {
  let nearest = -1;
  for (const g of owners) nearest = Math.max(nearest, latestStartBefore(namedInFull(g).starts, offset));
  if (nearest >= 0 && offset - nearest <= relativeReach) return undefined;
  return owners.reduce((first, g) => ((namedInFull(g).starts[0] ?? Infinity) < (namedInFull(first).starts[0] ?? Infinity) ? g : first));
}

/** What a person's full-name mentions say, for filing lone surnames. */
interface FullNames {
  /** Where they stand, in order. */
  starts: number[];
  /** The gender each one's first name signals (undefined when it signals none). */
  genders: Set<'male' | 'female' | undefined>;
  /** The words of the titles the story gives them ("president", "sen"). */
  titleWords: Set<string>;
}

/** The largest of ascending `starts` below `offset`, or -1. */
function latestStartBefore(starts: readonly number[], offset: number): number {
  const below = partitionPoint(starts.length, (i) => starts[i] < offset);
  return below > 0 ? starts[below - 1] : -1;
}

/** A mention in the lookup index: its span and whose it is. */
export interface MentionEntry {
  start: number;
  end: number;
  entity: Entity;
}

/** The lookup index of each analysis, sorted by start: an analysis moved through an edit maps it instead of sorting again. */
const mentionIndexes = new WeakMap<EntityAnalysis, readonly MentionEntry[]>();

export function mentionIndexOf(analysis: EntityAnalysis): readonly MentionEntry[] | undefined {
  return mentionIndexes.get(analysis);
}

export function withLookup(entities: Entity[]): EntityAnalysis {
  const index = entities.flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity }))).sort((a, b) => a.start - b.start);
  return withSortedLookup(entities, index);
}

/** withLookup with the index already built: sorted by start, ties in the order of `entities` and their mentions. */
export function withSortedLookup(entities: Entity[], index: readonly MentionEntry[]): EntityAnalysis {
  const analysis: EntityAnalysis = {
    entities,
    entityAt(offset: number): Entity | undefined {
      // The cursor right after a name (offset === end) still names it.
      let lo = 0;
      let hi = index.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const m = index[mid];
        if (offset < m.start) hi = mid - 1;
        else if (offset > m.end) lo = mid + 1;
        else return m.entity;
      }
      return undefined;
    },
  };
  mentionIndexes.set(analysis, index);
  return analysis;
}
