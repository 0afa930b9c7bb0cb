// mixed-quotes: one finding when a draft mixes curly and straight marks, and
// a fix that converts only the minority mark characters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { mixedQuotes } from '../../server/src/analysis/rules/mixed-quotes';
import { defaultOptions, type Finding } from '../../server/src/analysis/types';

const headline = 'Council backs library plan\n\n';

function findings(body: string): Finding[] {
  return analyze(headline + body, defaultOptions, 'all', [mixedQuotes]).findings;
}

function fixed(body: string): string {
  const [f] = findings(body);
  let text = headline + body;
  for (const e of [...f.fixes[0].edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text.slice(headline.length);
}

test('a draft in one style is not flagged', () => {
  assert.deepEqual(findings('“We won’t stop,” she said. “It’s early.”'), []);
  assert.deepEqual(findings('"We won\'t stop," she said. "It\'s early."'), []);
  // Primes and guillemets are neither curly nor straight quotation marks.
  assert.deepEqual(findings('“He is 6\'8",” she said. «Oui».'), []);
});

test('one finding, on the first minority mark, with the counts', () => {
  const body = '“We won’t stop,” she said. “They’re late.” "It\'s early."';
  const all = findings(body);
  assert.equal(all.length, 1);
  assert.equal(all[0].severity, 'info');
  assert.equal((headline + body).slice(all[0].start, all[0].end), '"');
  assert.equal(all[0].start, headline.length + body.indexOf('"'));
  assert.match(all[0].message, /3 straight, 6 curly/);
});

test('the fix converts straight marks and apostrophes to a curly majority', () => {
  assert.equal(
    fixed(
      "“We won’t stop,” she said. “They’re late, aren’t they? It’s the ‘new’ normal.” Ross’s “notes” don’t say. O’Brien’s “fine.” \"It's the drivers' union. Rock 'n' roll in the '90s, 'No,' she said.\"",
    ),
    '“We won’t stop,” she said. “They’re late, aren’t they? It’s the ‘new’ normal.” Ross’s “notes” don’t say. O’Brien’s “fine.” “It’s the drivers’ union. Rock ’n’ roll in the ’90s, ‘No,’ she said.”',
  );
});

test('the fix converts curly marks to a straight majority', () => {
  assert.equal(
    fixed('"We won\'t stop," she said. "It\'s early, isn\'t it?" “Yes,” he said, ‘fine’.'),
    '"We won\'t stop," she said. "It\'s early, isn\'t it?" "Yes," he said, \'fine\'.',
  );
});

test('the fix touches only the mark characters and leaves primes alone', () => {
  const body = '“He is 6\'8",” she said. “It’s true.” "It\'s tall."';
  const [f] = findings(body);
  const text = headline + body;
  for (const e of f.fixes[0].edits) {
    assert.ok(/^["'“”‘’]$/.test(text.slice(e.start, e.end)), `edit on ${JSON.stringify(text.slice(e.start, e.end))}`);
    assert.ok(/^["'“”‘’]$/.test(e.text));
  }
  assert.equal(fixed(body), '“He is 6\'8",” she said. “It’s true.” “It’s tall.”');
});

test('the conversion is safe only when the marks are balanced', () => {
  assert.equal(findings('“We won’t stop,” she said. “Ever.” "It\'s early."')[0].fixes[0].safe, true);
  assert.equal(findings('“We won’t stop,” she said. “Ever.” "It\'s early.')[0].fixes[0].safe, undefined);
});

test('the quoted attributes of pasted markup are code, not quotation marks', () => {
  const embed = '<blockquote class="twitter-tweet" data-id=\'78\'><a href="https://example.com/p/1">post</a></blockquote>';
  assert.deepEqual(findings(`“We won’t stop,” she said.\n\n${embed}\n\nThe vote is on Monday.`), []);
  // A straight mark in the prose beside it still counts, and the fix leaves the markup alone.
  const body = `“We won’t stop,” she said.\n\n${embed}\n\nThe mayor’s aide said it was "early."`;
  assert.equal(findings(body).length, 1);
  assert.equal(fixed(body), `“We won’t stop,” she said.\n\n${embed}\n\nThe mayor’s aide said it was “early.”`);
});

test('a tag broken over two lines inside an attribute value is still markup (an embed as some content systems export it)', () => {
  const embed = '<tweet tweet-author="@harborcouncil" tweet-date="January 19, 2016\n">We vote Monday. Come along.<tweet/>.';
  assert.deepEqual(findings(`“We won’t stop,” she said.\n\n${embed}\n\nThe vote is on Monday.`), []);
});

test('the marks of a boilerplate line the leftover rule deletes ("Related:" in quotation marks) do not count', () => {
  assert.deepEqual(findings('“We won’t stop,” she said.\n\n"Related:"\n\nThe vote is on Monday, the mayor’s aide said.'), []);
  // A straight mark in the story still counts.
  assert.equal(findings('“We won’t stop,” she said.\n\n"Related:"\n\nThe aide said it was "early."').length, 1);
});
