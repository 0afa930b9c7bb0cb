// The quotation-mark engine: which marks count, how they pair, US/UK style,
// the multi-paragraph convention, Markdown masking, and its cost.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeDraftQuotes, analyzeQuotes, scanParagraph, type QuoteAnalysis } from '../../server/src/analysis/quotes';
import { defaultOptions, type DraftLanguage, type QuoteStyleSetting } from '../../server/src/analysis/types';

function quotes(text: string, quoteStyle: QuoteStyleSetting = 'auto', language: DraftLanguage = 'plaintext'): QuoteAnalysis {
  return analyzeDraftQuotes(parseDraft(text, language), quoteStyle);
}

/** The quoted words of each quotation, marked with its depth: "0:No, 1:never". */
function quoted(text: string, analysis = quotes(text)): string[] {
  return analysis.quotations.map((q) => `${q.depth}:${text.slice(q.contentStart, q.contentEnd)}`);
}

test('a balanced US draft pairs double outside and single inside', () => {
  const text = `"He said, 'No,' and left," Whitfield said.`;
  const a = quotes(text);
  assert.deepEqual(quoted(text, a), ["0:He said, 'No,' and left,", '1:No,']);
  assert.equal(a.style, 'us');
  assert.deepEqual(a.problems, []);
  assert.deepEqual(
    a.marks.map((m) => `${m.glyph}${m.role}`),
    ['"open', "'open", "'close", '"close'],
  );
});

test("a Dutch name's elided article is no quotation mark, but a mark before a censored word opens one", () => {
  for (const text of ['"Europe is disintegrating," said Sophie in \'t Veld, a liberal member.', "In 't Veld sees parallels with the race in the USA."]) {
    assert.deepEqual(quotes(text).problems, [], text);
  }
  const censored = '“Mess is the diplomatic term; privately, he calls the town a ‘s–t show,’ in part because of the flood,” writes Goldberg.';
  assert.deepEqual(quotes(censored).problems, []);
  assert.deepEqual(quoted(censored), [
    '0:Mess is the diplomatic term; privately, he calls the town a ‘s–t show,’ in part because of the flood,',
    '1:s–t show,',
  ]);
});

test('a UK draft pairs single outside and double inside, and is detected as UK', () => {
  const text = `'He said "no" and left,' the minister said.\n\n'We will not be moved,' she added.`;
  const a = quotes(text);
  assert.equal(a.style, 'uk');
  assert.deepEqual(quoted(text, a), ['0:He said "no" and left,', '1:no', '0:We will not be moved,']);
  assert.deepEqual(a.problems, []);
});

test('options.quoteStyle forces the style', () => {
  const text = `'Fine,' she said.`;
  assert.equal(quotes(text).style, 'uk');
  assert.equal(quotes(text, 'us').style, 'us');
  assert.equal(quotes(`"Fine," she said.`, 'uk').style, 'uk');
});

test('curly, guillemet and low-high marks pair', () => {
  for (const text of ['“Yes,” she said.', '«Oui», dit-il.', '„Ja“, sagte er.', '‹Oui›, dit-il.', '‘Yes,’ she said.']) {
    const a = quotes(text);
    assert.equal(a.quotations.length, 1, text);
    assert.notEqual(a.quotations[0].close, undefined, text);
    assert.deepEqual(a.problems, [], text);
  }
  assert.equal(quotes('«Oui», dit-il.').quotations[0].kind, 'double');
  assert.equal(quotes('‹Oui›, dit-il.').quotations[0].kind, 'single');
  assert.equal(quotes('“Yes,” she said.').curlyMajority, true);
});

test('apostrophes, elisions and primes are not quotation marks', () => {
  const samples = [
    "We don't know, and we've said so; I'd wait.",
    "Tillerson's plan and St. Mary’s school.",
    "The drivers' union met at the Joneses’ house.",
    "Back in the ’90s and the '80s we played rock ’n’ roll and rock 'n' roll till 6 o’clock.",
    'Give ’em a break, said O’Brien to D’Angelo in Côte d’Ivoire.',
    'He is 6\'8" tall and she is 5′ 11″; bring the 12" pipe.',
    'He is 6’2” and she is 5’11”.',
  ];
  for (const text of samples) {
    const a = quotes(text);
    assert.deepEqual(a.marks, [], text);
    assert.deepEqual(a.problems, [], text);
  }
  const a = quotes("The drivers' union");
  assert.deepEqual(
    a.apostrophes.map((m) => m.offset),
    [11],
  );
});

test('a possessive inside a single-quoted UK quotation does not close it early', () => {
  const text = `'The drivers' union is strong,' she said.`;
  assert.deepEqual(quoted(text), ["0:The drivers' union is strong,"]);
});

test('an inch mark inside a quotation does not close it', () => {
  const text = `"We need a 12" pipe here," the plumber said.`;
  assert.deepEqual(quoted(text), ['0:We need a 12" pipe here,']);
});

test('a quotation that closes after a number still closes', () => {
  const text = `The plan is "Vision 2030" and more.`;
  assert.deepEqual(quoted(text), ['0:Vision 2030']);
  assert.deepEqual(quotes(text).problems, []);
});

test('multi-paragraph quotations continue, and only the last paragraph closes', () => {
  const text = [
    'Library to reopen',
    'Whitfield said: "We start in the spring.',
    '"Then we build through the summer.',
    '"And we open in the fall," she said.',
  ].join('\n\n');
  const a = quotes(text);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(
    a.quotations.map((q) => [q.paragraph, q.continues, q.continuesInNext, q.close === undefined]),
    [
      [1, false, true, true],
      [2, true, true, true],
      [3, true, false, false],
    ],
  );
});

test('a paragraph ending open is an error when the next one does not open a quotation', () => {
  const text = 'Library to reopen\n\n"We start in the spring.\n\nThe council met on Monday.';
  const a = quotes(text);
  assert.equal(a.problems.length, 1);
  assert.equal(a.problems[0].mark.offset, text.indexOf('"'));
  assert.equal(a.quotations[0].continuesInNext, false);
});

test('headlines and Markdown blocks never continue a quotation', () => {
  const headline = '"Spring is coming\n\n"We start soon," she said.';
  assert.equal(quotes(headline).problems.length, 1);
  const list = '- "We start in the spring.\n\n"Then we build," she said.';
  assert.equal(quotes(list, 'auto', 'markdown').problems.length, 1);
});

test('Markdown code, link destinations and titles, and front matter are ignored', () => {
  const text = [
    '---',
    'title: "An unclosed "front matter',
    '---',
    '',
    'Use `say "hi` in code, see [the report](https://example.com/a"b "a title") and <span title="x>.',
    '',
    '```',
    'echo "open',
    '```',
  ].join('\n');
  const a = quotes(text, 'auto', 'markdown');
  assert.deepEqual(a.marks, []);
  assert.deepEqual(a.problems, []);
});

test('a mark inside emphasis keeps its direction', () => {
  const text = 'She called it *"a disaster"* and left.';
  assert.deepEqual(quoted(text), ['0:a disaster']);
});

test('wire copy that doubles straight single marks pairs them as double marks', () => {
  const text = "''It is a big story,'' the economist said. ''I said, 'No,' '' he added.";
  const a = quotes(text);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(
    a.quotations.map((q) => q.kind),
    ['double', 'double', 'single'],
  );
});

test('a quotation that cannot nest in one of the same kind leaves the earlier one unclosed', () => {
  const text = '"We will act. "We will win," she said.';
  const a = quotes(text);
  assert.equal(a.problems.length, 1);
  assert.equal(a.problems[0].mark.offset, 0);
  assert.deepEqual(quoted(text, a), ['0:We will act. ', '0:We will win,']);
});

test('analyzeQuotes is memoized per analysis', () => {
  const ctx = createContext(parseDraft('"Yes," she said.', 'plaintext'), defaultOptions);
  assert.equal(analyzeQuotes(ctx), analyzeQuotes(ctx));
});

test('paragraph scans are cached by paragraph text', () => {
  const paragraph = '"We will return," the mayor said of the flooded library.';
  assert.equal(scanParagraph(paragraph), scanParagraph(paragraph));
  const a = quotes(`${paragraph}\n\nOther text.`);
  const b = quotes(`Another headline\n\n${paragraph}`);
  assert.equal(a.quotations[0].open, 0);
  assert.equal(b.quotations[0].open, 'Another headline\n\n'.length);
});

test('offsets are UTF-16 indices after emoji and accents', () => {
  const text = 'Çavuşoğlu 🎉 said: "Né à Paris 🇫🇷," he added.';
  const q = quotes(text).quotations[0];
  assert.equal(text[q.open], '"');
  assert.equal(text.slice(q.contentStart, q.contentEnd), 'Né à Paris 🇫🇷,');
});

test('a 10,000-word draft: every quotation paired, and the cached pass gives the same answer', () => {
  const paragraphs: string[] = [];
  for (let i = 0; i < 400; i++) {
    paragraphs.push(
      `"We will rebuild district ${i} before the winter, and we don't intend to wait," the mayor's spokeswoman said on Tuesday, adding that 'the drivers' union' had agreed.`,
    );
  }
  const draft = parseDraft(paragraphs.join('\n\n'), 'plaintext');
  // Its speed is the benchmark's (`npm run bench`), not a test's.
  const cold = analyzeDraftQuotes(draft);
  const warm = analyzeDraftQuotes(draft);
  assert.equal(cold.quotations.length, 800);
  assert.deepEqual(warm, cold);
});

// ---------------------------------------------------------------------------
// Typesetting variants: never false alarms.

test('two single marks set as one double mark pair like a double mark', () => {
  for (const text of [
    '‘‘We will open it in June,’’ the mayor said.',
    "``We will open it in June,'' the mayor said.",
    "''We will open it in June,'' the mayor said.",
  ]) {
    const a = quotes(text);
    assert.deepEqual(a.problems, [], text);
    assert.equal(a.quotations.length, 1, text);
    assert.equal(a.quotations[0].kind, 'double', text);
    assert.equal(text.slice(a.quotations[0].contentStart, a.quotations[0].contentEnd), 'We will open it in June,', text);
  }
  // Nested single marks still pair inside them.
  const nested = quotes('‘‘She told me ‘no,’ and left,’’ he said.');
  assert.deepEqual(nested.problems, []);
  assert.deepEqual(
    nested.quotations.map((q) => q.kind),
    ['double', 'single'],
  );
});

test('inches and feet after a digit stay primes', () => {
  for (const text of [
    'The store sells 70"+ televisions and a 5\'-tall fence.',
    'The center is 6\' 2" and the guard 5\'11".',
    'A 12"-wide pipe ran under the 40\'-long hall.',
  ]) {
    const a = quotes(text);
    assert.deepEqual(a.marks, [], text);
    assert.deepEqual(a.problems, [], text);
  }
});

test('a space typed into an apostrophe is a broken apostrophe, not an opening mark', () => {
  const text = 'It isn ‘t over, and we ‘ll see, she said.';
  const a = quotes(text);
  assert.deepEqual(a.marks, []);
  assert.deepEqual(
    a.problems.map((p) => p.type),
    ['apostrophe', 'apostrophe'],
  );
  const fix = a.problems[0].fixes[0];
  assert.equal(fix.preferred, true);
  assert.equal(fix.safe, true);
  assert.equal(fix.title, 'Join the apostrophe: isn’t');
  assert.deepEqual(fix.edits, [{ start: 6, end: 8, text: '’' }]);
  // An opening mark after a space before an ordinary word is still one.
  assert.deepEqual(quotes('He said ‘toast is fine’ and left.').problems, []);
  assert.deepEqual(
    quotes('Tillerson ‘s plan').problems.map((p) => p.type),
    [],
  );
});

test('closing marks of a nested quotation in the wrong order are one finding, fixed by a swap', () => {
  const text = `"She told me 'I love her."' he said.`;
  const a = quotes(text);
  assert.equal(a.problems.length, 1);
  const [problem] = a.problems;
  assert.equal(problem.type, 'swapped');
  assert.equal(text.slice(problem.mark.offset, problem.mark.offset + problem.mark.glyph.length), `"'`);
  assert.deepEqual(
    problem.fixes.map((f) => [f.edits, f.preferred, f.safe]),
    [[[{ start: 25, end: 27, text: `'"` }], true, true]],
  );
  // The UK order (inner double first) is right there.
  assert.deepEqual(quotes(`'She told me "I love her."' he said.`).problems, []);
});
