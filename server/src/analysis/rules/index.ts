// The registry: one line per rule. Adding a rule is five steps (see README,
// "Adding a rule"): write rules/<id>.ts, list it here, add its setting to
// package.json, add its tests, add its row to the README table.

import type { Rule } from '../rule';

export const rules: readonly Rule[] = [
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);
