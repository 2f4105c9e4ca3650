/**
 * The web shell: the same renderer and the same contract, over HTTP on 127.0.0.1.
 * A random token per start (printed in the URL, as Jupyter does) guards every request.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { GlossError, toErrorData, type GlossErrorCode } from '../shared/errors'
import type { NotebookHost } from '../core/host/worker-client'
import { lazyRequire } from '../core/lazy'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { cookieValue, isAllowedHost, isAllowedOrigin, tokenMatches } from './security'

// required, not imported: node:http's ES module facade reads every export, undici's included (150 ms)
const http = lazyRequire<typeof import('node:http')>('node:http')

const MAX_BODY_BYTES = 32 * 1024 * 1024 // a 20 MB import, base64-encoded, fits
const COOKIE = 'gloss_token'

const STATUS: Record<GlossErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  bad_file: 422,
  quote_not_found: 422,
  quote_ambiguous: 422,
  future_schema: 409,
  file_exists: 409,
  locked: 423,
  disk_full: 507,
  read_only: 409,
  corrupt: 500,
  internal: 500,
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export interface WebShellOptions {
  host: NotebookHost
  /** folder of the built renderer (out/web) */
  staticDir: string
  port?: number
  token?: string
}

export interface WebShell {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/**
 * A request the HTTP layer refuses before it reaches the contract: a malformed target or
 * path (400), a body over the limit (413). The message names the input and the reason.
 */
class BadRequest extends GlossError {
  constructor(
    readonly status: number,
    message: string,
    field: string,
  ) {
    super('invalid_input', message, field)
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
) {
  // An answer already under way, or a client already gone: nothing more can be said; a
  // second writeHead would throw (ERR_HTTP_HEADERS_SENT) where no one catches it.
  if (res.headersSent || res.destroyed) {
    if (!res.writableEnded) res.destroy()
    return
  }
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8')

const tooLarge = () => new BadRequest(413, 'The request body is larger than 32 MB.', 'body')

/** The body as UTF-8; rejects (never throws) when it is too large or the client hangs up first. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let settled = false
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      reject(error)
    }
    // refuse a declared size at once, before reading a byte of it
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      res.shouldKeepAlive = false // the rest of the body is never read: hang up after answering
      return fail(tooLarge())
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        res.shouldKeepAlive = false
        chunks.length = 0
        fail(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (settled) return
      settled = true
      resolveBody(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', fail)
    // 'close' before 'end': the client hung up halfway (after 'end' this is a no-op)
    req.on('close', () =>
      fail(new BadRequest(400, 'The request body ended early: the client closed the connection.', 'body')),
    )
  })
}

/**
 * The request target as a URL on our origin. Only origin-form ("/path?query") is accepted:
 * absolute-form ("http://host/…") is for proxies and authority-form / "*" name no page.
 * Prefixing our origin keeps "//host/x" a path here instead of a different host.
 */
function requestUrl(target: string | undefined, port: number): URL {
  if (!target?.startsWith('/')) {
    throw new BadRequest(400, 'Bad request: the request target must be a path starting with "/".', 'url')
  }
  try {
    return new URL(`http://127.0.0.1:${port}${target}`)
  } catch {
    throw new BadRequest(400, 'Bad request: the request target is not a valid URL path.', 'url')
  }
}

/** The URL path as a file path: percent-decoded, no NUL; a BadRequest when it cannot be. */
function decodedPath(pathname: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    throw new BadRequest(400, 'Bad request: the path is not valid percent-encoded UTF-8.', 'url')
  }
  if (decoded.includes('\0')) throw new BadRequest(400, 'Bad request: the path holds a NUL character.', 'url')
  return decoded
}

/** Malformed HTTP the parser refused (bad request line, oversized headers, timeouts): answer and hang up. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const body =
    status === 431
      ? 'Bad request: the request headers are too large.'
      : status === 408
        ? 'Bad request: the request took too long to arrive.'
        : 'Bad request: this is not a well-formed HTTP request.'
  socket.end(
    `HTTP/1.1 ${status} ${http().STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const staticRoot = resolve(options.staticDir)
  let port = 0

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST.' } })
    if (!tokenMatches(req.headers['x-gloss-token'] as string | undefined, token)) {
      return sendJson(res, 401, {
        ok: false,
        error: { code: 'invalid_input', message: 'Missing or wrong token.' },
      })
    }
    try {
      // the name is checked by the worker's dispatcher, with the input
      const body = await readBody(req, res)
      let raw: unknown
      try {
        raw = body ? JSON.parse(body) : {}
      } catch {
        throw new GlossError('invalid_input', 'The request body is not JSON.', 'body')
      }
      // validated once, by the worker's dispatcher
      sendJson(res, 200, { ok: true, value: await options.host.dispatch(name, raw) })
    } catch (error) {
      const data = toErrorData(error)
      const status = error instanceof BadRequest ? error.status : (STATUS[data.code] ?? 500)
      sendJson(res, status, { ok: false, error: data })
    }
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    const fromQuery = url.searchParams.get('token')
    const authorized =
      tokenMatches(fromQuery, token) || tokenMatches(cookieValue(req.headers.cookie, COOKIE), token)
    if (!authorized)
      return send(res, 401, 'Gloss: open the URL printed by `gloss serve` (it carries the access token).')
    if (fromQuery) res.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    if (!existsSync(join(staticRoot, 'index.html'))) {
      return send(res, 503, 'Gloss: the web renderer is not built yet; run `npm run build:web`.')
    }
    const relative = normalize(decodedPath(url.pathname)).replace(/^([/\\])+/, '')
    let file = resolve(staticRoot, relative)
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return send(res, 403, 'Forbidden')
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html')
    send(res, 200, readFileSync(file), MIME[extname(file)] ?? 'application/octet-stream')
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'Forbidden host')
    if (!isAllowedOrigin(req.headers.origin, port)) return send(res, 403, 'Forbidden origin')
    const url = requestUrl(req.url, port)
    if (url.pathname.startsWith('/api/')) await handleApi(req, res, url.pathname.slice('/api/'.length))
    else handleStatic(req, res, url)
  }

  // No request of any shape may end the server: whatever `handle` throws is answered here.
  const server = http().createServer((req, res) => {
    // a client gone before the answer: the write fails, and that is all
    res.on('error', () => undefined)
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BadRequest) return send(res, error.status, error.message)
      console.error('Gloss web shell: a request failed:', error)
      send(res, 500, 'Gloss: internal error; see the terminal running `gloss serve`.')
    })
  })
  server.on('clientError', answerClientError)

  return new Promise((resolveShell, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      // after listening, a server error (say, out of file descriptors) is reported, not fatal
      server.on('error', (error) => console.error('Gloss web shell:', error))
      port = (server.address() as AddressInfo).port
      resolveShell({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
