import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { inconsistentAlias } from '../../server/src/analysis/rules/inconsistent-alias';
import type { Finding, TextEdit } from '../../server/src/analysis/types';

function check(text: string): Finding[] {
  return analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [inconsistentAlias]).findings;
}
function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}
const flagged = (text: string) => check(text).map((f) => text.slice(f.start, f.end));

test('the sample draft: Islamic State is IS and ISIS', () => {
  const text = readFileSync(new URL('../../samples/aid-convoy.txt', `file://${__filename}`), 'utf8');
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['ISIS', 'ISIS'],
  );
  assert.match(findings[0].message, /calls Islamic State ‘IS’ and ‘ISIS’/);
  assert.equal(findings[0].fixes[0].title, 'Write ‘IS’');
  assert.equal(findings[0].fixes[0].preferred, true);
  assert.equal(applyEdits(text, findings[0].fixes[0].edits), text.replace('director, said ISIS still', 'director, said IS still'));
});

test('two short forms after the full name: the later one is flagged; fixes rewrite it, or all of them', () => {
  const text =
    'Group retreats\n\nThe Islamic State group lost ground. IS fighters fled the town.\n\nISIS still holds the valley, and ISIL claimed the attack.\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['ISIS', 'ISIL'],
  );
  assert.equal(findings[0].severity, 'warning');
  assert.equal(applyEdits(text, findings[0].fixes[0].edits), text.replace('ISIS still', 'IS still'));
  assert.equal(findings[0].fixes[0].safe, undefined);
  const all = findings[0].fixes.find((f) => /throughout/.test(f.title))!;
  assert.equal(applyEdits(text, all.edits), text.replace('ISIS still', 'IS still').replace('ISIL claimed', 'IS claimed'));
  assert.equal(text.slice(findings[0].related![0].start, findings[0].related![0].end), 'IS');
});

test('the full name and one short form, case or period variants: not inconsistent', () => {
  assert.deepEqual(
    flagged('Allies\n\nThe North Atlantic Treaty Organization met. NATO ministers agreed, and the North Atlantic Treaty Organization said so. NATO left.\n'),
    [],
  );
  assert.deepEqual(flagged('Rates\n\nThe European Central Bank raised rates. The ECB said so.\n'), []);
  assert.deepEqual(flagged('Talks\n\nThe United Nations met. The U.N. said the UN would vote.\n'), []);
  // Naming the other forms is explaining them, not using them.
  assert.deepEqual(flagged('Attack\n\nThe Islamic State, also known as ISIS or ISIL, claimed the attack. ISIS fighters fled.\n'), []);
});

test("a form inside a direct quotation is the speaker's: neither counted nor flagged", () => {
  const text =
    'Group retreats\n\nThe Islamic State group lost ground. ISIL fighters fled the town.\n\n"ISIS is finished here," the general said. ISIL still holds the valley.\n';
  assert.deepEqual(flagged(text), []);
  // The reporter's own second form is still flagged.
  assert.deepEqual(flagged(text.replace('ISIL still', 'ISIS still')), ['ISIS']);
});

test('the last words of a name are its house short form, not another name: "The Washington Post ... Washington Post ... the Post"', () => {
  const text =
    'Harbor plan stalls\n\nThe Washington Post reported the delay on Monday. A Washington Post reporter saw the vote, and the Post said the council would meet again.\n';
  assert.deepEqual(flagged(text), []);
});

test('the last words of another short form are that form shortened again: "the Reserve Bank ... the Bank"', () => {
  const text =
    'Rates rise\n\nThe Reserve Bank of Australia lifted rates on Tuesday. Shortly after the Bank made its decision, growth figures fell.\n\n"Capacity is limited," said Ian Macfarlane, Governor of the Reserve Bank. The Bank said it had acted to curb inflation.\n';
  assert.deepEqual(flagged(text), []);
  // A third form that shortens neither is still another name.
  assert.deepEqual(flagged(text.replace('The Bank said', 'The RBA said')), ['RBA']);
});

test('a short form and its plural are one form, the adjective and the noun: "Lib Dem spokesman ... the Lib Dems"', () => {
  const text =
    'Party sets out plans\n\nThe Liberal Democrats set out their plans on Monday. Lib Dem spokesman Tom Vell said the Lib Dems would scrap the tax.\n';
  assert.deepEqual(flagged(text), []);
});

test('a plural in -ies, a party\'s nickname and a name without its possessive are no other short forms: "Tory leader ... the Tories", "Conservative hands ... Tory plans", "Standard & Poor\'s (S&P)"', () => {
  const party =
    'Tax row\n\nThe Tories attacked the plan on Monday. Tory leader Ana Ruiz said the NHS was safe in Conservative hands, and that Tory plans would cut waste.\n';
  assert.deepEqual(flagged(party), []);
  const agency =
    "Rupee rises\n\nThe rupee rose after Standard & Poor's (S&P) raised the country's rating. S&P, which rates borrowers, lifted it by one notch.\n";
  assert.deepEqual(flagged(agency), []);
});
