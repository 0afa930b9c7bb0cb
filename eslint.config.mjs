// Lint rules, and the import boundaries that keep the layers apart:
//   - the analysis core (server/src/analysis) is pure: text in, findings out;
//     it never imports the protocol (vscode-languageserver), the LSP glue
//     (server/src/lsp), the server, the CLI or VS Code;
//   - the LSP glue reaches the rules only through the registry
//     (analysis/rules/index.ts), never into one rule's file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'bench/node_modules/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        clearImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and scripts build loosely typed JSON from corpora and the protocol.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // CommonJS files are loaded with node --require: require() is their import.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'vscode',
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageserver-*',
                'vscode-languageclient',
                'vscode-languageclient/*',
              ],
              message: 'The analysis core is pure: no protocol or editor imports.',
            },
            {
              group: ['**/lsp/**', '**/lsp', '**/server', '**/cli', '**/cli/**'],
              message: 'The analysis core never imports the LSP glue, the server or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: 'analysis/rules/(?!index$)', message: 'The LSP glue reaches the rules only through analysis/rules/index.' }] },
      ],
    },
  },
);
