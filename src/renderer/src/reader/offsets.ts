import type { Section } from '../../../shared/model'

/** A section on screen: its one text node and where that text sits in the article. */
export interface SectionNode {
  section: Section
  node: Text
}

const indexes = new WeakMap<readonly Section[], Map<string, Section>>()
/** Sections by id, built once per article's list (it is called on every scroll step). */
function byIdOf(sections: readonly Section[]): Map<string, Section> {
  let byId = indexes.get(sections)
  if (!byId) indexes.set(sections, (byId = new Map(sections.map((s) => [s.id, s]))))
  return byId
}

/**
 * Find each rendered section's text node. Every section element (data-section-id) holds
 * its text as its only child text node, so article offset = section.start + node offset.
 */
export function collectSectionNodes(
  root: HTMLElement,
  sections: readonly Section[],
  includeQuarantined = false,
): SectionNode[] {
  const byId = byIdOf(sections)
  const nodes: SectionNode[] = []
  for (const element of root.querySelectorAll<HTMLElement>('[data-section-id]')) {
    const section = byId.get(element.dataset.sectionId ?? '')
    if (!section) continue
    if (!includeQuarantined && section.kind === 'quarantined') continue
    const node = element.firstChild
    if (node instanceof Text) nodes.push({ section, node })
  }
  return nodes.sort((a, b) => a.section.start - b.section.start)
}

function comparePoint(node: Text, container: Node, offset: number): number | undefined {
  const range = document.createRange()
  range.selectNodeContents(node)
  try {
    return range.comparePoint(container, offset)
  } catch {
    return undefined
  }
}

/**
 * An article offset for a boundary point. Points inside a section's text map exactly;
 * points elsewhere (margins, between sections) snap to the nearest text in the direction
 * that keeps the selection inside: a start moves forward, an end moves back.
 */
function boundaryToOffset(
  container: Node,
  offset: number,
  nodes: SectionNode[],
  bias: 'start' | 'end',
): number | null {
  for (const { section, node } of nodes) {
    if (container === node) return section.start + Math.min(Math.max(offset, 0), node.length)
  }
  let previous: SectionNode | undefined
  for (const entry of nodes) {
    const position = comparePoint(entry.node, container, offset)
    if (position === undefined) return null
    if (position < 0) {
      if (bias === 'start') return entry.section.start
      return previous ? previous.section.start + previous.node.length : null
    }
    if (position === 0)
      return bias === 'start' ? entry.section.start : entry.section.start + entry.node.length
    previous = entry
  }
  if (bias === 'end' && previous) return previous.section.start + previous.node.length
  return null
}

/** The article offsets a DOM range covers, clamped to the article text; null when it covers no text. */
export function rangeToOffsets(
  range: Range,
  nodes: SectionNode[],
  textLength: number,
): { start: number; end: number } | null {
  const start = boundaryToOffset(range.startContainer, range.startOffset, nodes, 'start')
  const end = boundaryToOffset(range.endContainer, range.endOffset, nodes, 'end')
  if (start === null || end === null) return null
  const s = Math.max(0, Math.min(start, textLength))
  const e = Math.max(0, Math.min(end, textLength))
  return e > s ? { start: s, end: e } : null
}

/** DOM ranges covering article offsets [start, end), one per section it touches. */
export function offsetsToRanges(start: number, end: number, nodes: SectionNode[]): Range[] {
  const ranges: Range[] = []
  for (const { section, node } of nodes) {
    const sectionEnd = section.start + node.length
    if (sectionEnd <= start || section.start >= end) continue
    const range = document.createRange()
    range.setStart(node, Math.max(start, section.start) - section.start)
    range.setEnd(node, Math.min(end, sectionEnd) - section.start)
    ranges.push(range)
  }
  return ranges
}

/** The article offset under a screen point, if it is in section text. */
export function offsetAtPoint(x: number, y: number, nodes: SectionNode[]): number | null {
  let container: Node | null = null
  let offset = 0
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y)
    if (position) {
      container = position.offsetNode
      offset = position.offset
    }
  } else if (
    typeof (document as Document & { caretRangeFromPoint?: unknown }).caretRangeFromPoint === 'function'
  ) {
    const range = (
      document as Document & { caretRangeFromPoint(x: number, y: number): Range | null }
    ).caretRangeFromPoint(x, y)
    if (range) {
      container = range.startContainer
      offset = range.startOffset
    }
  }
  if (!container) return null
  const entry = nodes.find((n) => n.node === container)
  return entry ? entry.section.start + offset : null
}

const WORD = /[\p{L}\p{N}\p{M}'’_-]/u
const inWord = (text: string, at: number) =>
  at > 0 && at < text.length && WORD.test(text[at - 1]!) && WORD.test(text[at]!)

/**
 * Widen a selection that starts or ends inside a word to the whole word ("ed for" becomes
 * "wanted for"), within the sections the ends fall in.
 */
export function snapToWords(
  range: { start: number; end: number },
  sections: readonly Section[],
): { start: number; end: number } {
  const find = (offset: number, end: boolean) =>
    sections.find(
      (s) =>
        s.kind !== 'quarantined' &&
        (end ? s.start < offset && offset <= s.end : s.start <= offset && offset < s.end),
    )
  let { start, end } = range
  const first = find(start, false)
  if (first) {
    let at = start - first.start
    while (inWord(first.text, at)) at--
    start = first.start + at
  }
  const last = find(end, true)
  if (last) {
    let at = end - last.start
    while (inWord(last.text, at)) at++
    end = last.start + at
  }
  return { start, end }
}
