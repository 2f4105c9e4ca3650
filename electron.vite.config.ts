/**
 * electron-vite: main process (+ the notebook worker, built from its `?modulePath`
 * import), sandboxed preload, and the React renderer.
 *   out/main/index.js          ESM (package.json "type": "module"); node_modules stay external
 *   out/main/notebook-worker…  worker_threads entry; better-sqlite3 stays external (native)
 *   out/preload/index.cjs      one self-contained CommonJS file: a sandboxed preload can
 *                              only require('electron'), so nothing else may be left external
 *   out/renderer/              served as app://gloss/ in production
 */
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { operationNames } from './src/shared/contract'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      // default externalizeDeps: dependencies (better-sqlite3, zod, jsdom, …) load from node_modules
      rolldownOptions: {
        input: { index: resolve(root, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    define: {
      // the preload needs only the names; importing the contract would bundle every schema
      __GLOSS_OPERATION_NAMES__: JSON.stringify(operationNames),
    },
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: {
        input: resolve(root, 'src/renderer/index.html'),
      },
      // the CSP forbids inline scripts; keep every asset a file
      assetsInlineLimit: 0,
    },
  },
})
