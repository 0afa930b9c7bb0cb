// The outline: people with the quotations credited to them, organizations, and
// the quotations; in a very long draft each quotation is listed once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../../server/src/analysis/entities';
import type { Quotation } from '../../server/src/analysis/quotes';
import { documentSymbols, quotationsListedTwiceUpTo } from '../../server/src/lsp/symbols';

/** A draft of `count` quoted lines, every other one credited to Rosa Ibarra, written for this test. */
function draftWithQuotations(count: number): { document: TextDocument; entities: Entity[]; quotations: Quotation[] } {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(i % 2 === 0 ? `"The pier closes at ${i}," said Rosa Ibarra.` : `"Crews wait at gate ${i}."`);
  const text = lines.join('\n') + '\n';
  const quotations: Quotation[] = [];
  const credited: { text: string; start: number; end: number }[] = [];
  const mentions: { start: number; end: number; text: string }[] = [];
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    const close = line.indexOf('"', 1);
    quotations.push({ open: offset, close: offset + close, contentStart: offset + 1, contentEnd: offset + close, depth: 0 } as Quotation);
    if (i % 2 === 0) {
      credited.push({ text: line.slice(1, close), start: offset + 1, end: offset + close });
      const at = line.indexOf('Rosa Ibarra');
      mentions.push({ start: offset + at, end: offset + at + 'Rosa Ibarra'.length, text: 'Rosa Ibarra' });
    }
    offset += line.length + 1;
  }
  const rosa = { type: 'person', name: 'Rosa Ibarra', mentions, quotes: credited } as unknown as Entity;
  return { document: TextDocument.create('file:///q.txt', 'plaintext', 1, text), entities: [rosa], quotations };
}

test('a draft of a few quotations lists each under its speaker and again under Quotations', () => {
  const { document, entities, quotations } = draftWithQuotations(6);
  const outline = documentSymbols(document, entities, quotations);
  assert.deepEqual(
    outline.map((s) => [s.name, s.children?.length]),
    [
      ['People', 1],
      ['Quotations', 6],
    ],
  );
  assert.equal(outline[0].children![0].children!.length, 3);
  assert.equal(outline[1].children![0].name, '“The pier closes at 0,”');
});

test('a draft of very many quotations lists each once: under its speaker, or under Other quotations', () => {
  const count = quotationsListedTwiceUpTo + 2;
  const { document, entities, quotations } = draftWithQuotations(count);
  const outline = documentSymbols(document, entities, quotations);
  assert.deepEqual(
    outline.map((s) => s.name),
    ['People', 'Other quotations'],
  );
  const underSpeaker = outline[0].children![0].children!.map((s) => s.range.start.line);
  const others = outline[1].children!.map((s) => s.range.start.line);
  assert.equal(underSpeaker.length + others.length, count);
  assert.deepEqual(
    others,
    Array.from({ length: count / 2 }, (_, i) => 2 * i + 1),
  );
  assert.ok(outline[1].children!.every((s) => /^“Crews wait/.test(s.name)));
});
