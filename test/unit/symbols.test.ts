// The outline: people with the quotations credited to them, organizations, and
// the quotations; in a very long draft each quotation is listed once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findEditedStretch } from '../../server/src/analysis/carryOver';
import { withLookup } from '../../server/src/analysis/entities';
import { mapEntities } from '../../server/src/analysis/session';
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

/** One person a line, each with a quotation, written for this test. */
function peopleDraft(count: number): { text: string; entities: Entity[] } {
  const lines: string[] = [];
  const entities: Entity[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const name = `Ana Ruiz${i}`;
    const line = `${name} said "we build pier ${i}" on Monday.`;
    const quoteStart = offset + line.indexOf('"') + 1;
    const quoteText = `we build pier ${i}`;
    entities.push({
      id: `p${i}`,
      name,
      type: i % 3 === 0 ? 'organization' : 'person',
      aliases: [],
      role: null,
      mentions: [{ start: offset, end: offset + name.length, text: name }],
      quotes: [{ text: quoteText, start: quoteStart, end: quoteStart + quoteText.length }],
    });
    lines.push(line);
    offset += line.length + 1;
  }
  return { text: lines.join('\n') + '\n', entities };
}

test('the outline after an edit, with the symbols it kept from the last outline, is the outline built afresh', () => {
  const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 30 }), insert: fc.constantFrom('', 'x', 'new words ', '\n', 'a\nb', '\r\n') });
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 12 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (count, edits) => {
      const { text, entities } = peopleDraft(count);
      const settled = withLookup(entities);
      // One document through the edits, as the server keeps it: the last outline is kept by the document.
      const document = TextDocument.create('file:///p.txt', 'plaintext', 1, text);
      documentSymbols(document, settled.entities, []);
      let current = text;
      for (const [version, e] of edits.entries()) {
        const at = e.at % (current.length + 1);
        const range = { start: document.positionAt(at), end: document.positionAt(at + e.removed) };
        TextDocument.update(document, [{ range, text: e.insert }], version + 2);
        // An editor cannot split a CRLF: what the document made of the edit is the text.
        current = document.getText();
        const mapped = mapEntities(settled, findEditedStretch(text, current));
        const afresh = TextDocument.create('file:///p.txt', 'plaintext', version + 2, current);
        assert.deepEqual(documentSymbols(document, mapped.entities, []), documentSymbols(afresh, structuredClone(mapped.entities), []));
      }
    }),
    { numRuns: 300 },
  );
});

test('typing on one line keeps the symbols of every other line as the same objects', () => {
  const { text, entities } = peopleDraft(4);
  const settled = withLookup(entities);
  const document = TextDocument.create('file:///p.txt', 'plaintext', 1, text);
  const before = documentSymbols(document, settled.entities, []).flatMap((group) => group.children!);
  // "x" typed on the second line (index 1), between "said" and the quotation.
  const at = text.indexOf(' said', text.indexOf('Ana Ruiz1')) + ' said'.length;
  TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'x' }], 2);
  const mapped = mapEntities(settled, findEditedStretch(text, document.getText()));
  const after = documentSymbols(document, mapped.entities, []).flatMap((group) => group.children!);
  const byName = (list: typeof before, name: string) => list.find((s) => s.name === name)!;
  for (const name of ['Ana Ruiz0', 'Ana Ruiz2', 'Ana Ruiz3']) assert.equal(byName(after, name), byName(before, name), name);
  // The edited line's symbol is new: its quotation moved one character along.
  assert.notEqual(byName(after, 'Ana Ruiz1'), byName(before, 'Ana Ruiz1'));
  assert.equal(byName(after, 'Ana Ruiz1').children![0].range.start.character, byName(before, 'Ana Ruiz1').children![0].range.start.character + 1);
});
