import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskMarkdown, paragraphAt, parseDraft } from '../../server/src/analysis/draft';

test('plain drafts split on blank lines and single line breaks, CRLF and CR included, and the first line is the headline', () => {
  const text = 'Headline here\r\n\r\nFirst paragraph\r\nstill first.\r\n\r\n\r\nSecond.\rThird.';
  const draft = parseDraft(text, 'plaintext');
  assert.deepEqual(
    draft.paragraphs.map((p) => [p.text, p.isHeadline]),
    [
      ['Headline here', true],
      ['First paragraph\r\nstill first.', false],
      ['Second.', false],
      ['Third.', false],
    ],
  );
  for (const p of draft.paragraphs) assert.equal(text.slice(p.start, p.end), p.text);
});

test('a first paragraph of several lines is not a headline', () => {
  const draft = parseDraft('Two lines\nin the lede.\n\nMore.', 'article');
  assert.equal(draft.paragraphs[0].isHeadline, false);
});

test('an empty or blank draft has no paragraphs', () => {
  assert.deepEqual(parseDraft('', 'plaintext').paragraphs, []);
  assert.deepEqual(parseDraft(' \n\r\n\t', 'markdown').paragraphs, []);
});

test('paragraphAt finds the paragraph around an offset', () => {
  const draft = parseDraft('One.\n\nTwo two.\n\nThree.', 'plaintext');
  assert.equal(paragraphAt(draft, 0)?.index, 0);
  assert.equal(paragraphAt(draft, 8)?.index, 1);
  assert.equal(paragraphAt(draft, 5), undefined);
  assert.equal(paragraphAt(draft, 21)?.index, 2);
});

test('Markdown masking keeps offsets and blanks code, HTML, front matter and link destinations', () => {
  const text = [
    '---',
    'title: "Front matter"',
    '---',
    '# The "headline"',
    '',
    'She said `"code"` and <span title="x">this</span> [a "link"](http://x.org "a title").',
    '',
    '```',
    'print("hello)',
    '```',
    '',
    '> "Quoted in a block," he said.',
    '',
    '[ref]: http://example.com "Title"',
  ].join('\n');
  const prose = maskMarkdown(text);
  assert.equal(prose.length, text.length);
  assert.ok(!prose.includes('Front matter'));
  assert.ok(!prose.includes('hello'));
  assert.ok(!prose.includes('code'));
  assert.ok(!prose.includes('title="x"'));
  assert.ok(!prose.includes('a title'));
  assert.ok(!prose.includes('Title'));
  assert.ok(prose.includes('[a "link"]'), 'link text is prose');
  assert.ok(prose.includes('"Quoted in a block," he said.'));
  assert.ok(prose.includes('The "headline"'));
  const draft = parseDraft(text, 'markdown');
  const headline = draft.paragraphs.find((p) => p.isHeadline);
  assert.equal(headline?.text.trim(), 'The "headline"');
});

test('Markdown headings and list items are paragraphs of their own', () => {
  const draft = parseDraft('## Heading\nText under it.\n- item one\n- item two\n  continued', 'markdown');
  assert.deepEqual(
    draft.paragraphs.map((p) => p.text.trim()),
    ['Heading', 'Text under it.', 'item one', 'item two\n  continued'],
  );
  assert.deepEqual(
    draft.paragraphs.map((p) => p.isBlock),
    [true, false, true, true],
  );
});
