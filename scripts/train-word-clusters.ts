// Learns word clusters from unlabelled news text for the name tagger
// (entities/tagger-features.ts): words that occur in the same contexts get bit
// strings with a long common prefix, so "kowalczyk", never seen in a labelled
// name, can still share a prefix with surnames that were.
//
//   npm run train:clusters
//   npm run train:clusters -- --min-count 5 --depth 16 --no-write
//
// Train-side text only: CoNLL-2003 eng.train, the GMB sentences train:ner
// trains on (not every fifth), the BBC articles and polnear's train texts;
// never eng.testa, the GMB development slice or polnear/dev. Each word form
// (lower case, digits as 0, as the tagger sees it) seen at least --min-count
// times is described by its left and right neighbours: the square root of the
// share of each of the most frequent tokens on either side (Hellinger
// distance). The words are then split in two again and again (along the
// principal direction, refined by 2-means), each split adding a bit, down to
// --depth bits or small clusters. Deterministic: no random numbers, fixed
// order. Writes server/src/analysis/data/word-clusters.json, which
// train:ner copies into the weights file (the tagger reads them from there).

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordForm } from '../server/src/analysis/entities/tagger-features';
import { commandOption, corporaFolder, detokenise, readConllSentences, readGmbSentences } from './ner-corpus';

const args = process.argv.slice(2);
const corpora = corporaFolder();
/** Words seen fewer times than this get no cluster (too few contexts to place them). */
const minCount = Number(commandOption('--min-count', '5'));
/** Longest bit string. */
const maxDepth = Number(commandOption('--depth', '16'));
/** Clusters this small are not split further. */
const minClusterSize = Number(commandOption('--min-size', '6'));
/** Neighbours counted one by one on each side; rarer ones share one slot. */
const contextSize = Number(commandOption('--contexts', '800'));
const write = !args.includes('--no-write');
const output = join(__dirname, '..', 'server', 'src', 'analysis', 'data', 'word-clusters.json');
const log = (line: string) => console.log(line);

// ---------------------------------------------------------------------------
// Text: one token list per paragraph or sentence.

/** Words as the tagger's parser keeps them (hyphenated and dotted parts joined, possessive 's dropped), and punctuation marks as context. */
const tokenPattern = /[\p{L}\p{N}]+(?:[-.'’&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

function tokens(text: string): string[] {
  const result: string[] = [];
  for (const [token] of text.matchAll(tokenPattern)) {
    if (!/[\p{L}\p{N}]/u.test(token)) {
      result.push(token === '“' || token === '”' ? '"' : token === '’' || token === '‘' ? "'" : token);
      continue;
    }
    let word = token.replace(/['’][sS]$/, '');
    // A final full stop belongs to the word only in abbreviations ("U.S.", "Mr."); otherwise it ends the sentence.
    if (word.endsWith('.') && !/\.\p{L}/u.test(word) && word.length > 4) word = word.slice(0, -1);
    result.push(wordForm(word));
  }
  return result;
}

function textFiles(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...textFiles(path));
    else if (name.endsWith('.txt') && name !== 'README.TXT') files.push(path);
  }
  return files;
}

const lines: string[][] = [];
let sourceTokens = 0;
function addText(source: string, texts: Iterable<string>): void {
  const before = lines.length;
  let count = 0;
  for (const text of texts) {
    for (const line of text.split(/\n+/)) {
      const list = tokens(line);
      if (list.length === 0) continue;
      lines.push(list);
      count += list.length;
    }
  }
  sourceTokens += count;
  log(`${source}: ${lines.length - before} lines, ${count} tokens`);
}

const sentenceTexts = (sentences: Parameters<typeof detokenise>[0][]) => sentences.map((s) => detokenise(s).text);
addText('CoNLL-2003 eng.train', sentenceTexts(readConllSentences(join(corpora, 'conll2003', 'eng.train')).sentences));
addText('GMB (training part)', sentenceTexts(readGmbSentences(join(corpora, 'gmb', 'ner_dataset.csv')).train.sentences));
addText(
  'BBC',
  textFiles(join(corpora, 'bbc')).map((path) => readFileSync(path, 'utf8')),
);
addText(
  'polnear train',
  textFiles(join(corpora, 'polnear', 'train', 'text')).map((path) => readFileSync(path, 'utf8')),
);
log(`${sourceTokens} tokens in all`);

// ---------------------------------------------------------------------------
// Vocabulary and context vectors

const counts = new Map<string, number>();
for (const line of lines) for (const token of line) counts.set(token, (counts.get(token) ?? 0) + 1);
const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);
const vocabulary = byFrequency.filter(([token, count]) => count >= minCount && isWord(token)).map(([token]) => token);
const wordIndex = new Map(vocabulary.map((word, i) => [word, i]));
// Context slots per side: the paragraph edge, the most frequent tokens, then one slot for the rest.
const contextIndex = new Map<string, number>([['<edge>', 0]]);
for (const [token] of byFrequency.slice(0, contextSize)) contextIndex.set(token, contextIndex.size);
const otherContext = contextIndex.size;
const sideSize = otherContext + 1;
const dimensions = 2 * sideSize;
log(`${vocabulary.length} word forms seen at least ${minCount} times; ${dimensions} context dimensions`);

const contextCounts = vocabulary.map(() => new Map<number, number>());
for (const line of lines) {
  line.forEach((token, i) => {
    const w = wordIndex.get(token);
    if (w === undefined) return;
    const left = i === 0 ? 0 : (contextIndex.get(line[i - 1]) ?? otherContext);
    const right = i === line.length - 1 ? 0 : (contextIndex.get(line[i + 1]) ?? otherContext);
    const row = contextCounts[w];
    row.set(left, (row.get(left) ?? 0) + 1);
    row.set(sideSize + right, (row.get(sideSize + right) ?? 0) + 1);
  });
}
lines.length = 0;

/** Sparse unit vectors: per side, the square roots of the neighbours' shares, each side weighing half. */
interface Sparse {
  index: Int32Array;
  value: Float64Array;
}
const vectors: Sparse[] = contextCounts.map((row) => {
  const entries = [...row].sort((a, b) => a[0] - b[0]);
  let left = 0;
  let right = 0;
  for (const [d, c] of entries)
    if (d < sideSize) left += c;
    else right += c;
  return {
    index: Int32Array.from(entries, ([d]) => d),
    value: Float64Array.from(entries, ([d, c]) => Math.sqrt(c / (d < sideSize ? left : right) / 2)),
  };
});
contextCounts.length = 0;

const dot = (x: Sparse, dense: Float64Array) => {
  let sum = 0;
  for (let k = 0; k < x.index.length; k++) sum += x.value[k] * dense[x.index[k]];
  return sum;
};
const addInto = (dense: Float64Array, x: Sparse, factor: number) => {
  for (let k = 0; k < x.index.length; k++) dense[x.index[k]] += factor * x.value[k];
};

// ---------------------------------------------------------------------------
// Divisive clustering

/** Splits the words in two: by the sign of their projection on the principal direction, then a few rounds of 2-means. */
function split(members: number[]): [number[], number[]] {
  const mean = new Float64Array(dimensions);
  for (const w of members) addInto(mean, vectors[w], 1 / members.length);
  // Power iteration on the centred vectors' scatter, from a fixed start: the most frequent member's offset from the mean.
  let direction = Float64Array.from(mean, (m) => -m);
  addInto(direction, vectors[members[0]], 1);
  for (let round = 0; round < 12; round++) {
    const meanDot = direction.reduce((sum, v, d) => sum + v * mean[d], 0);
    const next = new Float64Array(dimensions);
    for (const w of members) addInto(next, vectors[w], dot(vectors[w], direction) - meanDot);
    let norm = 0;
    for (const v of next) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    direction = next.map((v) => v / norm);
  }
  const meanDot = direction.reduce((sum, v, d) => sum + v * mean[d], 0);
  let side = members.map((w) => dot(vectors[w], direction) - meanDot >= 0);
  for (let round = 0; round < 6; round++) {
    const centroids = [new Float64Array(dimensions), new Float64Array(dimensions)];
    const sizes = [0, 0];
    members.forEach((w, k) => {
      const c = side[k] ? 1 : 0;
      addInto(centroids[c], vectors[w], 1);
      sizes[c]++;
    });
    if (sizes[0] === 0 || sizes[1] === 0) break;
    const squared = centroids.map((c) => c.reduce((sum, v) => sum + v * v, 0));
    // Nearest centroid by Euclidean distance (|c|² - 2 x·c; |x|² is the same for both).
    const next = members.map((w) => {
      const x = vectors[w];
      const to0 = squared[0] / sizes[0] ** 2 - (2 * dot(x, centroids[0])) / sizes[0];
      const to1 = squared[1] / sizes[1] ** 2 - (2 * dot(x, centroids[1])) / sizes[1];
      return to1 < to0;
    });
    const changed = next.some((s, k) => s !== side[k]);
    side = next;
    if (!changed) break;
  }
  const halves: [number[], number[]] = [[], []];
  members.forEach((w, k) => halves[side[k] ? 1 : 0].push(w));
  // The half holding the more frequent word is 0, so that bit strings do not depend on the direction's sign.
  return halves[1].length > 0 && (halves[0].length === 0 || halves[1][0] < halves[0][0]) ? [halves[1], halves[0]] : halves;
}

const started = performance.now();
const paths = new Array<string>(vocabulary.length);
const pending: { members: number[]; path: string }[] = [{ members: vocabulary.map((_, w) => w), path: '' }];
let leaves = 0;
while (pending.length > 0) {
  const { members, path } = pending.pop()!;
  const [zero, one] = path.length < maxDepth && members.length >= minClusterSize ? split(members) : [members, []];
  if (one.length === 0 || zero.length === 0) {
    for (const w of members) paths[w] = path || '0';
    leaves++;
    continue;
  }
  pending.push({ members: one, path: path + '1' }, { members: zero, path: path + '0' });
}
log(`${leaves} clusters in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------------------
// Output: bit string -> its words (most frequent first), and a look at a few clusters.

const clusters = new Map<string, string[]>();
vocabulary.forEach((word, w) => {
  const list = clusters.get(paths[w]) ?? [];
  list.push(word);
  clusters.set(paths[w], list);
});
const sortedPaths = [...clusters.keys()].sort();
for (const probe of ['john', 'smith', 'ltd', 'reuters', 'london', 'monday', 'minister', 'said']) {
  const path = paths[wordIndex.get(probe) ?? -1];
  if (path) log(`${probe}: ${path} ${clusters.get(path)!.slice(0, 12).join(' ')}`);
}
const file = { minCount, depth: maxDepth, clusters: Object.fromEntries(sortedPaths.map((path) => [path, clusters.get(path)!.join(' ')])) };
if (write) {
  const json = JSON.stringify(file);
  writeFileSync(output, json + '\n');
  log(`wrote ${output} (${(json.length / 1024).toFixed(0)} KB)`);
}
