// The rule docs (docs/rules/<rule-id>.md) ship in the extension, open in the
// editor from "Explain this rule" and the Problems panel, and are the README's
// rule sections: one per registered rule, each with the same parts, agreeing
// with the code on the default severity, and the README built from them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/analysis/rules/index';
import { buildReadme, documentedRules } from '../../scripts/build-rule-docs';

const root = resolve(__dirname, '../..');
const doc = (id: string) => readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');

test('every registered rule has a doc, and every doc a rule', () => {
  assert.deepEqual(documentedRules(), rules.map((r) => r.id).sort());
});

test('each doc says what the rule catches, why, bad and good examples, and how to turn it off', () => {
  for (const rule of rules) {
    const text = doc(rule.id);
    assert.ok(text.startsWith(`# ${rule.id}\n`), `${rule.id}.md starts with its id as the title`);
    for (const heading of ['## Why', '## Examples', '## Turning it off']) assert.ok(text.includes(`\n${heading}\n`), `${rule.id}.md: ${heading}`);
    assert.match(text, /\nBad:\n/, `${rule.id}.md: a bad example`);
    assert.match(text, /\nGood:\n/, `${rule.id}.md: a good example`);
    assert.ok(text.includes(`copydesk.rules.${rule.id}`), `${rule.id}.md names its setting`);
    assert.ok(text.includes(`Default: **${rule.defaultSeverity}**`), `${rule.id}.md gives the default severity, ${rule.defaultSeverity}`);
  }
});

test("README.md's rule sections are what scripts/build-rule-docs.ts writes (npm run build:rule-docs)", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.equal(readme, buildReadme(readme), 'README.md and docs/rules have drifted: run `npm run build:rule-docs`');
});

test('a doc changed without rebuilding the README is caught', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const stale = readme.replace('### leftover\n', '### leftover\n\nAn old sentence the doc no longer has.\n');
  assert.notEqual(buildReadme(stale), stale);
});
