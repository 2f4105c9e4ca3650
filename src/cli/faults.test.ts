/** The CLI prints a notebook fault as one line a person understands, and exits non-zero. */
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { tempDir } from '../core/testing/tempNotebook'
import { main } from './main'

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

test('--db naming a folder says so, not "disk I/O error"', async () => {
  const dir = tempDir()
  const result = await run('articles', '--db', dir)
  expect(result.code).toBe(1)
  expect(result.err).toBe(
    `gloss: "${dir}" is a folder, not a notebook file; give the path of the file inside it, such as "${join(dir, 'gloss.db')}".`,
  )
})

test('--db with a 5,000-character path is too long, in one short line', async () => {
  const path = join(tempDir(), `${'n'.repeat(5000)}.db`)
  const result = await run('articles', '--db', path, '--json')
  expect(result.code).toBe(2)
  const { error } = JSON.parse(result.err) as { error: { code: string; message: string; field: string } }
  expect(error).toMatchObject({ code: 'invalid_input', field: 'db' })
  expect(error.message).toMatch(/is too long: one name in it is 5003 bytes long/)
  expect(result.err.length).toBeLessThan(400)
})
