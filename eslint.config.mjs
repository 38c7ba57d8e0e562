// Lint for the whole tree. Besides typescript-eslint's recommended rules, the house's two boundaries:
// the language server never imports `vscode`, and the client reaches the server only through protocol.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SERVER_INTERNALS = {
  group: ['**/language-server/src/**', '!**/language-server/src/protocol'],
  message: 'The client imports nothing from the language server but language-server/src/protocol.ts: ask the server through a request instead.',
};

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.tools/', '.run/', 'bench/', '*.vsix', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', performance: 'readonly', fetch: 'readonly', AbortSignal: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'readonly' } },
    rules: {
      // Parsed JSON (CLI output, configs) is typed `any` at the edge on purpose; the boundary checks are what matter here.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['language-server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The language server never imports vscode: it serves any LSP client.' }] }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SERVER_INTERNALS] }] },
  },
);
