// Model-based fuzzing of the live server's incremental sync. Thousands of
// random didChange edits (random ranges next to surrogate pairs and CRLF,
// multi-change batches, undo-like reversals, the odd full replacement) are
// sent to two open drafts and applied to a reference copy computed here,
// independently of the server's text library. After every batch the server's
// view (copydesk/documentDigest) must equal the reference; diagnostics must
// arrive for the latest version; the process must stay alive with no error
// logged; and its memory must stay bounded.
//
// FUZZ_RUNS=20000 (edits) and FUZZ_SEED=<n> (replay) for longer or repeated runs.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { serverPath, TestClient } from './lspClient';
import { seededRandom } from '../support/seededRandom';

const totalEdits = Number(process.env.FUZZ_RUNS ?? 0) || 3000;
// A failing run can be replayed with FUZZ_SEED.
const seed = Number(process.env.FUZZ_SEED ?? 0) || Date.now() % 1_000_000;

const random = seededRandom(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;

const insertions = [
  'a',
  ' ',
  'said',
  ' Whitfield said.',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '„',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\r\n\r\n',
  '😀',
  '👩‍👩‍👧',
  '𝔸',
  'é',
  'e\u0301',
  'مرحبا',
  '\u200B',
  '\uFEFF',
  '\0',
  '\t',
  '"We will open it this summer, Whitfield said.\r\n',
  'Çavuşoğlu told reporters: "Turkey will stay.\n\n',
  '\uD83D',
  '\uDE00', // lone surrogate halves, which may pair up with a neighbour
];

/** Line starts, counting \r\n, \r and \n as one break each, as LSP does. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

interface Position {
  line: number;
  character: number;
}

function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

function offsetAt(starts: number[], position: Position): number {
  return starts[position.line] + position.character;
}

function isBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return false;
  return !(before === 13 && at === 10);
}

/** A random offset where an editor cursor can stand, often next to a surrogate pair or a line break. */
function randomOffset(text: string): number {
  if (text.length === 0) return 0;
  if (chance(0.4)) {
    // Aim at the interesting neighbourhoods.
    const interesting: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || c === 10 || (c >= 0xd800 && c <= 0xdfff)) interesting.push(i, i + 1, i + 2);
    }
    if (interesting.length > 0) {
      const offset = Math.min(pick(interesting), text.length);
      if (isBoundary(text, offset)) return offset;
    }
  }
  for (;;) {
    const offset = Math.floor(random() * (text.length + 1));
    if (isBoundary(text, offset)) return offset;
  }
}

interface OffsetChange {
  start: number;
  end: number;
  text: string;
}

/** Applies one change to the reference and returns it as the protocol sends it. */
function toProtocol(text: string, change: OffsetChange): TextDocumentContentChangeEvent {
  const starts = lineStarts(text);
  const range = { start: positionAt(starts, change.start), end: positionAt(starts, change.end) };
  // Our position arithmetic is the model: it must map back exactly.
  assert.equal(offsetAt(starts, range.start), change.start);
  assert.equal(offsetAt(starts, range.end), change.end);
  return { range, text: change.text };
}

function randomChange(text: string): OffsetChange {
  const a = randomOffset(text);
  // Keep the drafts a few kilobytes long: delete more as they grow.
  const deleteBias = text.length > 4000 ? 0.8 : 0.35;
  let b = a;
  if (chance(deleteBias)) {
    b = randomOffset(text);
    if (b - a > 400 && text.length < 4000) b = a; // mostly short deletions
  }
  const [start, end] = a <= b ? [a, b] : [b, a];
  const insert = chance(deleteBias) && start !== end ? '' : Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(insertions)).join('');
  return { start, end, text: insert };
}

function digest(text: string): string {
  return createHash('sha1').update(text, 'utf16le').digest('hex');
}

interface Memory {
  rss: number;
  heapUsed: number;
  collected: boolean;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Whether every change of a batch starts and ends where a protocol position
 * can point. An offset between \r and \n cannot be named by a line and
 * character: undoing the insertion of "\n" right after a "\r" is such a case,
 * and an editor would send a different range for it.
 */
function isExpressible(text: string, batch: readonly OffsetChange[]): boolean {
  let scratch = text;
  for (const change of batch) {
    const insideCrlf = (offset: number) => scratch[offset - 1] === '\r' && scratch[offset] === '\n';
    if (insideCrlf(change.start) || insideCrlf(change.end)) return false;
    scratch = scratch.slice(0, change.start) + change.text + scratch.slice(change.end);
  }
  return true;
}

interface Draft {
  uri: string;
  text: string;
  version: number;
  /** The inverse of the last batch, for undo-like reversals. */
  undo?: OffsetChange[];
}

describe(`incremental sync fuzz (seed ${seed}, ${totalEdits} edits)`, () => {
  let client: TestClient;
  let exited: string | undefined;
  before(async () => {
    // --expose-gc lets copydesk/memory measure the live heap, not garbage yet to be collected.
    const child = spawn(process.execPath, ['--expose-gc', serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    client = new TestClient(createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child);
    client.process.on('exit', (code, signal) => {
      exited = `server exited with ${code ?? signal}`;
    });
    await client.initialize();
  });
  after(() => client.stop());

  test('the server view always equals the reference; diagnostics for the latest version; no crash; bounded memory', async () => {
    const drafts: Draft[] = [
      { uri: 'file:///tmp/fuzz-a.txt', text: 'Council backs new park\r\n\r\n"We will open it 😀 this summer, Whitfield said.\r\n', version: 1 },
      { uri: 'file:///tmp/fuzz-b.md', text: '# Héadline\n\n“Quoted,” she said.\rNext 𝔸 line.\n', version: 1 },
    ];
    client.open(drafts[0].uri, drafts[0].text);
    client.open(drafts[1].uri, drafts[1].text, 'markdown');

    let edits = 0;
    let batches = 0;
    let reversals = 0;
    let replacements = 0;
    let digestChecks = 0;
    let afterWarmUp: Memory | undefined;
    let peakRss = 0;
    const started = performance.now();

    while (edits < totalEdits) {
      const draft = pick(drafts);
      let batch: OffsetChange[];
      if (draft.undo && chance(0.2) && isExpressible(draft.text, draft.undo)) {
        batch = draft.undo;
        reversals++;
      } else if (chance(0.005)) {
        batch = [{ start: 0, end: draft.text.length, text: `Replaced whole\r\n"draft ${edits}\n` }];
        replacements++;
      } else {
        batch = [];
        const size = chance(0.3) ? 2 + Math.floor(random() * 4) : 1;
        let scratch = draft.text;
        for (let i = 0; i < size; i++) {
          const change = randomChange(scratch);
          scratch = scratch.slice(0, change.start) + change.text + scratch.slice(change.end);
          batch.push(change);
        }
      }

      // Apply to the reference, building the protocol changes and the inverse batch as we go.
      const textBefore = draft.text;
      const changes: TextDocumentContentChangeEvent[] = [];
      const inverse: OffsetChange[] = [];
      for (const change of batch) {
        if (change.start === 0 && change.end === draft.text.length && batch.length === 1 && chance(0.5)) {
          changes.push({ text: change.text }); // a full-text change, as some clients send
        } else {
          changes.push(toProtocol(draft.text, change));
        }
        inverse.unshift({ start: change.start, end: change.start + change.text.length, text: draft.text.slice(change.start, change.end) });
        draft.text = draft.text.slice(0, change.start) + change.text + draft.text.slice(change.end);
      }
      draft.undo = inverse;
      draft.version = client.change(draft.uri, changes);
      edits += batch.length;
      batches++;

      {
        const view = await client.request<{ version: number; length: number; sha1: string } | null>('copydesk/documentDigest', { uri: draft.uri });
        digestChecks++;
        assert.deepEqual(
          view,
          { version: draft.version, length: draft.text.length, sha1: digest(draft.text) },
          `server view of ${draft.uri} after ${edits} edits (seed ${seed}): ${JSON.stringify(textBefore)} changed by ${JSON.stringify(changes)} should be ${JSON.stringify(draft.text)}`,
        );
      }
      if (batches % 100 === 0) {
        // Let the server catch up now and then: diagnostics must arrive for the version just sent.
        await client.waitForDiagnostics(draft.uri, draft.version, undefined, 15_000);
        if (batches % 1000 === 0 || batches === 200) {
          const memory = await client.request<Memory>('copydesk/memory', {});
          peakRss = Math.max(peakRss, memory.rss);
          if (batches === 200) afterWarmUp = memory;
        }
      }
      assert.equal(exited, undefined, 'the server is alive');
    }

    for (const draft of drafts) {
      await client.waitForDiagnostics(draft.uri, draft.version, undefined, 15_000);
      const view = await client.request('copydesk/documentDigest', { uri: draft.uri });
      assert.deepEqual(view, { version: draft.version, length: draft.text.length, sha1: digest(draft.text) });
    }
    const atEnd = await client.request<Memory>('copydesk/memory', {});
    assert.ok(atEnd.collected, 'the server ran with --expose-gc');
    const errors = [...client.logs.filter((l) => /error|failed|exception/i.test(l)), ...client.messages.filter((m) => m.type === 1).map((m) => m.message)];
    assert.deepEqual(errors, [], 'nothing logged as an error');
    assert.equal(exited, undefined, 'the server is alive');

    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz seed ${seed}: ${edits} edits in ${batches} batches (${reversals} reversals, ${replacements} full replacements), ${digestChecks} digest checks, ${seconds.toFixed(1)} s; live heap after warm-up ${afterWarmUp ? mib(afterWarmUp.heapUsed) : '-'}, at end ${mib(atEnd.heapUsed)}; RSS peak ${mib(peakRss)}, at end ${mib(atEnd.rss)}`,
    );
    // Two drafts of a few KB: the live heap must not grow with the number of edits.
    if (afterWarmUp) {
      assert.ok(atEnd.heapUsed < afterWarmUp.heapUsed + 20 * 1024 * 1024, `live heap grew from ${mib(afterWarmUp.heapUsed)} to ${mib(atEnd.heapUsed)}`);
    }
    assert.ok(atEnd.rss < 400 * 1024 * 1024, `RSS at end ${mib(atEnd.rss)}`);
  });

  test('a digest for a draft the server does not have is null', async () => {
    assert.equal(await client.request('copydesk/documentDigest', { uri: 'file:///tmp/never-opened.txt' }), null);
  });
});
