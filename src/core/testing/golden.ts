/**
 * Golden files: the expected output of an exporter, checked in under src/core/export/__golden__
 * as `<name>.golden` (an extension no formatter touches: they are compared byte for byte).
 * A missing golden file is written on first run (and the test says so); UPDATE_GOLDEN=1
 * rewrites them all. Review the diff of a rewritten golden file like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

const DIR = fileURLToPath(new URL('../export/__golden__', import.meta.url))

export function expectGolden(name: string, actual: string): void {
  const path = join(DIR, `${name}.golden`)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(DIR, { recursive: true })
    writeFileSync(path, actual)
    console.info(`golden file written: ${path}`)
    return
  }
  expect(actual, `differs from the golden file ${name} (UPDATE_GOLDEN=1 to accept)`).toBe(
    readFileSync(path, 'utf8'),
  )
}
