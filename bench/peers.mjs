// The prose checkers Copydesk is measured against, each set up once and
// exposed as `lint(text) -> number of findings`, run in this process as an
// editor extension built on them would run them. Lives in bench/ so the peers
// resolve from bench/node_modules and never become extension dependencies.
//
// - harper.js: Harper's WebAssembly build with its default rules. The wasm file
//   ships inside the package and is read from disk (no download at run time).
// - textlint: textlint's own linter (createLinter) with the plain-text plugin
//   and @textlint-rule/no-unmatched-pair, the closest textlint rule to
//   Copydesk's quotation-mark checks.
// - retext: unified + retext-english + retext-quotes.

import { LocalLinter } from 'harper.js';
import { binary as harperBinary } from 'harper.js/binary';
import { createLinter } from 'textlint';
import { TextlintKernelDescriptor } from '@textlint/kernel';
import textPluginModule from '@textlint/textlint-plugin-text';
import unmatchedPairModule from '@textlint-rule/textlint-rule-no-unmatched-pair';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextQuotes from 'retext-quotes';
import { VFile } from 'vfile';

// Both textlint packages are CommonJS with a `default` export.
const textPlugin = textPluginModule.default ?? textPluginModule;
const unmatchedPairRule = unmatchedPairModule.default ?? unmatchedPairModule;

async function setUpHarper() {
  const linter = new LocalLinter({ binary: harperBinary });
  await linter.setup();
  return {
    name: 'harper.js',
    async lint(text) {
      return (await linter.lint(text, { language: 'plaintext' })).length;
    },
  };
}

async function setUpTextlint() {
  const descriptor = new TextlintKernelDescriptor({
    plugins: [{ pluginId: 'text', plugin: textPlugin }],
    rules: [{ ruleId: 'no-unmatched-pair', rule: unmatchedPairRule }],
    filterRules: [],
  });
  const linter = createLinter({ descriptor });
  return {
    name: 'textlint + no-unmatched-pair',
    async lint(text) {
      // The file path only selects the plain-text plugin by extension; nothing is read.
      return (await linter.lintText(text, '/bench/draft.txt')).messages.length;
    },
  };
}

async function setUpRetext() {
  const processor = unified().use(retextEnglish).use(retextQuotes).freeze();
  return {
    name: 'retext + retext-quotes',
    async lint(text) {
      const file = new VFile(text);
      await processor.run(processor.parse(file), file);
      return file.messages.length;
    },
  };
}

/** Sets up every peer; returns them with their setup times in ms. */
export async function loadPeers() {
  const peers = [];
  for (const setUp of [setUpHarper, setUpTextlint, setUpRetext]) {
    const started = performance.now();
    const peer = await setUp();
    peers.push({ ...peer, setupMs: performance.now() - started });
  }
  return peers;
}
