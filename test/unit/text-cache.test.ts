import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { clearTextCaches, TextCache } from '../../server/src/analysis/cache';
import { isParagraphParsed, parseParagraph } from '../../server/src/analysis/nlp';

test('clearTextCaches empties every cache, the NLP parses included, and they fill again on use', () => {
  const cache = new TextCache<number>(10);
  cache.get('Mayor Ann Park said the bridge would reopen.', () => 1);
  const paragraph = 'Transit Board Chair Bo Li said the line would close in May.';
  parseParagraph(paragraph);
  assert.equal(cache.size, 1);
  assert.ok(isParagraphParsed(paragraph));
  clearTextCaches();
  assert.equal(cache.size, 0);
  assert.ok(!isParagraphParsed(paragraph));
  let computed = 0;
  cache.get('Mayor Ann Park said the bridge would reopen.', () => ++computed);
  assert.equal(computed, 1);
});

test('an entry used again survives half of either bound of new entries, and the bounds hold', () => {
  const cache = new TextCache<number>(10, 1_000);
  let computed = 0;
  const compute = () => ++computed;
  cache.get('kept', compute);
  for (let i = 0; i < 200; i++) {
    cache.get(`filler ${i}`, compute);
    // Used every fourth entry: never more than half the entry bound behind.
    if (i % 4 === 0) assert.equal(cache.get('kept', compute), 1, `kept after ${i} fillers`);
    assert.ok(cache.size <= 10);
  }
  const long = new TextCache<number>(1_000, 100);
  long.get('k', compute);
  for (let i = 0; i < 100; i++) {
    long.get(`x${i}`.padEnd(20, '.'), compute);
    if (i % 2 === 0) assert.ok(long.has('k'), `kept after ${i} long keys`);
    long.get('k', compute);
  }
  assert.ok(long.size <= 6);
});
