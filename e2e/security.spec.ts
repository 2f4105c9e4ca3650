import { request as httpRequest } from 'node:http'
import { test, expect } from './fixtures/gloss'

interface Reply {
  status: number
  body: string
}

/** A raw HTTP request, so headers fetch() forbids (Host) can be set. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: options.headers ?? {} },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const json = { 'content-type': 'application/json' }

test.describe('web shell security', () => {
  // these talk HTTP only: no browser page needed
  test('the token is required and checked', async ({ gloss }) => {
    const host = { host: `127.0.0.1:${gloss.port}` }
    const ok = await send(gloss.port, '/api/listArticles', {
      headers: { ...json, ...host, 'x-gloss-token': gloss.token },
      body: '{}',
    })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true })

    const missing = await send(gloss.port, '/api/listArticles', { headers: { ...json, ...host }, body: '{}' })
    expect([401, 403]).toContain(missing.status)
    expect(missing.body).not.toContain('"ok":true')

    const wrong = await send(gloss.port, '/api/listArticles', {
      headers: { ...json, ...host, 'x-gloss-token': 'x'.repeat(gloss.token.length) },
      body: '{}',
    })
    expect([401, 403]).toContain(wrong.status)

    // the page itself is not served without the token either
    const page = await send(gloss.port, '/', { method: 'GET', headers: host })
    expect([401, 403]).toContain(page.status)
  })

  test('a foreign Host header is refused (DNS rebinding)', async ({ gloss }) => {
    const reply = await send(gloss.port, '/api/listArticles', {
      headers: { ...json, host: `evil.example:${gloss.port}`, 'x-gloss-token': gloss.token },
      body: '{}',
    })
    expect([401, 403]).toContain(reply.status)
    expect(reply.body).not.toContain('"ok":true')

    const page = await send(gloss.port, `/?token=${gloss.token}`, {
      method: 'GET',
      headers: { host: 'evil.example' },
    })
    expect([401, 403]).toContain(page.status)
  })

  test('a foreign Origin is refused (cross-site requests)', async ({ gloss }) => {
    const reply = await send(gloss.port, '/api/listArticles', {
      headers: {
        ...json,
        host: `127.0.0.1:${gloss.port}`,
        origin: 'http://evil.example',
        'x-gloss-token': gloss.token,
      },
      body: '{}',
    })
    expect([401, 403]).toContain(reply.status)
    expect(reply.body).not.toContain('"ok":true')
  })

  test('from a browser page on another origin, the API cannot be reached', async ({ gloss, browser }) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    // any other origin: the server's own address under a different port is enough
    await page.route('http://foreign.test/', (route) =>
      route.fulfill({ body: '<!doctype html><title>foreign</title>', contentType: 'text/html' }),
    )
    await page.goto('http://foreign.test/')
    const outcome = await page.evaluate(
      async ({ origin, token }) => {
        try {
          const response = await fetch(`${origin}/api/listArticles`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-gloss-token': token },
            body: '{}',
          })
          return `status ${response.status}`
        } catch {
          return 'blocked'
        }
      },
      { origin: gloss.origin, token: gloss.token },
    )
    expect(outcome).not.toBe('status 200')
    await context.close()
  })

  test('the page carries a strict Content-Security-Policy', async ({ page, gloss }) => {
    const response = await page.request.get(`${gloss.origin}/`)
    const csp = response.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      /default-src 'self'/,
    )
  })
})
