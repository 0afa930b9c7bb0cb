// Copydesk's own requests for the editor (server/src/protocol.ts) over the real
// server: the People view's entities with names and titles apart, the
// statistics behind the word count, and where a finding's rule link points.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { draftEntitiesRequest, draftStatisticsRequest, type DraftEntities, type DraftStatistics } from '../../server/src/protocol';
import { startServer, type TestClient } from './lspClient';

const story = [
  'Council backs bridge repair',
  '',
  'Councilman Tom Brennan, who voted against the plan, said the city should seek state money. "We are spending local dollars on a county problem," Brennan said.',
  '',
  'The work would begin in TK and take about eight months.',
  '',
].join('\n');

for (const ruleDocs of ['command', undefined]) {
  describe(`editor requests (${ruleDocs ?? 'no'} rule-doc option)`, () => {
    let client: TestClient;
    const uri = `file:///tmp/writers-${ruleDocs ?? 'plain'}.article`;

    before(async () => {
      client = startServer('stdio');
      await client.initialize(undefined, ruleDocs ? { ruleDocs } : undefined);
      client.open(uri, story, 'article');
      await client.waitForDiagnostics(uri, 1, (d) => d.some((x) => x.code === 'leftover'));
    });
    after(() => client.stop());

    test('the People view gets each person with the name and the title apart', async () => {
      const result = await client.request<DraftEntities>(draftEntitiesRequest, { uri });
      const brennan = result.entities.find((e) => e.name === 'Tom Brennan');
      assert.ok(brennan, `Tom Brennan among ${result.entities.map((e) => e.name).join(', ')}`);
      assert.equal(brennan.title, 'Councilman');
      assert.equal(brennan.mentionCount, 2);
      assert.deepEqual(brennan.variants, ['Brennan']);
      assert.equal(brennan.quotations.length, 1);
      const line = story.split('\n')[2];
      assert.deepEqual(brennan.nameRange, {
        start: { line: 2, character: line.indexOf('Tom') },
        end: { line: 2, character: line.indexOf('Tom') + 'Tom Brennan'.length },
      });
    });

    test('an unknown document gets a plain reason, not an error', async () => {
      const result = await client.request<DraftEntities>(draftEntitiesRequest, { uri: 'file:///tmp/not-open.article' });
      assert.deepEqual(result.entities, []);
      assert.match(result.unavailable ?? '', /does not check/);
    });

    test('the statistics of the draft', async () => {
      const stats = await client.request<DraftStatistics>(draftStatisticsRequest, { uri });
      assert.equal(stats.paragraphs, 2);
      assert.equal(stats.quotations, 1);
      assert.equal(stats.peopleNamed, 1);
      assert.ok(stats.words > 30 && stats.averageSentenceWords > 5, JSON.stringify(stats));
    });

    test('a finding links to its rule doc: a command for the Copydesk client, else the shipped file', async () => {
      const leftover = client.diagnosticsFor(uri)!.find((d) => d.code === 'leftover')!;
      const href = leftover.codeDescription?.href ?? '';
      if (ruleDocs === 'command') assert.equal(href, `command:copydesk.explainRule?${encodeURIComponent('["leftover"]')}`);
      else assert.match(href, /^file:\/\/.*\/docs\/rules\/leftover\.md$/);
    });
  });
}

describe('the People view folds a misspelt name into its person', () => {
  test('"Kowalsky" is a variant of Anna Kowalski, not a person of its own', async () => {
    const client = startServer('stdio');
    try {
      await client.initialize();
      // The sample draft of the real-editor tests, which we wrote for them.
      const uri = 'file:///tmp/writers-variant.article';
      client.open(uri, readFileSync(join(__dirname, '..', 'workspace', 'harbor-bridge.article'), 'utf8'), 'article');
      await client.waitForDiagnostics(uri, 1);
      const { entities } = await client.request<DraftEntities>(draftEntitiesRequest, { uri });
      const people = entities.filter((e) => e.type === 'person').map((e) => e.name);
      assert.ok(!people.includes('Kowalsky'), `people: ${people.join(', ')}`);
      const anna = entities.find((e) => e.name === 'Anna Kowalski');
      assert.ok(anna, `people: ${people.join(', ')}`);
      assert.ok(anna.variants.includes('Kowalsky'), `variants: ${anna.variants.join(', ')}`);
      assert.equal(anna.mentionCount, 2);
      assert.equal(anna.quotations.length, 1);
    } finally {
      await client.stop();
    }
  });
});
