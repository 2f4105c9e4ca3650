/**
 * Import from a web address: fetched with node:http(s) in the parse worker (so the notebook's
 * thread never holds the response), bounded in time and size, only over http(s). The response's
 * Content-Type says what it is (a page, a PDF, an EPUB, a .docx…), else the address's extension,
 * else the bytes. Private addresses (loopback, LAN, link-local) are refused unless allowed. Every
 * failure is a refusal saying what happened, and nothing is written.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { get as httpGet, STATUS_CODES, type IncomingMessage } from 'node:http'
import type * as Https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import type { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { GlossError } from '../../shared/errors'
import { lazyRequire } from '../lazy'
import { isHttpUrl } from '../../shared/formats'
import type { SourceFormat } from './types'
import { formatFromFileName, MAX_DOCUMENT_BYTES, refuseImport } from './validate'

// TLS costs every CLI and worker start a few ms though only a fetch of an https page needs it
const https = lazyRequire<typeof Https>('node:https')

/** From the request to the response's last byte. */
export const FETCH_TIMEOUT_MS = 15_000

export interface FetchedImport {
  bytes: Uint8Array
  /** the last segment of the address's path, for a title of last resort */
  fileName: string | undefined
  format: SourceFormat | undefined
}

export interface FetchOptions {
  timeoutMs?: number
  maxBytes?: number
  /** private hosts that may be fetched all the same (default: GLOSS_IMPORT_ALLOW_HOSTS) */
  allowHosts?: string[]
}

/** How errors name an address: quoted, and shortened when long. */
export function describeUrl(url: string): string {
  return `"${url.length > 200 ? `${url.slice(0, 199)}…` : url}"`
}

const CONTENT_TYPES: Record<string, SourceFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/epub+zip': 'epub',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
}

function lastSegment(url: URL): string | undefined {
  const segment = url.pathname.split('/').filter(Boolean).pop()
  if (segment === undefined) return undefined
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function formatFromPath(name: string | undefined): SourceFormat | undefined {
  if (name === undefined) return undefined
  try {
    return formatFromFileName(name)
  } catch {
    return undefined // ".php", ".aspx": the server's business, not the content's type
  }
}

/**
 * Addresses on this computer or a private network. A page must not be able to make Gloss (the
 * web shell's server above all) fetch them: a redirect or a name resolving to 127.0.0.1 could
 * otherwise read a local service into the notebook. Checked for every hop and for every address
 * a name resolves to, at connection time (so a name cannot resolve differently afterwards).
 */
const PRIVATE = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3], // multicast, reserved and broadcast
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4')
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv6') // IPv4-mapped addresses are checked by the IPv4 rules
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  return family !== 0 && PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * Hosts that may be fetched although private: `allowHosts`, else GLOSS_IMPORT_ALLOW_HOSTS
 * (comma-separated, as an address writes them: "127.0.0.1:8080", or a bare host for any port).
 * Tests serving pages on loopback name theirs; nothing else should need it.
 */
function allowedHosts(options: FetchOptions): string[] {
  const list = options.allowHosts ?? (process.env.GLOSS_IMPORT_ALLOW_HOSTS ?? '').split(',')
  return list.map((h) => h.trim().toLowerCase()).filter(Boolean)
}

class PrivateAddressError extends Error {
  readonly code = 'EPRIVATE'
  constructor(readonly address: string) {
    super(`${address} is a private address`)
  }
}

/** dns.lookup that fails for a private address (net.connect calls it for names, not for IPs). */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4)
    const blocked = addresses.find((a) => isPrivateAddress(a.address))
    if (blocked) return callback(new PrivateAddressError(blocked.address), '', 4)
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses)
    const [first] = addresses
    if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 4)
    callback(null, first.address, first.family)
  })
}

function privateReason(url: URL, address: string): string {
  const at = address === url.hostname.replace(/^\[|\]$/g, '') ? address : `${url.hostname} (${address})`
  return (
    `${at} is on this computer or a private network, and Gloss fetches only public addresses ` +
    `(a page must not be able to reach local services through it).`
  )
}

/** Why a fetch failed, in words: the error's code from Node, else its message. */
function networkReason(error: unknown, url: URL, timeoutMs: number, signal: AbortSignal): string {
  if (signal.aborted) {
    return `the server did not answer within ${timeoutMs / 1000} seconds, so the import was stopped.`
  }
  const err = error as { message?: string; code?: string }
  if (error instanceof PrivateAddressError) return privateReason(url, error.address)
  const code = err.code ?? ''
  const host = url.host
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `the address ${host} could not be found (is this computer offline?).`
  }
  if (code === 'ECONNREFUSED') return `nothing answered at ${host} (the connection was refused).`
  if (code === 'ECONNRESET' || code === 'EPIPE') return `${host} closed the connection.`
  if (code === 'ETIMEDOUT') return `the connection to ${host} timed out.`
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
    return `${host} cannot be reached (is this computer offline?).`
  }
  if (/CERT|SSL|TLS/i.test(code)) return `its HTTPS certificate was refused (${err.message ?? code}).`
  return `it could not be fetched (${err.message ?? String(error)}).`
}

/** The charset a Content-Type names, else one an HTML page declares in its first kilobyte. */
function charsetOf(contentType: string, bytes: Uint8Array, format: SourceFormat | undefined): string | null {
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]
  if (declared) return declared.toLowerCase()
  if (format !== 'html' && format !== undefined) return null
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  )
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null
}

/** Text in another encoding than UTF-8, re-encoded as UTF-8 (the parsers read UTF-8 only). */
function toUtf8(bytes: Uint8Array, charset: string | null, source: string): Uint8Array {
  if (charset === null || charset === 'utf-8' || charset === 'utf8') return bytes
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset)
  } catch {
    throw refuseImport(source, `it is in the "${charset}" encoding, which Gloss cannot read.`)
  }
  return new TextEncoder().encode(decoder.decode(bytes))
}

const size = (bytes: number) => (bytes >= 1048576 ? `${+(bytes / 1048576).toFixed(1)} MB` : `${bytes} bytes`)

/** Types that are surely no page or document of ours (an octet-stream may be; its bytes tell). */
const NOT_A_PAGE = /^(image|audio|video|font|model)\/|^(application|text)\/(json|javascript|ecmascript|css)$/

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 10

/** One GET, its response's headers in; the body is left to read. */
function get(url: URL, signal: AbortSignal, guarded: boolean): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https().get : httpGet)(
      url,
      {
        signal,
        ...(guarded ? { lookup: publicLookup } : {}),
        headers: {
          accept:
            'text/html,application/xhtml+xml,application/pdf,application/epub+zip,text/markdown,text/plain;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': 'Gloss (offline research notebook)',
        },
      },
      resolve,
    )
    request.on('error', reject)
  })
}

/** The body, decompressed, refused past `maxBytes` (announced or counted). */
async function readBody(response: IncomingMessage, maxBytes: number, source: string): Promise<Uint8Array> {
  const limit = size(maxBytes)
  const length = Number(response.headers['content-length'] ?? NaN)
  if (Number.isFinite(length) && length > maxBytes) {
    response.destroy()
    throw refuseImport(source, `it is ${size(length)}; the limit is ${limit}.`)
  }
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase()
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null
  const stream: Readable = decoder ? response.pipe(decoder) : response
  if (decoder) response.on('error', (error) => decoder.destroy(error))
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.byteLength
      if (total > maxBytes) throw refuseImport(source, `it is larger than the ${limit} limit.`)
      chunks.push(chunk)
    }
  } finally {
    response.destroy()
  }
  return Buffer.concat(chunks, total)
}

/** Fetch `address` for import. Refusals are GlossError 'bad_file' naming the address. */
export async function fetchForImport(address: string, options: FetchOptions = {}): Promise<FetchedImport> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES
  const source = describeUrl(address)
  if (!isHttpUrl(address)) {
    throw new GlossError(
      'invalid_input',
      `Cannot import ${source}: only http:// and https:// addresses can be imported.`,
      'url',
    )
  }
  const allowed = allowedHosts(options)
  const signal = AbortSignal.timeout(timeoutMs)
  let url = new URL(address)
  let response: IncomingMessage
  for (let hops = 0; ; hops++) {
    const host = url.hostname.replace(/^\[|\]$/g, '')
    const guarded = !allowed.includes(url.host.toLowerCase()) && !allowed.includes(host.toLowerCase())
    if (guarded && isPrivateAddress(host)) throw refuseImport(source, privateReason(url, host))
    try {
      response = await get(url, signal, guarded)
    } catch (error) {
      throw refuseImport(source, networkReason(error, url, timeoutMs, signal))
    }
    const location = response.headers.location
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) break
    response.resume()
    if (hops === MAX_REDIRECTS) throw refuseImport(source, `it redirected more than ${MAX_REDIRECTS} times.`)
    const next = new URL(location, url)
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw refuseImport(
        source,
        `it redirected to ${describeUrl(next.href)}, which is not an http(s) address.`,
      )
    }
    url = next
  }
  const status = response.statusCode ?? 0
  if (status < 200 || status > 299) {
    response.destroy()
    const text = response.statusMessage || STATUS_CODES[status]
    throw refuseImport(source, `the server answered ${status}${text ? ` ${text}` : ''}.`)
  }
  const contentType = response.headers['content-type'] ?? ''
  const mime = contentType.split(';')[0]!.trim().toLowerCase()
  if (NOT_A_PAGE.test(mime)) {
    response.destroy()
    throw refuseImport(source, `it is not a web page or a document: the server sent ${mime}.`)
  }
  let bytes: Uint8Array
  try {
    bytes = await readBody(response, maxBytes, source)
  } catch (error) {
    if (error instanceof GlossError) throw error
    throw refuseImport(source, networkReason(error, url, timeoutMs, signal))
  }
  if (bytes.byteLength === 0) throw refuseImport(source, 'the server sent nothing.')
  const segment = lastSegment(url)
  const fromPath = formatFromPath(segment)
  // "page.php" names no type of ours: its stem alone is the fallback title
  const fileName = fromPath === undefined ? segment?.replace(/\.[^.]*$/, '') || undefined : segment
  // servers send Markdown as text/plain, and anything as application/octet-stream
  const format =
    mime === 'text/plain' && fromPath === 'markdown' ? 'markdown' : (CONTENT_TYPES[mime] ?? fromPath)
  const textual = format === undefined || format === 'html' || format === 'markdown' || format === 'text'
  return {
    bytes: textual ? toUtf8(bytes, charsetOf(contentType, bytes, format), source) : bytes,
    fileName,
    format,
  }
}
