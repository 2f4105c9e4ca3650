import { parseHtml, preloadHtmlParser } from './html'
import { parseMarkdown, preloadMarkdownParser } from './markdown'
import { NO_METADATA } from './metadata'
import { quarantineEdgeJunk } from './junk'
import { assembleSections, sha256Hex, type SectionDraft } from './sectioning'
import { sniffFormat } from './sniff'
import { normalizeText, splitPlainParagraphs } from './text'
import { chooseTitle } from './title'
import type { ImportFormat, ParsedArticle } from './types'
import { checkText, decodeFileBytes, describeFile, formatFromFileName } from './validate'

export type { ImportFormat, ParsedArticle, ParsedSection, SectionKind } from './types'
export { MAX_IMPORT_BYTES } from './validate'
export { sniffFormat } from './sniff'

/** Loads jsdom, Readability, DOMPurify and marked now rather than on the first page parsed. */
export function preloadParsers(): void {
  preloadHtmlParser()
  preloadMarkdownParser()
}

export interface ParseFileInput {
  bytes: Uint8Array
  fileName?: string
  /** overrides the extension and sniffing */
  format?: ImportFormat
  sourceUrl?: string
}

export interface ParseTextOptions {
  /** given by the user; sniffed from the content when absent */
  format?: ImportFormat
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
  format: ImportFormat,
  source: string,
  fileName: string | undefined,
  givenUrl: string | undefined,
): ParsedArticle {
  const normalized = normalizeText(text)
  let drafts: SectionDraft[]
  let metadata = NO_METADATA
  let contentHtml: string | null = null
  let sourceUrl = givenUrl ?? null
  if (format === 'html') {
    const html = parseHtml(normalized, source, givenUrl)
    ;({ drafts, metadata, contentHtml, sourceUrl } = html)
  } else if (format === 'markdown') {
    ;({ drafts, metadata } = parseMarkdown(normalized, source))
  } else {
    drafts = splitPlainParagraphs(normalized).map((p): SectionDraft => ({ kind: 'paragraph', text: p }))
  }
  drafts = quarantineEdgeJunk(drafts)
  const { text: canonical, sections } = assembleSections(drafts)
  return {
    title: chooseTitle(metadata.title, drafts, titleFallback(fileName)),
    byline: metadata.byline,
    publishedAt: metadata.publishedAt,
    sourceUrl,
    format,
    sourceFormat: format,
    text: canonical,
    contentHash: sha256Hex(canonical),
    sections,
    contentHtml,
  }
}

/**
 * Parse an imported file. Refusals (unsupported type, too big, empty, binary, not UTF-8,
 * no readable text) throw GlossError 'bad_file' naming the file and the reason.
 */
export function parseArticle(input: ParseFileInput): ParsedArticle {
  const source = describeFile(input.fileName)
  const fromName =
    input.format ?? (input.fileName === undefined ? undefined : formatFromFileName(input.fileName))
  const text = decodeFileBytes(input.bytes, source)
  return parseDecoded(text, fromName ?? sniffFormat(text), source, input.fileName, input.sourceUrl)
}

/** Parse pasted text; errors call it "pasted text". */
export function parseText(text: string, opts: ParseTextOptions = {}): ParsedArticle {
  const source = 'pasted text'
  const checked = checkText(text, source)
  return parseDecoded(checked, opts.format ?? sniffFormat(checked), source, undefined, opts.sourceUrl)
}
