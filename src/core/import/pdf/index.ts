/**
 * PDF import: pdf.js reads the text layer (read.ts), lines are put in reading order (lines.ts),
 * running heads and page numbers found by repetition are quarantined (furniture.ts), paragraphs
 * are rebuilt from the geometry (paragraphs.ts) and headings told by their size. Every section
 * keeps the page it starts on, for citations ("p. 4, ¶2"). The article is stored as text.
 */
import { cleanMetadataText, normalizeDate, type ArticleMetadata } from '../metadata'
import type { SectionDraft } from '../sectioning'
import { refuseImport } from '../validate'
import { findFurniture } from './furniture'
import { pageLines, type PdfLine } from './lines'
import { bodyMetrics, buildParagraphs, type PdfParagraph } from './paragraphs'
import { readPdf, type PdfContent } from './read'

export { preloadPdfReader } from './read'

/** A section draft with the page it starts on. */
export type PagedDraft = SectionDraft & { page: number }

export interface PdfImport {
  drafts: PagedDraft[]
  metadata: ArticleMetadata
}

/** Under this many characters a page, the "text" is a scanner's stamp, not a text layer. */
const MIN_CHARS_PER_PAGE = 10
/** A heading is this much larger than the body text, and short. */
const HEADING_RATIO = 1.15
const MAX_HEADING_CHARS = 250

function scanError(source: string, pages: number): Error {
  const what = pages === 1 ? 'its page is an image' : `its ${pages} pages are images`
  return refuseImport(
    source,
    `the PDF has no text layer (${what}, as in a scan). Run it through OCR (for example OCRmyPDF) and import the result.`,
  )
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const DATE_PATTERNS = [
  new RegExp(`\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}\\s+${MONTH}\\s+\\d{4}\\b`, 'i'),
  /\b\d{4}-\d{2}-\d{2}\b/,
]

/** A date written near the top of the first page ("March 3, 2021", "3 March 2021", "2021-03-03"). */
function firstPageDate(paragraphs: PdfParagraph[]): string | null {
  for (const paragraph of paragraphs.filter((p) => p.page === 1).slice(0, 12)) {
    if (paragraph.text.length > 300) continue
    for (const pattern of DATE_PATTERNS) {
      const match = pattern.exec(paragraph.text)?.[0]
      const date = match === undefined ? null : normalizeDate(match.replace(/\.(?=\s)/, ''))
      if (date !== null) return date.slice(0, 10)
    }
  }
  return null
}

const NAME_WORD = /^(\p{Lu}[\p{L}'’.-]*|and|&|de|van|von|der|da|di|la|le|du|y|,)$/u

/** The line under the title when it reads as names: "Ada Lovelace and Charles Babbage". */
function firstPageByline(paragraphs: PdfParagraph[], titleIndex: number): string | null {
  const next = paragraphs[titleIndex + 1]
  if (next === undefined || next.page !== 1) return null
  const text = next.text.replace(/^by\s+/i, '').replace(/[*†‡§¹²³\d]+(?=,|\s|$)/gu, '')
  const words = text.split(/\s+|(?=,)/u).filter(Boolean)
  if (words.length < 2 || words.length > 16 || text.length > 120 || /[.!?:]$/.test(text)) return null
  return words.every((w) => NAME_WORD.test(w)) ? cleanMetadataText(text) : null
}

/** Parse a PDF's bytes; `source` names it in errors. */
export async function parsePdf(bytes: Uint8Array, source: string): Promise<PdfImport> {
  const content: PdfContent = await readPdf(bytes, source)
  const { pages, info } = content
  if (pages.length === 0) throw refuseImport(source, 'the PDF has no pages.')
  const chars = pages.reduce(
    (n, p) => n + p.items.reduce((m, i) => m + i.text.replace(/\s/g, '').length, 0),
    0,
  )
  if (chars < MIN_CHARS_PER_PAGE * pages.length) throw scanError(source, pages.length)

  const laidOut = pages.map((page) => ({ number: page.number, height: page.height, lines: pageLines(page) }))
  const furniture = findFurniture(laidOut)
  const body: PdfLine[] = laidOut.flatMap((p) => p.lines.filter((l) => !furniture.has(l)))
  if (body.length === 0) throw scanError(source, pages.length)
  const metrics = bodyMetrics(body)
  const paragraphs = buildParagraphs(body, metrics)

  // heading levels by size, largest first
  const isHeading = (p: PdfParagraph) =>
    p.size >= metrics.size * HEADING_RATIO && p.text.length <= MAX_HEADING_CHARS && p.lines.length <= 4
  const headingSizes = [...new Set(paragraphs.filter(isHeading).map((p) => Math.round(p.size * 2) / 2))].sort(
    (a, b) => b - a,
  )
  const levelOf = (size: number) => Math.min(6, headingSizes.indexOf(Math.round(size * 2) / 2) + 1)

  // furniture goes with its page: heads before the page's text, footers after it
  const placed: Array<{ page: number; order: number; draft: PagedDraft }> = []
  paragraphs.forEach((p, i) => {
    const draft: PagedDraft = isHeading(p)
      ? { kind: 'heading', level: levelOf(p.size), text: p.text, page: p.page }
      : { kind: 'paragraph', text: p.text, page: p.page }
    placed.push({ page: p.page, order: 1 + i / (paragraphs.length + 1), draft })
  })
  for (const [line, reason] of furniture) {
    const top = line.y >= (laidOut[line.page - 1]?.height ?? 0) / 2
    placed.push({
      page: line.page,
      order: top ? 0 : 2,
      draft: { kind: 'quarantined', text: line.text, page: line.page, quarantineReason: `pdf: ${reason}` },
    })
  }
  placed.sort((a, b) => a.page - b.page || a.order - b.order)
  const drafts = placed.map((p) => p.draft)

  // title, author and date: the document's own metadata, else its first page
  const titleIndex = paragraphs.findIndex((p) => p.page === 1 && isHeading(p))
  const metadata: ArticleMetadata = {
    title: info.title ?? (titleIndex === -1 ? null : cleanMetadataText(paragraphs[titleIndex]!.text)),
    byline: info.author ?? (titleIndex === -1 ? null : firstPageByline(paragraphs, titleIndex)),
    publishedAt: info.date ?? firstPageDate(paragraphs),
  }
  return { drafts, metadata }
}
