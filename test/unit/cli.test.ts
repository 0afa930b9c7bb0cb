// The `copydesk` command line, run as a real process from its source: exit
// codes, text and JSON output, files it cannot or should not read, and --fix:
// only safe fixes, atomic writes that keep the byte-order mark, line breaks
// and file mode, the original untouched on any error, and no write at all
// without --fix.

import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyEdits, dominantLineBreak, selectSafeFixes } from '../../server/src/analysis/applyFixes';
import type { Finding } from '../../server/src/analysis/types';

const repoRoot = path.resolve(__dirname, '..', '..');
const cliSource = path.join(repoRoot, 'server', 'src', 'cli.ts');
const isRoot = process.getuid?.() === 0;
const nobody = 65534;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `copydesk ...args`; `asNobody` drops root, so file permissions apply as they would to a reporter. */
function copydesk(args: string[], options: { asNobody?: boolean } = {}): Run {
  const spawnOptions: SpawnSyncOptions = { encoding: 'utf8', cwd: repoRoot };
  if (options.asNobody && isRoot) Object.assign(spawnOptions, { uid: nobody, gid: nobody });
  const run = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], spawnOptions);
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

let workDir: string;
let counter = 0;
/** A fresh folder holding one draft; returns the draft's path. */
function draftFile(content: string | Buffer, name = 'draft.txt'): string {
  const dir = path.join(workDir, `case-${++counter}`);
  mkdirSync(dir);
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const clean = 'Council backs new park\n\nThe council voted 7-2 on Tuesday to open the park in June, Mayor Jane Whitfield said.\n';
const unclosed = 'Council backs new park\n\n"We will open it this summer, Mayor Jane Whitfield said.\n';
const unclosedFixed = 'Council backs new park\n\n"We will open it this summer," Mayor Jane Whitfield said.\n';

before(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'copydesk-cli-'));
  chmodSync(workDir, 0o755);
});
after(() => rmSync(workDir, { recursive: true, force: true }));

describe('copydesk check', () => {
  test('a clean draft: exit 0, no output', () => {
    const run = copydesk(['check', draftFile(clean)]);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '');
    assert.equal(run.status, 0);
  });

  test('an error finding: exit 1, one line per finding as file:line:col severity rule-id message', () => {
    const file = draftFile(unclosed);
    const run = copydesk(['check', file]);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^.+:\d+:\d+ (error|warning|info|hint) [a-z-]+ .+$/);
    assert.ok(lines.includes(`${file}:3:1 error unbalanced-quote This quotation is never closed.`), run.stdout);
  });

  test('JSON: an array of {file, diagnostics}', () => {
    const first = draftFile(unclosed);
    const second = draftFile(clean);
    const run = copydesk(['check', '--format', 'json', first, second]);
    assert.equal(run.status, 1);
    const reports = JSON.parse(run.stdout) as { file: string; diagnostics: { code: string; severity: number; range: unknown; message: string }[] }[];
    assert.deepEqual(
      reports.map((r) => r.file),
      [first, second],
    );
    const quote = reports[0].diagnostics.find((d) => d.code === 'unbalanced-quote');
    assert.deepEqual(quote?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
    assert.equal(quote?.severity, 1);
    assert.deepEqual(reports[1].diagnostics, []);
  });

  test('warnings only: exit 0', () => {
    const run = copydesk(['check', draftFile('Council backs new park\n\nThe cost is TK, the council said.\n')]);
    assert.match(run.stdout, / warning leftover /);
    assert.equal(run.status, 0);
  });

  test('an empty file: exit 0, no output', () => {
    const run = copydesk(['check', draftFile('')]);
    assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
  });

  test('a binary file: skipped with a plain sentence, exit 0', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const file = draftFile(bytes, 'photo.txt');
    const run = copydesk(['check', file]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `${file}: Copydesk paused on this draft: it looks like binary data, not text.\n`);
  });

  test('a missing file: exit 2, named, and no output for the other files', () => {
    const missing = path.join(workDir, 'no-such-draft.txt');
    const run = copydesk(['check', draftFile(unclosed), missing]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `copydesk: cannot read ${missing}: no such file\n`);
  });

  test('a folder expands to the drafts inside it, in order; one without drafts is bad usage', () => {
    const folder = path.join(workDir, `case-${++counter}`);
    mkdirSync(path.join(folder, 'desk'), { recursive: true });
    mkdirSync(path.join(folder, '.git'));
    writeFileSync(path.join(folder, 'b.md'), unclosed);
    writeFileSync(path.join(folder, 'desk', 'a.story'), unclosed);
    writeFileSync(path.join(folder, 'photo.jpg'), 'not a draft');
    writeFileSync(path.join(folder, '.git', 'c.txt'), unclosed);
    const run = copydesk(['check', '--format', 'json', folder]);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { file: string }[]).map((r) => r.file),
      [path.join(folder, 'b.md'), path.join(folder, 'desk', 'a.story')],
    );
    const empty = path.join(workDir, `case-${++counter}`);
    mkdirSync(empty);
    const none = copydesk(['check', empty]);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, `copydesk: no drafts (.txt .md .article .story) in ${empty}\n`);
  });

  test('an unreadable file: exit 2', () => {
    const file = draftFile(unclosed);
    chmodSync(file, 0o000);
    const run = copydesk(['check', file], { asNobody: true });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `copydesk: cannot read ${file}: permission denied\n`);
  });

  test('bad usage: exit 2 with the usage', () => {
    for (const args of [[], ['check'], ['check', '--format', 'xml', 'x.txt'], ['check', '--frobnicate', 'x.txt'], ['publish']]) {
      const run = copydesk(args);
      assert.equal(run.status, 2, `copydesk ${args.join(' ')}`);
      assert.match(run.stderr, /Usage:/, `copydesk ${args.join(' ')}`);
    }
  });

  test('without --fix, nothing is written: same bytes, same modification time', () => {
    const file = draftFile(unclosed);
    const before = statSync(file);
    copydesk(['check', file]);
    copydesk(['check', '--format', 'json', file]);
    assert.equal(readFileSync(file, 'utf8'), unclosed);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    assert.deepEqual(readdirSync(path.dirname(file)), ['draft.txt']);
  });
});

describe('copydesk check --fix', () => {
  test('applies the safe fixes, reports what is left, leaves no temporary file', () => {
    const file = draftFile(unclosed);
    const run = copydesk(['check', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), unclosedFixed);
    assert.match(run.stderr, /fixed 1 problem\n/);
    assert.doesNotMatch(run.stdout, /unbalanced-quote/, 'the fixed finding is not reported');
    assert.equal(run.status, 0);
    assert.deepEqual(readdirSync(path.dirname(file)), ['draft.txt']);
  });

  test('keeps the byte-order mark, CRLF line breaks and the file mode', () => {
    const crlf = `\ufeff${unclosed.replace(/\n/g, '\r\n')}More news: the vote\r\n`;
    const file = draftFile(crlf);
    chmodSync(file, 0o640);
    const run = copydesk(['check', '--fix', file]);
    assert.equal(run.status, 0, run.stderr);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte-order mark');
    assert.equal(bytes.toString('utf8').slice(1), unclosedFixed.replace(/\n/g, '\r\n'), 'quote closed, boilerplate line deleted, CRLF kept');
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  test('a draft with nothing safe to fix is not rewritten', () => {
    const file = draftFile(clean);
    const before = statSync(file);
    assert.equal(copydesk(['check', '--fix', file]).status, 0);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    assert.equal(statSync(file).ino, before.ino, 'not replaced');
  });

  test('through a symbolic link, the real file is fixed and the link stays a link', () => {
    const file = draftFile(unclosed);
    const link = path.join(path.dirname(file), 'link.txt');
    symlinkSync(file, link);
    assert.equal(copydesk(['check', '--fix', link]).status, 0);
    assert.equal(readFileSync(file, 'utf8'), unclosedFixed);
    assert.ok(statSync(link, { throwIfNoEntry: true }) && readdirSync(path.dirname(file)).sort().join() === 'draft.txt,link.txt');
  });

  test('in a read-only folder: exit 2, a plain message, the original intact, no temporary file', () => {
    const file = draftFile(unclosed);
    const dir = path.dirname(file);
    if (isRoot) chownSync(file, nobody, nobody); // the reporter owns the draft, not the folder
    chmodSync(dir, 0o555);
    try {
      const run = copydesk(['check', '--fix', file], { asNobody: true });
      assert.equal(run.status, 2);
      assert.match(run.stderr, new RegExp(`cannot write ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: permission denied; the file is unchanged`));
      assert.equal(readFileSync(file, 'utf8'), unclosed);
      assert.deepEqual(readdirSync(dir), ['draft.txt']);
      assert.match(run.stdout, /unbalanced-quote/, 'the findings are still reported');
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  test('a file that is not UTF-8: not rewritten, exit 2', () => {
    const latin1 = Buffer.from(unclosed.replace('Council', 'Conseil général'), 'latin1');
    const file = draftFile(latin1);
    const run = copydesk(['check', '--fix', file]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is not UTF-8 text; not fixed, the file is unchanged/);
    assert.deepEqual(readFileSync(file), latin1);
  });

  test('several files: each fixed on its own', () => {
    const first = draftFile(unclosed);
    const second = draftFile(unclosed.replace(/\n/g, '\r'));
    assert.equal(copydesk(['check', '--fix', first, second]).status, 0);
    assert.equal(readFileSync(first, 'utf8'), unclosedFixed);
    assert.equal(readFileSync(second, 'utf8'), unclosedFixed.replace(/\n/g, '\r'));
  });
});

describe('choosing the fixes to apply without looking', () => {
  const finding = (start: number, fixes: Finding['fixes']): Finding => ({ ruleId: 'r', start, end: start + 1, message: 'm', severity: 'error', fixes });
  const safe = (start: number, end: number, text: string) => ({ title: 't', preferred: true, safe: true, edits: [{ start, end, text }] });

  test('only preferred fixes marked safe', () => {
    const { edits, fixed } = selectSafeFixes(
      [finding(0, [{ ...safe(0, 1, 'A'), preferred: false }]), finding(2, [{ ...safe(2, 3, 'B'), safe: false }]), finding(4, [safe(4, 5, 'C')])],
      'abcdefg',
    );
    assert.equal(fixed, 1);
    assert.equal(applyEdits('abcdefg', edits), 'abcdCfg');
  });

  test('never two that overlap or touch the same offset', () => {
    const { edits, fixed } = selectSafeFixes(
      [finding(0, [safe(1, 3, 'X')]), finding(2, [safe(2, 4, 'Y')]), finding(3, [safe(3, 3, 'Z')]), finding(5, [safe(5, 6, 'W')])],
      'abcdefg',
    );
    assert.equal(fixed, 2);
    assert.equal(applyEdits('abcdefg', edits), 'aXdeWg');
  });

  test('inserted line breaks follow the draft', () => {
    assert.equal(dominantLineBreak('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(dominantLineBreak('a\rb\r'), '\r');
    assert.equal(dominantLineBreak('no breaks'), '\n');
    const { edits } = selectSafeFixes([finding(1, [safe(1, 1, '\n\n')])], 'a\r\nb');
    assert.equal(applyEdits('a\r\nb', edits), 'a\r\n\r\n\r\nb');
  });
});
