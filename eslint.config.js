// Layers by environment, as VS Code does: src/core and src/shared run in plain Node
// (and shared in the browser too), so they may not import Electron, React or the DOM.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const noUiInCore = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'src/core and src/shared must run in plain Node: no Electron.' },
        { name: 'react', message: 'src/core and src/shared must run in plain Node: no React.' },
        { name: 'react-dom', message: 'src/core and src/shared must run in plain Node: no React.' },
      ],
      patterns: [
        {
          group: ['electron/*', 'react/*', 'react-dom/*', '@lexical/react', '@lexical/react/*'],
          message: 'No UI code in src/core or src/shared.',
        },
        {
          group: ['**/renderer/**', '**/main/**', '**/preload/**'],
          message: 'src/core and src/shared may not depend on the shells.',
        },
      ],
    },
  ],
  'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
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
    rules: noUiInCore,
  },
  {
    // the shared editor nodes build DOM inside methods that only the browser calls
    files: ['src/shared/notes/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
)
