// Trains the quotation-repair ranker (server/src/analysis/quotes/ranker.ts) and its confidence model (confidence.ts).
//
//   npm run train:quotes
//   node --import tsx scripts/train-quotes.ts --train DIR... --dev DIR... [--mutations N] [--dev-mutations N] [--seed S] [--out FILE] [--confidence-out FILE] [--retune] [--check] [--verbose]
//
// Every paragraph of the training corpora with balanced quotation marks is
// mutated (one mark removed or added, as eval-quotes does); the problem the
// engine flags nearest the mutation yields its repair candidates, and the one
// whose edit gives back the original text is the right answer. A conditional
// logit (softmax over one problem's candidates) is fitted by full-batch
// gradient descent from zero weights, then boosted trees on the same loss:
// deterministic for a given seed.
// Then the confidence model (quotes/confidence.ts): other mutations of the
// training copy, ranked by that ranker as the engine ranks them, teach a
// logistic model plus a few boosted trees whether the first choice is right,
// from the margin over the runner-up, the ranker's probability, the kind of
// repair, the paragraph's other faults and the first choice's own features.
// Its bars are picked on the dev corpora, never trained on: the lowest
// probability from which dev's first choices are right at least 97% of the time
// (preferred; the target is 95%, on unseen copy a point or two lower; and by
// the kind of first choice, each kind of mutation among them at 97% too), and
// among fixes that balance the paragraph the one from which the precision's
// lower bound reaches 99.5% (safe; the target).
// --retune keeps the shipped ranker and fits the confidence model again.
// --check writes nothing: it fails unless a fresh run gives the shipped files
// byte for byte (they drift when the analysis code changes under the features
// or the mutations and the models are not trained again).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseDraft } from '../server/src/analysis/draft';
import { draftRepairCandidates } from '../server/src/analysis/quotes/draftPass';
import { featureNames, treeScore, useRankerModel, type RepairAction, type Tree } from '../server/src/analysis/quotes/ranker';
import { offeredRepairs, type RepairCandidate } from '../server/src/analysis/quotes/repairs';
import { riskyBlindRepair } from '../server/src/analysis/quotes/safety';
import {
  choiceGroup,
  confidenceFeatureNames,
  firstChoiceMarks,
  useConfidenceModel,
  type ChoiceGroup,
  type ConfidenceModel,
} from '../server/src/analysis/quotes/confidence';
import { seededRandom } from '../test/support/seededRandom';
import { eligibleParagraphs, mutate, quoteFindings, readCorpus, type Eligible, type Mutation } from './quote-mutations';

interface Args {
  train: string[];
  dev: string[];
  mutations: number;
  devMutations: number;
  seed: number;
  out: string;
  confidenceOut: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    train: [],
    dev: [],
    mutations: 14000,
    devMutations: 12000,
    seed: 7,
    out: 'server/src/analysis/data/quote-ranker.json',
    confidenceOut: 'server/src/analysis/data/quote-confidence.json',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) {
        console.error(`train-quotes: ${a} needs a whole number.`);
        process.exit(2);
      }
      return value;
    };
    if (a === '--train') args.train.push(argv[++i]);
    else if (a === '--dev') args.dev.push(argv[++i]);
    else if (a === '--mutations') args.mutations = number();
    else if (a === '--dev-mutations') args.devMutations = number();
    else if (a === '--seed') args.seed = number();
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--confidence-out') args.confidenceOut = argv[++i];
    else {
      console.error(`train-quotes: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (args.train.length === 0 || args.dev.length === 0) {
    console.error('usage: train-quotes --train DIR... --dev DIR... [--mutations N] [--dev-mutations N] [--seed S] [--out FILE] [--confidence-out FILE]');
    process.exit(2);
  }
  return args;
}

/** One flagged problem of one mutation: its valid candidates and which one restores the original. */
interface Case {
  key: string;
  /** How many valid candidates; their features, one row each, packed to keep 10,000 cases in memory. */
  n: number;
  features: Float32Array;
  /** Where each candidate edits: the engine's tie-break. */
  starts: number[];
  /** Index of the right candidate, or -1 when none restores the original. */
  right: number;
  /** For --verbose: the mutated paragraph and each candidate's title. */
  shown?: { paragraph: string; titles: string[] };
  /** The engine's first choice, ranked by the ranker loaded when the case was made. */
  first?: FirstChoice;
}

/** The engine's first choice for one problem (repairs.ts offeredRepairs), as the confidence model sees it. */
interface FirstChoice {
  features: Float64Array;
  right: boolean;
  /** The textbook shape of safety.ts, preferred by itself. */
  shape: boolean;
  balances: boolean;
  action: RepairAction;
  /** The problem is an unclosed opening mark (else a stray closing one). */
  unclosed: boolean;
  /** A repair the model may not make safe (safety.ts riskyBlindRepair). */
  risky: boolean;
}

const dims = featureNames.length;
const unclosedFeature = confidenceFeatureNames.indexOf('unclosed');

function fullScore(c: Case, k: number, w: ArrayLike<number>, trees: Tree[]): number {
  let s = rowScore(c, k, w);
  for (const t of trees) s += treeScore(t, c.features, k * dims);
  return s;
}

function rowScore(c: Case, k: number, w: ArrayLike<number>): number {
  let s = 0;
  for (let d = 0, o = k * dims; d < dims; d++) s += c.features[o + d] * w[d];
  return s;
}

function eligibleOf(dirs: string[]): Eligible[] {
  const eligible: Eligible[] = [];
  for (const dir of dirs) for (const article of readCorpus(dir)) eligible.push(...eligibleParagraphs(article, quoteFindings(article.text)));
  return eligible;
}

function applyEdit(text: string, c: RepairCandidate, paragraphStart: number): string {
  return text.slice(0, paragraphStart + c.start) + c.text + text.slice(paragraphStart + c.end);
}

/** The problem the reporter would act on (nearest the mutation, within a paragraph of it), its candidates checked. */
function caseOf(m: Mutation): Case | undefined {
  const draft = parseDraft(m.mutated, 'plaintext');
  const lo = draft.paragraphs[Math.max(0, m.paragraph - 1)].start;
  const hi = draft.paragraphs[Math.min(draft.paragraphs.length - 1, m.paragraph + 1)].end;
  const problems = draftRepairCandidates(draft, 'auto').filter((p) => p.offset >= lo && p.offset <= hi);
  if (problems.length === 0) return undefined;
  problems.sort((a, b) => Math.abs(a.offset - m.at) - Math.abs(b.offset - m.at));
  const problem = problems[0];
  const candidates = problem.candidates.filter(problem.improves);
  const right = candidates.findIndex((c) => applyEdit(m.mutated, c, problem.paragraph.start) === m.article.text);
  const features = new Float32Array(candidates.length * dims);
  candidates.forEach((c, k) => features.set(c.features, k * dims));
  const offered = offeredRepairs(problem);
  const balancesFirst = offered.length > 0 && problem.balances(offered[0]);
  const firstFeatures = offered.length === 0 ? undefined : problem.firstChoice(offered, balancesFirst);
  const first: FirstChoice | undefined =
    offered.length === 0 || !firstFeatures
      ? undefined
      : {
          features: firstFeatures,
          unclosed: firstFeatures[unclosedFeature] === 1,
          right: applyEdit(m.mutated, offered[0], problem.paragraph.start) === m.article.text,
          shape: offered[0].safe,
          balances: balancesFirst,
          action: offered[0].action,
          risky: riskyBlindRepair(
            problem.paragraph.text,
            { type: firstFeatures[unclosedFeature] === 1 ? 'unclosed' : 'stray', at: problem.offset - problem.paragraph.start },
            offered[0],
          ),
        };
  const shown = verbose ? { paragraph: problem.paragraph.text, titles: candidates.map((c) => `${c.title} [${c.start}:${c.end}=${c.text}]`) } : undefined;
  return {
    key: `${m.operation} ${m.kind}${m.nested ? ' in double' : ''}`,
    n: candidates.length,
    features,
    starts: candidates.map((c) => c.start),
    right,
    shown,
    first,
  };
}

function casesFrom(eligible: Eligible[], count: number, seed: number): Case[] {
  const random = seededRandom(seed);
  const cases: Case[] = [];
  let done = 0;
  for (let attempt = 0; done < count && attempt < count * 20 && eligible.length > 0; attempt++) {
    const m = mutate(random, eligible[Math.floor(random() * eligible.length)]);
    if (!m) continue;
    done++;
    const c = caseOf(m);
    if (c) cases.push(c);
  }
  return cases;
}

/**
 * Full-batch Adam from zero weights with a little L2 (from weight `decayFrom` on): `accumulate`
 * adds the summed gradient of `count` examples into `grad` and returns their summed loss.
 */
function fitByAdam(
  width: number,
  iterations: number,
  count: number,
  accumulate: (w: Float64Array, grad: Float64Array) => number,
  label: string,
  decayFrom = 0,
): Float64Array {
  const w = new Float64Array(width);
  const m = new Float64Array(width);
  const v = new Float64Array(width);
  const l2 = 1e-3;
  const rate = 0.05;
  for (let it = 1; it <= iterations; it++) {
    const grad = new Float64Array(width);
    const loss = accumulate(w, grad);
    for (let d = 0; d < width; d++) {
      const g = grad[d] / count + (d >= decayFrom ? l2 * w[d] : 0);
      m[d] = 0.9 * m[d] + 0.1 * g;
      v[d] = 0.999 * v[d] + 0.001 * g * g;
      const mHat = m[d] / (1 - 0.9 ** it);
      const vHat = v[d] / (1 - 0.999 ** it);
      w[d] -= (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
    if (it % 50 === 0) console.log(`  ${label} iteration ${it}: loss ${(loss / count).toFixed(4)}`);
  }
  return w;
}

/** Conditional logit (softmax over each case's candidates). */
function train(cases: Case[]): Float64Array {
  const usable = cases.filter((c) => c.right >= 0 && c.n > 1);
  return fitByAdam(
    dims,
    250,
    usable.length,
    (w, grad) => {
      let loss = 0;
      for (const c of usable) {
        const scores = Array.from({ length: c.n }, (_, k) => rowScore(c, k, w));
        const top = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - top));
        const sum = exps.reduce((a, b) => a + b, 0);
        loss -= scores[c.right] - top - Math.log(sum);
        for (let k = 0; k < c.n; k++) {
          const p = exps[k] / sum - (k === c.right ? 1 : 0);
          if (p === 0) continue;
          for (let d = 0, o = k * dims; d < dims; d++) grad[d] += p * c.features[o + d];
        }
      }
      return loss;
    },
    'ranker',
  );
}

/** Rows of features binned for boosting: each row's bin per feature, the first cut its value does not exceed. */
interface Binned {
  rows: number;
  width: number;
  values: Float32Array;
  bins: Uint8Array;
  /** Split points: each feature's distinct values, or 32 quantiles. */
  thresholds: number[][];
}

const binsPerFeature = 34;

function binRows(values: Float32Array, rows: number, width: number): Binned {
  const thresholds: number[][] = [];
  for (let d = 0; d < width; d++) {
    const seen = new Set<number>();
    for (let r = 0; r < rows; r++) seen.add(values[r * width + d]);
    const sorted = [...seen].sort((a, b) => a - b);
    thresholds.push(sorted.length <= 33 ? sorted.slice(0, -1) : Array.from({ length: 32 }, (_, q) => sorted[Math.floor(((q + 1) * sorted.length) / 33)]));
  }
  const bins = new Uint8Array(rows * width);
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < width; d++) {
      const cuts = thresholds[d];
      const v = values[r * width + d];
      let b = 0;
      while (b < cuts.length && v > cuts[b]) b++;
      bins[r * width + d] = b;
    }
  }
  return { rows, width, values, bins, thresholds };
}

/**
 * One regression tree fitted by Newton steps to the rows' gradients and hessians: the best split
 * by gain at each node, down to `depth` or fewer than `minSplitRows` rows.
 */
function growTree(data: Binned, grad: Float64Array, hess: Float64Array, depth: number, rate: number, minSplitRows: number): Tree {
  const { width, values, bins, thresholds } = data;
  const lambda = 1;
  /** Gradient and hessian sums per feature and bin over `members`, reading each row once. */
  const histogram = (members: Int32Array): Float64Array => {
    const h = new Float64Array(width * binsPerFeature * 2);
    for (const m of members) {
      const g = grad[m];
      const hs = hess[m];
      for (let d = 0, o = m * width; d < width; d++) {
        const at = (d * binsPerFeature + bins[o + d]) * 2;
        h[at] += g;
        h[at + 1] += hs;
      }
    }
    return h;
  };
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grow = (members: Int32Array, level: number, hist: Float64Array | undefined): number => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    let G = 0;
    let H = 0;
    for (const m of members) {
      G += grad[m];
      H += hess[m];
    }
    tree.value[node] = Number(((-G / (H + lambda)) * rate).toFixed(4));
    if (level === depth || members.length < minSplitRows) return node;
    const h = hist ?? histogram(members);
    let best = { gain: 1e-3, d: -1, b: -1 };
    const parent = (G * G) / (H + lambda);
    for (let d = 0; d < width; d++) {
      const cuts = thresholds[d].length;
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < cuts; b++) {
        gl += h[(d * binsPerFeature + b) * 2];
        hl += h[(d * binsPerFeature + b) * 2 + 1];
        const gr = G - gl;
        const hr = H - hl;
        if (hl < 1 || hr < 1) continue;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
        if (gain > best.gain) best = { gain, d, b };
      }
    }
    if (best.d < 0) return node;
    const cut = thresholds[best.d][best.b];
    const leftRows = members.filter((m) => values[m * width + best.d] <= cut);
    const rightRows = members.filter((m) => values[m * width + best.d] > cut);
    // The smaller child's histogram is summed, the larger one's is the parent's minus it.
    let leftHist: Float64Array | undefined;
    let rightHist: Float64Array | undefined;
    if (level + 1 < depth) {
      const small = leftRows.length <= rightRows.length ? leftRows : rightRows;
      const smallHist = histogram(small);
      const largeHist = h.map((x, i) => x - smallHist[i]);
      [leftHist, rightHist] = small === leftRows ? [smallHist, largeHist] : [largeHist, smallHist];
    }
    tree.feature[node] = best.d;
    tree.threshold[node] = cut;
    tree.left[node] = grow(leftRows, level + 1, leftHist);
    tree.right[node] = grow(rightRows, level + 1, rightHist);
    return node;
  };
  grow(
    Int32Array.from({ length: data.rows }, (_, i) => i),
    0,
    undefined,
  );
  return tree;
}

/**
 * Gradient-boosted regression trees on top of the linear scores (Newton
 * steps on the same softmax loss), for what a weighted sum cannot say
 * ("remove" is right when the mark is weak AND a capital follows it...).
 * Candidates the linear score puts far below their case's best carry no
 * gradient and are left out, so that a few hundred deeper trees train in minutes.
 */
function boost(cases: Case[], w: Float64Array, rounds: number, depth: number, rate: number): Tree[] {
  const pruneBelow = 10;
  const usable = cases
    .filter((c) => c.right >= 0 && c.n > 1)
    .map((c) => {
      const linear = Array.from({ length: c.n }, (_, k) => rowScore(c, k, w));
      const top = Math.max(...linear);
      const keep = linear.map((_, k) => k).filter((k) => linear[k] >= top - pruneBelow || k === c.right);
      if (keep.length === c.n) return c;
      const features = new Float32Array(keep.length * dims);
      keep.forEach((k, j) => features.set(c.features.subarray(k * dims, (k + 1) * dims), j * dims));
      return { ...c, n: keep.length, features, right: keep.indexOf(c.right), starts: keep.map((k) => c.starts[k]) };
    })
    .filter((c) => c.n > 1);
  const rows = usable.reduce((n, c) => n + c.n, 0);
  const values = new Float32Array(rows * dims);
  const scores = new Float64Array(rows);
  const isRight = new Uint8Array(rows);
  const caseOfRow: { start: number; n: number }[] = [];
  let r = 0;
  for (const c of usable) {
    caseOfRow.push({ start: r, n: c.n });
    values.set(c.features.subarray(0, c.n * dims), r * dims);
    for (let k = 0; k < c.n; k++, r++) {
      scores[r] = rowScore(c, k, w);
      if (k === c.right) isRight[r] = 1;
    }
  }
  const data = binRows(values, rows, dims);
  const grad = new Float64Array(rows);
  const hess = new Float64Array(rows);
  const trees: Tree[] = [];
  for (let round = 0; round < rounds; round++) {
    let loss = 0;
    for (const { start, n } of caseOfRow) {
      let top = -Infinity;
      for (let k = start; k < start + n; k++) top = Math.max(top, scores[k]);
      let sum = 0;
      for (let k = start; k < start + n; k++) sum += Math.exp(scores[k] - top);
      for (let k = start; k < start + n; k++) {
        const p = Math.exp(scores[k] - top) / sum;
        grad[k] = p - isRight[k];
        hess[k] = Math.max(p * (1 - p), 1e-6);
        if (isRight[k]) loss -= Math.log(Math.max(p, 1e-12));
      }
    }
    const tree = growTree(data, grad, hess, depth, rate, 100);
    trees.push(tree);
    for (let k = 0; k < rows; k++) scores[k] += treeScore(tree, values, k * dims);
    if ((round + 1) % 20 === 0) console.log(`  tree ${round + 1}: loss ${(loss / usable.length).toFixed(4)}`);
  }
  return trees;
}

/** Boosted trees on top of the confidence model's linear score (Newton steps on the logistic loss). */
function boostConfidence(firsts: FirstChoice[], w: ArrayLike<number>, rounds: number, depth: number, rate: number): Tree[] {
  const width = confidenceFeatureNames.length;
  const values = new Float32Array(firsts.length * width);
  firsts.forEach((f, r) => values.set(f.features, r * width));
  const data = binRows(values, firsts.length, width);
  const scores = Float64Array.from(firsts, (f) => linearConfidence(w, f.features));
  const grad = new Float64Array(firsts.length);
  const hess = new Float64Array(firsts.length);
  const trees: Tree[] = [];
  for (let round = 0; round < rounds; round++) {
    let loss = 0;
    firsts.forEach((f, r) => {
      const p = 1 / (1 + Math.exp(-scores[r]));
      grad[r] = p - (f.right ? 1 : 0);
      hess[r] = Math.max(p * (1 - p), 1e-6);
      loss -= Math.log(Math.max(1e-12, f.right ? p : 1 - p));
    });
    const tree = growTree(data, grad, hess, depth, rate, 50);
    trees.push(tree);
    for (let r = 0; r < firsts.length; r++) scores[r] += treeScore(tree, values, r * width);
    if ((round + 1) % 25 === 0) console.log(`  confidence tree ${round + 1}: loss ${(loss / firsts.length).toFixed(4)}`);
  }
  return trees;
}

/** The confidence model: logistic regression, no L2 on the bias. */
function fitConfidence(firsts: FirstChoice[]): Float64Array {
  const n = confidenceFeatureNames.length;
  return fitByAdam(
    n,
    400,
    firsts.length,
    (w, grad) => {
      let loss = 0;
      for (const f of firsts) {
        const p = 1 / (1 + Math.exp(-linearConfidence(w, f.features)));
        loss -= Math.log(Math.max(1e-12, f.right ? p : 1 - p));
        const g = p - (f.right ? 1 : 0);
        for (let d = 0; d < n; d++) grad[d] += g * f.features[d];
      }
      return loss;
    },
    'confidence',
    1,
  );
}

function linearConfidence(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let z = 0;
  for (let d = 0; d < x.length; d++) z += x[d] * w[d];
  return z;
}

function probability(model: { weights: ArrayLike<number>; trees: Tree[] }, x: Float64Array): number {
  let z = linearConfidence(model.weights, x);
  for (const t of model.trees) z += treeScore(t, x);
  return 1 / (1 + Math.exp(-z));
}

/** The smallest probability at which the first choices at or above it are right at least `precision` of the time, over `minCount` of them at least. */
/** The Wilson score interval's lower end for `right` of `n` (z = 1.645: one-sided 95%). */
function wilsonLower(right: number, n: number): number {
  const z = 1.645;
  const p = right / n;
  const z2 = (z * z) / n;
  return (p + z2 / 2 - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n))) / (1 + z2);
}

/**
 * The smallest probability at which the first choices at or above it are right at least `precision`
 * of the time, over `minCount` of them at least; with `bounded`, the precision's lower bound must reach it.
 */
function barFor(judged: { right: boolean; p: number }[], precision: number, minCount: number, bounded = false): number {
  const sorted = [...judged].sort((a, b) => b.p - a.p);
  let right = 0;
  let best = 2;
  for (let k = 0; k < sorted.length; k++) {
    if (sorted[k].right) right++;
    // Only cut between distinct probabilities, and only on a meaningful count.
    if (k + 1 < sorted.length && sorted[k + 1].p === sorted[k].p) continue;
    if (k + 1 >= minCount && (bounded ? wilsonLower(right, k + 1) : right / (k + 1)) >= precision) best = sorted[k].p;
  }
  return best;
}

interface Judged {
  right: boolean;
  p: number;
  key: string;
  action: RepairAction;
  unclosed: boolean;
  shape: boolean;
}

/**
 * Raises the bars by kind of first choice until each kind of mutation (`key`, with `minKind` of
 * them preferred at least) is right `precision` of the time among those preferred, whatever kind
 * of repair was preferred: a removal of a stray closing mark is right for a mark typed at random
 * and wrong for a real one that lost its opening mark. Each step drops the wrong first choices of
 * the worst kind, in the group of repairs where that costs the fewest right ones per wrong one.
 */
function raiseForEveryKind(
  judged: Judged[],
  bars: { preferred: number; preferredBy: Partial<Record<ChoiceGroup, number>> },
  precision: number,
  minKind: number,
): void {
  const groupOf = (j: Judged) => choiceGroup(j.action, j.unclosed);
  const barOf = (j: Judged) => bars.preferredBy[groupOf(j)] ?? bars.preferred;
  for (let step = 0; step < 10000; step++) {
    const byKey = new Map<string, { n: number; right: number }>();
    for (const j of judged) {
      if (!j.shape && j.p < barOf(j)) continue;
      const row = byKey.get(j.key) ?? { n: 0, right: 0 };
      byKey.set(j.key, row);
      row.n++;
      if (j.right) row.right++;
    }
    const failing = [...byKey]
      .filter(([, r]) => r.n >= minKind && r.right / r.n < precision)
      .sort((a, b) => a[1].right / a[1].n - b[1].right / b[1].n || (a[0] < b[0] ? -1 : 1));
    if (failing.length === 0) return;
    const worst = failing[0][0];
    let best: { group: ChoiceGroup; bar: number; cost: number } | undefined;
    for (const group of ['close', 'open', 'removeUnclosed', 'removeStray', 'removeOther'] as const) {
      const inGroup = judged.filter((j) => groupOf(j) === group && !j.shape);
      const bar = bars.preferredBy[group] ?? bars.preferred;
      const wrong = inGroup.filter((j) => j.p >= bar && !j.right && j.key === worst).sort((a, b) => a.p - b.p)[0];
      if (!wrong) continue;
      const next = Math.min(2, ...inGroup.filter((j) => j.p > wrong.p).map((j) => j.p));
      const dropped = inGroup.filter((j) => j.p >= bar && j.p < next);
      const cost = dropped.filter((j) => j.right).length / Math.max(1, dropped.filter((j) => !j.right && j.key === worst).length);
      if (!best || cost < best.cost) best = { group, bar: next, cost };
    }
    if (!best) return;
    bars.preferredBy[best.group] = best.bar;
  }
}

function report(
  label: string,
  cases: Case[],
  w: { weights: ArrayLike<number>; trees: Tree[] },
  bars: Pick<ConfidenceModel, 'preferred' | 'preferredBy' | 'safe'>,
): void {
  const rows = new Map<string, { n: number; right: number; pref: number; prefRight: number; safe: number; safeRight: number }>();
  for (const c of cases) {
    for (const key of [c.key, 'all']) {
      const row = rows.get(key) ?? { n: 0, right: 0, pref: 0, prefRight: 0, safe: 0, safeRight: 0 };
      rows.set(key, row);
      row.n++;
      const f = c.first;
      if (!f) continue;
      if (f.right) row.right++;
      const marks = firstChoiceMarks(probability(w, f.features), { action: f.action, safe: f.shape, unclosed: f.unclosed, risky: f.risky }, f.balances, bars);
      if (marks.preferred) {
        row.pref++;
        if (f.right) row.prefRight++;
      }
      if (marks.safe) {
        row.safe++;
        if (f.right) row.safeRight++;
      }
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((a / b) * 100).toFixed(1)}%`);
  console.log(`${label}: flagged problems ${cases.length}`);
  for (const [key, r] of [...rows].sort()) {
    console.log(
      `  ${key.padEnd(30)} n=${String(r.n).padStart(5)} first right ${pct(r.right, r.n)}, preferred ${pct(r.pref, r.n)} (right ${pct(r.prefRight, r.pref)}), safe ${pct(r.safe, r.n)} (right ${pct(r.safeRight, r.safe)})`,
    );
  }
}

const args = parseArgs(process.argv.slice(2).filter((a) => a !== '--verbose' && a !== '--retune' && a !== '--check'));
const verbose = process.argv.includes('--verbose');
const check = process.argv.includes('--check');
const stale: string[] = [];
/** Writes a model file, or with --check compares it with the shipped one. */
function emit(path: string, model: unknown): void {
  const json = JSON.stringify(model, null, 1) + '\n';
  if (!check) writeFileSync(path, json);
  else if (readFileSync(path, 'utf8') !== json) stale.push(path);
}
const rounds = 200;
const depth = 4;
const learningRate = 0.2;
const confidenceRounds = 150;
const t0 = performance.now();
const round = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(4)) : 1e9);
// --retune: keep the shipped weights and trees, fit the confidence model and pick its bars again.
const retune = process.argv.includes('--retune');
const shipped = retune ? (JSON.parse(readFileSync(args.out, 'utf8')) as { weights: number[]; trees: Tree[] }) : undefined;
const trainEligible = eligibleOf(args.train);
const trainCases = retune ? [] : casesFrom(trainEligible, args.mutations, args.seed);
const withAnswer = trainCases.filter((c) => c.right >= 0).length;
if (!retune)
  console.log(
    `training: ${trainCases.length} flagged problems from ${args.mutations} mutations, ${withAnswer} with the right repair among the candidates (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
const weights = shipped ? Float64Array.from(shipped.weights) : Float64Array.from(train(trainCases), round);
const trees = shipped ? shipped.trees : boost(trainCases, weights, rounds, depth, learningRate);
if (!retune) {
  const ranker = {
    comment:
      'Written by npm run train:quotes (scripts/train-quotes.ts): conditional-logit weights and boosted trees of the quotation-repair ranker (quotes/ranker.ts).',
    trainedOn: args.train,
    trainingProblems: trainCases.length,
    mutations: args.mutations,
    seed: args.seed,
    features: [...featureNames],
    weights: Array.from(weights),
    trees,
  };
  emit(args.out, ranker);
  if (!check) console.log(`wrote ${args.out}`);
}
// The confidence model learns from other mutations of the training copy, ranked by this ranker
// as the engine ranks them; its bars are picked on dev, never trained on.
useRankerModel(weights, trees);
const confidenceCases = casesFrom(trainEligible, args.mutations, args.seed + 2);
const trainFirsts = confidenceCases.flatMap((c) => (c.first ? [c.first] : []));
console.log(`confidence: ${trainFirsts.length} first choices, ${trainFirsts.filter((f) => f.right).length} right`);
const confidenceWeights = Array.from(fitConfidence(trainFirsts), round);
const confidenceTrees = boostConfidence(trainFirsts, confidenceWeights, confidenceRounds, 3, 0.1);
const fitted = { weights: confidenceWeights, trees: confidenceTrees };
const devCases = casesFrom(eligibleOf(args.dev), args.devMutations, args.seed + 1);
const devJudged = devCases.flatMap((c) =>
  c.first && c.first.action !== 'break' ? [{ ...c.first, key: c.key, p: probability(fitted, c.first.features) }] : [],
);
for (const cut of [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]) {
  const above = devJudged.filter((j) => j.p >= cut);
  const balanced = above.filter((j) => j.balances);
  const pct = (a: number, b: number) => `${((a / Math.max(1, b)) * 100).toFixed(1)}%`;
  console.log(
    `  dev confidence >= ${cut}: ${above.length} (${pct(above.length, devJudged.length)}), right ${pct(above.filter((j) => j.right).length, above.length)}; ` +
      `balancing the paragraph ${balanced.length}, right ${pct(balanced.filter((j) => j.right).length, balanced.length)}`,
  );
}
const shaped = devJudged.filter((j) => j.shape);
console.log(
  `  dev textbook shape first (preferred by itself): ${shaped.length}, right ${((shaped.filter((j) => j.right).length / Math.max(1, shaped.length)) * 100).toFixed(1)}%`,
);
// Preferred from the bar where dev's first choices were right 97% of the time (the target is 95%:
// two points kept for unseen copy, where eval-quotes measured a point or more below dev). Safe
// among fixes that balance the paragraph (and are not risky), from the bar where the precision's lower bound (Wilson,
// one-sided 95%) reaches 99.5%: a point estimate of 99.7% on a few hundred cases did not hold on
// unseen copy for a retrained ranker (97-98% in eval-quotes).
const preferredAt = barFor(devJudged, 0.97, 50);
const safeAt = Math.max(
  preferredAt,
  barFor(
    devJudged.filter((j) => j.balances && !j.risky),
    0.995,
    200,
    true,
  ),
);
// And by the kind of first choice, where dev has enough of them (right 97% of the time), raised
// until each kind of mutation among those preferred is right 97% of the time too: under the
// common bar a removal of a stray closing mark was right 88% of the time on real marks that had
// lost their opening mark.
const preferredBy: Partial<Record<ChoiceGroup, number>> = {};
for (const group of ['close', 'open', 'removeUnclosed', 'removeStray', 'removeOther'] as const) {
  const judged = devJudged.filter((j) => choiceGroup(j.action, j.unclosed) === group);
  if (judged.length >= 200) preferredBy[group] = barFor(judged, 0.97, 50);
}
raiseForEveryKind(devJudged, { preferred: round(preferredAt), preferredBy }, 0.97, 50);
const bars = { preferred: round(preferredAt), preferredBy, safe: round(safeAt) };
console.log(`  bars: preferred from ${bars.preferred} (${JSON.stringify(preferredBy)}), safe from ${bars.safe}`);
if (verbose) {
  let shownCount = 0;
  for (const c of devCases) {
    if (!c.first || c.first.right || !c.shown || shownCount++ >= 40) continue;
    const ranked = c.starts.map((_, i) => i).sort((a, b) => fullScore(c, b, weights, trees) - fullScore(c, a, weights, trees));
    const describe = (k: number) =>
      `${c.shown!.titles[k]} ${fullScore(c, k, weights, trees).toFixed(2)} {${featureNames.filter((_, d) => c.features[k * dims + d] !== 0).join(' ')}}`;
    console.log(`WRONG ${c.key} (confidence ${probability(fitted, c.first.features).toFixed(3)}): ${c.shown.paragraph}`);
    console.log(`   first: ${describe(ranked[0])}`);
    console.log(`   right: ${c.right >= 0 ? describe(c.right) + ` (rank ${ranked.indexOf(c.right) + 1})` : 'none among the candidates'}`);
  }
}
report('training (other mutations of the training copy)', confidenceCases, fitted, bars);
report('dev (bars picked here)', devCases, fitted, bars);
const confidence: ConfidenceModel & Record<string, unknown> = {
  comment:
    'Written by npm run train:quotes (scripts/train-quotes.ts): logistic weights of the confidence model (quotes/confidence.ts), fitted on the training copy, and the probabilities from which the first choice is preferred and safe, picked on the dev corpora.',
  trainedOn: args.train,
  tunedOn: args.dev,
  trainingProblems: trainFirsts.length,
  seed: args.seed + 2,
  features: confidenceFeatureNames,
  weights: confidenceWeights,
  trees: confidenceTrees,
  ...bars,
};
emit(args.confidenceOut, confidence);
useConfidenceModel(confidence);
if (!check) console.log(`wrote ${args.confidenceOut}: preferred from ${bars.preferred}, safe from ${bars.safe}`);
else if (stale.length > 0) {
  console.error(`train-quotes --check: a fresh run does not give the shipped ${stale.join(' and ')}: run npm run train:quotes and commit them.`);
  process.exit(1);
} else console.log('train-quotes --check: the shipped models are what this run trains, byte for byte.');
