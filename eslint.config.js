// Lint rules shared by src, test and scripts; type-aware rules stay off to keep `npm test` fast.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '.tools/**', 'public/**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The web chat page runs in the browser as ES modules, with no Node globals.
    files: ['src/channels/webchat/page/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        require: 'off', module: 'off', process: 'off', __dirname: 'off',
        window: 'readonly', document: 'readonly', sessionStorage: 'readonly', fetch: 'readonly', EventSource: 'readonly',
        AbortController: 'readonly', crypto: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', console: 'readonly',
      },
    },
  },
);
