import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { boilerplateLines, isBoilerplateLine } from '../../server/src/analysis/boilerplate';
import { leftover } from '../../server/src/analysis/rules/leftover';
import type { DraftLanguage, Finding, TextEdit } from '../../server/src/analysis/types';

function check(text: string, language: DraftLanguage = 'plaintext'): Finding[] {
  return analyze(text, { language, quoteStyle: 'auto', rules: {} }, 'all', [leftover]).findings;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

function flagged(text: string, language?: DraftLanguage): string[] {
  return check(text, language).map((f) => text.slice(f.start, f.end));
}

test('each boilerplate line is flagged, and its fix deletes the line with its break', () => {
  const text = 'Council backs park\n\nThe vote was 7-2.\n\nMore news: Storm hits coast\nRead more: Budget passes\n\nThe park opens in June.\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['More news: Storm hits coast', 'Read more: Budget passes'],
  );
  assert.match(findings[0].message, /"More news:" is web or wire boilerplate/);
  assert.equal(applyEdits(text, findings[0].fixes[0].edits), text.replace('More news: Storm hits coast\n', ''));
  assert.equal(findings[0].fixes[0].safe, true);
  // Both fixes together remove the whole link list.
  const both = applyEdits(
    text,
    findings.flatMap((f) => f.fixes[0].edits),
  );
  assert.equal(both, 'Council backs park\n\nThe vote was 7-2.\n\n\nThe park opens in June.\n');
});

test('the last line of a draft takes the line break before it', () => {
  const text = 'The vote was 7-2.\nAdvertisement';
  const [finding] = check(text);
  assert.equal(applyEdits(text, finding.fixes[0].edits), 'The vote was 7-2.');
});

test('ads, click-here lines and share buttons are boilerplate', () => {
  const text =
    'Body text here.\n\nADVERTISEMENT\n\nClick here to subscribe\n\nShare this article\n\nShare on Facebook\n\nShare | Tweet | Email\n\nRelated: Other story\n';
  assert.deepEqual(flagged(text), [
    'ADVERTISEMENT',
    'Click here to subscribe',
    'Share this article',
    'Share on Facebook',
    'Share | Tweet | Email',
    'Related: Other story',
  ]);
});

test("a boilerplate label wrapped in quotation marks, as a scrape keeps a link's text, is boilerplate too", () => {
  const text = 'Body text here.\n\n"Related:"\n\n“Advertisement”\n\n"Click here, and you will see why," she said.\n';
  assert.deepEqual(flagged(text), ['"Related:"', '“Advertisement”']);
  assert.match(check(text)[0].message, /^"Related:" is web or wire boilerplate/);
});

test('placeholders and notes to the desk are flagged; notes are deleted with one space, placeholders selected', () => {
  const text = 'The fire destroyed TK homes. Mayor [NAME] said the [CHECK SPELLING] plan costs $XX million. <<need second source>> Who owns it ???\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['TK', '[NAME]', '[CHECK SPELLING]', 'XX', '<<need second source>>', '???'],
  );
  const note = findings[2];
  assert.equal(note.fixes[0].preferred, true);
  assert.equal(applyEdits(text, note.fixes[0].edits), text.replace(' [CHECK SPELLING]', ''));
  assert.equal(note.fixes[0].safe, undefined, 'deleting a note is for the reporter to decide: not safe');
  const deleteName = findings[1].fixes.find((f) => f.title === 'Delete the placeholder');
  assert.ok(deleteName);
  assert.equal(applyEdits(text, deleteName.edits), text.replace(' [NAME]', ''));
  assert.notEqual(deleteName.preferred, true, 'deleting a stand-in for missing words is never the preferred fix');
});

test('a placeholder inside a sentence is selected by the preferred fix, never deleted', () => {
  const text = 'The work would begin in TK and take about eight months.\n';
  const [finding] = check(text);
  const preferred = finding.fixes.find((f) => f.preferred);
  assert.ok(preferred, 'a preferred fix');
  assert.deepEqual(preferred.edits, [], 'the preferred fix changes no text');
  assert.deepEqual(preferred.select, { start: text.indexOf('TK'), end: text.indexOf('TK') + 2 });
  assert.ok(
    finding.fixes.every((f) => !f.safe),
    'nothing a "Fix all" would apply unseen',
  );
});

test('TKTK, [TK] and XX before a lower-case word or a percent sign', () => {
  assert.deepEqual(flagged('TKTK people came. [TK] The rate rose XX% and XX people left on Feb. XX.\n'), ['TKTK', '[TK]', 'XX', 'XX', 'XX']);
});

test('words, Roman numerals, titles, acronyms in brackets and quoted posts are not flagged', () => {
  const text = [
    'Super Bowl XX was played in New Orleans, and Pope Pius XII too.',
    'They are: XXX, Hellboy and Spider-Man. TKO in round two. TK Maxx opened a store.',
    'The XX chromosome matters. "We will see [the plan] first," she said.',
    'He told [CNN] and [NYT] that he was done. "Who knew???" she posted.',
    'More than 70 countries have joined the coalition. Read the report, she said.',
    'Related stories show a pattern, and advertisement revenue fell.',
  ].join('\n\n');
  assert.deepEqual(flagged(text), []);
});

test('suppression directives themselves are not leftovers', () => {
  assert.deepEqual(flagged('[copydesk-disable ap-style]\nText.\n[copydesk-enable]\n'), []);
  assert.deepEqual(flagged('<!-- copydesk-disable leftover -->\nText.\n', 'markdown'), []);
});

test('Markdown code is not checked', () => {
  assert.deepEqual(flagged('Intro.\n\n```\nMore news: x\nTK\n```\n\nUse `TK` to mark gaps.\n', 'markdown'), []);
});

test('boilerplateLines answers for the line holding each offset, asked in any order, as reading that line alone does', () => {
  const lines = fc.constantFrom('Read more: Budget passes', 'The vote was 7-2.', '', 'Advertisement', '"Related:"', 'x'.repeat(320), 'Share this article');
  fc.assert(
    fc.property(fc.array(lines, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 30 }), (picked, asked) => {
      const text = picked.join('\n');
      const onBoilerplate = boilerplateLines(text);
      for (const raw of asked) {
        const offset = raw % (text.length + 1);
        const start = text.lastIndexOf('\n', offset - 1) + 1;
        const end = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
        const line = text.slice(start, end);
        assert.equal(onBoilerplate(offset), line.length <= 300 && isBoilerplateLine(line.trim()), `offset ${offset}`);
      }
    }),
  );
});
