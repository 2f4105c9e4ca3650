/**
 * Gloss's version, from package.json: the stamp every export carries ("Gloss 0.1.0"). Read from
 * the file, found by walking up from this module, so it is right in the sources (tests), in
 * the out/node bundle and in the packaged app alike (all sit below the package's root).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let cached: string | null = null

export function glossVersion(): string {
  if (cached !== null) return cached
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown }
      if (pkg.name === 'gloss' && typeof pkg.version === 'string') return (cached = pkg.version)
    }
    const parent = dirname(dir)
    if (parent === dir)
      throw new Error('Gloss’s package.json was not found above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
}

/** "Gloss 0.1.0" */
export const generatorName = (version = glossVersion()) => `Gloss ${version}`
