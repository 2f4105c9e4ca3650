import type { SectionDraft } from './sectioning'
import { collapseWhitespace, tidyCode } from './text'

const ELEMENT_NODE = 1
const TEXT_NODE = 3

const HEADING = /^H([1-6])$/
// Elements that start a new block; anything else is inline and joins the words around it.
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
])

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE
}

/**
 * Sections in document order: headings whole; every other run of inline words (a <p>,
 * an <li>, a text-bearing <div>) one paragraph; <pre> keeps its lines; a table row is one
 * paragraph with its cells separated by " | ".
 */
export function sectionsFromDom(root: Node): SectionDraft[] {
  const drafts: SectionDraft[] = []
  let words = ''
  const flush = (): void => {
    const text = collapseWhitespace(words)
    if (text !== '') drafts.push({ kind: 'paragraph', text })
    words = ''
  }
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      words += node.textContent ?? ''
      return
    }
    if (!isElement(node)) return
    const tag = node.tagName.toUpperCase()
    if (tag === 'BR') {
      words += ' '
      return
    }
    if (!BLOCK_TAGS.has(tag)) {
      node.childNodes.forEach(visit)
      return
    }
    flush()
    const level = HEADING.exec(tag)?.[1]
    if (level !== undefined) {
      const text = collapseWhitespace(node.textContent ?? '')
      if (text !== '') drafts.push({ kind: 'heading', level: Number(level), text })
    } else if (tag === 'PRE') {
      const text = tidyCode(node.textContent ?? '')
      if (text.trim() !== '') drafts.push({ kind: 'paragraph', text })
    } else if (tag === 'TR') {
      const cells = Array.from(node.children, (cell) => collapseWhitespace(cell.textContent ?? '')).filter(
        Boolean,
      )
      if (cells.length > 0) drafts.push({ kind: 'paragraph', text: cells.join(' | ') })
    } else {
      node.childNodes.forEach(visit)
      flush()
    }
  }
  root.childNodes.forEach(visit)
  flush()
  return drafts
}
