/**
 * The pages the desktop shell prints to PDF, served from memory at app://print/<random>.html
 * by the printing session's own app:// handler: no temporary file, no file:// page (which
 * Electron grants more than a web page), and nothing else is served there. The host is not
 * APP_HOST, so a print page is never a trusted renderer (no IPC). No Electron import: unit-tested.
 */
import { randomUUID } from 'node:crypto'
import { APP_SCHEME } from './constants'

export const PRINT_HOST = 'print'

/** The HTML export's own policy (it also carries it in a <meta>): no script, nothing from outside. */
export const PRINT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/**
 * URLs compared case-insensitively: Chromium lower-cases the host of a standard scheme, Node's
 * URL does not for app:; every URL made here is lower-case (scheme, host, a UUID).
 */
function normalized(url: string): string | null {
  try {
    return new URL(url).href.toLowerCase()
  } catch {
    return null
  }
}

export class PrintPages {
  readonly #pages = new Map<string, string>()

  /** Holds `html` until `remove`; returns the URL to load it from. */
  add(html: string): string {
    const url = `${APP_SCHEME}://${PRINT_HOST}/${randomUUID()}.html`
    this.#pages.set(normalized(url)!, html)
    return url
  }

  remove(url: string): void {
    const key = normalized(url)
    if (key !== null) this.#pages.delete(key)
  }

  has(url: string): boolean {
    const key = normalized(url)
    return key !== null && this.#pages.has(key)
  }

  /** The answer to a request in the printing session: the page, or 404 / 405. */
  respond(request: { method: string; url: string }): Response {
    const key = normalized(request.url)
    const html = key === null ? undefined : this.#pages.get(key)
    const headers = {
      'content-security-policy': PRINT_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    }
    if (request.method !== 'GET') return new Response(null, { status: 405, headers })
    if (html === undefined) return new Response(null, { status: 404, headers })
    return new Response(html, {
      status: 200,
      headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
    })
  }
}
