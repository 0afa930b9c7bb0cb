// Binary search over sorted data (spans, paragraphs and quotations by start):
// the one loop the analysis and the server need, instead of one copy per caller.

/**
 * The first index in [0, count) for which `before(index)` is false, given that
 * `before` holds for a prefix of the indexes and not after it (the C++
 * partition point): with `before = i => starts[i] < x` it is the first start
 * at or after x; with `<=`, the first start after x.
 */
export function partitionPoint(count: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
