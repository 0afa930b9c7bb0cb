// Speaker attribution: which person or organization said each quotation.
//
// A paragraph's attribution clauses are found outside its quotations:
//   Tillerson said: "..."          Tillerson, a former oil executive, told reporters "..."
//   "...," Tillerson said.         "...," said Secretary of State Rex Tillerson.
//   ... according to Tillerson.    Smith and Jones said "..."  (both are credited)
//   "...," he said.                "...," the mayor said.       "...," the two said.
//   "...” ― Ann Park (a credit line)   Rep. Ann Park (D-Ore.) said   Park is calling it "..."
//   If he wins, Park has vowed ..., saying "..."   Park's campaign shrugged it off, telling reporters "..."
//   He called it "..." (a pronoun and a naming verb: the quotation after it)
// A pronoun goes to the nearest person named before it whose gender fits
// (from the first name, an honorific, a gendered role): a sentence's subject in
// its paragraph, else the nearest subject or speaker named in narration in the
// two paragraphs before, carried back through a chain of "She ..." sentences.
// A role noun ("the mayor said", "The mayor told ...") goes to the one person the story gave that role, and a
// place before it must stand by one of their mentions ("the Florida senator": "Sen. Ann Park, R-Fla."). When two people
// fit, or another person of that gender is named since the subject (outside the
// subject's own sentence), the clause credits no one: an unattributed quotation
// is better than a wrong speaker.
//
// Each outer quotation takes the clause in its own sentence (after it, else
// before it), else the nearest clause earlier in the paragraph. A paragraph
// with no clause that continues a quotation (the multi-paragraph convention),
// or that is nothing but quotation right after a quoted speaker, keeps that
// speaker.

import firstNames from './data/first-names.json';
import speechVerbTable from './data/speech-verbs.json';
import titleTable from './data/titles.json';
import { foldName, lexiconTags, parseParagraph } from './nlp';
import { analyzeQuotes, type Quotation } from './quotes';
import type { RuleContext } from './rule';
import { partitionPoint } from './sorted';
import { datelineLength } from './structure';
import type { Paragraph } from './draft';
import { stateAbbreviations } from './entities/tables';
import { withPlainSpaces } from './entities/words';
import type { Entity, Mention } from './entities/types';
import type { Steps } from './steps';
import { matchesOf } from './matches';
import { countWords } from './stats';

export type Gender = 'male' | 'female' | 'unknown';

const maleNames = new Set(firstNames.male);
const femaleNames = new Set(firstNames.female);
const maleWords =
  /\b(?:mr|he|his|him|himself|man|men|spokesman|congressman|chairman|businessman|husband|father|son|brother|king|prince|sir|lord|actor|councilman|assemblyman|boyfriend|grandfather|uncle|nephew)\b/;
const femaleWords =
  /\b(?:mrs|ms|miss|she|her|herself|woman|women|spokeswoman|congresswoman|chairwoman|businesswoman|wife|mother|daughter|sister|queen|princess|dame|lady|actress|councilwoman|assemblywoman|girlfriend|grandmother|aunt|niece|first lady)\b/;

/** Finite verbs of saying that follow their subject ("Smith said") or stand inverted ("said Smith"), and phrasal ones ("shot back"). */
const speechVerbs = `${speechVerbTable.phrasal.join('|')}|${speechVerbTable.said.join('|')}`;
/** Verbs of saying that stand inverted after a quotation ("“...,” said Smith"): not those whose object is a person ("“Scandal,” thanked Obama"). */
const notInverted = new Set(speechVerbTable.notInverted);
const invertibleVerbs = `${speechVerbTable.phrasal.join('|')}|${speechVerbTable.said.filter((v) => !notInverted.has(v)).join('|')}`;
const speechVerbSet = new Set(speechVerbTable.said);
/** Every verb whose clause credits a speaker: finite, naming, progressive and participle. */
export const creditingVerbs: readonly string[] = [
  ...speechVerbTable.said,
  ...speechVerbTable.phrasal,
  ...speechVerbTable.naming,
  ...speechVerbTable.progressive,
  ...speechVerbTable.participles,
];
/** A finite verb of saying that credits its subject with a quotation ("said", "told", "tweeted"). */
export const isSpeechVerb = (word: string): boolean => speechVerbSet.has(word.toLowerCase());
/** Verbs that put the quotation after their object: "called the plan “a disgrace.”" Only subject-first. */
const namingVerbs = speechVerbTable.naming.join('|');
const namingVerbSet = new Set(speechVerbTable.naming);
/** The present progressive of the wire's running stories: "Trump is calling the plan “a disaster.”" */
const progressiveVerbs = speechVerbTable.progressive.join('|');
const auxiliaries =
  '(?:also|later|then|again|earlier|once|has|had|have|will|would|previously|recently|simply|only|repeatedly|however|\\p{Ll}+ly|on\\s+\\p{Lu}\\p{L}*(?:\\s+\\d{1,2})?|in\\s+(?:a|an)\\s+\\p{L}+|(?:in|during)\\s+(?:a|an|his|her|its|their)\\s+(?:\\p{L}+\\s+){0,2}(?:speech|interview|statement|remarks|address|op-ed|letter|post|tweet|column|email|memo|debate|appearance|video|ad|rally)|at\\s+the\\s+time|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|himself|herself|itself|themselves|yesterday|today|(?:last|this)\\s+(?:week|month|year|night|morning|weekend))';
/**
 * After a subject: " of Oklahoma", then up to four segments between commas: ", a spokeswoman for the board,",
 * ", 57,", ", who ...,", ", Twitter's director of advertising,", ", of Raleigh, N.C.," then the verb.
 */
/** A quoted title inside an appositive: ", the co-author of “Going Viral,” about ...". */
const quotedTitle = '“[^“”\\n]{1,60}”|"[^"\\n]{1,60}"';
const appositiveSegment = `(?:\\d{1,3}|[DRI]-\\p{Lu}[\\p{L}.]*|\\p{Lu}[\\p{L}]*\\.(?:\\p{Lu}\\.)?|\\p{Lu}[\\p{L}.-]*['’]s?\\s+\\p{Ll}[^,“”"()]{0,100}?|(?:a|an|the|who|whose|his|her|its|\\p{Ll})(?:[^,“”"()]|${quotedTitle}){0,160}?)`;
/**
 * A segment whose quoted title ends it, the comma inside the closing mark: ", star of “Harbor Lights,” thanked",
 * ", 45, the author of “Going Viral,” said", ", a contestant on the show “Harbor Bake,” who later ..., said".
 */
const titleWithComma = '(?:“[^“”\\n]{1,60},”|"[^"\\n]{1,60},")';
const titleLead = '(?:a|an|the|\\p{Ll})[^,“”"().!?]{0,80}?';
/** After another segment the title may stand alone; first, words must lead to it (", “We will win,” said Cole" is no appositive). */
const titleClosesAppositive = `(?:${appositiveSegment}\\s*,\\s*(?:${titleLead})?${titleWithComma}|${titleLead}${titleWithComma})`;
/** A later segment may also be a place: ", a salesman from Sumter, South Carolina,". */
const laterSegment = `(?:${appositiveSegment}|\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)`;
/** Between dashes: "Gingrich — mentioned by many as a running mate — told". */
const dashAppositive = `\\s+(?:--|—|–)\\s*[^—–“”"\\n]{1,160}?\\s*(?:--|—|–)`;
const appositive = `(?:\\s+(?:MP|MSP|MEP|MLA|TD|QC|KC|OBE|MBE|CBE|KBE|DBE)\\b,?)?(?:\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.]*(?:\\s+(?:of\\s+)?\\p{Lu}[\\p{L}.]*){0,3})?(?:\\s*\\([^()“”"]{1,30}\\),?)?(?:\\s*,\\s*${appositiveSegment}(?:\\s*,\\s*${laterSegment}){0,3}\\s*,|\\s*,\\s*${titleClosesAppositive}(?:\\s*(?:who|whose)\\s[^,“”"().!?]{1,100}?\\s*,)?|${dashAppositive})?`;
const verbAfterSubject = new RegExp(
  `^['’]?${appositive}(?:\\s+${auxiliaries}){0,3}\\s+(?:${speechVerbs}|${namingVerbs}|(?:is|was|has\\s+been)\\s+(?:${progressiveVerbs}))\\b`,
  'u',
);
/** "... ,” said (Mayor) (the state's top lawyer) NAME": the words allowed between the verb and the name (after a
 * straight single mark too: "..., '' said Newry boss Roy McCreadie", "'We won,' said Smith"). */
const invertedLead = new RegExp(`[”"’']\\s*,?\\s*(?:${invertibleVerbs})\\s+((?:the\\s+|a\\s+|an\\s+)?(?:[\\p{L}\\p{N}/.'’-]+\\s+){0,5})$`, 'u');
/** "Said Comey: “...”": an inverted verb of saying that opens its sentence. */
const sentenceInitialVerb = new RegExp(`(?:^|[.!?]["”’]?\\s+)(?:${invertibleVerbs})\\s+((?:the\\s+|a\\s+|an\\s+)?(?:[\\p{L}\\p{N}/.'’-]+\\s+){0,5})$`, 'iu');
/** After an inverted speaker's name, past an appositive, the quotation opens: "..., explained Rosenberg, “with ...”". */
const quotationFollowsName = /^(?:\s*,[^,“”"]{1,100})?\s*[,:]\s*["“]/u;
/** "..., noted NBC's": a verb of saying and the title words before a name, outside a quotation's attribution. */
const invertedNarration = new RegExp(`,\\s*(?:${invertibleVerbs})\\s+((?:[\\p{L}.'’-]+\\s+){0,5})$`, 'u');
const accordingTo = /\b[Aa]ccording\s+to\s+((?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4})$/u;
/** "in the words of (Mayor) Park, “...”" and "in Park's words, “...”": the quotation follows at once. */
const inWordsOf = /\b[Ii]n\s+the\s+(?:very\s+)?words\s+of\s+((?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4})$/u;
const inWordsLead = /\b[Ii]n\s+((?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4})$/u;
const wordsAfterPossessive = /^['’]s?\s+(?:own\s+)?words\s*,?\s*["“]/u;
/** "... “an across-the-board failure” from diplomacy to defense, in Bolton's view.": the credit closes the sentence. */
const viewAfterPossessive = /^['’]s?\s+(?:view|opinion|estimation|telling|account)\s*[.,;]/u;
/** "he said", or inverted "said he"; the inverted form is often the start of a reported clause ("Smith says he'll ..."). */
const pronounClause = new RegExp(`\\b(?:(he|she)\\s+(?:${auxiliaries}\\s+){0,2}(?:${speechVerbs})|(?:${invertibleVerbs})\\s+(he|she))\\b`, 'giu');
/** "He called it “shameful”": a pronoun and a naming verb, whose quotation follows its object. */
const pronounNamingClause = new RegExp(`\\b(he|she)\\s+(?:${auxiliaries}\\s+){0,2}(?:${namingVerbs})\\b`, 'giu');
const jointClause = new RegExp(
  `\\b(?:the\\s+two|both|the\\s+pair|the\\s+two\\s+(?:men|women|senators|leaders|candidates))\\s+(?:${auxiliaries}\\s+){0,2}(?:${speechVerbs})\\b|(?<=[”"’][,.]?\\s{0,3})(?:${speechVerbs})\\s+(?:the\\s+two|both)\\b`,
  'giu',
);

/** "..., saying “...”", "... by saying “...”": the quotation belongs to the sentence's subject. */
const participleClause = new RegExp(`(?:,|\\band|\\bby)\\s+(?:${speechVerbTable.participles.join('|')})\\b`, 'gu');
/** "Trump issued the following statement:" at the end of a paragraph hands the next one's quotation to him. */
const followingStatement = new RegExp(
  `^['’]?${appositive}(?:\\s+${auxiliaries}){0,3}\\s+(?:made|issued|released|gave|posted|sent|put\\s+out)\\s+the\\s+following\\b`,
  'u',
);
/** "..., with Sen. Ames calling it “a mess”", "footage of Cole saying “...”", "... — Ames saying “...” and Cole calling it “...”": a participle of saying right after the name is its verb. */
const participleAfterName = new RegExp(`^\\s+(?:${speechVerbTable.participles.join('|')})\\b`, 'u');
const absoluteLead = /(?:\b(?:with|and|(?:footage|video|clip|recording|audio|tape)\s+of)|\s(?:—|–|--))\s+((?:(?!(?:with|of)\s)[\p{L}.'’-]+\s+){0,5})$/u;
/** A person's own statement, document or campaign after the possessive: "Park's written statement", "Cole's campaign". */
const ownedWords =
  /^['’]s?\s+(?:(?:new|own|latest|official|earlier|formal|written|legal|presidential|reelection|re-election)\s+)?(?:statement|brief|letter|tweet|post|memo|website|book|filing|lawsuit|complaint|ad|office|campaign)(?=\s)/u;
/** "the IMF report stated", "a White House statement said": a name after an article, as the modifier of what it put out. */
const attributiveOwned =
  /^\s+(?:(?:new|latest|official|earlier|formal|written|annual|quarterly)\s+)?(?:statement|report|letter|memo|filing|lawsuit|complaint|ad|website|campaign)(?=\s)/u;
/** Nouns of saying after a possessive: "Trump's claim that Obama “founded ISIS”", "Romney's “47 percent” comment". */
const speechNoun =
  '(?:claims?|assertions?|accusations?|allegations?|pledges?|promises?|vows?|warnings?|conclusions?|statements?|responses?|repl(?:y|ies)|remarks?|comments?|words|call|plea|insistence|argument|contention|declaration|prediction|tweets?|posts?|message|quip|boast|complaint|catchphrase|slogan|refrain|mantra|motto|dictum)';
/** Before the noun, adjectives only: a short list and the usual endings, never a verb ("Trump's plan drew comments that"). */
const speechNounAdjective =
  '(?:recent|repeated|latest|earlier|first|own|new|initial|original|final|now-infamous|infamous|oft-repeated|public|private|campaign|signature|stump|closing|opening|clarion|most|main|central|key|chief|biggest|\\p{Ll}+(?:ful|ous|ive|al|less|-free)|\\p{Lu}\\p{Ll}+)';
/** What a claim says before its quotation: no sentence end, but the period of a title ("Sen. Raman", "U.S."). */
const claimWords = '(?:[^“”"\\n.!?]|(?<=\\b\\p{Lu}[\\p{L}.]{0,3})\\.){0,80}?';
/**
 * The noun, then "(is) that ...", "of ...", "for ...", "is" or a colon (a pledge, promise, vow or call also "to ..."), then the
 * quotation: no other quotation and no sentence end between. A "response to" or "comments about" names what it answers;
 * a quotation right after the noun is often its verb ("Ginsburg's comments “show bias,” Ryan said").
 */
const possessiveSpeech = new RegExp(
  `^['’]s?\\s+(?:${speechNounAdjective}\\s+){0,3}(?:${speechNoun}(?:\\s+(?:(?:is|was)\\s+)?that\\s${claimWords}|\\s+(?:of|for)\\s${claimWords}|\\s+(?:is|was)\\s*:?|\\s*:)|(?:pledges?|promises?|vows?|call|plea)\\s+to\\s[^“”"\\n.!?]{0,40}?)\\s*["“]`,
  'u',
);
/** A verb of saying right before a name (past "that", a day and titles): the name opens someone's reported speech. */
const speechVerbBefore = new RegExp(
  `\\b(?:${speechVerbs})(?:\\s+(?:that|on|last|this|\\p{Lu}\\p{Ll}+day|week|month|year|night))*\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,4}$`,
  'u',
);
/** "Romney's “47 percent” comment": the quotation between the possessive and the noun. */
const possessiveQuoted = new RegExp(`^['’]s?\\s+["“][^“”"\\n]{1,60}[”"]\\s+${speechNoun}\\b`, 'u');
/** "her chief aide, Jake Sullivan, calls the record “a blueprint”": the verb after a name in apposition. */
const appositionVerb = new RegExp(`^,\\s+(?:${speechVerbs}|${namingVerbs})\\b`, 'u');
/** What may stand between a subject and its verb of any kind: a party tag, an appositive, a day or week. */
const timedSkip = new RegExp(
  `^(?:\\s*\\([^()]{1,30}\\))?(?:\\s*,[^,“”"]{1,110},)?(?:\\s+(?:on\\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\\s+(?:last|this)\\s+(?:week|month|year|night|morning|weekend)|\\s+(?:yesterday|today))?`,
  'u',
);
/** "McConnell embraced the mogul and said he is “very competitive”": a second verb of the same subject. */
const coordinatedSpeech = new RegExp(`\\band\\s+(?:(?:also|later|then)\\s+)?(?:${speechVerbs})\\b`, 'gu');
const coordinatedVerbEnds = new RegExp(`\\band\\s+(?:(?:also|later|then)\\s+)?$`, 'u');
/**
 * A subordinate clause before the subject: "After Trump spoke, Clinton ...". A phrase of time is no clause:
 * "Before the convention, Police Chief Calvin Williams lobbied ..." (a determiner, no quotation, a comma).
 */
const subordinateLead =
  '(?:After|When|While|Before|If|As|Since|Although|Though|Because|Until|Unless|Once|Whether|Even)\\b(?!\\s+(?:the|last|this|his|her|their|its)\\s+[^,“”"]{1,40},\\s)';
const subordinateStart = new RegExp(`^${subordinateLead}`, 'u');
/** "that" opening a clause, not a time ("later that day"), which may come before a subject. */
const clauseThat = String.raw`\bthat\b(?!\s+(?:day|night|morning|afternoon|evening|week|month|year|time)\b)`;
/** Words that may stand before a sentence's subject: titles and descriptions ("Former Florida Gov. Jeb Bush", "Republican front-runner"). */
const subjectLead = new RegExp(
  String.raw`^(?:(?:And|But|So)\s+(?:then\s+)?|Then\s+)?(?!${subordinateLead})(?![^“”"]*${clauseThat})(?:[^,“”"]{0,60},\s+){0,2}(?:(?:the|former|presidential|candidate|front-runner|frontrunner|nominee|presumptive|democratic|republican|\p{Lu}[\p{L}.'’-]*)\s+){0,6}$`,
  'u',
);

const titleWords = new Set([...roleWordsOf(titleTable.roles), ...roleWordsOf(titleTable.titleModifiers), 'campaign', 'presidential', 'candidate', 'nominee']);
function roleWordsOf(list: string[]): string[] {
  return list.filter((r) => !r.includes(' ') && r !== 'and');
}
/**
 * Before a sentence's subject: a leading phrase and a comma, then titles and descriptions
 * in capitals or lower-case title words ("On Sunday, Trump campaign spokesman Jason Miller").
 */
const titledLead = new RegExp(String.raw`^(?![^“”"]*${clauseThat})["“]?(?:[^,“”"]{0,100},\s+){0,2}((?:[\p{L}.'’-]+\s+){0,6})$`, 'u');

/** "If he wins the presidency, Trump has ...": a subordinate clause that names no one leaves the subject after its comma (for a participle of saying only). */
const namelessSubordinate = new RegExp(`^${subordinateLead}[^,“”"\\p{Lu}\\d]{1,80},\\s+`, 'u');

function titledSubjectLead(lead: string): boolean {
  const m = titledLead.exec(lead);
  if (!m || subordinateStart.test(lead)) return false;
  return (
    m[1]
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      // "co-chairman", "vice-president": a hyphenated title counts by its last part.
      .every(
        (w) =>
          /^\p{Lu}/u.test(w) ||
          titleWords.has(w.toLowerCase()) ||
          titleWords.has(w.toLowerCase().split('-').pop()!) ||
          /^(?:the|a|an|former|democratic|republican|front-runner)$/i.test(w),
      )
  );
}

/** A sentence ends at . ! or ? (and a closing mark) before a capital, but not after "Sen." or "U.S.". */
const abbreviation =
  '(?<!\\b(?:Sens?|Reps?|Govs?|Dels?|Gen|Lt|Col|Maj|Capt|Sgt|Cmdr|Det|Supt|Adm|Dr|Mr|Mrs|Ms|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|No|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Calif|Mass|Fla|Ill|Pa|Va|Wash|Ariz|Mich|Minn|\\p{Lu}))';
const sentenceEnd = new RegExp(`${abbreviation}[.!?]["”’]?\\s+(?=["“‘']?\\p{Lu})`, 'gu');
const sentenceEndInside = new RegExp(`${abbreviation}[.!?]["”’]?\\s`, 'u');
const endsSentence = (s: string) => sentenceEndInside.test(s);

/** A bare attribution that ends its sentence: "Trump said." after a quotation that closed with a period. */
const saidAndStop = /^[\p{L}\s.'’-]{0,40}?\b(?:said|says|added|asked|wrote)\s*[.,]/u;

/** Role nouns a story gives people, and the spellings they take before a name. */
const roleNouns = new Set([...titleTable.roles, ...titleTable.honorifics].filter((r) => r.length > 2 && !r.includes(' ')));
const roleAbbreviations: Record<string, string[]> = {
  senator: ['sen', 'sens'],
  representative: ['rep', 'reps', 'congressman', 'congresswoman'],
  governor: ['gov'],
  lieutenant: ['lt'],
  general: ['gen'],
  spokesman: ['spokesperson', 'spokeswoman'],
  spokeswoman: ['spokesperson', 'spokesman'],
  spokesperson: ['spokesman', 'spokeswoman'],
  congressman: ['rep'],
  congresswoman: ['rep'],
};
const roleClause = new RegExp(
  `\\b[Tt]he\\s+((?:[\\p{L}-]+\\s+){0,3}?)([\\p{Ll}-]+)\\s+(?:${auxiliaries}\\s+){0,2}(?:${speechVerbs})\\b|[”"’]\\s*,?\\s*(?:${speechVerbs})\\s+the\\s+((?:[\\p{L}-]+\\s+){0,3}?)([\\p{Ll}-]+)\\b(?!\\s+\\p{Lu})`,
  'gu',
);

interface Clause {
  /** Offset of the clause (the subject, or the verb of an inverted one). */
  at: number;
  /** A credit line ("“...” ― Ann Park"): the offset of the closing mark of the one quotation it credits. */
  credits?: number;
  speakers: Entity[];
  /** A verb of saying names the speaker; a sentence's subject ("Bush referred to Rubio as “...”") is weaker evidence. */
  kind: 'speech' | 'subject';
  /** A naming verb ("refers to Trump as “...”") puts its quotation after it, never before. */
  forward?: boolean;
  /** Where the verb of a named subject ends ("Smith has said|"): a pronoun after it opens the reported clause. */
  verbEnd?: number;
  /** "Trump's claim that “...”": the opening mark of the one quotation the clause holds; it starts no run of quoted paragraphs. */
  holds?: number;
}

interface PlacedMention extends Mention {
  entity: Entity;
}

/** The gender a person's name, honorific or role signals, or unknown. */
export function genderOf(entity: Entity, text: string): Gender {
  if (entity.type !== 'person') return 'unknown';
  const votes = { male: 0, female: 0 };
  const first = foldName(entity.name.split(/\s+/)[0] ?? '');
  if (entity.name.includes(' ')) {
    // Our short lists first, then compromise's lexicon, which knows far more first names ("Liam", "Alastair").
    const lexicon = maleNames.has(first) || femaleNames.has(first) ? undefined : lexiconTags(first);
    if (maleNames.has(first) || lexicon?.includes('MaleName')) votes.male += 2;
    if (femaleNames.has(first) || lexicon?.includes('FemaleName')) votes.female += 2;
    // "Baroness Kennedy", "Sir Richard Eyre": a title kept in the name.
    if (/^(?:sir|lord|baron)$/.test(first)) votes.male += 2;
    if (/^(?:dame|lady|baroness)$/.test(first)) votes.female += 2;
  }
  for (const m of entity.mentions) {
    const before = text.slice(Math.max(0, m.start - 14), m.start).toLowerCase();
    if (/\bmr\.?\s+$/.test(before)) votes.male += 2;
    if (/\b(?:mrs|ms|miss)\.?\s+$/.test(before)) votes.female += 2;
  }
  const role = (entity.role ?? '').toLowerCase();
  if (maleWords.test(role)) votes.male++;
  if (femaleWords.test(role)) votes.female++;
  if (votes.male > votes.female) return 'male';
  if (votes.female > votes.male) return 'female';
  return 'unknown';
}

/** The role nouns the story gives a person: its title before a name, its appositive role. */
function rolesOf(entity: Entity, text: string): Set<string> {
  const roles = new Set<string>();
  const add = (phrase: string) => {
    for (const word of foldName(phrase).split(/[^\p{L}]+/u)) {
      if (!roleNouns.has(word)) continue;
      roles.add(word);
      for (const alternative of roleAbbreviations[word] ?? []) roles.add(alternative);
    }
  };
  if (entity.role) add(entity.role);
  for (const m of entity.mentions) {
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const title = /((?:\p{L}[\p{L}.-]*\s+){1,3})$/u.exec(before);
    if (title) add(title[1]);
  }
  for (const [full, short] of Object.entries(roleAbbreviations))
    if (short.some((s) => roles.has(s)) && /^(?:senator|governor|representative)$/.test(full)) roles.add(full);
  return roles;
}

/** Credits each quotation to its speaker, in steps, one per paragraph (a 100,000-word draft's pass takes over 100 ms). */
export function* attributionSteps(ctx: RuleContext, entities: Entity[]): Steps<void> {
  if (entities.length === 0) return;
  let quotations: Quotation[];
  try {
    quotations = analyzeQuotes(ctx).quotations;
  } catch {
    return; // attribution is a bonus on top of recognition; a quotation bug must not hide the entities
  }
  if (quotations.length === 0) return;
  yield;
  const text = ctx.draft.text;
  const byParagraph = new Map<number, Quotation[]>();
  for (const q of quotations) {
    if (q.depth !== 0) continue;
    (byParagraph.get(q.paragraph) ?? byParagraph.set(q.paragraph, []).get(q.paragraph)!).push(q);
  }
  const outer = quotations.filter((q) => q.depth === 0);
  // Outer quotations do not overlap: a binary search finds the one that could hold an offset
  // (a scan per mention was quadratic: 1 s for a draft of 16,000 quotations and names).
  const outerByStart = [...outer].sort((a, b) => a.contentStart - b.contentStart);
  const insideAnyQuote = (offset: number) => {
    const q = outerByStart[partitionPoint(outerByStart.length, (i) => outerByStart[i].contentStart <= offset) - 1];
    return q !== undefined && offset < q.contentEnd;
  };
  const mentions: PlacedMention[] = entities
    // Spelt out, not `{ ...m, entity }`: a spread that adds a field takes V8's slow path (a microsecond each).
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, entity })))
    .filter((m) => !insideAnyQuote(m.start))
    .sort((a, b) => a.start - b.start);
  yield;
  const genders = new Map<Entity, Gender>();
  const gender = (e: Entity) => genders.get(e) ?? genders.set(e, genderOf(e, text)).get(e)!;
  const roles = new Map<Entity, Set<string>>();
  const rolesFor = (e: Entity) => roles.get(e) ?? roles.set(e, rolesOf(e, text)).get(e)!;
  const paragraphStart = (index: number) => ctx.draft.paragraphs[Math.max(0, index)].start;
  const paragraphAt = (offset: number) => {
    const all = ctx.draft.paragraphs;
    return all[Math.max(0, partitionPoint(all.length, (i) => all[i].start <= offset) - 1)];
  };
  /** The start of the sentence that holds an offset, found in its own paragraph. */
  const sentenceStartAt = (offset: number) => {
    const p = paragraphAt(offset);
    let start = p.start + datelineLength(p.text);
    // One character past the offset, so that the sentence ending right before it is seen (the end looks ahead to a capital).
    for (const end of text.slice(p.start, Math.min(p.end, offset + 1)).matchAll(sentenceEnd)) {
      if (p.start + end.index! + end[0].length <= offset) start = p.start + end.index! + end[0].length;
    }
    return start;
  };
  /** "Republican presidential nominee", "a Smith spokesman": a name used as an adjective before a title names someone else. */
  const namesAnother = (m: PlacedMention) => {
    const next = /^\s+(\p{Ll}+)/u.exec(text.slice(m.end, m.end + 40))?.[1] ?? '';
    return titleWords.has(next) && !/^(?:of|the|for|and|de)$/.test(next);
  };
  /**
   * "Sanders said, contrasting Clinton's plan with those of Trump": a possessive or the object of a preposition
   * is talked about, not a speaker; the speaker's next quotation in the paragraph stays theirs.
   */
  const objectAfterVerb = (m: PlacedMention) =>
    /^['’]s?\s/.test(text.slice(m.end, m.end + 3)) ||
    /\b(?:of|with|against|about|on|from|than|over|like)\s+(?:(?:the|former|President|Sen|Rep|Gov|Mr|Mrs|Ms|Dr)\.?\s+)*$/.test(
      text.slice(Math.max(0, m.start - 40), m.start),
    );
  /** A name that opens its sentence (after titles and a leading phrase) and is followed by its verb. */
  const isSubjectMention = (m: PlacedMention): boolean =>
    titledSubjectLead(text.slice(sentenceStartAt(m.start), m.start)) &&
    !namesAnother(m) &&
    /^(?:\s*\([^()]{1,30}\))?(?:\s*,[^,“”"]{1,160},)?\s+(?!(?:and|or|of|in|on|at|to|for|with|from|by|as|who|which|that)\b)\p{Ll}/u.test(
      text.slice(m.end, m.end + 200),
    );
  /** compromise reads the word after the name (past a parenthesis or an appositive) as a finite verb: "Szabo left", "Ham, 61, explained". */
  const followedByVerb = (m: PlacedMention) => {
    const p = paragraphAt(m.start);
    if (/^['’]s?\b/.test(text.slice(m.end, m.end + 2))) return false;
    const skip = /^(?:\s*\([^()]{1,30}\))?(?:\s*,[^,“”"]{1,160},)?/.exec(text.slice(m.end, p.end))!;
    const from = m.end + skip[0].length - p.start;
    const words = parseParagraph(withPlainSpaces(p.text)).words;
    let k = words.findIndex((w) => w.start >= from);
    if (k < 0 || words[k].start - from >= 3) return false;
    while (words[k + 1] && words[k].tags.includes('Adverb')) k++;
    return words[k].tags.includes('Verb');
  };
  /** A name as a sentence's subject, or with a verb of saying: "Mr. Obama said in his interview", "noted NBC's Dante Chinni". */
  const isSpeakerMention = (m: PlacedMention) => {
    const after = text.slice(m.end, m.end + 200);
    if (verbAfterSubject.test(after) && !/^['’]s\b/.test(after)) return true;
    return isInvertedSpeaker(m) || isSubjectMention(m);
  };
  /** "..., said Mr Flynn": a name right after an inverted verb of saying. */
  const isInvertedSpeaker = (m: PlacedMention) => {
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    const inverted = invertedNarration.exec(before) ?? invertedLead.exec(before);
    return inverted !== null && titleWordsOnly(inverted[1]);
  };
  /** "But, in a wide-ranging interview covering ..., Mr Blair said: “...”": a name whose verb of saying opens a quotation with a colon speaks, whatever leads the sentence. */
  const introducesQuotation = (m: PlacedMention) => {
    const after = text.slice(m.end, m.end + 200);
    const verb = verbAfterSubject.exec(after);
    return verb !== null && !/^['’]s\b/.test(after) && /^(?:\s+[^\s.:“”"](?:[^.:“”"]{0,40}[^\s.:“”"])?)?:\s*["“]/u.test(after.slice(verb[0].length));
  };
  /** "Also, said Mr Flynn, Vodafone ...": an inverted speaker that closes its clause, not "..., said Charles was one of his heroes". */
  const closesInvertedClause = (m: PlacedMention) => isInvertedSpeaker(m) && /^\s*[,.;]/.test(text.slice(m.end, m.end + 3));
  /** A name inside another's appositive: "Christie, who campaigned for Donald Trump, blasted ...". */
  const insideAppositive = (m: PlacedMention) => appositiveOpen.test(text.slice(Math.max(paragraphAt(m.start).start, m.start - 110), m.start));

  /**
   * The person a pronoun refers to. Someone named as a sentence's subject
   * earlier in its own paragraph comes first (the nearest whose gender fits); a pronoun that
   * opens its paragraph goes to the speaker quoted just before, when their
   * gender fits; else the one person named in the last paragraphs whose
   * gender fits (or is unknown), when there is only one.
   */
  let recentSpeaker: { entity: Entity; paragraph: number } | undefined;
  const resolvePronoun = (at: number, pronoun: string, paragraph: number, isSubject: (m: PlacedMention) => boolean): Entity | undefined => {
    const found = resolveNamedPronoun(at, pronoun, paragraph, isSubject);
    // "Mr Leigh said ... A Home Office spokesman said ... He added": someone the story never names spoke since.
    if (!found) return found;
    const from = paragraphStart(paragraph - 1);
    let latest: PlacedMention | undefined;
    for (let i = lastMentionBefore(mentions, at); i >= 0 && mentions[i].start >= from && !latest; i--) if (mentions[i].entity === found) latest = mentions[i];
    const sinceStart = latest ? latest.end : from;
    const since = text.slice(sinceStart, at);
    if (unnamedSpeakerSentence.test(since)) return undefined;
    // "Theresa May, shadow secretary for the family, told BBC Radio 4 ... She said": someone spoke since whom recognition missed.
    if (unrecognisedSpeakerSince(since, sinceStart, pronoun)) return undefined;
    if (!latest) return found;
    // "Mr Bush's first task was to “...”, he said": a possessive before the quotation, in the sentence whose attribution
    // follows it, is what was said about, not who said it ("Trump's biggest applause came when he said “zero”" is his).
    const possessive = /^['’]s\s+(?!been\b)\p{Ll}/u.test(text.slice(latest.end, latest.end + 8));
    return possessive && sentenceStartAt(latest.start) === sentenceStartAt(at) && /[“”"]/.test(since) ? undefined : found;
  };
  /** A sentence of `since` opens with a first name and a surname that are no mention, then a verb of saying; the first name may not be of the pronoun's other gender. */
  const unrecognisedSpeakerSince = (since: string, sinceStart: number, pronoun: string): boolean => {
    const other = pronoun.toLowerCase() === 'he' ? femaleNames : maleNames;
    for (const match of matchesOf(since, unrecognisedSpeakerSentence)) {
      const nameAt = sinceStart + match.index! + match[0].indexOf(match[1]);
      const mention = mentions[lastMentionBefore(mentions, nameAt + 1)];
      if (mention && mention.start <= nameAt && nameAt < mention.end) continue;
      if (!other.has(match[1].toLowerCase()) && insideAnyQuote(nameAt) === false) return true;
    }
    return false;
  };
  const resolveNamedPronoun = (at: number, pronoun: string, paragraph: number, isSubject: (m: PlacedMention) => boolean): Entity | undefined => {
    const wanted: Gender = pronoun.toLowerCase() === 'he' ? 'male' : 'female';
    const nearest = (from: number, subjectsOnly: boolean) => {
      const fitting: Entity[] = [];
      let latestPerson = true;
      for (let i = lastMentionBefore(mentions, at); i >= 0 && mentions[i].start >= from; i--) {
        const { entity } = mentions[i];
        // "Harris said ... Also, said Mr Flynn, Vodafone has cut off ... “...,” he said": the inverted speaker is as near a subject;
        // so is the last person named, when their verb opens a quotation with a colon ("Mr Blair said: “...” He admitted").
        const latest = latestPerson;
        if (entity.type === 'person') latestPerson = false;
        if (subjectsOnly && !isSubject(mentions[i]) && !closesInvertedClause(mentions[i]) && !(latest && introducesQuotation(mentions[i]))) continue;
        if (entity.type !== 'person' || fitting.includes(entity)) continue;
        const g = gender(entity);
        if (g === wanted && fitting.length === 0 && subjectsOnly) return { entity, any: true };
        if (g === wanted || g === 'unknown') fitting.push(entity);
      }
      return { entity: fitting.length === 1 ? fitting[0] : undefined, any: fitting.length > 0 };
    };
    const inParagraph = nearest(paragraphStart(paragraph), true);
    if (inParagraph.any) return inParagraph.entity;
    const salient = nearestSubject(at, wanted, paragraph);
    if (salient.found) return salient.entity;
    // The speaker quoted just before, unless someone else of that gender was named since.
    const recent = recentSpeaker?.entity;
    if (recent && recentSpeaker!.paragraph >= paragraph - 3 && gender(recent) === wanted && [...salient.rivals].every((r) => r === recent)) return recent;
    // Further back, only when one person in reach could be meant.
    return nearest(paragraphStart(paragraph - 2), false).entity;
  };

  /**
   * The nearest person named as a sentence's subject in this paragraph or the two before
   * ("Ban Ki-moon condemned the test. / “...,” he told reporters"), when their gender fits
   * or is unknown. Undefined when there is none to find; null (unsure) when a person of the
   * pronoun's gender is named between them and the pronoun ("Trump attacked Clinton. “...,” she said").
   */
  const nearestSubject = (at: number, wanted: Gender, paragraph: number, depth = 0): { found: boolean; entity?: Entity; rivals: Set<Entity> } => {
    const from = paragraphStart(paragraph - 2);
    const rivals: PlacedMention[] = [];
    const rivalEntities = () => new Set(rivals.map((r) => r.entity));
    // "She has faced ... She said ... “...,” she said": a pronoun that opens an earlier sentence carries the chain back.
    const chain = [...text.slice(from, at).matchAll(wanted === 'male' ? /(?:^|[.!?]["”’]?\s+|\n)(He)\s/g : /(?:^|[.!?]["”’]?\s+|\n)(She)\s/g)]
      .map((c) => from + c.index! + c[0].length - c[1].length - 1)
      .filter((offset) => !insideAnyQuote(offset))
      .pop();
    /** Named in the subject's own sentence, and not as the subject of a verb: "Ban condemned Kim", "She met Gov. Park". */
    const objectOf = (rival: PlacedMention, subjectAt: number) => sentenceStartAt(rival.start) === sentenceStartAt(subjectAt) && !followedByVerb(rival);
    for (let i = lastMentionBefore(mentions, at); ; i--) {
      const m = i >= 0 && mentions[i].start >= from ? mentions[i] : undefined;
      if (chain !== undefined && (m === undefined || m.start < chain)) {
        if (depth >= 3) return { found: true, rivals: rivalEntities() };
        const earlier = nearestSubject(chain, wanted, paragraphAt(chain).index, depth + 1);
        const sure = earlier.entity && rivals.every((r) => r.entity === earlier.entity || objectOf(r, chain));
        return { found: true, entity: sure ? earlier.entity : undefined, rivals: rivalEntities() };
      }
      if (!m) break;
      if (m.entity.type !== 'person') continue;
      const g = gender(m.entity);
      if (isSpeakerMention(m)) {
        if (g !== wanted && g !== 'unknown') continue;
        // Someone named after this subject is a rival when a later sentence names them, or names them as a subject.
        const sure = rivals.every((r) => r.entity === m.entity || objectOf(r, m.start));
        return { found: true, entity: sure ? m.entity : undefined, rivals: rivalEntities() };
      }
      // "Trump's plan" names no one who could speak next; nor does a name inside the subject's own appositive.
      if (g === wanted && !/^['’]s?\b/.test(text.slice(m.end, m.end + 2)) && !insideAppositive(m)) rivals.push(m);
    }
    return { found: false, rivals: rivalEntities() };
  };

  /** The one person the story gave this role, most recently named; none when two people share it. */
  const resolveRole = (at: number, role: string, paragraph: number, modifiers = ''): Entity | undefined => {
    const noun = foldName(role);
    if (!roleNouns.has(noun)) return undefined;
    const from = paragraphStart(paragraph - 6);
    const fitting = new Set<Entity>();
    for (let i = lastMentionBefore(mentions, at); i >= 0 && mentions[i].start >= from; i--) {
      if (mentions[i].entity.type === 'person' && rolesFor(mentions[i].entity).has(noun)) fitting.add(mentions[i].entity);
    }
    const [person] = fitting;
    return fitting.size === 1 && placesFit(person, modifiers, at) ? person : undefined;
  };
  /**
   * "the Florida senator": a capitalised word before the role (a state, a city) must stand near one of the person's
   * mentions ("Florida Sen. Marco Rubio", "Rubio of Florida"); "Sen. Ann Park, R-Iowa" is no Florida senator.
   */
  const placesFit = (person: Entity, modifiers: string, clauseAt: number) =>
    placesIn(modifiers).every((place) =>
      person.mentions.some((m) => m.start < clauseAt && namesPlace(foldName(text.slice(Math.max(0, m.start - 60), Math.min(m.end + 60, clauseAt))), place)),
    );

  /**
   * "Smith and Jones": where the joint list that ends at a mention begins (its own index when it ends none).
   * A mention joins the list before it after "and" or "&", or after a comma once an "and" has begun the list.
   * Computed once per mention, from the chain's start forward: a recursion that asked twice per link was
   * exponential on a long comma list ("Brandt and Ames, Cole, Diaz, ... said").
   */
  const listStarts = new Map<number, number>();
  const listStart = (index: number): number => {
    const link = (k: number) => text.slice(mentions[k - 1].end, mentions[k].start).replace(/^['’]s?/, '');
    let k = index;
    // "... Kanye West and Nelly. Eminem told the crowd": a full stop after a word (not a title's "Sen.") ends the list.
    const endsSentence = (gap: string) => /\p{Lu}\p{Ll}{3,}\.\s/u.test(gap);
    while (k > 0 && !listStarts.has(k) && /^\s*(?:,|and|&)\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.test(link(k)) && !endsSentence(link(k))) k--;
    if (!listStarts.has(k)) listStarts.set(k, k);
    for (k++; k <= index; k++) {
      const before = listStarts.get(k - 1)!;
      const gap = text.slice(mentions[k - 1].end, mentions[k].start);
      const joins = !endsSentence(gap) && (/^\s+and\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.test(gap) || before < k - 1);
      listStarts.set(k, joins ? before : k);
    }
    return listStarts.get(index)!;
  };
  /** The people joined before this mention, for a joint statement. */
  const coordinated = (index: number): Entity[] => {
    const joined = new Set<Entity>();
    for (let k = listStart(index); k < index; k++) joined.add(mentions[k].entity);
    return [...joined];
  };

  /** The two people last named together ("Smith and Jones") before a joint clause. */
  const lastPair = (at: number, paragraph: number): Entity[] => {
    const from = paragraphStart(paragraph - 2);
    for (let i = lastMentionBefore(mentions, at); i > 0 && mentions[i].start >= from; i--) {
      if (listStart(i) === i - 1 && mentions[i - 1].entity !== mentions[i].entity) return [mentions[i - 1].entity, mentions[i].entity];
    }
    return [];
  };

  /** "The New York Times reports:" at the end of a paragraph: the subject of the sentence that ends in the colon. */
  const introducedSpeaker = (paragraph: Paragraph): Entity | undefined => {
    if (!/:\s*$/.test(paragraph.text)) return undefined;
    const end = paragraph.start + paragraph.text.trimEnd().length;
    const sentence = sentenceStartAt(end - 1);
    for (let i = lastMentionBefore(mentions, sentence) + 1; i < mentions.length && mentions[i].start < end; i++) {
      const m = mentions[i];
      const verb = verbAfterSubject.exec(text.slice(m.end, end)) ?? followingStatement.exec(text.slice(m.end, end));
      if (verb && !/[.!?]/.test(text.slice(m.end + verb[0].length, end - 1))) return m.entity;
    }
    return undefined;
  };

  /**
   * "Howard continued his remarks." or "Carter said the region would not be abandoned." ending a paragraph of
   * narration: its named subject, with a verb of saying, speaks the next paragraph when that is nothing but
   * quotation. None when another person is named after the verb ("Smith said Jones was wrong.").
   */
  const reportingSpeaker = (paragraph: Paragraph): Entity | undefined => {
    const end = paragraph.start + paragraph.text.trimEnd().length;
    if (!/[.]$/.test(text.slice(end - 1, end))) return undefined;
    const sentence = sentenceStartAt(end - 1);
    const first = lastMentionBefore(mentions, sentence) + 1;
    const m = mentions[first];
    if (!m || m.start >= end || !titledSubjectLead(text.slice(sentence, m.start)) || namesAnother(m)) return undefined;
    const verb = verbAfterSubject.exec(text.slice(m.end, end));
    if (!verb || /^['’]s\b/.test(text.slice(m.end, m.end + 2))) return undefined;
    const otherPerson = someMentionBetween(mentions, m.end + verb[0].length - 1, end, (o) => o.entity !== m.entity && o.entity.type === 'person');
    return otherPerson ? undefined : m.entity;
  };

  /**
   * "PENCE: Well, look, ...": a transcript's speaker label, in capitals before a colon, opening the quotation. It
   * names the one person the story names with that surname; a label that fits no one, or two, credits no one (nor
   * the speaker before: the label says the turn changed).
   */
  const transcriptSpeakers = (opening: string): Entity[] | undefined => {
    const label = /^\s*(?:\p{Lu}[\p{Lu}.'’-]*\s+){0,2}(\p{Lu}[\p{Lu}'’-]+):\s/u.exec(opening)?.[1];
    if (!label) return undefined;
    const surname = foldName(label);
    const fitting = entities.filter((e) => e.type === 'person' && foldName(e.name.split(/\s+/).pop() ?? '') === surname);
    return fitting.length === 1 ? fitting : [];
  };

  /** The person named right before an organization's mention and described by it: "McCune from the", "Faraj, an analyst at". */
  const personDescribedBy = (organizationAt: number): Entity | undefined => {
    const at = lastMentionBefore(mentions, organizationAt);
    const person = mentions[at];
    if (person && person.entity.type === 'person' && person.end <= organizationAt) {
      const between = text.slice(person.end, organizationAt);
      if (/^(?:,\s+(?:a|an|the)\s+[^,.;“”"]{0,60}\b(?:at|of|for|with|from)|\s+(?:from|of|at))\s+(?:[Tt]he\s+)?$/u.test(between)) return person.entity;
    }
    // "The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino, has called": the person after it, set off by commas.
    const organization = mentions[at + 1];
    const after = organization && organization.start === organizationAt ? mentions[at + 2] : undefined;
    if (!after || after.entity.type !== 'person') return undefined;
    const gap = text.slice(organization.end, after.start);
    return /^(?:\s*\([^()]{1,60}\))?,\s*$/u.test(gap) && /^,/.test(text.slice(after.end, after.end + 1)) ? after.entity : undefined;
  };
  /** A person in the sentence, before the quotation, followed by a participle of saying: "with Mark Hughes claiming". */
  const participleSpeaker = (sentence: number, quoteAt: number): Entity[] | undefined => {
    for (let i = lastMentionBefore(mentions, quoteAt); i >= 0 && mentions[i].start >= sentence; i--) {
      const m = mentions[i];
      if (
        m.entity.type === 'person' &&
        /^\s+(?:\p{Ll}+ly\s+)?(?:claiming|saying|insisting|warning|arguing|adding|noting|suggesting)\b/u.test(text.slice(m.end, m.end + 40))
      )
        return [m.entity];
    }
    return undefined;
  };

  /** "- Bernie Sanders." alone under a paragraph of quotation: a credit line, as under a pull quote. */
  const creditLineSpeaker = (paragraph: Paragraph | undefined): Entity | undefined => {
    if (!paragraph || paragraph.text.length > 200 || byParagraph.has(paragraph.index)) return undefined;
    const dash = /^\s*(?:--?|[―—–])\s*/.exec(paragraph.text);
    const m = mentions[lastMentionBefore(mentions, paragraph.start) + 1];
    if (!dash || !m || m.start >= paragraph.end || !titleWordsOnly(text.slice(paragraph.start + dash[0].length, m.start))) return undefined;
    return /^\s*(?:[,.(]|$)/.test(text.slice(m.end, paragraph.end)) ? m.entity : undefined;
  };

  let previousSpeakers: Entity[] = [];
  /** previousSpeakers come from the narration before, not from a quotation: a guess the unattributed-quote rule does not take. */
  let previousFromNarration = false;
  let previousRunsOn = false;
  for (const paragraph of ctx.draft.paragraphs) {
    yield;
    const quotes = byParagraph.get(paragraph.index);
    if (!quotes) {
      // A paragraph of narration between quotations ends the speaker's run, unless its colon
      // hands the next paragraph's quotation to its speaker ("Caddell continued:").
      const introduced = introducedSpeaker(paragraph);
      const reporting = introduced ? undefined : reportingSpeaker(paragraph);
      if (introduced) previousSpeakers = [introduced];
      // Only a paragraph of nothing but quotation takes this speaker: previousRunsOn stays false.
      else if (reporting) previousSpeakers = [reporting];
      else if (/\p{L}/u.test(paragraph.text)) previousSpeakers = [];
      previousFromNarration = reporting !== undefined && !introduced;
      previousRunsOn = introduced !== undefined;
      continue;
    }
    const outside = (offset: number) => !quotes.some((q) => offset >= q.contentStart && offset < q.contentEnd);
    const clauses: Clause[] = [];
    // Sentence starts outside quotations, for the subject of each sentence.
    const sentenceStarts = [paragraph.start + datelineLength(paragraph.text)];
    for (const end of text.slice(paragraph.start, paragraph.end).matchAll(sentenceEnd)) {
      const at = paragraph.start + end.index! + end[0].length;
      // "... for “being right on terrorism.” And then Trump went": a period inside the closing mark ends the sentence around it too.
      const closesQuotation = /[”"’]\s*$/.test(end[0]) && outside(at - 1);
      if (closesQuotation || (outside(at - 1) && outside(end.index! + paragraph.start))) sentenceStarts.push(at);
    }
    const sentenceStartOf = (offset: number) => sentenceStarts.filter((s) => s <= offset).pop() ?? paragraph.start;
    const subjects = new Map<number, Entity[]>();
    /** The subject after a subordinate clause that names no one: the speaker of a participle of saying, never of a bare quotation. */
    const subjectsPastClause = new Map<number, Entity[]>();
    const parsed = /\p{Ll}/u.test(paragraph.text) ? parseParagraph(paragraph.text) : undefined;
    /** compromise reads the next word after the name (and any appositive) as a verb: the name is the subject. */
    const verbFollows = (m: PlacedMention) => {
      if (!parsed || /^['’]s?\b/.test(text.slice(m.end, m.end + 2))) return false;
      // Past a party tag ("Rep. Ames (D-Ore.) reacted"), an appositive between commas and a time ("Trump on Thursday ratcheted up").
      const skip = timedSkip.exec(text.slice(m.end, paragraph.end))!;
      const from = m.end + skip[0].length - paragraph.start;
      let k = parsed.words.findIndex((w) => w.start >= from);
      if (k < 0 || parsed.words[k].start - from >= 3) return false;
      // "Rubio also bemoaned": adverbs are still the subject's verb. A form of "be" is not: the
      // parse keeps no gerund tag to tell "Sanders is pledging" from "Sanders is a senator".
      while (parsed.words[k + 1] && parsed.words[k].tags.includes('Adverb')) k++;
      const next = parsed.words[k];
      return next.tags.includes('Verb') && !/^(?:is|was|are|were|be|been)$/i.test(next.text);
    };
    const first = lastMentionBefore(mentions, paragraph.start) + 1;
    /**
     * "Scott Morris, a senior fellow at the Center for Global Development, which works to ..., said": a name inside a
     * person's appositive is no subject of the sentence's verb; the person is (the appositive's head, returned).
     */
    const appositiveHead = (i: number): Entity | undefined => {
      const m = mentions[i];
      // Within the last 300 characters: an appositive is short, and a paragraph of one endless sentence must stay cheap.
      const from = Math.max(sentenceStartOf(m.start), m.start - 300);
      const lead = appositiveOpen.exec(text.slice(from, m.start));
      if (!lead) return undefined;
      const commaAt = from + lead.index;
      for (let j = i - 1; j >= first && mentions[j].end >= from; j--)
        if (mentions[j].end === commaAt) return mentions[j].entity.type === 'person' ? mentions[j].entity : undefined;
      return undefined;
    };
    for (let i = first; i < mentions.length && mentions[i].start < paragraph.end; i++) {
      const m = mentions[i];
      const after = text.slice(m.end, Math.min(paragraph.end, m.end + 170));
      // "“...” ― Sonya Herridge": a dash after the closing mark credits the name that follows, and nothing else.
      const credit = /[”"][.,]?\s*(?:[―—–]|--?)\s*$/.exec(text.slice(Math.max(paragraph.start, m.start - 6), m.start));
      if (credit && !/^\s*(?:,\s*)?\p{Ll}/u.test(after)) {
        clauses.push({ at: m.start, speakers: [m.entity], kind: 'speech', credits: m.start - credit[0].length });
        continue;
      }
      // "Bush: “The mission is to destroy ISIS.”": a name and a colon introduce the quotation, as in a transcript,
      // when the name opens its sentence or follows a dash ("TURNOUT SURGED - Ida Vance: “...”"), past a party tag,
      // and with the names joined before it; "said of Cole:", "wrote to Ames:", "told Fox News:" name someone else.
      if (/^(?:\s*\([^()“”"]{1,30}\))?\s*:\s*["“]/.test(after) && outside(m.end)) {
        const listAt = mentions[listStart(i)].start;
        const lead = text.slice(sentenceStartOf(listAt), listAt);
        if (titledSubjectLead(lead) || /\s(?:--?|[—–])\s+$/.test(lead)) {
          clauses.push({ at: listAt, speakers: [...coordinated(i), m.entity], kind: 'speech' });
          continue;
        }
      }
      // "Park's statement said", "Cole's campaign called it “...”": what the person put out speaks for them.
      const leadIn = text.slice(Math.max(paragraph.start, m.start - 12), m.start);
      const owned = ownedWords.exec(after) ?? (/(?:^|\s)(?:[Tt]he|[Aa]n?)\s+$/.test(leadIn) ? attributiveOwned.exec(after) : null);
      // As the subject of its sentence, or right after the quotation it credits ("...,” the IMF report stated).
      const ownedPlace = titledSubjectLead(text.slice(sentenceStartOf(m.start), m.start)) || /[”"],?\s*(?:(?:[Tt]he|[Aa]n?)\s+)?$/.test(leadIn);
      const ownedVerb = owned && ownedPlace ? verbAfterSubject.exec(after.slice(owned[0].length)) : null;
      if (owned && ownedVerb && outside(m.end)) {
        const forward = namingVerbSet.has(ownedVerb[0].split(/\s+/).pop()!);
        clauses.push({ at: m.start, speakers: [m.entity], kind: 'speech', forward, verbEnd: m.end + owned[0].length + ownedVerb[0].length });
        continue;
      }
      // "Trump's claim that Obama “founded ISIS”": a person's noun of saying holds their words, in this sentence only.
      const possessive = possessiveSpeech.exec(after);
      const quotedFirst = possessive ? null : possessiveQuoted.exec(after);
      const holds = possessive ? m.end + possessive[0].length - 1 : quotedFirst ? m.end + quotedFirst[0].search(/["“]/u) : -1;
      // A name inside the claim is its subject ("Trump's accusation that Clinton is playing the “woman's card”"), unless
      // its own verb of saying makes the quotation possibly theirs ("Trump's claim that Clinton called him “a liar”").
      const speaksInside = (o: PlacedMention) =>
        o.entity !== m.entity && (verbAfterSubject.test(text.slice(o.end, o.end + 200)) || /^['’]s?\b/.test(text.slice(o.end, o.end + 2)));
      if (holds >= 0 && outside(m.end) && !someMentionBetween(mentions, m.start, holds, speaksInside)) {
        // "Frazier said Rubio's claim that Cruz favors amnesty is “simply not true”": inside another's reported speech the
        // quotation may be either's, so it is left unattributed.
        const reported = speechVerbBefore.test(text.slice(sentenceStartOf(m.start), m.start));
        clauses.push({ at: m.start, speakers: reported ? [] : [m.entity], kind: 'speech', holds });
        continue;
      }
      // "her senior policy adviser, Jake Sullivan, said": a name in apposition may take its verb after a comma.
      const inApposition = /,\s+$/.test(text.slice(m.start - 2, m.start)) && appositionVerb.test(after);
      const verb = verbAfterSubject.exec(after);
      if ((verb || inApposition) && !/^['’]s\b/.test(after) && outside(m.end)) {
        const verbWord = verb ? verb[0].split(/\s+/).pop()! : /^,\s+(\p{L}+)/u.exec(after)![1];
        const forward = namingVerbSet.has(verbWord);
        // A joint subject's clause starts at its first name: "“...,” while Ames and Cole said" opens with "while".
        const at = mentions[listStart(i)].start;
        const head = appositiveHead(i);
        clauses.push({
          at,
          speakers: head ? [head] : [...coordinated(i), m.entity],
          kind: 'speech',
          forward,
          verbEnd: verb ? m.end + verb[0].length : undefined,
        });
        continue;
      }
      const before = text.slice(Math.max(paragraph.start, m.start - 80), m.start);
      // '“...” for Clinton, said Kunin': the inverted verb may follow more of a sentence that holds a quotation,
      // but not the comma that closes an appositive ("Rhodes, an aide, recalled Mr. Obama").
      const sentenceLead = text.slice(sentenceStartOf(m.start), m.start);
      const inverted =
        invertedLead.exec(before) ??
        // "Graham, a former candidate, told CBS News": after "told" or "asked" stands the listener.
        // "Couple exposure with a “lightning rod” and voters get nervous, said Link": a sentence that holds a quotation,
        // before the verb or right after the name ("..., explained Rosenberg, “with ...”"), is the inverted speaker's.
        ((/^["“]|[”"]/.test(sentenceLead) || quotationFollowsName.test(after)) && !toldAfterLastComma(before) ? invertedNarration.exec(before) : null) ??
        sentenceInitialVerb.exec(sentenceLead);
      // "wrote Cameron Easley for Morning Consult": a name between the verb and this one is the speaker.
      const nameBetween =
        i > 0 &&
        inverted !== null &&
        mentions[i - 1].end > m.start - inverted[1].length &&
        /^\s+(?:for|of|at|with|from|in)\s+(?:the\s+)?$/.test(text.slice(mentions[i - 1].end, m.start));
      // "said House Democrat Lena Ortiz", "said Yahoo's Yonca Brunini", "said Ladbrokes' Warren Lush": an organization right before a person's name belongs to that person's title.
      const titleBeforeName =
        m.entity.type === 'organization' && mentions[i + 1]?.entity.type === 'person' && /^(?:['’]s?)?\s+$/.test(text.slice(m.end, mentions[i + 1].start));
      if (inverted && (titleWordsOnly(inverted[1]) || descriptionOnly(inverted[1])) && !namesAnother(m) && !nameBetween && !titleBeforeName) {
        const speakers = [m.entity];
        const next = mentions[i + 1];
        if (next && /^\s+and\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(text.slice(m.end, next.start))) speakers.push(next.entity);
        clauses.push({ at: m.start, speakers, kind: 'speech' });
        continue;
      }
      // "with Sen. Ames calling it “a mess”": the name and its participle stand alone, without a finite verb.
      const absolute = participleAfterName.test(after) ? absoluteLead.exec(before) : null;
      if (absolute && titleWordsOnly(absolute[1]) && !namesAnother(m)) {
        clauses.push({ at: m.start, speakers: [m.entity], kind: 'speech' });
        continue;
      }
      const according =
        accordingTo.exec(before) ??
        (/^\s*,\s*["“]/u.test(after) ? inWordsOf.exec(before) : null) ??
        (wordsAfterPossessive.test(after) || viewAfterPossessive.test(after) ? inWordsLead.exec(before) : null);
      if (according && (titleWordsOnly(according[1]) || descriptionOnly(according[1])) && !namesAnother(m)) {
        clauses.push({ at: m.start, speakers: [m.entity], kind: 'speech' });
        continue;
      }
      const sentence = sentenceStartOf(m.start);
      if (!subjects.has(sentence) && (subjectLead.test(text.slice(sentence, m.start)) || titledSubjectLead(text.slice(sentence, m.start))) && verbFollows(m)) {
        subjects.set(sentence, [...coordinated(i), m.entity]);
        clauses.push({ at: m.start, speakers: subjects.get(sentence)!, kind: 'subject' });
      } else if (!subjects.has(sentence) && !subjectsPastClause.has(sentence)) {
        const lead = text.slice(sentence, m.start);
        const main = lead.replace(namelessSubordinate, '');
        if (main !== lead && titledSubjectLead(main) && !namesAnother(m) && verbFollows(m)) subjectsPastClause.set(sentence, [...coordinated(i), m.entity]);
      }
    }
    const paragraphText = text.slice(paragraph.start, paragraph.end);
    /** A name that opens its sentence in this paragraph: the antecedent a pronoun here looks for first. */
    // "Keane frontman Tom Chaplin thanked fans": a title before the name, as titledSubjectLead allows.
    const isSubjectHere = (m: PlacedMention) => {
      if (m.start < paragraph.start) return false;
      const lead = text.slice(sentenceStartOf(m.start), m.start);
      return subjectLead.test(lead) || isSubjectMention(m);
    };
    // matchesOf, not matchAll: these long patterns are compiled once, not again after every garbage collection (matches.ts).
    for (const match of matchesOf(paragraphText, pronounClause)) {
      const at = paragraph.start + match.index!;
      if (!outside(at)) continue;
      // "Trump says he's “losing”": the pronoun after a named subject's own verb is not a second attribution.
      if (match[2] && clauses.some((c) => c.verbEnd === at + spaceBeforeLastWord(match[0]))) continue;
      // "ProPublica obtained a video and said she “...”": after a second verb of the sentence's subject, likewise.
      if (match[2] && coordinatedVerbEnds.test(text.slice(Math.max(paragraph.start, at - 30), at))) continue;
      const speaker = resolvePronoun(at, match[1] ?? match[2], paragraph.index, isSubjectHere);
      clauses.push({ at, speakers: speaker ? [speaker] : [], kind: 'speech' });
    }
    for (const match of matchesOf(paragraphText, pronounNamingClause)) {
      const at = paragraph.start + match.index!;
      if (!outside(at)) continue;
      const speaker = resolvePronoun(at, match[1], paragraph.index, isSubjectHere);
      clauses.push({ at, speakers: speaker ? [speaker] : [], kind: 'speech', forward: true });
    }
    for (const match of matchesOf(paragraphText, roleClause)) {
      const at = paragraph.start + match.index!;
      if (!outside(at)) continue;
      const noun = match[2] ?? match[4];
      // "the two said" is a joint statement, "the report said" no person: only a role noun makes a clause here.
      if (!roleNouns.has(foldName(noun))) continue;
      const speaker = resolveRole(at, noun, paragraph.index, match[1] ?? match[3]);
      clauses.push({ at, speakers: speaker ? [speaker] : [], kind: 'speech' });
    }
    for (const match of matchesOf(paragraphText, jointClause)) {
      const at = paragraph.start + match.index!;
      if (!outside(at)) continue;
      clauses.push({ at, speakers: lastPair(at, paragraph.index), kind: 'speech' });
    }
    /** "However, he held his fire on Carson, calling him “a nice guy”": a pronoun that opens the sentence is its subject. */
    const pronounSubject = (sentence: number, at: number): Entity[] | undefined => {
      // After the adverb the pronoun is in lower case ("Instead, he was back to boasting"); alone it opens the sentence.
      // Not after "And", which as often goes on about someone else ("And he wants to avoid ..., recalling how ...").
      const lead = /^(?:((?:However|But|Then|Still|Yet|Instead|Later|Now)\s*,?\s+)([Hh]e|[Ss]he)|(He|She))\s+(?:\p{Ll}+ly\s+)?\p{Ll}/u.exec(
        text.slice(sentence, at),
      );
      if (!lead) return undefined;
      const speaker = resolvePronoun(sentence + (lead[1]?.length ?? 0), lead[2] ?? lead[3], paragraph.index, isSubjectHere);
      return speaker ? [speaker] : undefined;
    };
    /**
     * "Okafor was joined on stage by ... and joked, “...”": a name that opens the sentence before "was" and a participle or
     * an adjective is its subject for a second verb of saying. Only there: "Raman was asked, “...?”" quotes the one asking.
     */
    const copulaSubject = (sentence: number, at: number): Entity[] | undefined => {
      const m = mentions[lastMentionBefore(mentions, sentence) + 1];
      if (!m || m.start >= at || namesAnother(m) || !titledSubjectLead(text.slice(sentence, m.start))) return undefined;
      const skip = timedSkip.exec(text.slice(m.end, at))![0].length;
      return /^\s+(?:was|is|were|are)\s+(?:\p{Ll}+ly\s+)?\p{Ll}{3,}\b/u.test(text.slice(m.end + skip, at)) ? [m.entity] : undefined;
    };
    /** "Cole's campaign shrugged off the poll, telling reporters “...”": what a person put out, as the sentence's subject, speaks for them. */
    const ownedSubject = (sentence: number, at: number): Entity[] | undefined => {
      const m = mentions[lastMentionBefore(mentions, sentence) + 1];
      if (!m || m.start >= at || !titledSubjectLead(text.slice(sentence, m.start))) return undefined;
      const owned = ownedWords.exec(text.slice(m.end, at));
      return owned && followedByVerb({ ...m, end: m.end + owned[0].length }) ? [m.entity] : undefined;
    };
    for (const match of [...matchesOf(paragraphText, participleClause), ...matchesOf(paragraphText, coordinatedSpeech)]) {
      const at = paragraph.start + match.index!;
      if (!outside(at)) continue;
      const sentence = sentenceStartOf(at);
      const earlier = clauses.filter((c) => c.at >= sentence && c.at < at && c.kind === 'speech').pop();
      const speakers =
        earlier?.speakers ??
        subjects.get(sentence) ??
        subjectsPastClause.get(sentence) ??
        pronounSubject(sentence, at) ??
        copulaSubject(sentence, at) ??
        ownedSubject(sentence, at) ??
        [];
      clauses.push({ at, speakers, kind: 'speech' });
    }
    clauses.sort((a, b) => a.at - b.at);

    /** "..., but he said that the footage “...”", "“...,” when Clinton blasted him", "... and Mayor Lee said": a clause opened by a conjunction is another sentence's. */
    const introducesNext = (c: Clause, after: number) => {
      const conjunction =
        /\b([Bb]ut|[Aa]nd|[Ww]hile|[Ww]hereas|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ww]hen|[Aa]fter|[Bb]efore|[Ii]f|[Aa]s|[Uu]ntil|[Uu]nless|[Ss]ince|[Oo]nce)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.exec(
          text.slice(after + 1, c.at),
        );
      // "“...,” said Sen. Ames and Rep. Cole": an "and" inside a joint subject opens nothing; nor does
      // an "as" right after the quotation ("the race “is a dead heat,” as Cruz said"): it looks back.
      return (
        conjunction !== null &&
        !(/^and$/i.test(conjunction[1]) && c.speakers.length > 1) &&
        !(/^as$/i.test(conjunction[1]) && /^[\s,]*as\s/i.test(text.slice(after + 1, c.at)))
      );
    };
    /** A headline's subject followed by a colon or by a verb of saying, whatever its case ("Clinton: Time for ...", "Obama Slams GOP's ..."). */
    const headlineSpeaks = (subjectAt: number) => {
      const m = mentions[lastMentionBefore(mentions, subjectAt + 1)];
      if (!m || m.start !== subjectAt) return false;
      const next = /^(?:\s*(:)|\s+(\p{L}+))/u.exec(text.slice(m.end, m.end + 30));
      if (!next) return false;
      const verb = next[2]?.toLowerCase();
      return next[1] !== undefined || (verb !== undefined && (isSpeechVerb(verb) || namingVerbSet.has(verb) || headlineVerbs.has(verb)));
    };
    let speakersHere: Entity[] = [];
    /** The clause that credited the paragraph's last quotation: only its own speaker carries past people merely talked about. */
    let lastCreditingClause: Clause | undefined;
    for (const q of quotes) {
      // "Sanders told MSNBC's “Morning Joe”", "'All Bets Are Off.'" alone: a programme's title or a subhead, nobody's words.
      // "so-called “beer-like” drinks": a term, whoever uses it.
      if (
        namesWork(text, q) ||
        (quotes.length === 1 && isQuotedSubhead(text, paragraph, q)) ||
        /\bso-called\s*$/i.test(text.slice(Math.max(0, q.open - 12), q.open))
      )
        continue;
      const end = q.close ?? q.contentEnd;
      const sentence = sentenceStartOf(q.open);
      const speech = clauses.filter((c) => c.kind === 'speech' && c.credits === undefined && c.holds === undefined);
      // A period inside the closing mark ends the sentence, unless the clause follows at once ("... over.” Trump said.).
      const sentenceEndsAtQuote = /[.]\s*$/.test(text.slice(q.contentStart, q.contentEnd));
      // "...for the long run!” She replied that ...": a capitalised pronoun after "!" or "?" opens a sentence, as after a period.
      const opensSentenceAfterMark = (c: Clause) =>
        /[!?]\s*$/.test(text.slice(q.contentStart, q.contentEnd)) && /^(?:He|She)\b/.test(text.slice(c.at, c.at + 4));
      // The clause after the quotation in its sentence ("...," Smith said)...
      // Not past a parenthesis that opens another quotation: "When Francis said Mr. Trump “is not Christian” ...
      // (“Francesco Excommunicates Trump,” declared La Stampa)" is the pope's.
      const nextQuotationInBrackets = quotes.find((o) => o.open > end && /\(\s*$/.test(text.slice(Math.max(end, o.open - 3), o.open)));
      const following = speech.find(
        (c) =>
          c.at >= end &&
          !(nextQuotationInBrackets && nextQuotationInBrackets.open < c.at) &&
          !c.forward &&
          !introducesNext(c, end) &&
          (sentenceEndsAtQuote || opensSentenceAfterMark(c)
            ? /^\s+$/.test(text.slice(end + 1, c.at)) && saidAndStop.test(text.slice(c.at, c.at + 60))
            : !endsSentence(text.slice(end + 1, c.at))),
      );
      // ...else the clause before it in its sentence ("Smith said: ..."), else its sentence's subject...
      // A quotation inside the clause's own appositive (", the co-author of “Going Viral,” said") is a title, not its speech.
      const before = speech.filter((c) => c.at < q.open && (c.verbEnd === undefined || c.verbEnd <= q.open));
      const sameSentence = before.filter((c) => c.at >= sentence).pop();
      const subject = clauses.find((c) => c.kind === 'subject' && c.at >= sentence && c.at < q.open);
      // ...else a clause earlier in the paragraph, when no one else is named in between.
      const earlier = before.pop();
      // A name in the clause's own appositive ("Coan, Santilli's attorney, argued") is no one else named in between.
      const opensSentence = /^\s*$/.test(text.slice(sentence, q.open)) && sentence > (earlier?.at ?? Infinity);
      /** "“...,” 19-year-old Simpson revealed": a name right after the quotation is its speaker, by a verb not known here. */
      const namedRightAfter = (close: number) => {
        const m = mentions[lastMentionBefore(mentions, close) + 1];
        const runsOn = /,\s*$/.test(text.slice(q.contentStart, q.contentEnd)) || /^\s*,/.test(text.slice(close + 1, close + 4));
        return (
          runsOn &&
          m !== undefined &&
          !earlier?.speakers.includes(m.entity) &&
          /^[,\s]*(?:[\p{Ll}\d-]+\s+){0,2}(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(text.slice(close + 1, m.start))
        );
      };
      const uninterrupted =
        earlier &&
        !unnamedDocumentSpeaks.test(text.slice(Math.max(earlier.verbEnd ?? earlier.at, q.open - 600), q.open)) &&
        !someMentionBetween(
          mentions,
          earlier.verbEnd ?? earlier.at,
          q.open,
          // "Greene added that the Fed wants out before the election. “...”": an organization named after the verb
          // of the clause's own sentence speaks no quotation that opens a later sentence.
          (m) =>
            outside(m.start) &&
            !earlier.speakers.includes(m.entity) &&
            !(
              opensSentence &&
              (m.entity.type !== 'person' || (earlier === lastCreditingClause && objectAfterVerb(m))) &&
              sentenceStartOf(m.start) === sentenceStartOf(earlier.at) &&
              m.start > (earlier.verbEnd ?? Infinity)
            ),
        ) &&
        !namedRightAfter(end);
      const credited = clauses.find((c) => c.credits !== undefined && c.credits === q.close);
      // "“... in the next two weeks,” a spokesman said": someone the story does not name spoke it; no one before did.
      // "... held “friendly” talks with the LSE, its chief has said": the sentence ends by giving its words to someone unnamed.
      if (
        !credited &&
        !following &&
        !sentenceEndsAtQuote &&
        (unnamedSpeakerAfter.test(text.slice(end + 1, end + 120)) || unnamedSpeakerEndsSentence.test(text.slice(end + 1, Math.min(paragraph.end, end + 240))))
      ) {
        speakersHere = [];
        lastCreditingClause = undefined;
        continue;
      }
      // "So is it UKIP's job to destroy the Tories, as Kilroy-Silk once declared? “No. ...”": a quotation right after the
      // writer's own question answers it; whoever the question names did not say it.
      const beforeQuote = text.slice(paragraph.start, q.open).trimEnd();
      const answersQuestion = beforeQuote.endsWith('?') && outside(paragraph.start + beforeQuote.length - 1);
      const held = clauses.find((c) => c.holds === q.open);
      const labelled = transcriptSpeakers(text.slice(q.contentStart, Math.min(q.contentEnd, q.contentStart + 40)));
      // "Fears had been expressed that a flood of “fee refugees” ...": words the sentence gives no one, whoever spoke before;
      // "the match, which has been billed as “...”": a name no one in the sentence gave it, unless a clause after it says who wrote so.
      // "The chosen name, “Shinnama”, ...", "the beer-flavoured “Draft One”": a few words quoted inside a sentence that
      // names no speaker are a name or a term, not the words of whoever spoke a sentence before. Unless the sentence
      // goes on reporting them, as a modal says ("the remainder would deal with some of the “unfair taxes”").
      const lead = text.slice(sentence, q.open);
      // A lone quoted word before a noun is a name for the thing, modal or not: "a universal “stop” command".
      const words = countWords(text.slice(q.contentStart, q.contentEnd));
      const termBeforeNoun = words === 1 && /^\s+\p{Ll}+/u.test(text.slice(end + 1, end + 20)) && !notNounAfterTerm.test(text.slice(end + 1, end + 20));
      const fragment = !/^\s*$/.test(lead) && (!reportingModal.test(lead) || termBeforeNoun) && words < 4;
      // A sentence that opens on a lone quoted word before a noun names a thing: "‘Lite’ versions of existing games could ...".
      const opensOnTerm = termBeforeNoun && /^\s*$/.test(lead) && sameSentence === undefined;
      // "Holmes wins '2004 top TV moment'": in a headline only a verb of saying or a colon credits a quotation, never its
      // mere subject ("De Blasio: Trust Bratton, not 'blowhard' Trump", "Christie Calls Clinton ‘A Disgrace’" do).
      const unowned =
        speakerlessSentence.test(lead) ||
        (fragment && sameSentence === undefined && subject === undefined) ||
        opensOnTerm ||
        (paragraph.isHeadline && !(subject && headlineSpeaks(subject.at)));
      const named = passiveNaming.test(text.slice(Math.max(sentence, q.open - 60), q.open));
      const clause = labelled
        ? undefined
        : (credited ??
          following ??
          (named || answersQuestion ? undefined : (held ?? sameSentence ?? (unowned ? undefined : (subject ?? (uninterrupted ? earlier : undefined))))));
      let speakers = labelled ?? clause?.speakers ?? [];
      // "A leaked letter seen by Sky News says “...”": the organization saw the words; the letter says them.
      if (
        clause &&
        /\b(?:seen|obtained|published|reported|cited|quoted|released|leaked)\s+by\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, clause.at - 40), clause.at))
      )
        speakers = [];
      // "Nigel McCune from the Musicians' Union said", "“...,” Anais Faraj, an analyst at Nomura told" (its closing comma
      // missing): the organization stands before the verb, but the speaker is the person it describes.
      if (clause && speakers.length === 1 && speakers[0].type === 'organization') speakers = [personDescribedBy(clause.at) ?? speakers[0]];
      // "Ferguson did not play, with Rovers boss Mark Hughes claiming it had been an “...”": the participle's own subject.
      if (clause && clause === subject) speakers = participleSpeaker(sentence, q.open) ?? speakers;
      let inferred = false;
      if (!labelled && !clause && !earlier) {
        const onlyQuotation = !/\p{L}/u.test(textOutsideQuotes(text, paragraph.start, paragraph.end, quotes));
        const creditLine = onlyQuotation ? creditLineSpeaker(ctx.draft.paragraphs[paragraph.index + 1]) : undefined;
        if (creditLine) speakers = [creditLine];
        else if (q.continues || previousRunsOn || onlyQuotation) {
          speakers = previousSpeakers;
          inferred = previousFromNarration;
        }
      }
      if (speakers.length === 0) continue;
      const quoted = text.slice(q.contentStart, q.contentEnd);
      const leading = quoted.length - quoted.trimStart().length;
      const trailing = quoted.length - quoted.trimEnd().length;
      const credit = { text: quoted.trim(), start: q.contentStart + leading, end: q.contentEnd - trailing };
      for (const speaker of speakers) speaker.quotes.push(inferred ? { ...credit, inferred } : credit);
      speakersHere = clause?.holds !== undefined ? [] : speakers;
      lastCreditingClause = clause;
    }
    previousSpeakers = speakersHere;
    previousFromNarration = false;
    if (speakersHere.length === 1) recentSpeaker = { entity: speakersHere[0], paragraph: paragraph.index };
    previousRunsOn = quotes.some((q) => q.continuesInNext);
  }
}

/** A sentence that opens with a first name and a surname, maybe an appositive, then a verb of saying: "Theresa May, shadow secretary, told". */
const unrecognisedSpeakerSentence = new RegExp(
  `(?:^|[.!?]["”’]?\\s+|\\n)(\\p{Lu}\\p{Ll}+)\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s*,[^,.“”"]{1,100},)?\\s+(?:${speechVerbs})\\b`,
  'gu',
);

/** The people a story may quote without naming: "a spokesman", "one official". */
const unnamedSpeakerNouns = 'spokes(?:man|woman|person)|official|source|aide|adviser|advisor|analyst|lawyer|attorney|insider|staffer';
const unnamedSpeakers = `(?:${unnamedSpeakerNouns})`;

/** An appositive opened and not yet closed before a name: "Christie, who campaigned for ", "Morris, a fellow at the ". */
const appositiveOpen = /,\s*(?:who|whose|a|an|the)\b[^,“”"]*$/u;

/**
 * A later sentence whose subject is a document the story does not name as anyone's, with a verb of saying: "The report
 * warns that ..., but “...”". The quotation that follows is the document's, not the earlier speaker's.
 */
const unnamedDocumentSpeaks =
  /(?:^|[.!?]["”’]?\s+)(?:The|A|An|This|That|Its|Their|His|Her)\s+(?:[\p{L}-]+\s+){0,3}(?:report|study|survey|statement|letter|memo|document|ruling|review|paper|inquiry|audit|analysis|investigation)\s+(?:also\s+)?(?:said|says|warns|warned|found|finds|concluded|concludes|states|stated|argues|argued|notes|noted|adds|added|recommends|recommended)\b/u;

/** A sentence whose speaker the story does not name: "A Home Office spokesman said", "One official told reporters". */
const unnamedSpeakerSentence = new RegExp(
  `(?:^|[.!?]["”’]?\\s+|\\n)(?:A|An|One|Another)\\s+(?:[\\p{L}-]+\\s+){0,4}${unnamedSpeakers}\\s+(?:\\p{Ll}+ly\\s+)?(?:said|says|told|added|explained|insisted|argued)\\b`,
  'u',
);
/** Right after a quotation, a speaker the story does not name: "“...,” a spokesman said", "“...,” said one senior official". */
const unnamedSpeakerAfter = new RegExp(
  `^[\\s,]*(?:(?:an?|one|another)\\s+(?:[\\p{L}-]+\\s+){0,4}${unnamedSpeakers}\\s+(?:\\p{Ll}+ly\\s+)?(?:said|says|told|added|explained)|(?:said|says|told|added|explained)\\s+(?:an?|one|another)\\s+(?:[\\p{L}-]+\\s+){0,4}${unnamedSpeakers})\\b`,
  'u',
);

/** A word after a quoted term that is no noun the term names: "“unworkable” and costly", "“yes” to the plan". */
const notNounAfterTerm =
  /^\s+(?:and|or|but|nor|to|of|in|on|at|for|with|by|as|from|than|that|which|who|whom|is|was|are|were|be|been|being|has|have|had|will|would|could|should|may|might|must|can|said|says|when|while|if|because|so|not|then|too|again|now|only|also|even|yet|here|there|this|these|those|it|he|she|they|we|you|i)\b/u;

/** The rest of a sentence after a quotation, ending on an unnamed speaker: ", its chief has said.", ", his lawyer told reporters." */
const unnamedSpeakerEndsSentence = new RegExp(
  `^[^.!?“”"]*?,\\s*(?:an?|one|another|its|his|her|their)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${unnamedSpeakerNouns}|chief|boss|head|executive|director|president|chairman|chairwoman|leader|manager|owner|founder|wife|husband|mother|father|son|daughter|friend)\\s+(?:(?:has|have|had)\\s+)?(?:said|says|told|added)\\b[^.!?“”"]{0,60}[.!?]`,
  'u',
);

/** Headline verbs of saying in the present that the table does not hold in that form: "Obama slams GOP's ‘doom and despair’". */
const headlineVerbs = new Set(['slams', 'blasts', 'rips']);

/** A modal that carries reported speech on into the next sentence ("The plans would help", "Any exit strategy must"). */
const reportingModal = /\b(?:would|must|should|could|will|might)\b/i;

/** A name given in the passive, with no one giving it: "which has been billed as", "is widely known as", "was dubbed". */
const passiveNaming =
  /\b(?:(?:is|was|are|were|been|being|be)\s+(?:\p{Ll}+ly\s+)?(?:billed|dubbed|labell?ed|branded|touted|nicknamed|known|termed|referred\s+to)(?:\s+as)?(?:\s+(?:an?|the))?|(?:going|goes|went)\s+by\s+the\s+name(?:\s+of)?|under\s+the\s+name)\s*$/u;

/** A sentence that reports words in the passive, giving them to no one: "Fears had been expressed that", "It is claimed that", "Despite being told". */
const speakerlessSentence =
  /\b(?:(?:has|have|had)\s+been\s+(?:expressed|raised|voiced|aired)|it\s+(?:is|was|has\s+been|had\s+been)\s+(?:said|claimed|reported|alleged|suggested|rumou?red)|(?:being|been)\s+told)\b/i;

/** Two to ten words, each capitalised but for a title's small words: "Face the Nation", "Fox and Friends", "All Bets Are Off." */
function isTitleCased(words: string): boolean {
  const list = words.trim().split(/\s+/);
  return (
    list.length >= 2 &&
    list.length <= 10 &&
    /^[\p{Lu}\p{N}]/u.test(list[0]) &&
    list.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:a|an|the|and|but|or|of|in|on|at|to|for|by|with|from|as)$/.test(w))
  );
}

/** A programme a speaker appears on: "said Thursday on CBS's “Face the Nation.”", "told MSNBC's “Morning Joe” that ...". */
const programmeAfterSpeech =
  /\b(?:said|says|told|tells|speaking|spoke|appeared|appearing)\s+(?:[\p{L}\d]+\s+){0,3}?(?:(?:on|to)\s+(?:\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)?['’]s\s+)?|\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)?['’]s\s+)$/u;
/** A sentence that opens with the programme: "On “Face the Nation,” Sanders ...", "On Tuesday’s episode of “The Morning Show,” she ...". */
const programmeOpening = /(?:^|[.;!?]["”’]?\s+)On\s+(?:[^.;]{0,40}\s(?:(?:episode|broadcast|edition)\s+of|(?:website|site|blog|page),)\s+)?$/u;
/** A kind of programme after the title: "his “Keepin' It Real” radio program", "Microsoft's “Plays for Sure” program". */
const programmeAfter = /^[,.]?\s+(?:(?:radio|television|TV|talk|news)\s+)?(?:program|programme|show|podcast|series)s?\b/u;

/**
 * A quotation that is the title of a programme, where no one's words can stand: title-cased, after a verb
 * of saying and "on" ("Clinton said on ABC’s “This Week” on Sunday"), opening the sentence ("On “Face the
 * Nation,” Sanders ..."), or before the word "program". A title inside what someone said ("Starr said it
 * reminded him of the book titled “The Tragedy of Lyndon Johnson”") stays part of it, as PolNeAR's gold has it;
 * so does "Trump called him “Lyin' Ted”".
 */
function namesWork(text: string, q: Quotation): boolean {
  const quoted = text.slice(q.contentStart, q.contentEnd).replace(/[,.]\s*$/, '');
  if (!isTitleCased(quoted)) return false;
  const before = text.slice(Math.max(0, q.open - 80), q.open);
  // Past the closing mark, one character or the two of a doubled straight mark ('').
  const afterClose = q.close === undefined ? q.contentEnd : q.close + (text.startsWith("''", q.close) ? 2 : 1);
  const after = text.slice(afterClose, afterClose + 40);
  return programmeAfterSpeech.test(before) || programmeOpening.test(before) || programmeAfter.test(after);
}

/**
 * "'All Bets Are Off.'" as a paragraph of its own: a newspaper's subhead set in quotation marks, not a quotation running on.
 * Asked only of a paragraph's one quotation (with two, neither is the whole paragraph), so a paragraph of thousands
 * of quotations is not copied once for each.
 */
function isQuotedSubhead(text: string, paragraph: Paragraph, q: Quotation): boolean {
  return (
    text.slice(paragraph.start, paragraph.end).trim() === text.slice(q.open, (q.close ?? q.contentEnd - 1) + 1).trim() &&
    isTitleCased(text.slice(q.contentStart, q.contentEnd))
  );
}

/** The capitalised words before a role noun, a run of them as one place: "the New Jersey governor" -> "new jersey". */
function placesIn(modifiers: string): string[] {
  return modifiers
    .split(/\s+/)
    .map((w) => (/^\p{Lu}/u.test(w) && !/^(?:The|Former|Republican|Democratic|Democrat|GOP|Independent|Libertarian)$/.test(w) ? foldName(w) : ''))
    .join(' ')
    .split(/\s{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The state abbreviations of the entity tables, without their inner dots too ("n.j" -> "nj"). */
const stateAbbreviationSet = new Set([...stateAbbreviations].map((a) => a.replace(/\./g, '')));
/** The folded text names the place, in full or by its state abbreviation ("Fla." or "R-Fla." for Florida, "N.J." for New Jersey). */
function namesPlace(folded: string, place: string): boolean {
  if (folded.includes(place)) return true;
  const name = place.replace(/\s+/g, '');
  return folded.split(/[^\p{L}.]+/u).some((word) => {
    const letters = word.replace(/\./g, '');
    if (!stateAbbreviationSet.has(letters) || letters[0] !== name[0]) return false;
    // Its letters stand in the name in order: "vt" in "vermont", never in "virginia".
    let k = 0;
    for (const ch of name) if (ch === letters[k]) k++;
    return k === letters.length;
  });
}

/** Where the spaces before the last word start, or -1 (a loop: /\s+\S+$/ goes quadratic on a run of spaces). */
function spaceBeforeLastWord(text: string): number {
  let wordStart = text.length;
  while (wordStart > 0 && !/\s/u.test(text[wordStart - 1])) wordStart--;
  let spaceStart = wordStart;
  while (spaceStart > 0 && /\s/u.test(text[spaceStart - 1])) spaceStart--;
  return wordStart < text.length && spaceStart < wordStart ? spaceStart : -1;
}

/** "..., told CBS News": the last comma-separated part opens with "told" or "asked" (read from the last comma: an end-anchored regex is quadratic). */
function toldAfterLastComma(text: string): boolean {
  const comma = text.lastIndexOf(',');
  return comma >= 0 && /^\s*(?:told|tells|asked|asks)\s/.test(text.slice(comma + 1));
}

/** Index of the last mention that starts before offset, or -1. */
function lastMentionBefore(mentions: PlacedMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether a mention that starts after one offset and before another passes the test (a search, not a scan of every mention in the draft). */
function someMentionBetween(mentions: PlacedMention[], after: number, before: number, test: (m: PlacedMention) => boolean): boolean {
  for (let i = lastMentionBefore(mentions, after + 1) + 1; i < mentions.length && mentions[i].start < before; i++) if (test(mentions[i])) return true;
  return false;
}

/** Words that cannot stand in a description before a name: they bring in another person, a clause or a document. */
const notDescription =
  /^(?:for|of|to|from|with|by|at|in|on|about|as|that|this|who|which|and|or|but|not|his|her|their|its|after|before|when|while|during|into|than|is|was|were|be|been|statement|report|letter|email|tweet|post|release|ad|video|book|memo|interview|speech)$/i;
/** Between an inverted verb and the name, a short description: "said Virginia delegate", "said retired neurosurgeon". */
function descriptionOnly(words: string): boolean {
  const list = words.trim().split(/\s+/).filter(Boolean);
  // "added his campaign manager": a possessive may open the description, as an article does. It ends no sentence:
  // '"...," said Walker. He told the Herald newspaper: "..."' puts a new subject before the verb's listener.
  return (
    list.length <= 4 &&
    !list.some((w, i) => /[.!?]$/.test(w) && /^\p{Lu}/u.test(list[i + 1] ?? '')) &&
    list.every((w, i) => (i === 0 && /^(?:the|a|an|one|another|his|her|their|its)$/i.test(w)) || (!notDescription.test(w) && !/(?:ing|ly)$/.test(w)))
  );
}

/** Between an inverted verb and the name, only a title may stand: "said Mayor", "said the state's attorney general". */
function titleWordsOnly(words: string): boolean {
  const list = words.trim().split(/\s+/).filter(Boolean);
  if (list.length === 0) return true;
  // "wrote Ida Vance for Harbor Analytics": a full name, then the organization it writes for.
  if (/\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}.'’-]+\s+(?:for|of|at|with|from)$/u.test(words.trim())) return false;
  return list.every(
    (w, i) =>
      /^\p{Lu}/u.test(w) ||
      roleNouns.has(foldName(w).replace(/[.'’s]+$/, '')) ||
      (i === 0 && /^(?:the|a|an)$/i.test(w)) ||
      // "of" and "for" join a title's words ("Secretary of State"), never open one: "said of Cole" names whom it is about.
      (i > 0 && /^(?:of|for|and)$/i.test(w)) ||
      /^(?:the|state['’]s|former|top|chief|senior|general|ranking)$/i.test(w),
  );
}

function textOutsideQuotes(text: string, start: number, end: number, quotes: Quotation[]): string {
  let out = '';
  let at = start;
  for (const q of [...quotes].sort((a, b) => a.open - b.open)) {
    if (q.open > at) out += text.slice(at, q.open);
    at = Math.max(at, (q.close ?? q.contentEnd) + 1);
  }
  return out + text.slice(Math.min(at, end), end);
}
