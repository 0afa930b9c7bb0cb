import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { attributionVerb } from '../../server/src/analysis/rules/attribution-verb';
import type { Finding } from '../../server/src/analysis/types';

function check(text: string): Finding[] {
  return analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [attributionVerb]).findings;
}
function fixAll(text: string): string {
  let result = text;
  for (const e of check(text)
    .flatMap((f) => f.fixes[0].edits)
    .sort((a, b) => b.start - a.start))
    result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

test('said-bookisms after or before a quotation are flagged, with "said"/"says" as the fix', () => {
  const text =
    'Headline\n\n"We will open it this summer," Whitfield claimed.\n\nWhitfield insisted: "The money is there."\n\n"It is done," admits the mayor.\n\nHe noted that "prices rose."\n\n“It works,” Gov. Jane Smith stated.\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['claimed', 'insisted', 'admits', 'noted', 'stated'],
  );
  assert.equal(findings[0].severity, 'info');
  assert.equal(
    fixAll(text),
    'Headline\n\n"We will open it this summer," Whitfield said.\n\nWhitfield said: "The money is there."\n\n"It is done," says the mayor.\n\nHe said that "prices rose."\n\n“It works,” Gov. Jane Smith said.\n',
  );
});

test('a capital is kept: "Claimed" becomes "Said"', () => {
  assert.equal(fixAll('Headline\n\n"It is done," Claimed the mayor.\n'), 'Headline\n\n"It is done," Said the mayor.\n');
});

test('plain verbs, verbs away from quotations, and new sentences after a quotation are not flagged', () => {
  const text = [
    'Headline',
    '"It is done," she added. "Next," he told reporters. "Why?" she asked.',
    'The group claimed responsibility for the attack. He was admitted to hospital.',
    'Officials said the plan "will work." She noted a rally planned for Saturday.',
  ].join('\n\n');
  assert.deepEqual(check(text), []);
});

test('the headline is not checked', () => {
  assert.deepEqual(check('Sanders declares "revolution"\n\nBody.\n'), []);
});

test('a quoted word inside the sentence is not a quotation being attributed: "false" claims about', () => {
  assert.deepEqual(check('Headline\n\nThe company will fight "false" claims about its drug. It "strongly" denies the report.\n'), []);
  // With its punctuation inside the marks, or a comma after them, it is one.
  assert.deepEqual(
    check('Headline\n\n"The claims are false," the company insisted. "They are false", the spokesman insisted.\n').map((f) => f.message.slice(1, 9)),
    ['insisted', 'insisted'],
  );
});

test('a noun before a quotation is no verb of saying: "to say remarks", "his claims", "of notes", "Trump\'s remarks"', () => {
  const text =
    'Headline\n\nThe mayor had to say remarks "misconstrued." She repeated his claims "about the bridge." He kept a file of notes "from the meeting." Whitfield insisted: "The money is there." The lawmaker said Trump\'s remarks "have had widespread dissemination." He cited the senators’ claims "about the bridge."\n';
  assert.deepEqual(
    check(text).map((f) => text.slice(f.start, f.end)),
    ['insisted'],
  );
  // "He's" is "he has": the verb after it still attributes.
  assert.deepEqual(
    check('Headline\n\nHe\'s insisted "the money is there," aides said.\n').map((f) => f.message.slice(1, 9)),
    ['insisted'],
  );
});

test('a verb whose object is a quoted noun phrase (declared "a costly mistake") attributes nothing: "said" would not fit', () => {
  const fixed = fixAll(
    'Headline\n\nThe council voted on the pool plan, which the mayor declared "a costly mistake." Whitfield noted "an error in the budget" at the meeting. She declared "We will open it in June."\n',
  );
  assert.match(fixed, /mayor declared "a costly/);
  assert.match(fixed, /Whitfield noted "an error/);
  assert.match(fixed, /She said "We will open/);
});

test("a book excerpt the editor's note announces is the author's text, not copy to restyle", () => {
  const body = 'The judge looked up. "Everything you have said," the judge exclaimed, "is what I have said."\n';
  const note = "Editor's Note: The following is the second of three excerpts from Dana Whitfield's new book, Pool Days.\n\n";
  assert.deepEqual(check(`Pool days, part 2\n\n${note}${body}`), []);
  // Without the note it is a news story, and the bookism is flagged.
  assert.equal(check(`Pool days\n\n${body}`).length, 1);
});
