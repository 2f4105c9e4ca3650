import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

/**
 * The CLI, the web shell and their worker threads as plain ESM JavaScript in out/node, so
 * `gloss` starts without a TypeScript loader. Entries sit side by side: a worker is found
 * next to the file that starts it (src/core/workerEntry.ts). Packages stay in node_modules.
 */
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.devDependencies),
]

export default defineConfig({
  build: {
    ssr: true,
    target: 'node22',
    outDir: resolve(import.meta.dirname, 'out/node'),
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: {
        cli: resolve(import.meta.dirname, 'src/cli/main.ts'),
        'notebook-worker': resolve(import.meta.dirname, 'src/core/host/notebook-worker.ts'),
        'parse-worker': resolve(import.meta.dirname, 'src/core/import/parse-worker.ts'),
      },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
})
