// One lint setup for the Node side; web/ carries angular-eslint on top of the same rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.stack/**', 'web/**', '**/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Outside workflows/, a workflow is reached through its contract file (`workflows/<name>.contract.ts`:
    // input and result types, signals, queries, pure rules) and started by type name through
    // lib/temporal/typed-workflows.ts; workflow modules themselves are imported as types only, so neither
    // the api nor the worker's main process loads workflow code. The workflow tests run the workflows.
    files: ['**/*.ts'],
    ignores: ['workflows/**', 'test/workflows/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)workflows(/index|/[^/]+\\.workflow)?$',
              message:
                "Import the workflow's contract file (workflows/<name>.contract.ts); workflows as types only.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Workflows must stay deterministic: no Node built-ins, no I/O libraries, activities as types only.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process'],
              message: 'Workflows must be deterministic: no Node built-ins.',
            },
            {
              group: ['mongoose', '@elastic/*', '../lib/*', '../activities/*'],
              message: 'Workflows reach the world only through activities.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Plain Node scripts and CommonJS config files.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
