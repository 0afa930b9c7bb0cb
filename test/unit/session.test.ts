// DraftSession's request policy: requests run the entity pass inline only when
// the last real pass was quick, so the pass must be timed where it does the
// work, not where the rules find it already memoized.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DraftSession } from '../../server/src/analysis/session';
import { analysisOptionsFor, resolveSettings } from '../../server/src/analysis/settings';

// Sixty short paragraphs of our own naming people and a council.
const paragraphs = Array.from(
  { length: 60 },
  (_, i) => `Council member Dana Whitcombe${i} met Mayor Lena Fortescue on Monday about the Riverside Transit Authority budget, officials said.`,
);
const draft = ['Council weighs transit budget', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');

test('the slow phase times the entity pass itself, not a memoized lookup', async () => {
  const options = analysisOptionsFor(resolveSettings({}).settings, 'plaintext');
  const session = new DraftSession(draft, { options, maxDraftSize: 1_000_000 });
  const failures = await session.analyzeSlowly({ stillWanted: () => true, pause: async () => undefined, sliceMs: 1e9 });
  assert.deepEqual(failures, []);
  // A real pass over sixty paragraphs of names takes well over half a millisecond; a memo hit, microseconds.
  assert.ok(session.entityPassMs >= 0.5, `entity pass timed at ${session.entityPassMs} ms`);
  assert.ok((session.entities()?.entities.length ?? 0) > 0);
});
