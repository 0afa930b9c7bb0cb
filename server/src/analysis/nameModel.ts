// Naive Bayes over name features (nameFeatures.ts), trained on public-domain
// news by scripts/train-name-model.ts. It answers "what kind of name does this
// look like?" for spans that no title, cue word or table settles.

import model from './data/name-model.json';
import { nameClasses, nameFeatures, type NameClass } from './nameFeatures';

export type { NameClass };
export type NameGuess = Record<NameClass, number>;

const features = model.features as Record<string, number[]>;
const vocabulary = Object.keys(features).length;
const totalSpans = model.spans.reduce((a: number, b: number) => a + b, 0);

/** Probability of each class for the span, given the words just before and after it. */
export function nameModel(span: readonly string[], previous: string, next: string): NameGuess {
  const scores = nameClasses.map((_, c) => Math.log((model.spans[c] + 1) / (totalSpans + nameClasses.length)));
  for (const f of nameFeatures(span, previous, next)) {
    const row = features[f];
    if (!row) continue; // unseen features say nothing either way
    for (let c = 0; c < nameClasses.length; c++) scores[c] += Math.log((row[c] + 0.5) / (model.totals[c] + 0.5 * vocabulary));
  }
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return { per: exp[0] / sum, org: exp[1] / sum, loc: exp[2] / sum, other: exp[3] / sum };
}
