// Bundles the client, the server (and its indexing worker) and the CLI into dist/. `--production`
// minifies (for the .vsix); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  // The oldest Node the package supports (package.json engines.node).
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // compromise ships an ESM build; bundling it keeps the server one file.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The workspace index reads and analyses drafts in this worker thread (lsp/workspaceIndex.ts).
  { entryPoints: ['server/src/lsp/workspaceWorker.ts'], outfile: 'dist/workspaceWorker.js' },
];

// The tagger's weights ship beside the bundles, read when first needed (entities/tagger.ts).
mkdirSync('dist', { recursive: true });
copyFileSync('server/src/analysis/data/ner-weights.json', 'dist/ner-weights.json');

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
