// ESLint flat config for the whole repository.
//
// - TypeScript everywhere: typescript-eslint's type-aware recommended rules, with the project
//   service (each file is checked against the nearest tsconfig.json; the root tsconfig.json
//   covers stories, .storybook, tests, bench and the root config files).
// - Element code (the elements package, the two browser apps, stories): eslint-plugin-lit and
//   eslint-plugin-wc recommended rules. Template bindings are type-checked by lit-analyzer
//   (`pnpm lint:templates`), which ESLint cannot do.
// - Globals: browser for code that runs in the page, Node for the server, the CLI, tests and
//   tool configs.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const elementCode = [
  'packages/elements/src/**/*.ts',
  'apps/status-page/src/**/*.ts',
  'apps/portal/src/**/*.ts',
  'stories/**/*.ts',
  '.storybook/preview.ts',
];

const browserCode = [...elementCode, 'packages/adapters/src/**/*.ts', '**/*.browser.test.ts', 'examples/*/*.js', 'examples/*/src/**/*.{ts,tsx}'];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/coverage/',
      'storybook-static/',
      '.test-results/',
      '.hansei-data/',
      // Written by lit-localize from the XLIFF files.
      'packages/*/src/generated/',
      // Written by `pnpm analyze` from custom-elements.json (JSX, React and Vue declarations).
      'packages/elements/types/',
      'apps/*/src/generated/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          // Tool configs beside a package (e.g. apps/portal/vite.config.ts) sit outside its
          // tsconfig's `include`: check them against the root tsconfig.json.
          allowDefaultProject: ['apps/*/*.ts', 'packages/*/*.ts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // node:test's describe/it return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript (tool configs, scripts): no type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },

  {
    files: browserCode,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: elementCode,
    ...lit.configs['flat/recommended'],
  },
  {
    files: elementCode,
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'HanseiElement'] } },
  },
  {
    files: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // chai's property assertions: `expect(x).to.exist`.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests save methods to stub and restore them.
      '@typescript-eslint/unbound-method': 'off',
      // Tests read arbitrary JSON answers (the API harness's `body`) and assert on their shape.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
