import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings, draftLanguageOf, resolveSettings } from '../../server/src/analysis/settings';
import { ruleIds } from '../../server/src/analysis/rules/index';

test('no settings give the defaults and no problems', () => {
  assert.deepEqual(resolveSettings(undefined), { settings: defaultSettings, problems: [] });
});

test('valid settings are taken as they are', () => {
  const id = ruleIds[0] ?? 'unbalanced-quote';
  const { settings, problems } = resolveSettings({ quoteStyle: 'uk', maxDraftSize: 10, languages: ['markdown'], rules: { [id]: 'off' } });
  assert.deepEqual(problems, ruleIds.length ? [] : problems);
  assert.equal(settings.quoteStyle, 'uk');
  assert.equal(settings.maxDraftSize, 10);
  assert.deepEqual(settings.languages, ['markdown']);
});

test('each wrong value falls back to its default with a plain sentence naming it', () => {
  const { settings, problems } = resolveSettings({
    quoteStyle: 'klingon',
    maxDraftSize: -4,
    languages: 'markdown',
    rules: { 'no-such-rule': 'error', ...(ruleIds[0] ? { [ruleIds[0]]: 'loud' } : {}) },
  });
  assert.equal(settings.quoteStyle, 'auto');
  assert.equal(settings.maxDraftSize, defaultSettings.maxDraftSize);
  assert.deepEqual(settings.languages, defaultSettings.languages);
  assert.deepEqual(settings.rules, {});
  assert.ok(problems.some((p) => p.includes('copydesk.quoteStyle') && p.includes('"klingon"')));
  assert.ok(problems.some((p) => p.includes('copydesk.maxDraftSize')));
  assert.ok(problems.some((p) => p.includes('copydesk.languages')));
  assert.ok(problems.some((p) => p.includes('copydesk.rules.no-such-rule') && p.includes('names no Copydesk rule')));
});

test('settings that are not an object are reported, not thrown', () => {
  assert.equal(resolveSettings('nonsense').problems.length, 1);
  assert.equal(resolveSettings([1, 2]).problems.length, 1);
});

test('draft language from language id or file name', () => {
  assert.equal(draftLanguageOf('markdown'), 'markdown');
  assert.equal(draftLanguageOf('/x/story.MD'), 'markdown');
  assert.equal(draftLanguageOf('a.story'), 'article');
  assert.equal(draftLanguageOf('article'), 'article');
  assert.equal(draftLanguageOf('notes.txt'), 'plaintext');
});
