/**
 * From a page's text items to lines in reading order. Items on one baseline make a line; a page
 * whose text leaves a straight vertical gutter with an aligned left edge beside it has two
 * columns, read left column then right, band by band between the lines that span both (a title,
 * an abstract, a wide figure's caption).
 */
import type { PdfPage, PdfTextItem } from './read'

export type LineColumn = 'single' | 'left' | 'right' | 'span'

export interface PdfLine {
  text: string
  page: number
  x0: number
  x1: number
  /** baseline, y up */
  y: number
  /** the size most of its characters have */
  size: number
  column: LineColumn
  /** which band of a two-column page (between spanning lines); 0 on single-column pages */
  band: number
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!
}

/** The size most characters of these items have. */
export function dominantSize(items: Array<{ text: string; size: number }>): number {
  const weight = new Map<number, number>()
  for (const item of items) {
    const key = Math.round(item.size * 2) / 2
    weight.set(key, (weight.get(key) ?? 0) + item.text.length)
  }
  let best = 0
  let bestWeight = -1
  for (const [size, w] of weight) {
    if (w > bestWeight || (w === bestWeight && size < best)) [best, bestWeight] = [size, w]
  }
  return best
}

/** Items that share a baseline, left to right (y within a third of the smaller size). */
function groupBaselines(items: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: Array<{ y: number; size: number; items: PdfTextItem[] }> = []
  for (const item of sorted) {
    const row = rows[rows.length - 1]
    if (row !== undefined && Math.abs(row.y - item.y) <= 0.35 * Math.min(row.size, item.size)) {
      row.items.push(item)
      row.size = Math.max(row.size, item.size)
    } else {
      rows.push({ y: item.y, size: item.size, items: [item] })
    }
  }
  return rows.map((row) => row.items.sort((a, b) => a.x - b.x))
}

/** Items of one line joined: a space where the gap between them is wider than a kerning. */
export function joinItems(items: PdfTextItem[]): string {
  let out = ''
  let end = -Infinity
  for (const item of items) {
    const text = item.text.replace(/\s+/g, ' ')
    if (out !== '' && !out.endsWith(' ') && !text.startsWith(' ') && item.x - end > 0.15 * item.size) {
      out += ' '
    }
    out += text
    end = Math.max(end, item.x + item.width)
  }
  return out.replace(/\s+/g, ' ').trim()
}

function toLine(items: PdfTextItem[], page: number, column: LineColumn, band: number): PdfLine {
  return {
    text: joinItems(items),
    page,
    x0: Math.min(...items.map((i) => i.x)),
    x1: Math.max(...items.map((i) => i.x + i.width)),
    y: median(items.map((i) => i.y)),
    size: dominantSize(items),
    column,
    band,
  }
}

const crosses = (item: PdfTextItem, x: number) => item.x < x - 0.5 && item.x + item.width > x + 0.5

/**
 * The x of a two-column page's gutter, or null for a single column. The candidate is the x in
 * the middle of the text block that the fewest rows cross; it is a gutter when rows on either
 * side of it leave it free (a few rows of each side suffice: a page may hold a short two-column
 * part), the space between the sides is wider than a word space, and the right side's rows start
 * at one aligned edge (a chance river between the words of one column does none of these).
 */
export function findGutter(rows: PdfTextItem[][]): number | null {
  const all = rows.flat()
  if (rows.length < 6) return null
  const left = Math.min(...all.map((i) => i.x))
  const right = Math.max(...all.map((i) => i.x + i.width))
  const width = right - left
  if (width <= 0) return null
  let best: { x: number; crossing: number } | null = null
  for (let x = Math.ceil(left + 0.3 * width); x <= left + 0.7 * width; x++) {
    const crossing = rows.filter((row) => row.some((item) => crosses(item, x))).length
    if (best === null || crossing < best.crossing) best = { x, crossing }
  }
  if (best === null) return null
  // widen the candidate to the middle of the empty band around it
  let lo = best.x
  let hi = best.x
  const free = (x: number) =>
    rows.filter((row) => row.some((item) => crosses(item, x))).length <= best.crossing
  while (lo > left && free(lo - 1)) lo--
  while (hi < right && free(hi + 1)) hi++
  const gutter = (lo + hi) / 2
  // the columns' baselines need not line up (a paragraph's spacing shifts one of them), so rows
  // are counted per side: each side must hold text in rows that do not cross the gutter
  const unbroken = rows.filter((row) => !row.some((item) => crosses(item, gutter)))
  const leftRows = unbroken.filter((row) => row.some((item) => item.x + item.width <= gutter))
  const rightRows = unbroken.filter((row) => row.some((item) => item.x >= gutter))
  if (leftRows.length < 2 || rightRows.length < 2 || leftRows.length + rightRows.length < 5) return null
  // a gutter is wider than any space between words: the right side's aligned edge stands well
  // clear of where the left side's rows end (a centred page number may sit in between)
  const leftEnds = leftRows
    .map((row) => Math.max(...row.filter((i) => i.x + i.width <= gutter).map((i) => i.x + i.width)))
    .sort((a, b) => a - b)
  const leftEnd = leftEnds[Math.floor(0.9 * (leftEnds.length - 1))]!
  const rightStarts = rightRows.map((row) => Math.min(...row.filter((i) => i.x >= gutter).map((i) => i.x)))
  const size = median(unbroken.flat().map((i) => i.size))
  const edge = median(rightStarts)
  if (edge - leftEnd < 0.8 * size) return null
  const aligned = rightStarts.filter((x) => Math.abs(x - edge) <= 1.5).length
  return aligned >= 0.5 * rightRows.length ? gutter : null
}

/** One page's lines in reading order (running heads still among them). */
export function pageLines(page: PdfPage): PdfLine[] {
  const rows = groupBaselines(page.items)
  const gutter = findGutter(rows)
  if (gutter === null) return rows.map((row) => toLine(row, page.number, 'single', 0))
  const lines: PdfLine[] = []
  let band = 0
  let leftLines: PdfLine[] = []
  let rightLines: PdfLine[] = []
  const flush = () => {
    // a short left-aligned line well below the right column's end (the heading of the one-column
    // part that follows) is not the left column's: it comes after both columns
    const rightBottom = Math.min(...rightLines.map((l) => l.y))
    let cut = leftLines.findIndex(
      (l, i) =>
        i > 0 &&
        l.y < rightBottom - l.size &&
        leftLines[i - 1]!.y - l.y > 2 * Math.max(l.size, leftLines[i - 1]!.size),
    )
    if (cut === -1) cut = leftLines.length
    const after = leftLines.slice(cut).map((l) => ({ ...l, column: 'span' as const, band: band + 1 }))
    lines.push(...leftLines.slice(0, cut), ...rightLines, ...after)
    leftLines = []
    rightLines = []
  }
  let spanning = false
  for (const row of rows) {
    if (row.some((item) => crosses(item, gutter))) {
      // consecutive spanning rows (a title, an abstract, a one-column part) are one band
      if (!spanning) {
        flush()
        band++
        spanning = true
      }
      lines.push(toLine(row, page.number, 'span', band))
      continue
    }
    if (spanning) {
      band++
      spanning = false
    }
    const leftItems = row.filter((i) => i.x < gutter)
    const rightItems = row.filter((i) => i.x >= gutter)
    if (leftItems.length > 0) leftLines.push(toLine(leftItems, page.number, 'left', band))
    if (rightItems.length > 0) rightLines.push(toLine(rightItems, page.number, 'right', band))
  }
  flush()
  return lines
}
