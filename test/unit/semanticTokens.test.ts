// Semantic tokens: names, and quotations cut around the names inside them and
// at line breaks (LF and CR LF), never overlapping and never spanning a break.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SemanticTokensEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mentionIndexOf, withLookup, type Entity } from '../../server/src/analysis/entities';
import type { Quotation } from '../../server/src/analysis/quotes';
import { diffTokenData, SemanticTokenResults, semanticTokens, semanticTokenTypes } from '../../server/src/lsp/semanticTokens';

// A quotation over three lines with a name inside it, written for this test.
const draft = ['Harbor workers walked out.', '"The pier is closing," said', 'Rosa Ibarra, "and the crews', 'know it."', ''];

function decode(text: string, data: number[]): { type: string; text: string }[] {
  const lines = text.split(/\r\n|\r|\n/);
  const decoded: { type: string; text: string }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = data.slice(i, i + 4);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    decoded.push({ type: semanticTokenTypes[type], text: lines[line].slice(character, character + length) });
  }
  return decoded;
}

for (const eol of ['\n', '\r\n']) {
  test(`a quotation across lines is cut at each ${eol === '\n' ? 'LF' : 'CR LF'} and around the name inside it`, () => {
    const text = draft.join(eol);
    const span = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
    const name = span('Rosa Ibarra');
    const person = { type: 'person', name: 'Rosa Ibarra', mentions: [{ ...name, text: 'Rosa Ibarra' }], quotes: [] } as unknown as Entity;
    const open = text.indexOf('"The');
    const close = text.lastIndexOf('"');
    // One quotation from the first mark to the last, as if the two were one (the name sits inside).
    const quotation = { open, close, depth: 0, contentStart: open + 1, contentEnd: close } as unknown as Quotation;
    const document = TextDocument.create('file:///t.txt', 'plaintext', 1, text);
    const decoded = decode(text, semanticTokens(document, [person], [quotation]).data);
    assert.deepEqual(decoded, [
      { type: 'quotation', text: '"The pier is closing," said' },
      { type: 'person', text: 'Rosa Ibarra' },
      { type: 'quotation', text: ', "and the crews' },
      { type: 'quotation', text: 'know it."' },
    ]);
  });
}

function applyEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const result = [...data];
  // Edits are applied from the last to the first, as the client does.
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

test('a token delta applied to the previous data gives the new data, for any two arrays', () => {
  const data = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 });
  fc.assert(
    fc.property(data, data, (before, after) => {
      const edits = diffTokenData(before, after);
      assert.deepEqual(applyEdits(before, edits), after);
      if (before.length === after.length && before.every((n, i) => n === after[i])) assert.deepEqual(edits, []);
    }),
    { numRuns: 500 },
  );
});

test('the delta after a name is typed into a line is only that line, and an unknown previous id gets the whole data', () => {
  const before = 'Rosa Ibarra spoke.\nTom Brennan listened.\n';
  const after = 'Rosa Ibarra spoke.\nSo Tom Brennan listened.\n';
  const person = (text: string, name: string) => {
    const start = text.indexOf(name);
    return { type: 'person', name, mentions: [{ start, end: start + name.length, text: name }], quotes: [] } as unknown as Entity;
  };
  const results = new SemanticTokenResults();
  const first = results.full(TextDocument.create('file:///d.txt', 'plaintext', 1, before), [person(before, 'Rosa Ibarra'), person(before, 'Tom Brennan')], []);
  const document = TextDocument.create('file:///d.txt', 'plaintext', 2, after);
  const entities = [person(after, 'Rosa Ibarra'), person(after, 'Tom Brennan')];
  const delta = results.delta(document, first.resultId!, entities, []);
  assert.ok('edits' in delta);
  assert.notEqual(delta.resultId, first.resultId);
  assert.deepEqual(applyEdits(first.data, delta.edits), semanticTokens(document, entities, []).data);
  assert.deepEqual(delta.edits, [{ start: 6, deleteCount: 1, data: [3] }]);
  const unknown = results.delta(document, 'not-an-id', entities, []);
  assert.ok('data' in unknown);
  assert.deepEqual(unknown.data, semanticTokens(document, entities, []).data);
});

/** Each piece placed by TextDocument.positionAt, as the server did before it followed the lines itself. */
function referenceData(document: TextDocument, pieces: readonly { start: number; end: number; type: number }[]): number[] {
  const data: number[] = [];
  let previous = { line: 0, character: 0 };
  for (const piece of pieces) {
    const at = document.positionAt(piece.start);
    data.push(at.line - previous.line, at.line === previous.line ? at.character - previous.character : at.character, piece.end - piece.start, piece.type, 0);
    previous = at;
  }
  return data;
}

test('token positions follow the lines exactly as TextDocument.positionAt places them (LF, CR LF, CR)', () => {
  const chunk = fc.constantFrom('ab', 'c ', '\n', '\r\n', '\r', 'Dee');
  fc.assert(
    fc.property(fc.array(chunk, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 12 }), (chunks, picks) => {
      const text = chunks.join('');
      // Names: runs of letters picked at random, in order, not overlapping.
      const runs = [...text.matchAll(/[A-Za-z]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      const chosen = [...new Set(picks.map((p) => p % Math.max(runs.length, 1)))].sort((a, b) => a - b).filter((i) => i < runs.length);
      const entities = chosen.map(
        (i) => ({ type: 'person', mentions: [{ ...runs[i], text: text.slice(runs[i].start, runs[i].end) }], quotes: [] }) as unknown as Entity,
      );
      const document = TextDocument.create('file:///p.txt', 'plaintext', 1, text);
      const pieces = chosen.map((i) => ({ ...runs[i], type: 0 }));
      assert.deepEqual(semanticTokens(document, entities, []).data, referenceData(document, pieces));
    }),
    { numRuns: 300 },
  );
});

test('tokens built from the sorted lookup index of the entity pass are those built from the entities', () => {
  const text = 'Ann Lee and Bo Li met "Ann Lee, Bo and Cy" at the Port Authority.\nCy Ng said so.\n';
  const span = fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 8 }))
    .map(([start, length]) => ({ start, end: Math.min(text.length, start + length) }));
  const entity = fc.record({ type: fc.constantFrom('person', 'organization'), mentions: fc.array(span, { minLength: 1, maxLength: 4 }) });
  const document = TextDocument.create('file:///i.txt', 'plaintext', 1, text);
  const open = text.indexOf('"');
  const quotation = {
    open,
    close: text.indexOf('"', open + 1),
    depth: 0,
    contentStart: open + 1,
    contentEnd: text.indexOf('"', open + 1),
  } as unknown as Quotation;
  fc.assert(
    fc.property(fc.array(entity, { maxLength: 6 }), (drafts) => {
      const entities = drafts.map(
        (d, i) =>
          ({
            id: `e${i}`,
            name: `e${i}`,
            aliases: [],
            role: null,
            quotes: [],
            type: d.type,
            mentions: d.mentions.map((m) => ({ ...m, text: 'x' })),
          }) as unknown as Entity,
      );
      const analysis = withLookup(entities);
      const fromIndex = new SemanticTokenResults().full(document, entities, [quotation], mentionIndexOf(analysis));
      assert.deepEqual(fromIndex.data, semanticTokens(document, entities, [quotation]).data);
    }),
    { numRuns: 300 },
  );
});
