// Semantic tokens: names, and quotations cut around the names inside them and
// at line breaks (LF and CR LF), never overlapping and never spanning a break.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../../server/src/analysis/entities';
import type { Quotation } from '../../server/src/analysis/quotes';
import { semanticTokens, semanticTokenTypes } from '../../server/src/lsp/semanticTokens';

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
