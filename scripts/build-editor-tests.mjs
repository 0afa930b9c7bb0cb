// Compiles the extension-host suite (test/suite/*.ts -> out/test/suite/*.js) and the
// test-electron stand-in executable (-> out/scripts/code-server-as-vscode.js).
// `vscode` is provided by the extension host; mocha and playwright-core stay
// external so the suite shares one mocha instance with index.js.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const projectDir = path.resolve(import.meta.dirname, '..');
const suiteDir = path.join(projectDir, 'test', 'suite');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', absWorkingDir: projectDir };

await esbuild.build({
  ...common,
  entryPoints: fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/suite/${f}`),
  outdir: 'out/test/suite',
  external: ['vscode', 'mocha'],
});

const shim = path.join(projectDir, 'out', 'scripts', 'code-server-as-vscode.js');
await esbuild.build({
  ...common,
  entryPoints: ['scripts/code-server-as-vscode.ts'],
  outfile: shim,
  external: ['playwright-core'],
  banner: { js: '#!/usr/bin/env node' },
});
fs.chmodSync(shim, 0o755);
