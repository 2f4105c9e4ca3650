// Layers by allow-list, as VS Code's `code-import-patterns` does: each folder of src/ names
// what it may import (scripts/lint/layers.js, docs/architecture.md); gloss/layers refuses
// the rest. src/core and src/shared run in plain Node (shared in the browser too), so they
// may not touch the DOM's globals either.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import gloss from './scripts/lint/plugin.js'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { gloss },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'gloss/layers': 'error',
      'gloss/import-case': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,ts}'],
    ignores: ['src/renderer/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
    },
  },
  {
    // the shared editor nodes build DOM inside methods that only the browser calls
    files: ['src/shared/notes/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
)
