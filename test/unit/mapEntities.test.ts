// An entity pass moved through an edit (what requests see while typing goes
// on) gives exactly what moving every span and building the lookup afresh gives.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { EditedStretch } from '../../server/src/analysis/carryOver';
import { withLookup, type Entity, type EntityAnalysis } from '../../server/src/analysis/entities';
import { mapEntities } from '../../server/src/analysis/session';

/** The straightforward mapping: every entity copied, every span moved or dropped, the lookup sorted afresh. */
function mapAfresh(analysis: EntityAnalysis, stretch: EditedStretch): EntityAnalysis {
  if (stretch.start === stretch.oldEnd && stretch.delta === 0) return analysis;
  const move = <T extends { start: number; end: number }>(span: T): T | undefined => {
    if (span.end < stretch.start) return span;
    if (span.start > stretch.oldEnd) return { ...span, start: span.start + stretch.delta, end: span.end + stretch.delta };
    return undefined;
  };
  const entities: Entity[] = [];
  for (const entity of analysis.entities) {
    const mentions = entity.mentions.map(move).filter((m) => m !== undefined);
    if (mentions.length === 0) continue;
    entities.push({ ...entity, mentions, quotes: entity.quotes.map(move).filter((q) => q !== undefined) });
  }
  return withLookup(entities);
}

const span = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 12 })).map(([start, length]) => ({ start, end: start + length }));
const entity = fc.record({
  type: fc.constantFrom('person' as const, 'organization' as const),
  mentions: fc.array(span, { maxLength: 5 }),
  quotes: fc.array(span, { maxLength: 3 }),
});
const stretch = fc
  .tuple(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: -10, max: 10 }))
  .map(([start, length, delta]) => ({ start, oldEnd: start + length, delta: Math.max(delta, -length) }));

test('mapEntities gives the same entities and the same entity at every offset as a fresh mapping', () => {
  fc.assert(
    fc.property(fc.array(entity, { maxLength: 8 }), stretch, (drafts, edit) => {
      const entities: Entity[] = drafts.map((d, i) => ({
        id: `e${i}`,
        name: `Name ${i}`,
        type: d.type,
        aliases: [],
        role: null,
        mentions: d.mentions.map((m) => ({ ...m, text: 'x' })),
        quotes: d.quotes.map((q) => ({ ...q, text: 'q' })),
      }));
      const analysis = withLookup(entities);
      const mapped = mapEntities(analysis, edit);
      const fresh = mapAfresh(analysis, edit);
      assert.deepEqual(mapped.entities, fresh.entities);
      for (let offset = 0; offset <= 150; offset++) assert.equal(mapped.entityAt(offset)?.id, fresh.entityAt(offset)?.id, `at ${offset}`);
    }),
    { numRuns: 1000 },
  );
});
