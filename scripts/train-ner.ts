// Trains the name tagger (server/src/analysis/entities/tagger.ts): an averaged
// structured perceptron over compromise's words, labels B-/I- PER, ORG, LOC,
// MISC and O, features from entities/tagger-features.ts.
//
//   npm run train:ner
//   npm run train:ner -- --epochs 6 --no-write        (tuning: prints the development scores only)
//   npm run train:ner -- --no-write --seed 7          (another shuffle order: how much of a difference is luck)
//   npm run train:ner -- --no-write --clusters        (with word-cluster features, npm run train:clusters)
//   COPYDESK_NER_CACHE=/tmp/ner-cache npm run train:ner   (parse cache outside a shared node_modules)
//
// Trained on CoNLL-2003 eng.train and the GMB sentences not held out (four in
// five; every fifth sentence is the GMB development slice, as for the name
// model). Scored on eng.testa and that slice, which are never trained on.
// Deterministic: fixed order, one seeded shuffle per epoch. compromise's parses
// are cached under node_modules/.cache (the first run parses about 1M words).
// Writes server/src/analysis/data/ner-weights.json.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addNameCounts,
  documentFeatures,
  longestGazetteerPhrase,
  nameCounts,
  paragraphFeatures,
  wordForm,
  type Gazetteer,
  type NameCounts,
} from '../server/src/analysis/entities/tagger-features';
import { emissionsOf, labelCount, loadWeights, tagLabels, tagWithModel, viterbi, type TaggerWeightsFile } from '../server/src/analysis/entities/tagger';
import { seededRandom } from '../test/support/seededRandom';
import {
  asParagraph,
  buildExamples,
  commandOption,
  corporaFolder,
  documentGroups,
  emptyTally,
  entityTypes,
  formatTally,
  readConllSentences,
  readGmbSentences,
  scoreExample,
  spansFromLabels,
  type Example,
  type Tally,
} from './ner-corpus';

const args = process.argv.slice(2);
const option = commandOption;
const corpora = corporaFolder();
const epochs = Number(option('--epochs', '8'));
/** Features seen fewer times than this in training are not learnt. */
const minCount = Number(option('--min-count', '2'));
/** Size budget of the feature weights; the least pruning that fits is taken (the extension ships them: at most 15 MB, kept near 5 MB so they load fast). */
const maxFeatureKb = Number(option('--max-kb', '5000'));
/** A word form joins the gazetteer when seen at least this often, mostly inside names of one type. */
const gazetteerMinCount = Number(option('--gazetteer-min', '3'));
const useGmb = !args.includes('--no-gmb');
/** Seed of the shuffles (another seed shows how much of a difference is the order of training). */
const seed = Number(option('--seed', '20030'));
const write = !args.includes('--no-write');
/**
 * With word-cluster features (data/word-clusters.json, npm run train:clusters). Off by default:
 * measured, they changed testa and GMB dev F1 by less than the noise (README), and cost 0.6 MB.
 */
const useClusters = args.includes('--clusters');
const output = join(__dirname, '..', 'server', 'src', 'analysis', 'data', 'ner-weights.json');
const clustersInput = join(__dirname, '..', 'server', 'src', 'analysis', 'data', 'word-clusters.json');
const log = (line: string) => console.log(line);

// ---------------------------------------------------------------------------
// Data

log('reading and parsing the corpora');
const conllTrain = buildExamples(readConllSentences(join(corpora, 'conll2003', 'eng.train')), 'conll-train', log);
const conllDev = buildExamples(readConllSentences(join(corpora, 'conll2003', 'eng.testa')), 'conll-testa', log);
const gmb = readGmbSentences(join(corpora, 'gmb', 'ner_dataset.csv'));
const gmbTrain = useGmb ? buildExamples(gmb.train, 'gmb-train', log) : [];
const gmbDev = buildExamples(gmb.dev, 'gmb-dev', log);
const training = [...conllTrain, ...gmbTrain];
log(`training sentences: CoNLL ${conllTrain.length}, GMB ${gmbTrain.length}; development: testa ${conllDev.length}, GMB ${gmbDev.length}`);

// What perfect word labels would score: names that compromise's words cannot
// express exactly (split or merged tokens) are lost before training starts.
for (const [name, examples] of [
  ['testa', conllDev],
  ['GMB dev', gmbDev],
] as const) {
  const tally = emptyTally();
  for (const example of examples)
    scoreExample(
      example,
      spansFromLabels(
        example.words,
        example.labels.map((y) => tagLabels[y]),
      ),
      tally,
    );
  for (const line of formatTally(`${name} ceiling`, tally)) log(line);
}

// ---------------------------------------------------------------------------
// Gazetteer: word forms seen mostly inside one type of name. For the training
// sentences it comes from the other half of the training data, so that the
// perceptron learns how far a gazetteer hit can be trusted on unseen words.

interface LearntNames {
  words: Map<string, string>;
  phrases: Map<string, string>;
}

/** Keys with at least `minimum` uses as one type, which is more than half of all their uses. */
function mostlyOneType(asType: Map<string, Map<string, number>>, seen: Map<string, number>, minimum: number): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, counts] of asType) {
    for (const [type, count] of counts) {
      if (count >= minimum && count / (seen.get(key) ?? count) > 0.5) result.set(key, type);
    }
  }
  return result;
}

function addCount<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function buildGazetteer(examples: Example[]): LearntNames {
  const seenWords = new Map<string, number>();
  const wordTypes = new Map<string, Map<string, number>>();
  const phraseTypes = new Map<string, Map<string, number>>();
  const countType = (table: Map<string, Map<string, number>>, key: string, type: string) => {
    const counts = table.get(key) ?? new Map<string, number>();
    addCount(counts, type);
    table.set(key, counts);
  };
  for (const example of examples) {
    const forms = example.words.map((w) => wordForm(w.text));
    example.words.forEach((word, i) => {
      if (!/\p{Lu}/u.test(word.text)) return;
      addCount(seenWords, forms[i]);
      const label = tagLabels[example.labels[i]];
      if (label !== 'O') countType(wordTypes, forms[i], label.slice(2));
      if (!label.startsWith('B-')) return;
      let end = i + 1;
      while (end < forms.length && tagLabels[example.labels[end]] === `I-${label.slice(2)}`) end++;
      if (end - i >= 2 && end - i <= longestGazetteerPhrase) countType(phraseTypes, forms.slice(i, end).join(' '), label.slice(2));
    });
  }
  // How often each candidate name occurs at all, inside a gold name or not.
  const seenPhrases = new Map<string, number>();
  for (const example of examples) {
    const forms = example.words.map((w) => wordForm(w.text));
    for (let i = 0; i < forms.length; i++) {
      for (let length = 2; length <= longestGazetteerPhrase && i + length <= forms.length; length++) {
        const key = forms.slice(i, i + length).join(' ');
        if (phraseTypes.has(key)) addCount(seenPhrases, key);
      }
    }
  }
  return {
    words: mostlyOneType(wordTypes, seenWords, gazetteerMinCount),
    phrases: mostlyOneType(phraseTypes, seenPhrases, 2),
  };
}

// Word clusters learnt from unlabelled train-side text (npm run train:clusters); copied into the weights file.
const clusterFile = useClusters ? (JSON.parse(readFileSync(clustersInput, 'utf8')) as { clusters: Record<string, string> }) : { clusters: {} };
const clusterOf = new Map<string, string>();
for (const [bits, forms] of Object.entries(clusterFile.clusters)) for (const form of forms.split(' ')) clusterOf.set(form, bits);
log(`word clusters: ${clusterOf.size} word forms in ${Object.keys(clusterFile.clusters).length} clusters`);
const asLookup = (names: LearntNames): Gazetteer => ({
  word: (form) => names.words.get(form),
  phrase: (key) => names.phrases.get(key),
  cluster: (form) => clusterOf.get(form),
});
const halves = [training.filter((_, i) => i % 2 === 0), training.filter((_, i) => i % 2 === 1)];
const halfGazetteers = [asLookup(buildGazetteer(halves[1])), asLookup(buildGazetteer(halves[0]))];
const learntNames = buildGazetteer(training);
const gazetteer = asLookup(learntNames);
log(`gazetteer: ${learntNames.words.size} word forms, ${learntNames.phrases.size} names of several words`);

// ---------------------------------------------------------------------------
// Features as integer ids

interface Encoded {
  /** Feature ids of word i: ids[offsets[i]] .. ids[offsets[i + 1]]. */
  ids: Int32Array;
  offsets: Int32Array;
  labels: number[];
}

const featureCounts = new Map<string, number>();
const trainingFeatures = training.map((example, n) => {
  const features = paragraphFeatures(example.words, halfGazetteers[n % 2]);
  for (const list of features) for (const f of list) featureCounts.set(f, (featureCounts.get(f) ?? 0) + 1);
  return features;
});
const featureIds = new Map<string, number>();
for (const [feature, count] of featureCounts) if (count >= minCount) featureIds.set(feature, featureIds.size);
featureCounts.clear();
const featureNames = [...featureIds.keys()];
log(`features: ${featureIds.size} seen at least ${minCount} times`);

function encode(features: string[][], labels: number[]): Encoded {
  const offsets = new Int32Array(features.length + 1);
  const ids: number[] = [];
  features.forEach((list, i) => {
    for (const f of list) {
      const id = featureIds.get(f);
      if (id !== undefined) ids.push(id);
    }
    offsets[i + 1] = ids.length;
  });
  return { ids: Int32Array.from(ids), offsets, labels };
}

const encodedTraining = trainingFeatures.map((features, n) => encode(features, training[n].labels));
trainingFeatures.length = 0;
const encodeDev = (examples: Example[]) => examples.map((e) => encode(paragraphFeatures(e.words, gazetteer), e.labels));
const encodedConllDev = encodeDev(conllDev);
const encodedGmbDev = encodeDev(gmbDev);

// ---------------------------------------------------------------------------
// Averaged perceptron (averaging by the usual trick: keep the sum of
// step-weighted updates and subtract it at the end).

const L = labelCount;

interface Trained {
  weights: Float64Array;
  start: Float64Array;
  transitions: Float64Array;
}

function emissions(example: Encoded, w: Float64Array): Float64Array {
  const n = example.labels.length;
  const scores = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let k = example.offsets[i]; k < example.offsets[i + 1]; k++) {
      const base = example.ids[k] * L;
      for (let y = 0; y < L; y++) scores[i * L + y] += w[base + y];
    }
  }
  return scores;
}

function evaluate(examples: Example[], encoded: Encoded[], w: Float64Array, s: Float64Array, t: Float64Array): Tally {
  const tally = emptyTally();
  encoded.forEach((e, n) => {
    if (e.labels.length === 0) return;
    const path = viterbi(emissions(e, w), e.labels.length, s, t);
    scoreExample(
      examples[n],
      spansFromLabels(
        examples[n].words,
        path.map((y) => tagLabels[y]),
      ),
      tally,
    );
  });
  return tally;
}

const f1Of = (tally: Tally, type: 'PER' | 'ORG' | 'LOC') => {
  const c = tally[type];
  return c.correct === 0 ? 0 : (200 * c.correct) / (c.gold + c.predicted);
};
const figures = (tally: Tally) => (['PER', 'ORG', 'LOC'] as const).map((type) => `${type} ${f1Of(tally, type).toFixed(1)}`).join(' ');

/**
 * Averaged perceptron over the given training sentences (averaging by the
 * usual trick: keep the sum of step-weighted updates and subtract it at the
 * end); `report` sees the averaged weights after each epoch.
 */
function trainPerceptron(indices: readonly number[], rounds: number, report?: (epoch: number, trained: Trained) => void): Trained {
  const weights = new Float64Array(featureNames.length * L);
  const weightSums = new Float64Array(featureNames.length * L);
  const start = new Float64Array(L);
  const startSums = new Float64Array(L);
  const transitions = new Float64Array(L * L);
  const transitionSums = new Float64Array(L * L);
  let step = 1;

  function update(example: Encoded, predicted: number[]): void {
    const gold = example.labels;
    for (let i = 0; i < gold.length; i++) {
      const previousGold = i > 0 ? gold[i - 1] : -1;
      const previousPredicted = i > 0 ? predicted[i - 1] : -1;
      if (gold[i] !== predicted[i]) {
        for (let k = example.offsets[i]; k < example.offsets[i + 1]; k++) {
          const base = example.ids[k] * L;
          weights[base + gold[i]] += 1;
          weightSums[base + gold[i]] += step;
          weights[base + predicted[i]] -= 1;
          weightSums[base + predicted[i]] -= step;
        }
      }
      if (gold[i] !== predicted[i] || previousGold !== previousPredicted) {
        if (i === 0) {
          start[gold[0]] += 1;
          startSums[gold[0]] += step;
          start[predicted[0]] -= 1;
          startSums[predicted[0]] -= step;
        } else {
          transitions[previousGold * L + gold[i]] += 1;
          transitionSums[previousGold * L + gold[i]] += step;
          transitions[previousPredicted * L + predicted[i]] -= 1;
          transitionSums[previousPredicted * L + predicted[i]] -= step;
        }
      }
    }
  }

  const averaged = (w: Float64Array, sums: Float64Array) => w.map((x, k) => x - sums[k] / step);
  const current = (): Trained => ({
    weights: averaged(weights, weightSums),
    start: averaged(start, startSums),
    transitions: averaged(transitions, transitionSums),
  });
  const random = seededRandom(seed);
  const order = [...indices];
  for (let epoch = 1; epoch <= rounds; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const example = encodedTraining[index];
      if (example.labels.length > 0) {
        const predicted = viterbi(emissions(example, weights), example.labels.length, start, transitions);
        if (predicted.some((y, i) => y !== example.labels[i])) update(example, predicted);
      }
      step++;
    }
    report?.(epoch, current());
  }
  return current();
}

let epochStarted = performance.now();
const trained = trainPerceptron(
  encodedTraining.map((_, i) => i),
  epochs,
  (epoch, { weights: w, start: s, transitions: t }) => {
    const testa = evaluate(conllDev, encodedConllDev, w, s, t);
    const gmbScores = evaluate(gmbDev, encodedGmbDev, w, s, t);
    log(`epoch ${epoch}: ${((performance.now() - epochStarted) / 1000).toFixed(0)} s; exact F1 testa ${figures(testa)}; GMB dev ${figures(gmbScores)}`);
    epochStarted = performance.now();
  },
);

// ---------------------------------------------------------------------------
// Compact weights: drop features whose weights are all small, store integers.

const { weights: finalWeights, start: finalStart, transitions: finalTransitions } = trained;
let largest = 0;
for (const x of finalWeights) largest = Math.max(largest, Math.abs(x));
/** Stored weights are integers from -levels to levels. */
const levels = Number(option('--levels', '250'));
const scale = largest / levels;

/** Weights of at least `share` of the largest, rounded to multiples of scale; the rest are dropped. */
function compact(share: number): { features: Record<string, number[]>; rounded: Float64Array } {
  const cutoff = largest * share;
  const features: Record<string, number[]> = {};
  const rounded = new Float64Array(finalWeights.length);
  for (let f = 0; f < featureNames.length; f++) {
    const row = finalWeights.subarray(f * L, f * L + L);
    const packed: number[] = [];
    row.forEach((x, y) => {
      if (Math.abs(x) < cutoff) return;
      const q = Math.round(x / scale);
      rounded[f * L + y] = q * scale;
      if (q !== 0) packed.push(y, q);
    });
    if (packed.length > 0) features[featureNames[f]] = packed;
  }
  return { features, rounded };
}

// The least pruning whose weights fit the size budget (the extension ships them).
let chosen: ReturnType<typeof compact> | undefined;
for (const share of [0.002, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.1]) {
  const candidate = compact(share);
  const size = JSON.stringify(candidate.features).length / 1024;
  const testa = evaluate(conllDev, encodedConllDev, candidate.rounded, finalStart, finalTransitions);
  const gmbScores = evaluate(gmbDev, encodedGmbDev, candidate.rounded, finalStart, finalTransitions);
  log(
    `prune below ${share} of the largest weight: ${Object.keys(candidate.features).length} features, ${size.toFixed(0)} KB; testa PER ${f1Of(testa, 'PER').toFixed(1)} ORG ${f1Of(testa, 'ORG').toFixed(1)}; GMB PER ${f1Of(gmbScores, 'PER').toFixed(1)} ORG ${f1Of(gmbScores, 'ORG').toFixed(1)}`,
  );
  if (size <= maxFeatureKb) {
    chosen = candidate;
    break;
  }
}
if (!chosen) throw new Error(`no pruning fits ${maxFeatureKb} KB`);
const { features } = chosen;
const gazetteerLists: Record<string, string> = {};
const phraseLists: Record<string, string> = {};
for (const type of entityTypes) {
  const ofType = (table: Map<string, string>) =>
    [...table]
      .filter(([, t]) => t === type)
      .map(([key]) => key)
      .sort();
  gazetteerLists[type] = ofType(learntNames.words).join(' ');
  phraseLists[type] = ofType(learntNames.phrases)
    .filter((key) => !key.includes('|'))
    .join('|');
}
const file: TaggerWeightsFile = {
  labels: [...tagLabels],
  scale,
  temperature: 1,
  start: [...finalStart].map((x) => Math.round(x / scale)),
  transitions: [...finalTransitions].map((x) => Math.round(x / scale)),
  gazetteer: gazetteerLists,
  phrases: phraseLists,
  ...(useClusters ? { clusters: clusterFile.clusters } : {}),
  features,
};
log(`kept ${Object.keys(features).length} of ${featureNames.length} features`);

// Confidence temperature: the one that best predicts the gold labels of the
// development words (lowest log loss), from a fixed grid.
const trainedModel = loadWeights(file);
// Every fourth development sentence is enough to choose it.
const devExamples = [...conllDev, ...gmbDev].filter((e, i) => e.words.length > 0 && i % 4 === 0);
let bestTemperature = 1;
let bestLoss = Infinity;
for (const temperature of [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64].map((x) => x * scale * 100)) {
  let loss = 0;
  for (const example of devExamples) {
    const tagged = tagWithModel(asParagraph(example.words), { ...trainedModel, temperature });
    tagged.forEach((t, i) => {
      const right = t.label === tagLabels[example.labels[i]];
      loss -= Math.log(Math.max(1e-9, right ? t.confidence : 1 - t.confidence));
    });
  }
  if (loss < bestLoss) {
    bestLoss = loss;
    bestTemperature = temperature;
  }
}
file.temperature = Number(bestTemperature.toPrecision(4));

// ---------------------------------------------------------------------------
// Second stage: the weights of the document-level features (tagger-features.ts),
// learnt on top of first-pass scores as a draft will give them: from a model
// that never saw the document. Each half of the training documents is tagged
// by a model trained on the other half (its gazetteer features, above, come
// from other sentences, not other documents: a little kinder than a new story).
// Scores are divided by their typical spread, so that weights learnt over the
// half models' scores fit the full model's; how much they count against the
// full model's is chosen on the development sets.

/** Epochs of the two half models (as many as the full model's unless given). */
const foldEpochs = Number(option('--fold-epochs', String(epochs)));
/** At most this many epochs of the second stage; the one best on the development sets is kept. */
const documentEpochs = Number(option('--document-epochs', '4'));

/** Root mean square, over words, of the standard deviation of a word's label scores. */
function spread(scores: readonly Float64Array[]): number {
  let sum = 0;
  let words = 0;
  for (const rows of scores) {
    for (let row = 0; row < rows.length; row += L) {
      let mean = 0;
      for (let y = 0; y < L; y++) mean += rows[row + y] / L;
      for (let y = 0; y < L; y++) sum += (rows[row + y] - mean) ** 2 / L;
      words++;
    }
  }
  return Math.sqrt(sum / Math.max(1, words));
}

const divided = (values: Float64Array, by: number) => values.map((x) => x / by);
const labelNames = (path: readonly number[]) => path.map((y) => tagLabels[y]);

/** First-pass scores (divided by their spread) and labels, per sentence, and the decoding tables that go with them. */
interface FirstPasses {
  scores: Float64Array[];
  labels: number[][];
  start: Float64Array[];
  transitions: Float64Array[];
}

/** Document-level features of every sentence, from its document's first-pass labels. */
function documentFeatureLists(examples: Example[], labels: number[][]): string[][][] {
  const lists = new Array<string[][]>(examples.length);
  for (const group of documentGroups(examples)) {
    const counts: NameCounts = new Map();
    for (const n of group) addNameCounts(counts, nameCounts(examples[n].words, labelNames(labels[n])));
    for (const n of group) lists[n] = documentFeatures(examples[n].words, labelNames(labels[n]), counts);
  }
  return lists;
}

const halfOf = new Int8Array(training.length);
documentGroups(training).forEach((group, d) => group.forEach((n) => (halfOf[n] = d % 2)));
const trainingPasses: FirstPasses = { scores: [], labels: [], start: [], transitions: [] };
for (const fold of [0, 1]) {
  const started = performance.now();
  const half = encodedTraining.map((_, n) => n).filter((n) => halfOf[n] === fold);
  const other = encodedTraining.map((_, n) => n).filter((n) => halfOf[n] !== fold);
  const model = trainPerceptron(half, foldEpochs);
  const scores = other.map((n) => emissions(encodedTraining[n], model.weights));
  const sigma = spread(scores);
  other.forEach((n, k) => {
    trainingPasses.labels[n] =
      encodedTraining[n].labels.length === 0 ? [] : viterbi(scores[k], encodedTraining[n].labels.length, model.start, model.transitions);
    trainingPasses.scores[n] = divided(scores[k], sigma);
    trainingPasses.start[n] = divided(model.start, sigma);
    trainingPasses.transitions[n] = divided(model.transitions, sigma);
  });
  const firstPass = emptyTally();
  for (const n of other) scoreExample(training[n], spansFromLabels(training[n].words, labelNames(trainingPasses.labels[n])), firstPass);
  log(
    `half model ${fold + 1}: ${((performance.now() - started) / 1000).toFixed(0)} s; on the other half: ${figures(firstPass)}; score spread ${sigma.toFixed(2)}`,
  );
}
const trainingDocumentFeatures = documentFeatureLists(training, trainingPasses.labels);

// The full model's first pass over the development sets, as the extension runs it.
const shippedFirstModel = loadWeights(file);
function developmentPasses(examples: Example[]) {
  const scores = examples.map((e) => emissionsOf(paragraphFeatures(e.words, shippedFirstModel.gazetteer), shippedFirstModel));
  const labels = examples.map((e, n) =>
    e.words.length === 0 ? [] : viterbi(scores[n], e.words.length, shippedFirstModel.start, shippedFirstModel.transitions),
  );
  return { examples, scores, labels, features: documentFeatureLists(examples, labels) };
}
const developmentSets = [
  { name: 'testa', ...developmentPasses(conllDev) },
  { name: 'GMB dev', ...developmentPasses(gmbDev) },
];
const fullSpread = spread(developmentSets.flatMap((set) => set.scores));

const documentIds = new Map<string, number>();
for (const lists of trainingDocumentFeatures) for (const list of lists) for (const f of list) if (!documentIds.has(f)) documentIds.set(f, documentIds.size);

/** Scores plus the document-level weights (times `factor`) of each word's features. */
function withDocument(scores: Float64Array, lists: string[][], w: Float64Array, factor: number): Float64Array {
  const result = Float64Array.from(scores);
  lists.forEach((list, i) => {
    for (const f of list) {
      const id = documentIds.get(f);
      if (id !== undefined) for (let y = 0; y < L; y++) result[i * L + y] += factor * w[id * L + y];
    }
  });
  return result;
}

function evaluateDocument(w: Float64Array, factor: number): Tally[] {
  return developmentSets.map((set) => {
    const tally = emptyTally();
    set.examples.forEach((example, n) => {
      if (example.words.length === 0) return;
      const path = viterbi(
        withDocument(set.scores[n], set.features[n], w, factor),
        example.words.length,
        shippedFirstModel.start,
        shippedFirstModel.transitions,
      );
      scoreExample(example, spansFromLabels(example.words, labelNames(path)), tally);
    });
    return tally;
  });
}

const personAndOrganization = (tallies: Tally[]) => tallies.reduce((sum, t) => sum + f1Of(t, 'PER') + f1Of(t, 'ORG'), 0);
const noDocumentWeights = new Float64Array(documentIds.size * L);
let bestDocument = { epoch: 0, weights: noDocumentWeights, factor: fullSpread, score: personAndOrganization(evaluateDocument(noDocumentWeights, 1)) };
/** How much the weights count against the full model's scores: their spread, or near it (the half models are weaker). */
const factors = [0.25, 0.35, 0.5, 0.75].map((x) => x * fullSpread);
{
  const weights = new Float64Array(documentIds.size * L);
  const sums = new Float64Array(documentIds.size * L);
  let step = 1;
  const random = seededRandom(seed + 1);
  const order = training.map((_, n) => n).filter((n) => trainingDocumentFeatures[n].some((list) => list.length > 0));
  log(
    `second stage: ${documentIds.size} document-level features, on ${order.length} training sentences; first pass alone: ${bestDocument.score.toFixed(1)} (testa and GMB PER + ORG F1)`,
  );
  for (let epoch = 1; epoch <= documentEpochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const gold = encodedTraining[n].labels;
      const lists = trainingDocumentFeatures[n];
      const predicted = viterbi(withDocument(trainingPasses.scores[n], lists, weights, 1), gold.length, trainingPasses.start[n], trainingPasses.transitions[n]);
      predicted.forEach((y, i) => {
        if (y === gold[i]) return;
        for (const f of lists[i]) {
          const base = documentIds.get(f)! * L;
          weights[base + gold[i]] += 1;
          sums[base + gold[i]] += step;
          weights[base + y] -= 1;
          sums[base + y] -= step;
        }
      });
      step++;
    }
    const averagedWeights = weights.map((x, k) => x - sums[k] / step);
    for (const factor of factors) {
      const tallies = evaluateDocument(averagedWeights, factor);
      const score = personAndOrganization(tallies);
      log(`second stage epoch ${epoch}, weights times ${factor.toFixed(1)}: testa ${figures(tallies[0])}; GMB dev ${figures(tallies[1])}`);
      if (score > bestDocument.score) bestDocument = { epoch, weights: averagedWeights, factor, score };
    }
  }
}
log(`second stage: epoch ${bestDocument.epoch}, weights times ${bestDocument.factor.toFixed(1)} kept`);
for (const [feature, id] of documentIds) {
  const packed: number[] = [];
  for (let y = 0; y < L; y++) {
    const q = Math.round((bestDocument.weights[id * L + y] * bestDocument.factor) / scale);
    if (q !== 0) packed.push(y, q);
  }
  if (packed.length > 0) features[feature] = packed;
}

// Final figures through the real inference path, with the stored (rounded, pruned) weights:
// each sentence on its own, then again with its document's features.
const finalModel = loadWeights(file);
for (const [name, examples] of [
  ['testa', conllDev],
  ['GMB dev', gmbDev],
] as const) {
  const alone = emptyTally();
  const inDocument = emptyTally();
  const firstLabels = examples.map((e) => tagWithModel(asParagraph(e.words), finalModel).map((t) => t.label));
  for (const group of documentGroups(examples)) {
    const counts: NameCounts = new Map();
    for (const n of group) addNameCounts(counts, nameCounts(examples[n].words, firstLabels[n]));
    for (const n of group) {
      const example = examples[n];
      const labels = tagWithModel(asParagraph(example.words), finalModel, documentFeatures(example.words, firstLabels[n], counts)).map((t) => t.label);
      scoreExample(example, spansFromLabels(example.words, firstLabels[n]), alone);
      scoreExample(example, spansFromLabels(example.words, labels), inDocument);
    }
  }
  for (const line of formatTally(`${name} alone`, alone)) log(line);
  for (const line of formatTally(name, inDocument)) log(line);
}

if (write) {
  const json = JSON.stringify(file);
  writeFileSync(output, json + '\n');
  log(`wrote ${output} (${(json.length / 1024).toFixed(0)} KB)`);
}
