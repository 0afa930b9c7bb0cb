// The registry: one line per rule. Adding a rule is five steps (see README,
// "Adding a rule"): write rules/<id>.ts, list it here, add its setting to
// package.json, add its tests, add its row to the README table.

import type { Rule } from '../rule';
import { acronymFirstUse } from './acronym-first-use';
import { apStyle } from './ap-style';
import { attributionVerb } from './attribution-verb';
import { firstReference } from './first-reference';
import { inconsistentAlias } from './inconsistent-alias';
import { inconsistentFact } from './inconsistent-fact';
import { leftover } from './leftover';
import { longLede } from './long-lede';
import { longSentence } from './long-sentence';
import { mixedQuotes } from './mixed-quotes';
import { nameVariant } from './name-variant';
import { swallowedAttribution } from './swallowed-attribution';
import { unattributedQuote } from './unattributed-quote';
import { unbalancedQuote } from './unbalanced-quote';

export const rules: readonly Rule[] = [
  leftover,
  apStyle,
  longLede,
  longSentence,
  attributionVerb,
  unbalancedQuote,
  mixedQuotes,
  swallowedAttribution,
  nameVariant,
  firstReference,
  acronymFirstUse,
  inconsistentAlias,
  inconsistentFact,
  unattributedQuote,
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);

// Shared with the editor's style-sheet hover (lsp/styleSheetActions.ts), which reaches rules only through this registry.
export { closeSheetEntry } from './name-variant';
