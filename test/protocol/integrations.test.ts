// The ready-made integrations, run as their hosts would run them: the
// pre-commit hook's entry and arguments on the staged drafts, and the GitHub
// Action's shell step with a fake GITHUB_* environment in a scratch repository
// (its expressions filled in from the action's inputs, as the runner does).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';

const repoRoot = path.resolve(__dirname, '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const unclosed = 'Council backs new park\n\n"We will open it this summer, Mayor Jane Whitfield said.\n';
const clean = 'Council backs new park\n\nThe council voted 7-2 on Tuesday to open the park in June, Mayor Jane Whitfield said.\n';

let scratch: string;
before(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first.`);
  scratch = mkdtempSync(path.join(tmpdir(), 'copydesk-integrations-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function gitRepo(name: string): { dir: string; git: (...args: string[]) => string } {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return { dir, git };
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  test('its entry, with the staged drafts its pattern selects, stops a commit on an error and passes clean copy', () => {
    const [hook] = YAML.parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
      files: string;
      args?: string[];
    }[];
    assert.equal(hook.id, 'copydesk');
    assert.equal(hook.language, 'node');
    // pre-commit installs the package, which puts its bin on PATH: a shim stands in for it.
    const bin = path.join(scratch, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'copydesk'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} "$@"\n`);
    chmodSync(path.join(bin, 'copydesk'), 0o755);
    const { dir } = gitRepo('hook');
    writeFileSync(path.join(dir, 'park.txt'), unclosed);
    writeFileSync(path.join(dir, 'clean.md'), clean);
    writeFileSync(path.join(dir, 'photo.jpg'), 'not a draft');
    const pattern = new RegExp(hook.files);
    const staged = ['park.txt', 'clean.md', 'photo.jpg'].filter((f) => pattern.test(f));
    assert.deepEqual(staged, ['park.txt', 'clean.md']);
    const [command, ...entryArgs] = hook.entry.split(' ');
    const run = (files: string[]) =>
      spawnSync(command, [...entryArgs, ...(hook.args ?? []), ...files], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      });
    const failing = run(staged);
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /^park\.txt:3:1 error unbalanced-quote This quotation is never closed\.$/m);
    const passing = run(['clean.md']);
    assert.deepEqual([passing.status, passing.stdout, passing.stderr], [0, '', '']);
  });
});

interface ActionStep {
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  uses?: string;
  with?: Record<string, string>;
  if?: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: ActionStep[] };
}

describe('GitHub Action (action.yml)', () => {
  const action = YAML.parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as Action;

  /** Fills in ${{ ... }} as the runner would, for the expressions the action's shell step uses. */
  function expand(value: string, context: Record<string, string>): string {
    return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (!(expression in context)) throw new Error(`the test does not know the expression ${expression}`);
      return context[expression];
    });
  }

  test('a composite action that builds, checks and uploads SARIF with codeql-action', () => {
    assert.equal(action.runs.using, 'composite');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'an upload-sarif step');
    assert.equal(upload.with?.sarif_file, '${{ inputs.sarif-file }}');
    assert.match(upload.if ?? '', /always\(\)/, 'findings are uploaded even when the check fails the job');
  });

  test('on a push: annotates and reports only the lines the push changed, writes valid SARIF, fails on an error', () => {
    const { dir, git } = gitRepo('newsroom');
    mkdirSync(path.join(dir, 'stories'));
    writeFileSync(
      path.join(dir, 'stories', 'park.txt'),
      'Council backs new park\n\n"We will open it this summer, Mayor Jane Whitfield said.\n\nThe cost is TK.\n',
    );
    writeFileSync(path.join(dir, 'stories', 'old.txt'), unclosed);
    git('add', '.');
    git('commit', '-q', '-m', 'drafts');
    const before = git('rev-parse', 'HEAD').trim();
    // The push: a new line in park.txt (with a placeholder) and a new draft with an unclosed quotation.
    writeFileSync(
      path.join(dir, 'stories', 'park.txt'),
      'Council backs new park\n\n"We will open it this summer, Mayor Jane Whitfield said.\n\nThe cost is TK.\n\nThe date is TK.\n',
    );
    writeFileSync(path.join(dir, 'stories', 'bridge.txt'), unclosed);
    git('add', '.');
    git('commit', '-q', '-m', 'more');

    const step = action.runs.steps.find((s) => s.id === 'check')!;
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [`inputs.${name}`, input.default]));
    const context: Record<string, string> = {
      ...inputs,
      'inputs.files': 'stories',
      'github.action_path': repoRoot,
      'github.workspace': dir,
      'github.base_ref': '',
      'github.event.before': before,
    };
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, context)]));
    const outputFile = path.join(scratch, 'github-output');
    writeFileSync(outputFile, '');
    // As the runner runs a bash step: bash --noprofile --norc -eo pipefail.
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, context)], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_WORKSPACE: dir,
        GITHUB_SHA: git('rev-parse', 'HEAD').trim(),
        GITHUB_OUTPUT: outputFile,
      },
    });
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    const annotations = run.stdout.trimEnd().split('\n');
    assert.ok(
      annotations.some((a) => a.startsWith('::error file=stories/bridge.txt,line=3,col=1,')),
      run.stdout,
    );
    assert.ok(
      annotations.some((a) => a.startsWith('::warning file=stories/park.txt,line=7,')),
      run.stdout,
    );
    // Lines the push did not touch stay quiet: the old unclosed quotation and the old TK.
    assert.ok(!annotations.some((a) => /file=stories\/old\.txt|file=stories\/park\.txt,line=[35],/.test(a)), run.stdout);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'copydesk.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const located = sarif.runs[0].results.map(
      (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
        `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId}`,
    );
    assert.ok(located.includes('stories/bridge.txt:3 unbalanced-quote'), located.join('\n'));
    assert.ok(
      located.every((l: string) => l.startsWith('stories/bridge.txt:') || l.startsWith('stories/park.txt:7 ')),
      located.join('\n'),
    );
    assert.equal(readFileSync(outputFile, 'utf8'), 'sarif-file=copydesk.sarif\n');
  });
});

describe('one version', () => {
  test("the server's serverInfo carries the version in package.json", async () => {
    const { startServer } = await import('./lspClient');
    const client = startServer('stdio');
    try {
      const result = await client.initialize();
      const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
      assert.deepEqual(result.serverInfo, { name: 'copydesk', version });
    } finally {
      await client.stop();
    }
  });
});
