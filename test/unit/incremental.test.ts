// The keystroke path re-splits only the paragraphs an edit touches
// (updateDraft) and finds the edited stretch by comparing chunks
// (findEditedStretch). Both must give exactly what the plain, whole-draft
// computations give, whatever the edit: these tests compare them on random
// edits of drafts built from lines that stress paragraph boundaries.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findEditedStretch } from '../../server/src/analysis/carryOver';
import { parseDraft, updateDraft } from '../../server/src/analysis/draft';
import { analyzeDraftQuotes } from '../../server/src/analysis/quotes';
import type { DraftLanguage } from '../../server/src/analysis/types';

/** The obvious character-by-character version, as the reference. */
function naiveStretch(oldText: string, newText: string) {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText[start] === newText[start]) start++;
  let suffix = 0;
  while (suffix < shorter - start && oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
  return { start, oldEnd: oldText.length - suffix, delta: newText.length - oldText.length };
}

// Lines and breaks that decide where paragraphs start and end.
const piece = fc.constantFrom(
  'Mayor Ortiz said the bridge would reopen.',
  '"We are not done," she said.',
  'Headline in one line',
  '',
  '   ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  'x',
  '# Heading',
  '- item',
  '```',
);
const draftText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const inserted = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));

/** A draft and a random edit of it: replace [at, at + removed) with `text`. */
const editCase = draftText.chain((text) =>
  fc.record({
    text: fc.constant(text),
    at: fc.nat({ max: text.length }),
    removed: fc.nat({ max: 12 }),
    insert: inserted,
  }),
);

function applyEdit(text: string, at: number, removed: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + removed));
}

for (const language of ['plaintext', 'article', 'markdown'] as DraftLanguage[]) {
  test(`updateDraft gives what parseDraft gives after any edit (${language})`, () => {
    fc.assert(
      fc.property(editCase, ({ text, at, removed, insert }) => {
        const edited = applyEdit(text, at, removed, insert);
        const previous = parseDraft(text, language);
        const updated = updateDraft(previous, edited, findEditedStretch(text, edited));
        assert.deepEqual(updated, parseDraft(edited, language));
      }),
      { numRuns: 3000 },
    );
  });
}

test('updateDraft after a sequence of edits, as while typing, matches a fresh parse', () => {
  fc.assert(
    fc.property(draftText, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), inserted), { maxLength: 15 }), (start, edits) => {
      let text = start;
      let draft = parseDraft(text, 'plaintext');
      for (const [position, removed, insert] of edits) {
        const edited = applyEdit(text, position % (text.length + 1), removed, insert);
        draft = updateDraft(draft, edited, findEditedStretch(text, edited));
        text = edited;
      }
      assert.deepEqual(draft, parseDraft(text, 'plaintext'));
    }),
    { numRuns: 1000 },
  );
});

test('updateDraft leaves the previous draft as it was', () => {
  const text = 'One line headline\n\nFirst paragraph.\n\nSecond paragraph.\n';
  const previous = parseDraft(text, 'plaintext');
  const snapshot = structuredClone(previous);
  const edited = 'X' + text;
  updateDraft(previous, edited, findEditedStretch(text, edited));
  assert.deepEqual(previous, snapshot);
});

test('findEditedStretch by chunks agrees with a character-by-character scan on long texts', () => {
  const longText = fc.array(fc.constantFrom('a', 'b', ' ', '\n', 'é', '“'), { minLength: 0, maxLength: 5000 }).map((chars) => chars.join(''));
  fc.assert(
    fc.property(longText, fc.nat(), fc.nat({ max: 3000 }), fc.string({ maxLength: 3 }), (text, position, removed, insert) => {
      const edited = applyEdit(text, position % (text.length + 1), removed, insert);
      assert.deepEqual(findEditedStretch(text, edited), naiveStretch(text, edited));
    }),
    { numRuns: 500 },
  );
  // Repetitive text: the prefix and suffix may both claim the same characters.
  const repeated = 'ab'.repeat(3000);
  for (const edited of [repeated + 'ab', 'ab' + repeated, repeated.slice(2), repeated.slice(0, 3000) + repeated.slice(3002)]) {
    assert.deepEqual(findEditedStretch(repeated, edited), naiveStretch(repeated, edited));
  }
});

// Quotation pieces: marks of every kind, runs into the next paragraph, apostrophes.
const quotePiece = fc.constantFrom(
  '"We are not done," she said.',
  '“It is over,” he said. ',
  '‘Fine’ ',
  '"Still open ',
  "It's late. ",
  '"',
  '”',
  '’',
  "'",
  'Ortiz said: "The pier',
  '\n\n',
  '\n',
  ' ',
  'x',
);
const quoteDraft = fc.array(quotePiece, { maxLength: 30 }).map((parts) => parts.join(''));
const quoteEdit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 8 }), insert: fc.array(quotePiece, { maxLength: 2 }).map((p) => p.join('')) });

test('the quotation pass of a draft updated edit by edit gives what a freshly parsed draft gives', () => {
  fc.assert(
    fc.property(quoteDraft, fc.array(quoteEdit, { minLength: 1, maxLength: 6 }), (text, edits) => {
      let draft = parseDraft(text, 'plaintext');
      analyzeDraftQuotes(draft);
      for (const edit of edits) {
        const at = edit.at % (draft.text.length + 1);
        const next = applyEdit(draft.text, at, edit.removed, edit.insert);
        draft = updateDraft(draft, next, findEditedStretch(draft.text, next));
        assert.deepEqual(analyzeDraftQuotes(draft), analyzeDraftQuotes(parseDraft(next, 'plaintext')));
      }
    }),
    { numRuns: 400 },
  );
});

test('an edit that decides whether the quotation before it runs on gives what a fresh quotation pass gives', () => {
  const before =
    'Ortiz told the crews on Monday:\n\n"We are closing the pier for good, and there is nothing left to say\n\n"because the money is gone," she said.\n';
  const second = before.indexOf('"because');
  for (const [text, next] of [
    [before, before.slice(0, second) + before.slice(second + 1)],
    [before.slice(0, second) + before.slice(second + 1), before],
  ]) {
    let draft = parseDraft(text, 'plaintext');
    const runsOn = analyzeDraftQuotes(draft).quotations[0].continuesInNext;
    draft = updateDraft(draft, next, findEditedStretch(text, next));
    const updated = analyzeDraftQuotes(draft);
    assert.notEqual(updated.quotations[0].continuesInNext, runsOn);
    assert.deepEqual(updated, analyzeDraftQuotes(parseDraft(next, 'plaintext')));
  }
});
