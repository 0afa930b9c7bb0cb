import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/applyFixes';
import { swallowedAttribution } from '../../server/src/analysis/rules/swallowed-attribution';

const check = (text: string) => analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [swallowedAttribution]).findings;

/** One finding on `attribution`, whose fix gives `fixed`. */
function assertFlaggedAndFixed(text: string, attribution: string, fixed: string): void {
  const findings = check(text);
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].start, findings[0].end), attribution);
  assert.equal(applyEdits(text, findings[0].fixes[0].edits), fixed);
}

test('a quotation that swallowed its attribution is flagged, and the fix closes and reopens it', () => {
  assertFlaggedAndFixed(
    'Pool stays open\n\n"The pool will stay open all summer, Parks Director Ines Mbeki said. We owe the families that much."\n',
    'Parks Director Ines Mbeki said',
    'Pool stays open\n\n"The pool will stay open all summer," Parks Director Ines Mbeki said. "We owe the families that much."\n',
  );
});

test('curly marks are reopened in the same style, and a pronoun speaker counts', () => {
  const text = 'Pool stays open\n\n“The pool will stay open all summer, she said. We owe the families that much.”\n';
  const [finding] = check(text);
  assert.equal(
    applyEdits(text, finding.fixes[0].edits),
    'Pool stays open\n\n“The pool will stay open all summer,” she said. “We owe the families that much.”\n',
  );
});

test('correct attributions, reported speech and short fragments are left alone', () => {
  const quiet = [
    '"The pool will stay open all summer," Parks Director Ines Mbeki said. "We owe the families that much."',
    '"The pool will stay open," she said, "and we owe them that."',
    'He called it "a plan that, as the mayor said, will not work."',
    '"Open, she said. Now."',
    // The speaker recalling their own words: "I" is no attribution.
    '"The pool is losing money every summer, just like I said. The families deserve better than this," the mayor said.',
  ];
  for (const line of quiet) assert.deepEqual(check(`Pool stays open\n\n${line}\n`), [], line);
});

test('a quotation left open up to the next one of its paragraph (a lost paragraph break) is flagged the same way', () => {
  assertFlaggedAndFixed(
    'Henman loses\n\n"It was incredibly frustrating, Henman said. It rained all day. "He kept telling us to play on."\n',
    'Henman said',
    'Henman loses\n\n"It was incredibly frustrating," Henman said. "It rained all day. "He kept telling us to play on."\n',
  );
  // Left open to the paragraph's end, the closing mark is missing too: unbalanced-quote's case, not this one.
  assert.deepEqual(check('Henman loses\n\n"It was incredibly frustrating, Henman said. It rained all day.\n'), []);
});
