// Names and titles apart: the split itself, and rename, outline and style
// sheet built on it, on a short local-news draft.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createContext } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/applyFixes';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeEntities, type Entity } from '../../server/src/analysis/entities';
import { nameWithTitle, splitTitle } from '../../server/src/analysis/nameParts';
import { defaultOptions } from '../../server/src/analysis/types';
import { prepareRename, rename, renamedKeepingBrackets } from '../../server/src/lsp/references';
import { entryForEntity } from '../../server/src/lsp/styleSheetActions';
import { toOffsets } from '../../server/src/lsp/positions';

const story = [
  'Council backs bridge repair',
  '',
  'County Engineer David Lindqvist told the council on Tuesday the work would take about eight months. "We caught it early," Lindqvist said.',
  '',
  'Councilman Tom Brennan, who voted against the plan, said the city should seek state money. Brennan said he would ask again in May.',
  '',
].join('\n');

function entitiesOf(text: string): { document: TextDocument; entities: Entity[] } {
  const document = TextDocument.create('file:///tmp/story.article', 'article', 1, text);
  const context = createContext(parseDraft(text, 'article'), { ...defaultOptions, language: 'article' });
  return { document, entities: analyzeEntities(context).entities };
}

function person(entities: Entity[], surname: string): Entity {
  const found = entities.find((e) => e.type === 'person' && e.name.endsWith(surname));
  assert.ok(found, `${surname} among ${entities.map((e) => e.name).join(', ')}`);
  return found;
}

test('a leading title is split off; first names, bare surnames and organizations stay whole', () => {
  assert.deepEqual(splitTitle('County Engineer David Lindqvist'), { title: 'County Engineer', name: 'David Lindqvist', nameOffset: 16 });
  assert.deepEqual(splitTitle('Secretary of State Rex Tillerson'), { title: 'Secretary of State', name: 'Rex Tillerson', nameOffset: 19 });
  assert.equal(splitTitle('Councilman Tom Brennan').name, 'Tom Brennan');
  assert.equal(splitTitle('Dr. Ruiz').name, 'Ruiz');
  for (const whole of ['Luis Ferreira', 'Dean Baker', 'John Major', 'Councilman Brennan', 'Millbrook Chamber of Commerce', 'Çavuşoğlu']) {
    assert.deepEqual(splitTitle(whole), { title: '', name: whole, nameOffset: 0 }, whole);
  }
});

test('F2 on a surname offers only the name, and renaming leaves every title as written', () => {
  const { document, entities } = entitiesOf(story);
  const lindqvist = person(entities, 'Lindqvist');
  const onFirstMention = story.indexOf('Lindqvist told');
  const prepared = prepareRename(document, lindqvist, onFirstMention);
  assert.ok(prepared);
  assert.equal(prepared.placeholder, 'David Lindqvist');
  const { start, end } = toOffsets(document, prepared.range);
  assert.equal(story.slice(start, end), 'David Lindqvist');

  const onSurname = story.indexOf('Lindqvist said');
  assert.equal(prepareRename(document, lindqvist, onSurname)?.placeholder, 'Lindqvist');
  const edit = rename(document, lindqvist, onSurname, 'Lindquist');
  const edits = edit!.changes![document.uri].map((e) => ({ ...toOffsets(document, e.range), text: e.newText })).sort((a, b) => a.start - b.start);
  assert.equal(applyEdits(story, edits), story.replaceAll('Lindqvist', 'Lindquist'));
  assert.equal(rename(document, lindqvist, onSurname, '   '), undefined, 'an empty name renames nothing');
});

test('the outline label and the style sheet entry keep the name and the title apart', () => {
  const { entities } = entitiesOf(story);
  const brennan = person(entities, 'Brennan');
  assert.equal(nameWithTitle(brennan), 'Tom Brennan · Councilman');
  const entry = entryForEntity(brennan);
  assert.equal(entry.name, 'Tom Brennan');
  assert.equal(entry.title, 'Councilman');
  assert.ok(!entry.aliases.some((a) => a.includes('Councilman')), `aliases: ${entry.aliases.join(', ')}`);
});

test("rename keeps an editor's bracket inside a mention where it was written", () => {
  const draft = '“It was just like what [Ohio Gov. Dana] Whitcombe did,” said Ray Ostrow. Whitcombe did not reply.\n';
  const { document, entities } = entitiesOf(draft);
  const whitcombe = person(entities, 'Whitcombe');
  const onBracketed = draft.indexOf('Whitcombe did,');
  assert.equal(prepareRename(document, whitcombe, onBracketed)?.placeholder, 'Dana Whitcombe');
  const edit = rename(document, whitcombe, onBracketed, 'Dana Whitcomb');
  const edits = edit!.changes![document.uri].map((e) => ({ ...toOffsets(document, e.range), text: e.newText })).sort((a, b) => a.start - b.start);
  assert.equal(applyEdits(draft, edits), draft.replaceAll('Whitcombe', 'Whitcomb'));
  // No place for the bracket in a name of another length: that mention is left as written.
  assert.equal(renamedKeepingBrackets('Dana] Whitcombe', 'Dana] Whitcombe', 'Whitcomb'), undefined);
  assert.equal(renamedKeepingBrackets('Dana] Whitcombe', 'Dana Whitcombe', 'Diana Whitcomb'), 'Diana] Whitcomb');
});
