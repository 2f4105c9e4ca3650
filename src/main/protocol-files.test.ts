import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentTypeFor, resolveAppFile } from './protocol-files'

const root = resolve('/srv/gloss/out/renderer')
const file = (...parts: string[]) => ({ ok: true, filePath: join(root, ...parts) })

describe('resolveAppFile', () => {
  it('serves files of the renderer folder', () => {
    expect(resolveAppFile(root, 'app://gloss/index.html')).toEqual(file('index.html'))
    expect(resolveAppFile(root, 'app://gloss/assets/index-abc123.js')).toEqual(
      file('assets', 'index-abc123.js'),
    )
    expect(resolveAppFile(root, 'app://gloss/assets/a%20b.css?v=2#x')).toEqual(file('assets', 'a b.css'))
  })

  it('serves index.html for the root and extension-less routes', () => {
    expect(resolveAppFile(root, 'app://gloss/')).toEqual(file('index.html'))
    expect(resolveAppFile(root, 'app://gloss')).toEqual(file('index.html'))
    expect(resolveAppFile(root, 'app://gloss/articles/42')).toEqual(file('index.html'))
    expect(resolveAppFile(root, 'app://gloss/assets/')).toEqual(file('index.html'))
  })

  it.each([
    'app://gloss/..%2f..%2fetc%2fpasswd',
    'app://gloss/assets/..%2F..%2F..%2Fsecret.txt',
    'app://gloss/..%5c..%5cwindows%5cwin.ini',
    'app://gloss/assets%5c..%5c..%5csecret.txt',
    'app://gloss/C:%2fWindows%2fwin.ini',
    'app://gloss/C:/Windows/win.ini',
    'app://gloss/index.html:stream',
    'app://gloss/index.html%00.png',
  ])('refuses traversal %s', (url) => {
    expect(resolveAppFile(root, url)).toEqual({ ok: false, status: 403 })
  })

  it('keeps dot segments the URL parser resolves inside the folder', () => {
    // "app://gloss/../../etc/passwd.txt" is normalized by the URL parser to /etc/passwd.txt
    expect(resolveAppFile(root, 'app://gloss/../../etc/passwd.txt')).toEqual(file('etc', 'passwd.txt'))
    expect(resolveAppFile(root, 'app://gloss/assets/../index.html')).toEqual(file('index.html'))
    // so are %2e%2e and %2e segments
    expect(resolveAppFile(root, 'app://gloss/%2e%2e/%2e%2e/etc/passwd.txt')).toEqual(
      file('etc', 'passwd.txt'),
    )
    expect(resolveAppFile(root, 'app://gloss/%2e/index.html')).toEqual(file('index.html'))
  })

  it('refuses other hosts and schemes, and malformed escapes', () => {
    expect(resolveAppFile(root, 'app://evil/index.html')).toEqual({ ok: false, status: 404 })
    expect(resolveAppFile(root, 'file:///srv/gloss/out/renderer/index.html')).toEqual({
      ok: false,
      status: 404,
    })
    expect(resolveAppFile(root, 'app://gloss/%E0%A4%A.js')).toEqual({ ok: false, status: 400 })
    expect(resolveAppFile(root, 'not a url')).toEqual({ ok: false, status: 400 })
  })

  it('never returns a path outside the folder', () => {
    const tricky = [
      '%2e%2e',
      '..',
      '%2E%2E%2F',
      '.%2e',
      '%2e.',
      '...',
      '....//',
      '%252e%252e',
      '%c0%ae%c0%ae',
    ]
    for (const a of tricky) {
      for (const b of tricky) {
        const result = resolveAppFile(root, `app://gloss/${a}/${b}/x.js`)
        if (result.ok) expect(result.filePath.startsWith(root + (root.endsWith('/') ? '' : '/'))).toBe(true)
      }
    }
  })
})

describe('contentTypeFor', () => {
  it('knows what the build emits', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/x/a.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('/x/a.CSS')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2')
    expect(contentTypeFor('/x/i.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream')
  })
})
