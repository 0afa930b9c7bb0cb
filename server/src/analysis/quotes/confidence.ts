// How sure the ranker's first choice is: a logistic model with 150 small
// boosted trees on top, learned by scripts/train-quotes.ts on mutations of the
// training copy (was the engine's first choice the edit that gives back the
// original?), from the margin over the runner-up, the ranker's own probability,
// the kind of repair, what the paragraph looks like around it and the first
// choice's ranker features. Its weights and the bars, picked on the dev
// corpora (the preferred fix right at least 97% of the time there, by kind of
// repair where dev has enough of them; the safe one
// where the lower bound of that precision reaches 99.5%), live in
// data/quote-confidence.json.

import model from '../data/quote-confidence.json';
import { featureNames as rankerFeatureNames, treeScore, type RepairAction, type Tree } from './ranker';

/** What the confidence model knows of one problem's ranked repairs. */
export interface ConfidenceInput {
  /** The fixes offered, best first (the engine's order), and every candidate's score. */
  first: { action: RepairAction; start: number; score: number; features: Float64Array; safe: boolean; marginMayPrefer: boolean };
  second?: { action: RepairAction; start: number; score: number };
  scores: number[];
  unclosed: boolean;
  single: boolean;
  curly: boolean;
  us: boolean;
  /** The paragraph has faults besides this one. */
  otherFaults: boolean;
  /** The paragraph has quotation marks besides the flagged one. */
  otherMarks: boolean;
  /** The first choice leaves the paragraph with no fault. */
  balances: boolean;
  mayEndOpen: boolean;
  headline: boolean;
  mixedGlyphs: boolean;
  /** The draft showed its comma habit in two full quotations or more. */
  commaHabitKnown: boolean;
}

const ownFeatures = [
  'bias',
  'margin',
  'logMargin',
  'lone',
  'probability',
  'topScore',
  'logCandidates',
  'closeMargin',
  'openMargin',
  'removeMargin',
  'removeOtherMargin',
  'removeUnclosedFirst',
  'removeStrayFirst',
  'single',
  'unclosed',
  'curly',
  'us',
  'otherFaults',
  'otherMarks',
  'balances',
  'safeShape',
  'marginMayPrefer',
  'secondSameAction',
  'secondNear',
  'secondRemove',
  'mayEndOpen',
  'headline',
  'mixedGlyphs',
  'commaHabitKnown',
] as const;

/** The model's inputs, in the order of its weights: its own, then the first choice's ranker features. */
export const confidenceFeatureNames: string[] = [...ownFeatures, ...rankerFeatureNames.map((name) => `first.${name}`)];

const own = new Map<string, number>(ownFeatures.map((name, i) => [name, i]));

export function confidenceFeatures(input: ConfidenceInput): Float64Array {
  const f = new Float64Array(confidenceFeatureNames.length);
  const set = (name: (typeof ownFeatures)[number], value: number | boolean) => {
    f[own.get(name)!] = Number(value);
  };
  const { first, second } = input;
  const margin = second ? Math.min(first.score - second.score, 20) : 0;
  set('bias', 1);
  set('margin', Math.min(margin, 12) / 4);
  set('logMargin', Math.log1p(Math.max(0, margin)));
  set('lone', !second);
  let sum = 0;
  for (const s of input.scores) sum += Math.exp(Math.max(-50, s - first.score));
  set('probability', sum > 0 ? 1 / sum : 1);
  set('topScore', Math.max(-3, Math.min(3, first.score / 4)));
  set('logCandidates', Math.log1p(input.scores.length) / 4);
  if (first.action === 'close') set('closeMargin', margin / 4);
  if (first.action === 'open') set('openMargin', margin / 4);
  if (first.action === 'remove') {
    set('removeMargin', margin / 4);
    set(input.unclosed ? 'removeUnclosedFirst' : 'removeStrayFirst', 1);
  }
  if (first.action === 'removeOther') set('removeOtherMargin', margin / 4);
  set('single', input.single);
  set('unclosed', input.unclosed);
  set('curly', input.curly);
  set('us', input.us);
  set('otherFaults', input.otherFaults);
  set('otherMarks', input.otherMarks);
  set('balances', input.balances);
  set('safeShape', first.safe);
  set('marginMayPrefer', first.marginMayPrefer);
  if (second) {
    set('secondSameAction', second.action === first.action);
    set('secondNear', second.action === first.action && Math.abs(second.start - first.start) <= 3);
    set('secondRemove', second.action === 'remove');
  }
  set('mayEndOpen', input.mayEndOpen);
  set('headline', input.headline);
  set('mixedGlyphs', input.mixedGlyphs);
  set('commaHabitKnown', input.commaHabitKnown);
  f.set(first.features, ownFeatures.length);
  return f;
}

export interface ConfidenceModel {
  features: string[];
  weights: number[];
  /** Boosted on top of the linear score. */
  trees: Tree[];
  /** The first choice is preferred from this probability (its precision on dev at least 97%). */
  preferred: number;
  /**
   * The same bar by the kind of first choice (choiceGroup), where dev had enough of them: a
   * removal of a stray closing mark is wrong exactly when the mark was real and lost its
   * opening one, so it needs a higher bar than closing a quotation.
   */
  preferredBy?: Partial<Record<ChoiceGroup, number>>;
  /** And safe ("Fix all") from this one, when its fix also balances the paragraph (the lower bound of its precision on dev at 99.5%; 2: never). */
  safe: number;
}

export type ChoiceGroup = 'close' | 'open' | 'removeUnclosed' | 'removeStray' | 'removeOther' | 'break';

/** What kind of repair a first choice is, for its bar: removing an unclosed opening mark and a stray closing one differ. */
export function choiceGroup(action: RepairAction, unclosed: boolean): ChoiceGroup {
  return action === 'remove' ? (unclosed ? 'removeUnclosed' : 'removeStray') : action;
}

let current = model as ConfidenceModel;
let weights = Float64Array.from(current.weights);

/** The shipped model knows every feature (a unit test checks it). */
export const confidenceModelIsCurrent =
  current.features.length === confidenceFeatureNames.length && current.features.every((n, i) => n === confidenceFeatureNames[i]);

/** For train-quotes: judge with a freshly fitted model. */
export function useConfidenceModel(m: ConfidenceModel): void {
  current = m;
  weights = Float64Array.from(m.weights);
}

/** The probability that the first choice is the right repair. */
export function confidence(features: Float64Array): number {
  // A model trained on other features is never sure.
  if (weights.length !== features.length) return 0;
  let z = 0;
  for (let i = 0; i < features.length; i++) z += features[i] * weights[i];
  for (const tree of current.trees) z += treeScore(tree, features);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The marks on a first choice: preferred (and otherwise uncertain) when the model is sure enough
 * or it is the textbook shape (safety.ts), never a lost paragraph break; safe ("Fix all") when
 * preferred and either the textbook shape (a removal also balancing the paragraph) or past the
 * safe bar with a fix that balances the paragraph and is not risky (safety.ts riskyBlindRepair).
 */
export function firstChoiceMarks(
  sure: number,
  first: { action: RepairAction; safe: boolean; unclosed: boolean; risky?: boolean },
  balancesFirst: boolean,
  bars: Pick<ConfidenceModel, 'preferred' | 'preferredBy' | 'safe'> = current,
): { confident: boolean; preferred: boolean; safe: boolean } {
  const confident = sure >= (bars.preferredBy?.[choiceGroup(first.action, first.unclosed)] ?? bars.preferred) || first.safe;
  const preferred = confident && first.action !== 'break';
  // Past the bar, a repair safety.ts calls risky (a long sentence quoted, a mark removed where quotations end) is still no blind one.
  const safe = preferred && ((first.safe && (first.action !== 'remove' || balancesFirst)) || (sure >= bars.safe && balancesFirst && !first.risky));
  return { confident, preferred, safe };
}
