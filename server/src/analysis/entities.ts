// People and organizations named in a draft, resolved the way a copy editor
// reads a story: the first reference gives the full name and a title, later
// references use the surname or an acronym, and capitals alone prove nothing.
//
// compromise (through nlp.ts) supplies words and tags per paragraph. On top of
// that, this file
//   - builds candidate names from runs of capitalised words ("Bank of England",
//     "Charles de Gaulle"), keeping titles ("Foreign Minister") out of the name
//     and recording them as the person's role;
//   - weighs evidence: titles and roles, organization cue words (Inc., Ministry,
//     University...), the built-in table of well-known organizations, compromise's
//     own tags, and a small word-statistics model trained on public-domain news;
//   - rejects places, months, days, nationalities and sentence-initial capitals;
//   - propagates what the story establishes to its later mentions (surnames,
//     possessives, acronyms), matching without regard to diacritics.

import organizationTable from './data/organizations.json';
import titleTable from './data/titles.json';
import { foldName, parseParagraph, type NlpWord } from './nlp';
import type { RuleContext } from './rule';
import { nameModel, type NameClass } from './nameModel';
import { attributeQuotes } from './attribution';

/** A mention's range in draft.text (UTF-16 offsets); a possessive 's is not included. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

/** A quotation attributed to an entity: the quoted words' range. */
export interface AttributedQuote {
  text: string;
  start: number;
  end: number;
}

export interface Entity {
  id: string;
  /** Canonical name: the fullest form the story uses. */
  name: string;
  type: 'person' | 'organization';
  aliases: string[];
  role: string | null;
  mentions: Mention[];
  quotes: AttributedQuote[];
}

export interface EntityAnalysis {
  entities: Entity[];
  entityAt(offset: number): Entity | undefined;
}

export function analyzeEntities(ctx: RuleContext): EntityAnalysis {
  return ctx.memo('entities', () => {
    const entities = resolveEntities(ctx);
    attributeQuotes(ctx, entities);
    return withLookup(entities);
  });
}

// ---------------------------------------------------------------------------
// Tables

const honorifics = new Set(titleTable.honorifics);
const titleModifiers = new Set(titleTable.titleModifiers);
const roleWords = new Set(titleTable.roles.filter((r) => !r.includes(' ')));
const personVerbs = new Set(titleTable.personVerbs);

/** Last words that make a name an organization: "Acme Corp", "Justice Ministry". */
const organizationEndings = new Set([
  'inc', 'corp', 'corporation', 'co', 'company', 'cos', 'ltd', 'limited', 'plc', 'llc', 'llp', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'ab', 'asa', 'as', 'oy', 'kk', 'bhd', 'tbk', 'pty',
  'group', 'holdings', 'holding', 'bank', 'bancorp', 'bankshares', 'trust', 'partners', 'associates', 'airlines', 'airline', 'airways', 'air', 'motors', 'motor', 'industries', 'industry', 'systems', 'technologies', 'technology', 'communications', 'telecom', 'telecommunications', 'pharmaceuticals', 'pharmaceutical', 'petroleum', 'resources', 'mining', 'securities', 'capital', 'fund', 'investments', 'investment', 'insurance', 'assurance', 'exchange', 'electric', 'electronics', 'steel', 'chemicals', 'chemical', 'foods', 'brewery', 'breweries', 'stores', 'entertainment', 'media', 'publishing', 'studios', 'software', 'networks', 'network', 'energy', 'oil', 'gas', 'power', 'utilities', 'railways', 'railway', 'railroad', 'shipping', 'lines', 'enterprises', 'international', 'corps',
  'party', 'front', 'movement', 'alliance', 'coalition', 'council', 'committee', 'commission', 'ministry', 'department', 'agency', 'authority', 'bureau', 'office', 'board', 'assembly', 'parliament', 'senate', 'congress', 'court', 'tribunal', 'army', 'navy', 'police', 'guard', 'forces', 'brigade', 'brigades', 'militia', 'university', 'college', 'institute', 'institution', 'school', 'academy', 'foundation', 'association', 'federation', 'union', 'league', 'society', 'organisation', 'organization', 'club', 'fc', 'afc', 'rovers', 'wanderers', 'athletic', 'athletico', 'albion', 'hotspur', 'united', 'church', 'news', 'times', 'post', 'journal', 'herald', 'tribune', 'gazette', 'telegraph', 'daily', 'weekly', 'magazine', 'radio', 'television', 'tv', 'press', 'broadcasting', 'cabinet', 'government', 'secretariat', 'service', 'services', 'fund', 'reserve', 'center', 'centre', 'hospital', 'clinic', 'laboratories', 'labs', 'orchestra', 'band', 'team', 'council', 'directorate', 'inspectorate', 'command', 'mission', 'programme', 'program', 'initiative', 'taskforce', 'union', 'confederation', 'syndicate', 'cooperative', 'co-operative', 'consortium', 'conglomerate',
]);
/** First words that make "X of Y" an organization: "Bank of England", "Ministry of Defence". */
const organizationHeads = new Set([
  'bank', 'ministry', 'department', 'university', 'college', 'institute', 'school', 'academy', 'bureau', 'office', 'council', 'committee', 'commission', 'federation', 'association', 'union', 'league', 'society', 'organisation', 'organization', 'board', 'house', 'chamber', 'church', 'court', 'party', 'government', 'federal', 'national', 'royal', 'museum', 'fund', 'agency', 'authority', 'corporation', 'confederation', 'conference', 'assembly', 'army', 'order', 'friends', 'sisters', 'knights', 'parliament', 'congress', 'senate',
]);
const nameParticles = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'y', 'e']);
/** Capitalised abbreviations that name no one: time zones, units, common initialisms. */
const nonNames = new Set(titleTable.nonNames.map((n) => n.toLowerCase()));
/** Places whose names look like acronyms or organizations ("U.S.", "West Bank"). */
const knownPlaces = new Set(titleTable.places.map((n) => foldName(n).replace(/\.$/, '')));
const timeTags = ['Month', 'WeekDay', 'Date', 'Holiday'];
const placeTags = ['Place', 'Country', 'City', 'Region', 'Address'];

interface TableEntry {
  id: string;
  name: string;
  /** Folded word sequences, and whether each must match in capitals as written. */
  forms: { words: string[]; exactCase: string | null }[];
}

function splitNameWords(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

const table: TableEntry[] = organizationTable.organizations.map((entry, i) => ({
  id: `org-table-${i}`,
  name: entry.name,
  forms: [entry.name, ...entry.aliases].map((form) => {
    const allCaps = /^[\p{Lu}.\s&+-]+$/u.test(form) && form.length <= 6;
    return { words: splitNameWords(foldName(form)), exactCase: allCaps ? form : null };
  }),
}));
/** Table forms indexed by their first folded word, longest first. */
const tableByFirstWord = new Map<string, { entry: TableEntry; words: string[]; exactCase: string | null }[]>();
for (const entry of table) {
  for (const form of entry.forms) {
    const list = tableByFirstWord.get(form.words[0]) ?? [];
    list.push({ entry, ...form });
    list.sort((a, b) => b.words.length - a.words.length);
    tableByFirstWord.set(form.words[0], list);
  }
}

// ---------------------------------------------------------------------------
// Words of the whole draft

interface Word extends NlpWord {
  /** Index in the draft's word list. */
  index: number;
  /** Draft-wide sentence id. */
  sentenceId: number;
  paragraph: number;
  fold: string;
  /** Folded text without a final period ("corp." -> "corp"). */
  bare: string;
  capitalised: boolean;
  has(tag: string): boolean;
}

function collectWords(ctx: RuleContext): Word[] {
  const words: Word[] = [];
  let sentenceBase = 0;
  for (const paragraph of ctx.draft.paragraphs) {
    // All-caps paragraphs (wire headlines, shouted text) carry no case
    // evidence; they are left alone rather than guessed at.
    if (!/\p{Ll}/u.test(paragraph.text)) continue;
    const parsed = parseParagraph(paragraph.text);
    let maxSentence = 0;
    for (const w of parsed.words) {
      const fold = foldName(w.text);
      const tags = new Set(w.tags);
      maxSentence = Math.max(maxSentence, w.sentence);
      words.push({
        ...w,
        start: paragraph.start + w.start,
        end: paragraph.start + w.end,
        index: words.length,
        sentenceId: sentenceBase + w.sentence,
        paragraph: paragraph.index,
        fold,
        bare: fold.replace(/\.$/, ''),
        capitalised: isCapitalised(w.text),
        has: (tag: string) => tags.has(tag),
      });
    }
    sentenceBase += maxSentence + 1;
  }
  return words;
}

function isCapitalised(text: string): boolean {
  if (/^\p{Lu}/u.test(text)) return /\p{L}/u.test(text.slice(1)) || text.length === 1;
  // "al-Assad", "bin Laden" style prefixes are lower case but part of a name.
  return /^(?:al|el|ul|ad|as|ash|ibn|bin|d|o)[-'’]\p{Lu}/u.test(text);
}

const isAcronym = (w: Word) => /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(w.text);

// ---------------------------------------------------------------------------
// Candidates

type Kind = 'person' | 'organization';

interface Candidate {
  /** Word index range [first, last] of the name itself (titles excluded). */
  first: number;
  last: number;
  role: string | null;
  tableEntry?: TableEntry;
  per: number;
  org: number;
  loc: number;
  /** The type decided so far; undefined until evidence or propagation settles it. */
  kind?: Kind;
  /** Decided by strong local evidence (title, table, cue word): may seed propagation. */
  firm: boolean;
}

function gapIsSpace(text: string, a: Word, b: Word): boolean {
  return /^[ \t]+$|^ ?\r?\n? ?$/.test(text.slice(a.end, b.start)) && b.start > a.end;
}

/** Whether word b continues the name that ends with word a. */
function continuesName(text: string, a: Word, b: Word): boolean {
  if (a.possessive || b.index !== a.index + 1) return false;
  const gap = text.slice(a.end, b.start);
  const initialOrTitle = a.text.length === 1 || a.has('Abbreviation') || honorifics.has(a.bare);
  // compromise ends a sentence at "Sen." or "A." before a name; a name does not.
  if (a.sentenceId !== b.sentenceId) return initialOrTitle && /^\. $/.test(gap) && b.capitalised && /^\p{Lu}\p{L}*$/u.test(a.text);
  if (/^ $/.test(gap)) return true;
  // An initial or abbreviation with its period: "J. Smith", "Acme Corp. Ltd".
  if (/^\. $/.test(gap) && (a.text.length === 1 || a.has('Abbreviation') || honorifics.has(a.bare))) return true;
  return gapIsSpace(text, a, b) && !/\n/.test(gap);
}

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
    if (!ok) continue;
    const surface = words.slice(i, i + n);
    if (form.exactCase !== null) {
      if (surface.map((w) => w.text).join(' ') !== form.exactCase) continue;
    } else if (!surface.some((w) => w.capitalised)) continue;
    return { entry: form.entry, length: n };
  }
  return undefined;
}

function buildCandidates(words: Word[], text: string): Candidate[] {
  const candidates: Candidate[] = [];
  const midSentenceCapitals = new Set(words.filter((w) => w.capitalised && !w.sentenceStart && !/["“‘(]\s*$/.test(w.pre)).map((w) => w.fold));
  let i = 0;
  while (i < words.length) {
    const match = findTableMatch(words, i, text);
    const following = match && words[i + match.length];
    // "UN Security Council", "Reuters Television": the table names only part of a longer name.
    const partOfLongerName = following && following.capitalised && continuesName(text, words[i + match.length - 1], following);
    if (match && !partOfLongerName) {
      candidates.push({ first: i, last: i + match.length - 1, role: null, tableEntry: match.entry, per: 0, org: 10, loc: 0, kind: 'organization', firm: true });
      i += match.length;
      continue;
    }
    if (!words[i].capitalised) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      const next = words[last + 1];
      if (!next) break;
      if (next.capitalised && continuesName(text, words[last], next)) {
        last++;
        continue;
      }
      // Lower-case links inside a name: "Bank of England", "Charles de Gaulle".
      const after = words[last + 2];
      const afterThat = words[last + 3];
      if (!next.capitalised && after && continuesName(text, words[last], next)) {
        // "Bank of England", "Secretary of State", but not "Dr. Lena Moreau of Harborview University".
        const head = words[last].bare;
        const orgOrTitle = organizationHeads.has(head) || honorifics.has(head) || (organizationHeads.has(words[i].bare) && last - i < 3);
        if ((next.fold === 'of' || next.fold === 'for') && orgOrTitle && after.capitalised && continuesName(text, next, after)) {
          last += 2;
          continue;
        }
        if ((next.fold === 'of' || next.fold === 'for') && orgOrTitle && after.fold === 'the' && afterThat?.capitalised && continuesName(text, after, afterThat)) {
          last += 3;
          continue;
        }
        if ((next.fold === '&' || next.text === 'and') && !organizationEndings.has(words[last].bare) && after.capitalised && continuesName(text, next, after) && organizationEndings.has(lastCapitalisedAfter(words, last + 2, text))) {
          last += 2;
          continue;
        }
        if (nameParticles.has(next.fold) && after.capitalised && continuesName(text, next, after) && !words[last].has('Place')) {
          last += 2;
          continue;
        }
      }
      break;
    }
    candidates.push(...shapeCandidate(words, i, last, text, midSentenceCapitals));
    i = last + 1;
  }
  return candidates;
}

/** The bare form of the last capitalised word of the run starting at i. */
function lastCapitalisedAfter(words: Word[], i: number, text: string): string {
  let j = i;
  while (words[j + 1]?.capitalised && continuesName(text, words[j], words[j + 1])) j++;
  return words[j].bare;
}

/**
 * Trim a run of capitalised words to the name: drop a sentence-initial
 * common word and "The", split off a title as the person's role ("Reserve
 * Bank of India Governor" + "Chakravarty Rangarajan"), and reject months,
 * days and nationalities. A title may carry an organization or place of its
 * own before it, which becomes a candidate too.
 */
function shapeCandidate(words: Word[], first: number, last: number, text: string, midSentenceCapitals: Set<string>): Candidate[] {
  const isCommonWord = (w: Word) => {
    if (w.has('Person') || w.has('Organization') || w.has('Place')) return false;
    if (['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Expression', 'Adverb'].some((t) => w.has(t))) return true;
    // "Held", "Stenning", "Despite": a guessed verb or adjective is a name only if the story capitalises it elsewhere too.
    if (w.has('Verb') || w.has('Adjective') || w.has('Value') || w.has('Plural')) return !midSentenceCapitals.has(w.fold);
    // A capitalised compound of lower-case words starts a sentence, it does not name anyone: "Third-seeded".
    return /^\p{Lu}\p{Ll}+-\p{Ll}/u.test(w.text) && !midSentenceCapitals.has(w.fold);
  };
  // Sentence-initial (or quote-initial) common words: "Despite", "The", "Officials".
  const introducesTitle = (k: number) => k < last && (honorifics.has(words[k + 1].bare) || titleModifiers.has(words[k + 1].bare)) && !words[k].has('Determiner');
  while (first <= last && (words[first].sentenceStart || /["“‘(]\s*$/.test(words[first].pre)) && ((isCommonWord(words[first]) && !introducesTitle(first)) || words[first].fold === 'the')) first++;
  while (first <= last && (words[first].fold === 'the' || (words[first].fold === 'a' && text[words[first].end] !== '.'))) first++;
  if (first > last) return [];

  const result: Candidate[] = [];
  let role: string | null = null;
  let per = 0;
  const isTitleWord = (w: Word) => honorifics.has(w.bare) || titleModifiers.has(w.bare);
  if (!organizationEndings.has(words[last].bare) && last > first) {
    // The name proper: the words after the last title word.
    let k = last;
    while (k > first && !isTitleWord(words[k - 1])) k--;
    let h = k - 1;
    while (h >= first && !honorifics.has(words[h].bare)) h--;
    if (k > first && h >= first) {
      // The title phrase runs back from its honorific over modifiers and nationalities.
      let t = h;
      while (t > first && (isTitleWord(words[t - 1]) || words[t - 1].has('Demonym') || (words[t - 1].has('Adjective') && !words[t - 1].has('Person')))) t--;
      // Keep an abbreviated title's period: "Dr.", "Sen.".
      const titleEnd = words[k - 1].end + (text[words[k - 1].end] === '.' ? 1 : 0);
      role = text.slice(words[first].start, titleEnd);
      per += 6;
      if (t > first) result.push(...shapeCandidate(words, first, t - 1, text, midSentenceCapitals));
      first = k;
    }
  }
  const span = words.slice(first, last + 1);
  if (span.every((w) => timeTags.some((t) => w.has(t)) || w.has('Value') || /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*(?:-\w+)?$/.test(w.bare))) return result;
  if (span.length === 1 && (span[0].has('Demonym') || (span[0].has('Adjective') && !span[0].has('ProperNoun')))) return result;
  if (span.every((w) => !/\p{L}/u.test(w.text))) return result;
  if (span.length === 1 && nonNames.has(span[0].bare)) return result;
  result.push({ first, last, role, per, org: 0, loc: 0, firm: false });
  return result;
}

// ---------------------------------------------------------------------------
// Evidence

/** Nouns that introduce an organization: "retailer Lidl", "the exploration company Ivernia". */
const organizationIntroducers = new Set([
  'company', 'companies', 'firm', 'group', 'retailer', 'retailers', 'bank', 'lender', 'insurer', 'carrier', 'airline', 'maker', 'manufacturer', 'producer', 'supplier', 'distributor', 'operator', 'developer', 'publisher', 'broker', 'brokerage', 'conglomerate', 'subsidiary', 'unit', 'rival', 'club', 'side', 'team', 'champions', 'newspaper', 'daily', 'weekly', 'agency', 'party', 'movement', 'union', 'organisation', 'organization', 'network', 'broadcaster', 'channel', 'magazine', 'chain', 'giant', 'utility', 'refiner', 'miner', 'exporter', 'importer', 'trader', 'fund', 'investor', 'consortium', 'brewer', 'automaker', 'carmaker', 'partner', 'rebels', 'guerrillas', 'militia',
]);
const pluralAgreement = /^(?:have|are|were|remain|play|face|host|lead|need)$/;

function weighEvidence(c: Candidate, words: Word[], text: string, nlpSpans: Map<string, Set<string>>, numericShare: Map<number, number>): void {
  if (c.tableEntry) return;
  const span = words.slice(c.first, c.last + 1);
  const firstWord = span[0];
  const lastWord = span[span.length - 1];
  const before = words[c.first - 1];
  const before2 = words[c.first - 2];
  const after = words[c.last + 1];
  const key = `${firstWord.start}:${lastWord.end}`;
  const nlpKinds = nlpSpans.get(key);

  if (knownPlaces.has(span.map((w) => w.bare).join(' '))) {
    c.loc += 10;
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
  if (before && !before.capitalised && organizationIntroducers.has(before.bare) && continuesName(text, before, firstWord)) c.org += 4;
  if (before && before2 && /^(?:in|of)$/.test(before.fold) && /^(?:shares|stake|stakes|holding|unit|subsidiary|division|shareholders|investors)$/.test(before2.fold)) c.org += 4;
  // British usage gives a team or company a plural verb: "United have won".
  if (span.length <= 2 && after && pluralAgreement.test(after.fold) && continuesSentence(text, lastWord, after) && !lastWord.has('Plural')) c.org += 2;
  // "a spokesman for Cascade Energy", "shares in Acme"
  if (before && (before.fold === 'for' || before.fold === 'at' || before.fold === 'of') && before2 && roleWords.has(before2.bare)) c.org += 3;
  if (after && /^(?:shares?|stock|spokes(?:man|woman|person)|officials?|executives?|employees|workers|subsidiary|unit|chairman|president)$/.test(after.fold)) c.org += 2;

  // People
  if (nlpKinds?.has('per')) c.per += 2;
  if (span.length >= 2 && (firstWord.has('FirstName') || firstWord.has('MaleName') || firstWord.has('FemaleName'))) c.per += 3;
  if (span.some((w) => w.has('Person'))) c.per += 1;
  if (lastWord.has('LastName')) c.per += 1;
  if (span.some((w) => w.has('Honorific'))) c.per += 2;
  if (before && !before.capitalised && roleWords.has(before.bare) && continuesName(text, before, firstWord)) {
    c.per += 4;
    c.role ??= roleBefore(words, c.first, text);
  }
  const appositive = appositiveRole(words, c.last, text);
  if (appositive) {
    c.per += 4;
    c.role ??= appositive;
  }
  if (after && personVerbs.has(after.fold) && continuesSentence(text, lastWord, after)) c.per += 1;
  if (after && /^,\s+$/.test(text.slice(lastWord.end, after.start)) && /^(?:who|whose)$/.test(after.fold)) c.per += 3;
  // "c Moin Khan b Waqar Younis": a cricket scorecard's caught and bowled.
  if (before && /^(?:c|b|st|lbw)$/.test(before.text) && continuesName(text, before, firstWord)) c.per += 3;
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
  if ((numericShare.get(lastWord.paragraph) ?? 0) >= 0.2) {
    const rest = text.slice(lastWord.end, lastWord.end + 24);
    const country = /^\s*\(([^()]{2,20})\)/.exec(rest);
    const afterName = country ? rest.slice(country[0].length) : rest;
    if (/^\s+\d+(?:st|nd|rd|th)\b/.test(afterName) || /^\s*\(\d+(?:st|nd|rd|th)/.test(rest)) c.per += 4;
    else if (/^\s+\d+(?:-\d{1,2})?(?:\s|$|\)|\.$)/.test(afterName) && c.per < 4) {
      // A team and its score (or a cricket total, "Essex 194-0"): the place name is the club here.
      teamWithScore = true;
    }
    else if (country && /^\s+[\d:.]+\d/.test(afterName)) c.per += 2;
  }
  // "v Glamorgan": the other side of a fixture.
  if (before && /^(?:v|vs)$/.test(before.bare) && c.per < 4) c.org += 3;
  // "the Rangers", "the Red Sox": a team or party named in the plural.
  if (before?.fold === 'the' && /s$/.test(lastWord.text) && !lastWord.has('Demonym') && !/(?:ans|ese)$/.test(lastWord.fold) && c.per < 4) c.org += 2;
  // "Ramon Vega (Cagliari)": the club in brackets after a player.
  const beforeText = text.slice(Math.max(0, firstWord.start - 3), firstWord.start);
  if (/\($/.test(beforeText) && before && before.capitalised && /^\)/.test(text.slice(lastWord.end)) && !span.some((w) => placeTags.some((t) => w.has(t)))) c.org += 2;
  if (span.length === 1 && /^\p{Lu}\.?$/u.test(firstWord.text)) c.per -= 2;

  // Places
  if (nlpKinds?.has('loc')) c.loc += 2;
  if (span.every((w) => placeTags.some((t) => w.has(t)))) c.loc += 2;
  if (before && /^(?:in|at|from|near|to|across|throughout|outside|inside)$/.test(before.fold) && !before.capitalised) c.loc += 1;

  // Word statistics from public-domain news: helps most on unfamiliar names.
  const guess = nameModel(span.map((w) => w.text), before?.fold ?? '', after?.fold ?? '');
  c.per += guess.per * 3;
  c.org += guess.org * 3;
  c.loc += guess.loc * 3 + guess.other * 2;
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

function continuesSentence(text: string, a: Word, b: Word): boolean {
  return a.sentenceId === b.sentenceId && /^[\s,]*$/.test(text.slice(a.end, b.start)) && !a.possessive;
}

/** "striker Alan Shearer", "Turkish foreign minister Mevlut Cavusoglu": the lower-case role before a name. */
function roleBefore(words: Word[], index: number, text: string): string {
  let k = index - 1;
  while (k - 1 >= 0 && words[k - 1].sentenceId === words[index].sentenceId && k > index - 4) {
    const w = words[k - 1];
    if (roleWords.has(w.bare) || titleModifiers.has(w.bare) || w.has('Demonym') || (w.has('Adjective') && w.capitalised)) k--;
    else break;
    if (/[,;:.]/.test(text.slice(w.end, words[k + 1]?.start ?? w.end))) break;
  }
  return text.slice(words[k].start, words[index - 1].end);
}

/** "Rachel Ostrowski, a spokeswoman for Cascade Energy," — the role after a name. */
function appositiveRole(words: Word[], last: number, text: string): string | null {
  const name = words[last];
  const next = words[last + 1];
  if (!next || next.sentenceId !== name.sentenceId || name.possessive) return null;
  if (!/^,\s+$/.test(text.slice(name.end, next.start))) return null;
  let k = last + 1;
  if (/^(?:a|an|the|his|her|its|their)$/.test(words[k].fold)) k++;
  const roleStart = k;
  let sawRole = false;
  for (; k < words.length && k < roleStart + 8; k++) {
    const w = words[k];
    if (w.sentenceId !== name.sentenceId) break;
    if (roleWords.has(w.bare)) sawRole = true;
    else if (!sawRole && !(titleModifiers.has(w.bare) || w.has('Adjective') || w.has('Demonym') || w.capitalised || w.has('Value'))) return null;
    const gap = text.slice(w.end, words[k + 1]?.start ?? w.end);
    if (/[,;:.)]/.test(gap) || w.possessive) break;
  }
  if (!sawRole) return null;
  const end = Math.min(k, words.length - 1);
  return text.slice(words[last + 1].start, words[end].end).replace(/[,;:.)]+$/, '');
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

function resolveEntities(ctx: RuleContext): Entity[] {
  const text = ctx.draft.text;
  const words = collectWords(ctx);
  const candidates = buildCandidates(words, text);

  // compromise's own spans, keyed by range, as one more piece of evidence.
  const nlpSpans = new Map<string, Set<string>>();
  for (const paragraph of ctx.draft.paragraphs) {
    if (!/\p{Ll}/u.test(paragraph.text)) continue;
    const parsed = parseParagraph(paragraph.text);
    const add = (spans: { start: number; end: number }[], kind: string) => {
      for (const s of spans) {
        const key = `${paragraph.start + s.start}:${paragraph.start + s.end}`;
        (nlpSpans.get(key) ?? nlpSpans.set(key, new Set()).get(key)!).add(kind);
      }
    };
    add(parsed.people, 'per');
    add(parsed.organizations, 'org');
    add(parsed.places, 'loc');
  }

  const numericShare = new Map<number, number>();
  {
    const totals = new Map<number, [number, number]>();
    for (const w of words) {
      const t = totals.get(w.paragraph) ?? [0, 0];
      t[0]++;
      if (/\d/.test(w.text)) t[1]++;
      totals.set(w.paragraph, t);
    }
    for (const [id, [all, numeric]] of totals) numericShare.set(id, numeric / all);
  }
  for (const c of candidates) {
    weighEvidence(c, words, text, nlpSpans, numericShare);
    if (c.tableEntry) continue;
    const best = Math.max(c.per, c.org);
    if (c.per >= c.org && c.per >= personThreshold && c.per > c.loc) c.kind = 'person';
    else if (c.org > c.per && c.org >= organizationThreshold && c.org > c.loc) c.kind = 'organization';
    c.firm = c.kind !== undefined && best >= 5 && best - Math.min(c.per, c.org) >= 3;
  }

  propagate(candidates, words);
  return groupEntities(candidates.filter((c) => c.kind), words, text);
}

const spanFold = (words: Word[], c: Candidate) => words.slice(c.first, c.last + 1).map((w) => w.bare).join(' ');
const acronymOf = (words: Word[], c: Candidate) =>
  words
    .slice(c.first, c.last + 1)
    .filter((w) => w.capitalised)
    .map((w) => w.text[0])
    .join('')
    .toUpperCase();

/**
 * What the story establishes once holds for its other mentions: a person's
 * surname and full name, an organization's name and its acronym. Firm and
 * multi-word decisions teach; every candidate can learn.
 */
function propagate(candidates: Candidate[], words: Word[]): void {
  const personNames = new Map<string, number>();
  const personParts = new Map<string, number>();
  const organizationNames = new Map<string, number>();
  for (const c of candidates) {
    if (!c.kind) continue;
    const multiWord = c.last > c.first;
    if (c.kind === 'person' && (c.firm || multiWord)) {
      personNames.set(spanFold(words, c), (personNames.get(spanFold(words, c)) ?? 0) + 1);
      if (multiWord) {
        personParts.set(words[c.last].bare, (personParts.get(words[c.last].bare) ?? 0) + 1);
        personParts.set(words[c.first].bare, (personParts.get(words[c.first].bare) ?? 0) + 0.5);
      }
    }
    if (c.kind === 'organization' && (c.firm || multiWord)) {
      organizationNames.set(spanFold(words, c), (organizationNames.get(spanFold(words, c)) ?? 0) + 1);
      if (multiWord) {
        const acronym = acronymOf(words, c).toLowerCase();
        if (acronym.length >= 2) organizationNames.set(acronym, (organizationNames.get(acronym) ?? 0) + 0.5);
      }
    }
  }
  for (const c of candidates) {
    if (c.tableEntry || c.firm) continue;
    const fold = spanFold(words, c);
    const asPerson = (personNames.get(fold) ?? 0) + (c.first === c.last ? personParts.get(fold) ?? 0 : 0);
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
    const fold = spanFold(words, c);
    (sameName.get(fold) ?? sameName.set(fold, []).get(fold)!).push(c);
  }
  for (const group of sameName.values()) {
    if (group.length < 2) continue;
    const kinds = new Set(group.map((c) => c.kind).filter(Boolean));
    if (kinds.size !== 1) continue;
    const kind = [...kinds][0];
    const typed = group.filter((c) => c.kind).length;
    if (typed * 2 < group.length && !group.some((c) => c.firm)) continue;
    for (const c of group) if (!c.kind && c.loc < 6) c.kind = kind;
  }
}

// ---------------------------------------------------------------------------
// Grouping mentions into entities

interface Group {
  kind: Kind;
  key: string;
  candidates: Candidate[];
  tableEntry?: TableEntry;
}

function groupEntities(candidates: Candidate[], words: Word[], text: string): Entity[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const surnameOwners = new Map<string, Group[]>();
  const organizationAcronyms = new Map<string, Group>();

  const open = (kind: Kind, key: string, tableEntry?: TableEntry): Group => {
    const existing = byKey.get(`${kind}:${key}`);
    if (existing) return existing;
    const group: Group = { kind, key, candidates: [], tableEntry };
    groups.push(group);
    byKey.set(`${kind}:${key}`, group);
    return group;
  };

  // Full names first, so that surnames attach to the person they abbreviate.
  const ordered = [...candidates].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  for (const c of ordered) {
    const fold = spanFold(words, c);
    if (c.kind === 'organization') {
      let group: Group | undefined;
      if (c.tableEntry) group = open('organization', c.tableEntry.id, c.tableEntry);
      else group = organizationAcronyms.get(fold.toUpperCase()) ?? open('organization', fold);
      group.candidates.push(c);
      if (c.last > c.first) organizationAcronyms.set(acronymOf(words, c), group);
      continue;
    }
    if (c.last > c.first) {
      const group = open('person', fold);
      group.candidates.push(c);
      const surname = words[c.last].bare;
      const owners = surnameOwners.get(surname) ?? [];
      if (!owners.includes(group)) owners.push(group);
      surnameOwners.set(surname, owners);
      continue;
    }
    // A lone surname: the full-named person most recently mentioned before it.
    const owners = surnameOwners.get(fold) ?? [];
    let owner: Group | undefined;
    let ownerFirst = -1;
    for (const g of owners) {
      const earliest = Math.min(...g.candidates.map((m) => m.first));
      const latestBefore = Math.max(-1, ...g.candidates.filter((m) => m.first < c.first).map((m) => m.first));
      const score = latestBefore >= 0 ? latestBefore : -earliest - 1e9;
      if (!owner || score > ownerFirst) {
        owner = g;
        ownerFirst = score;
      }
    }
    (owner ?? open('person', fold)).candidates.push(c);
  }

  const entities: Entity[] = [];
  for (const group of groups) {
    group.candidates.sort((a, b) => a.first - b.first);
    const mentions = group.candidates.map((c) => {
      const start = words[c.first].start;
      const end = words[c.last].end;
      return { start, end, text: text.slice(start, end) };
    });
    const fullest = group.tableEntry && !group.candidates.some((c) => c.last - c.first >= 1)
      ? undefined
      : group.candidates.reduce((best, c) => (c.last - c.first > best.last - best.first || (c.last - c.first === best.last - best.first && words[c.last].end - words[c.first].start > words[best.last].end - words[best.first].start) ? c : best));
    const name = fullest ? text.slice(words[fullest.first].start, words[fullest.last].end) : group.tableEntry!.name;
    const seen = new Set<string>([foldName(name)]);
    const aliases: string[] = [];
    for (const m of mentions) {
      const folded = foldName(m.text);
      if (!seen.has(folded)) {
        seen.add(folded);
        aliases.push(m.text);
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

/** entityAt by binary search over the mentions. */
export function withLookup(entities: Entity[]): EntityAnalysis {
  const index = entities
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .sort((a, b) => a.start - b.start);
  return {
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
}
