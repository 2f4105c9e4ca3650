import { describe, expect, it } from 'vitest'
import { isTrustedRendererUrl } from './urls'
import { PRINT_CONTENT_SECURITY_POLICY, PrintPages } from './print-pages'

const PAGE = '<!doctype html><meta charset="utf-8"><title>Export</title><p>Text to print</p>'

describe('PrintPages: the PDF page served from memory at app://print/', () => {
  it('serves the page it holds, with a policy that allows no script and nothing from outside', async () => {
    const pages = new PrintPages()
    const url = pages.add(PAGE)
    expect(url).toMatch(/^app:\/\/print\/[0-9a-f-]{36}\.html$/)
    expect(pages.has(url)).toBe(true)
    const response = pages.respond({ method: 'GET', url })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY)
    expect(PRINT_CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/)
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|'unsafe-eval'|https?:/)
    expect(await response.text()).toBe(PAGE)
  })

  it('a URL in another case is the same page, as Chromium hands it over', () => {
    const pages = new PrintPages()
    const url = pages.add(PAGE)
    expect(pages.respond({ method: 'GET', url: url.replace('app://print', 'APP://PRINT') }).status).toBe(200)
  })

  it('answers 404 for any other URL and once the page is removed, 405 for anything but GET', () => {
    const pages = new PrintPages()
    const url = pages.add(PAGE)
    for (const other of ['app://print/other.html', 'app://gloss/index.html', `${url}/..`, 'not a url'])
      expect(pages.respond({ method: 'GET', url: other }).status, other).toBe(404)
    expect(pages.respond({ method: 'POST', url }).status).toBe(405)
    pages.remove(url)
    expect(pages.has(url)).toBe(false)
    expect(pages.respond({ method: 'GET', url }).status).toBe(404)
  })

  it('every page has its own URL, and none is a trusted renderer URL (no IPC from a print page)', () => {
    const pages = new PrintPages()
    const urls = new Set(Array.from({ length: 50 }, () => pages.add(PAGE)))
    expect(urls.size).toBe(50)
    for (const url of urls) expect(isTrustedRendererUrl(url)).toBe(false)
  })
})
