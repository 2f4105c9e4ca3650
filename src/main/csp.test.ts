import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy, withContentSecurityPolicy } from './csp'

describe('Content-Security-Policy', () => {
  it('is strict', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name, values.join(' ')]
      }),
    )
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    })
  })

  it('loosens only scripts and the HMR socket for the dev server', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173')
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain("connect-src 'self' ws://localhost:5173")
    expect(dev).toContain("object-src 'none'")
  })

  it('replaces any existing policy header, whatever its case', () => {
    const headers = withContentSecurityPolicy(
      {
        'content-type': ['text/html'],
        'content-security-policy': ['default-src *'],
        'Content-Security-Policy': 'x',
      },
      CONTENT_SECURITY_POLICY,
    )
    expect(headers).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(withContentSecurityPolicy(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] })
  })
})
