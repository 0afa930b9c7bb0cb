// A trained name tagger: an averaged structured perceptron over the words
// compromise finds in a paragraph, labelling each word B-/I- PER, ORG, LOC or
// MISC, or O, with first-order Viterbi decoding. Places and other names are
// labelled so that the recogniser can reject them, not only to find people and
// organizations. Weights come from `npm run train:ner` (scripts/train-ner.ts)
// and load on first use; the output is deterministic.
//
// Two steps: each paragraph is tagged on its own (kept per parsed paragraph,
// so an unchanged paragraph is never tagged again), then, once the whole
// draft's first labels are known, again with document-level features (how
// the same word was labelled elsewhere, tagger-features.ts) added to its kept
// scores: a second decoding, not a second tagging.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NlpParagraph, NlpWord } from '../nlp';
import { addNameCounts, documentFeatures, nameCounts, paragraphFeatures, type Gazetteer, type NameCounts } from './tagger-features';

export const tagLabels = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type TagLabel = (typeof tagLabels)[number];
export const labelCount = tagLabels.length;

export interface TaggedWord {
  label: TagLabel;
  /** How sure the tagger is of this word's label, 0 to 1 (a softmax over max-marginal scores). */
  confidence: number;
}

/** The weights file as written by scripts/train-ner.ts. */
export interface TaggerWeightsFile {
  labels: string[];
  /** Stored weights are integers; multiply by scale. */
  scale: number;
  /** Softens score differences into confidences; chosen on the development sets. */
  temperature: number;
  start: number[];
  /** transitions[previous * labels + next] */
  transitions: number[];
  /** Entity type -> space-separated lower-case word forms seen mostly as that type in training. */
  gazetteer: Record<string, string>;
  /** Entity type -> names of 2 to 5 words (word forms joined by spaces), separated by '|'. */
  phrases: Record<string, string>;
  /** Cluster bit string -> its space-separated word forms (data/word-clusters.json, copied in by training); absent in older files. */
  clusters?: Record<string, string>;
  /** Feature -> [label index, weight, label index, weight, ...]; the document-level ones start with "doc". */
  features: Record<string, number[]>;
}

/** I-X may only follow B-X or I-X; everything else is allowed. `previous` -1 is the paragraph start. */
export function allowedTransition(previous: number, next: number): boolean {
  const label = tagLabels[next];
  if (!label.startsWith('I-')) return true;
  if (previous < 0) return false;
  const before = tagLabels[previous];
  return before !== 'O' && before.slice(2) === label.slice(2);
}

const forbidden = -1e9;

/** allowedTransition as a table, [previous * labelCount + next], and for the paragraph start: the decoding loops read it for every word. */
const allowedAfter = Uint8Array.from({ length: labelCount * labelCount }, (_, k) => (allowedTransition(Math.floor(k / labelCount), k % labelCount) ? 1 : 0));
const allowedFirst = Uint8Array.from({ length: labelCount }, (_, y) => (allowedTransition(-1, y) ? 1 : 0));

/**
 * Best label sequence under emission scores (words x labels, row-major) plus
 * start and transition scores; disallowed transitions are never taken.
 */
export function viterbi(emissions: Float64Array, wordCount: number, start: ArrayLike<number>, transitions: ArrayLike<number>): number[] {
  const { forward, backPointers } = forwardPass(emissions, wordCount, start, transitions);
  const path = new Array<number>(wordCount);
  if (wordCount === 0) return path;
  let best = 0;
  const last = (wordCount - 1) * labelCount;
  for (let y = 1; y < labelCount; y++) if (forward[last + y] > forward[last + best]) best = y;
  for (let i = wordCount - 1; i >= 0; i--) {
    path[i] = best;
    best = backPointers[i * labelCount + best];
  }
  return path;
}

function forwardPass(emissions: Float64Array, wordCount: number, start: ArrayLike<number>, transitions: ArrayLike<number>) {
  const forward = new Float64Array(wordCount * labelCount);
  const backPointers = new Int8Array(wordCount * labelCount);
  for (let y = 0; y < labelCount; y++) {
    forward[y] = (allowedFirst[y] ? start[y] : forbidden) + emissions[y];
  }
  for (let i = 1; i < wordCount; i++) {
    const row = i * labelCount;
    const previousRow = row - labelCount;
    for (let y = 0; y < labelCount; y++) {
      let best = -Infinity;
      let bestFrom = 0;
      for (let from = 0; from < labelCount; from++) {
        const score = forward[previousRow + from] + (allowedAfter[from * labelCount + y] ? transitions[from * labelCount + y] : forbidden);
        if (score > best) {
          best = score;
          bestFrom = from;
        }
      }
      forward[row + y] = best + emissions[row + y];
      backPointers[row + y] = bestFrom;
    }
  }
  return { forward, backPointers };
}

/** Best score of any sequence through each (word, label): forward plus backward Viterbi scores. */
function maxMarginals(emissions: Float64Array, wordCount: number, start: ArrayLike<number>, transitions: ArrayLike<number>): Float64Array {
  const { forward } = forwardPass(emissions, wordCount, start, transitions);
  const backward = new Float64Array(wordCount * labelCount);
  for (let i = wordCount - 2; i >= 0; i--) {
    const row = i * labelCount;
    const nextRow = row + labelCount;
    for (let y = 0; y < labelCount; y++) {
      let best = -Infinity;
      for (let next = 0; next < labelCount; next++) {
        const score =
          (allowedAfter[y * labelCount + next] ? transitions[y * labelCount + next] : forbidden) + emissions[nextRow + next] + backward[nextRow + next];
        if (score > best) best = score;
      }
      backward[row + y] = best;
    }
  }
  for (let k = 0; k < forward.length; k++) forward[k] += backward[k];
  return forward;
}

// ---------------------------------------------------------------------------
// The loaded model

interface LoadedModel {
  /** Where each feature's row of label weights starts in `table` (one array, not 100,000 small ones). */
  rows: Map<string, number>;
  /** The weights as the file stores them, whole multiples of `scale` (a quarter of the memory of doubles). */
  table: Int32Array;
  scale: number;
  start: Float64Array;
  transitions: Float64Array;
  temperature: number;
  gazetteer: Gazetteer;
}

let model: LoadedModel | undefined;
let loadMilliseconds = 0;

/** Turns the compact file into lookup tables; exported so training can check what it wrote. */
export function loadWeights(file: TaggerWeightsFile): LoadedModel {
  const entries = Object.entries(file.features);
  const rows = new Map<string, number>();
  const table = new Int32Array(entries.length * labelCount);
  entries.forEach(([feature, packed], i) => {
    const row = i * labelCount;
    for (let k = 0; k + 1 < packed.length; k += 2) {
      if (!Number.isInteger(packed[k + 1])) throw new Error('ner-weights.json holds a weight that is not a whole multiple of its scale; run npm run train:ner');
      table[row + packed[k]] = packed[k + 1];
    }
    rows.set(feature, row);
  });
  return modelOf(file, rows, table);
}

/**
 * The same model read from the file's text. JSON.parse would build 100,000
 * small arrays for the features only to copy them into one table: loading
 * took three times the memory (peak RSS 54 MB against 21) and three times as
 * long, in the server and in each workspace index worker. The features are
 * read in place; the rest of the file, small, goes through JSON.parse. Text
 * that is not the shape train:ner writes is left to JSON.parse whole.
 */
export function readWeights(text: string): LoadedModel {
  const features = scanFeatures(text);
  if (!features) return loadWeights(JSON.parse(text) as TaggerWeightsFile);
  const rest = JSON.parse(text.slice(0, features.start) + '{}' + text.slice(features.end)) as TaggerWeightsFile;
  return modelOf(rest, features.rows, features.table);
}

const featuresKey = '"features":{';

/** The "features" object's rows and packed weights, and where the object lies in the text; undefined on anything unexpected (exported for its test). */
export function scanFeatures(text: string): { rows: Map<string, number>; table: Int32Array; start: number; end: number } | undefined {
  const keyAt = text.indexOf(featuresKey);
  if (keyAt < 0) return undefined;
  const rows = new Map<string, number>();
  let table = new Int32Array(1 << 16);
  let i = keyAt + featuresKey.length;
  while (text.charCodeAt(i) === 34 /* " */) {
    let close = i + 1;
    let escaped = false;
    while (close < text.length && text.charCodeAt(close) !== 34) {
      if (text.charCodeAt(close) === 92 /* \ */) {
        escaped = true;
        close++;
      }
      close++;
    }
    const feature = escaped ? (JSON.parse(text.slice(i, close + 1)) as string) : text.slice(i + 1, close);
    if (text.charCodeAt(close + 1) !== 58 /* : */ || text.charCodeAt(close + 2) !== 91 /* [ */) return undefined;
    const row = rows.size * labelCount;
    if (row + labelCount > table.length) {
      const grown = new Int32Array(table.length * 2);
      grown.set(table);
      table = grown;
    }
    // [label, weight, label, weight, ...]: whole numbers only.
    let j = close + 3;
    let label = -1;
    for (;;) {
      const numberAt = j;
      if (text.charCodeAt(j) === 45 /* - */) j++;
      const digitsAt = j;
      while (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === digitsAt) {
        if (j !== numberAt) return undefined; // a lone minus
        if (text.charCodeAt(j) === 93 /* ] */ && label < 0 && j === close + 3) {
          j++; // an empty list
          break;
        }
        return undefined;
      }
      const value = Number(text.slice(numberAt, j));
      if (label < 0) {
        if (value >= labelCount || value < 0) return undefined;
        label = value;
      } else {
        table[row + label] = value;
        label = -1;
      }
      const next = text.charCodeAt(j++);
      if (next === 93 /* ] */) break;
      if (next !== 44 /* , */) return undefined;
    }
    if (label >= 0) return undefined;
    rows.set(feature, row);
    i = j;
    if (text.charCodeAt(i) === 44 /* , */) i++;
  }
  if (text.charCodeAt(i) !== 125 /* } */) return undefined;
  return { rows, table: table.slice(0, rows.size * labelCount), start: keyAt + featuresKey.length - 1, end: i + 1 };
}

function modelOf(file: TaggerWeightsFile, rows: Map<string, number>, table: Int32Array): LoadedModel {
  if (file.labels.join() !== tagLabels.join()) throw new Error('ner-weights.json was trained with other labels; run npm run train:ner');
  const words = new Map<string, string>();
  for (const [type, forms] of Object.entries(file.gazetteer)) {
    for (const form of forms.split(' ')) if (form) words.set(form, type);
  }
  const phrases = new Map<string, string>();
  for (const [type, names] of Object.entries(file.phrases)) {
    for (const name of names.split('|')) if (name) phrases.set(name, type);
  }
  const clusters = new Map<string, string>();
  for (const [bits, forms] of Object.entries(file.clusters ?? {})) {
    for (const form of forms.split(' ')) if (form) clusters.set(form, bits);
  }
  const gazetteer: Gazetteer = { word: (form) => words.get(form), phrase: (key) => phrases.get(key), cluster: (form) => clusters.get(form) };
  return {
    rows,
    table,
    scale: file.scale,
    start: Float64Array.from(file.start, (w) => w * file.scale),
    transitions: Float64Array.from(file.transitions, (w) => w * file.scale),
    temperature: file.temperature,
    gazetteer,
  };
}

/**
 * Where the weights are: beside the bundle (dist/ner-weights.json, copied
 * there by esbuild.mjs), or in data/ when run from the sources. They are read
 * when first needed, not compiled into the bundle: 3.6 MB of literal the
 * server would otherwise parse at every start.
 */
export function taggerWeightsPath(): string {
  const beside = join(__dirname, 'ner-weights.json');
  return existsSync(beside) ? beside : join(__dirname, '..', 'data', 'ner-weights.json');
}

function loadedModel(): LoadedModel {
  if (!model) {
    const started = performance.now();
    model = readWeights(readFileSync(taggerWeightsPath(), 'utf8'));
    loadMilliseconds = performance.now() - started;
  }
  return model;
}

/** Milliseconds the weights took to load, 0 until the first paragraph is tagged. */
export function taggerLoadMs(): number {
  return loadMilliseconds;
}

export function isTaggerLoaded(): boolean {
  return model !== undefined;
}

/** Emission scores (words x labels, row-major) of the given features under the model. */
export function emissionsOf(features: readonly (readonly string[])[], loaded: LoadedModel): Float64Array {
  const emissions = new Float64Array(features.length * labelCount);
  features.forEach((list, i) => {
    const row = i * labelCount;
    for (const feature of list) {
      const at = loaded.rows.get(feature);
      if (at === undefined) continue;
      // The same product the table held as doubles before: scores are unchanged to the last bit.
      for (let y = 0; y < labelCount; y++) emissions[row + y] += loaded.table[at + y] * loaded.scale;
    }
  });
  return emissions;
}

/** Labels that continue a name: a name never runs on across a comma, a semicolon or a sentence end. */
const continuationLabels = tagLabels.flatMap((label, y) => (label.startsWith('I-') ? [y] : []));
const breaksName = /[,;]/;

/**
 * The paragraph's emission scores, with continuing a name ruled out after a
 * comma or semicolon and across sentences: "Hyundai, Haitai and Samsung" are
 * three names. In the training data fewer than 1 name in 1,000 holds a comma
 * ("Goldman, Sachs & Co"), and the tagger's spans across one were nearly
 * always two names run together.
 */
export function paragraphEmissions(words: readonly NlpWord[], loaded: LoadedModel): Float64Array {
  const emissions = emissionsOf(paragraphFeatures(words, loaded.gazetteer), loaded);
  for (let i = 1; i < words.length; i++) {
    if (!breaksName.test(words[i - 1].post) && words[i - 1].sentence === words[i].sentence) continue;
    for (const y of continuationLabels) emissions[i * labelCount + y] = forbidden;
  }
  return emissions;
}

function decode(emissions: Float64Array, wordCount: number, loaded: LoadedModel): TaggedWord[] {
  const path = viterbi(emissions, wordCount, loaded.start, loaded.transitions);
  const marginals = maxMarginals(emissions, wordCount, loaded.start, loaded.transitions);
  return path.map((y, i) => {
    const row = i * labelCount;
    let total = 0;
    for (let other = 0; other < labelCount; other++) {
      total += Math.exp((marginals[row + other] - marginals[row + y]) / loaded.temperature);
    }
    return { label: tagLabels[y], confidence: 1 / total };
  });
}

/** Emissions with the document-level features' weights added (a copy; null when no word has any). */
function withDocumentFeatures(emissions: Float64Array, documentFeatures: readonly (readonly string[])[], loaded: LoadedModel): Float64Array | null {
  if (!documentFeatures.some((list) => list.length > 0)) return null;
  const added = emissionsOf(documentFeatures, loaded);
  for (let k = 0; k < added.length; k++) added[k] += emissions[k];
  return added;
}

/**
 * Labels for the words of a paragraph as scored by the given model (the
 * training script passes its own), with the document-level features of its
 * words if given (see tagger-features.ts).
 */
export function tagWithModel(paragraph: NlpParagraph, loaded: LoadedModel, documentFeatures?: readonly (readonly string[])[]): TaggedWord[] {
  const wordCount = paragraph.words.length;
  if (wordCount === 0) return [];
  const emissions = paragraphEmissions(paragraph.words, loaded);
  const withDocument = documentFeatures && withDocumentFeatures(emissions, documentFeatures, loaded);
  return decode(withDocument ?? emissions, wordCount, loaded);
}

/** The paragraph's own tagging, kept: its labels, the emissions they came from, and what it tells the rest of the draft. */
interface FirstPass {
  tags: readonly TaggedWord[];
  emissions: Float64Array;
  counts: NameCounts;
}

const firstPasses = new WeakMap<NlpParagraph, FirstPass>();

function firstPass(paragraph: NlpParagraph): FirstPass {
  let pass = firstPasses.get(paragraph);
  if (!pass) {
    const loaded = loadedModel();
    const emissions = paragraphEmissions(paragraph.words, loaded);
    const tags = Object.freeze(paragraph.words.length === 0 ? [] : decode(emissions, paragraph.words.length, loaded));
    const counts = nameCounts(
      paragraph.words,
      tags.map((t) => t.label),
    );
    pass = { tags, emissions, counts };
    firstPasses.set(paragraph, pass);
  }
  return pass;
}

/**
 * One label per word of `paragraph.words`, in order, from the paragraph
 * alone. Results are kept per parsed paragraph, and parsed paragraphs are
 * cached by text in nlp.ts, so a paragraph that has not changed is not tagged
 * again.
 */
export function tagParagraph(paragraph: NlpParagraph): TaggedWord[] {
  return [...firstPass(paragraph).tags];
}

/** How the paragraph's own tagging labelled its capitalised words; add up a draft's with addNameCounts. */
export function paragraphNameCounts(paragraph: NlpParagraph): NameCounts {
  return firstPass(paragraph).counts;
}

/** The document-level features of the paragraph's words, given the whole draft's counts (its own included). */
export function draftFeatures(paragraph: NlpParagraph, draft: NameCounts): string[][] {
  return documentFeatures(
    paragraph.words,
    firstPass(paragraph).tags.map((t) => t.label),
    draft,
  );
}

/**
 * The paragraph's labels once the rest of the draft is known: its cached
 * emissions plus the weights of its document-level features, decoded again
 * (a few microseconds a word; the paragraph's own tagging is not redone).
 */
export function tagInDraft(paragraph: NlpParagraph, features: readonly (readonly string[])[]): TaggedWord[] {
  const pass = firstPass(paragraph);
  const emissions = withDocumentFeatures(pass.emissions, features, loadedModel());
  return emissions ? decode(emissions, paragraph.words.length, loadedModel()) : [...pass.tags];
}

/** Every paragraph of a draft tagged in the light of the others (the two steps above, for scripts and tests). */
export function tagDraft(paragraphs: readonly NlpParagraph[]): TaggedWord[][] {
  const draft: NameCounts = new Map();
  for (const paragraph of paragraphs) addNameCounts(draft, paragraphNameCounts(paragraph));
  return paragraphs.map((paragraph) => tagInDraft(paragraph, draftFeatures(paragraph, draft)));
}
