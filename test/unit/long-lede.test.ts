import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { longLede } from '../../server/src/analysis/rules/long-lede';
import type { AnalysisOptions, Finding } from '../../server/src/analysis/types';

function check(text: string, options: Partial<AnalysisOptions> = {}): Finding[] {
  return analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {}, ...options }, 'all', [longLede]).findings;
}
const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

test('a lede over the limit is flagged from the first word past it', () => {
  const text = `Headline here\n\n${words(40)} ${words(5, 'extra')}.\n\nSecond paragraph ${words(60)}.\n`;
  const [finding, ...rest] = check(text);
  assert.equal(rest.length, 0, 'only the lede, never later paragraphs');
  assert.equal(text.slice(finding.start, finding.end), `${words(5, 'extra')}.`);
  assert.match(finding.message, /45 words/);
});

test('a lede at the limit, the headline and a byline are not flagged; the limit is a setting', () => {
  const text = `${words(60, 'headline')}\n\nBy Jane Doe\n\n${words(40)}.\n`;
  assert.deepEqual(check(text), []);
  assert.equal(check(text, { longLedeMaxWords: 30 }).length, 1);
});

test("a wire dateline with its state and date ('CITY, State, Mon. D (UPI) —') is not counted as words of the lede", () => {
  const lede = `RIVERTON, Wyo., Jan. 9 (UPI) — ${words(39)} end.`;
  assert.deepEqual(check(`Headline here\n\n${lede}\n\nSecond paragraph.\n`), []);
  assert.equal(check(`Headline here\n\n${lede.replace('end.', 'end more.')}\n\nSecond paragraph.\n`).length, 1, 'one word past the limit still is');
});

test('in Markdown the lede is the first paragraph after the heading', () => {
  const text = `# Council backs park\n\n${words(12)}.\n\n${words(80)}.\n`;
  assert.deepEqual(check(text, { language: 'markdown' }), []);
});

test("an editor's note in the lede ('edited for length and clarity') is not counted as words of the lede", () => {
  const lede = `The county's longest-serving judge talked about her last trial and ${words(26)} retirement. Questions and answers have been edited for length and clarity.`;
  assert.deepEqual(check(`Judge looks back\n\n${lede}\n\nQ: Why now?\n`), []);
  assert.equal(check(`Judge looks back\n\n${lede.replace('retirement.', 'retirement and more words besides these six.')}\n\nQ: Why now?\n`).length, 1);
});

test("an opening that is a speaker's words printed whole is not the reporter's lede to trim", () => {
  const quotation = `"${words(60)} end," the mayor said.`;
  assert.deepEqual(check(`Mayor: we will rebuild\n\n${quotation}\n\nThe mayor spoke on Tuesday.\n`), []);
  // Reported speech around a short quotation is the reporter's own lede.
  assert.equal(check(`Mayor: we will rebuild\n\nThe mayor said ${words(45)} "end."\n\nShe spoke on Tuesday.\n`).length, 1);
});
