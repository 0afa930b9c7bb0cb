// The server's JSON encoder: an outline's symbols are sent from a cache, and
// every message, outlines included, is written as JSON.stringify would write it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Message } from 'vscode-languageserver/node';
import { withLookup, type Entity } from '../../server/src/analysis/entities';
import { documentSymbols } from '../../server/src/lsp/symbols';
import { asCachedOutline, jsonEncoder } from '../../server/src/lsp/transport';

const draft = 'Mayor Inés Ortega said “the ferry runs again” on Friday.\nThe Harbour Trust said nothing.\n';

function outlineOf(document: TextDocument) {
  const ortega = draft.indexOf('Inés Ortega');
  const trust = draft.indexOf('Harbour Trust');
  const quote = draft.indexOf('the ferry');
  const entities: Entity[] = [
    {
      id: 'p1',
      name: 'Inés Ortega',
      type: 'person',
      aliases: [],
      role: 'Mayor',
      mentions: [{ start: ortega, end: ortega + 'Inés Ortega'.length, text: 'Inés Ortega' }],
      quotes: [{ text: 'the ferry runs again', start: quote, end: quote + 'the ferry runs again'.length }],
    },
    {
      id: 'o1',
      name: 'Harbour Trust',
      type: 'organization',
      aliases: [],
      role: null,
      mentions: [{ start: trust, end: trust + 13, text: 'Harbour Trust' }],
      quotes: [],
    },
  ];
  return documentSymbols(document, withLookup(entities).entities, []);
}

const decoded = async (message: Message) => Buffer.from(await jsonEncoder.encode(message)).toString('utf8');

test('an outline response is written byte for byte as JSON.stringify writes it, the first time and from the cache', async () => {
  const document = TextDocument.create('file:///o.txt', 'plaintext', 1, draft);
  for (let round = 0; round < 2; round++) {
    const response = { jsonrpc: '2.0', id: 7 + round, result: asCachedOutline(outlineOf(document)) } as Message;
    assert.equal(await decoded(response), JSON.stringify(response));
  }
});

test('other messages are written as JSON.stringify writes them', async () => {
  const messages = [
    { jsonrpc: '2.0', id: 'a', result: [{ name: 'not an outline', kind: 5 }] },
    { jsonrpc: '2.0', id: 3, result: null },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///o.txt', diagnostics: [{ message: 'Quotation “opened', range: {} }] } },
  ] as unknown as Message[];
  for (const message of messages) assert.equal(await decoded(message), JSON.stringify(message));
});
