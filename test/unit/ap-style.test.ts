import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { apStyle, numberInWords } from '../../server/src/analysis/rules/ap-style';
import { analysisOptionsFor, resolveSettings } from '../../server/src/analysis/settings';
import type { AnalysisOptions, Finding, TextEdit } from '../../server/src/analysis/types';

const base: AnalysisOptions = { language: 'plaintext', quoteStyle: 'auto', rules: {} };

function check(text: string, options: Partial<AnalysisOptions> = {}): Finding[] {
  return analyze(text, { ...base, ...options }, 'all', [apStyle]).findings;
}
function flagged(text: string, options?: Partial<AnalysisOptions>): string[] {
  return check(text, options).map((f) => text.slice(f.start, f.end));
}
function fixed(text: string): string {
  let result = text;
  const edits: TextEdit[] = check(text).flatMap((f) => f.fixes[0]?.edits ?? []);
  for (const e of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

test('months with a date are abbreviated, March to July spelled out, months alone spelled out', () => {
  const text = 'Headline\n\nHe spoke on February 13 and on Apr. 3. The vote is in Feb. It passed Sept 9 and on Sep. 10.\n';
  assert.deepEqual(flagged(text), ['February', 'Apr.', 'Feb.', 'Sept', 'Sep.']);
  assert.equal(fixed(text), 'Headline\n\nHe spoke on Feb. 13 and on April 3. The vote is in February. It passed Sept. 9 and on Sept. 10.\n');
});

test('a month abbreviation without a date is a month only where one is expected: "in Feb.", "last Oct.", "Nov. 2017"', () => {
  const text = 'Headline\n\nThe show is hosted by Ant and Dec. They met last Oct. and again in Nov. 2017. Her name is Jan. She works for Sept. Media.\n';
  assert.deepEqual(flagged(text), ['Oct.', 'Nov.']);
});

test('correct months, years, names and dates inside quotations are not flagged', () => {
  const text =
    'Headline\n\nOn Feb. 13 and March 3, in February 2017 and in May, Jan Smith met Dec. 6-9 voters. In January 25 people left. "It was February 13," she said.\n';
  assert.deepEqual(flagged(text), []);
});

test("a date standing alone under the headline is the page's stamp, not copy; the story's dates are still checked", () => {
  const text =
    'Bridge reopens after repairs\n\nThursday, March 4, 2021\n\nWednesday, February 3, 2021\n\nThe bridge closed on February 3 and reopened Thursday.\n';
  assert.deepEqual(flagged(text), ['February']);
  assert.equal(check(text)[0].start, text.lastIndexOf('February'));
});

test("a wire's dateline keeps the wire's abbreviation; a month spelled out there is still flagged", () => {
  const text = 'Clinton briefed\n\nAug 27 (Reuters) - Hillary Clinton was briefed on Saturday. The next briefing is on Sept 9.\n';
  assert.deepEqual(flagged(text), ['Sept']);
  assert.deepEqual(flagged(text.replace('Aug 27', 'August 27')), ['August', 'Sept']);
});

test('a source list, a metadata line and a score with a spaced dash are not copy to restyle', () => {
  const text =
    'Bridge reopens\n\nThe first half ended 1 – 1 on the scoreboard, and the bridge reopened on February 3.\n\nSources\n\n"Bridge reopens" — Riverside Courier, February 3, 2021\n\nCategories: February 3, 2021 Riverside\n';
  assert.deepEqual(flagged(text), ['February']);
  assert.equal(check(text)[0].start, text.indexOf('February'));
});

test('a lone figure below 10 before a plain word is spelled out; the fix keeps a sentence-start capital', () => {
  const text = 'Headline\n\nThe council hired 4 lawyers. 3 residents objected.\n';
  assert.deepEqual(flagged(text), ['4', '3']);
  assert.equal(fixed(text), 'Headline\n\nThe council hired four lawyers. Three residents objected.\n');
});

test("AP's always-a-figure cases are left alone", () => {
  const text = [
    'Headline with 5 figures',
    'A 4-year-old boy, 5 percent, $3 bills, 6 feet tall, at 3 p.m., a 7-2 vote, Route 9 and Game 7.',
    'He is 5 years old. The Group of 8 met. She scored 3 points and won 6 to 4. It fell No. 2 on the list.',
    'Police found 13 cars and 4 trucks.',
  ].join('\n\n');
  assert.deepEqual(flagged(text), []);
});

test('money in any currency takes figures', () => {
  assert.deepEqual(flagged('Headline\n\nThe shares cost 9 euros each.\n'), []);
  assert.deepEqual(flagged('Headline\n\nA stamp costs 5 pence.\n'), []);
});

test('a figure of 10 or more that starts a sentence is flagged, with a spelled-out fix up to 99', () => {
  const text = 'Headline\n\nThe storm hit. 15 people were hurt. 2016 was a hard year.\n';
  assert.deepEqual(flagged(text), ['15']);
  assert.equal(fixed(text), 'Headline\n\nThe storm hit. Fifteen people were hurt. 2016 was a hard year.\n');
  assert.equal(numberInWords(42), 'forty-two');
  assert.equal(numberInWords(100), undefined);
});

test('yesterday is flagged; today only beside news of the day, never as "nowadays" or a name', () => {
  const text =
    'Headline\n\nThe mayor resigned yesterday. The council voted today to close the park. Life today is hard. He told USA Today that it worked. "I left yesterday," she said.\n';
  assert.deepEqual(flagged(text), ['yesterday', 'today']);
  assert.deepEqual(check(text)[0].fixes, []);
});

test('each sub-check can be switched off, and the guardian style switches all of them off', () => {
  const text =
    'Headline\n\nOn February 13 the council met.\n\nAfter a long debate that ran late into the night, it hired 4 lawyers. The mayor resigned yesterday.\n';
  assert.equal(flagged(text).length, 3);
  const guardian = analysisOptionsFor(resolveSettings({ style: 'guardian' }).settings, 'plaintext');
  assert.deepEqual(flagged(text, guardian), []);
  assert.equal(guardian.quoteStyle, 'uk');
  assert.equal(guardian.spelling, 'british');
  assert.deepEqual(flagged(text, { apStyle: { months: false, numbers: true, timeReferences: true } }), ['4', 'yesterday']);
  assert.deepEqual(flagged(text, { apStyle: { months: true, numbers: false, timeReferences: false } }), ['February']);
  assert.deepEqual(flagged(text, { apStyle: { months: false, numbers: false, timeReferences: false } }), []);
});

test('a figure used as a name is not a count to spell out: the mobile operator 3', () => {
  const rule = apStyle;
  for (const text of [
    'Phones\n\nExtra capacity lets 3 offer good deals on calls, the operator said.\n',
    'Phones\n\n"Come and go as you like," said 3 spokesperson Belinda Henders.\n',
    'Phones\n\nThe operator 3 is the smallest in Britain, analysts said.\n',
    'Phones\n\nThe response has been so promising that 3 says it will launch a dating service.\n',
  ]) {
    assert.deepEqual(
      analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [rule]).findings.map((f) => text.slice(f.start, f.end)),
      [],
      text,
    );
  }
  const count = 'Court\n\nThe firm hired 3 new clerks, the filing said.\n';
  assert.equal(analyze(count, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [rule]).findings.length, 1);
});

test('the date that signs an embedded post ("— Dana Ruiz (@danaruiz) September 1, 2016") is the platform\'s stamp, not copy', () => {
  const text =
    'Headline\n\nThe mayor answered online.\n\nThe pool opens at noon. — Dana Ruiz (@danaruiz) September 1, 2016\n\nThe pool opens at noon. — Parks Dept. (@parks) Sept 3, 2016\n\nShe left on September 2.\n';
  assert.deepEqual(flagged(text), ['September']);
  assert.equal(check(text)[0].start, text.indexOf('September 2'));
});

test('"yesterday" in a Q&A transcript (paragraphs opening "Q:" and "A:") is spoken, not wire copy to restyle', () => {
  const text =
    'Q&A with the mayor\n\nThe mayor spoke to us on Friday.\n\nQ: You said yesterday that the pool will close.\n\nA. Yes, and it opened yesterday.\n\nThe council met yesterday.\n';
  assert.deepEqual(flagged(text), ['yesterday']);
  assert.equal(check(text)[0].start, text.lastIndexOf('yesterday'));
});

test('"yesterday" in a sentence in the first person (a speech or a letter printed whole) is the writer\'s own word, not wire copy to restyle', () => {
  const text =
    'The speech\n\nHere is what the mayor should tell the council.\n\nFriends, I stand before you tonight. Just yesterday, believe it or not, he tried to close my pool! The mayor resigned yesterday, and I was there.\n\nThe council met yesterday.\n';
  assert.deepEqual(flagged(text), ['yesterday']);
  assert.equal(check(text)[0].start, text.lastIndexOf('yesterday'));
});

test('a sequential designation (part 1, act 2, season 3) keeps its figure', () => {
  for (const sentence of [
    'Read part 1 here and part 2 next week.',
    'The mayor walks on in act 2, scene 3.',
    'The show returns for season 4 in May.',
    'The clinic is in volume 2 of the report.',
  ]) {
    assert.deepEqual(flagged(`Pool report\n\nThe council met on Monday. ${sentence}\n`), [], sentence);
  }
  // A count still takes words.
  assert.deepEqual(flagged('Pool report\n\nThe council met on Monday. It heard 4 speakers.\n'), ['4']);
});

test("an answer's further paragraphs in a Q&A transcript are spoken words: 'yesterday' stays as said", () => {
  const text =
    'Sheriff looks back\n\nQ: When did you decide?\n\nA: It took a while.\n\nThe deputies found the boat yesterday, and the family came down.\n\nQ: And next?\n\nA: Fishing.\n';
  assert.deepEqual(flagged(text), []);
});

test("an embedded post is its author's words: nothing in the paragraph that carries its signature is restyled", () => {
  const text =
    'Headline\n\nThe singer promoted the interview.\n\nHer new show.#ComingSoon September 30th and 2 more surprises. pic.twitter.com/abc — Apple Music (@AppleMusic) September 27, 2016\n\nThe show airs September 30 in the evening, and the host invited 4 guests.\n';
  assert.deepEqual(flagged(text), ['September']);
  assert.ok(check(text).every((f) => f.start > text.indexOf('The show airs')));
});
