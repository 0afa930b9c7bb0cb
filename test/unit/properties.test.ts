// Property-based tests of the analysis core on hostile text: every Unicode
// plane, lone surrogates, combining marks, right-to-left text, zero-width
// characters, NUL, mixed line breaks and every quotation-mark glyph, mixed
// with news words and quotations so the rules actually fire. They run against
// the registry as it is, so every rule that lands is covered.
//
// FUZZ_RUNS=5000 FUZZ_SEED=random node --import tsx --test test/unit/properties.test.ts  for a longer run.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisResult } from '../../server/src/analysis/analyze';
import { rules } from '../../server/src/analysis/rules/index';
import type { AnalysisOptions, DraftLanguage, Finding, Fix, TextEdit } from '../../server/src/analysis/types';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 150;
// A fixed seed by default, so that a failure in CI can be replayed; FUZZ_SEED=random explores.
const seed = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 0) || 2026;

/** Every glyph a draft may use as a quotation mark, apostrophe or prime. */
export const quotationGlyphs = [
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '«',
  '»',
  '‹',
  '›',
  '„',
  '‚',
  '‟',
  '‛',
  '〝',
  '〞',
  '〟',
  '＂',
  '＇',
  '「',
  '」',
  '『',
  '』',
  '′',
  '″',
  '`',
  '´',
];
const quotationGlyphSet = new Set(quotationGlyphs);

const newsWords = [
  'The',
  'council',
  'voted',
  '7-2',
  'on',
  'Tuesday',
  'to',
  'open',
  'the',
  'park',
  'this',
  'summer',
  'said',
  'Whitfield',
  'Rex Tillerson',
  'Mevlüt Çavuşoğlu',
  'NATO',
  'Islamic State',
  'IS',
  'Cascade Energy',
  'Mr.',
  'Sept. 3',
  'TK',
  '[CHECK]',
  "don't",
  "O'Brien",
  'O’Brien',
  "drivers'",
  '’90s',
  "rock 'n' roll",
  '6\'8"',
  '12" pipe',
  '5′ 11″',
  'Côte d’Ivoire',
  'More news:',
  'Read more:',
  'Advertisement',
  'yesterday',
  'percent',
  '%',
  'U.S.',
  'Spider-Man',
  'claimed',
  'told reporters',
];

const quotations = [
  '"We will open it this summer," Whitfield said.',
  '"We will open it this summer, Whitfield said.',
  'We will open it this summer," Whitfield said.',
  '“It is over,” said Tillerson.',
  '“It is over, said Tillerson.',
  '‘No,’ he added.',
  "He said, 'No,' and left.",
  '\'He said "no" and left.\'',
  '«Non», a-t-il dit.',
  '„Nein“, sagte er.',
  'Çavuşoğlu told reporters: "Turkey will stay.',
  '"The first paragraph runs on',
  '"and the next one closes it," she said.',
  '”Stray close, he said.',
];

const breaks = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r', '\u2028', '\u2029', '\f', '\v'];

const oddities = [
  '\0',
  '\u0001',
  '\u007f',
  '\t',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uDC00\uD800', // lone and reversed surrogates
  '😀',
  '👩‍👩‍👧',
  '🇹🇷',
  '𝔸',
  '𠀀',
  '\u{E0041}',
  '\u{F0000}',
  '\u{10FFFD}', // astral planes 1, 2, 14, 15, 16
  'e\u0301',
  '\u0301',
  'n\u0303\u0308\u0323', // combining marks, one alone
  'مرحبا',
  'שלום',
  '\u202E',
  '\u202D',
  '\u200F',
  '\u200E',
  '\u2067', // right-to-left text and controls
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD', // zero-width and invisible
  '\uFFFD',
  '\uFFFF',
  '\u0085',
  '\u00A0',
  '\u3000',
];

const markdownBits = [
  '# ',
  '## ',
  '- ',
  '* ',
  '1. ',
  '> ',
  '| a | b |',
  '```',
  '~~~',
  '`code "x`',
  '<b>',
  '</b>',
  '<!-- "note -->',
  '[link](http://example.invalid "title")',
  '![img](a.png)',
  '---',
  '+++',
  '    indented "code',
  '[ref]: http://x "t"',
  '<http://x>',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...newsWords) },
  { weight: 4, arbitrary: fc.constantFrom(...quotations) },
  { weight: 5, arbitrary: fc.constantFrom(...quotationGlyphs) },
  { weight: 5, arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', ': ', ' — ', '(', ')') },
  { weight: 3, arbitrary: fc.constantFrom(...breaks) },
  { weight: 3, arbitrary: fc.constantFrom(...oddities) },
  { weight: 2, arbitrary: fc.constantFrom(...markdownBits) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** A draft: news-like tokens interleaved with hostile characters. */
export const hostileDraft = fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join(''));

const options = (language: DraftLanguage) =>
  fc.record({
    language: fc.constant(language),
    quoteStyle: fc.constantFrom('auto', 'us', 'uk'),
    rules: fc.constant({}),
  }) as fc.Arbitrary<AnalysisOptions>;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** An offset an editor can put a cursor at: not inside a surrogate pair nor a \r\n. */
function isBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  if (isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) return false;
  return !(text[offset - 1] === '\r' && text[offset] === '\n');
}

function assertRange(text: string, what: string, start: number, end: number): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets, got ${start}..${end}`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: ${start}..${end} lies inside the draft of ${text.length}`);
  assert.ok(isBoundary(text, start), `${what}: start ${start} splits a surrogate pair or a \\r\\n`);
  assert.ok(isBoundary(text, end), `${what}: end ${end} splits a surrogate pair or a \\r\\n`);
}

/** Edits sorted by position; two edits overlap when one starts before the other ends, or both insert at one place. */
function assertNoOverlap(what: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    const overlap = current.start < previous.end || (current.start === previous.start && current.start === current.end);
    assert.ok(!overlap, `${what}: edits ${JSON.stringify(previous)} and ${JSON.stringify(current)} overlap`);
  }
  return sorted;
}

/** Applies non-overlapping offset edits, last first. */
function applyOffsetEdits(text: string, sorted: readonly TextEdit[]): string {
  let result = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    result = result.slice(0, e.start) + e.text + result.slice(e.end);
  }
  return result;
}

function withoutQuotationMarks(text: string): string {
  return Array.from(text)
    .filter((c) => !quotationGlyphSet.has(c))
    .join('');
}

function describeFix(finding: Finding, fix: Fix): string {
  return `${finding.ruleId} "${finding.message}" fix "${fix.title}" ${JSON.stringify(fix.edits)}`;
}

/** Every property the analysis of one draft must satisfy. */
function checkAnalysis(text: string, options: AnalysisOptions, result: AnalysisResult): void {
  assert.deepEqual(
    result.failures.map((f) => `${f.ruleId}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`),
    [],
    'no rule failed',
  );
  const document = TextDocument.create('file:///fuzz.txt', options.language, 1, text);
  for (const finding of result.findings) {
    const what = `${finding.ruleId} "${finding.message}"`;
    assert.ok(typeof finding.message === 'string' && finding.message.trim() !== '', `${what}: a message`);
    assertRange(text, what, finding.start, finding.end);
    for (const place of finding.related ?? []) assertRange(text, `${what} related "${place.message}"`, place.start, place.end);
    // The LSP layer must be able to convert every finding.
    toDiagnostic(document, finding);

    for (const fix of finding.fixes) {
      const fixWhat = describeFix(finding, fix);
      if (fix.select) {
        // A fix that selects text for the reporter (a placeholder) edits nothing, is never safe, and selects inside the draft.
        assert.deepEqual(fix.edits, [], `${fixWhat}: a selecting fix has no edits`);
        assert.notEqual(fix.safe, true, `${fixWhat}: a selecting fix is not safe`);
        assertRange(text, fixWhat, fix.select.start, fix.select.end);
        continue;
      }
      assert.ok(fix.edits.length > 0, `${fixWhat}: a fix edits something`);
      for (const edit of fix.edits) {
        assertRange(text, fixWhat, edit.start, edit.end);
        assert.equal(typeof edit.text, 'string', `${fixWhat}: edit text is a string`);
      }
      const sorted = assertNoOverlap(fixWhat, fix.edits);
      const fixed = applyOffsetEdits(text, sorted);
      assert.notEqual(fixed, text, `${fixWhat}: applying the fix changes the draft`);

      // Everything before the first edit and after the last one is untouched,
      // and between edits only what they name changed.
      const first = sorted[0];
      const last = sorted[sorted.length - 1];
      const growth = fixed.length - text.length;
      assert.equal(fixed.slice(0, first.start), text.slice(0, first.start), `${fixWhat}: text before the fix untouched`);
      assert.equal(fixed.slice(last.end + growth), text.slice(last.end), `${fixWhat}: text after the fix untouched`);

      // Applied the way an editor does (through LSP positions), the result is the same.
      const lspEdits = fix.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
      assert.equal(TextDocument.applyEdits(document, lspEdits), fixed, `${fixWhat}: LSP positions round-trip`);

      if (finding.ruleId === 'unbalanced-quote') {
        // A quotation fix adds or removes quotation marks and nothing else. The
        // one other kind allowed is an alternative (neither preferred nor safe)
        // that only turns whitespace into a paragraph break ("the next
        // quotation starts a new paragraph"): it still moves no word.
        // A space typed into an apostrophe (isn ‘t) is joined: the space and the mark become one apostrophe.
        const joinsApostrophe = fix.edits.length === 1 && /^ [‘’']$/.test(text.slice(fix.edits[0].start, fix.edits[0].end)) && /^[’']$/.test(fix.edits[0].text);
        if (joinsApostrophe) continue;
        const mayBreakParagraph = !fix.preferred && !fix.safe;
        for (const edit of fix.edits) {
          const removed = text.slice(edit.start, edit.end);
          const onlyMarks = [...removed, ...edit.text].every((c) => quotationGlyphSet.has(c));
          const onlyWhitespace = mayBreakParagraph && /^\s*$/.test(removed) && /^\s*$/.test(edit.text);
          assert.ok(
            onlyMarks || onlyWhitespace,
            `${fixWhat}: only quotation marks removed (${JSON.stringify(removed)}) or added (${JSON.stringify(edit.text)})`,
          );
        }
        // A paragraph break may go between two glued marks (said."“The), so only whitespace is left out of that comparison.
        const compared = mayBreakParagraph ? (t: string) => withoutQuotationMarks(t).replace(/\s+/g, '') : withoutQuotationMarks;
        assert.equal(compared(fixed), compared(text), `${fixWhat}: nothing else moves`);
      }
    }
  }
}

let inputsTried = 0;
let findingsSeen = 0;
let fixesChecked = 0;
const ruleIdsSeen = new Set<string>();

function property(language: DraftLanguage) {
  return fc.property(hostileDraft, options(language), (text, opts) => {
    inputsTried++;
    const result = analyze(text, opts, 'all');
    checkAnalysis(text, opts, result);
    for (const f of result.findings)
      assert.ok(
        rules.some((r) => r.id === f.ruleId),
        `${f.ruleId}: a registered rule id`,
      );
    findingsSeen += result.findings.length;
    for (const f of result.findings) {
      ruleIdsSeen.add(f.ruleId);
      fixesChecked += f.fixes.length;
    }
    // Analysis is a pure function of the text and options: caches and memos change nothing.
    assert.deepEqual(analyze(text, opts, 'all'), result, 'a second analysis gives the same result');
    // The two phases the server runs separately add up to the whole.
    const phased = [...analyze(text, opts, ['keystroke']).findings, ...analyze(text, opts, ['scan', 'nlp']).findings];
    assert.equal(phased.length, result.findings.length, 'fast + nlp phases find what "all" finds');
  });
}

describe('analysis of hostile drafts', () => {
  for (const language of ['plaintext', 'markdown', 'article'] as DraftLanguage[]) {
    test(`${language}: never throws, ranges inside the draft on boundaries, fixes clean`, () => {
      fc.assert(property(language), {
        numRuns: runs,
        includeErrorInReport: true,
        // Counterexamples found by longer runs, replayed on every run.
        examples: [['"We will open it this summer," Whitfield said."“The', { language, quoteStyle: 'auto', rules: {} }]],
        ...(seed === undefined ? {} : { seed }),
      });
    });
  }

  test('the generator produces what it promises', () => {
    // Guards the properties above against a generator that quietly lost its teeth.
    const sample = fc.sample(hostileDraft, { numRuns: 400, seed: 7 }).join('');
    for (const needle of ['\0', '\r\n', '\uD800', '\u0301', '\u202E', '\u200B', '“', '»', '„', 'said']) {
      assert.ok(sample.includes(needle), `generated drafts contain ${JSON.stringify(needle)}`);
    }
    assert.ok(/[\u{10000}-\u{10FFFF}]/u.test(sample), 'generated drafts contain astral characters');
  });

  test('report', () => {
    // Printed for the record; the figures depend on which rules have landed.
    console.log(
      `properties: ${inputsTried} drafts, ${findingsSeen} findings, ${fixesChecked} fixes checked; rules registered ${rules.length}, seen firing: ${[...ruleIdsSeen].sort().join(', ') || 'none'}`,
    );
  });
});

// Safe quotation fixes are applied without looking ("Fix all", check --fix):
// on wire-style paragraphs with one mark removed or added, applying one must
// leave the paragraph balanced and change nothing but quotation marks.
const speakers = ['Whitfield', 'the mayor', 'Ann Lee, a shopkeeper,', 'he', 'she'];
const clauses = ['We will open it this summer', 'It is over', 'The vote was close', 'Nobody saw it coming', 'We are ready to build'];
const quotedParagraph = fc
  .record({
    lead: fc.constantFrom('', 'The council met on Tuesday. ', 'Whitfield said: '),
    clause: fc.constantFrom(...clauses),
    more: fc.constantFrom('', ' We always do', ' and the town agrees'),
    speaker: fc.constantFrom(...speakers),
    verb: fc.constantFrom('said', 'added', 'told reporters'),
    inner: fc.constantFrom('', " 'No,' she said", ' a "costly mistake"'),
    glyphs: fc.constantFrom('""', '“”', "''"),
  })
  .map(({ lead, clause, more, speaker, verb, inner, glyphs }) => {
    const [open, close] = [glyphs[0], glyphs[1]];
    const colon = lead.endsWith(': ');
    const innerText = open === '"' || open === '“' ? inner.replace(/"/g, '') : inner.replace(/'/g, '');
    return colon
      ? `${lead}${open}${clause}${more}.${close}`
      : `${lead}${open}${clause}${more}${innerText},${close} ${speaker === 'he' || speaker === 'she' ? `${speaker} ${verb}` : `${verb} ${speaker}`}.`;
  });
const mutatedParagraph = fc.tuple(quotedParagraph, fc.nat(), fc.boolean(), fc.constantFrom('"', '“', '”', "'")).map(([text, pick, remove, glyph]) => {
  const marks = [...text].map((c, i) => (/["“”']/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (remove && marks.length > 0) {
    const at = marks[pick % marks.length];
    return text.slice(0, at) + text.slice(at + 1);
  }
  const spaces = [...text].map((c, i) => (c === ' ' ? i + 1 : -1)).filter((i) => i > 0);
  const at = spaces[pick % spaces.length] ?? 0;
  return text.slice(0, at) + glyph + text.slice(at);
});

describe('safe quotation fixes', () => {
  let safeApplied = 0;
  test('applying a safe fix leaves the paragraph balanced and changes only quotation marks', () => {
    const opts: AnalysisOptions = { language: 'plaintext', quoteStyle: 'auto', rules: {} };
    const headline = 'Council backs park plan\n\n';
    fc.assert(
      fc.property(mutatedParagraph, (body) => {
        const text = headline + body;
        const found = analyze(text, opts, 'all').findings.filter((f) => f.ruleId === 'unbalanced-quote');
        if (found.length !== 1) return;
        const fix = found[0].fixes.find((f) => f.safe);
        if (!fix) return;
        safeApplied++;
        assert.equal(fix.preferred, true, 'a safe fix is the preferred one');
        const fixed = applyOffsetEdits(
          text,
          [...fix.edits].sort((a, b) => a.start - b.start),
        );
        assert.deepEqual(
          analyze(fixed, opts, 'all')
            .findings.filter((f) => f.ruleId === 'unbalanced-quote')
            .map((f) => f.message),
          [],
          `balanced after the safe fix: ${JSON.stringify(fixed)}`,
        );
        const joinsApostrophe = /^ [‘’']$/.test(text.slice(fix.edits[0].start, fix.edits[0].end));
        if (!joinsApostrophe) assert.equal(withoutQuotationMarks(fixed), withoutQuotationMarks(text), `only quotation marks change: ${JSON.stringify(fixed)}`);
      }),
      { numRuns: Math.max(runs, 300), seed: 13 },
    );
  });
  test('the generator reaches safe fixes', () => {
    assert.ok(safeApplied > 0, 'some mutated paragraphs got a safe fix');
  });
});

describe('the property checker itself', () => {
  // Each broken result below must be rejected, or the properties could not fail.
  const text = 'He said "no😀\r\nthen left.';
  const opts: AnalysisOptions = { language: 'plaintext', quoteStyle: 'auto', rules: {} };
  const finding = (over: Partial<Finding>): AnalysisResult => ({
    failures: [],
    findings: [{ ruleId: 'some-rule', start: 8, end: 9, message: 'm', severity: 'error', fixes: [], ...over }],
  });
  const broken: [string, RegExp, AnalysisResult][] = [
    ['a range past the end', /inside the draft/, finding({ end: text.length + 1 })],
    ['a range splitting a surrogate pair', /splits/, finding({ start: 12, end: 12 })],
    ['a range splitting \\r\\n', /splits/, finding({ start: 14, end: 15 })],
    ['a related place splitting \\r\\n', /related.*splits/, finding({ related: [{ start: 14, end: 16, message: 'r' }] })],
    [
      'overlapping edits',
      /overlap/,
      finding({
        fixes: [
          {
            title: 't',
            edits: [
              { start: 8, end: 10, text: 'x' },
              { start: 9, end: 11, text: 'y' },
            ],
          },
        ],
      }),
    ],
    [
      'two insertions at one place',
      /overlap/,
      finding({
        fixes: [
          {
            title: 't',
            edits: [
              { start: 8, end: 8, text: 'x' },
              { start: 8, end: 8, text: 'y' },
            ],
          },
        ],
      }),
    ],
    ['a fix that changes nothing', /changes the draft/, finding({ fixes: [{ title: 't', edits: [{ start: 8, end: 9, text: '"' }] }] })],
    ['a rule failure', /no rule failed/, { findings: [], failures: [{ ruleId: 'x', error: new Error('boom') }] }],
  ];
  broken.push([
    'a quotation fix that adds a letter',
    /only quotation marks/,
    finding({ ruleId: 'unbalanced-quote', fixes: [{ title: 't', edits: [{ start: 11, end: 11, text: '"x' }] }] }),
  ]);
  broken.push([
    'a preferred quotation fix that breaks a paragraph',
    /only quotation marks/,
    finding({ ruleId: 'unbalanced-quote', fixes: [{ title: 't', preferred: true, edits: [{ start: 7, end: 8, text: '\n\n' }] }] }),
  ]);
  broken.push([
    'a quotation fix that swaps a letter for a mark',
    /only quotation marks/,
    finding({ ruleId: 'unbalanced-quote', fixes: [{ title: 't', edits: [{ start: 9, end: 10, text: '"' }] }] }),
  ]);
  test('accepts a clean result', () => {
    checkAnalysis(
      text,
      opts,
      finding({
        ruleId: 'unbalanced-quote',
        related: [{ start: 15, end: 19, message: 'r' }],
        fixes: [
          {
            title: 't',
            edits: [
              { start: 11, end: 11, text: '"' },
              { start: 8, end: 9, text: '' },
            ],
          },
        ],
      }),
    );
    checkAnalysis(text, opts, finding({ ruleId: 'unbalanced-quote', fixes: [{ title: 'New paragraph', edits: [{ start: 7, end: 8, text: '\n\n' }] }] }));
  });
  for (const [name, reason, result] of broken) {
    test(`rejects ${name}`, () => {
      assert.throws(
        () => checkAnalysis(text, opts, result),
        (error) => error instanceof assert.AssertionError && reason.test(error.message),
      );
    });
  }
});
