import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName, isNlpLoaded, keepsPostTaggerRule, parseParagraph } from '../../server/src/analysis/nlp';

// Runs first in this file's own process: nothing above has parsed yet.
test('compromise is loaded on first use, not on import', () => {
  assert.equal(isNlpLoaded(), false);
  parseParagraph('Nothing to see here.');
  assert.equal(isNlpLoaded(), true);
});

test('word offsets are UTF-16 indices into the paragraph, possessives excluded', () => {
  const text = "“Çavuşoğlu’s view,” said 🎉 Dr. Jean-Pierre Raffarin, is NATO's too.";
  const parsed = parseParagraph(text);
  for (const w of parsed.words) assert.equal(text.slice(w.start, w.end), w.text);
  const cavusoglu = parsed.words.find((w) => w.text === 'Çavuşoğlu');
  assert.ok(cavusoglu?.possessive);
  assert.equal(cavusoglu.normal.startsWith('cavusoglu'), true);
  const nato = parsed.words.find((w) => w.text === 'NATO');
  assert.ok(nato?.possessive);
  // compromise splits hyphenated words; a name stays one word.
  assert.ok(parsed.words.some((w) => w.text === 'Jean-Pierre'));
  for (const s of parsed.people) assert.ok(!/['’]s$/.test(text.slice(s.start, s.end)));
});

test('sentences are numbered and their first words marked', () => {
  const parsed = parseParagraph('Officials met on Monday. Smith left early.');
  const starts = parsed.words.filter((w) => w.sentenceStart).map((w) => w.text);
  assert.deepEqual(starts, ['Officials', 'Smith']);
  assert.equal(parsed.words.find((w) => w.text === 'Smith')?.sentence, 1);
});

test('results are cached by paragraph text', () => {
  const text = 'The council voted on Tuesday to close the bridge.';
  assert.equal(parseParagraph(text), parseParagraph(text));
  assert.notEqual(parseParagraph(text), parseParagraph(`${text} `));
});

test('text without letters is not sent to compromise', () => {
  assert.deepEqual(parseParagraph('12 34 -- ***').words, []);
  assert.deepEqual(parseParagraph('').words, []);
});

test('foldName ignores diacritics, case and apostrophe style', () => {
  assert.equal(foldName('Mevlüt Çavuşoğlu'), 'mevlut cavusoglu');
  assert.equal(foldName('O’Neill'), "o'neill");
  assert.equal(foldName('Łódź'), 'lodz');
  assert.equal(foldName('Straße'), 'strasse');
  // Plain ASCII takes a shortcut; the backquote is still an apostrophe.
  assert.equal(foldName("O`Neill McDONALD-Smith's 3rd"), "o'neill mcdonald-smith's 3rd");
});

test("only the post-tagger's rules that tag names run", () => {
  assert.equal(keepsPostTaggerRule({ match: '#Honorific #FirstName? #ProperNoun', tag: 'Person' }), true);
  assert.equal(keepsPostTaggerRule({ match: '#ProperNoun (ltd|co|inc)', tag: 'Organization' }), true);
  assert.equal(keepsPostTaggerRule({ match: '#Singular #Acronym #LastName', tag: '#FirstName #Person .' }), true);
  assert.equal(keepsPostTaggerRule({ match: '#FirstName [/^[^aiurck]$/]', tag: ['Acronym', 'Person'] }), true);
  // Part-of-speech corrections are left out, and so is a tag that merely contains a name tag's letters.
  assert.equal(keepsPostTaggerRule({ match: 'the [#Verb]', tag: 'Noun' }), false);
  assert.equal(keepsPostTaggerRule({ match: '#Pronoun [#Verb]', tag: 'PersonalPronoun' }), false);
  assert.equal(keepsPostTaggerRule({ match: 'so [#Adjective]' }), false);
});

test('names the post-tagger joins are still one name', () => {
  const text = 'Maria Lopez Castellano met Pope Francis and the head of Brindle Corp on Friday.';
  const parsed = parseParagraph(text);
  const spans = (list: { start: number; end: number }[]) => list.map((s) => text.slice(s.start, s.end));
  assert.ok(spans(parsed.people).includes('Maria Lopez Castellano'));
  assert.ok(spans(parsed.people).includes('Pope Francis'));
  assert.ok(spans(parsed.organizations).includes('Brindle Corp'));
});
