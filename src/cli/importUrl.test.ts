/** `gloss import https://…` imports the address (against a server on 127.0.0.1 only). */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { tempDir } from '../core/testing/tempNotebook'
import { main } from './main'

process.env.GLOSS_IMPORT_ALLOW_HOSTS = '127.0.0.1' // loopback is refused unless allowed (core/import/url.ts)

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/notes.md') {
      res.writeHead(404)
      return void res.end()
    }
    res.writeHead(200, { 'content-type': 'text/markdown' })
    res.end('# Field notes\n\nThe tide was low at noon, and the boats waited in the bay.\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(
    [...argv, '--db', join(tempDir(), 'gloss.db')],
    (s) => out.push(s),
    (s) => err.push(s),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

test('gloss import takes an http(s) address, and says in one line why one cannot be imported', async () => {
  const imported = await run('import', `${base}/notes.md`)
  expect(imported).toMatchObject({ code: 0, err: '' })
  expect(imported.out).toMatch(/^Imported “Field notes”: 2 sections\./)
  const missing = await run('import', `${base}/missing`)
  expect(missing.code).not.toBe(0)
  expect(missing.err).toBe(`gloss: Cannot import "${base}/missing": the server answered 404 Not Found.`)
})
