// Trains the name tagger (server/src/analysis/entities/tagger.ts): an averaged
// structured perceptron over compromise's words, labels B-/I- PER, ORG, LOC,
// MISC and O, features from entities/tagger-features.ts.
//
//   npm run train:ner
//   npm run train:ner -- --epochs 6 --no-write        (tuning: prints the development scores only)
//   COPYDESK_NER_CACHE=/tmp/ner-cache npm run train:ner   (parse cache outside a shared node_modules)
//
// Trained on CoNLL-2003 eng.train and the GMB sentences not held out (four in
// five; every fifth sentence is the GMB development slice, as for the name
// model). Scored on eng.testa and that slice, which are never trained on.
// Deterministic: fixed order, one seeded shuffle per epoch. compromise's parses
// are cached under node_modules/.cache (the first run parses about 1M words).
// Writes server/src/analysis/data/ner-weights.json.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { longestGazetteerPhrase, paragraphFeatures, wordForm, type Gazetteer } from '../server/src/analysis/entities/tagger-features';
import { labelCount, loadWeights, tagLabels, tagWithModel, viterbi, type TaggerWeightsFile } from '../server/src/analysis/entities/tagger';
import { seededRandom } from '../test/support/seededRandom';
import {
  asParagraph,
  buildExamples,
  commandOption,
  corporaFolder,
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
const write = !args.includes('--no-write');
const output = join(__dirname, '..', 'server', 'src', 'analysis', 'data', 'ner-weights.json');
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

const asLookup = (names: LearntNames): Gazetteer => ({ word: (form) => names.words.get(form), phrase: (key) => names.phrases.get(key) });
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
const weights = new Float64Array(featureNames.length * L);
const weightSums = new Float64Array(featureNames.length * L);
const start = new Float64Array(L);
const startSums = new Float64Array(L);
const transitions = new Float64Array(L * L);
const transitionSums = new Float64Array(L * L);
let step = 1;

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

const random = seededRandom(20030);
const order = encodedTraining.map((_, i) => i);
for (let epoch = 1; epoch <= epochs; epoch++) {
  const started = performance.now();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let mistakes = 0;
  for (const index of order) {
    const example = encodedTraining[index];
    if (example.labels.length > 0) {
      const predicted = viterbi(emissions(example, weights), example.labels.length, start, transitions);
      if (predicted.some((y, i) => y !== example.labels[i])) {
        mistakes++;
        update(example, predicted);
      }
    }
    step++;
  }
  const w = averaged(weights, weightSums);
  const s = averaged(start, startSums);
  const t = averaged(transitions, transitionSums);
  const testa = evaluate(conllDev, encodedConllDev, w, s, t);
  const gmbScores = evaluate(gmbDev, encodedGmbDev, w, s, t);
  const figures = (tally: Tally) => (['PER', 'ORG', 'LOC'] as const).map((type) => `${type} ${f1Of(tally, type).toFixed(1)}`).join(' ');
  log(
    `epoch ${epoch}: ${mistakes} sentences wrong, ${((performance.now() - started) / 1000).toFixed(0)} s; exact F1 testa ${figures(testa)}; GMB dev ${figures(gmbScores)}`,
  );
}

// ---------------------------------------------------------------------------
// Compact weights: drop features whose weights are all small, store integers.

const finalWeights = averaged(weights, weightSums);
const finalStart = averaged(start, startSums);
const finalTransitions = averaged(transitions, transitionSums);
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

// Final figures through the real inference path, with the stored (rounded, pruned) weights.
const finalModel = loadWeights(file);
for (const [name, examples] of [
  ['testa', conllDev],
  ['GMB dev', gmbDev],
] as const) {
  const tally = emptyTally();
  for (const example of examples) {
    const labels = tagWithModel(asParagraph(example.words), finalModel).map((t) => t.label);
    scoreExample(example, spansFromLabels(example.words, labels), tally);
  }
  for (const line of formatTally(name, tally)) log(line);
}

if (write) {
  const json = JSON.stringify(file);
  writeFileSync(output, json + '\n');
  log(`wrote ${output} (${(json.length / 1024).toFixed(0)} KB)`);
}
