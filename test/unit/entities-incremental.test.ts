// The entity pass caches its per-paragraph work by paragraph text. Whatever
// the edit, the result after it must be exactly what a pass with empty
// caches gives on the same text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeEntities, clearEntityCaches, entityPassSteps } from '../../server/src/analysis/entities';
import { defaultOptions } from '../../server/src/analysis/types';

const entitiesOf = (text: string) => analyzeEntities(createContext(parseDraft(text, 'plaintext'), defaultOptions)).entities;

const story = [
  'Harbor Trust sells its ferry line to Castellan Marine',
  'Harbor Trust Inc. said on Tuesday it would sell its ferry line to Castellan Marine Holdings for $40 million, ending a century of service by the company.',
  '"We are not leaving the water," said Naomi Brandt, the trust\'s chief executive. Brandt said the proceeds would go to the pension fund.',
  'Castellan, which runs freight barges on the Lowell River, said it would keep the crews. Analysts at Pemberton Securities said the price was low.',
  'Held up by the port commission for a year, the sale needs the approval of Mayor Ruth Okafor. Okafor said she would read the terms closely.',
  'The board also met Jordan Held, a lawyer for the crews.',
  'Traders said shares in',
  'Zorvath rose 4 percent.',
].join('\n\n');

// Edits that touch a name, a paragraph edge, the draft-wide capitals and the paragraph split.
const edits: [string, string][] = [
  ['Naomi Brandt', 'Naomi Brandtx'],
  ['Brandt said the proceeds', 'Brandtx said the proceeds'],
  ['shares in', 'gains in'],
  ['Jordan Held,', 'Jordan Hale,'],
  ['Okafor said she', 'Held said she'],
  ['for a year,', 'for a year.\n\nHeld'],
  ['Zorvath rose', 'Zorvath Marine rose'],
  ['Analysts at Pemberton Securities', 'Analysts at Pemberton'],
];

test('after each edit, the cached entity pass equals a pass with empty caches', () => {
  let text = story;
  entitiesOf(text);
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    const cached = JSON.stringify(entitiesOf(text));
    clearEntityCaches();
    const fresh = JSON.stringify(entitiesOf(text));
    assert.equal(cached, fresh, `after replacing ${JSON.stringify(from)}`);
  }
});

test('a paragraph that moves keeps its entities, at the new offsets', () => {
  const moved = `A new first paragraph by Lena Fortescue.\n\n${story}`;
  const before = entitiesOf(story);
  const after = entitiesOf(moved);
  const shift = moved.length - story.length;
  const brandt = (list: typeof before) => list.find((e) => e.name === 'Naomi Brandt');
  assert.ok(brandt(before) && brandt(after));
  assert.deepEqual(
    brandt(after)!.mentions.map((m) => m.start),
    brandt(before)!.mentions.map((m) => m.start + shift),
  );
});

test('the entity pass in steps stops at every paragraph and ends with what the pass in one piece gives', () => {
  const draft = parseDraft(story, 'plaintext');
  const whole = JSON.stringify(analyzeEntities(createContext(draft, defaultOptions)).entities);
  const steps = entityPassSteps(createContext(draft, defaultOptions));
  let stops = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) stops++;
  // Two passes over the paragraphs (reading, then candidates), attribution once more, and the draft-wide steps.
  assert.ok(stops >= 3 * draft.paragraphs.length, `${stops} stops for ${draft.paragraphs.length} paragraphs`);
  assert.equal(JSON.stringify(step.value.entities), whole);
});
