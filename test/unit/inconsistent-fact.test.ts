// inconsistent-fact on small wire-style drafts written for this test: what it
// catches, what it must leave alone, and each fix applied to the text.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/applyFixes';
import { inconsistentFact } from '../../server/src/analysis/rules/inconsistent-fact';
import type { Finding } from '../../server/src/analysis/types';

function check(text: string): Finding[] {
  const result = analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [inconsistentFact]);
  assert.deepEqual(result.failures, []);
  return result.findings;
}
const flagged = (text: string) => check(text).map((f) => text.slice(f.start, f.end));

const mayorStory = `Snow budget runs dry

SPRINGFIELD, Ill. (AP) — The city has spent its snow budget for the winter.

Officials met on Monday to look for money.

Mayor Lena Fortescue asked the council for $2 million.

"We will plow every street," she said.

Ilona Varga, 57, a retired bus driver, said her street was last.

The council will vote on Thursday.

Road crews worked through the weekend, the city said.

Varga, 58, said she would attend.

Councilwoman Lena Fortescue said the vote would be close.
`;

test('two titles and two ages for one person: a finding on each side, with a fix that takes the other side', () => {
  const text = mayorStory;
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['Mayor', '57', '58', 'Councilwoman'],
  );
  assert.equal(findings[0].severity, 'hint');
  const mayor = findings[0];
  assert.match(mayor.message, /Lena Fortescue two different titles: “Mayor” here and “Councilwoman” on line 19/);
  assert.equal(mayor.fixes[0].title, 'Use the title from line 19');
  assert.equal(applyEdits(text, mayor.fixes[0].edits), text.replace('Mayor Lena', 'Councilwoman Lena'));
  const councilwoman = findings[3];
  assert.equal(councilwoman.fixes[0].title, 'Use the title from line 7');
  assert.equal(applyEdits(text, councilwoman.fixes[0].edits), text.replace('Councilwoman Lena', 'Mayor Lena'));
  assert.equal(text.slice(councilwoman.related![0].start, councilwoman.related![0].end), 'Mayor');
  const later = findings[2];
  assert.equal(later.fixes[0].title, 'Use the age from line 11');
  assert.equal(applyEdits(text, later.fixes[0].edits), text.replace('Varga, 58', 'Varga, 57'));
  // Only the reporter knows which side is right: no fix is safe.
  assert.ok(findings.every((f) => f.fixes.every((fix) => !fix.safe)));
  // Every fix edits only its own finding's range.
  for (const f of findings) for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= f.start && e.end <= f.end);
});

test('party affiliations that disagree', () => {
  const text = 'Senate vote\n\nSen. Ted Maddox (R-Texas) voted no.\n\nThe bill passed 52-48.\n\nTed Maddox (D-Texas) said he would try again.\n';
  assert.deepEqual(flagged(text), ['R-Texas', 'D-Texas']);
  assert.equal(applyEdits(text, check(text)[1].fixes[0].edits), text.replace('D-Texas', 'R-Texas'));
});

test('one acronym, two expansions', () => {
  const text =
    'Agency review\n\nThe Federal Bureau of Investigation (FBI) opened a review.\n\nA spokesman for the Federal Bureau of Intelligence (FBI) declined to comment.\n';
  assert.deepEqual(flagged(text), ['Federal Bureau of Investigation', 'Federal Bureau of Intelligence']);
  // A team sheet gives players their country in brackets: not an acronym's expansions.
  assert.deepEqual(flagged('Squad\n\nThe squad: J Smit (SA), C Pretorius (SA), V Marais (SA), G Gregan (Aus), A Hart (NZ).\n'), []);
  assert.deepEqual(
    flagged('World XV\n\nWorld XV: B Lane (NZ); A Kerr (NZ), C Venter (SA), V Marais (SA), P Walsh (Aus).\n\nReplacements: M Rua (Fiji), T Dube (SA).\n'),
    [],
  );
});

test('a promotion, a longer form of the same title, and a description are not conflicts', () => {
  assert.deepEqual(
    flagged('Council\n\nMayor Lena Fortescue spoke.\n\nFormer Mayor Lena Fortescue was in the room too, the paper said of her predecessor.\n'),
    [],
  );
  assert.deepEqual(flagged('Budget\n\nGov. Ana Ruiz signed it.\n\nColorado Gov. Ana Ruiz said so on Friday.\n'), []);
  assert.deepEqual(flagged('Race\n\nSen. Ted Maddox spoke.\n\nRepublican presidential candidate Ted Maddox left early.\n'), []);
  assert.deepEqual(flagged('Votes\n\nSen. Ted Maddox voted.\n\nSenator Ted Maddox said so.\n'), []);
  // An abbreviated title, with or without its full stop, is the same title.
  assert.deepEqual(flagged('Study\n\nProfessor Ilona Varga led the study.\n\nProf Ilona Varga said it took a year.\n'), []);
  assert.deepEqual(flagged('Study\n\nProfessor Ilona Varga led the study.\n\nDean Ilona Varga said it took a year.\n'), ['Professor', 'Dean']);
  assert.deepEqual(flagged('Ages\n\nIlona Varga, 57, spoke.\n\nVarga, 57, left.\n'), []);
  // The party whose race a candidate runs in, and a post beside an office.
  assert.deepEqual(flagged('Accord\n\nDemocratic presidential candidate Sen. Ted Maddox (I-Vt.) spoke.\n'), []);
  assert.deepEqual(flagged('Sanctions\n\nSen. Ted Maddox backs it.\n\nSenate Foreign Relations Committee Chairman Ted Maddox (R-Tenn.) wrote it.\n'), []);
  // Two people who share a surname are two people.
  assert.deepEqual(flagged('Family\n\nIlona Varga, 57, spoke. Her husband Peter Varga, 59, did not.\n'), []);
});

test('quotations are the source’s words, not the story’s facts', () => {
  const text = 'Council\n\nMayor Lena Fortescue spoke.\n\n"I met Councilwoman Lena Fortescue in 2010," Ann Park said.\n';
  assert.deepEqual(flagged(text), []);
});

test('odd input: CRLF, emoji and accents keep ranges exact; no crash on junk', () => {
  const text = 'Café 🎉\r\n\r\nMayor Zoë Ångström spoke 😊.\r\n\r\nCouncilwoman Zoë Ångström left.\r\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['Mayor', 'Councilwoman'],
  );
  assert.match(findings[1].message, /on line 3/);
  for (const junk of ['', '\u0000\u0001', 'A'.repeat(5000), '(FBI) (FBI)', 'Смит, 57, и Смит, 58.']) check(junk);
});
