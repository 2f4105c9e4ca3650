import { describe, expect, it } from 'vitest'
import { isSafeUrl, normalizeUrl } from './links'

describe('link URLs', () => {
  it('accepts web and mail links', () => {
    expect(isSafeUrl('https://example.org/a?b=1')).toBe(true)
    expect(isSafeUrl('mailto:someone@example.org')).toBe(true)
    expect(normalizeUrl('example.org/paper')).toBe('https://example.org/paper')
    expect(normalizeUrl('someone@example.org')).toBe('mailto:someone@example.org')
  })
  it('refuses anything executable or odd', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'vbscript:x',
      '',
      'two words',
    ]) {
      expect(normalizeUrl(bad), bad).toBeNull()
    }
    expect(isSafeUrl('javascript:alert(1)')).toBe(false)
  })
})
