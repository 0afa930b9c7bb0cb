// Huge and odd drafts against the live server: 10 MB of text, a single 1 MB
// line, 100,000 one-word paragraphs, a binary file opened as text. While each
// is opened and analysed, a small request on another draft is sent again and
// again. The work must come in slices: no answer may wait for a large share
// of the whole analysis (a ratio, so a slow or shared machine does not fail
// it; the latencies themselves are the benchmark's, `npm run bench`). Over
// the size limit, Copydesk says so once, plainly, and publishes nothing.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestClient } from './lspClient';

/**
 * The analysis was sliced: the slowest answer during it waited for at most
 * `share` of it. A server that analysed in one piece would make some answer
 * wait for nearly all of it. Analyses too short to slice prove nothing.
 */
function assertSliced(slowestMs: number, analysedMs: number, what: string, share: number): void {
  if (analysedMs < 300) return;
  assert.ok(slowestMs < analysedMs * share, `${what}: an answer waited ${slowestMs.toFixed(0)} ms of an analysis of ${analysedMs.toFixed(0)} ms`);
}
/** News copy: the slow phase (most of the work) runs in 10 ms slices. */
const proseShare = 1 / 3;
/**
 * A pathological draft (one 1 MB line): splitting it and the keystroke rules
 * still run in one piece each, a known limit; the server must not be deaf for
 * the whole analysis.
 */
const pathologicalShare = 0.9;

const smallUri = 'file:///tmp/huge-small.txt';
const smallText = 'Council backs new park\n\n"We will open it this summer, Whitfield said.\n';

interface DraftStatus {
  uri: string;
  words: number;
  paused?: string;
}

/**
 * Sends hover and code-action requests on the small draft back to back until `done`
 * settles, and returns the slowest answer in ms and how many were sent.
 */
async function probeWhile<T>(client: TestClient, done: Promise<T>): Promise<{ value: T; slowestMs: number; probes: number }> {
  let finished = false;
  let failure: unknown;
  let value!: T;
  const settled = done.then(
    (v) => {
      value = v;
      finished = true;
    },
    (error) => {
      failure = error;
      finished = true;
    },
  );
  let slowestMs = 0;
  let probes = 0;
  while (!finished) {
    const started = performance.now();
    // Alternately a hover (on "Whitfield") and a code action, as a writer's editor sends them.
    if (probes % 2 === 0) {
      await client.request('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 2, character: 38 } });
    } else {
      await client.request('textDocument/codeAction', {
        textDocument: { uri: smallUri },
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } },
        context: { diagnostics: [] },
      });
    }
    slowestMs = Math.max(slowestMs, performance.now() - started);
    probes++;
    // Pace the probes a little, so the server spends its time on the huge draft.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await settled;
  if (failure) throw failure;
  return { value, slowestMs, probes };
}

function statusFor(client: TestClient, uri: string, condition: (s: DraftStatus) => boolean): DraftStatus | undefined {
  for (let i = client.notifications.length - 1; i >= 0; i--) {
    const n = client.notifications[i];
    if (n.method === 'copydesk/draftStatus' && (n.params as DraftStatus).uri === uri && condition(n.params as DraftStatus)) return n.params as DraftStatus;
  }
  return undefined;
}

/** A draft of about `size` characters of news copy, with quotations, in paragraphs. */
function newsCopy(size: number): string {
  const paragraph = '"We will open the park this summer," Whitfield said, adding that the council voted 7-2 on Tuesday.\n\n';
  return paragraph.repeat(Math.ceil(size / paragraph.length)).slice(0, size);
}

describe('huge and odd drafts', () => {
  let client: TestClient;
  const figures: string[] = [];
  before(async () => {
    client = startServer('stdio');
    await client.initialize();
    client.open(smallUri, smallText);
    await client.waitForDiagnostics(smallUri, 1);
  });
  after(async () => {
    console.log(`huge drafts:\n  ${figures.join('\n  ')}`);
    assert.equal(client.process.exitCode, null, 'the server is still running');
    await client.stop();
  });

  test('10 MB of text: paused with one plain message, nothing published, the server responsive', async () => {
    const uri = 'file:///tmp/huge-10mb.txt';
    const text = newsCopy(10_000_000);
    const messagesBefore = client.messages.length;
    client.open(uri, text);
    const { value: diagnostics, slowestMs, probes } = await probeWhile(client, client.waitForDiagnostics(uri, 1, undefined, 60_000));
    assert.deepEqual(diagnostics, []);
    const notice = await client.waitFor('the paused notice', () => client.messages.slice(messagesBefore).find((m) => /paused/.test(m.message)));
    assert.equal(notice.message, 'Copydesk paused on this draft: 10 MB is over the 2 MB limit, see copydesk.maxDraftSize.');
    assert.equal(notice.type, 2, 'a warning');

    // Typing on: still paused, and not said again.
    let version = 1;
    for (const word of ['More', ' words', ' here.']) {
      version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: word }]);
    }
    await client.waitForDiagnostics(uri, version);
    await client.waitFor('the paused status', () => statusFor(client, uri, (s) => s.paused !== undefined));
    assert.equal(client.messages.slice(messagesBefore).filter((m) => /paused/.test(m.message)).length, 1, 'said once');
    figures.push(`10 MB: paused; slowest of ${probes} hover/code-action probes ${slowestMs.toFixed(1)} ms`);
    assert.ok(probes > 0, 'the other draft was answered meanwhile');

    // Cut down below the limit, it is checked again.
    const small = client.change(uri, [{ text: '"Short again, she said.\n' }]);
    await client.waitForDiagnostics(uri, small);
    await client.waitFor('unpaused', () => statusFor(client, uri, (s) => s.paused === undefined));
    client.close(uri);
  });

  test('a single 1 MB line: analysed or bounded, the server responsive', async () => {
    const uri = 'file:///tmp/huge-one-line.txt';
    const text = newsCopy(1_000_000).replace(/\n/g, ' ');
    const started = performance.now();
    client.open(uri, text);
    const { slowestMs, probes } = await probeWhile(
      client,
      // The status notification follows the slow (NLP) phase: the whole analysis is done.
      client.waitFor('the status after analysis', () => statusFor(client, uri, (s) => s.words > 0), 120_000),
    );
    const analysedMs = performance.now() - started;
    assert.ok(client.diagnosticsFor(uri, 1), 'diagnostics for version 1');
    figures.push(`1 MB single line: analysed in ${analysedMs.toFixed(0)} ms; slowest of ${probes} probes ${slowestMs.toFixed(1)} ms`);
    assertSliced(slowestMs, analysedMs, 'a 1 MB line', pathologicalShare);
    client.close(uri);
  });

  test('a paragraph of 3,000 stray quotation marks: every mark flagged, no repair guessed, the server responsive', async () => {
    const uri = 'file:///tmp/huge-stray-marks.txt';
    // A table of heights pasted as one paragraph: not copy that lost a mark.
    const rows = Array.from({ length: 3_000 }, (_, i) => `row ${i}” b`).join(' ');
    const text = `Heights\n\nThe table follows.\n\n${rows}\n`;
    const started = performance.now();
    client.open(uri, text);
    const { value: diagnostics, slowestMs, probes } = await probeWhile(client, client.waitForDiagnostics(uri, 1, undefined, 60_000));
    const analysedMs = performance.now() - started;
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) assert.match(d.message, /does not suggest a repair/);
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    assert.ok(!actions.some((a) => /quotation/i.test(a.title)), `no repair offered: ${actions.map((a) => a.title).join('; ')}`);
    figures.push(
      `3,000 stray marks in one paragraph: ${diagnostics.length} diagnostics in ${analysedMs.toFixed(0)} ms; slowest of ${probes} probes ${slowestMs.toFixed(1)} ms`,
    );
    assertSliced(slowestMs, analysedMs, '3,000 stray marks', pathologicalShare);
    client.close(uri);
  });

  test('a long draft of news copy: every rule runs, names included, the server responsive', async () => {
    const uri = 'file:///tmp/huge-budget.txt';
    // Distinct paragraphs (no cache hits), with names, quotations and organizations.
    const names = ['Whitfield', 'Ostrowski', 'Tillerson', 'Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Nakamura'];
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join('\n\n').length < 95_000; i++) {
      const name = names[i % names.length];
      paragraphs.push(
        `"We will open park number ${i} this summer," Mayor Jane ${name} said on Tuesday, adding that Cascade Energy would pay for ${i % 9} new benches.`,
      );
    }
    const text = `Council backs new parks\n\n${paragraphs.join('\n\n')}\n`;
    const started = performance.now();
    client.open(uri, text);
    const { slowestMs, probes } = await probeWhile(
      client,
      client.waitFor('the status after analysis', () => statusFor(client, uri, (s) => s.words > 0), 120_000),
    );
    const analysedMs = performance.now() - started;
    figures.push(
      `${(text.length / 1000).toFixed(0)} KB of news copy, every rule: analysed in ${analysedMs.toFixed(0)} ms; slowest of ${probes} probes ${slowestMs.toFixed(1)} ms`,
    );
    assertSliced(slowestMs, analysedMs, 'a long draft of news copy', proseShare);
    // People are known to the end of the draft: a hover on the last paragraph's mayor shows a card.
    const lines = text.split('\n');
    const lastLine = lines.length - 2;
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: lastLine, character: lines[lastLine].indexOf('Mayor Jane') + 'Mayor Jane '.length + 1 },
    });
    assert.ok(hover, 'a hover card near the end of the draft');
    assert.match(hover.contents.value, /Jane \p{Lu}\p{Ll}+/u);
    client.close(uri);
  });

  /**
   * 100,000 one-word paragraphs, a finding in every `findingEvery`-th. Returns
   * the slowest probe answers during the analysis and after an edit in the middle.
   */
  async function manyParagraphs(uri: string, words: string[], label: string): Promise<void> {
    const text = Array.from({ length: 100_000 }, (_, i) => words[i % words.length]).join('\n\n');
    const started = performance.now();
    client.open(uri, text);
    const { slowestMs, probes } = await probeWhile(
      client,
      client.waitFor('the status after analysis', () => statusFor(client, uri, (s) => s.words > 0), 120_000),
    );
    const analysedMs = performance.now() - started;
    const diagnostics = client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics, 'diagnostics for version 1');

    // An edit in the middle of it is answered as promptly.
    const editStarted = performance.now();
    const version = client.change(uri, [{ range: { start: { line: 100_000, character: 0 }, end: { line: 100_000, character: 0 } }, text: '"' }]);
    const { slowestMs: slowestAfterEdit } = await probeWhile(client, client.waitForDiagnostics(uri, version, undefined, 60_000));
    const editMs = performance.now() - editStarted;
    figures.push(
      `${label} (${(text.length / 1000).toFixed(0)} KB): analysed in ${analysedMs.toFixed(0)} ms, ${diagnostics.length} diagnostics published; slowest of ${probes} probes ${slowestMs.toFixed(1)} ms; after an edit in the middle, diagnostics in ${editMs.toFixed(0)} ms, slowest probe ${slowestAfterEdit.toFixed(1)} ms`,
    );
    client.close(uri);
    // A known limit, reported as a figure: splitting 100,000 paragraphs and the keystroke rules over
    // them run in one piece (about a second on 2 cores), before and after an edit alike, and that is
    // nearly all of the analysis when the names are off for so many paragraphs. What is checked is
    // that the server survives it, answers, and publishes.
    assert.ok(probes > 0, 'the other draft was answered meanwhile');
  }

  test('100,000 one-word paragraphs: analysed, the server responsive', async () => {
    const words = ['Council', 'said', 'park.', 'Whitfield', 'yes', 'Tuesday', 'votes'];
    await manyParagraphs('file:///tmp/huge-paragraphs.txt', words, '100,000 paragraphs');
  });

  test('100,000 one-word paragraphs, a third of them findings (TK, unclosed quotes): the server responsive', async () => {
    const words = ['Council', 'said', '"Yes', 'park.', 'Whitfield', 'TK'];
    await manyParagraphs('file:///tmp/huge-findings.txt', words, '100,000 paragraphs, 33,333 findings');
  });

  test('a binary file opened as text: paused once, plainly', async () => {
    const uri = 'file:///tmp/huge-binary.txt';
    // Deterministic noise, decoded as an editor would decode a binary file as UTF-8.
    const bytes = Buffer.alloc(256 * 1024);
    let state = 12345;
    for (let i = 0; i < bytes.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    const text = bytes.toString('utf8');
    const messagesBefore = client.messages.length;
    client.open(uri, text);
    const { value: diagnostics, slowestMs, probes } = await probeWhile(client, client.waitForDiagnostics(uri, 1, undefined, 30_000));
    assert.deepEqual(diagnostics, []);
    const notice = await client.waitFor('the binary notice', () => client.messages.slice(messagesBefore).find((m) => /binary/.test(m.message)));
    assert.equal(notice.message, 'Copydesk paused on this draft: it looks like binary data, not text.');
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.waitForDiagnostics(uri, version);
    assert.equal(client.messages.slice(messagesBefore).filter((m) => /binary/.test(m.message)).length, 1, 'said once');
    figures.push(`binary 256 KB: paused; slowest probe ${slowestMs.toFixed(1)} ms`);
    assert.ok(probes > 0, 'the other draft was answered meanwhile');
    client.close(uri);
  });

  test('no error was logged', () => {
    assert.deepEqual(
      client.logs.filter((l) => /error|failed|exception/i.test(l)),
      [],
    );
  });
});
