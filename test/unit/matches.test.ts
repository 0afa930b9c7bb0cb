// matchesOf finds what matchAll finds, on any text, and leaves the pattern ready for its next use.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { matchesOf } from '../../server/src/analysis/matches';

const patterns = [
  /\b(he|she)\s+(said|told)\b/giu,
  /x*/g, // empty matches
  /(?:)/gu, // an empty match at every place, surrogate pairs kept whole
  /[“”"]/g,
  /\p{Lu}\p{Ll}+/gu,
];
const text = fc.string({ unit: fc.constantFrom('a', 'x', ' ', 'He', 'she', 'said', 'told', '“', '”', '"', '😀', 'É', '\n') });

test('matchesOf gives what matchAll gives, match by match', () => {
  fc.assert(
    fc.property(text, fc.constantFrom(...patterns), (sample, pattern) => {
      const expected = Array.from(sample.matchAll(pattern), (m) => [m.index, ...m]);
      const found = Array.from(matchesOf(sample, pattern), (m) => [m.index, ...m]);
      assert.deepEqual(found, expected);
      assert.equal(pattern.lastIndex, 0);
    }),
    { numRuns: 500 },
  );
});

test('a loop over matchesOf may use the same pattern inside, and stopping early leaves it at the start', () => {
  const pattern = /\b(he|she) said\b/g;
  const sample = 'he said this, she said that, he said more';
  const outer: number[] = [];
  for (const match of matchesOf(sample, pattern)) {
    outer.push(match.index);
    assert.equal(Array.from(matchesOf(sample, pattern)).length, 3);
  }
  assert.deepEqual(outer, [0, 14, 29]);
  for (const _match of matchesOf(sample, pattern)) break;
  assert.equal(pattern.lastIndex, 0);
  assert.throws(() => Array.from(matchesOf(sample, /he/)), /global/);
});
