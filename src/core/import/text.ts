const isTrailingSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0

/**
 * Without trailing spaces, tabs and no-break spaces on any line. A loop, not /[ \t]+$/gm:
 * that regex retries at every space of a run, so indented lines cost the square of their indent.
 */
function trimLineEnds(text: string): string {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    let end = line.length
    while (end > 0 && isTrailingSpace(line.charCodeAt(end - 1))) end--
    if (end < line.length) lines[i] = line.slice(0, end)
  }
  return lines.join('\n')
}

/** Line endings to LF, Unicode to NFC, no trailing spaces on lines. Quotes stay typographic. */
export function normalizeText(text: string): string {
  return trimLineEnds(text.replace(/\r\n?/g, '\n').normalize('NFC'))
}

/** ASCII whitespace runs (newlines too) become one space, so a section is one line; no-break spaces stay. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f\v]+/g, ' ').trim()
}

/**
 * Code keeps its line structure and indentation; only trailing spaces go, and blank-line
 * runs shrink to a single newline so "\n\n" in the canonical text always separates sections.
 */
export function tidyCode(text: string): string {
  return normalizeText(text)
    .replace(/\n{2,}/g, '\n')
    .replace(/^\n+|\n+$/g, '')
}

/** A line this long is a whole paragraph, not a hard-wrapped piece of one (wraps are ≤ 80). */
const LONG_LINE = 100
const LIST_MARKER = /^\s*([-*+•–]|\d+[.)])\s+\S/

function oneParagraphPerLine(lines: string[]): boolean {
  if (lines.length < 2) return false
  const long = lines.filter((line) => line.length >= LONG_LINE).length
  return long * 2 >= lines.length
}

/** Join a block's lines, starting a new paragraph at each list item. */
function joinWrappedLines(lines: string[]): string[] {
  const paragraphs: string[][] = []
  for (const line of lines) {
    const last = paragraphs[paragraphs.length - 1]
    if (last === undefined || LIST_MARKER.test(line)) paragraphs.push([line])
    else last.push(line)
  }
  return paragraphs.map((p) => p.join(' '))
}

/**
 * Plain text to paragraphs. Blank lines separate paragraphs; without any blank line, or
 * in a block of mostly long lines, each line is a paragraph; otherwise the lines of a
 * block are one hard-wrapped paragraph and are joined with a space.
 */
export function splitPlainParagraphs(normalized: string): string[] {
  const blocks = normalized.split(/\n[ \t]*\n/)
  const hasBlankLines = blocks.length > 1
  const paragraphs: string[] = []
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => line.trim() !== '')
    const perLine = !hasBlankLines || oneParagraphPerLine(lines)
    for (const paragraph of perLine ? lines : joinWrappedLines(lines)) {
      const text = collapseWhitespace(paragraph)
      if (text !== '') paragraphs.push(text)
    }
  }
  return paragraphs
}
