/**
 * Running headers, footers and page numbers: lines at a page's top or bottom edge whose text
 * (digits aside) comes back on other pages. They are kept, quarantined with their reason, so
 * the text stays whole and "show hidden" brings them back.
 */
import type { PdfLine } from './lines'

export type Furniture = 'running header' | 'running footer' | 'page number'

/** How many lines from each edge of a page are candidates. */
const EDGE_LINES = 2
/** A candidate must sit in the outer part of the page: this share of its height from an edge. */
const EDGE_ZONE = 0.14

const ROMAN = /^(?=[ivxlcdm])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i
const PAGE_NUMBER =
  /^(page|p\.|pg\.?|seite|página|pagina)?\s*[-–—([]?\s*#\s*[-–—)\]]?\s*((of|\/|von|de|sur)\s*#)?$/i

/** Longer lines are prose: they must come back word for word, digits too. */
const MAX_HEAD_CHARS = 80

/** The text a repeated line shares across pages: case, spacing and (in a short line) digits aside. */
function key(text: string): string {
  if (text.length > MAX_HEAD_CHARS) return text.toLowerCase().replace(/\s+/g, ' ').trim()
  const words = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (ROMAN.test(word) ? '#' : word))
    .join(' ')
  return words.replace(/\d+/g, '#')
}

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(key(text))
}

/** Page furniture stands apart: more than a line and a half from the text beside it. */
const apart = (a: PdfLine, b: PdfLine | undefined) =>
  b === undefined || Math.abs(a.y - b.y) > 1.8 * Math.max(a.size, b.size)

/**
 * The lines at one edge that may be furniture: `lines` run from the edge inward, and the edge's
 * first lines (at most EDGE_LINES, all in the zone) count up to the last gap that sets them apart
 * from the text, so a page number under a running footer counts with it.
 */
function edgeLines(lines: PdfLine[], inZone: (line: PdfLine) => boolean): PdfLine[] {
  let found: PdfLine[] = []
  for (let i = 0; i < Math.min(EDGE_LINES, lines.length) && inZone(lines[i]!); i++) {
    if (apart(lines[i]!, lines[i + 1])) found = lines.slice(0, i + 1)
  }
  return found
}

interface Candidate {
  line: PdfLine
  zone: 'top' | 'bottom'
  key: string
}

/**
 * Which lines are page furniture, by their reason. `pageHeights` gives each page's height
 * (by page number). One-page documents have nothing to compare, so only an edge line that is a
 * bare page number counts there.
 */
export function findFurniture(
  pages: Array<{ number: number; height: number; lines: PdfLine[] }>,
): Map<PdfLine, Furniture> {
  const candidates: Candidate[] = []
  for (const page of pages) {
    const byY = [...page.lines].sort((a, b) => b.y - a.y)
    const top = edgeLines(byY, (l) => l.y >= page.height * (1 - EDGE_ZONE))
    // top to bottom, as the page reads
    const bottom = edgeLines(
      [...byY].reverse(),
      (l) => l.y <= page.height * EDGE_ZONE && !top.includes(l),
    ).reverse()
    for (const line of top) candidates.push({ line, zone: 'top', key: key(line.text) })
    for (const line of bottom) candidates.push({ line, zone: 'bottom', key: key(line.text) })
  }
  const pagesWith = new Map<string, Set<number>>()
  for (const c of candidates) {
    const id = `${c.zone}:${c.key}`
    const set = pagesWith.get(id) ?? new Set<number>()
    set.add(c.line.page)
    pagesWith.set(id, set)
  }
  // alternating heads (the book on even pages, the chapter on odd ones) come back on ~half
  const needed = Math.max(2, Math.ceil(pages.length * 0.3))
  const found = new Map<PdfLine, Furniture>()
  for (const c of candidates) {
    const repeated = (pagesWith.get(`${c.zone}:${c.key}`)?.size ?? 0) >= needed
    const number = PAGE_NUMBER.test(c.key)
    if (!repeated && !(number && pages.length === 1)) continue
    found.set(c.line, number ? 'page number' : c.zone === 'top' ? 'running header' : 'running footer')
  }
  return found
}
