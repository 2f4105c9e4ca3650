/** app://gloss/ — the production renderer, served from the built renderer folder. */
import { readFile } from 'node:fs/promises'
import { protocol, type Session } from 'electron'
import { APP_SCHEME } from './constants'
import { CONTENT_SECURITY_POLICY } from './csp'
import { contentTypeFor, resolveAppFile } from './protocol-files'

/** Must run before the app's `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context like https.
      // No bypassCSP, no corsEnabled: nothing but our own pages reads these files.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

function emptyResponse(status: number): Response {
  return new Response(null, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

export function serveRenderer(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return emptyResponse(405)
    const lookup = resolveAppFile(rendererDir, request.url)
    if (!lookup.ok) return emptyResponse(lookup.status)
    const body = await readFile(lookup.filePath).catch(() => null)
    if (body === null) return emptyResponse(404)
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': contentTypeFor(lookup.filePath),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    })
  })
}
