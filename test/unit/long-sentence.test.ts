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

test('a sentence that is mostly a direct quotation is the speaker’s: a desk cannot split it', () => {
  const quoted = `"${words(45)}," Mayor Dana Ortiz said on Tuesday.`;
  const ownLeadIn = `The council spent the whole wet spring arguing over the old bridge, the budget and the schedule of repairs, and the mayor said: "${words(30)}."`;
  const text = `Headline\n\n${quoted}\n\n${ownLeadIn}\n`;
  assert.deepEqual(
    check(text).map((f) => text.slice(f.start, f.end)),
    [ownLeadIn],
  );
});

test('"U.S." or "D.C." ends a sentence before a word that only opens one', () => {
  const first = `The rule covers ${words(30)} entering the U.S.`;
  const second = `They will ${words(25)}.`;
  const text = `Headline\n\n${first} ${second} The U.S. Senate and the D.C. Council ${words(20)}.\n`;
  assert.deepEqual(check(text), []);
});

test('an item of a dash-bulleted list is not checked', () => {
  assert.deepEqual(check(`Headline\n\nThe plan has two parts:\n\n— ${words(60)};\n\n— ${words(5)}.\n`), []);
});

test('a dateline opening the paragraph is not counted as words of its first sentence', () => {
  const text = `Headline\n\nRIVERSIDE FALLS — ${words(50)}.\n\nRIVERSIDE FALLS — ${words(51)}.\n`;
  assert.deepEqual(
    check(text).map((f) => text.slice(f.start, f.end)),
    [`${words(51)}.`],
  );
});

test('a state after its city ends the sentence before a capitalised word ("in Millbrook, N.J. Ann Lowe ..."); a title after it does not', () => {
  const ended = `Headline\n\nThe council met ${words(25)} in Millbrook, N.J. Ann Lowe, the treasurer, spoke ${words(25)}.\n`;
  assert.deepEqual(check(ended), []);
  const runOn = `Headline\n\nThe council met ${words(25)} in Millbrook, N.J. Mayor Ann Lowe spoke ${words(25)}.\n`;
  assert.equal(check(runOn).length, 1);
});

test("a Q&A transcript's turns are the speaker's words, an answer's further paragraphs included; the intro is checked", () => {
  const intro = `${words(55)}.`;
  const answer = `${words(55)}.`;
  const text = `Sheriff looks back\n\n${intro}\n\nQ: Why now?\n\nA: ${answer}\n\n${answer}\n\nQ: And next?\n\nA: Fishing.\n`;
  assert.equal(check(text).length, 1, 'only the intro before the first question');
  assert.equal(check(text)[0].start, text.indexOf(intro));
  // One "Q:" paragraph is no transcript.
  assert.equal(check(`Sheriff looks back\n\nQ: Why now?\n\n${answer}\n`).length, 1);
});

test('a roster of names under a label is a list, not a sentence; a sentence that names many people is still checked', () => {
  const first = [
    'Ann',
    'Ben',
    'Cal',
    'Dee',
    'Eve',
    'Fay',
    'Gus',
    'Hal',
    'Ida',
    'Jo',
    'Kit',
    'Lou',
    'Max',
    'Ned',
    'Ora',
    'Pat',
    'Roy',
    'Sue',
    'Ted',
    'Uma',
    'Vic',
    'Wes',
    'Xia',
    'Yul',
    'Zoe',
    'Abe',
    'Bea',
    'Cy',
  ];
  const names = first.map((name, i) => `${name} ${['Albrecht', 'Barron', 'Caris', 'Deace', 'Eadon'][i % 5]}`);
  const roster = `Iowa: ${names.join(', ')}, Ed Failor Jr. and Karen J. Fesler.`;
  const text = `Who we asked\n\nThese are the members of the panel:\n\n${roster}\n`;
  assert.deepEqual(check(text), []);
  const sentence = `The council heard from ${names.slice(0, 14).join(', ')} and the mayor, who all said the ferry plan had come far too late for the island's fishermen and their families this winter.`;
  assert.equal(check(`Ferry plan\n\n${sentence}\n`).length, 1);
});
