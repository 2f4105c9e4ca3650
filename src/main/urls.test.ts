import { describe, expect, it } from 'vitest'
import { isTrustedRendererUrl, loopbackDevUrl, safeExternalUrl } from './urls'

describe('safeExternalUrl', () => {
  it('accepts http and https links, normalized', () => {
    expect(safeExternalUrl('https://example.org/a b?q=1#x')).toBe('https://example.org/a%20b?q=1#x')
    expect(safeExternalUrl('http://example.org')).toBe('http://example.org/')
    expect(safeExternalUrl('HTTPS://Example.ORG/Path')).toBe('https://example.org/Path')
  })

  it('accepts mailto links that name an address', () => {
    expect(safeExternalUrl('mailto:someone@example.org')).toBe('mailto:someone@example.org')
    expect(safeExternalUrl('mailto:a@example.org?subject=Hi')).toBe('mailto:a@example.org?subject=Hi')
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://gloss/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'mailto:',
    'mailto:no-address',
    'mailto://example.org/@x',
    'chrome://settings',
    '//example.org/no-scheme',
    '/relative/path',
    'not a url',
    '',
    'https://user:secret@example.org/',
    'https://user@example.org/',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull()
  })

  it('refuses non-strings and absurdly long URLs', () => {
    expect(safeExternalUrl(undefined)).toBeNull()
    expect(safeExternalUrl({ href: 'https://example.org' })).toBeNull()
    expect(safeExternalUrl(`https://example.org/${'a'.repeat(9000)}`)).toBeNull()
  })
})

describe('loopbackDevUrl', () => {
  it.each(['http://localhost:5173/', 'http://127.0.0.1:5173', 'http://[::1]:5173/', 'http://127.0.1.1:80/'])(
    'accepts %s',
    (url) => {
      expect(loopbackDevUrl(url)).not.toBeNull()
    },
  )

  it.each([
    undefined,
    '',
    'https://localhost:5173/',
    'http://example.org:5173/',
    'http://192.168.1.2:5173/',
    'http://localhost.example.org/',
    'http://user:pw@localhost:5173/',
    'file:///tmp/index.html',
    'ws://localhost:5173/',
    'garbage',
  ])('refuses %j', (url) => {
    expect(loopbackDevUrl(url)).toBeNull()
  })
})

describe('isTrustedRendererUrl', () => {
  it('trusts our app:// origin only', () => {
    expect(isTrustedRendererUrl('app://gloss/index.html')).toBe(true)
    expect(isTrustedRendererUrl('app://gloss/')).toBe(true)
    expect(isTrustedRendererUrl('app://other/index.html')).toBe(false)
    expect(isTrustedRendererUrl('app://gloss.evil/index.html')).toBe(false)
    expect(isTrustedRendererUrl('app://gloss:8080/index.html')).toBe(false)
    expect(isTrustedRendererUrl('file:///index.html')).toBe(false)
    expect(isTrustedRendererUrl('https://gloss/index.html')).toBe(false)
    expect(isTrustedRendererUrl('about:blank')).toBe(false)
    expect(isTrustedRendererUrl('')).toBe(false)
  })

  it('trusts the dev server origin only when one is given', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/index.html')).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedRendererUrl('app://gloss/index.html', 'http://localhost:5173')).toBe(true)
  })
})
