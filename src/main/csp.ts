/** The Content-Security-Policy the shell puts on every renderer response. Pure. */
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

export { CONTENT_SECURITY_POLICY }

/**
 * Development only (loopback Vite server): Vite's client and React refresh need an
 * inline module script and a websocket back to the server.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http:/, 'ws:')
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  )
}

export type HeaderMap = Record<string, string | string[]>

/** The response headers with any Content-Security-Policy (any letter case) replaced by `policy`. */
export function withContentSecurityPolicy(
  headers: HeaderMap | undefined,
  policy: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    out[name] = Array.isArray(value) ? value : [value]
  }
  out['Content-Security-Policy'] = [policy]
  return out
}
