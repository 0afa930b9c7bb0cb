// The gold name corpora as the trained tagger sees them: CoNLL-2003 and GMB
// sentences rebuilt as prose, parsed by compromise (nlp.ts, exactly as a draft
// is), and each compromise word labelled from the gold tokens by character
// offsets. Shared by scripts/train-ner.ts and scripts/eval-tagger.ts.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseParagraph, type NlpParagraph, type NlpWord } from '../server/src/analysis/nlp';
import { isHeldOut } from '../server/src/analysis/nameFeatures';
import { tagLabels, type TagLabel } from '../server/src/analysis/entities/tagger';
import titleTable from '../server/src/analysis/data/titles.json';

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const entityTypes: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export interface GoldToken {
  text: string;
  /** Entity type, or undefined outside any name. */
  type?: EntityType;
  /** Starts a new name even right after one of the same type. */
  begins: boolean;
}

export interface Span {
  start: number;
  end: number;
  type: EntityType;
}

/** One sentence, rebuilt and parsed: the unit the tagger is trained and scored on. */
export interface Example {
  text: string;
  gold: Span[];
  words: NlpWord[];
  /** Gold label index per word. */
  labels: number[];
  /** Has lower-case letters: all-caps headlines and tables are not scored (as in eval-ner). */
  mixedCase: boolean;
  /** The document the sentence belongs to. */
  document: string;
}

/** `--name value` from the command line, or the fallback. */
export function commandOption(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** The shared corpora folder (`--corpora DIR`), ../shared/corpora by default. */
export const corporaFolder = (): string => commandOption('--corpora', join(__dirname, '..', '..', 'shared', 'corpora'));

// ---------------------------------------------------------------------------
// Reading

/** Sentences, and the document each belongs to (the unit document-level features read). */
export interface GoldSentences {
  sentences: GoldToken[][];
  documents: string[];
}

/** CoNLL-2003 (IOB1): token POS chunk tag per line, blank lines between sentences, -DOCSTART- before each document. */
export function readConllSentences(path: string): GoldSentences {
  const sentences: GoldToken[][] = [];
  const documents: string[] = [];
  let sentence: GoldToken[] = [];
  let document = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const columns = line.trim().split(' ');
    if (columns[0] === '' || columns[0] === '-DOCSTART-') {
      if (sentence.length > 0) {
        sentences.push(sentence);
        documents.push(`${path}:${document}`);
      }
      sentence = [];
      if (columns[0] === '-DOCSTART-') document++;
      continue;
    }
    const tag = columns[columns.length - 1];
    sentence.push({ text: columns[0], type: tag === 'O' ? undefined : (tag.slice(2) as EntityType), begins: tag.startsWith('B-') });
  }
  if (sentence.length > 0) {
    sentences.push(sentence);
    documents.push(`${path}:${document}`);
  }
  return { sentences, documents };
}

/** GMB's tags mapped to CoNLL's types: gpe is mostly demonyms ("Iraqi"), which CoNLL calls MISC; times are not names. */
const gmbTypes: Record<string, EntityType | undefined> = { per: 'PER', org: 'ORG', geo: 'LOC', gpe: 'MISC', art: 'MISC', eve: 'MISC', nat: 'MISC' };

const titleWords = new Set([...titleTable.honorifics, ...titleTable.roles, ...titleTable.titleModifiers]);

/**
 * GMB's silver person spans include titles ("President Bush", "Prime Minister
 * Shaukat Aziz", "Mr. Annan"); Copydesk keeps titles out of names, as CoNLL
 * does, so everything up to the span's last title word is moved out of it, as
 * long as a word of the name is left ("Martin Luther King" keeps its King);
 * a title's first word tagged as a name of its own before the rest of the
 * title ("Prime" in "Prime Minister Rafik Hariri", 338 times) is no name.
 */
function stripLeadingTitles(sentence: GoldToken[]): void {
  const isTitle = (token: GoldToken) => titleWords.has(token.text.toLowerCase().replace(/\.$/, ''));
  for (let i = 0; i < sentence.length; i++) {
    const token = sentence[i];
    if (token.type !== 'PER' || (i > 0 && sentence[i - 1].type === 'PER' && !token.begins)) continue;
    let end = i;
    while (end + 1 < sentence.length && sentence[end + 1].type === 'PER' && !sentence[end + 1].begins) end++;
    let lastTitle = -1;
    for (let j = i; j < end; j++) if (isTitle(sentence[j])) lastTitle = j;
    for (let j = i; j <= lastTitle; j++) sentence[j].type = undefined;
    sentence[Math.max(i, lastTitle + 1)].begins = true;
    // "Prime/B-per Minister/O Rafik/B-per": a fragment of a title tagged as a name of its own.
    const next = sentence[end + 1];
    if (next && !next.type && isTitle(next) && sentence[end + 2]?.type === 'PER') for (let j = i; j <= end; j++) sentence[j].type = undefined;
    i = end;
  }
}

/**
 * GMB has no document ids, but its sentences run in document order: blocks of
 * 60 consecutive sentences stand in for documents (eval-ner groups the held-out
 * sentences the same way, 12 at a time).
 */
const gmbDocument = (sentenceNumber: number) => `gmb:${Math.floor((sentenceNumber - 1) / 60)}`;

/** GMB sentences (windows-1252 CSV, IOB2), split by the rule the name model uses: every fifth sentence is held out. */
export function readGmbSentences(path: string): { train: GoldSentences; dev: GoldSentences } {
  const text = new TextDecoder('windows-1252').decode(readFileSync(path));
  const train: GoldSentences = { sentences: [], documents: [] };
  const dev: GoldSentences = { sentences: [], documents: [] };
  let sentence: GoldToken[] = [];
  let number = 0;
  const finish = () => {
    if (sentence.length === 0) return;
    stripLeadingTitles(sentence);
    const split = isHeldOut(number) ? dev : train;
    split.sentences.push(sentence);
    split.documents.push(gmbDocument(number));
    sentence = [];
  };
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line === '') continue;
    // Sentence marker, word, POS, tag; the word may be a quoted field.
    const match = /^(Sentence: (\d+))?,("(?:[^"]|"")*"|[^,]*),("(?:[^"]|"")*"|[^,]*),(.*)$/.exec(line);
    if (!match) continue;
    if (match[2]) {
      finish();
      number = Number(match[2]);
    }
    const word = match[3].startsWith('"') ? match[3].slice(1, -1).replace(/""/g, '"') : match[3];
    const tag = match[5];
    const type = tag === 'O' ? undefined : gmbTypes[tag.slice(2)];
    sentence.push({ text: word, type, begins: tag.startsWith('B-') });
  }
  finish();
  return { train, dev };
}

// ---------------------------------------------------------------------------
// Rebuilding prose

const noSpaceBefore = /^(?:[.,;:!?%)\]}]|'[sSdDmM]|n't|N'T|'re|'ve|'ll|'RE|'VE|'LL|'|\.\.\.)$/;
const noSpaceAfter = /^[([{$]$/;

/** Joins tokens as a reporter would have typed them, keeping each token's range, and the gold name spans. */
export function detokenise(sentence: GoldToken[]): { text: string; gold: Span[] } {
  let text = '';
  let quoteOpen = false;
  let glueNext = true;
  const ranges: { start: number; end: number }[] = [];
  for (const token of sentence) {
    let glue = glueNext || noSpaceBefore.test(token.text);
    glueNext = noSpaceAfter.test(token.text);
    if (token.text === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    if (!glue) text += ' ';
    ranges.push({ start: text.length, end: text.length + token.text.length });
    text += token.text;
  }
  const gold: Span[] = [];
  let open: Span | undefined;
  sentence.forEach((token, i) => {
    if (open && (token.type !== open.type || token.begins)) {
      gold.push(open);
      open = undefined;
    }
    if (!token.type) return;
    if (open) open.end = ranges[i].end;
    else open = { start: ranges[i].start, end: ranges[i].end, type: token.type };
  });
  if (open) gold.push(open);
  return { text, gold };
}

/** Each word takes the type of the first gold name it overlaps: B- if the name starts within or before it. */
export function alignLabels(words: readonly NlpWord[], gold: readonly Span[]): number[] {
  return words.map((word) => {
    if (word.end <= word.start) return 0;
    const span = gold.find((s) => s.start < word.end && word.start < s.end);
    if (!span) return 0;
    const label: TagLabel = `${word.start <= span.start ? 'B' : 'I'}-${span.type}`;
    return tagLabels.indexOf(label);
  });
}

/** Character spans from per-word labels (an I- that cannot continue starts a name). */
export function spansFromLabels(words: readonly NlpWord[], labels: readonly TagLabel[]): Span[] {
  const spans: Span[] = [];
  let open: Span | undefined;
  words.forEach((word, i) => {
    const label = labels[i];
    const type = label === 'O' ? undefined : (label.slice(2) as EntityType);
    if (open && (!type || type !== open.type || label.startsWith('B-'))) {
      spans.push(open);
      open = undefined;
    }
    if (!type || word.end <= word.start) return;
    if (open) open.end = word.end;
    else open = { start: word.start, end: word.end, type };
  });
  if (open) spans.push(open);
  return spans;
}

// ---------------------------------------------------------------------------
// Parsing, with a cache: compromise takes minutes over a million tokens.

/** Parsed sentences are cached here (`COPYDESK_NER_CACHE` moves it, e.g. when node_modules is shared). */
const cacheFolder = process.env.COPYDESK_NER_CACHE ?? join(__dirname, '..', 'node_modules', '.cache', 'copydesk-train-ner');

function parserFingerprint(): string {
  const hash = createHash('sha1');
  hash.update(readFileSync(join(__dirname, '..', 'server', 'src', 'analysis', 'nlp.ts')));
  hash.update(readFileSync(join(__dirname, '..', 'node_modules', 'compromise', 'package.json')));
  return hash.digest('hex');
}

type CachedWords = NlpWord[][];

/** Parses and labels the sentences; parsed words are cached on disk under a key of the texts and the parser. */
export function buildExamples({ sentences, documents }: GoldSentences, name: string, log: (line: string) => void = () => {}): Example[] {
  const rebuilt = sentences.map(detokenise);
  const hash = createHash('sha1').update(parserFingerprint());
  for (const r of rebuilt) hash.update(r.text).update('\n');
  const cacheFile = join(cacheFolder, `${name}-${hash.digest('hex').slice(0, 16)}.json`);
  let parsed: CachedWords;
  if (existsSync(cacheFile)) {
    parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedWords;
  } else {
    const started = performance.now();
    parsed = rebuilt.map((r, i) => {
      if (i > 0 && i % 5000 === 0) log(`  ${name}: parsed ${i} of ${rebuilt.length} sentences`);
      return parseParagraph(r.text).words.map((w) => ({ ...w, tags: [...w.tags] }));
    });
    log(`  ${name}: parsed ${rebuilt.length} sentences in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    mkdirSync(cacheFolder, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(parsed));
  }
  return rebuilt.map((r, i) => ({
    text: r.text,
    gold: r.gold,
    words: parsed[i],
    labels: alignLabels(parsed[i], r.gold),
    mixedCase: /\p{Ll}/u.test(r.text),
    document: documents[i],
  }));
}

/** The parsed paragraph shape tagParagraph takes, from cached words. */
export function asParagraph(words: NlpWord[]): NlpParagraph {
  return { words, people: [], organizations: [], places: [] };
}

// ---------------------------------------------------------------------------
// Scoring: exact span match per type; trailing periods ignored on both sides,
// because compromise leaves the period of "Corp." outside the word and CoNLL inside.

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
  /** Gold names touched by a prediction of their type, and predictions touching a gold name of theirs. */
  goldTouched: number;
  predictedTouching: number;
}

export type Tally = Record<EntityType, Counts>;

export function emptyTally(): Tally {
  const counts = (): Counts => ({ gold: 0, predicted: 0, correct: 0, goldTouched: 0, predictedTouching: 0 });
  return { PER: counts(), ORG: counts(), LOC: counts(), MISC: counts() };
}

function trimPeriod(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start + 1 && text[end - 1] === '.') end--;
  return { ...span, end };
}

export function scoreExample(example: Example, predicted: Span[], tally: Tally): void {
  if (!example.mixedCase) return;
  const gold = example.gold.map((s) => trimPeriod(example.text, s));
  const guesses = predicted.map((s) => trimPeriod(example.text, s));
  const key = (s: Span) => `${s.type}:${s.start}:${s.end}`;
  const goldKeys = new Set(gold.map(key));
  const overlaps = (a: Span, b: Span) => a.type === b.type && a.start < b.end && b.start < a.end;
  for (const type of entityTypes) {
    const c = tally[type];
    const g = gold.filter((s) => s.type === type);
    const p = guesses.filter((s) => s.type === type);
    c.gold += g.length;
    c.predicted += p.length;
    c.correct += p.filter((s) => goldKeys.has(key(s))).length;
    c.goldTouched += g.filter((s) => p.some((q) => overlaps(s, q))).length;
    c.predictedTouching += p.filter((q) => g.some((s) => overlaps(s, q))).length;
  }
}

export function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function formatTally(label: string, tally: Tally): string[] {
  const percent = (x: number) => (100 * x).toFixed(1).padStart(5);
  return entityTypes.map((type) => {
    const c = tally[type];
    const p = c.predicted ? c.correct / c.predicted : 0;
    const r = c.gold ? c.correct / c.gold : 0;
    const op = c.predicted ? c.predictedTouching / c.predicted : 0;
    const or = c.gold ? c.goldTouched / c.gold : 0;
    return `${label.padEnd(10)} ${type.padEnd(4)} exact p ${percent(p)} r ${percent(r)} f1 ${percent(f1(p, r))}   overlap p ${percent(op)} r ${percent(or)} f1 ${percent(f1(op, or))}   (gold ${c.gold}, predicted ${c.predicted}, correct ${c.correct})`;
  });
}

/** Indices of the examples grouped by document, in order of first appearance. */
export function documentGroups(examples: readonly Example[]): number[][] {
  const groups = new Map<string, number[]>();
  examples.forEach((example, i) => {
    const group = groups.get(example.document);
    if (group) group.push(i);
    else groups.set(example.document, [i]);
  });
  return [...groups.values()];
}
