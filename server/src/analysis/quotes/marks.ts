// Marks: which quote glyphs are quotation marks, and which way they face.
// Apostrophes, elisions and primes are told apart here.

import type { ApostropheMark, QuoteKind } from './types';

export type Direction = 'open' | 'close' | 'either' | 'maybeClose';

export interface Token {
  at: number;
  glyph: string;
  kind: QuoteKind;
  dir: Direction;
  curly: boolean;
}

export const curlyGlyphs = new Set(['“', '”', '‘', '’', '„', '‚']);
const doubleGlyphs = new Set(['"', '“', '”', '„', '«', '»', "''", '‘‘', '’’', '``']);

/** Partner glyph used when a fix inserts the missing half of a pair. */
export const closingPartner: Record<string, string> = {
  '"': '"',
  "''": "''",
  "'": "'",
  '“': '”',
  '„': '“',
  '‘': '’',
  '«': '»',
  '‹': '›',
  '‘‘': '’’',
  '``': "''",
  '`': "'",
};
export const openingPartner: Record<string, string> = {
  '"': '"',
  "''": "''",
  "'": "'",
  '”': '“',
  '’': '‘',
  '»': '«',
  '›': '‹',
  '“': '„',
  '’’': '‘‘',
};

/** The typesetting family of a mark: a paragraph's (a draft's) marks normally all come from one. */
export function glyphFamily(glyph: string): 'straight' | 'curly' | 'backtick' | 'guillemet' {
  if (glyph[0] === '"' || glyph[0] === "'") return 'straight';
  if (glyph[0] === '`') return 'backtick';
  if ('«»‹›'.includes(glyph[0])) return 'guillemet';
  return 'curly';
}

export const isQuoteChar = (c: number) => c === 0x22 || c === 0x27 || (c >= 0x2018 && c <= 0x201e) || c === 0xab || c === 0xbb || c === 0x2039 || c === 0x203a;
/**
 * Invisible format characters: a soft hyphen, zero-width spaces and joiners, the
 * direction marks and embeddings web copy carries (‪”Sorry Sarah...), a byte-order mark.
 */
export const isInvisible = (c: number) =>
  c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
/** Emphasis markers and invisible characters are transparent when looking at a mark's neighbours: *"quote"*. */
export const isTransparent = (ch: string) => ch === '*' || ch === '_' || isInvisible(ch.charCodeAt(0));
export const isQuoteGlyph = (ch: string) => isQuoteChar(ch.charCodeAt(0));
const wordChar = /[\p{L}\p{N}]/u;
export const isWord = (ch: string | undefined) => ch !== undefined && wordChar.test(ch);
export const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
export const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const openers = '([{<—–-/=';
const closingPunctuation = '.,;:!?)]}>—–-/…%';
export const sentencePunctuation = '.,;:!?…';
/** Words that elide their first letters: 'em, 'n', 'til, 'cause, 'bot (robot). A mark before them is an apostrophe. */
const elidedWords = new Set(['em', 'n', 'til', 'tis', 'twas', 'cause', 'bout', 'round', 'kay', 'nuff', 'cos', 'coz', 'sup', 'ello', 'ere', 's', 'bot', 'bots']);

/** The character before `at`, skipping emphasis markers and (when asked) other quote marks. */
export function before(text: string, at: number, skipQuotes: boolean): string | undefined {
  let i = at - 1;
  while (i >= 0 && (isTransparent(text[i]) || (skipQuotes && isQuoteGlyph(text[i])))) i--;
  return i >= 0 ? text[i] : undefined;
}

export function after(text: string, at: number, skipQuotes: boolean): string | undefined {
  let i = at;
  while (i < text.length && (isTransparent(text[i]) || (skipQuotes && isQuoteGlyph(text[i])))) i++;
  return i < text.length ? text[i] : undefined;
}

/** The word right after `at`, lower-cased, for the elision list. */
function wordAfter(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < 8 && isWord(text[end])) end++;
  return text.slice(at, end).toLowerCase();
}

function directionFromNeighbours(text: string, at: number, length: number): { prevOpenish: boolean; nextCloseish: boolean } {
  const prev = before(text, at, true);
  let nextAt = at + length;
  while (nextAt < text.length && (isTransparent(text[nextAt]) || isQuoteGlyph(text[nextAt]))) nextAt++;
  let next = nextAt < text.length ? text[nextAt] : undefined;
  // "...and" and "…and": an ellipsis after an opening mark is part of the quoted words
  // (but 'has been'". is a full stop after two closing marks). After a word it is the
  // speaker trailing off past a closing mark: ‘do the deal’… and then.
  const afterWord = prev !== undefined && !isSpace(prev) && !openers.includes(prev) && prev !== ':';
  if (!afterWord && (next === '…' || (next === '.' && text[nextAt + 1] === '.'))) next = 'a';
  const nextCloseish = next === undefined || isSpace(next) || closingPunctuation.includes(next);
  // thinking:'OK, ...: a colon with no space before a word still opens.
  const prevOpenish = prev === undefined || isSpace(prev) || openers.includes(prev) || (prev === ':' && !nextCloseish);
  return { prevOpenish, nextCloseish };
}

function fromContext(prevOpenish: boolean, nextCloseish: boolean): Direction {
  if (prevOpenish && !nextCloseish) return 'open';
  if (!prevOpenish && nextCloseish) return 'close';
  return 'either';
}

/** Appends the tokens of one mark (or run of straight single marks) at i; returns the index after it. */
export function classify(text: string, i: number, tokens: Token[], apostrophes: ApostropheMark[]): number {
  const ch = text[i];
  const prevRaw = i > 0 ? text[i - 1] : undefined;

  if (ch === "'") {
    let run = 1;
    while (text[i + run] === "'") run++;
    if (run >= 2) return classifySingleRun(text, i, run, tokens, apostrophes);
    return classifySingle(text, i, ch, tokens, apostrophes);
  }
  // Some papers set a double mark as two single ones: ‘‘Yes,’’ he said; ``Yes,'' he said.
  if ((ch === '’' || ch === '‘' || ch === '`') && text[i + 1] === ch) {
    const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, 2);
    const glyphOpens = ch !== '’';
    let dir: Direction = glyphOpens ? 'open' : 'close';
    if (glyphOpens && !prevOpenish && nextCloseish) dir = 'close';
    if (!glyphOpens && prevOpenish && !nextCloseish) dir = 'open';
    tokens.push({ at: i, glyph: ch + ch, kind: 'double', dir, curly: ch !== '`' });
    return i + 2;
  }
  if (ch === '`') return classifyBacktick(text, i, tokens);
  if (ch === '’' || ch === '‘') return classifySingle(text, i, ch, tokens, apostrophes);
  if (ch === '‚') return i + 1; // low single mark: too often a comma look-alike to trust

  if (ch === '"') {
    const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, 1);
    // 6'8", 12" pipe: a double mark right after a digit is an inch mark unless it closes an open quotation.
    if (isDigit(prevRaw) && !prevOpenish) {
      const feetAndInches = /\d['′’]\s?\d{1,2}$/.test(text.slice(Math.max(0, i - 6), i));
      // 70"+ screens, a 12"-wide pipe: a sign or a digit after the mark makes it a prime.
      if (feetAndInches || /[-+–×x\d]/.test(text[i + 1] ?? '')) return i + 1;
      tokens.push({ at: i, glyph: ch, kind: 'double', dir: nextCloseish ? 'maybeClose' : 'either', curly: false });
      return i + 1;
    }
    tokens.push({ at: i, glyph: ch, kind: 'double', dir: fromContext(prevOpenish, nextCloseish), curly: false });
    return i + 1;
  }

  // 6’2”: a right double mark after feet and inches is an inch mark.
  if (ch === '”' && isDigit(prevRaw) && /\d['′’]\s?\d{1,2}$/.test(text.slice(Math.max(0, i - 6), i))) return i + 1;
  // Curly and angle marks carry their direction, but pasted copy sometimes has
  // the wrong one ("an “expedited review“ of"); the neighbours decide when they disagree clearly.
  const kind: QuoteKind = doubleGlyphs.has(ch) ? 'double' : 'single';
  const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, 1);
  const glyphOpens = ch === '“' || ch === '„' || ch === '«' || ch === '‹';
  let dir: Direction = glyphOpens ? 'open' : 'close';
  if (glyphOpens && !prevOpenish && nextCloseish) dir = 'close';
  if (!glyphOpens && prevOpenish && !nextCloseish) dir = 'open';
  // A right double mark that starts the paragraph has nothing to close there: it opens,
  // turned the wrong way ("” … then surely the woman who’s a leading contender can do the same,” it read).
  if (ch === '”' && opensParagraphWords(text, i)) dir = 'open';
  tokens.push({ at: i, glyph: ch, kind, dir, curly: curlyGlyphs.has(ch) });
  return i + 1;
}

/** The mark starts the paragraph (only spaces before it) and words follow it, not the punctuation that follows a closing mark. */
function opensParagraphWords(text: string, i: number): boolean {
  for (let k = 0; k < i; k++) if (!isSpace(text[k]) && !isInvisible(text.charCodeAt(k))) return false;
  return /^\s?(?:[\p{L}\p{N}]|…|\.\.\.)/u.test(text.slice(i + 1, i + 5));
}

/**
 * A lone backtick typed for an opening single mark (`Don't make me...',"
 * she said): only before a word, with no other backtick in the paragraph (a
 * Markdown code span) and a straight or right single mark after it to close.
 */
function classifyBacktick(text: string, i: number, tokens: Token[]): number {
  const { prevOpenish } = directionFromNeighbours(text, i, 1);
  const rest = text.slice(i + 1);
  if (prevOpenish && isWord(text[i + 1]) && !rest.includes('`') && /['’]/.test(rest)) {
    tokens.push({ at: i, glyph: '`', kind: 'single', dir: 'open', curly: false });
  }
  return i + 1;
}

/** A single mark later in the paragraph that can close: after a word or punctuation, with no letter after it. */
const closingSingleAhead = /[\p{L}\p{N}.,!?]['’](?![\p{L}\p{N}])/u;

function classifySingle(text: string, i: number, ch: string, tokens: Token[], apostrophes: ApostropheMark[]): number {
  const prevRaw = i > 0 ? text[i - 1] : undefined;
  const nextRaw = text[i + 1];
  const curly = ch !== "'";
  const apostrophe = () => {
    apostrophes.push({ offset: i, glyph: ch });
    return i + 1;
  };
  // 6'8", 5' 11, 5'-tall: feet, a prime rather than an apostrophe
  if (isDigit(prevRaw) && (isDigit(nextRaw) || (nextRaw === ' ' && isDigit(text[i + 2])) || /[-+–]/.test(nextRaw ?? ''))) return i + 1;
  // isn ‘t, don 't, we ‘ll: a space typed into an apostrophe, not an opening mark.
  if (brokenApostrophe(text, i)) {
    apostrophes.push({ offset: i, glyph: ch, broken: true });
    return i + 1;
  }
  // don't, O'Brien, Côte d'Ivoire, rock'n'roll
  if (isWord(prevRaw) && isWord(nextRaw)) return apostrophe();
  // ‘THE HAMPTONS HOUSE PARTY’“Mr. Barna’s bash...”: after a word and glued to the next quotation's
  // opening mark, a right mark ends something. It closes an open single quotation, if there is one.
  if (ch !== '‘' && isWord(prevRaw) && (nextRaw === '“' || nextRaw === '‘')) {
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'maybeClose', curly });
    return i + 1;
  }
  const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, 1);
  if (prevOpenish && !nextCloseish) {
    // ’90s, '16, a drug known as '771, 'em, rock 'n' roll, 'til; but '2004 top TV moment' opens a quotation
    if (isDigit(nextRaw) && !(/^\d{3}/.test(text.slice(i + 1, i + 4)) && closingSingleAhead.test(text.slice(i + 1)))) return apostrophe();
    const word = wordAfter(text, i + 1);
    // 's–t show, f**k: a letter, then a dash or stars and more letters, is a censored word the mark opens.
    const censored = /^[\p{L}][–—*-]+\p{L}/u.test(text.slice(i + 1, i + 6));
    // Sophie in 't Veld: the Dutch article, a t standing alone before a space.
    const dutchArticle = word === 't' && text[i + 2] === ' ';
    if ((elidedWords.has(word) && !isWord(text[i + 1 + word.length]) && !censored) || dutchArticle) {
      if (word === 'n' && (text[i + 2] === "'" || text[i + 2] === '’')) {
        apostrophes.push({ offset: i, glyph: ch });
        apostrophes.push({ offset: i + 2, glyph: text[i + 2] });
        return i + 3;
      }
      return apostrophe();
    }
    if (ch === '’') return apostrophe(); // a right mark before a word is an elision, not an opening mark
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'open', curly });
    return i + 1;
  }
  if (!prevOpenish && nextCloseish) {
    const prev = before(text, i, true);
    // After punctuation a single mark can only close: 'No,' he said.
    if (ch === '‘') return apostrophe(); // a left mark after a word: mistyped apostrophe
    if (prev !== undefined && sentencePunctuation.includes(prev)) {
      tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'close', curly });
      return i + 1;
    }
    // After a letter other than s and before punctuation or the end, it closes:
    // Blair 'will not quit'. After s it may be a plural possessive (the Joneses'.),
    // after -in a dropped g (Get Rich Or Die Tryin', nothin').
    const next = after(text, i + 1, true);
    const droppedG = /in$/i.test(text.slice(Math.max(0, i - 2), i)) && isWord(text[i - 3]);
    if (isWord(prevRaw) && !isDigit(prevRaw) && !/[sSzZ]/.test(prevRaw!) && !droppedG && (next === undefined || sentencePunctuation.includes(next))) {
      tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'close', curly });
      return i + 1;
    }
    // drivers', nothin', 5': an apostrophe or prime unless it closes an open quotation.
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'maybeClose', curly });
    return i + 1;
  }
  if (prevOpenish && nextCloseish && prevRaw !== undefined && !isSpace(prevRaw)) {
    // Wedged between symbols ('BBB-'.): it can still close an open quotation, even as a
    // left mark, which smart quotes type after a hyphen (a ‘D-‘ rating).
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'either', curly });
  } else if (ch === '‘' && prevOpenish) {
    tokens.push({ at: i, glyph: ch, kind: 'single', dir: 'open', curly });
  }
  // Space on both sides: no evidence either way.
  return i + 1;
}

const contractionAfterPronoun = /^(?:ll|re|ve|d|m)(?![\p{L}\p{N}])/u;
const pronoun = /(?:^|[^\p{L}])(?:I|you|we|they|he|she|it|that|there|who|You|We|They|He|She|It|That|There|Who)$/u;

/**
 * A single mark with a space before it that can only be a broken apostrophe:
 * `isn ‘t`, `don 't` (a word ending in n before t), `we ‘ll`, `I ‘m`.
 */
function brokenApostrophe(text: string, i: number): boolean {
  if (text[i - 1] !== ' ' || !isWord(text[i - 2])) return false;
  const rest = text.slice(i + 1, i + 4);
  const head = text.slice(Math.max(0, i - 12), i - 1);
  if (/^t(?![\p{L}\p{N}])/u.test(rest))
    return /(?:^|[^\p{L}])(?:is|are|was|were|do|does|did|has|have|had|ca|wo|could|would|should|must|need|ai)n$/iu.test(head);
  return contractionAfterPronoun.test(rest) && pronoun.test(head);
}

/**
 * Two straight single marks stand for a double mark in some wire copy
 * (''This represents...,'' he said). Three are a double and a single:
 * nested marks close first and open last.
 */
function classifySingleRun(text: string, i: number, run: number, tokens: Token[], apostrophes: ApostropheMark[]): number {
  const { prevOpenish, nextCloseish } = directionFromNeighbours(text, i, run);
  const dir = fromContext(prevOpenish, nextCloseish);
  const doubles = Math.floor(run / 2);
  const single = run % 2 === 1;
  const pushDouble = (at: number) => tokens.push({ at, glyph: "''", kind: 'double', dir, curly: false });
  const pushSingle = (at: number) => tokens.push({ at, glyph: "'", kind: 'single', dir: dir === 'either' ? 'either' : dir, curly: false });
  void apostrophes;
  let at = i;
  if (single && dir === 'close') {
    pushSingle(at);
    at += 1;
  }
  for (let d = 0; d < doubles; d++, at += 2) pushDouble(at);
  if (single && dir !== 'close') pushSingle(at);
  return i + run;
}
