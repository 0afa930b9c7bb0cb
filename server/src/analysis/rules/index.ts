// The registry: one line per rule. Adding a rule is five steps (see README,
// "Adding a rule"): write rules/<id>.ts, list it here, add its setting to
// package.json, add its tests, add its row to the README table.

import type { Rule } from '../rule';
import { attributionVerb } from './attribution-verb';
import { longSentence } from './long-sentence';
import { longLede } from './long-lede';
import { apStyle } from './ap-style';
import { leftover } from './leftover';
import { mixedQuotes } from './mixed-quotes';
import { unbalancedQuote } from './unbalanced-quote';

export const rules: readonly Rule[] = [
  attributionVerb,
  longSentence,
  longLede,
  apStyle,
  leftover,
  unbalancedQuote,
  mixedQuotes,
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);
