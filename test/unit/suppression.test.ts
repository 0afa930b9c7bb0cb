import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { leftover } from '../../server/src/analysis/rules/leftover';
import { findDirectives, ignoreInDraftEdit, ignoreInParagraphEdit } from '../../server/src/analysis/suppression';
import type { DraftLanguage, TextEdit } from '../../server/src/analysis/types';

function leftovers(text: string, language: DraftLanguage = 'plaintext'): string[] {
  return analyze(text, { language, quoteStyle: 'auto', rules: {} }, 'all', [leftover]).findings.map((f) => text.slice(f.start, f.end));
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

test('directives are read in both forms, with and without rule ids', () => {
  const text = '<!-- copydesk-disable leftover, ap-style -->\n[copydesk-enable]\n[copydesk-disable-next-paragraph]\n[copydesk-ignore long-lede]';
  assert.deepEqual(
    findDirectives(text).map((d) => [d.kind, d.ruleIds]),
    [
      ['disable', ['leftover', 'ap-style']],
      ['enable', []],
      ['disable-next-paragraph', []],
      ['ignore', ['long-lede']],
    ],
  );
  assert.deepEqual(findDirectives('[copydesk-disabled x] [copydesk-enablement]'), []);
});

test('a disable/enable region silences the named rule inside it only', () => {
  const text = 'One TK.\n\n[copydesk-disable leftover]\nTwo TK.\n[copydesk-enable]\n\nThree TK.\n';
  // The TK in "Two" is the one silenced.
  const findings = analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [leftover]).findings;
  assert.deepEqual(
    findings.map((f) => text.slice(f.start - 4, f.start)),
    ['One ', 'ree '],
  );
});

test('a region for another rule, or a bare enable before it, silences nothing here', () => {
  assert.equal(leftovers('[copydesk-disable ap-style]\nTwo TK.\n').length, 1);
  assert.equal(leftovers('[copydesk-disable leftover]\n[copydesk-enable leftover]\nTwo TK.\n').length, 1);
});

test('a disable without an enable runs to the end; a bare disable covers every rule', () => {
  assert.deepEqual(leftovers('One TK.\n\n<!-- copydesk-disable -->\n\nTwo TK.\n\nThree TK.\n', 'markdown'), ['TK']);
});

test('disable-next-paragraph covers the next paragraph only', () => {
  const text = 'One TK.\n\n[copydesk-disable-next-paragraph leftover]\n\nTwo TK.\n\nThree TK.\n';
  assert.equal(leftovers(text).length, 2);
  const sameParagraph = 'One TK.\n\n[copydesk-disable-next-paragraph leftover]\nTwo TK.\n\nThree TK.\n';
  assert.equal(leftovers(sameParagraph).length, 2);
});

test('ignore silences the rule in the whole draft, wherever it sits', () => {
  assert.deepEqual(leftovers('One TK.\n\nTwo TK.\n\n[copydesk-ignore leftover]\n'), []);
});

test('the "ignore in this paragraph" edit silences exactly that finding', () => {
  const text = 'Headline\n\nOne TK.\n\nTwo TK.\n';
  const draft = parseDraft(text, 'plaintext');
  const finding = { start: text.lastIndexOf('TK'), ruleId: 'leftover' };
  const fixed = apply(text, ignoreInParagraphEdit(draft, finding));
  assert.equal(fixed, 'Headline\n\nOne TK.\n\n[copydesk-disable-next-paragraph leftover]\nTwo TK.\n');
  assert.equal(leftovers(fixed).length, 1);
});

test('the "ignore in this draft" edit appends a directive after a blank line, in the draft\'s form', () => {
  const plain = 'Headline\n\nOne TK.';
  const fixed = apply(plain, ignoreInDraftEdit(parseDraft(plain, 'plaintext'), 'leftover'));
  assert.equal(fixed, 'Headline\n\nOne TK.\n\n[copydesk-ignore leftover]\n');
  assert.deepEqual(leftovers(fixed), []);
  const markdown = '# Headline\n\nOne TK.\n';
  const fixedMarkdown = apply(markdown, ignoreInDraftEdit(parseDraft(markdown, 'markdown'), 'leftover'));
  assert.equal(fixedMarkdown, '# Headline\n\nOne TK.\n\n<!-- copydesk-ignore leftover -->\n');
  assert.deepEqual(leftovers(fixedMarkdown, 'markdown'), []);
});
