/**
 * The web shell: the same renderer and the same contract, over HTTP on 127.0.0.1.
 * A random token per start (printed in the URL, as Jupyter does) guards every request.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { isOperationName } from '../shared/contract'
import { parseInput } from '../shared/dispatch'
import { GlossError, toErrorData, type GlossErrorCode } from '../shared/errors'
import type { NotebookHost } from '../core/host/worker-client'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { cookieValue, isAllowedHost, isAllowedOrigin, tokenMatches } from './security'

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

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  })
  res.end(body)
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8')

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new GlossError('invalid_input', 'The request is larger than 32 MB.', 'body'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
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
      if (!isOperationName(name))
        throw new GlossError('invalid_input', `Unknown operation "${name}".`, 'operation')
      const body = await readBody(req)
      let raw: unknown
      try {
        raw = body ? JSON.parse(body) : {}
      } catch {
        throw new GlossError('invalid_input', 'The request body is not JSON.', 'body')
      }
      const input = parseInput(name, raw)
      sendJson(res, 200, { ok: true, value: await options.host.dispatch(name, input) })
    } catch (error) {
      const data = toErrorData(error)
      sendJson(res, STATUS[data.code] ?? 500, { ok: false, error: data })
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
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
    let file = resolve(staticRoot, relative)
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return send(res, 403, 'Forbidden')
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html')
    send(res, 200, readFileSync(file), MIME[extname(file)] ?? 'application/octet-stream')
  }

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'Forbidden host')
    if (!isAllowedOrigin(req.headers.origin, port)) return send(res, 403, 'Forbidden origin')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch((error) =>
        sendJson(res, 500, { ok: false, error: toErrorData(error) }),
      )
    } else {
      handleStatic(req, res, url)
    }
  })

  return new Promise((resolveShell, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
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
