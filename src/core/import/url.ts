/**
 * Import from a web address: fetched with Node's fetch in the parse worker (so the notebook's
 * thread never holds the response), bounded in time and size, only over http(s). The response's
 * Content-Type says what it is (a page, a PDF, an EPUB, a .docx…), else the address's extension,
 * else the bytes. Every failure is a refusal saying what happened, and nothing is written.
 */
import { GlossError } from '../../shared/errors'
import { isHttpUrl } from '../../shared/formats'
import type { SourceFormat } from './types'
import { formatFromFileName, MAX_DOCUMENT_BYTES, refuseImport } from './validate'

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

/** Why a fetch failed, in words: the cause's code from undici, else its message. */
function networkReason(error: unknown, url: URL, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err.name === 'TimeoutError') {
    return `the server did not answer within ${timeoutMs / 1000} seconds, so the import was stopped.`
  }
  const code = err.cause?.code ?? ''
  const host = url.host
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `the address ${host} could not be found (is this computer offline?).`
  }
  if (code === 'ECONNREFUSED') return `nothing answered at ${host} (the connection was refused).`
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `${host} closed the connection.`
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return `the connection to ${host} timed out.`
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
    return `${host} cannot be reached (is this computer offline?).`
  }
  if (/CERT|SSL|TLS/i.test(code)) return `its HTTPS certificate was refused (${err.cause?.message ?? code}).`
  return `it could not be fetched (${err.cause?.message ?? err.message ?? String(error)}).`
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

async function readBody(response: Response, maxBytes: number, source: string): Promise<Uint8Array> {
  const limit = size(maxBytes)
  const length = Number(response.headers.get('content-length') ?? NaN)
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel()
    throw refuseImport(source, `it is ${size(length)}; the limit is ${limit}.`)
  }
  const chunks: Uint8Array[] = []
  let total = 0
  if (response.body === null) return new Uint8Array()
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw refuseImport(source, `it is larger than the ${limit} limit.`)
    }
    chunks.push(value)
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
  const url = new URL(address)
  const signal = AbortSignal.timeout(timeoutMs)
  let response: Response
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal,
      headers: {
        accept:
          'text/html,application/xhtml+xml,application/pdf,application/epub+zip,text/markdown,text/plain;q=0.9,*/*;q=0.5',
        'user-agent': 'Gloss (offline research notebook)',
      },
    })
  } catch (error) {
    throw refuseImport(source, networkReason(error, url, timeoutMs))
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined)
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
    throw refuseImport(source, `the server answered ${status}.`)
  }
  let bytes: Uint8Array
  try {
    bytes = await readBody(response, maxBytes, source)
  } catch (error) {
    if (error instanceof GlossError) throw error
    throw refuseImport(source, networkReason(error, url, timeoutMs))
  }
  if (bytes.byteLength === 0) throw refuseImport(source, 'the server sent nothing.')
  const contentType = response.headers.get('content-type') ?? ''
  const mime = contentType.split(';')[0]!.trim().toLowerCase()
  const segment = lastSegment(new URL(response.url || address))
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
