/**
 * Gloss's local ESLint rules:
 *   gloss/layers       every import must be on its layer's allow-list (./layers.js)
 *   gloss/import-case  a relative import must name the file exactly as it is spelled on disk,
 *                      so that case-insensitive file systems (macOS, Windows) resolve it to
 *                      the same file as Linux does
 */
import { readdirSync } from 'node:fs'
import { dirname, join, parse, resolve, sep } from 'node:path'
import { importProblem } from './layers.js'

/** Calls `check(sourceNode)` for every module specifier written as a string literal. */
function visitImports(check) {
  const literal = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' ? node : null)
  const visit = (node) => {
    const source = literal(node)
    if (source) check(source)
  }
  return {
    ImportDeclaration: (node) => visit(node.source),
    ExportNamedDeclaration: (node) => visit(node.source),
    ExportAllDeclaration: (node) => visit(node.source),
    ImportExpression: (node) => visit(node.source),
    // `typeof import('x')` in a type
    TSImportType: (node) => visit(node.source ?? node.argument?.literal),
    // `import x = require('x')`
    TSExternalModuleReference: (node) => visit(node.expression),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') visit(node.arguments[0])
    },
  }
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names (scripts/lint/layers.js)' },
    schema: [],
    messages: { forbidden: "'{{specifier}}': {{problem}}" },
  },
  create(context) {
    return visitImports((source) => {
      const problem = importProblem(source.value, context.filename, context.cwd)
      if (problem)
        context.report({ node: source, messageId: 'forbidden', data: { specifier: source.value, problem } })
    })
  },
}

/** Where a bundler or TypeScript looks for `./x`, in order. */
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json']
const JS_TO_TS = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] }

function candidates(base) {
  const { ext } = parse(base)
  const stem = base.slice(0, base.length - ext.length)
  return [
    // `./x.css`, `./x.js`: the file named; `./x` is never a file without an extension
    ...(ext ? [base] : []),
    ...(JS_TO_TS[ext] ?? []).map((e) => stem + e),
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, 'index' + e)),
  ]
}

/**
 * The path as a case-insensitive file system finds it: each name as spelled on disk, or
 * null when no entry matches even ignoring case. `list` reads a folder (cached by the caller).
 */
function spelledOnDisk(path, list) {
  const parts = resolve(path).split(sep)
  let current = parts[0] + sep
  for (const part of parts.slice(1)) {
    if (part === '') continue
    const entries = list(current)
    const found = entries.includes(part) ? part : entries.find((e) => e.toLowerCase() === part.toLowerCase())
    if (found === undefined) return null
    current = join(current, found)
  }
  return current
}

const importCase = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports match the case of the file on disk' },
    schema: [],
    messages: {
      wrongCase:
        "'{{specifier}}' resolves to {{actual}} on a case-insensitive file system, not {{wanted}}: fix the case (or rename one of the files).",
    },
  },
  create(context) {
    const folders = new Map()
    const list = (dir) => {
      if (!folders.has(dir)) {
        let entries = []
        try {
          entries = readdirSync(dir)
        } catch {
          // not a folder: nothing below it matches
        }
        folders.set(dir, entries)
      }
      return folders.get(dir)
    }
    return visitImports((source) => {
      const specifier = source.value
      if (!specifier.startsWith('.')) return
      const base = resolve(dirname(context.filename), specifier.replace(/[?#].*$/, ''))
      // the first candidate that exists ignoring case is what macOS and Windows load
      for (const wanted of candidates(base)) {
        const actual = spelledOnDisk(wanted, list)
        if (actual === null) continue
        if (actual !== wanted) {
          const cwd = context.cwd + sep
          const short = (p) => (p.startsWith(cwd) ? p.slice(cwd.length) : p)
          context.report({
            node: source,
            messageId: 'wrongCase',
            data: { specifier, actual: short(actual), wanted: short(wanted) },
          })
        }
        return
      }
    })
  },
}

export default {
  meta: { name: 'gloss' },
  rules: { layers, 'import-case': importCase },
}
