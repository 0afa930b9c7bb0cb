import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisOptionsFor, defaultSettings, draftLanguageOf, mergeSettings, resolveSettings } from '../../server/src/analysis/settings';
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

test('newsroom settings: style, AP checks and word limits are validated in plain words', () => {
  const good = resolveSettings({ style: 'guardian', apStyle: { numbers: false }, longLede: { maxWords: 30 }, longSentence: { maxWords: 45 } });
  assert.deepEqual(good.problems, []);
  assert.equal(good.settings.style, 'guardian');
  assert.deepEqual(good.settings.apStyle, { months: true, numbers: false, timeReferences: true });
  assert.equal(good.settings.longLede.maxWords, 30);
  const bad = resolveSettings({ style: 'nyt', apStyle: { numbrs: true, months: 'yes' }, longLede: { maxWords: 0 } });
  assert.equal(bad.settings.style, 'ap');
  assert.equal(bad.settings.longLede.maxWords, defaultSettings.longLede.maxWords);
  assert.ok(bad.problems.some((p) => p.includes('copydesk.style') && p.includes('"nyt"')));
  assert.ok(bad.problems.some((p) => p.includes('copydesk.apStyle.numbrs')));
  assert.ok(bad.problems.some((p) => p.includes('copydesk.apStyle.months') && p.includes('true or false')));
  assert.ok(bad.problems.some((p) => p.includes('copydesk.longLede.maxWords')));
});

test('the file is the baseline; editor settings win only where they differ from the defaults', () => {
  const file = resolveSettings({ style: 'guardian', rules: { leftover: 'off' }, longLede: { maxWords: 30 } }).settings;
  // What VS Code sends: every setting, most at their defaults.
  const editorDefaults = resolveSettings({ style: 'ap', quoteStyle: 'auto', rules: { leftover: 'warning' }, longLede: { maxWords: 40 } }).settings;
  assert.deepEqual(mergeSettings(file, editorDefaults), file);
  const editorSet = resolveSettings({ rules: { leftover: 'error' }, longLede: { maxWords: 25 } }).settings;
  const merged = mergeSettings(file, editorSet);
  assert.equal(merged.rules.leftover, 'error');
  assert.equal(merged.longLede.maxWords, 25);
  assert.equal(merged.style, 'guardian');
});

test('the house style sets spelling, quotation style and the AP checks', () => {
  const ap = analysisOptionsFor(resolveSettings({}).settings, 'plaintext');
  assert.deepEqual([ap.style, ap.spelling, ap.quoteStyle, ap.apStyle], ['ap', 'american', 'auto', { months: true, numbers: true, timeReferences: true }]);
  const guardian = analysisOptionsFor(resolveSettings({ style: 'guardian' }).settings, 'markdown');
  assert.deepEqual([guardian.spelling, guardian.quoteStyle, guardian.apStyle], ['british', 'uk', { months: false, numbers: false, timeReferences: false }]);
  // An explicit quotation style is kept under the guardian preset.
  assert.equal(analysisOptionsFor(resolveSettings({ style: 'guardian', quoteStyle: 'us' }).settings, 'plaintext').quoteStyle, 'us');
});
