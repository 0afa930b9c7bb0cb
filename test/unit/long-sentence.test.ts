import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { longSentence } from '../../server/src/analysis/rules/long-sentence';
import type { AnalysisOptions, Finding } from '../../server/src/analysis/types';

function check(text: string, options: Partial<AnalysisOptions> = {}): Finding[] {
  return analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {}, ...options }, 'all', [longSentence]).findings;
}
const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Word' : 'word')).join(' ');

test('a sentence over the limit is flagged whole, its neighbours are not', () => {
  const long = `${words(51)}.`;
  const text = `Headline\n\nShort one. ${long} Another short one.\n`;
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    [long],
  );
  assert.equal(findings[0].severity, 'hint');
  assert.match(findings[0].message, /51 words/);
});

test('abbreviations, initials and U.S. do not end a sentence; the limit is a setting', () => {
  const text = `Headline\n\nMr. Smith of the U.S. Senate met Sen. John F. Kennedy Jr. on Jan. 5 in St. Louis and ${words(10)}.\n`;
  assert.deepEqual(check(text), []);
  const [finding] = check(text, { longSentenceMaxWords: 20 });
  assert.equal(text.slice(finding.start, finding.start + 9), 'Mr. Smith');
  assert.ok(text.slice(finding.start, finding.end).endsWith('word.'));
});

test('the headline is not checked', () => {
  assert.deepEqual(check(`${words(70)}\n\nBody.\n`), []);
});
