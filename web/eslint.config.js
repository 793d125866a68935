// @ts-check
// Lint for the admin: typescript-eslint + angular-eslint on the same base rules as the Node side.
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', '.angular/**', 'node_modules/**', 'out-tsc/**'] },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'app', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The API's payload types come from its zod contracts (lib/contracts); types only, so neither zod nor any
      // server code lands in the admin bundle. analytics-format.ts is the exception: pure, with no imports, so
      // the admin prints 统计分析's figures exactly as the api's exports do.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@contracts/*',
                '**/lib/contracts/*',
                'zod',
                '!@contracts/analytics-format',
                '!**/lib/contracts/analytics-format',
              ],
              message: 'Import the API contracts (and zod) as types only: import type.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {},
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
  },
);
