// Crash containment in the analysis core: a rule that throws is caught and
// reported with its id, and every other rule still reports.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import type { Rule, RuleCost } from '../../server/src/analysis/rule';
import { rules } from '../../server/src/analysis/rules/index';
import type { AnalysisOptions } from '../../server/src/analysis/types';

const options: AnalysisOptions = { language: 'plaintext', quoteStyle: 'auto', rules: {} };
const draft = 'Council backs new park\n\n"We will open it this summer, Whitfield said. The cost is TK.\n';

const throwing = (id: string, cost: RuleCost = 'keystroke'): Rule => ({
  id,
  description: 'throws on purpose',
  defaultSeverity: 'error',
  cost,
  check() {
    throw new TypeError(`${id} exploded`);
  },
});

const reporting: Rule = {
  id: 'reports-something',
  description: 'reports the first character',
  defaultSeverity: 'info',
  cost: 'keystroke',
  check: () => [{ start: 0, end: 1, message: 'still here', fixes: [] }],
};

test('a throwing rule is caught with its id; the rules before and after it still report', () => {
  const result = analyze(draft, options, 'all', [reporting, throwing('broken-rule'), ...rules]);
  assert.deepEqual(
    result.failures.map((f) => [f.ruleId, (f.error as Error).message]),
    [['broken-rule', 'broken-rule exploded']],
  );
  assert.ok(
    result.findings.some((f) => f.ruleId === 'reports-something'),
    'the rule before it reported',
  );
  const alone = analyze(draft, options, 'all', rules);
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId !== 'reports-something'),
    alone.findings,
    'the registered rules after it report exactly what they report alone',
  );
  assert.ok(alone.findings.length > 0, 'the fixture makes the registered rules report something');
});

test('a rule that throws something other than an Error is caught too', () => {
  const weird: Rule = {
    ...reporting,
    id: 'throws-a-string',
    check: () => {
      throw 'just a string';
    },
  };
  const result = analyze(draft, options, 'all', [weird, reporting]);
  assert.deepEqual(result.failures, [{ ruleId: 'throws-a-string', error: 'just a string' }]);
  assert.equal(result.findings.length, 1);
});

test('each phase contains its own failures', () => {
  const rulesWithFailures = [throwing('fast-broken'), throwing('nlp-broken', 'nlp'), reporting];
  assert.deepEqual(
    analyze(draft, options, ['keystroke'], rulesWithFailures).failures.map((f) => f.ruleId),
    ['fast-broken'],
  );
  assert.deepEqual(
    analyze(draft, options, ['scan', 'nlp'], rulesWithFailures).failures.map((f) => f.ruleId),
    ['nlp-broken'],
  );
});

test('a rule switched off is not run, so it cannot fail', () => {
  const result = analyze(draft, { ...options, rules: { 'broken-rule': 'off' } }, 'all', [throwing('broken-rule'), reporting]);
  assert.deepEqual(result.failures, []);
});
