// Scores person and organization recognition against gold NER corpora.
//
//   npm run eval:ner -- --conll ../shared/corpora/conll2003/eng.testa
//   npm run eval:ner -- --gmb ../shared/corpora/gmb/ner_dataset.csv [--limit 5000]
//   npm run eval:ner -- --conll FILE --disagreements   (where Copydesk and the tagger differ, and who is right)
//
// Each document is rebuilt as running prose (tokens detokenised, one sentence
// per paragraph) and analysed the way an editor would analyse a draft. Only
// mixed-case sentences are scored: all-caps headlines and results tables are
// outside what a copy editor's tool is asked to read. Matching is exact on
// span boundaries and type (GMB also gets an overlap score, because its
// silver person spans include titles such as "President Bush").
// compromise alone (people() and organizations()) and the trained tagger alone
// (entities/tagger.ts with its draft-level step, its labels read as spans) are scored in the same run;
// "copydesk" is the tagger as evidence plus the document-level steps.
// The last line is JSON: {"PER":{"p","r","f1"},"ORG":{"p","r","f1"}} for Copydesk.

import { readFileSync } from 'node:fs';
import { requireCorpus } from './corpus';
import { createContext } from '../server/src/analysis/analyze';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeEntities } from '../server/src/analysis/entities';
import { parseParagraph } from '../server/src/analysis/nlp';
import { tagDraft } from '../server/src/analysis/entities/tagger';
import { defaultOptions } from '../server/src/analysis/types';
import { isHeldOut } from '../server/src/analysis/nameFeatures';

type EntityType = 'PER' | 'ORG';
interface Span {
  start: number;
  end: number;
  type: EntityType;
}
interface Token {
  text: string;
  tag: string; // PER, ORG or anything else
  begins: boolean; // B- tag (IOB2, or IOB1 between two adjacent entities)
}
interface GoldDocument {
  sentences: Token[][];
}
interface BuiltDocument {
  text: string;
  gold: Span[];
  /** Character ranges of the sentences that are scored. */
  scored: { start: number; end: number }[];
}

function usage(): never {
  console.error('usage: eval-ner (--conll FILE | --gmb FILE) [--limit N] [--errors N] [--disagreements]');
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Reading the corpora

function readConll(path: string): GoldDocument[] {
  const documents: GoldDocument[] = [];
  let current: GoldDocument | undefined;
  let sentence: Token[] = [];
  const endSentence = () => {
    if (sentence.length > 0 && current) current.sentences.push(sentence);
    sentence = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      current = { sentences: [] };
      documents.push(current);
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const columns = line.split(' ');
    const tag = columns[columns.length - 1];
    current ??= { sentences: [] };
    if (!documents.includes(current)) documents.push(current);
    sentence.push({ text: columns[0], tag: tag === 'O' ? 'O' : tag.slice(2), begins: tag.startsWith('B-') });
  }
  endSentence();
  return documents;
}

/** Minimal CSV: fields may be double-quoted with "" inside. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/**
 * GMB has no document ids: consecutive sentences are grouped into
 * pseudo-documents. Only the sentences the name model was not trained on
 * (every fifth, see scripts/train-name-model.ts) are read.
 */
function readGmb(path: string, sentencesPerDocument = 12): GoldDocument[] {
  const text = new TextDecoder('windows-1252').decode(readFileSync(path));
  const sentences: Token[][] = [];
  let sentence: Token[] = [];
  let heldOut = false;
  const lines = text.split(/\r?\n/);
  for (let n = 1; n < lines.length; n++) {
    if (lines[n] === '') continue;
    const [marker, word, , tag] = parseCsvLine(lines[n]);
    if (marker.startsWith('Sentence')) {
      if (heldOut && sentence.length > 0) sentences.push(sentence);
      sentence = [];
      heldOut = isHeldOut(Number(marker.replace(/\D/g, '')));
    }
    const type = tag === 'O' || !tag ? 'O' : tag.slice(2) === 'per' ? 'PER' : tag.slice(2) === 'org' ? 'ORG' : tag.slice(2);
    sentence.push({ text: word, tag: type, begins: tag?.startsWith('B-') ?? false });
  }
  if (heldOut && sentence.length > 0) sentences.push(sentence);
  const documents: GoldDocument[] = [];
  for (let i = 0; i < sentences.length; i += sentencesPerDocument) {
    documents.push({ sentences: sentences.slice(i, i + sentencesPerDocument) });
  }
  return documents;
}

// ---------------------------------------------------------------------------
// Detokenising: tokens to prose, keeping each token's character range.

const noSpaceBefore = /^(?:[.,;:!?%)\]}]|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m|'|\.\.\.)$/;
const noSpaceAfter = /^[([{$]$/;

function buildDocument(doc: GoldDocument): BuiltDocument {
  let text = '';
  const gold: Span[] = [];
  const scored: { start: number; end: number }[] = [];
  for (const sentence of doc.sentences) {
    if (text.length > 0) text += '\n\n';
    const sentenceStart = text.length;
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
    const sentenceText = text.slice(sentenceStart);
    const mixedCase = /\p{Ll}/u.test(sentenceText);
    if (mixedCase) scored.push({ start: sentenceStart, end: text.length });
    let open: Span | undefined;
    sentence.forEach((token, i) => {
      const type = token.tag === 'PER' || token.tag === 'ORG' ? token.tag : undefined;
      if (open && (type !== open.type || token.begins)) {
        gold.push(open);
        open = undefined;
      }
      if (type) {
        if (open) open.end = ranges[i].end;
        else open = { start: ranges[i].start, end: ranges[i].end, type };
      }
    });
    if (open) gold.push(open);
  }
  return { text, gold, scored };
}

// ---------------------------------------------------------------------------
// Recognisers

function copydeskSpans(text: string): Span[] {
  const draft = parseDraft(text, 'plaintext');
  const ctx = createContext(draft, defaultOptions);
  const spans: Span[] = [];
  for (const entity of analyzeEntities(ctx).entities) {
    const type = entity.type === 'person' ? 'PER' : 'ORG';
    for (const m of entity.mentions) spans.push({ start: m.start, end: m.end, type });
  }
  return spans;
}

function compromiseSpans(text: string): Span[] {
  const draft = parseDraft(text, 'plaintext');
  const spans: Span[] = [];
  for (const paragraph of draft.paragraphs) {
    const parsed = parseParagraph(paragraph.text);
    for (const s of parsed.people) spans.push({ start: paragraph.start + s.start, end: paragraph.start + s.end, type: 'PER' });
    for (const s of parsed.organizations) spans.push({ start: paragraph.start + s.start, end: paragraph.start + s.end, type: 'ORG' });
  }
  return spans;
}

/** A span of any type the tagger reads (PER, ORG, LOC, MISC). */
interface AnySpan {
  start: number;
  end: number;
  type: string;
}

/**
 * The trained tagger alone: its BIO labels read as spans of every type, with
 * its own draft-level step (tagger.ts) but none of the entity pass's.
 */
function taggerAllSpans(text: string): AnySpan[] {
  const draft = parseDraft(text, 'plaintext');
  const spans: AnySpan[] = [];
  const parsedParagraphs = draft.paragraphs.map((paragraph) => parseParagraph(paragraph.text));
  const tagged = tagDraft(parsedParagraphs);
  for (const [n, paragraph] of draft.paragraphs.entries()) {
    const parsed = parsedParagraphs[n];
    const labels = tagged[n];
    let open: AnySpan | undefined;
    parsed.words.forEach((word, i) => {
      const label = labels[i].label;
      const type = label.slice(2);
      const continues = open && label === `I-${type}` && open.type === type;
      if (open && !continues) {
        spans.push(open);
        open = undefined;
      }
      if (continues) open!.end = paragraph.start + word.end;
      else if (label !== 'O') open = { start: paragraph.start + word.start, end: paragraph.start + word.end, type };
    });
    if (open) spans.push(open);
  }
  return spans;
}

const personOrOrganization = (spans: AnySpan[]): Span[] => spans.filter((s): s is Span => s.type === 'PER' || s.type === 'ORG');

// ---------------------------------------------------------------------------
// Scoring

interface Counts {
  truePositives: number;
  predicted: number;
  gold: number;
  overlapTruePositives: number;
  /** Predictions that touch a gold span of their type. */
  overlapPredicted: number;
}
type Tally = Record<EntityType, Counts>;
const emptyCounts = (): Counts => ({ truePositives: 0, predicted: 0, gold: 0, overlapTruePositives: 0, overlapPredicted: 0 });

function inScored(span: Span, scored: { start: number; end: number }[]): boolean {
  return scored.some((s) => span.start >= s.start && span.end <= s.end);
}

interface ErrorExample {
  kind: 'missed' | 'spurious';
  type: EntityType;
  text: string;
  context: string;
}

function score(doc: BuiltDocument, predicted: Span[], tally: Tally, errors?: ErrorExample[]): void {
  const gold = doc.gold.filter((s) => inScored(s, doc.scored));
  const guesses = predicted.filter((s) => inScored(s, doc.scored));
  const key = (s: Span) => `${s.type}:${s.start}:${s.end}`;
  const goldKeys = new Set(gold.map(key));
  const guessKeys = new Set(guesses.map(key));
  for (const type of ['PER', 'ORG'] as const) {
    const g = gold.filter((s) => s.type === type);
    const p = [...new Map(guesses.filter((s) => s.type === type).map((s) => [key(s), s])).values()];
    const c = tally[type];
    c.gold += g.length;
    c.predicted += p.length;
    c.truePositives += p.filter((s) => goldKeys.has(key(s))).length;
    // Overlap: a gold span counts as found when any same-type prediction overlaps it.
    c.overlapTruePositives += g.filter((s) => p.some((q) => q.start < s.end && s.start < q.end)).length;
    c.overlapPredicted += p.filter((q) => g.some((s) => q.start < s.end && s.start < q.end)).length;
    if (errors) {
      const context = (s: Span) => doc.text.slice(Math.max(0, s.start - 40), s.end + 40).replace(/\s+/g, ' ');
      for (const s of g) if (!guessKeys.has(key(s))) errors.push({ kind: 'missed', type, text: doc.text.slice(s.start, s.end), context: context(s) });
      for (const s of p) if (!goldKeys.has(key(s))) errors.push({ kind: 'spurious', type, text: doc.text.slice(s.start, s.end), context: context(s) });
    }
  }
}

const round = (x: number) => Math.round(x * 1000) / 10;
function prf(tp: number, predicted: number, gold: number) {
  const p = predicted === 0 ? 0 : tp / predicted;
  const r = gold === 0 ? 0 : tp / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p: round(p), r: round(r), f1: round(f1) };
}

function report(label: string, tally: Tally, overlap: boolean): void {
  for (const type of ['PER', 'ORG'] as const) {
    const c = tally[type];
    const exact = prf(c.truePositives, c.predicted, c.gold);
    let line = `${label.padEnd(12)} ${type}  exact  p ${exact.p.toFixed(1).padStart(5)}  r ${exact.r.toFixed(1).padStart(5)}  f1 ${exact.f1.toFixed(1).padStart(5)}   (gold ${c.gold}, predicted ${c.predicted}, correct ${c.truePositives})`;
    if (overlap) {
      // Overlap: precision from predictions touching a gold span, recall from gold spans touched.
      const p = c.predicted === 0 ? 0 : c.overlapPredicted / c.predicted;
      const r = c.gold === 0 ? 0 : c.overlapTruePositives / c.gold;
      const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
      line += `   overlap p ${round(p).toFixed(1)} r ${round(r).toFixed(1)} f1 ${round(f1).toFixed(1)}`;
    }
    console.log(line);
  }
}

interface Disagreement {
  cases: number;
  /** Cases where Copydesk's reading matches the gold spans, and where the tagger's does. */
  copydesk: number;
  tagger: number;
  /** A few of the cases, with their context. */
  examples: string[];
}

/**
 * Sorts the places where the two readings differ into kinds (same span, other
 * type; one finds a name the other does not; the same name with other
 * boundaries) and counts which reading matches the gold spans in each.
 * A tagger place or other name counts as right when no gold person or
 * organization has that span: it rejects the name. On GMB, matching is by
 * overlap, as GMB is scored.
 */
function compareReadings(doc: BuiltDocument, copydesk: Span[], tagger: AnySpan[], into: Map<string, Disagreement>, overlap: boolean): void {
  const gold = doc.gold.filter((s) => inScored(s, doc.scored));
  const goldKey = new Set(gold.map((s) => `${s.type}:${s.start}:${s.end}`));
  const goldRange = new Set(gold.map((s) => `${s.start}:${s.end}`));
  const overlaps = (a: AnySpan, b: AnySpan) => a.start < b.end && b.start < a.end;
  // On GMB, whose person spans hold titles, a reading is right when it overlaps a gold name (the figure GMB is scored by).
  const right = (s: AnySpan) =>
    s.type === 'PER' || s.type === 'ORG'
      ? overlap
        ? gold.some((g) => g.type === s.type && overlaps(g, s))
        : goldKey.has(`${s.type}:${s.start}:${s.end}`)
      : overlap
        ? !gold.some((g) => overlaps(g, s))
        : !goldRange.has(`${s.start}:${s.end}`);
  const count = (kind: string, copydeskRight: boolean, taggerRight: boolean, span: AnySpan) => {
    const d = into.get(kind) ?? { cases: 0, copydesk: 0, tagger: 0, examples: [] };
    d.cases++;
    if (d.examples.length < 4) {
      const context = doc.text.slice(Math.max(0, span.start - 30), span.end + 30).replace(/\s+/g, ' ');
      d.examples.push(
        `${JSON.stringify(doc.text.slice(span.start, span.end))} (${copydeskRight ? 'copydesk' : taggerRight ? 'tagger' : 'neither'}) … ${context}`,
      );
    }
    if (copydeskRight) d.copydesk++;
    if (taggerRight) d.tagger++;
    into.set(kind, d);
  };
  const seen = new Set<string>();
  for (const c of copydesk) {
    if (!inScored(c, doc.scored) || seen.has(`${c.type}:${c.start}:${c.end}`)) continue;
    seen.add(`${c.type}:${c.start}:${c.end}`);
    const touching = tagger.filter((t) => overlaps(c, t));
    if (touching.length === 0) {
      count(`copydesk ${c.type}, tagger nothing`, right(c), !right(c), c);
      continue;
    }
    const same = touching.find((t) => t.start === c.start && t.end === c.end);
    if (same) {
      if (same.type !== c.type) count(`copydesk ${c.type}, tagger ${same.type}, same span`, right(c), right(same), c);
      continue;
    }
    const types = [...new Set(touching.map((t) => t.type))].join('+');
    count(
      `copydesk ${c.type}, tagger ${types}, other bounds`,
      right(c),
      touching.some((t) => (t.type === 'PER' || t.type === 'ORG') && right(t)),
      c,
    );
  }
  for (const t of tagger) {
    if ((t.type !== 'PER' && t.type !== 'ORG') || !inScored(t as Span, doc.scored)) continue;
    if (copydesk.some((c) => overlaps(c, t))) continue;
    count(`tagger ${t.type}, copydesk nothing`, !right(t), right(t), t);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const conll = value('--conll');
  const gmb = value('--gmb');
  if (!conll === !gmb) usage();
  requireCorpus('eval-ner', (conll ?? gmb)!);
  const limit = Number(value('--limit') ?? Infinity);
  const showErrors = Number(value('--errors') ?? 0);
  const showDisagreements = args.includes('--disagreements');
  const disagreements = new Map<string, Disagreement>();
  let documents = conll ? readConll(conll) : readGmb(gmb!);
  if (Number.isFinite(limit)) documents = documents.slice(0, limit);

  const copydesk: Tally = { PER: emptyCounts(), ORG: emptyCounts() };
  const baseline: Tally = { PER: emptyCounts(), ORG: emptyCounts() };
  const tagger: Tally = { PER: emptyCounts(), ORG: emptyCounts() };
  const errors: ErrorExample[] = [];
  let words = 0;
  const started = performance.now();
  for (const goldDocument of documents) {
    const doc = buildDocument(goldDocument);
    words += goldDocument.sentences.reduce((n, s) => n + s.length, 0);
    score(doc, compromiseSpans(doc.text), baseline);
    const taggerRead = taggerAllSpans(doc.text);
    const copydeskRead = copydeskSpans(doc.text);
    score(doc, personOrOrganization(taggerRead), tagger);
    score(doc, copydeskRead, copydesk, showErrors > 0 ? errors : undefined);
    if (showDisagreements) compareReadings(doc, copydeskRead, taggerRead, disagreements, !!gmb);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${conll ?? gmb}: ${documents.length} documents, ${words} tokens, ${seconds.toFixed(1)} s`);
  report('compromise', baseline, !!gmb);
  report('tagger', tagger, !!gmb);
  report('copydesk', copydesk, !!gmb);
  if (showErrors > 0) {
    const byKind = new Map<string, number>();
    for (const e of errors) byKind.set(`${e.kind} ${e.type} ${e.text}`, (byKind.get(`${e.kind} ${e.type} ${e.text}`) ?? 0) + 1);
    const shuffled = errors.filter((_, i) => i % Math.max(1, Math.floor(errors.length / showErrors)) === 0).slice(0, showErrors);
    for (const e of shuffled) console.log(`${e.kind.padEnd(8)} ${e.type} ${JSON.stringify(e.text).padEnd(28)} … ${e.context}`);
  }
  if (showDisagreements) {
    console.log('where Copydesk and the tagger disagree (cases, right by Copydesk, right by the tagger):');
    for (const [kind, d] of [...disagreements].sort((a, b) => b[1].cases - a[1].cases)) {
      console.log(`  ${kind.padEnd(40)} ${String(d.cases).padStart(5)}  copydesk ${String(d.copydesk).padStart(5)}  tagger ${String(d.tagger).padStart(5)}`);
      if (showErrors > 0) for (const example of d.examples) console.log(`      ${example}`);
    }
  }
  const result = {
    PER: prf(copydesk.PER.truePositives, copydesk.PER.predicted, copydesk.PER.gold),
    ORG: prf(copydesk.ORG.truePositives, copydesk.ORG.predicted, copydesk.ORG.gold),
  };
  console.log(JSON.stringify(result));
}

main();
