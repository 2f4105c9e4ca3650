/** URL checks for links, the dev server and IPC senders. Pure: no Electron import. */
import { APP_HOST, APP_SCHEME } from './constants'

const MAX_EXTERNAL_URL_LENGTH = 8192

/**
 * The URL to hand to `shell.openExternal`, or null when it must not be opened:
 * only well-formed http(s) URLs with a host and without embedded credentials, and mailto:
 * links naming an address (an article's links are http(s) or mailto).
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol === 'mailto:') return /^[^/?#\s]+@/.test(url.pathname) ? url.href : null
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.hostname === '') return null
  if (url.username !== '' || url.password !== '') return null
  return url.href
}

function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/**
 * electron-vite's dev server address (ELECTRON_RENDERER_URL), accepted only when it
 * is a plain http URL on the loopback interface; anything else is ignored.
 */
export function loopbackDevUrl(raw: string | undefined): URL | null {
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'http:') return null
  if (url.username !== '' || url.password !== '') return null
  if (!isLoopbackHost(url.hostname)) return null
  return url
}

/** True for URLs of our own renderer: app://gloss/… or, in development, the dev server's origin. */
export function isTrustedRendererUrl(raw: string, devOrigin: string | null = null): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  // app: is not a WHATWG "special" scheme, so URL.origin is "null" in Node: compare the parts.
  if (url.protocol === `${APP_SCHEME}:`)
    return url.host === APP_HOST && url.username === '' && url.password === ''
  return devOrigin !== null && url.origin === devOrigin
}
