// `copydesk check` in pipelines: every report format (SARIF validated against
// the SARIF 2.1.0 schema), standard input, --changed in a real git repository,
// --max-warnings, --jobs (same output whatever N), and bad input: each gets
// one plain message and the documented exit code, never a stack trace. The SARIF
// schema (test/fixtures/sarif-2.1.0-rtm.5.json) is the OASIS SARIF 2.1.0 schema as
// shipped in @microsoft/jest-sarif (MIT), vendored so the test runs offline.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { checkJob } from '../../server/src/cli';
import { formatReports, type FileReport } from '../../server/src/cli/formats';
import { parseUnifiedDiff } from '../../server/src/cli/changed';
import { progressBar, progressThreshold } from '../../server/src/cli/progress';
import { rules } from '../../server/src/analysis/rules/index';

const repoRoot = path.resolve(__dirname, '..', '..');
const cliSource = path.join(repoRoot, 'server', 'src', 'cli.ts');
const sample = path.join('samples', 'aid-convoy.txt');
const packageVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
function copydesk(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  // tsx by absolute path: --changed runs in repositories outside this one.
  const run = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), cliSource, ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}
const noStackTrace = (run: Run) => assert.doesNotMatch(run.stderr, /\n\s+at |Error:/, run.stderr);

let workDir: string;
before(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'copydesk-pipeline-'));
});
after(() => rmSync(workDir, { recursive: true, force: true }));

const unclosed = 'Council backs new park\n\n"We will open it this summer, Mayor Jane Whitfield said.\n';
const warningsOnly = 'Council backs new park\n\nThe cost is TK, the council said. The date is TK.\n';

describe('report formats', () => {
  test('SARIF 2.1.0: valid against the schema, with rule metadata, help links and the fixes', () => {
    const run = copydesk(['check', '--format', 'sarif', sample]);
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as any;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = ajv.compile(schema);
    assert.ok(validate({ ...log }), JSON.stringify(validate.errors, null, 2));
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.version, packageVersion);
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      rules.map((r) => r.id),
    );
    for (const rule of driver.rules) {
      // Help points at the rule's doc shipped with Copydesk (there is no public address yet).
      assert.match(rule.helpUri, new RegExp(`^file:///.+/docs/rules/${rule.id}\\.md$`));
      assert.match(rule.help.text, new RegExp(`docs/rules/${rule.id}\\.md`));
      assert.ok(rule.shortDescription.text.length > 10);
    }
    const quote = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unbalanced-quote');
    assert.equal(quote.level, 'error');
    assert.equal(driver.rules[quote.ruleIndex].id, 'unbalanced-quote');
    assert.deepEqual(quote.locations[0].physicalLocation, {
      artifactLocation: { uri: 'samples/aid-convoy.txt' },
      region: { startLine: 19, startColumn: 1, endLine: 19, endColumn: 2 },
    });
    // The preferred fix closes the quotation after "checked," on the same line.
    const text = readFileSync(path.join(repoRoot, sample), 'utf8').split('\n')[18];
    const [replacement] = quote.fixes[0].artifactChanges[0].replacements;
    assert.equal(replacement.insertedContent.text, '"');
    assert.equal(replacement.deletedRegion.startLine, 19);
    assert.equal(text.slice(0, replacement.deletedRegion.startColumn - 1).slice(-8), 'checked,');
  });

  test('GitHub workflow commands: one per finding, with the end of the range and the rule as title', () => {
    const run = copydesk(['check', '--format', 'github', sample]);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(
      lines.includes(
        '::error file=samples/aid-convoy.txt,line=19,col=1,endLine=19,endColumn=2,title=Copydesk unbalanced-quote::This quotation is never closed.',
      ),
      run.stdout,
    );
    // In the message, only %, CR and LF are escaped: the colon stays.
    assert.ok(
      lines.includes(
        '::warning file=samples/aid-convoy.txt,line=14,col=1,endLine=14,endColumn=60,title=Copydesk leftover::"More news:" is web or wire boilerplate left in the copy; delete the line before publishing.',
      ),
      run.stdout,
    );
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=Copydesk [a-z-]+::.+$/);
  });

  test('GitHub workflow commands escape %, CR, LF in the message and also : and , in the properties', () => {
    const report: FileReport = {
      file: 'desk/a,b:c.txt',
      diagnostics: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
          severity: 3,
          code: 'leftover',
          message: '100% done\r\nnext: line, more',
        },
      ],
    };
    assert.equal(
      formatReports('github', [report], { rules, version: '1' }),
      '::notice file=desk/a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=2,title=Copydesk leftover::100%25 done%0D%0Anext: line, more\n',
    );
  });

  test('checkstyle and JUnit: one entry per finding, XML-escaped, clean drafts listed', () => {
    const report: FileReport[] = [
      {
        file: 'a&b.txt',
        diagnostics: [
          { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } }, severity: 2, code: 'leftover', message: 'Say "TK" <never> & \u0001' },
        ],
      },
      { file: 'clean.txt', diagnostics: [] },
    ];
    const checkstyle = formatReports('checkstyle', report, { rules, version: '1' });
    assert.equal(
      checkstyle,
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="a&amp;b.txt">',
        '    <error line="3" column="5" severity="warning" message="Say &quot;TK&quot; &lt;never&gt; &amp; " source="copydesk.leftover"/>',
        '  </file>',
        '  <file name="clean.txt">',
        '  </file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
    const junit = formatReports('junit', report, { rules, version: '1' });
    assert.match(junit, /<testsuites name="copydesk" tests="2" failures="1" errors="0">/);
    assert.match(
      junit,
      /<testcase classname="a&amp;b.txt" name="leftover 3:5">\n\s+<failure type="warning" message="Say &quot;TK&quot; &lt;never&gt; &amp; ">a&amp;b.txt:3:5 warning leftover Say &quot;TK&quot; &lt;never&gt; &amp; <\/failure>/,
    );
    assert.match(junit, /<testcase classname="clean.txt" name="no findings"\/>/);
  });

  test('an unknown format: exit 2, one plain message and the usage', () => {
    const run = copydesk(['check', '--format', 'xml', sample]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^copydesk: --format must be text, json, sarif, github, checkstyle, junit; not xml\n\nUsage:/);
    noStackTrace(run);
  });
});

describe('inputs and limits', () => {
  test('- reads the draft from standard input; --stdin-filename names it and picks its language', () => {
    const markdown = '---\ntitle: "x\n---\n\n# Park\n\n"We will open it, Mayor Jane Whitfield said.\n';
    const run = copydesk(['check', '--format', 'json', '--stdin-filename', 'desk/park.md', '-'], { input: markdown });
    assert.equal(run.status, 1, run.stderr);
    const [report] = JSON.parse(run.stdout) as FileReport[];
    assert.equal(report.file, 'desk/park.md');
    // Front matter is not prose in Markdown: only the quotation in the body is flagged.
    assert.deepEqual(
      report.diagnostics.filter((d) => d.code === 'unbalanced-quote').map((d) => d.range.start.line),
      [6],
    );
    const unnamed = copydesk(['check', '-'], { input: unclosed });
    assert.match(unnamed.stdout, /^<stdin>:3:1 error unbalanced-quote This quotation is never closed.\n/);
  });

  test('--max-warnings N: more warnings than N exit 1 with a plain message; N or fewer exit 0', () => {
    const file = path.join(workDir, 'warnings.txt');
    writeFileSync(file, warningsOnly);
    assert.equal(copydesk(['check', '--max-warnings', '2', file]).status, 0);
    const over = copydesk(['check', '--max-warnings', '1', file]);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'copydesk: 2 warnings, more than --max-warnings 1\n');
    const bad = copydesk(['check', '--max-warnings', 'many', file]);
    assert.equal(bad.status, 2);
    noStackTrace(bad);
  });

  test('--jobs: the same output, byte for byte, with 1 or 3 worker threads', () => {
    const folder = path.join(workDir, 'desk');
    mkdirSync(folder);
    for (let i = 0; i < 7; i++) writeFileSync(path.join(folder, `story-${i}.txt`), i % 2 ? unclosed : warningsOnly);
    const one = copydesk(['check', '--jobs', '1', '--format', 'json', folder, 'samples']);
    const three = copydesk(['check', '--jobs', '3', '--format', 'json', folder, 'samples']);
    assert.equal(one.status, 1);
    assert.equal(three.status, 1);
    assert.equal(three.stdout, one.stdout);
    assert.equal((JSON.parse(one.stdout) as FileReport[]).length, 10);
  });

  test('a binary file among drafts: skipped with one sentence, the others still checked', () => {
    const folder = path.join(workDir, 'mixed');
    mkdirSync(folder);
    const binary = Buffer.alloc(2048);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
    writeFileSync(path.join(folder, 'a-photo.txt'), binary);
    writeFileSync(path.join(folder, 'b-story.txt'), unclosed);
    const run = copydesk(['check', '--jobs', '2', folder]);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `${path.join(folder, 'a-photo.txt')}: Copydesk paused on this draft: it looks like binary data, not text.\n`);
    assert.ok(run.stdout.startsWith(`${path.join(folder, 'b-story.txt')}:3:1 error unbalanced-quote This quotation is never closed.\n`), run.stdout);
    assert.doesNotMatch(run.stdout, /a-photo/);
  });

  test('a file that disappears after the run starts: one sentence, not checked, the run exits 2', () => {
    const gone = path.join(workDir, 'gone.txt');
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => stderr.push(chunk) > 0) as typeof process.stderr.write;
    let outcome;
    try {
      outcome = checkJob({ file: gone }, { fix: false });
    } finally {
      process.stderr.write = write;
    }
    assert.deepEqual(outcome, { report: { file: gone, diagnostics: [] }, unreadable: true });
    assert.deepEqual(stderr, [`copydesk: cannot read ${gone}: no such file; it changed during the run and was not checked\n`]);
  });

  test('an unwritable --output: exit 2 and one sentence; nothing half-written', () => {
    const target = path.join(workDir, 'no-such-folder', 'report.sarif');
    const run = copydesk(['check', '--format', 'sarif', '--output', target, sample]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `copydesk: cannot write the report to ${target}: no such folder\n`);
    const written = path.join(workDir, 'report.sarif');
    assert.equal(copydesk(['check', '--format', 'sarif', '--output', written, sample]).status, 1);
    assert.equal(JSON.parse(readFileSync(written, 'utf8')).version, '2.1.0');
  });

  test('standard output closed early (| head): exit 2 and one sentence, no stack trace', () => {
    const script = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(cliSource)} check --format json --jobs 1 samples samples samples samples | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`;
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd: repoRoot });
    assert.match(run.stderr, /copydesk: cannot write the report: standard output was closed before the end\nstatus 2\n$/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});

describe('--changed', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
  before(() => {
    repo = path.join(workDir, 'stories');
    mkdirSync(repo);
    git('init', '-q');
    writeFileSync(path.join(repo, 'old.txt'), 'Council backs new park\n\nThe cost is TK, the council said.\n\nThe date is TK.\n');
    writeFileSync(path.join(repo, 'same.txt'), warningsOnly);
    git('add', '.');
    git('commit', '-q', '-m', 'first');
  });

  test('only findings on lines changed since HEAD; an untracked draft counts whole; an unchanged one has none', () => {
    writeFileSync(path.join(repo, 'old.txt'), 'Council backs new park\n\nThe cost is TK, the council said.\n\nThe date is TK, and XX.\n');
    writeFileSync(path.join(repo, 'new.txt'), unclosed);
    const run = copydesk(['check', '--changed', 'old.txt', 'same.txt', 'new.txt'], { cwd: repo });
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(
      lines.every((l) => l.startsWith('old.txt:5:') || l.startsWith('new.txt:')),
      run.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith('old.txt:5:')),
      run.stdout,
    );
    assert.ok(lines.includes('new.txt:3:1 error unbalanced-quote This quotation is never closed.'), run.stdout);
  });

  test('--changed REF compares with that commit', () => {
    git('add', '.');
    git('commit', '-q', '-m', 'second');
    const sinceFirst = copydesk(['check', '--changed', 'HEAD~1', 'old.txt', 'new.txt'], { cwd: repo });
    assert.ok(sinceFirst.stdout.includes('new.txt:3:1 error unbalanced-quote'), sinceFirst.stdout);
    const sinceHead = copydesk(['check', '--changed', 'old.txt', 'new.txt'], { cwd: repo });
    assert.deepEqual([sinceHead.status, sinceHead.stdout], [0, '']);
  });

  test('outside a git repository, or with an unknown ref: exit 2 and one sentence', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'copydesk-nogit-'));
    try {
      writeFileSync(path.join(outside, 'a.txt'), unclosed);
      const run = copydesk(['check', '--changed', 'a.txt'], { cwd: outside });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `copydesk: --changed needs a git repository, and ${outside} is not inside one\n`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const unknown = copydesk(['check', '--changed=no-such-branch', 'old.txt'], { cwd: repo });
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'copydesk: --changed: no-such-branch is not a commit in this repository\n');
  });

  test('the diff parser: new-side lines of each hunk, pure deletions add none', () => {
    const diff = [
      'diff --git a/x.txt b/x.txt',
      '--- a/x.txt',
      '+++ b/x.txt',
      '@@ -3 +3 @@',
      '-a',
      '+b',
      '@@ -7,2 +6,0 @@',
      '@@ -9,0 +10,3 @@',
      '+c',
      '+d',
      '+e',
    ].join('\n');
    assert.deepEqual(parseUnifiedDiff(diff, '/r'), new Map([['/r/x.txt', new Set([3, 10, 11, 12])]]));
  });
});

describe('one version', () => {
  test('copydesk --version and copydesk-language-server --version print the version in package.json', () => {
    assert.equal(copydesk(['--version']).stdout, `copydesk ${packageVersion}\n`);
    const server = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server', 'src', 'server.ts'), '--version'], { encoding: 'utf8' });
    assert.equal(server.stdout, `copydesk-language-server ${packageVersion}\n`);
  });
});

describe('progress bar', () => {
  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WriteStream };
  };
  test('drawn on a terminal for more than a few drafts, and cleared at the end', () => {
    const { writes, stream } = fakeStream(true);
    const bar = progressBar(10, stream);
    for (let done = 1; done <= 10; done++) bar.update(done);
    bar.finish();
    assert.ok(
      writes.some((w) => w.includes('10/10 drafts')),
      writes.join('|'),
    );
    assert.equal(writes.at(-1), '\r\x1b[2K');
  });
  test('never when standard error is piped, nor for a few drafts', () => {
    for (const [isTTY, total] of [
      [false, 100],
      [true, progressThreshold],
    ] as const) {
      const { writes, stream } = fakeStream(isTTY);
      const bar = progressBar(total, stream);
      for (let done = 1; done <= total; done++) bar.update(done);
      bar.finish();
      assert.deepEqual(writes, []);
    }
  });
});
