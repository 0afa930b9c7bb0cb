// Hover cards for everything named, and the statistics behind the word count.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeEntities, type Entity } from '../../server/src/analysis/entities';
import { organizationTies, variantOwner } from '../../server/src/analysis/entityCards';
import { draftStatistics } from '../../server/src/analysis/statistics';
import { defaultOptions } from '../../server/src/analysis/types';
import { entityHover } from '../../server/src/lsp/hover';

const story = [
  'Chamber backs bridge repair',
  '',
  'The Millbrook Chamber of Commerce (MCC) supported the repair on Tuesday. Its president, Luis Ferreira, said shops had lost a third of their trade. "People drive around us now," Ferreira said.',
  '',
  'Resident Anna Kowalski, who runs a bakery near the bridge, said the detour adds 20 minutes to her deliveries. "I would pay for it myself," Kowalsky said.',
  '',
  'The MCC plans a reopening fair.',
  '',
].join('\n');

function analysed(text: string) {
  const context = createContext(parseDraft(text, 'article'), { ...defaultOptions, language: 'article' });
  const document = TextDocument.create('file:///tmp/chamber.article', 'article', 1, text);
  return { context, document, entities: analyzeEntities(context).entities };
}

function named(entities: Entity[], name: string): Entity {
  const found = entities.find((e) => e.name === name);
  assert.ok(found, `${name} among ${entities.map((e) => e.name).join(', ')}`);
  return found;
}

test('an organization card gives its acronym, the people tied to it, and their role', () => {
  const { document, entities } = analysed(story);
  const chamber = named(entities, 'Millbrook Chamber of Commerce');
  assert.deepEqual(
    organizationTies(story, chamber, entities).map((t) => [t.person.name, t.role]),
    [['Luis Ferreira', 'president']],
  );
  const hover = entityHover(document, chamber, story.indexOf('MCC plans'), undefined, entities);
  const text = (hover.contents as { value: string }).value;
  assert.match(text, /Acronym: \*\*MCC\*\*/);
  assert.match(text, /Its president: Luis Ferreira/);
});

test("no tie is invented: a person merely in the same paragraph is not the organization's", () => {
  const { entities } = analysed(story);
  const ties = organizationTies(story, named(entities, 'Millbrook Chamber of Commerce'), entities);
  assert.ok(!ties.some((t) => t.person.name.includes('Kowalski')));
});

test('a misspelt name shows the card of the person it belongs to, with the variant marked', () => {
  const { document, entities } = analysed(story);
  const variant = entities.find((e) => e.mentions.some((m) => m.text === 'Kowalsky'));
  assert.ok(variant, 'Kowalsky is found');
  const owner = variant.name === 'Kowalsky' ? variantOwner(variant, entities) : variant;
  assert.ok(owner && owner.name.endsWith('Kowalski'), `owner: ${owner?.name}`);
  const hover = entityHover(document, variant, story.indexOf('Kowalsky said'), undefined, entities);
  const text = (hover.contents as { value: string }).value;
  assert.match(text, /\*Kowalsky\* is a variant spelling here: the story also writes \*\*Anna Kowalski\*\*/);
  assert.match(text, /Anna Kowalski/);
});

test('statistics: words, paragraphs, quotations, people and the average sentence length', () => {
  const { context, entities } = analysed(story);
  const stats = draftStatistics(context, entities);
  assert.equal(stats.paragraphs, 3, 'the headline is not a paragraph of copy');
  assert.equal(stats.quotations, 2);
  assert.equal(stats.peopleNamed, entities.filter((e) => e.type === 'person').length);
  assert.ok(stats.peopleNamed! >= 2);
  assert.ok(stats.words > 60 && stats.words < 80, `words: ${stats.words}`);
  assert.ok(stats.averageSentenceWords > 5 && stats.averageSentenceWords < 25, `average: ${stats.averageSentenceWords}`);
  const empty = draftStatistics(analysed('').context, []);
  assert.deepEqual({ ...empty }, { words: 0, readingMinutes: 0, paragraphs: 0, quotations: 0, peopleNamed: 0, averageSentenceWords: 0 });
});
