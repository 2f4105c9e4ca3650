/** Which command-line arguments are files to import. Node only; no Electron import. */
import { statSync } from 'node:fs'
import { extname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IMPORT_EXTENSIONS } from './constants'

const importable = new Set<string>(IMPORT_EXTENSIONS.map((ext) => `.${ext}`))

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export function hasImportableExtension(path: string): boolean {
  return importable.has(extname(path).toLowerCase())
}

/**
 * Absolute paths of the importable files named on a command line. argv[0] (the
 * executable) and switches are skipped; relative paths resolve against `cwd` (the
 * launching shell's directory, which for a second instance is not ours); file:// URLs
 * (from desktop launchers) are accepted. Only existing files with an importable
 * extension are kept, so the app's own path ("." or out/main/index.js) never is.
 */
export function importablePathsFromArgv(
  argv: readonly string[],
  cwd: string,
  exists: (path: string) => boolean = isFile,
): string[] {
  const paths: string[] = []
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg === '' || arg.startsWith('-')) continue
    let path: string
    if (/^file:\/\//i.test(arg)) {
      try {
        path = fileURLToPath(arg)
      } catch {
        continue
      }
    } else {
      path = isAbsolute(arg) ? arg : resolve(cwd, arg)
    }
    if (!hasImportableExtension(path) || !exists(path) || paths.includes(path)) continue
    paths.push(path)
  }
  return paths
}

/** What a second instance sends with the single-instance lock (`additionalData`). */
export interface LaunchData {
  argv: string[]
  cwd: string
}

export function parseLaunchData(value: unknown): LaunchData | null {
  if (typeof value !== 'object' || value === null) return null
  const { argv, cwd } = value as { argv?: unknown; cwd?: unknown }
  if (!Array.isArray(argv) || !argv.every((arg) => typeof arg === 'string')) return null
  if (typeof cwd !== 'string' || cwd === '') return null
  return { argv: argv as string[], cwd }
}
