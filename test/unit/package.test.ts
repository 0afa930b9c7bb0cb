// The extension manifest agrees with the code and files it points at: grammars
// and language configurations exist and parse, every registered rule has its
// severity setting (and no setting names a rule that does not exist), and the
// .vscodeignore allowlist packs the bundles and nothing from the sources,
// tests or node_modules; the grammar JSON is up to date with its source,
// scripts/build-grammar.mjs. Packaging itself (`npm run package`) is slower and
// stays out of this suite.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/analysis/rules/index';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const settings: Record<string, { default?: unknown; enum?: unknown[] }> = contributes.configuration.properties;
const SEVERITY_CHOICES = ['off', 'hint', 'info', 'warning', 'error'];
const RULE_SETTING_PREFIX = 'copydesk.rules.';

function readJson(relativePath: string): unknown {
  const path = join(root, relativePath);
  assert.ok(existsSync(path), `${relativePath} is named in package.json but does not exist`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

test('every contributed grammar exists, parses, and declares the scope and language the manifest gives it', () => {
  const languageIds = new Set(contributes.languages.map((l: { id: string }) => l.id));
  assert.ok(contributes.grammars.length > 0);
  for (const entry of contributes.grammars) {
    const grammar = readJson(entry.path) as { scopeName?: string; patterns?: unknown[]; repository?: object };
    assert.equal(grammar.scopeName, entry.scopeName, `${entry.path}: scopeName`);
    assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0, `${entry.path} has top-level patterns`);
    if (entry.language) assert.ok(languageIds.has(entry.language), `grammar for undeclared language ${entry.language}`);
  }
});

test('every grammar include points at a rule that exists in its repository', () => {
  for (const entry of contributes.grammars) {
    const grammar = readJson(entry.path) as { repository: Record<string, unknown> };
    const includes = JSON.stringify(grammar).match(/"include":"#[^"]+"/g) ?? [];
    for (const include of includes) {
      const name = include.slice('"include":"#'.length, -1);
      assert.ok(name in grammar.repository, `${entry.path}: #${name} is included but not defined`);
    }
  }
});

test('syntaxes/article.tmLanguage.json is what scripts/build-grammar.mjs writes (npm run build:grammar)', () => {
  const fresh = join(mkdtempSync(join(tmpdir(), 'copydesk-grammar-')), 'article.tmLanguage.json');
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build-grammar.mjs'), fresh]);
    assert.equal(readFileSync(join(root, 'syntaxes/article.tmLanguage.json'), 'utf8'), readFileSync(fresh, 'utf8'));
  } finally {
    rmSync(dirname(fresh), { recursive: true, force: true });
  }
});

test('every language configuration exists and parses, with its bracket and quote pairs well formed', () => {
  for (const language of contributes.languages) {
    if (!language.configuration) continue;
    const config = readJson(language.configuration) as {
      autoClosingPairs?: { open: string; close: string }[];
      surroundingPairs?: [string, string][];
      brackets?: [string, string][];
    };
    for (const pair of config.autoClosingPairs ?? []) assert.ok(pair.open && pair.close, JSON.stringify(pair));
    for (const pair of [...(config.surroundingPairs ?? []), ...(config.brackets ?? [])]) {
      assert.equal(pair.length, 2, JSON.stringify(pair));
    }
  }
});

test('every registered rule has a copydesk.rules.<id> setting with its default severity and the five choices', () => {
  assert.ok(rules.length > 0, 'the registry lists no rules');
  // Collect every mismatch, so one run names all the settings still to add.
  const problems: string[] = [];
  for (const rule of rules) {
    const key = RULE_SETTING_PREFIX + rule.id;
    const setting = settings[key];
    if (!setting) {
      problems.push(`package.json lacks the setting ${key}`);
      continue;
    }
    if (setting.default !== rule.defaultSeverity) {
      problems.push(`${key} defaults to ${JSON.stringify(setting.default)}, the rule to ${JSON.stringify(rule.defaultSeverity)}`);
    }
    if (JSON.stringify(setting.enum) !== JSON.stringify(SEVERITY_CHOICES)) {
      problems.push(`${key} offers ${JSON.stringify(setting.enum)}, not ${JSON.stringify(SEVERITY_CHOICES)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('no copydesk.rules.<id> setting names a rule that is not registered', () => {
  const registered = new Set(rules.map((r) => r.id));
  const orphans = Object.keys(settings)
    .filter((key) => key.startsWith(RULE_SETTING_PREFIX))
    .map((key) => key.slice(RULE_SETTING_PREFIX.length))
    .filter((id) => !registered.has(id));
  assert.deepEqual(orphans, []);
});

test('.vscodeignore packs the bundles, grammar, icon and docs, and nothing from sources, tests or node_modules', async () => {
  // vsce's own file selection, run over a small stand-in of the project tree so
  // the test does not walk node_modules and .vscode-test (hundreds of MB).
  const { listFiles, PackageManager } = await import('@vscode/vsce');
  const standIn = mkdtempSync(join(tmpdir(), 'copydesk-vscodeignore-'));
  try {
    const tree = [
      'package.json',
      'package-lock.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'language-configuration.json',
      'tsconfig.json',
      'action.yml',
      '.pre-commit-hooks.yaml',
      'samples/aid-convoy.txt',
      'test/fixtures/sarif-2.1.0-rtm.5.json',
      'esbuild.mjs',
      '.gitignore',
      'copydesk.vsix',
      'dist/client.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/client.js.map',
      'dist/server.js.map',
      'syntaxes/article.tmLanguage.json',
      'images/icon.png',
      'client/src/extension.ts',
      'server/src/server.ts',
      'server/src/analysis/rules/index.ts',
      'test/unit/package.test.ts',
      'test/grammar/quotations.test.article',
      'test/fixtures/draft.article',
      'scripts/make-icon.py',
      'docs/notes.md',
      'docs/rules/leftover.md',
      'schemas/names.schema.json',
      'bench/node_modules/x/index.js',
      'node_modules/compromise/package.json',
      'node_modules/.bin/vsce',
      '.vscode-test/code-server/package.json',
      '.vscode-test/sample-workspace/bridge.article',
      '.vscode/settings.json',
      '.ci/run',
      'out/extension.js',
    ];
    for (const file of tree) {
      mkdirSync(dirname(join(standIn, file)), { recursive: true });
      writeFileSync(join(standIn, file), file === 'package.json' ? JSON.stringify(manifest) : '');
    }
    const packed = (
      await listFiles({
        cwd: standIn, // vsce reads the manifest written above
        packageManager: PackageManager.None,
        ignoreFile: join(root, '.vscodeignore'),
      })
    ).sort();

    const forbidden = ['node_modules/', 'test/', 'server/src/', 'client/src/', '.vscode-test/', 'scripts/', 'bench/'];
    for (const file of packed) {
      assert.ok(!forbidden.some((prefix) => file.startsWith(prefix)), `${file} would be packed`);
      assert.ok(!file.endsWith('.map'), `${file}: source maps stay out of the package`);
    }
    // Everything the manifest points at must survive the ignore list.
    const needed = [
      manifest.main,
      ...Object.values(manifest.bin as Record<string, string>),
      manifest.icon,
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
      ...contributes.yamlValidation.map((y: { url: string }) => y.url),
      // The rule docs "Explain this rule" opens (client/src/ruleDocs.ts).
      'docs/rules/leftover.md',
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
    ].map((p: string) => p.replace(/^\.\//, ''));
    assert.deepEqual(packed, [...new Set(needed)].sort());
  } finally {
    rmSync(standIn, { recursive: true, force: true });
  }
});

test('ready for the marketplaces: categories, keywords, a gallery banner, a changelog, no placeholder repository', () => {
  assert.ok(Array.isArray(manifest.categories) && manifest.categories.includes('Linters'));
  assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length >= 5 && manifest.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9A-Fa-f]{6}$/);
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme));
  // Open VSX and vsce reject a repository that does not resolve: a real one or none (packaged with --allow-missing-repository).
  assert.ok(manifest.repository === undefined || !/example\.invalid/.test(JSON.stringify(manifest.repository)), 'placeholder repository');
  if (manifest.repository === undefined) assert.match(manifest.scripts.package, /--allow-missing-repository/);
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.match(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
});
