// Lint keeps the shape the code already has: typescript-eslint's recommended rules, Prettier for
// layout (eslint-config-prettier turns off the rules that would fight it), and the import
// boundaries of docs/architecture.md, so a wrong import is flagged in the editor, not only in CI
// (test/architecture/importGraph.test.ts checks every floor).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const boundary = (group, message) => ({ group, message });

const NO_ADDIN = boundary(['**/addin/**', '**/addin'], 'src/ never imports addin/ — src/ không bao giờ phụ thuộc vào add-in.');
const NO_CLI = boundary(['**/cli/*', '../cli', './cli'], 'Only src/cli/ imports src/cli/ — chỉ dòng lệnh dùng src/cli/.');
const NO_UPPER_FROM_PACKS = boundary(
  ['**/evaluate/*', '**/report/*', '**/authoring/*'],
  'The pack model never imports evaluate/, report/ or authoring/ — mô hình bộ chỉ tiêu không phụ thuộc tầng trên.',
);

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-addin*/', 'test-artifacts/', 'coverage/', 'src/packs/generated/', 'test/golden/', 'samples/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Control characters are matched on purpose: XML, HTML and the terminal are cleaned of them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['addin/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.jest } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_ADDIN, NO_CLI] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_ADDIN] }] },
  },
  {
    files: ['src/packs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_ADDIN, NO_CLI, NO_UPPER_FROM_PACKS] }] },
  },
);
