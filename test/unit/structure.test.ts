// The structure of a draft before any rule runs: single line breaks, hard
// wrapping, and the elements around a story (fixtures written for these tests).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findEditedStretch } from '../../server/src/analysis/carryOver';
import { detectWrapWidth, ledeOf, parseDraft, updateDraft } from '../../server/src/analysis/draft';
import { classifyParagraph, datelineLength } from '../../server/src/analysis/structure';
import { draftStats } from '../../server/src/analysis/stats';
import { countWords } from '../../server/src/analysis/prose';

const singleBreaks = [
  'Council closes Riverside Park for a year',
  'By Maria Lopez, Staff Writer',
  'RIVERSIDE, Calif. (AP) — The city council voted 7-2 on Tuesday to close Riverside Park for a year of repairs.',
  'The vote ended a two-month fight with neighbors who wanted the playground kept open during the work.',
  '"We owe the families a safe park," Council Member Ana Ruiz said.',
].join('\n');

test('a single line break ends a paragraph in plain text and article drafts', () => {
  for (const language of ['plaintext', 'article'] as const) {
    const draft = parseDraft(singleBreaks, language);
    assert.equal(draft.paragraphs.length, 5);
    assert.equal(draft.wrapWidth, undefined);
    assert.equal(draft.paragraphs[0].isHeadline, true);
    assert.equal(draft.paragraphs[1].kind, 'byline');
    assert.equal(ledeOf(draft)?.index, 2, 'the lede is the first prose paragraph');
    for (const p of draft.paragraphs) assert.equal(singleBreaks.slice(p.start, p.end), p.text);
  }
});

test('a sentence broken mid-way by a line break stays one paragraph', () => {
  const draft = parseDraft('Headline\nThe council voted on Tuesday to close the\npark for a year.\nIt reopens in May.', 'plaintext');
  assert.deepEqual(
    draft.paragraphs.map((p) => p.text),
    ['Headline', 'The council voted on Tuesday to close the\npark for a year.', 'It reopens in May.'],
  );
});

const wrapped = [
  'Council closes Riverside Park',
  '',
  'The city council voted 7-2 on Tuesday to close Riverside Park for a',
  'year of repairs, ending a two-month fight with neighbors who wanted',
  'the playground kept open. Mayor Ines Mbeki said the work would start',
  'in March.',
  'Work crews will replace the pool, the fencing and the lighting along',
  'the river path, which flooded twice last spring. The city expects the',
  'bill to reach $4.2 million.',
  '"We owe the families a safe park," Mbeki said after the vote on',
  'Tuesday night.',
].join('\r\n');

test('text hard-wrapped at a fixed width joins back into paragraphs, CRLF included', () => {
  const draft = parseDraft(wrapped, 'plaintext');
  assert.ok(draft.wrapWidth !== undefined && draft.wrapWidth >= 66 && draft.wrapWidth <= 72, `width ${draft.wrapWidth}`);
  assert.equal(draft.paragraphs.length, 4);
  assert.ok(draft.paragraphs[1].text.endsWith('in March.'));
  assert.ok(draft.paragraphs[2].text.startsWith('Work crews') && draft.paragraphs[2].text.endsWith('$4.2 million.'));
  assert.ok(draft.paragraphs[3].text.startsWith('"We owe'));
  for (const p of draft.paragraphs) assert.equal(wrapped.slice(p.start, p.end), p.text);
});

test('a draft typed one paragraph per line is not taken for hard-wrapped text', () => {
  assert.equal(detectWrapWidth(singleBreaks), undefined);
  assert.equal(detectWrapWidth('Short\nlines\nof\nall\nsorts\nhere'), undefined);
});

test('each structural element is recognised', () => {
  const cases: [string, string][] = [
    ['Budget fight moves to the Senate', 'subhead'],
    ['WASHINGTON —', 'dateline'],
    ['LONDON (Reuters) -', 'dateline'],
    ['Thursday, March 4, 2021', 'dateline'],
    ['Oct. 12, 2019', 'dateline'],
    ['12 October 2019', 'dateline'],
    ['On March 4, 2021 the bridge reopened.', 'prose'],
    ['By JANE DOE and RAJ PATEL, Associated Press', 'byline'],
    ['Photo: Workers clear debris in Riverside on Tuesday.', 'caption'],
    ['Image caption The park has been closed since March', 'caption'],
    ['Firefighters work near the river on Tuesday. (AP Photo/Jane Doe)', 'caption'],
    ['The ferry Aurora leaves Pemberton harbour in 2010. Image: Dana Kirby.', 'caption'],
    ['Crews clear the road on Tuesday. Photo: City of Riverside', 'caption'],
    ['Ferry crew at work Image: Dana Kirby.', 'caption'],
    ['“Keep the pool open!” (campaign poster, 2009) — “No new fees” (2011). (Riverside Party/City Archive.)', 'caption'],
    ['The mayor greets voters at the fair on May 2, 2015. (DANA KIRBY/Harbour Times.)', 'caption'],
    ['Turnout rose to 61 percent, the highest since 1998 (and/or so the clerk says).', 'prose'],
    ['The mayor leads the race by five points in the latest poll (Harbour Times/City Survey).', 'prose'],
    ['The photo showed the mayor with the governor at the fair last week.', 'prose'],
    ['John Moore/Getty Images', 'credit'],
    ['Credit: City of Riverside', 'credit'],
    ['"Council backs library plan" — Riverside Courier, March 4, 2021', 'credit'],
    ['Dana Kirby. "Ferry service to resume" — Harbour Times, May 2, 2019', 'credit'],
    ['"We will reopen the bridge," the mayor said on May 2, 2019', 'prose'],
    ['Categories: March 4, 2021 Riverside Politics', 'label'],
    ["Editor's note: This story has been updated to correct the date of the vote.", 'editorsNote'],
    ['ABSTRACT', 'label'],
    ['FULL TEXT', 'label'],
    ['LENGTH: 812 words', 'label'],
    ['- Pool closes in March', 'list'],
    ['2. Fencing', 'list'],
    ['— The bill would close the pool in March;', 'list'],
    ['> The park will stay open all summer.', 'blockquote'],
    ['The council voted 7-2 on Tuesday to close the park.', 'prose'],
    ['"We owe the families that much," Mbeki said.', 'prose'],
    ['By Tuesday, the crews had gone home.', 'prose'],
    ['Updates to the schedule are expected next week, officials said.', 'prose'],
  ];
  for (const [text, kind] of cases) assert.equal(classifyParagraph(text), kind, text);
});

test('the lede follows a FULL TEXT label, not the abstract before it', () => {
  const draft = parseDraft(
    ['Park closes', 'ABSTRACT', 'The council closed the park.', 'FULL TEXT', 'The city council voted 7-2 on Tuesday to close Riverside Park.'].join('\n'),
    'plaintext',
  );
  assert.equal(ledeOf(draft)?.text, 'The city council voted 7-2 on Tuesday to close Riverside Park.');
});

test('elements around the story are blocks: a quotation never runs on from them', () => {
  const draft = parseDraft(singleBreaks, 'plaintext');
  assert.deepEqual(
    draft.paragraphs.map((p) => p.isBlock),
    [true, true, false, false, false],
  );
});

test('a dateline opening the lede is measured', () => {
  assert.equal(datelineLength('RIVERSIDE, Calif. (AP) — The city council voted.'), 'RIVERSIDE, Calif. (AP) — '.length);
  assert.equal(datelineLength('WASHINGTON -- Senators met.'), 'WASHINGTON -- '.length);
  assert.equal(datelineLength('RIVERTON, Wyo., Jan. 9 (UPI) — The mayor spoke.'), 'RIVERTON, Wyo., Jan. 9 (UPI) — '.length);
  assert.equal(datelineLength('The city council voted.'), 0);
  // A place in mixed case is a dateline only with a wire service's credit.
  assert.equal(datelineLength('Washington (AFP) – Senators met.'), 'Washington (AFP) – '.length);
  assert.equal(datelineLength('Washington - Senators met.'), 0);
});

test('one word counter for the status bar and the length rules', () => {
  const text = 'The U.S. paid $1,200 for the well-known aide’s 42-year-old car.';
  assert.equal(draftStats(text).words, countWords(text));
  assert.equal(countWords(text), 10);
});

test('the draft word count, kept line by line, is the one counter over the whole text, edit after edit', () => {
  const piece = fc.constantFrom(
    'The council',
    ' voted 7-2',
    '\n',
    '\r\n',
    '\n\n',
    ' on the well-known',
    ' U.S.',
    ' aide’s',
    ' 1,200',
    ', said',
    ' “Close it.”',
    '😀',
    'Café ',
    ' ',
  );
  fc.assert(
    fc.property(fc.array(fc.array(piece, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), (versions) => {
      // Successive versions of one draft share most lines: the kept counts are reused and must still add up.
      for (const version of versions) {
        const text = version.join('').repeat(3);
        assert.equal(draftStats(text).words, countWords(text));
      }
    }),
  );
});

// The incremental re-split, on single-line-break and hard-wrapped drafts.
const wrapLine = fc.constantFrom(
  'The city council voted on Tuesday to close the park for a year of',
  'repairs, ending a two-month fight with neighbors who wanted the',
  'playground kept open during the work, which will begin in March.',
  'Short line.',
  'Mayor Mbeki said.',
  '',
  'x',
  'Headline in one line',
  '- item',
);
const lineDraft = fc.array(wrapLine, { maxLength: 24 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));
const insertion = fc.constantFrom('\n', '\r\n', '\r', ' ', 'word ', 'x', '', 'a longer insertion that moves words along the line ', '\n\n');

test('updateDraft matches parseDraft on single-line-break and hard-wrapped drafts', () => {
  fc.assert(
    fc.property(lineDraft, fc.nat(), fc.nat({ max: 10 }), insertion, (text, at, removed, insert) => {
      const position = at % (text.length + 1);
      const end = Math.min(text.length, position + removed);
      const edited = text.slice(0, position) + insert + text.slice(end);
      // The stretch as a diff finds it, and as the editor sends it (which may replace equal text).
      const stretches = [findEditedStretch(text, edited), { start: position, oldEnd: end, delta: insert.length - (end - position) }];
      for (const language of ['plaintext', 'article'] as const) {
        for (const stretch of stretches) assert.deepEqual(updateDraft(parseDraft(text, language), edited, stretch), parseDraft(edited, language));
      }
    }),
    { numRuns: 3000 },
  );
});

test('inserting a single line break re-splits the paragraph', () => {
  const text = 'Headline\nFirst sentence here. Second sentence here.\nThird.';
  const at = text.indexOf(' Second') + 1;
  const edited = text.slice(0, at) + '\n' + text.slice(at);
  const updated = updateDraft(parseDraft(text, 'plaintext'), edited, findEditedStretch(text, edited));
  assert.deepEqual(
    updated.paragraphs.map((p) => p.text),
    ['Headline', 'First sentence here. ', 'Second sentence here.', 'Third.'],
  );
  assert.deepEqual(updated, parseDraft(edited, 'plaintext'));
});
