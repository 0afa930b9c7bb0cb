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
import type { NlpParagraph } from '../nlp';
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
  table: Float64Array;
  start: Float64Array;
  transitions: Float64Array;
  temperature: number;
  gazetteer: Gazetteer;
}

let model: LoadedModel | undefined;
let loadMilliseconds = 0;

/** Turns the compact file into lookup tables; exported so training can check what it wrote. */
export function loadWeights(file: TaggerWeightsFile): LoadedModel {
  if (file.labels.join() !== tagLabels.join()) throw new Error('ner-weights.json was trained with other labels; run npm run train:ner');
  const entries = Object.entries(file.features);
  const rows = new Map<string, number>();
  const table = new Float64Array(entries.length * labelCount);
  entries.forEach(([feature, packed], i) => {
    const row = i * labelCount;
    for (let k = 0; k + 1 < packed.length; k += 2) table[row + packed[k]] = packed[k + 1] * file.scale;
    rows.set(feature, row);
  });
  const words = new Map<string, string>();
  for (const [type, forms] of Object.entries(file.gazetteer)) {
    for (const form of forms.split(' ')) if (form) words.set(form, type);
  }
  const phrases = new Map<string, string>();
  for (const [type, names] of Object.entries(file.phrases)) {
    for (const name of names.split('|')) if (name) phrases.set(name, type);
  }
  const gazetteer: Gazetteer = { word: (form) => words.get(form), phrase: (key) => phrases.get(key) };
  return {
    rows,
    table,
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
    model = loadWeights(JSON.parse(readFileSync(taggerWeightsPath(), 'utf8')) as TaggerWeightsFile);
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
      for (let y = 0; y < labelCount; y++) emissions[row + y] += loaded.table[at + y];
    }
  });
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
  const emissions = emissionsOf(paragraphFeatures(paragraph.words, loaded.gazetteer), loaded);
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
    const emissions = emissionsOf(paragraphFeatures(paragraph.words, loaded.gazetteer), loaded);
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
