// People and organizations over the real server: hover, document symbols,
// references, highlights, rename and semantic tokens.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentHighlight, DocumentSymbol, Hover, Location, MarkupContent, Position, SemanticTokens, WorkspaceEdit } from 'vscode-languageserver';
import { applyEdits, startServer, type TestClient } from './lspClient';

// A short story of our own, in the shape of a wire report.
const story = [
  'Minister backs bridge plan',
  '',
  'Transport Minister Ana Whitfield said on Monday the Harbour Bridge Authority would start work in May.',
  '',
  '"We have waited long enough for this bridge," Whitfield told reporters.',
  '',
  "The Harbour Bridge Authority said the cost was still being reviewed. Whitfield's office declined to comment further.",
  '',
].join('\n');

function positionOf(text: string, needle: string, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} occurs ${nth + 1} times`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('entity features over the real server', () => {
  let client: TestClient;
  const uri = 'file:///tmp/entities-story.txt';

  before(async () => {
    client = startServer('stdio');
    await client.initialize();
    client.open(uri, story);
    await client.waitForDiagnostics(uri, 1);
  });
  after(() => client.stop());

  test('hover on a surname shows the person, the role and the quotation', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(story, 'Whitfield told'),
    });
    assert.ok(hover, 'a hover');
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Ana Whitfield\*\* · person/);
    assert.match(value, /Transport Minister/);
    assert.match(value, /3 mentions, first on line 3/);
    assert.match(value, /We have waited long enough for this bridge/);
    assert.doesNotMatch(value, /[{}]"/, 'no raw JSON');
  });

  test('no hover on words that are not names', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(story, 'bridge plan'),
    });
    assert.equal(hover, null);
  });

  test('references and highlights cover every mention, possessive included', async () => {
    const position = positionOf(story, 'Whitfield said');
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    assert.equal(locations.length, 3);
    const highlighted = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position });
    assert.deepEqual(
      highlighted.map((h) => h.range.start),
      locations.map((l) => l.range.start),
    );
  });

  test('rename keeps possessives and the first name', async () => {
    const position = positionOf(story, "Whitfield's");
    const prepared = await client.request<{ placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.equal(prepared?.placeholder, 'Whitfield');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'Whitaker' });
    const renamed = applyEdits(story, edit.changes![uri]);
    assert.equal(renamed, story.replaceAll('Whitfield', 'Whitaker'));
    assert.match(renamed, /Ana Whitaker said/);
    assert.match(renamed, /Whitaker's office/);
  });

  test('document symbols outline people, organizations and quotations', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const byName = new Map(symbols.map((s) => [s.name, s]));
    assert.deepEqual([...byName.keys()], ['People', 'Organizations', 'Quotations']);
    const people = byName.get('People')!.children!;
    const whitfield = people.find((c) => c.name === 'Ana Whitfield · Transport Minister');
    assert.ok(whitfield, `"Ana Whitfield · Transport Minister" among ${people.map((c) => c.name).join(', ')}`);
    assert.equal(whitfield.children?.length, 1, 'her quotation under her');
    // Her range is her first mention only: the breadcrumb must not name her on later, unrelated lines.
    assert.deepEqual(whitfield.range, { start: positionOf(story, 'Ana Whitfield'), end: { line: 2, character: 'Transport Minister Ana Whitfield'.length } });
    assert.deepEqual(whitfield.selectionRange, whitfield.range);
    const quote = whitfield.children![0];
    assert.equal(quote.range.start.line, 4, 'the quotation keeps its own place');
    assert.ok(byName.get('Organizations')!.children!.some((c) => c.name === 'Harbour Bridge Authority'));
    assert.equal(byName.get('Quotations')!.children!.length, 1);
  });

  test('semantic tokens mark people, organizations and quotations without overlap', async () => {
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    const lines = story.split('\n');
    const decoded: { type: string; text: string }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      decoded.push({ type: legend.tokenTypes[type], text: lines[line].slice(character, character + length) });
    }
    assert.ok(decoded.some((t) => t.type === 'person' && t.text === 'Whitfield'));
    assert.ok(decoded.some((t) => t.type === 'organization' && t.text === 'Harbour Bridge Authority'));
    assert.ok(decoded.some((t) => t.type === 'quotation' && t.text.startsWith('"We have waited')));
  });
});

describe('entity features on a long draft', () => {
  test('answer at once while the draft is first read, and with cards once it is', async () => {
    const client = startServer('stdio');
    try {
      await client.initialize();
      client.settings = { maxDraftSize: 10_000_000 };
      // The NLP layer loads once per server (about a second) right after the first draft's
      // diagnostics; a short draft first, as in an editor session, so what is checked below is
      // the long draft's first pass, not that one-time load.
      const warmUri = 'file:///tmp/entities-warm.txt';
      const warmStatuses = client.notifications.length;
      client.open(warmUri, 'Bridge plan\n\nMayor Ana Ruiz said the work would start in May.\n');
      await client.waitFor(
        'the short draft analysed',
        () => client.notifications.slice(warmStatuses).some((n) => n.method === 'copydesk/draftStatus' && (n.params as { uri: string }).uri === warmUri),
        60_000,
      );
      const uri = 'file:///tmp/entities-huge.txt';
      const paragraph = 'Transport Minister Ana Whitfield said the Harbour Bridge Authority would start work in May. ';
      const text = `Bridge plan\n\n${`${paragraph.repeat(4)}\n\n`.repeat(400)}`;
      assert.ok(text.length > 100_000);
      const statusesBefore = client.notifications.length;
      client.open(uri, text);
      await client.waitForDiagnostics(uri, 1);
      const fullPassDone = () =>
        client.notifications.slice(statusesBefore).some((n) => n.method === 'copydesk/draftStatus' && (n.params as { uri: string }).uri === uri);
      // Before the first full pass, the answer may be empty, never late: it comes back before the pass is done.
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Whitfield') });
      assert.ok(!fullPassDone(), 'the hover did not wait for the first full pass');
      await client.waitFor('the full analysis', fullPassDone, 60_000);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Whitfield', 1500) });
      assert.ok(hover, 'a card for a name near the end of the draft');
      assert.match((hover.contents as MarkupContent).value, /Ana Whitfield/);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0, 'the outline lists people');
    } finally {
      await client.stop();
    }
  });
});
