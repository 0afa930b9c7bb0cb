// The words of a paragraph as the entity pass reads them: compromise's words
// with folded forms and capitalisation, and how consecutive words join.

import { foldName, lexiconTags, type NlpParagraph } from '../nlp';
import { functionWords, honorifics, occupationEnding, roleWords, securityNouns } from './tables';
import type { Word } from './types';

/**
 * The words of one paragraph, offsets relative to the paragraph. Not kept per
 * parsed paragraph: the NLP cache holds every paragraph of the open drafts, and
 * their words beside them cost over 100 MB on a 100,000-word draft.
 */
export function paragraphWords(parsed: NlpParagraph): Word[] {
  return readWords(parsed);
}

/**
 * "Ryan…to", "Ariz.--John": compromise keeps one term across an ellipsis or a double hyphen with no space. The name
 * is the capitalised side: the part after the break when it is capitalised, else the part before it.
 */
const joinedAcrossBreak = /^(.*?\p{L}\.?)(…|\.\.\.|--|—)(\p{L}.*)$/u;

function splitAtBreak(w: NlpParagraph['words'][number]): { start: number; end: number; text: string; pre: string; post: string } {
  if (!/…|\.\.|--|—/.test(w.text)) return w;
  const parts = joinedAcrossBreak.exec(w.text);
  if (!parts) return w;
  const [, before, mark, after] = parts;
  if (isCapitalised(after)) return { start: w.end - after.length, end: w.end, text: after, pre: w.pre + before + mark, post: w.post };
  return { start: w.start, end: w.start + before.length, text: before, pre: w.pre, post: mark + after + w.post };
}

function readWords(parsed: NlpParagraph): Word[] {
  return parsed.words.map((w, index) => {
    const cut = splitAtBreak(w);
    const fold = foldName(cut.text);
    // A word has a handful of tags: a scan is as quick as a Set and allocates nothing.
    const tags = w.tags;
    // Every field spelt out, not `{ ...w, index, ... }`: a spread that adds fields takes V8's
    // slow path, about 10 us a word here against 0.04 us, and it held back two worker threads
    // far more than one (the workspace index of BBC's 2,225 articles: 144 -> 82 s of CPU).
    return {
      start: cut.start,
      end: cut.end,
      text: cut.text,
      normal: w.normal,
      tags,
      sentence: w.sentence,
      sentenceStart: w.sentenceStart,
      possessive: w.possessive,
      pre: cut.pre,
      post: cut.post,
      index,
      sentenceId: w.sentence,
      fold,
      bare: fold.replace(/\.$/, ''),
      capitalised: isCapitalised(cut.text),
      has: (tag: string) => tags.includes(tag),
    };
  });
}

/**
 * Where compromise starts a sentence or a quotation opens: what the draft-wide evidence reads (measured on
 * CoNLL-2003 testa, the sentence ends compromise misses are better left as they are there: "match.
 * Birmingham's Gary Breen" counts Birmingham as capitalised mid-sentence, which keeps it a name).
 */
export const compromiseOpensSentenceOrQuote = (w: Word) => w.sentenceStart || /["“‘(]\s*$/.test(w.pre);

/**
 * A word that opens a sentence, a quotation ('' marks included), an interview's answer or the copy after a dateline. compromise
 * sometimes runs a sentence on past its end ("... run amok." Some Clinton allies", "Who? Is Obama") and
 * past a dateline's dash ("MANCHESTER, N.H. — It was"): the word before says so.
 */
export function opensSentenceOrQuote(words: readonly Word[], i: number): boolean {
  const w = words[i];
  if (w.sentenceStart || /["“‘'(]\s*$/.test(w.pre)) return true;
  const before = words[i - 1];
  if (!before) return true;
  // A full stop after a lower-case word or an acronym ends a sentence ("gun control. Rather,", "its chief executive and CEO. That");
  // after "Mr.", "U.S." or "7." (a list) it need not.
  const fullStop = /^\.\s+$/.test(before.post) && /^(?:\p{Ll}{2,}|\p{Lu}{3,5})$/u.test(before.text) && !['vs', 'etc', 'approx'].includes(before.text);
  // An interview's "Q:" and "A:" open what follows.
  const interview = /^[QA]$/.test(before.text) && /^:\s+$/.test(before.post);
  return (
    fullStop ||
    interview ||
    /[.!?]["”’']+\s+$|[!?]\s+$/.test(before.post) ||
    (/^\)?\s+(?:[—–]|--?)\s+$/.test(before.post) && /^[\p{Lu}.]{2,}$/u.test(before.text))
  );
}

/**
 * Whether a word that opens a sentence, a quotation or a numbered item may be dropped from the front of a name. Where compromise
 * saw the sentence start, always; where only the word before says so (opensSentenceOrQuote), only a function
 * word, a word before a person's name or one standing alone ("Some Clinton allies", "Is Obama", "Rather,"):
 * another word before a capitalised common word may begin an organization's name.
 */
export function mayDropOpener(words: readonly Word[], i: number, last: number): boolean {
  // A list item's first word ("5) Can Sanders take a punch?"): a function word only, as "7. Chris Christie" opens with a name.
  const before = words[i - 1];
  const listNumber = before && /^\d{1,3}[.)]?$/.test(before.text) && /^[.)]?\s+$/.test(before.post) && /[.)]/.test(before.text + before.post);
  if (listNumber && functionWords.has(words[i].bare)) return true;
  const next = words[i + 1];
  const beforePerson = () => ['Person', 'FirstName', 'LastName', 'Honorific'].some((t) => next.has(t));
  // A colon may open a clause ("intervened: If Sanders would debate"), or a title ("We Love: My Family Divided"): a function word alone or before a person's name.
  if (before && /^:\s+$/.test(before.post) && functionWords.has(words[i].bare) && (i === last || beforePerson())) return true;
  // "tell the FT. But Rover told", "Malcolm X. Besides Dee": after a full stop the sentence reader took for an
  // abbreviation's or an initial's, a closed-class word still opens one.
  if (before && /\.\s+$/.test(before.post) && functionWords.has(words[i].bare) && i < last) return true;
  if (!opensSentenceOrQuote(words, i)) return false;
  if (compromiseOpensSentenceOrQuote(words[i]) || i === last || functionWords.has(words[i].bare)) return true;
  return beforePerson();
}

/** Spaces other than the plain one: web copy often puts a no-break space between a first name and a surname ("Marco\u00a0Rubio"). */
const otherSpace = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const otherSpaces = new RegExp(otherSpace.source, 'g');

/** The paragraph as the entity pass reads it: every space a plain one, the length kept so that no offset moves. */
export function withPlainSpaces(text: string): string {
  return otherSpace.test(text) ? text.replace(otherSpaces, ' ') : text;
}

export function isCapitalised(text: string): boolean {
  if (/^\p{Lu}/u.test(text)) return /\p{L}/u.test(text.slice(1)) || text.length === 1;
  // "al-Assad", "bin Laden" style prefixes are lower case but part of a name; so is a particle written onto the
  // surname ("Leonardo diCaprio", "Neil deGrasse Tyson").
  return /^(?:al|el|ul|ad|as|ash|ibn|bin|d|o)[-'’]\p{Lu}/u.test(text) || /^(?:di|de|da|du|la|le|van|von)\p{Lu}\p{Ll}/u.test(text);
}

/** The initials of a name's capitalised words, in capitals: "Communications Workers of America" -> "CWA". */
export const initialsOf = (span: readonly Word[]): string =>
  span
    .filter((w) => w.capitalised)
    .map((w) => w.text[0])
    .join('')
    .toUpperCase();

export const isAcronym = (w: Word) => /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(w.text);

export function gapIsSpace(text: string, a: Word, b: Word): boolean {
  return /^[ \t]+$|^ ?\r?\n? ?$/.test(text.slice(a.end, b.start)) && b.start > a.end;
}

/** Whether word b continues the name that ends with word a. */
/** Titles written as abbreviations, with a period: "Gov.", "Sen.", "Lt.", "Mme." (not "Queen" or "President"). */
const titleAbbreviations = new Set(
  'mr mrs ms mx dr drs prof rev fr sr sen sens rep reps gov govs lt gen gens col maj capt cpt sgt cpl pvt adm cmdr cdr brig mme supt sec atty messrs st insp det'.split(
    ' ',
  ),
);

export function continuesName(text: string, a: Word, b: Word): boolean {
  if (a.possessive || b.index !== a.index + 1) return false;
  const gap = text.slice(a.end, b.start);
  // Only a title's abbreviation takes a period inside a name: "Sen. Ada Whitcomb", not "Dancing Queen. Abba wrote".
  const initialOrTitle = a.text.length === 1 || a.has('Abbreviation') || (honorifics.has(a.bare) && titleAbbreviations.has(a.bare));
  // compromise ends a sentence at "Sen." or "A." before a name; a name does not. "CEO. That" ends one.
  if (a.sentenceId !== b.sentenceId)
    return initialOrTitle && /^\. $/.test(gap) && b.capitalised && /^\p{Lu}(?:\p{Ll}*|\p{Lu})$/u.test(a.text) && !functionWords.has(b.bare);
  // An editor's bracket closed inside a name: "[New Jersey Gov. Chris] Christie".
  if (/^ $|^\] $/.test(gap)) return true;
  // An initial or abbreviation with its period: "J. Smith", "Acme Corp. Ltd".
  // "Malcolm X. Besides Dee": a closed-class word after the period opens a sentence compromise did not end.
  if (/^\. $/.test(gap) && initialOrTitle) return !functionWords.has(b.bare);
  return gapIsSpace(text, a, b) && !/\n/.test(gap);
}

export function continuesSentence(text: string, a: Word, b: Word): boolean {
  return a.sentenceId === b.sentenceId && /^[\s,]*$/.test(text.slice(a.end, b.start)) && !a.possessive;
}

/** A lower-case word that says what a person does: "striker", "pediatrician", "spokesman". */
export function isRoleWord(w: Word): boolean {
  if (w.capitalised) return roleWords.has(w.bare);
  return roleWords.has(w.bare) || (occupationEnding.test(w.bare) && !w.has('Verb') && !w.has('Adjective'));
}

/** The name ending with this word stands before its stock or shares ("Jones stock closed"): a company, never a person. */
export function namesSecurity(words: readonly Word[], last: number): boolean {
  const next = words[last + 1];
  return next !== undefined && !next.capitalised && securityNouns.has(next.fold) && /^[ \t]+$/.test(words[last].post) && next.pre === '';
}

/** A word compromise knows as a first name. */
export const isFirstName = (w: Word) => w.has('FirstName') || w.has('MaleName') || w.has('FemaleName');

/** A capitalised place or group joined to a participle that says where someone is from: "Alabama-based", "Mo.-based". */
const placeAdjective = /^\p{Lu}[\p{L}.]*-(?:based|born|bred|raised|led|backed|owned|funded|run)$/u;

/**
 * "the Alabama-based Phil Waldrep Ministries", "St. Louis-based Mercantile Bancorp": where a name is based or
 * born is no part of it. Returns the index of the name's first word after such a place, or `first`.
 */
export function afterPlaceAdjective(words: readonly Word[], first: number, last: number): number {
  for (let k = Math.min(last - 1, first + 3); k >= first; k--) if (placeAdjective.test(words[k].text)) return k + 1;
  return first;
}

/** "“Well, this is where...”", "Look, we will": an interjection and its comma open what someone says; they name no one. */
export const isInterjection = (w: Word): boolean =>
  /^(?:well|yes|oh|ok|okay|look|listen|now|hey|sure|please|thanks|wow|sorry|alright)$/.test(w.bare) && /^,/.test(w.post);

/** "super PAC Priorities USA Action": the kind of committee before its name, never part of it. */
export const opensAfterSuperPac = (words: readonly Word[], i: number): boolean => words[i].bare === 'pac' && words[i - 1]?.fold === 'super';

/** A lower-case noun right before a word, in its sentence: "office" makes "box office hits" a noun. */
const isNounBefore = (w: Word | undefined, sentence: number): boolean =>
  w !== undefined && w.sentenceId === sentence && !w.capitalised && w.has('Noun') && !w.has('Pronoun') && /^\s+$/.test(w.post);

/**
 * The plural noun that introduces a list a name stands in, past the names, commas and "and" before it: "classics" for
 * each of "such classics as Super Trouper, SOS and Dancing Queen", "firms" for each of "firms like Dell, LG and Philips".
 * With `forWorks`, also a list after "include" and one right after its plural noun.
 */
export function listNoun(words: readonly Word[], first: number, forWorks = false): Word | undefined {
  const sentence = words[first].sentenceId;
  let k = first - 1;
  while (
    k >= 0 &&
    k > first - 16 &&
    words[k].sentenceId === sentence &&
    (words[k].capitalised || /^(?:and|or|the)$/.test(words[k].fold) || /^\d+$/.test(words[k].text))
  )
    k--;
  const link = words[k];
  if (!link || link.sentenceId !== sentence) return undefined;
  let noun: Word | undefined;
  if (link.fold === 'as') noun = words[k - 1]?.fold === 'such' ? words[k - 2] : words[k - 1];
  else if (link.fold === 'like' || link.fold === 'including') noun = words[k - 1];
  // For works only, "whose films include Schindler's List, Michael Collins and ..." and "box office hits Vera Drake,
  // Calendar Girls and Enduring Love" ("Inbev brands include Bass" are beers; "publishers Jann Wenner and ..." people).
  else if (forWorks && /^(?:include|includes|included)$/.test(link.fold)) noun = words[k - 1];
  // A noun before "hits" makes it one, whatever the tagger reads ("Clinton hits Trump" is a verb).
  else if (forWorks && /s$/.test(link.bare) && /^\s+$/.test(link.post) && (!link.has('Verb') || isNounBefore(words[k - 1], sentence))) noun = link;
  return noun?.sentenceId === sentence ? noun : undefined;
}

/** The mention at `start` follows "the" ("the Sams", "the Times"): a short form or a family, not a name of its own. */
export const followsThe = (text: string, start: number): boolean => /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start));

/** Nationalities in "-ish" compromise's lexicon does not tag as one ("British", "Irish"). */
const ishNationalities = /^(?:british|irish|english|welsh|scottish|spanish|turkish|swedish|danish|finnish|polish|kurdish|flemish|cornish)$/;

/** A nationality: "the British Potato Council", "the Norwegian Broadcasting Corporation". */
export const isNationality = (w: Word): boolean => w.has('Demonym') || ishNationalities.test(w.bare) || lexiconTags(w.bare)?.includes('Demonym') === true;
