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
