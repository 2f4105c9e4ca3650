/**
 * Gloss's layers as an allow-list, after VS Code's `code-import-patterns`: each layer names
 * what it may import and everything else is an error. One table for the ESLint rule
 * `gloss/layers` (./plugin.js) and for dependency-cruiser (/.dependency-cruiser.js);
 * docs/architecture.md explains it.
 *
 * An entry of `packages` allows that package and its subpaths ('react-dom' allows
 * 'react-dom/client'); '@scope/*' allows the whole scope. Type-only imports count too.
 */
import { isBuiltin } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

/** Runs anywhere: no Node, DOM or Electron API. */
const NEUTRAL = ['zod']
/** Lexical's editor packages that run without a DOM (the note schema is read headless in core). */
const LEXICAL_NODES = [
  'lexical',
  '@lexical/code',
  '@lexical/extension',
  '@lexical/link',
  '@lexical/list',
  '@lexical/rich-text',
]

/** @typedef {{ name: string, dir: string, layers: string[], node: boolean, packages: string[], assets?: string[] }} Layer */

/** @type {Layer[]} */
export const LAYERS = [
  {
    name: 'shared',
    dir: 'src/shared',
    layers: ['shared'],
    node: false,
    packages: [...NEUTRAL, ...LEXICAL_NODES],
  },
  {
    name: 'core',
    dir: 'src/core',
    layers: ['shared', 'core'],
    node: true,
    packages: [
      ...NEUTRAL,
      ...LEXICAL_NODES,
      '@lexical/headless',
      '@lexical/utils',
      '@lexical/yjs',
      '@hocuspocus/extension-database',
      '@hocuspocus/provider',
      '@hocuspocus/server',
      '@mozilla/readability',
      'approx-string-match',
      'better-sqlite3',
      'chrono-node',
      'compromise',
      'diff',
      'diff-match-patch',
      'dompurify',
      'fflate',
      'jsdom',
      'mammoth',
      'marked',
      'pdfjs-dist',
      'playwright-core',
      'uuid',
      'y-protocols',
      'yjs',
    ],
  },
  {
    name: 'main',
    dir: 'src/main',
    layers: ['shared', 'core', 'main'],
    node: true,
    packages: [...NEUTRAL, 'electron'],
    // the window icon, bundled by electron-vite (`?asset`)
    assets: ['resources'],
  },
  {
    // sandboxed: bundled into one file that may require only electron
    name: 'preload',
    dir: 'src/preload',
    layers: ['shared', 'preload'],
    node: false,
    packages: [...NEUTRAL, 'electron'],
  },
  { name: 'web', dir: 'src/web', layers: ['shared', 'core', 'web'], node: true, packages: [...NEUTRAL] },
  {
    // `gloss serve` starts the web shell, so the CLI may import it
    name: 'cli',
    dir: 'src/cli',
    layers: ['shared', 'core', 'cli', 'web'],
    node: true,
    packages: [...NEUTRAL],
  },
  {
    name: 'renderer',
    dir: 'src/renderer',
    layers: ['shared', 'renderer'],
    node: false,
    packages: [
      ...NEUTRAL,
      'lexical',
      '@lexical/*',
      'react',
      'react-dom',
      'dompurify',
      '@tanstack/react-virtual',
      // the web shell's whole-notebook export, a folder, downloads as one .zip
      'fflate',
    ],
  },
]

/**
 * Inside src/renderer, by the first folder under src/renderer/src: `parts` name what each
 * shared part may import; every other folder is a feature (reader/, notes/, …) and may import
 * itself and `feature`, never another feature. `app/` composes the features and may import
 * any part; so may the entry files directly in src/renderer/src (main.tsx).
 */
export const RENDERER_PARTS = {
  dir: 'src/renderer/src',
  parts: { api: ['api'], common: ['common'], state: ['state', 'api'], app: null },
  feature: ['state', 'common', 'api'],
}

/** The part of a renderer path ('state', 'reader', …), '' for the entry files, null outside it. */
export function rendererPartOf(relPath) {
  const prefix = RENDERER_PARTS.dir + '/'
  if (!relPath.startsWith(prefix)) return null
  const rest = relPath.slice(prefix.length)
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : ''
}

/** What a renderer part may import: a list of parts, or null for anything. */
export function rendererAllows(part) {
  if (part === '') return null
  if (Object.hasOwn(RENDERER_PARTS.parts, part)) {
    const allowed = RENDERER_PARTS.parts[part]
    return allowed === null ? null : allowed
  }
  return [part, ...RENDERER_PARTS.feature]
}

function rendererProblem(fromPath, toPath) {
  const from = rendererPartOf(fromPath)
  const to = rendererPartOf(toPath)
  if (from === null || to === null) return null
  const allowed = rendererAllows(from)
  if (allowed === null || allowed.includes(to)) return null
  const what = Object.hasOwn(RENDERER_PARTS.parts, from) ? `${from}/` : `the feature ${from}/`
  const target = to === '' ? 'the entry files' : `${to}/`
  return `in ${RENDERER_PARTS.dir}, ${what} may not import ${target}; it may import ${allowed.map((p) => `${p}/`).join(', ')} (app/ composes the features).`
}

/** What a test (or a test helper under testing/) may import besides its layer's list. */
export const TEST_PACKAGES = ['vitest', 'papaparse', 'yaml']

export function isTestFile(path) {
  return /\.test\.[cm]?[jt]sx?$/.test(path) || /(^|\/)testing\//.test(path)
}

const toPosix = (path) => path.split(sep).join('/')

/** The layer of a path relative to the repository root ('/'-separated), or null (e2e, bench, scripts…). */
export function layerOf(relPath) {
  return LAYERS.find((layer) => relPath === layer.dir || relPath.startsWith(layer.dir + '/')) ?? null
}

/** 'react-dom' of 'react-dom/client', '@lexical/react' of '@lexical/react/LexicalComposer'. */
export function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function packageAllowed(name, allowed) {
  return allowed.some((entry) =>
    entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : name === entry,
  )
}

/**
 * What `specifier`, imported by the file `fromFile` (absolute), is: a layer, an asset folder,
 * a file outside every layer, a Node built-in or a package.
 * @returns {{ kind: 'layer', layer: Layer, path: string } | { kind: 'file', path: string } | { kind: 'node' } | { kind: 'package', name: string }}
 */
export function classify(specifier, fromFile, root) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    // drop a bundler query (`?asset`, `?modulePath`)
    const target = resolve(dirname(fromFile), specifier.replace(/[?#].*$/, ''))
    const path = toPosix(relative(root, target))
    const layer = layerOf(path)
    return layer ? { kind: 'layer', layer, path } : { kind: 'file', path }
  }
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return { kind: 'node' }
  return { kind: 'package', name: packageName(specifier) }
}

/**
 * Why `fromFile` may not import `specifier`, or null when it may.
 * @param {string} fromFile absolute path of the importing file
 * @param {string} root the repository root
 */
export function importProblem(specifier, fromFile, root) {
  const fromPath = toPosix(relative(root, fromFile))
  const from = layerOf(fromPath)
  if (!from) return null // e2e, bench, scripts, configs: free
  const target = classify(specifier, fromFile, root)
  const test = isTestFile(fromPath)
  const allows = `it may import ${describeAllowed(from)}`
  switch (target.kind) {
    case 'layer':
      return from.layers.includes(target.layer.name)
        ? rendererProblem(fromPath, target.path)
        : `${from.dir} may not import ${target.layer.dir}; ${allows}.`
    case 'file':
      if (from.assets?.some((dir) => target.path.startsWith(dir + '/'))) return null
      return `${from.dir} may not import ${target.path}, which is in no layer; ${allows}.`
    case 'node':
      return from.node ? null : `${from.dir} does not run on Node, so no Node built-ins; ${allows}.`
    case 'package':
      if (packageAllowed(target.name, from.packages)) return null
      if (test && TEST_PACKAGES.includes(target.name)) return null
      return `${from.dir} may not import the package ${target.name}; ${allows}.`
  }
}

export function describeAllowed(layer) {
  const parts = [layer.layers.map((name) => LAYERS.find((l) => l.name === name).dir).join(', ')]
  if (layer.node) parts.push('Node built-ins')
  parts.push(`the packages ${layer.packages.join(', ')}`)
  if (layer.assets) parts.push(layer.assets.map((dir) => `${dir}/`).join(', '))
  return parts.join('; ')
}
