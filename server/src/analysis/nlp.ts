// The only file that imports compromise. It parses one paragraph at a time and
// keeps plain extracted results (words, a few tags, compromise's own name
// spans), never compromise documents: a document holds about a kilobyte per
// word, and the cache below would otherwise pin whole stories in memory.
//
// compromise is loaded on first use, so a server that only checks quotation
// marks never pays the ~250 ms it takes to load. Its lexicon is global and
// persists between calls, so nothing here ever adds per-draft words to it.

import type nlpType from 'compromise';
import { TextCache } from './cache';

/** The tags later stages read; the rest are dropped to keep cached results small. */
const keptTags = new Set([
  'Person',
  'FirstName',
  'LastName',
  'MaleName',
  'FemaleName',
  'Honorific',
  'Organization',
  'SportsTeam',
  'Place',
  'Country',
  'City',
  'Region',
  'Address',
  'Month',
  'WeekDay',
  'Date',
  'Holiday',
  'ProperNoun',
  'Acronym',
  'Abbreviation',
  'Possessive',
  'Verb',
  'Adjective',
  'Adverb',
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Value',
  'Actor',
  'Demonym',
  'Expression',
  'Plural',
  'QuestionWord',
]);

export interface NlpWord {
  /** Offsets relative to the paragraph, UTF-16 units; hyphenated parts are joined ("al-Assad"). */
  start: number;
  end: number;
  text: string;
  /** compromise's normal form: lower case, diacritics folded, possessive kept. */
  normal: string;
  tags: string[];
  /** Index of the sentence within the paragraph. */
  sentence: number;
  /** First word of its sentence: its capital says nothing about being a name. */
  sentenceStart: boolean;
  /** Ends in 's or ’s (or a bare ' after s); the range above excludes it. */
  possessive: boolean;
  /** Punctuation and spaces before and after the word, as compromise saw them. */
  pre: string;
  post: string;
}

export interface NlpSpan {
  start: number;
  end: number;
}

export interface NlpParagraph {
  words: NlpWord[];
  /** compromise's own people(), organizations() and places(), trimmed to words, possessives excluded. */
  people: NlpSpan[];
  organizations: NlpSpan[];
  places: NlpSpan[];
}

type Nlp = typeof nlpType;
let loaded: Nlp | undefined;

/** A match rule of compromise's post-tagger: a pattern and the tags it gives the words it matches. */
export interface PostTaggerRule {
  match?: string;
  tag?: string | string[];
}

/** The tags of the post-tagger's rules that are kept: those of people's and organizations' names. */
const nameTags = new Set(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Organization', 'SportsTeam']);

/**
 * Whether a parse runs this rule of compromise's post-tagger. The post-tagger
 * is a sweep of about 570 match rules over every sentence that corrects the
 * tags the lexicon and the pre-tagger gave ("the campaign" is a noun after
 * all); it was two fifths of the entity pass's CPU. Only the 62 rules that
 * tag a name are kept ("Andrew Lloyd Webber", "Pope Francis", "Acme Corp"):
 * compromise's name tags and its people() and organizations() are evidence
 * for the entity pass and features of the trained tagger, and without them
 * the entity pass lost 0.7 points of ORG F1 on CoNLL-2003 testa (80.7 to
 * 80.0). The other rules correct parts of speech ("to", "that", a noun after
 * "the" read as a verb); the tagger was retrained without them (npm run
 * train:ner). The 62 rules cost about a quarter of what the whole sweep did.
 */
export function keepsPostTaggerRule(rule: PostTaggerRule): boolean {
  return [rule.tag ?? '']
    .flat()
    .join(' ')
    .split(/[\s#]+/)
    .some((tag) => nameTags.has(tag));
}

function compromise(): Nlp {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('compromise') as Nlp;
    // The chunker groups words into noun and verb phrases, which nothing here reads; it only
    // labels terms (never tags them), so leaving it out changes no result and saves a twentieth of a parse.
    const world = loaded.world() as { hooks: string[]; model: { two: { matches: PostTaggerRule[] } } };
    world.hooks = world.hooks.filter((hook) => hook !== 'chunks');
    // The post-tagger builds its index of the rules on its first run, so they are chosen before any parse.
    world.model.two.matches = world.model.two.matches.filter(keepsPostTaggerRule);
  }
  return loaded;
}

/**
 * The tags compromise's own lexicon gives a word, without reading any sentence
 * around it; undefined when the lexicon does not know the word (most surnames,
 * and most misspellings of anything).
 */
export function lexiconTags(word: string): readonly string[] | undefined {
  const world = compromise().world() as unknown as { model: { one: { lexicon: Record<string, string | string[] | undefined> } } };
  const lexicon = world.model.one.lexicon;
  const key = word.toLowerCase();
  // An own property only: "constructor" is no word the lexicon knows.
  const entry = Object.hasOwn(lexicon, key) ? lexicon[key] : undefined;
  return typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : undefined;
}

/** Whether compromise has been loaded yet (for tests of the lazy start). */
export function isNlpLoaded(): boolean {
  return loaded !== undefined;
}

/**
 * Room for every paragraph of the drafts a reporter has open, up to a few of
 * 100,000 words (about 600 KB each): a cache smaller than a draft would evict
 * paragraphs before the entity pass reads them again, and parse them anew
 * while a request waits. Parsed paragraphs take about 60 bytes a character.
 */
const cache = new TextCache<NlpParagraph>(250_000, 3_000_000);

/**
 * Longest paragraph parsed. A longer one is no paragraph of prose (a pasted
 * table, a log, a single 1 MB line) and compromise would take seconds over it
 * in one piece, with the server deaf meanwhile: it is read as having no names.
 */
export const maxParsedParagraph = 20_000;

const emptyParagraph: NlpParagraph = { words: [], people: [], organizations: [], places: [] };

/** Words and name spans of one paragraph, cached by the paragraph's text. */
export function parseParagraph(text: string): NlpParagraph {
  if (text.length > maxParsedParagraph) return emptyParagraph;
  return cache.get(text, () => extract(text));
}

/** Whether parseParagraph(text) would answer from the cache. */
export function isParagraphParsed(text: string): boolean {
  return text.length > maxParsedParagraph || cache.has(text);
}

export function clearNlpCache(): void {
  cache.clear();
}

/** A term as compromise holds it, after compute('offset'). */
interface RawTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags: Set<string>;
  offset: { start: number; length: number };
}

/** A compromise view: its sentences or matches, each a list of the document's own terms. */
interface RawView {
  docs: RawTerm[][];
}

const possessiveEnding = /(?:['’]s|(?<=s)['’])$/i;

/** A capitalised word and a lower-case one that compromise keeps as one term across a comma with no space after it. */
const gluedAtComma = /^(\p{Lu}[\p{L}\p{M}.'’&-]*),(\p{Ll}[\p{L}\p{M}'’-]*)$/u;

/**
 * An editor's closing bracket inside a quotation ("[New Jersey Gov. Chris]
 * Christie", "[Green Party hopeful Jill] Stein") closes words the speaker
 * meant, and never ends a name: read past it, as a reader does. An opening
 * bracket still stands between two names ("the EEOC [Equal Employment ...]").
 */
function withoutClosingBracket(punctuation: string): string {
  return punctuation.includes(']') ? punctuation.replace(/\]/g, '') : punctuation;
}

/**
 * A name as it is shown: a mention may run across an editor's bracket
 * ("[New Jersey Gov. Chris] Christie"), which is no part of the name. The
 * mention keeps its text as written, so that rename and fixes edit it as it is.
 */
export function withoutEditorBrackets(name: string): string {
  return name.includes('[') || name.includes(']') ? name.replace(/[[\]]/g, '') : name;
}

function extract(text: string): NlpParagraph {
  if (!/\p{L}/u.test(text)) return { words: [], people: [], organizations: [], places: [] };
  const doc = compromise()(text);
  // Offsets once, on the document's terms, which every view below shares: read directly, not through json(), which computes them anew.
  doc.compute('offset');
  const words: NlpWord[] = [];
  (doc as unknown as RawView).docs.forEach((sentence, sentenceIndex) => {
    let first = true;
    for (const term of sentence) {
      const start = term.offset.start;
      let end = start + term.offset.length;
      // compromise's offset covers the term's text; check rather than trust it.
      if (text.slice(start, end) !== term.text) {
        const found = text.indexOf(term.text, Math.max(0, start - 2));
        if (found < 0) continue;
        end = found + term.text.length;
      }
      const wordStart = end - term.text.length;
      const tags = [...term.tags].filter((t) => keptTags.has(t));
      const previous = words[words.length - 1];
      // compromise splits "Jean-Pierre" into two terms; a name is one word to us.
      if (
        previous &&
        previous.sentence === sentenceIndex &&
        previous.end + 1 === wordStart &&
        /^[-‐‑]$/.test(text[previous.end]) &&
        previous.post.trim() === text[previous.end]
      ) {
        previous.end = end;
        previous.text = text.slice(previous.start, end);
        previous.normal = `${previous.normal}-${term.normal}`;
        previous.tags = [...new Set([...previous.tags, ...tags])];
        previous.post = term.post;
        continue;
      }
      // A comma typed without its space ("Gartner,downloaded", "European Union,dismissed") ends the word before it.
      const glued = gluedAtComma.exec(term.text);
      if (glued) {
        const after = wordStart + glued[1].length + 1;
        words.push(
          {
            start: wordStart,
            end: after - 1,
            text: glued[1],
            normal: foldName(glued[1]),
            tags,
            sentence: sentenceIndex,
            sentenceStart: first,
            possessive: false,
            pre: term.pre,
            post: ',',
          },
          {
            start: after,
            end,
            text: glued[2],
            normal: foldName(glued[2]),
            tags: (lexiconTags(glued[2]) ?? []).filter((t) => keptTags.has(t)),
            sentence: sentenceIndex,
            sentenceStart: false,
            possessive: false,
            pre: '',
            post: withoutClosingBracket(term.post),
          },
        );
        first = false;
        continue;
      }
      words.push({
        start: wordStart,
        end,
        text: term.text,
        normal: term.normal,
        tags,
        sentence: sentenceIndex,
        sentenceStart: first,
        possessive: false,
        pre: term.pre,
        post: withoutClosingBracket(term.post),
      });
      first = false;
    }
  });
  for (const word of words) {
    const m = possessiveEnding.exec(word.text);
    if (m && word.text.length > m[0].length) {
      word.possessive = true;
      word.end -= m[0].length;
      word.text = word.text.slice(0, -m[0].length);
    }
  }
  const spans = (view: unknown): NlpSpan[] =>
    (view as RawView).docs
      .map((terms) => {
        if (terms.length === 0) return undefined;
        const start = terms[0].offset.start;
        let end = terms[terms.length - 1].offset.start + terms[terms.length - 1].offset.length;
        const m = possessiveEnding.exec(text.slice(start, end));
        if (m) end -= m[0].length;
        return end > start ? { start, end } : undefined;
      })
      .filter((s): s is NlpSpan => s !== undefined);
  return {
    words,
    people: spans(doc.people()),
    organizations: spans(doc.organizations()),
    places: spans(doc.places()),
  };
}

const foldedLetters: Record<string, string> = { ß: 'ss', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE' };

/** Printable ASCII but the backquote: nothing to fold but the case. */
const plainAscii = /^[\x20-\x5f\x61-\x7e]*$/;

/** Lower case with diacritics removed, for matching "Çavuşoğlu" with "Cavusoglu". */
export function foldName(text: string): string {
  // Most words are plain ASCII; the normalisation below is the costly part (called for every word, several times).
  if (plainAscii.test(text)) return text.toLowerCase();
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/ı/g, 'i')
      // Letters that Unicode does not decompose into a base letter and a mark.
      .replace(/[ßøØłŁđĐæÆœŒ]/g, (c) => foldedLetters[c])
      .replace(/[’‘`´]/g, "'")
      .replace(/[‐‑–—]/g, '-')
      .toLowerCase()
  );
}
