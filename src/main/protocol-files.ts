/**
 * Maps app://gloss/… request URLs to files of the built renderer, refusing anything
 * that would leave its folder. Pure (node:path only): unit-tested without Electron.
 */
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './constants'

export type AppFileLookup = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 }

const INDEX = 'index.html'

export function resolveAppFile(rootDir: string, requestUrl: string): AppFileLookup {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400 }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404 }

  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { ok: false, status: 400 }
  }
  // Encoded separators and dot segments (%2F, %5C, %2e%2e) only show up after decoding.
  // A colon could name a Windows drive or an NTFS stream; the build never emits one.
  if (/[\0\\:]/.test(pathname)) return { ok: false, status: 403 }
  const segments = pathname.split('/')
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 403 }

  const root = resolve(rootDir)
  let relativePath = segments.filter((segment) => segment !== '').join('/')
  // "/" and extension-less paths are the single-page app itself.
  if (relativePath === '' || pathname.endsWith('/') || extname(relativePath) === '') relativePath = INDEX

  const filePath = resolve(join(root, relativePath))
  const inside = relative(root, filePath)
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, status: 403 }
  }
  return { ok: true, filePath }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
