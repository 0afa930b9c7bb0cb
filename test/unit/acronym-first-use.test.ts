import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { acronymFirstUse } from '../../server/src/analysis/rules/acronym-first-use';
import type { Finding, TextEdit } from '../../server/src/analysis/types';

function check(text: string): Finding[] {
  return analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [acronymFirstUse]).findings;
}
function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}
const flagged = (text: string) => check(text).map((f) => text.slice(f.start, f.end));

test('an acronym never spelled out is an info finding, once per acronym', () => {
  const text = 'Bank inquiry\n\nThe NAB opened an inquiry on Monday. The NAB said it would report in June.\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['NAB'],
  );
  assert.equal(findings[0].severity, 'hint');
  assert.match(findings[0].message, /NAB is never spelled out/);
  assert.deepEqual(findings[0].fixes, []);
});

test('an acronym used before its expansion: the fix writes the full name with the acronym', () => {
  const text = 'Rates rise\n\nThe ECB raised rates. The European Central Bank said inflation was too high.\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['ECB'],
  );
  assert.equal(applyEdits(text, findings[0].fixes[0].edits), text.replace('The ECB', 'The European Central Bank (ECB)'));
  assert.equal(text.slice(findings[0].related![0].start, findings[0].related![0].end), 'European Central Bank');
});

test('spelled out first, in parentheses, or in the headline: not flagged', () => {
  assert.deepEqual(flagged('Safety\n\nThe Federal Aviation Administration (FAA) said the FAA would act.\n'), []);
  assert.deepEqual(flagged('Safety\n\nThe Federal Aviation Administration grounded the jets. The FAA said so.\n'), []);
  assert.deepEqual(flagged('Islamic State loses ground\n\nIS fighters withdrew from the town.\n'), []);
  assert.deepEqual(flagged('Vote\n\nThe Campaign for an Independent and Neutral Switzerland, or AUNS, backed the vote. AUNS won.\n'), []);
});

test('well-known acronyms, states, initials, numerals, codes and datelines are not flagged', () => {
  const text = [
    'Notes',
    '',
    'FBI agents and NATO allies met U.S. officials and the GOP leadership on TV.',
    'Sen. Ted Cruz (R-TX) flew an F-35 to Laconia, N.H., where George H.W. Bush and Louis XIV never met.',
    'Follow @CNN and #MAGA. COVID-19 cases rose. He works for WVIT in Hartford.',
    'DES MOINES — The caucuses begin Monday.',
    '"The NAB is watching," she said.',
    '',
  ].join('\n');
  assert.deepEqual(flagged(text), []);
});

test('a placeholder is not an acronym: TK and XX are leftover findings only (one fault, one finding)', () => {
  const text = 'Bridge repair\n\nCounty Engineer David Lindqvist said the work would begin in TK and cost $XX million. TKTK.\n';
  assert.deepEqual(flagged(text), []);
  const all = analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all').findings.filter((f) => text.slice(f.start, f.end) === 'TK');
  assert.deepEqual(
    all.map((f) => f.ruleId),
    ['leftover'],
  );
});

test('acronyms a British reader knows are well known too: MPs, GCSEs, the TUC, the SNP', () => {
  const text = 'Schools\n\nMPs and MSPs backed the plan. The TUC and the CBI agreed, and the SNP said GCSE results would improve.\n';
  assert.deepEqual(flagged(text), []);
});

test('never spelled out: only a body named with "the" and not described where it stands', () => {
  for (const text of [
    // A company or a product known by its letters, written without "the".
    'Broadband\n\nBT said prices would fall. BT will cut 500 jobs, and MSN plans a rival service.\n',
    // A maker's name before it: a product.
    "Games\n\nSony's PSP went on sale in Japan. Shops said the PSP sold out.\n",
    // Described right where it stands.
    'Music\n\nThe IFPI industry body said sales rose. The ICM survey interviewed 110 pupils.\n',
    'Music\n\nSales were counted by the IFES, an international non-profit organisation. The IFES said so.\n',
    // Spelled out right after it.
    'Phones\n\nTwo standards compete: DVB-H and DMB for Digital Multimedia Broadcasting.\n',
  ]) {
    assert.deepEqual(flagged(text), [], text);
  }
  assert.deepEqual(flagged('Unions\n\nThe proposal was backed by the NUJ. The NUJ will ballot members in May.\n'), ['NUJ']);
});

test('described or titled where it stands: an appositive before it, "also known as", a title with The', () => {
  for (const text of [
    "Rates\n\nThe manufacturers' organisation, the EEF, said rates would hold. The EEF expects growth.\n",
    "Doping\n\nThe pair were banned by athletics' ruling body the IAAF. The IAAF will appeal.\n",
    'Farming\n\nThe FNSEA agricultural union, the largest, objected. The FNSEA will march.\n',
    'Radio\n\n"It is an institution," says JK, also known as Jason King. Jason King hosts the show.\n',
    'Fashion\n\nGuests included the star of the TV programme The OC, and Over The Cuckoo cast members.\n',
  ]) {
    assert.deepEqual(flagged(text), [], text);
  }
});

test('the start of a longer name is not an expansion: "European Conference of Postal ..." does not spell EC out', () => {
  const text =
    'Radio rules\n\nCompanies have until March to respond. In April the EC is due to start its own consultation. The body for radio regulators, the European Conference of Postal and Telecommunications Administrations, is studying it too.\n';
  const findings = check(text);
  assert.ok(!findings.some((f) => f.fixes.some((fix) => /European Conference/.test(fix.title))));
  // A name that ends where its letters end still spells the acronym out.
  const spelled = text.replace('Conference of Postal and Telecommunications Administrations', 'Commission');
  assert.deepEqual(
    check(spelled).map((f) => f.fixes[0]?.title),
    ['Write ‘European Commission (EC)’'],
  );
});
