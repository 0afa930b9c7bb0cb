// Small pieces of the core: carrying findings past an edit, size limits, stats.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { carryOver, findEditedStretch } from '../../server/src/analysis/carryOver';
import { checkDraftSize, looksBinary } from '../../server/src/analysis/limits';
import { draftStats } from '../../server/src/analysis/stats';
import type { Finding } from '../../server/src/analysis/types';

function finding(start: number, end: number): Finding {
  return { ruleId: 'x', start, end, message: 'm', severity: 'info', fixes: [{ title: 't', edits: [{ start, end, text: 'y' }] }] };
}

test('the edited stretch is the text between the common prefix and suffix', () => {
  assert.deepEqual(findEditedStretch('abcdef', 'abXcdef'), { start: 2, oldEnd: 2, delta: 1 });
  assert.deepEqual(findEditedStretch('abcdef', 'abef'), { start: 2, oldEnd: 4, delta: -2 });
  assert.deepEqual(findEditedStretch('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, delta: 1 });
  assert.deepEqual(findEditedStretch('same', 'same'), { start: 4, oldEnd: 4, delta: 0 });
});

test('findings before an edit stay, after it shift, and touching it are dropped', () => {
  const oldText = 'Alpha beta gamma delta';
  const newText = 'Alpha XX beta gamma delta';
  const kept = carryOver([finding(0, 5), finding(11, 16), finding(17, 22)], findEditedStretch(oldText, newText));
  assert.deepEqual(
    kept.map((f) => newText.slice(f.start, f.end)),
    ['Alpha', 'gamma', 'delta'],
  );
  assert.deepEqual(kept[2].fixes[0].edits[0], { start: 20, end: 25, text: 'y' });
  // An insertion right against a finding may have changed its word: dropped until re-checked.
  assert.deepEqual(carryOver([finding(11, 16)], findEditedStretch(oldText, 'Alpha beta Xgamma delta')), []);
  const edited = carryOver([finding(6, 10)], findEditedStretch('Alpha beta', 'Alpha bXta'));
  assert.deepEqual(edited, []);
});

test('drafts over the size limit and binary data are refused in plain words', () => {
  assert.equal(checkDraftSize('short', 100), undefined);
  assert.equal(checkDraftSize('x'.repeat(10_000_000), 2_000_000), 'Copydesk paused on this draft: 10 MB is over the 2 MB limit, see copydesk.maxDraftSize.');
  assert.ok(looksBinary('PK\u0003\u0004\u0000\u0000\u0000binary\u0000\u0000'));
  assert.ok(!looksBinary('Plain text\twith tabs\r\nand CRLF.'));
  assert.match(checkDraftSize('\u0000'.repeat(50), 100) ?? '', /binary data/);
});

test('word count and reading time', () => {
  assert.deepEqual(draftStats(''), { words: 0, readingMinutes: 0 });
  assert.deepEqual(draftStats("Tillerson's aide, a well-known 42-year-old, said “no.”"), { words: 7, readingMinutes: 1 });
  assert.equal(draftStats('word '.repeat(460)).readingMinutes, 2);
});
