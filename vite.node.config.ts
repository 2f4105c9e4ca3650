import { builtinModules, createRequire } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }

/**
 * The CLI, the web shell and their worker threads as plain ESM JavaScript in out/node, so
 * `gloss` starts without a TypeScript loader. Entries sit side by side: a worker is found
 * next to the file that starts it (src/core/workerEntry.ts). Packages stay in node_modules.
 */
/**
 * Small pure-JS packages every command loads go into the bundle: from node_modules, zod alone is
 * 99 files for Node to resolve, read and compile on each start.
 */
const BUNDLED = new Set(['zod', 'uuid', 'diff', 'diff-match-patch', 'approx-string-match'])
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name)),
  ...Object.keys(pkg.devDependencies).filter((name) => !BUNDLED.has(name)),
]

/**
 * node:http imported as an ES module has Node read every one of its exports, and the lazy ones
 * load undici: 50 ms of CPU on every start of `gloss`. Imports of it are served by require()
 * instead, with the same named exports (its plain properties; no accessor is read).
 */
const REQUIRED = ['http', 'node:http']
const REQUIRED_PREFIX = '\0required:'
function requireBuiltins(): Plugin {
  return {
    name: 'gloss-require-builtins',
    enforce: 'pre',
    resolveId: (id) => (REQUIRED.includes(id) ? REQUIRED_PREFIX + id : null),
    load(id) {
      if (!id.startsWith(REQUIRED_PREFIX)) return null
      const name = id.slice(REQUIRED_PREFIX.length)
      const properties = Object.getOwnPropertyDescriptors(createRequire(import.meta.url)(name))
      const names = Object.keys(properties).filter((key) => 'value' in properties[key]!)
      return [
        `import { createRequire } from 'node:module'`,
        `const required = createRequire(import.meta.url)(${JSON.stringify(name)})`,
        `export default required`,
        `export const { ${names.join(', ')} } = required`,
      ].join('\n')
    },
  }
}

export default defineConfig({
  plugins: [requireBuiltins()],
  ssr: { noExternal: [...BUNDLED] },
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
        // the notebook and its dispatcher in the caller's thread, as `npm run bench` drives them
        notebook: resolve(import.meta.dirname, 'src/core/notebook.ts'),
        dispatch: resolve(import.meta.dirname, 'src/shared/dispatch.ts'),
      },
      external: (id) =>
        !REQUIRED.includes(id) && external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
})
