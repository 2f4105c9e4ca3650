import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startNotebookHost, type NotebookHost } from '../core/host/worker-client'
import { tempDir } from '../core/testing/tempNotebook'
import { startWebShell, type WebShell } from './server'

let host: NotebookHost
let shell: WebShell

beforeAll(async () => {
  const dir = tempDir()
  const staticDir = join(dir, 'web')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Gloss</title>')
  host = await startNotebookHost({
    dbPath: join(dir, 'gloss.db'),
    workerPath: new URL('../core/host/notebook-worker.ts', import.meta.url),
    execArgv: ['--import', import.meta.resolve('tsx')],
  })
  shell = await startWebShell({ host, staticDir })
})
afterAll(async () => {
  await shell.close()
  await host.close()
})

/** node:http, because fetch may not set Host. */
function raw(path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: shell.port, path, method: body ? 'POST' : 'GET', headers },
        (res) => {
          let data = ''
          res.on('data', (c) => (data += c))
          res.on('end', () => resolve({ status: res.statusCode!, body: data, headers: res.headers }))
        },
      )
      req.on('error', reject)
      req.end(body)
    },
  )
}

const api = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(
    `/api/${name}`,
    { 'content-type': 'application/json', 'x-gloss-token': shell.token, ...headers },
    JSON.stringify(input),
  )

test('listens on 127.0.0.1 with a token in the printed URL', () => {
  expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
})

test('serves the contract to a caller with the token, over a worker-thread notebook', async () => {
  const res = await api('listArticles', {})
  expect(res.status).toBe(200)
  const { ok, value } = JSON.parse(res.body)
  expect(ok).toBe(true)
  expect(value[0].title).toMatch(/^The story of Trump/)
})

test('validates input like IPC does, naming the field', async () => {
  const res = await api('getArticle', { id: 42 })
  expect(res.status).toBe(400)
  expect(JSON.parse(res.body).error).toMatchObject({ code: 'invalid_input', field: 'id' })
  expect((await api('dropTables', {})).status).toBe(400)
})

test("the worker's own messages are no operation: __close and __cancelImports are refused, the notebook stays open", async () => {
  for (const name of ['__close', '__cancelImports']) {
    const res = await api(name, {})
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'invalid_input', field: 'operation' })
    expect(JSON.parse(res.body).error.message).toContain(name)
  }
  expect((await api('listArticles', {})).status).toBe(200)
})

test('refuses a request without the token, or with a wrong one', async () => {
  const noToken = await raw('/api/listArticles', { 'content-type': 'application/json' }, '{}')
  expect(noToken.status).toBe(401)
  expect((await api('listArticles', {}, { 'x-gloss-token': 'guess' })).status).toBe(401)
  expect((await raw('/', {})).status).toBe(401)
})

test('refuses a foreign Host or Origin (DNS rebinding, cross-site requests)', async () => {
  expect((await api('listArticles', {}, { host: `evil.example:${shell.port}` })).status).toBe(403)
  expect((await api('listArticles', {}, { origin: 'http://evil.example' })).status).toBe(403)
  expect((await api('listArticles', {}, { origin: `http://127.0.0.1:${shell.port}` })).status).toBe(200)
})

test('the page is served with the token once, then by cookie, with a strict CSP', async () => {
  const first = await raw(`/?token=${shell.token}`, {})
  expect(first.status).toBe(200)
  expect(String(first.headers['content-security-policy'])).toContain("script-src 'self'")
  const cookie = String(first.headers['set-cookie']).split(';')[0]!
  expect((await raw('/index.html', { cookie })).status).toBe(200)
  expect((await raw('/../../etc/passwd', { cookie })).body).not.toContain('root:')
})
