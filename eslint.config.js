// TypeScript lint (`npm run lint`): ESLint's and typescript-eslint's recommended rules over src/,
// test/ and the build, bench and script files. dist/ is the build's output; fixtures are data.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.venvs/', 'coverage/', 'bench/out/', 'examples/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // Terminal output, JUnit XML and Markdown are cleaned of control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
