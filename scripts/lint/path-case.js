/**
 * Fails when two tracked paths would be one on a case-insensitive file system (macOS,
 * Windows): files or folders equal but for case, or two modules an extensionless import
 * cannot tell apart there (`Toasts.tsx` and `toasts.ts`: `./Toasts` loads `toasts.ts`).
 *
 *   node scripts/lint/path-case.js [folder]    exit 1 and one line per clash
 */
import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'

/** Extensions an import may leave out (see EXTENSIONS in ./plugin.js). */
const MODULE_EXTENSION = /(\.d)?\.([cm]?[jt]sx?|json)$/

/** Groups of spellings that are the same path, or the same module, but for case. */
export function caseClashes(paths) {
  const spellings = new Map()
  const add = (name) => {
    const key = name.toLowerCase()
    if (!spellings.has(key)) spellings.set(key, new Set())
    spellings.get(key).add(name)
  }
  for (const path of paths) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) add(parts.slice(0, i).join('/') + '/') // its folders
    add(path)
    const module = path.replace(MODULE_EXTENSION, '')
    if (module !== path) add(module + '.*')
  }
  return [...spellings.values()].filter((names) => names.size > 1).map((names) => [...names].sort())
}

export function trackedPaths(cwd) {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return out.split('\0').filter(Boolean)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const clashes = caseClashes(trackedPaths(process.argv[2] ?? process.cwd()))
  for (const names of clashes)
    console.error(`path-case: ${names.join(' and ')} are one path on a case-insensitive file system`)
  process.exitCode = clashes.length > 0 ? 1 : 0
}
