/**
 * Reading a PDF's text layer with pdf.js (its legacy build, the one meant for Node): every
 * page's text items with their geometry, and the document's metadata. No rendering, no fonts
 * loaded, no scripts: pdf.js's evaluator only decodes content streams here.
 */
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { lazyRequire } from '../../lazy'
import { refuseImport } from '../validate'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

const pdfjs = lazyRequire<PdfJs>('pdfjs-dist/legacy/build/pdf.mjs')
// pdf.js runs its "worker" in this thread when it finds the worker module on globalThis, so no
// dynamic import of a file beside the bundle is needed (the parse worker is the real thread)
const pdfjsWorker = lazyRequire<object>('pdfjs-dist/legacy/build/pdf.worker.mjs')

let packageDir: string | undefined
/** pdfjs-dist's folder: its CMaps (for CJK text) and standard font metrics are read from there. */
function pdfjsDir(): string {
  packageDir ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return packageDir
}

/** One run of text as pdf.js gives it, in PDF user space (y grows upwards). */
export interface PdfTextItem {
  text: string
  /** left end of the baseline */
  x: number
  y: number
  width: number
  /** font size: the text matrix's vertical scale */
  size: number
}

export interface PdfPage {
  /** 1-based */
  number: number
  width: number
  height: number
  items: PdfTextItem[]
}

export interface PdfInfo {
  title: string | null
  author: string | null
  /** YYYY-MM-DD */
  date: string | null
}

export interface PdfContent {
  pages: PdfPage[]
  info: PdfInfo
}

/** Loads pdf.js now (the first PDF would otherwise pay ~0.4 s for it). */
export function preloadPdfReader(): void {
  installWorker()
}

function installWorker(): PdfJs {
  const lib = pdfjs()
  const scope = globalThis as { pdfjsWorker?: object }
  scope.pdfjsWorker ??= pdfjsWorker()
  return lib
}

/** A PDF's end-of-file marker lies in its last kilobyte; a truncated download has none. */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048)
  return tail.includes('%%EOF', 0, 'latin1')
}

function hasHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
  return head.includes('%PDF-', 0, 'latin1')
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const cleaned = value
    .replace(/\p{Cc}+/gu, ' ') // metadata strings may carry control characters
    .replace(/\s+/g, ' ')
    .trim()
  return cleaned === '' ? null : cleaned
}

// Titles that tools write for a document nobody named.
const PLACEHOLDER_TITLE =
  /^(untitled|document\d*|title|microsoft (word|powerpoint) - .*|.*\.(docx?|pdf|tex|dvi|ps|indd|rtf|odt|pages))$/i

function isoDay(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null
  return date.toISOString().slice(0, 10)
}

/** pdf.js's errors come from its worker side as plain objects named after their class. */
function refusal(error: unknown, source: string): Error {
  const name = (error as { name?: string } | null)?.name
  const message = (error as { message?: string } | null)?.message ?? String(error)
  if (name === 'PasswordException') {
    return refuseImport(
      source,
      'it is an encrypted PDF that needs a password to open; save a copy without the password and import that.',
    )
  }
  if (name === 'InvalidPDFException') {
    return refuseImport(source, `it is damaged and cannot be read as a PDF (${message}).`)
  }
  return refuseImport(source, `pdf.js could not read it (${message}).`)
}

/**
 * Open the PDF and read every page's text. Refuses a file that is not a PDF, a truncated one,
 * a damaged one and an encrypted one, each saying so.
 */
export async function readPdf(bytes: Uint8Array, source: string): Promise<PdfContent> {
  if (!hasHeader(bytes)) throw refuseImport(source, 'it is not a PDF (it has no "%PDF-" header).')
  if (!hasEndMarker(bytes)) {
    throw refuseImport(
      source,
      'the PDF is incomplete: its end is missing (a truncated file or an unfinished download).',
    )
  }
  const lib = installWorker()
  const dir = pdfjsDir()
  const task = lib.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  try {
    let doc: Awaited<typeof task.promise>
    try {
      doc = await task.promise
    } catch (error) {
      throw refusal(error, source)
    }
    const pages: PdfPage[] = []
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        pages.push(await readPage(await doc.getPage(number), number))
      } catch (error) {
        throw refuseImport(
          source,
          `page ${number} of the PDF is damaged (${(error as Error).message ?? String(error)}).`,
        )
      }
    }
    const meta = await doc.getMetadata().catch(() => null)
    const infoDict = (meta?.info ?? {}) as Record<string, unknown>
    const xmp = meta?.metadata as { get(name: string): unknown } | null | undefined
    const title = text(infoDict.Title) ?? text(xmp?.get('dc:title'))
    const dateString = text(infoDict.CreationDate)
    return {
      pages,
      info: {
        title: title !== null && !PLACEHOLDER_TITLE.test(title) ? title : null,
        author: text(infoDict.Author) ?? text(xmp?.get('dc:creator')),
        date:
          (dateString === null ? null : isoDay(lib.PDFDateString.toDateObject(dateString))) ??
          isoDay(parseXmpDate(text(xmp?.get('xmp:createdate')))),
      },
    }
  } finally {
    await task.destroy()
  }
}

function parseXmpDate(value: string | null): Date | null {
  if (value === null) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time)
}

type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>

async function readPage(page: PdfPageProxy, number: number): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 })
  // the viewport turns user space into the page as shown (rotation, crop box); y then grows down
  const [va, vb, vc, vd, ve, vf] = viewport.transform as number[]
  const content = await page.getTextContent({ includeMarkedContent: false })
  const items: PdfTextItem[] = []
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue
    const [a, b, c, d, e, f] = item.transform as number[]
    // compose the item's matrix with the viewport's: m = viewport × item
    const ma = va! * a! + vc! * b!
    const mb = vb! * a! + vd! * b!
    const mc = va! * c! + vc! * d!
    const md = vb! * c! + vd! * d!
    const mx = va! * e! + vc! * f! + ve!
    const my = vb! * e! + vd! * f! + vf!
    const size = Math.hypot(mc, md)
    // only horizontal text: a rotated margin stamp (arXiv's id, a "Draft" watermark) is not prose
    if (size === 0 || Math.abs(mb) > 0.05 * Math.hypot(ma, mb) || ma <= 0) continue
    const scaleX = Math.hypot(ma, mb) / Math.hypot(a!, b!)
    items.push({
      text: item.str,
      x: mx,
      // back to y-up, so "above" means a greater y as in the PDF itself
      y: viewport.height - my,
      width: item.width * (Number.isFinite(scaleX) ? scaleX : 1),
      size,
    })
  }
  page.cleanup()
  return { number, width: viewport.width, height: viewport.height, items }
}
