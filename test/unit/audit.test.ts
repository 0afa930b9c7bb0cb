// The causes a copy editor's audit of findings on published copy found, one
// fixture each (drafts written for these tests, in the manner of wire copy).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { sentencesOf } from '../../server/src/analysis/prose';
import type { Rule } from '../../server/src/analysis/rule';
import { attributionVerb } from '../../server/src/analysis/rules/attribution-verb';
import { firstReference } from '../../server/src/analysis/rules/first-reference';
import { leftover } from '../../server/src/analysis/rules/leftover';
import { longLede } from '../../server/src/analysis/rules/long-lede';
import { longSentence } from '../../server/src/analysis/rules/long-sentence';
import { unattributedQuote } from '../../server/src/analysis/rules/unattributed-quote';

const flagged = (rule: Rule, text: string) =>
  analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: { [rule.id]: 'warning' } }, 'all', [rule]).findings.map((f) => text.slice(f.start, f.end));

test('single line breaks: the lede is the first paragraph, not the whole story', () => {
  const paragraph = 'The city council voted on Tuesday to close Riverside Park for a year of repairs, officials said.';
  const text = ['Council closes park', paragraph, paragraph, paragraph, paragraph].join('\n');
  assert.deepEqual(flagged(longLede, text), []);
});

test('first-reference: titles it did not know', () => {
  for (const intro of ['Fed Chair Janet Yellen', 'Sens. Janet Yellen', 'psychotherapist Janet Yellen']) {
    const text = `Rates hold\n\n${intro} said rates would hold.\n\n"We are patient," Yellen said.\n`;
    assert.deepEqual(flagged(firstReference, text), [], intro);
  }
});

test("first-reference: captions, editor's notes and titles of works are not references", () => {
  const caption =
    'Rates hold\nPhoto: Janet Yellen leaves the hearing on Tuesday. (AP Photo/Jane Doe)\nFed Chair Janet Yellen said rates would hold.\n"We are patient," Yellen said.\n';
  assert.deepEqual(flagged(firstReference, caption), []);
  const note =
    'Rates hold\nEditor\'s note: Kessler is a contributor to this newspaper.\nThe Fed held rates on Tuesday.\n"We are patient," said Fed Chair Janet Yellen. Kessler did not comment.\n';
  assert.ok(!flagged(firstReference, note).some((f) => f === 'Kessler' && note.indexOf('Kessler') === note.indexOf(f)), 'the note is not a reference');
  const film =
    'Film opens\nThe film Michael Moore in Trumpland opened on Tuesday in New York.\nThe documentary drew crowds, and Moore in Trumpland sold out.\n';
  assert.deepEqual(flagged(firstReference, film), []);
});

test("unattributed-quote: a quotation paragraph after the same speaker's attributed one", () => {
  const text = [
    'Park stays open',
    '"The pool will stay open all summer," Parks Director Ines Mbeki said on Tuesday.',
    '"We owe the families that much, and the budget allows it."',
  ].join('\n');
  assert.deepEqual(flagged(unattributedQuote, text), []);
});

test('unattributed-quote: verbs like fumed and chimed in attribute', () => {
  for (const verb of ['fumed Council Member Ana Ruiz', 'Ruiz chimed in', 'Ruiz scoffed']) {
    const text = `Park stays open\n\nThe council met on Tuesday.\n\n"This is a waste of the city's money and everyone knows it," ${verb}.\n`;
    assert.deepEqual(flagged(unattributedQuote, text), [], verb);
  }
});

test('unattributed-quote: a pull quote credited on the next line', () => {
  const text =
    'Park stays open\n\nThe council met on Tuesday.\n\n"We owe the families a safe park, whatever it costs."\nInes Mbeki, parks director\n\nThe vote was 7-2.\n';
  assert.deepEqual(flagged(unattributedQuote, text), []);
});

test('unattributed-quote: still flags a quotation nobody said', () => {
  const text = 'Park stays open\n\nThe council met on Tuesday.\n\n"We owe the families a safe park, whatever it costs."\n\nThe vote was 7-2.\n';
  assert.equal(flagged(unattributedQuote, text).length, 1);
});

test("long-sentence: splits at '' quotes and after D-N.Y.", () => {
  const draft = parseDraft(
    "Headline\nThe bill passed, said Sen. Chuck Schumer, D-N.Y. The vote was close. He said. ''We will be back.'' It ended.",
    'plaintext',
  );
  const sentences = sentencesOf(draft.paragraphs[1]).map((s) => draft.text.slice(s.start, s.end));
  assert.deepEqual(sentences, ['The bill passed, said Sen. Chuck Schumer, D-N.Y.', 'The vote was close.', 'He said.', "''We will be back.''", 'It ended.']);
});

test("long-sentence: subheads and editor's notes are not merged into sentences", () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const text = `Headline\n${words(30)}.\nBudget fight moves on\n${words(30)}.\nEditor's note: ${words(30)}\n`;
  assert.deepEqual(flagged(longSentence, text), []);
});

test('attribution-verb: "States" is not a verb, and never "United Says"', () => {
  const text = 'Trade talks\n\n"We will not sign," United States trade officials said on Tuesday.\n\n"It is over," the United States claimed.\n';
  const findings = analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [attributionVerb]).findings;
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['claimed'],
  );
  assert.ok(findings.every((f) => !f.fixes.some((fix) => fix.edits.some((e) => /Says/.test(e.text)))));
});

test('leftover: web boilerplate lines it missed', () => {
  for (const line of ['Advertisement - story continues below', 'Related Stories', 'Sponsored Content', 'ADVERTISEMENT — Story continues below']) {
    const text = `Park stays open\n\nThe council met on Tuesday.\n${line}\nThe vote was 7-2.\n`;
    assert.deepEqual(flagged(leftover, text), [line], line);
  }
});

test('leftover: never offers to delete XX inside a quoted document', () => {
  const text = 'Memo leaked\n\nThe memo read: "Payments of $XX will be made to XX people by Friday."\n\nThe city paid $XX to the firm.\n';
  const findings = analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [leftover]).findings;
  assert.deepEqual(
    findings.map((f) => f.start),
    [text.lastIndexOf('XX')],
  );
});

test('unattributed-quote: a pull quote credited after it with a horizontal bar', () => {
  const text = 'Voters speak\n\nReaders told us what they think.\n\n“The park is the best thing this council has done in years.” ― Ana Ruiz\n';
  assert.deepEqual(flagged(unattributedQuote, text), []);
});
