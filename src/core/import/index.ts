import { parseDocx } from './docx'
import { parseEpub } from './epub'
import { parseHtml, preloadHtmlParser } from './html'
import { parseMarkdown, preloadMarkdownParser } from './markdown'
import { NO_METADATA, type ArticleMetadata } from './metadata'
import { quarantineEdgeJunk } from './junk'
import { parsePdf, type PagedDraft } from './pdf/index'
import { assembleSections, sha256Hex, type SectionDraft } from './sectioning'
import { sniffFormat } from './sniff'
import { normalizeText, splitPlainParagraphs } from './text'
import { chooseTitle } from './title'
import type { ParsedMedia } from './pictures'
import type { ArticleFormat, SourceFormat, ParsedArticle, ParsedSection } from './types'
import {
  checkText,
  decodeFileBytes,
  describeFile,
  DOCUMENT_FORMATS,
  formatFromFileName,
  maxBytesFor,
  refuseImport,
  sniffDocumentFormat,
} from './validate'

export type { ImportFormat, ParsedArticle, ParsedSection, SectionKind, SourceFormat } from './types'
export { MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES } from './validate'
export { sniffFormat } from './sniff'

/**
 * Loads jsdom, Readability, DOMPurify and marked now rather than on the first page parsed.
 * pdf.js, mammoth and fflate load on the first PDF, .docx or EPUB.
 */
export function preloadParsers(): void {
  preloadHtmlParser()
  preloadMarkdownParser()
}

export interface ParseFileInput {
  bytes: Uint8Array
  fileName?: string
  /** overrides the extension and sniffing */
  format?: SourceFormat
  sourceUrl?: string
  /** how errors name the input (default: the quoted file name) */
  source?: string
  /** the folder of a file on disk: pictures an HTML or Markdown file names next to it are stored */
  folder?: string
}

export interface ParseTextOptions {
  /** given by the user; sniffed from the content when absent */
  format?: ArticleFormat
  sourceUrl?: string
}

function titleFallback(fileName: string | undefined): string {
  const base = fileName
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]+$/, '')
    .trim()
  return base ? base : 'Untitled'
}

function parseDecoded(
  text: string,
  format: ArticleFormat,
  source: string,
  fileName: string | undefined,
  givenUrl: string | undefined,
  folder: string | undefined,
): ParsedArticle {
  const normalized = normalizeText(text)
  let drafts: SectionDraft[]
  let metadata = NO_METADATA
  let contentHtml: string | null = null
  let sourceUrl = givenUrl ?? null
  let media: ParsedMedia[] = []
  if (format === 'html') {
    const html = parseHtml(normalized, source, givenUrl, { folder })
    ;({ drafts, metadata, contentHtml, sourceUrl, media } = html)
  } else if (format === 'markdown') {
    ;({ drafts, metadata, media } = parseMarkdown(normalized, source, { folder }))
  } else {
    drafts = splitPlainParagraphs(normalized).map((p): SectionDraft => ({ kind: 'paragraph', text: p }))
  }
  return finish({ drafts, metadata, contentHtml, sourceUrl, format, sourceFormat: format, media }, fileName)
}

interface Extracted {
  /** a PDF's carry the page each starts on */
  drafts: Array<SectionDraft | PagedDraft>
  metadata: ArticleMetadata
  contentHtml: string | null
  sourceUrl: string | null
  format: ArticleFormat
  sourceFormat: SourceFormat
  media?: ParsedMedia[]
}

/** The pictures some section's layout names (a page parsed twice may have collected others). */
function namedMedia(sections: ParsedSection[], media: ParsedMedia[] | undefined): ParsedMedia[] {
  if (media === undefined || media.length === 0) return []
  const named = new Set(sections.flatMap((s) => s.layout?.images?.map((i) => i.mediaId) ?? []))
  return media.filter((m) => named.has(m.sha256))
}

/** Edge junk quarantined, sections laid end to end, the title chosen: the same for every format. */
function finish(extracted: Extracted, fileName: string | undefined): ParsedArticle {
  const { metadata, contentHtml, sourceUrl, format, sourceFormat } = extracted
  const given = extracted.drafts.filter((d) => d.text !== '')
  const drafts = quarantineEdgeJunk(given)
  const { text: canonical, sections } = assembleSections(drafts)
  // assembleSections keeps every draft with text, in order: pages follow by index
  given.forEach((draft, i) => {
    if ('page' in draft) sections[i]!.page = draft.page
  })
  return {
    title: chooseTitle(metadata.title, drafts, titleFallback(fileName)),
    byline: metadata.byline,
    publishedAt: metadata.publishedAt,
    sourceUrl,
    format,
    sourceFormat,
    text: canonical,
    contentHash: sha256Hex(canonical),
    sections,
    contentHtml,
    media: namedMedia(sections, extracted.media),
  }
}

function checkDocumentSize(bytes: Uint8Array, source: string, format: SourceFormat): void {
  const max = maxBytesFor(`file.${format}`)
  if (bytes.byteLength > max) {
    const mb = (bytes.byteLength / (1024 * 1024)).toFixed(1)
    throw refuseImport(source, `it is ${mb} MB; the limit is ${max / 1048576} MB.`)
  }
  if (bytes.byteLength === 0) throw refuseImport(source, 'the file is empty.')
}

/** A PDF, EPUB or .docx; their parsers are asynchronous (pdf.js, mammoth). */
async function parseBinary(
  bytes: Uint8Array,
  format: SourceFormat,
  source: string,
  fileName: string | undefined,
  givenUrl: string | undefined,
): Promise<ParsedArticle> {
  checkDocumentSize(bytes, source, format)
  const sourceUrl = givenUrl ?? null
  if (format === 'pdf') {
    const { drafts, metadata } = await parsePdf(bytes, source)
    return finish(
      { drafts, metadata, contentHtml: null, sourceUrl, format: 'text', sourceFormat: 'pdf' },
      fileName,
    )
  }
  const { drafts, metadata, contentHtml, media } =
    format === 'epub' ? parseEpub(bytes, source) : await parseDocx(bytes, source)
  return finish(
    { drafts, metadata, contentHtml, sourceUrl, format: 'html', sourceFormat: format, media },
    fileName,
  )
}

function givenFormat(input: ParseFileInput): SourceFormat | undefined {
  return input.format ?? (input.fileName === undefined ? undefined : formatFromFileName(input.fileName))
}

/**
 * Parse an imported text, Markdown or HTML file, in this thread. Refusals (unsupported type,
 * too big, empty, binary, not UTF-8, no readable text) throw GlossError 'bad_file' naming the
 * file and the reason. A PDF, EPUB or .docx needs parseDocument.
 */
export function parseArticle(input: ParseFileInput): ParsedArticle {
  const source = input.source ?? describeFile(input.fileName)
  const format = givenFormat(input) ?? sniffDocumentFormat(input.bytes)
  if (format !== undefined && DOCUMENT_FORMATS.has(format)) {
    throw refuseImport(source, `a ${format.toUpperCase()} file is read in the import worker (parseDocument).`)
  }
  const text = decodeFileBytes(input.bytes, source)
  return parseDecoded(
    text,
    // text sniffing only ever finds text, Markdown or HTML
    (format ?? sniffFormat(text)) as ArticleFormat,
    source,
    input.fileName,
    input.sourceUrl,
    input.folder,
  )
}

/**
 * Parse any import: a PDF, EPUB or .docx as well as text, Markdown and HTML. The format is the
 * one given, else the file name's, else the content's (a PDF's or zip's first bytes, then the
 * text sniffing). Refusals as parseArticle's.
 */
export async function parseDocument(input: ParseFileInput): Promise<ParsedArticle> {
  const source = input.source ?? describeFile(input.fileName)
  const format = givenFormat(input) ?? sniffDocumentFormat(input.bytes)
  if (format !== undefined && DOCUMENT_FORMATS.has(format)) {
    return parseBinary(input.bytes, format, source, input.fileName, input.sourceUrl)
  }
  return parseArticle({ ...input, format })
}

/** Parse pasted text; errors call it "pasted text". */
export function parseText(text: string, opts: ParseTextOptions = {}): ParsedArticle {
  const source = 'pasted text'
  const checked = checkText(text, source)
  const format = (opts.format ?? sniffFormat(checked)) as ArticleFormat
  return parseDecoded(checked, format, source, undefined, opts.sourceUrl, undefined)
}
