/**
 * Paragraphs rebuilt from line geometry. Within a column a paragraph ends where the space to the
 * next line is wider than the text's leading, the size changes, the next line is indented or
 * starts a list item, or a body line stops well short of the column's right edge. Across a
 * column or page break the text goes on when the last line ran to the edge without closing its
 * sentence, or when the next one starts in lower case. A hyphen at a line's end is dropped when
 * the word is one (the document spells it whole elsewhere, or the next line goes on in lower
 * case) and kept when the document hyphenates it elsewhere.
 */
import { dominantSize, type PdfLine } from './lines'

export interface PdfParagraph {
  lines: PdfLine[]
  page: number
  size: number
  text: string
}

const BULLET = /^([•●○◦▪■–—*-]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s/u
const CLOSES_SENTENCE = /[.!?:;…"”’)\]]$/u
const STARTS_LOWER = /^[\p{Ll}]/u
const SIZE_TOLERANCE = 0.12

interface ColumnBox {
  left: number
  right: number
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))))] ?? 0
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= SIZE_TOLERANCE * Math.max(a, b)

/** The document's body text size and leading (the baseline step between its lines). */
export function bodyMetrics(lines: PdfLine[]): { size: number; leading: number } {
  const size = dominantSize(lines)
  const steps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!]
    if (a.page !== b.page || a.column !== b.column || a.band !== b.band) continue
    if (!sameSize(a.size, size) || !sameSize(b.size, size)) continue
    const step = a.y - b.y
    if (step > 0.5 * size && step < 3 * size) steps.push(step)
  }
  // the most common step is the leading; the gaps between paragraphs are the exceptions
  const counts = new Map<number, number>()
  for (const step of steps) {
    const key = Math.round(step * 2) / 2
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  let leading = 1.2 * size
  let most = 0
  for (const [step, count] of counts) {
    if (count > most || (count === most && step < leading)) [leading, most] = [step, count]
  }
  return { size, leading }
}

/** Each column's left edge and right edge, from its body-size lines (page by page, column by column). */
function columnBoxes(lines: PdfLine[], bodySize: number): (line: PdfLine) => ColumnBox {
  const groups = new Map<string, PdfLine[]>()
  const kinds = new Map<string, PdfLine[]>()
  for (const line of lines) {
    if (!sameSize(line.size, bodySize)) continue
    const id = `${line.page}:${line.column}`
    groups.set(id, [...(groups.get(id) ?? []), line])
    kinds.set(line.column, [...(kinds.get(line.column) ?? []), line])
  }
  const box = (group: PdfLine[]): ColumnBox => ({
    left: percentile(
      group.map((l) => l.x0),
      0.1,
    ),
    right: percentile(
      group.map((l) => l.x1),
      0.9,
    ),
  })
  const cache = new Map<string, ColumnBox>()
  return (line) => {
    const id = `${line.page}:${line.column}`
    let found = cache.get(id)
    if (found === undefined) {
      const group = groups.get(id) ?? []
      const fallback = kinds.get(line.column) ?? []
      found =
        group.length >= 5
          ? box(group)
          : fallback.length > 0
            ? box(fallback)
            : { left: line.x0, right: line.x1 }
      cache.set(id, found)
    }
    return found
  }
}

/**
 * Whether `next` starts a new paragraph after `prev`. `flowBreak`: they are in different
 * columns, bands or pages, so the space between them says nothing.
 */
function startsParagraph(
  prev: PdfLine,
  next: PdfLine,
  body: { size: number; leading: number },
  boxOf: (line: PdfLine) => ColumnBox,
): boolean {
  if (!sameSize(prev.size, next.size)) return true
  if (BULLET.test(next.text)) return true
  const isBody = sameSize(next.size, body.size)
  const prevBox = boxOf(prev)
  const nextBox = boxOf(next)
  const indented = next.x0 > nextBox.left + 0.8 * next.size && prev.x0 <= prevBox.left + 0.5 * prev.size
  const width = prevBox.right - prevBox.left
  const short = prev.x1 < prevBox.right - Math.max(4 * prev.size, 0.2 * width)
  const flowBreak = prev.page !== next.page || prev.column !== next.column || prev.band !== next.band
  if (flowBreak) {
    if (!isBody) return true
    if (STARTS_LOWER.test(next.text)) return false
    return short || indented || CLOSES_SENTENCE.test(prev.text)
  }
  const step = prev.y - next.y
  const expected = body.leading * (next.size / body.size)
  if (step <= 0 || step > 1.35 * expected) return true
  if (!isBody) return false // a heading's lines are short and centred, and still one heading
  return indented || short
}

/** Words the document spells, lower-cased: whole ("cooperation") and hyphenated ("co-operation"). */
export function wordsOf(lines: PdfLine[]): Set<string> {
  const words = new Set<string>()
  for (const line of lines) {
    for (const word of line.text.toLowerCase().match(/[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*/gu) ?? []) {
      words.add(word)
    }
  }
  return words
}

const LINE_END_HYPHEN = /([\p{L}\p{M}]+)[-‐\u00ad]$/u
const LEADING_WORD = /^([\p{L}\p{M}]+)/u

/** Two lines of one paragraph joined, the line-end hyphen dropped where it only broke a word. */
export function joinLines(prev: string, next: string, words: Set<string>): string {
  if (prev.endsWith('\u00ad')) return prev.slice(0, -1) + next // a soft hyphen is never text
  const head = LINE_END_HYPHEN.exec(prev)?.[1]
  const tail = LEADING_WORD.exec(next)?.[1]
  if (head !== undefined && tail !== undefined) {
    const whole = (head + tail).toLowerCase()
    const hyphenated = `${head}-${tail}`.toLowerCase()
    const keep =
      words.has(hyphenated) && !words.has(whole) ? true : words.has(whole) ? false : !STARTS_LOWER.test(tail) // "Franco-\nGerman" keeps its hyphen, "coop-\neration" loses it
    return keep ? prev + next : prev.slice(0, -1) + next
  }
  if (/[—–/]$/u.test(prev)) return prev + next
  return `${prev} ${next}`
}

/** Body lines (in reading order, furniture already out) to paragraphs. */
export function buildParagraphs(lines: PdfLine[], body: { size: number; leading: number }): PdfParagraph[] {
  const boxOf = columnBoxes(lines, body.size)
  const words = wordsOf(lines)
  const paragraphs: PdfParagraph[] = []
  let current: PdfLine[] = []
  const flush = () => {
    if (current.length === 0) return
    let text = current[0]!.text
    for (const line of current.slice(1)) text = joinLines(text, line.text, words)
    paragraphs.push({ lines: current, page: current[0]!.page, size: dominantSize(current), text })
    current = []
  }
  for (const line of lines) {
    const prev = current[current.length - 1]
    if (prev !== undefined && startsParagraph(prev, line, body, boxOf)) flush()
    current.push(line)
  }
  flush()
  return paragraphs
}
