import { statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { tempDir } from '../core/testing/tempNotebook'
import { tokenOpens } from '../core/sync/tokens'
import { syncSecret } from '../core/sync/server'
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

test('sync-server token prints a token that opens that notebook only; the secret is the owner’s', async () => {
  const data = tempDir()
  const { code, out } = await run('sync-server', 'token', 'research', '--data', data)
  expect(code).toBe(0)
  const { secret } = syncSecret(data)
  expect(tokenOpens(secret, out, 'research')).toBe(true)
  expect(tokenOpens(secret, out, 'research/note/0190')).toBe(true)
  expect(tokenOpens(secret, out, 'other')).toBe(false)
  expect(statSync(join(data, 'secret')).mode & 0o777).toBe(0o600)
})

test('sync-server refuses a bad notebook name and a bad port, naming them', async () => {
  const data = tempDir()
  const name = await run('sync-server', 'token', 'my notebook', '--data', data)
  expect(name.code).toBe(2)
  expect(name.err).toBe('gloss: notebook "my notebook" must be 1–64 letters, digits, "-" or "_"')
  const port = await run('sync-server', '--port', 'x', '--data', data)
  expect(port.code).toBe(2)
  expect(port.err).toBe('gloss: --port must be a number from 0 to 65535, not "x"')
})
