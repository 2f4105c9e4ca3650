import type { Section } from '../../../shared/model'

/**
 * One text node of a section on screen and the article offset of its first character. A
 * section's element (data-section-id) holds exactly its text, split over several text nodes
 * when it has marks (<em>, <a>…); ¶ numbers and list markers are generated content and
 * pictures sit outside it, so its nodes' lengths add up to the section's text.
 */
export interface SectionNode {
  section: Section
  node: Text
  start: number
}

const indexes = new WeakMap<readonly Section[], Map<string, Section>>()
/** Sections by id, built once per article's list (it is called on every scroll step). */
function byIdOf(sections: readonly Section[]): Map<string, Section> {
  let byId = indexes.get(sections)
  if (!byId) indexes.set(sections, (byId = new Map(sections.map((s) => [s.id, s]))))
  return byId
}

/** An element's text nodes, walked once while it shows the same section (rows are memoised). */
const walked = new WeakMap<Element, { section: Section; nodes: SectionNode[] }>()

function textNodesOf(element: HTMLElement, section: Section): SectionNode[] {
  const cached = walked.get(element)
  if (cached?.section === section && cached.nodes.every((n) => n.node.parentNode)) return cached.nodes
  const nodes: SectionNode[] = []
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  let at = section.start
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    nodes.push({ section, node: text, start: at })
    at += text.length
  }
  walked.set(element, { section, nodes })
  return nodes
}

/** The text nodes of the rendered sections, in article order. */
export function collectSectionNodes(
  root: HTMLElement,
  sections: readonly Section[],
  includeQuarantined = false,
): SectionNode[] {
  const byId = byIdOf(sections)
  const shown: Array<{ element: HTMLElement; section: Section }> = []
  for (const element of root.querySelectorAll<HTMLElement>('[data-section-id]')) {
    const section = byId.get(element.dataset.sectionId ?? '')
    if (!section) continue
    if (!includeQuarantined && section.kind === 'quarantined') continue
    shown.push({ element, section })
  }
  shown.sort((a, b) => a.section.start - b.section.start)
  const nodes: SectionNode[] = []
  for (const { element, section } of shown) nodes.push(...textNodesOf(element, section))
  return nodes
}

const probe = () => document.createRange()

/** Where a boundary point lies against a node's text: -1 before, 0 inside, 1 after; undefined if incomparable. */
function comparePoint(range: Range, node: Text, container: Node, offset: number): number | undefined {
  range.selectNodeContents(node)
  try {
    return range.comparePoint(container, offset)
  } catch {
    return undefined
  }
}

/**
 * An article offset for a boundary point. Points inside a section's text map exactly;
 * points elsewhere (margins, between sections, between two text nodes) snap to the nearest text
 * in the direction that keeps the selection inside: a start moves forward, an end moves back.
 * The nodes are in document order, so the node at or after the point is found by bisection.
 */
function boundaryToOffset(
  container: Node,
  offset: number,
  nodes: SectionNode[],
  bias: 'start' | 'end',
): number | null {
  const range = probe()
  let lo = 0
  let hi = nodes.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const position = comparePoint(range, nodes[mid]!.node, container, offset)
    if (position === undefined) return null
    if (position > 0) lo = mid + 1
    else hi = mid
  }
  const at = nodes[lo]
  const previous = nodes[lo - 1]
  const endOf = (n: SectionNode) => n.start + n.node.length
  if (at && container === at.node) return at.start + Math.min(Math.max(offset, 0), at.node.length)
  if (bias === 'start') return at ? at.start : null
  return previous ? endOf(previous) : null
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

/** The index of the first node whose text ends after `offset` (nodes are in article order). */
export function firstNodeAfter(nodes: readonly SectionNode[], offset: number): number {
  let lo = 0
  let hi = nodes.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const n = nodes[mid]!
    if (n.start + n.node.length <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * DOM ranges covering article offsets [start, end), one per section it touches: from the node
 * holding the start to the node holding the end, across whatever inline elements lie between.
 */
export function offsetsToRanges(start: number, end: number, nodes: readonly SectionNode[]): Range[] {
  const ranges: Range[] = []
  for (let i = firstNodeAfter(nodes, start); i < nodes.length && nodes[i]!.start < end; i++) {
    const first = nodes[i]!
    let last = first
    while (nodes[i + 1]?.section === first.section && nodes[i + 1]!.start < end) last = nodes[++i]!
    const range = document.createRange()
    range.setStart(first.node, Math.max(start, first.start) - first.start)
    range.setEnd(last.node, Math.min(end, last.start + last.node.length) - last.start)
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
  return entry ? entry.start + offset : null
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
