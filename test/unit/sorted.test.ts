import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { partitionPoint } from '../../server/src/analysis/sorted';

test('partitionPoint finds the first index past the prefix, as a linear scan does', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (values, x) => {
      const sorted = [...values].sort((a, b) => a - b);
      const linear = (before: (v: number) => boolean) => {
        const at = sorted.findIndex((v) => !before(v));
        return at < 0 ? sorted.length : at;
      };
      assert.equal(
        partitionPoint(sorted.length, (i) => sorted[i] < x),
        linear((v) => v < x),
      );
      assert.equal(
        partitionPoint(sorted.length, (i) => sorted[i] <= x),
        linear((v) => v <= x),
      );
    }),
  );
  assert.equal(
    partitionPoint(0, () => true),
    0,
  );
});
