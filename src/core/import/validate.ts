import { GlossError } from '../../shared/errors'
import type { SourceFormat } from './types'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** PDFs, EPUBs and .docx carry images and fonts beside their text: they may be larger. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024

/** Formats read from their bytes by a parser of their own, never decoded as text. */
export const DOCUMENT_FORMATS: ReadonlySet<SourceFormat> = new Set(['pdf', 'epub', 'docx'])

const EXTENSION_FORMATS: Record<string, SourceFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  epub: 'epub',
  docx: 'docx',
}
const SUPPORTED_LIST = Object.keys(EXTENSION_FORMATS)
  .map((ext) => `.${ext}`)
  .join(', ')

/** How errors name a file: its quoted name, or "the file" when the caller gave none. */
export function describeFile(fileName: string | undefined): string {
  return fileName === undefined ? 'the file' : `"${fileName}"`
}

export function refuseImport(source: string, reason: string): GlossError {
  return new GlossError('bad_file', `Cannot import ${source}: ${reason}`)
}

/**
 * The format a file name implies; undefined when the name has no extension, so the
 * caller sniffs the content instead. Any other extension is refused outright.
 */
export function formatFromFileName(fileName: string): SourceFormat | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  if (dot <= 0) return undefined
  const ext = base.slice(dot + 1).toLowerCase()
  const format = EXTENSION_FORMATS[ext]
  if (format === undefined) {
    throw refuseImport(
      describeFile(fileName),
      `".${ext}" is an unsupported type; supported types are ${SUPPORTED_LIST}.`,
    )
  }
  return format
}

/** The size cap for a file of this name: larger for PDF, EPUB and .docx. */
export function maxBytesFor(fileName: string | undefined): number {
  const ext = fileName?.split(/[\\/]/).pop()?.split('.').pop()?.toLowerCase() ?? ''
  const format = EXTENSION_FORMATS[ext]
  return format !== undefined && DOCUMENT_FORMATS.has(format) ? MAX_DOCUMENT_BYTES : MAX_IMPORT_BYTES
}

const startsWith = (bytes: Uint8Array, text: string, at = 0) =>
  bytes.length >= at + text.length && [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0))

/**
 * A PDF, EPUB or .docx told by its first bytes (for content without a telling name): "%PDF-"
 * at the very start (a text about PDFs may quote it later);
 * a zip whose first entry is EPUB's "mimetype"; a zip holding "word/" parts.
 */
export function sniffDocumentFormat(bytes: Uint8Array): SourceFormat | undefined {
  if (startsWith(bytes, '%PDF-')) return 'pdf'
  if (!startsWith(bytes, 'PK\u0003\u0004')) return undefined
  if (startsWith(bytes, 'mimetypeapplication/epub+zip', 30)) return 'epub'
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (all.includes('word/document.xml', 0, 'latin1')) return 'docx'
  if (all.includes('META-INF/container.xml', 0, 'latin1')) return 'epub'
  return undefined
}

const BINARY_SNIFF_BYTES = 8 * 1024
/** Above this share of control characters the input is binary data, not prose. */
const MAX_CONTROL_RATIO = 0.1

function isControlCode(code: number): boolean {
  // tab, LF, FF and CR are ordinary in text files
  if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return false
  return code < 0x20 || code === 0x7f
}

function looksBinary(codes: ArrayLike<number>): boolean {
  const length = Math.min(codes.length, BINARY_SNIFF_BYTES)
  let controls = 0
  for (let i = 0; i < length; i++) {
    const code = codes[i] ?? 0
    if (code === 0) return true
    if (isControlCode(code)) controls++
  }
  return length > 0 && controls / length > MAX_CONTROL_RATIO
}

function charCodes(text: string): number[] {
  const codes: number[] = []
  for (let i = 0; i < Math.min(text.length, BINARY_SNIFF_BYTES); i++) codes.push(text.charCodeAt(i))
  return codes
}

/** Size, emptiness and binary checks; the order puts the cheapest, clearest reason first. */
export function decodeFileBytes(bytes: Uint8Array, source: string): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = (bytes.byteLength / (1024 * 1024)).toFixed(1)
    throw refuseImport(source, `it is ${mb} MB; the limit is 20 MB.`)
  }
  if (bytes.byteLength === 0) throw refuseImport(source, 'the file is empty.')
  if (looksBinary(bytes)) throw refuseImport(source, 'it looks like a binary file, not text.')
  let text: string
  try {
    // fatal: a wrong encoding must be refused, not silently turned into U+FFFD
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw refuseImport(source, 'it is not valid UTF-8 text; save it as UTF-8 and try again.')
  }
  return checkText(text, source)
}

/** Checks shared by files (after decoding) and pasted text. */
export function checkText(text: string, source: string): string {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (withoutBom.length * 3 > MAX_IMPORT_BYTES && Buffer.byteLength(withoutBom) > MAX_IMPORT_BYTES) {
    throw refuseImport(source, 'it is larger than the 20 MB limit.')
  }
  if (withoutBom.trim() === '') {
    throw refuseImport(source, withoutBom === '' ? 'it is empty.' : 'it contains only whitespace.')
  }
  if (looksBinary(charCodes(withoutBom))) {
    throw refuseImport(source, 'it looks like binary data, not text.')
  }
  return withoutBom
}
