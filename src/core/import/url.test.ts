/**
 * Import from a web address, against a server this test starts on 127.0.0.1 (no other network):
 * the same pipeline as files, the address kept as the source, and every failure (unreachable,
 * an error status, too slow, too big, not http, a private address) refused with nothing written.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { openTempNotebook, tableCounts, type TempNotebook } from '../testing/tempNotebook'
import { simplePdf } from './testing/documents'
import { createParsePool } from './parsePool'
import { fetchForImport, isPrivateAddress } from './url'

// the pages below are served on loopback, which importUrl refuses unless allowed (the parse
// workers read this when they start)
process.env.GLOSS_IMPORT_ALLOW_HOSTS = '127.0.0.1'

const PAGE = `<!DOCTYPE html><html><head><title>Harbour report</title>
<link rel="canonical" href="https://elsewhere.example/harbour">
<meta name="author" content="Nell Ward"></head><body><article>
<h1>Harbour report</h1>
<p>The harbour reopened on Monday after three weeks of repairs to the outer wall, and the first ferries came in on time.</p>
<p>Fishing boats that had waited in the bay since the storm were the first to tie up at the restored quay.</p>
</article></body></html>`

const ROUTES: Record<string, { type?: string; body: string | Buffer; status?: number }> = {
  '/harbour': { type: 'text/html; charset=utf-8', body: PAGE },
  '/files/paper.pdf': { type: 'application/octet-stream', body: simplePdf('A paper served over HTTP.') },
  '/notes.md': { type: 'text/plain', body: '# Field notes\n\nThe tide was low at noon.\n' },
  '/latin': {
    type: 'text/plain; charset=windows-1252',
    body: Buffer.from('Caf\xe9 au lait, served at the quay.', 'latin1'),
  },
  '/gone': { status: 404, body: 'no such page' },
  '/photo.png': { type: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
}

let server: Server
let base: string
let nb: TempNotebook
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return // never answers
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'text/plain' }) // chunked: no length to refuse up front
      const timer = setInterval(() => res.write('x'.repeat(64 * 1024)), 5)
      res.on('close', () => clearInterval(timer))
      return
    }
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/harbour' })
      return void res.end()
    }
    if (req.url === '/to-localhost') {
      res.writeHead(301, { location: `http://localhost:${(server.address() as AddressInfo).port}/harbour` })
      return void res.end()
    }
    if (req.url === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
      return void res.end(gzipSync(PAGE))
    }
    const route = ROUTES[req.url ?? '']
    if (route === undefined) {
      res.writeHead(500)
      return void res.end()
    }
    res.writeHead(route.status ?? 200, {
      ...(route.type ? { 'content-type': route.type } : {}),
      'content-length': Buffer.byteLength(route.body),
    })
    res.end(route.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  nb = openTempNotebook({ samplePath: null })
})
afterAll(async () => {
  nb.cleanup()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function refused(url: string, code = 'bad_file'): Promise<string> {
  const before = tableCounts(nb.notebook.db)
  const error = await nb.call('importUrl', { url }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GlossError)
  expect((error as GlossError).code).toBe(code)
  expect(tableCounts(nb.notebook.db)).toEqual(before)
  return (error as GlossError).message
}

describe('importUrl', () => {
  it('imports a web page through the same pipeline, keeping the address as its source', async () => {
    const started = performance.now()
    const { article } = await nb.call('importUrl', { url: `${base}/harbour` })
    console.log(`importUrl of a page (worker start included): ${(performance.now() - started).toFixed(0)} ms`)
    expect(article).toMatchObject({
      title: 'Harbour report',
      byline: 'Nell Ward',
      format: 'html',
      sourceFormat: 'html',
      sourceUrl: `${base}/harbour`, // not the page's canonical link
      sourcePath: null,
    })
  })

  it('tells a PDF by its address when the server calls it octet-stream, and Markdown served as plain text', async () => {
    const pdf = await nb.call('importUrl', { url: `${base}/files/paper.pdf` })
    expect(pdf.article).toMatchObject({
      format: 'text',
      sourceFormat: 'pdf',
      title: 'A paper served over HTTP',
    })
    const md = await nb.call('importUrl', { url: `${base}/notes.md` })
    expect(md.article).toMatchObject({ format: 'markdown', title: 'Field notes' })
  })

  it('reads text in the charset the server names, and follows redirects', async () => {
    const { article } = await nb.call('importUrl', { url: `${base}/latin` })
    const [section] = await nb.call('listSections', { articleId: article.id })
    expect(section!.text).toBe('Café au lait, served at the quay.')
    // the same page again, by a redirect: a duplicate, nothing new written
    expect((await nb.call('importUrl', { url: `${base}/redirect` })).duplicate).toBe(true)
    // and again compressed: the same text
    expect((await nb.call('importUrl', { url: `${base}/gzip` })).duplicate).toBe(true)
  })

  it('refuses an address nothing answers at, an error status, and a scheme other than http(s)', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    expect(await refused(`http://127.0.0.1:${port}/article`)).toBe(
      `Cannot import "http://127.0.0.1:${port}/article": nothing answered at 127.0.0.1:${port} (the connection was refused).`,
    )
    expect(await refused(`${base}/gone`)).toBe(
      `Cannot import "${base}/gone": the server answered 404 Not Found.`,
    )
    expect(await refused(`${base}/photo.png`)).toBe(
      `Cannot import "${base}/photo.png": it is not a web page or a document: the server sent image/png.`,
    )
    expect(await refused('ftp://127.0.0.1/file.pdf', 'invalid_input')).toMatch(/http:\/\/ or https:\/\//)
  })
})

describe('fetchForImport bounds', () => {
  it('stops a server that does not answer in time', async () => {
    await expect(fetchForImport(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(
      `Cannot import "${base}/slow": the server did not answer within 0.3 seconds, so the import was stopped.`,
    )
  })

  it('stops a body past the size cap, with or without a Content-Length', async () => {
    await expect(fetchForImport(`${base}/harbour`, { maxBytes: 100 })).rejects.toThrow(
      /: it is \d+ bytes; the limit is 100 bytes\.$/,
    )
    await expect(fetchForImport(`${base}/endless`, { maxBytes: 1024 * 1024 })).rejects.toThrow(
      `Cannot import "${base}/endless": it is larger than the 1 MB limit.`,
    )
  })

  it('in the parse pool, an address job is bounded by the pool too: the worker is stopped on time', async () => {
    const pool = createParsePool({ timeoutMs: 400, fetchTimeoutMs: 400 })
    try {
      await expect(pool.parse({ kind: 'url', url: `${base}/slow` })).rejects.toThrow(
        `Cannot import "${base}/slow": reading it took longer than 0.8 seconds, so it was stopped.`,
      )
    } finally {
      await pool.close()
    }
  }, 60_000)
})

describe('private addresses', () => {
  it('tells loopback, private, link-local and mapped addresses from public ones', () => {
    for (const a of ['127.0.0.1', '127.8.9.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254']) {
      expect(isPrivateAddress(a), a).toBe(true)
    }
    for (const a of [
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true)
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(a), a).toBe(false)
    }
  })

  it('refuses a private address unless allowed, by literal, by a name resolving to it, and by a redirect', async () => {
    const strict = { allowHosts: [] }
    const port = new URL(base).port
    await expect(fetchForImport(`${base}/harbour`, strict)).rejects.toThrow(
      `Cannot import "${base}/harbour": 127.0.0.1 is on this computer or a private network, and Gloss fetches only public addresses (a page must not be able to reach local services through it).`,
    )
    for (const address of ['http://[::1]/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/']) {
      await expect(fetchForImport(address, strict)).rejects.toThrow(
        /is on this computer or a private network/,
      )
    }
    // a name: refused at connection time, for the address it resolved to
    await expect(fetchForImport(`http://localhost:${port}/harbour`, strict)).rejects.toThrow(
      `Cannot import "http://localhost:${port}/harbour": localhost (127.0.0.1) is on this computer or a private network`,
    )
    // an allowed host redirecting to one that is not: the hop is refused
    await expect(
      fetchForImport(`${base}/to-localhost`, { allowHosts: [`127.0.0.1:${port}`] }),
    ).rejects.toThrow(`Cannot import "${base}/to-localhost": localhost (127.0.0.1) is on this computer`)
    // allowed by host and port, or by host
    expect((await fetchForImport(`${base}/harbour`, { allowHosts: [`127.0.0.1:${port}`] })).format).toBe(
      'html',
    )
  })

  it('in the notebook, a private address is refused with nothing written when the list does not name it', async () => {
    const port = new URL(base).port
    expect(await refused(`http://localhost:${port}/harbour`)).toMatch(
      /^Cannot import "http:\/\/localhost:\d+\/harbour": localhost \(127\.0\.0\.1\) is on this computer or a private network/,
    )
  })
})
