// The word tables the entity pass reads: titles, roles, organization cue
// words, name particles, and the built-in table of well-known organizations.

import firstNameTable from '../data/first-names.json';
import organizationTable from '../data/organizations.json';
import titleTable from '../data/titles.json';
import { foldName, lexiconTags } from '../nlp';
import type { TableEntry } from './types';

export const honorifics = new Set(titleTable.honorifics);
export const titleModifiers = new Set(titleTable.titleModifiers);
export const roleWords = new Set(titleTable.roles.filter((r) => !r.includes(' ')));
export const personVerbs = new Set(titleTable.personVerbs);

/** "Jr.", "Jnr", "Sr.", "III" after a surname: a generation, no name of its own. */
export const generationalSuffix = /^(?:jr|jnr|sr|snr|ii|iii|iv)$/;

/** Family and friends: a relation, not an office ("his wife Ana", "Mother Jones" the magazine). */
export const kinship =
  /^(?:wife|husband|son|daughter|father|mother|brother|sister|grandson|granddaughter|grandfather|grandmother|nephew|niece|cousin|partner|friend|stepson|stepdaughter)$/;

/** Last words that make a name an organization: "Acme Corp", "Justice Ministry". */
/**
 * A company's trade as the last word of its name, which no person's name ends in: "Network Rail", "Stanley Leisure",
 * "Lenox Healthcare"; "Utd" for United, as a fixture list shortens it ("Man Utd").
 */
export const companyTradeWords: ReadonlySet<string> = new Set([
  'rail',
  'utd',
  'maintenance',
  'leisure',
  'hotels',
  'resorts',
  'casinos',
  'logistics',
  'consulting',
  'solutions',
  'pharma',
  'biotech',
  'aerospace',
  'automotive',
  'healthcare',
  'properties',
  'ventures',
  'construction',
  'engineering',
  'financial',
]);

export const organizationEndings = new Set([
  'research',
  'inc',
  'corp',
  'corporation',
  'co',
  'company',
  'cos',
  'ltd',
  'limited',
  'plc',
  'llc',
  'llp',
  'ag',
  'sa',
  'nv',
  'bv',
  'gmbh',
  'spa',
  'ab',
  'asa',
  'as',
  'oy',
  'kk',
  'bhd',
  'tbk',
  'pty',
  'group',
  'holdings',
  'holding',
  'bank',
  'bancorp',
  'bankshares',
  'trust',
  'partners',
  'associates',
  // "Warner Bros", "Lehman Brothers": a firm named for a family, never one person.
  'bros',
  'brothers',
  'airlines',
  'airline',
  'airways',
  'air',
  'motors',
  'motor',
  'industries',
  'industry',
  'systems',
  'computer',
  'computers',
  'technologies',
  'technology',
  'communications',
  'telecom',
  'telecommunications',
  'pharmaceuticals',
  'pharmaceutical',
  'petroleum',
  'resources',
  'mining',
  'securities',
  'capital',
  'fund',
  'investments',
  'investment',
  'insurance',
  'assurance',
  'exchange',
  'electric',
  'electronics',
  'steel',
  'chemicals',
  'chemical',
  'foods',
  'brewery',
  'breweries',
  'stores',
  'entertainment',
  'theatre',
  'theater',
  'media',
  'publishing',
  'studios',
  'software',
  'networks',
  'network',
  'energy',
  'oil',
  'gas',
  'power',
  'utilities',
  'railways',
  'railway',
  ...companyTradeWords,
  'semiconductor',
  'semiconductors',
  'railroad',
  'shipping',
  'lines',
  'enterprises',
  'international',
  'corps',
  'party',
  'front',
  'movement',
  'alliance',
  'coalition',
  'council',
  'committee',
  'commission',
  'ministry',
  'department',
  'agency',
  'authority',
  'bureau',
  'office',
  'board',
  'assembly',
  'parliament',
  'senate',
  'congress',
  'court',
  'tribunal',
  'army',
  'navy',
  'police',
  'guard',
  'forces',
  'brigade',
  'brigades',
  'militia',
  'university',
  'college',
  'institute',
  'institution',
  'school',
  'academy',
  'foundation',
  'association',
  'federation',
  'union',
  'league',
  'society',
  'organisation',
  'organization',
  'club',
  'fc',
  'afc',
  'rovers',
  'wanderers',
  'athletic',
  'athletico',
  'albion',
  'hotspur',
  'united',
  'church',
  'news',
  'times',
  'post',
  'journal',
  'herald',
  'tribune',
  'gazette',
  'telegraph',
  'daily',
  'weekly',
  'magazine',
  'radio',
  'television',
  'tv',
  'press',
  'broadcasting',
  'cabinet',
  'government',
  'secretariat',
  'service',
  'services',
  'fund',
  'reserve',
  'center',
  'centre',
  'hospital',
  'clinic',
  'laboratories',
  'labs',
  'orchestra',
  'band',
  'team',
  'council',
  'directorate',
  'inspectorate',
  'command',
  'mission',
  'programme',
  'program',
  'initiative',
  'taskforce',
  'union',
  'confederation',
  'syndicate',
  'cooperative',
  'co-operative',
  'consortium',
  'conglomerate',
  'ministries',
  'images',
]);
/** First words that make "X of Y" an organization: "Bank of England", "Ministry of Defence". */
export const organizationHeads = new Set([
  'bank',
  'ministry',
  'department',
  'university',
  'college',
  'institute',
  'school',
  'academy',
  'bureau',
  'office',
  'council',
  'committee',
  'commission',
  'federation',
  'association',
  'union',
  'league',
  'society',
  'organisation',
  'organization',
  'board',
  'house',
  'chamber',
  'church',
  'court',
  'party',
  'government',
  'federal',
  'national',
  'royal',
  'museum',
  'fund',
  'agency',
  'authority',
  'corporation',
  'confederation',
  'conference',
  'assembly',
  'army',
  'order',
  'friends',
  'sisters',
  'knights',
  'parliament',
  'congress',
  'senate',
]);
/**
 * Bodies that are named by what they are for, besides organizationHeads: "Center for the Study of Democracy",
 * "Foundation for Defense of Democracies", "Campaign for the Protection of Rural England".
 */
export const linkedBodyHeads = new Set([
  'center',
  'centre',
  'centers',
  'foundation',
  'campaign',
  'coalition',
  'alliance',
  'movement',
  'project',
  'initiative',
  'network',
  'forum',
  'trust',
  'institution',
]);

/**
 * Products a story names as things, never as a body or a person: consoles, devices, programs, services. Only names
 * that are nothing else (not "Safari", "BlackBerry" or "Skype", which are also words or companies).
 */
export const productNames = new Set([
  'ipod',
  'iphone',
  'ipad',
  'itunes',
  'imac',
  'macbook',
  'macintosh',
  'apple mac',
  'ios',
  'android',
  'windows',
  'windows messenger',
  'msn messenger',
  'internet explorer',
  'ie',
  'netscape navigator',
  'firefox',
  'chrome',
  'xbox',
  'playstation',
  'psp',
  'ps2',
  'ps3',
  'ps4',
  'ps5',
  'gamecube',
  'game boy',
  'nintendo ds',
  'wii',
  'walkman',
  'kindle',
  'gmail',
  'hotmail',
  'photoshop',
  'chatgpt',
  'google earth',
  'google maps',
  'street view',
  'linux',
  'symbian',
  'blu-ray',
  'bluetooth',
  'wi-fi',
]);

/** Bodies named for their subject after "on": "Council on Foreign Relations", "Center on Budget and Policy Priorities". */
export const subjectBodyHeads = new Set([
  'council',
  'committee',
  'subcommittee',
  'commission',
  'center',
  'centre',
  'conference',
  'institute',
  'panel',
  'force',
  'caucus',
]);

/** The verbs that open a body's cause after "to": "Committee to Protect Journalists", "Campaign to End Loneliness". */
export const causeVerbs = new Set(
  'protect stop end save prevent defend preserve restore combat fight ban abolish reform elect re-elect reelect unite free keep support promote repeal cure reduce eliminate rebuild strengthen secure fix feed draft'.split(
    ' ',
  ),
);

export const nameParticles = new Set([
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'dos',
  'das',
  'ter',
  'ten',
  'y',
  'e',
]);
/** Capitalised abbreviations that name no one: time zones, units, common initialisms. */
export const nonNames = new Set(titleTable.nonNames.map((n) => n.toLowerCase()));
/**
 * English function words: capitalised at the start of a sentence or a quotation, they open it and begin no
 * name, whatever compromise tags them before a name ("Some Clinton allies", "Is Obama profiling?", "Rather,").
 * Not "our", "their", "his"...: they may open an organization's name ("Our Principles PAC").
 */
/** Endings of English adverbs that no name has ("Physically", "Mathematically", "Reportedly"). */
export const adverbEnding = /^\p{L}{3,}(?:ically|ously|ively|fully|edly|ably|ibly|ently|antly|ingly|ately)$/u;
export const functionWords = new Set(
  (
    'a an the some any all both each every either neither no this that these those it i my we you he she they ' +
    'who whom whose what which where when why how here there is are was were am be been do does did has have had ' +
    'rather instead meanwhile however moreover also still yet even then thus hence indeed perhaps maybe nonetheless nevertheless otherwise ' +
    'about above across after against along amid among around at before behind below beneath beside besides between beyond by despite ' +
    'during for from in inside into near of off on onto outside over since through throughout to toward towards under underneath until upon ' +
    'with within without and but or nor so if unless although though because while whereas ' +
    // Modals opening a question ("Can Sanders take a punch?"); not "will" or "may", which are also names.
    'can could would should shall must might ' +
    'anyone anybody everyone everybody someone somebody nobody'
  ).split(' '),
);
/** Places whose names look like acronyms or organizations ("U.S.", "West Bank"). */
export const knownPlaces = new Set(titleTable.places.map((n) => foldName(n).replace(/\.$/, '')));
export const timeTags = ['Month', 'WeekDay', 'Date', 'Holiday'];
export const placeTags = ['Place', 'Country', 'City', 'Region', 'Address'];

function splitNameWords(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

const table: TableEntry[] = organizationTable.organizations.map((entry: { name: string; aliases: string[]; exactCase?: boolean }, i) => ({
  id: `org-table-${i}`,
  name: entry.name,
  forms: [entry.name, ...entry.aliases].map((form) => {
    const allCaps = /^[\p{Lu}.\s&+-]+$/u.test(form) && form.length <= 6;
    const possessive = /['’]s$/.test(form);
    return {
      words: splitNameWords(foldName(possessive ? form.slice(0, -2) : form)),
      exactCase: allCaps || entry.exactCase ? form : null,
      possessive,
    };
  }),
}));
/** Table forms indexed by their first folded word, longest first. */
export const tableByFirstWord = new Map<string, { entry: TableEntry; words: string[]; exactCase: string | null; possessive: boolean }[]>();
for (const entry of table) {
  for (const form of entry.forms) {
    const list = tableByFirstWord.get(form.words[0]) ?? [];
    list.push({ entry, ...form });
    list.sort((a, b) => b.words.length - a.words.length);
    tableByFirstWord.set(form.words[0], list);
  }
}

/**
 * The table's organization whose form a mention's words are, in full, as written (`written` for the forms that must
 * match in capitals): for a mention the tagger read, where the table did not match ("But Tory co-chairman").
 */
export function tableEntryNamed(fold: string, written: string): TableEntry | undefined {
  return tableByForm.get(fold)?.find((f) => f.exactCase === null || f.exactCase === written)?.entry;
}

/** The table's forms by their folded words, possessive forms left out: read for every organization mention, so built once. */
const tableByForm = new Map<string, { entry: TableEntry; exactCase: string | null }[]>();
for (const entry of table) {
  for (const form of entry.forms) {
    if (form.possessive) continue;
    const key = form.words.join(' ');
    (tableByForm.get(key) ?? tableByForm.set(key, []).get(key)!).push({ entry, exactCase: form.exactCase });
  }
}

/** Titles that are also common first names ("Dean Jones"): before a surname alone they are the first name. */
/** A first name the built-in table lists (folded). */
export const isGivenName = (fold: string): boolean => givenNames.has(fold);

/** A word known as someone's name: a given name in the table, or a name or a person to the lexicon ("Eminem"). */
export const knownAsName = (fold: string): boolean => isGivenName(fold) || lexiconTags(fold)?.some((t) => /Name$|Person/.test(t)) === true;
const givenNames = new Set([...firstNameTable.male, ...firstNameTable.female].map((n) => n.toLowerCase()));

/** Each first name's formal forms: "ken" -> ["kenneth"], "kenneth" -> ["kenneth"], "pat" -> ["patricia", "patrick"]. */
const formalForms = new Map<string, string[]>();
for (const [formal, short] of Object.entries(firstNameTable.nicknames)) {
  for (const form of [formal, ...short]) formalForms.set(form, [...(formalForms.get(form) ?? []), formal]);
}
/** The formal first names a first name may stand for ("bill" -> ["william"]); none when the table does not list it. */
export const formalFirstNames = (fold: string): readonly string[] => formalForms.get(fold) ?? [];
export const titlesThatAreFirstNames = new Set([...firstNameTable.male, ...firstNameTable.female].map((n) => n.toLowerCase()).filter((n) => honorifics.has(n)));
/** "Jones stock closed down", "Pirelli shares rose": a name right before these is a company or a market, never a person. */
export const securityNouns = new Set(['stock', 'stocks', 'share', 'shares', 'bond', 'bonds', 'futures']);
/** Honorifics that say nothing of what a person does ("Mr.", "Dr."): evidence of a person, never a role. */
export const courtesyTitles = new Set(titleTable.courtesyTitles);
/** "Sens. Ada Whitcomb and Lyle Brandvold": the title covers the next name too. */
export const pluralTitles = new Set(titleTable.pluralTitles);
/** AP state abbreviations, folded without the final period ("ill", "n.y"). */
export const stateAbbreviations = new Set(titleTable.stateAbbreviations.map((s) => foldName(s).replace(/\.$/, '')));
/** Lower-case nouns of occupations the roles table does not list: "pediatrician", "psychotherapist". */
export const occupationEnding = /^\p{Ll}[\p{Ll}-]{3,}(?:ician|ist|ologist|iatrist|apist)$/u;
