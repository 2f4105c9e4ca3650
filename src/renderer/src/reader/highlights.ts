import type { Excerpt } from '../../../shared/model'
import { EXCERPT_COLORS } from '../common/colors'
import { firstNodeAfter, offsetsToRanges, type SectionNode } from './offsets'

/**
 * Highlights are drawn with the CSS Custom Highlight API: one named Highlight per color
 * (styled by ::highlight(gloss-<color>) in reader.css), built from excerpt offsets over
 * the sections' text nodes (a range may cross a section's inline marks). The article's DOM is
 * never touched.
 */
const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'

const HIGHLIGHT_NAMES = [...EXCERPT_COLORS.map((c) => `gloss-${c}`), 'gloss-active', 'gloss-flash']

/** What is drawn for one excerpt: its ranges over the text nodes it covered then. */
interface Drawn {
  excerpt: Excerpt
  nodes: Text[]
  ranges: Range[]
}

/** The rendered nodes an excerpt overlaps (nodes are in article order). */
function nodesUnder(excerpt: Excerpt, nodes: SectionNode[]): SectionNode[] {
  const { start, end } = excerpt.position
  const covered: SectionNode[] = []
  for (let i = firstNodeAfter(nodes, start); i < nodes.length && nodes[i]!.start < end; i++)
    covered.push(nodes[i]!)
  return covered
}

const sameNodes = (a: Text[], b: SectionNode[]) =>
  a.length === b.length && a.every((n, i) => n === b[i]!.node)

/**
 * Draws excerpts over the sections on screen (the reader renders only those), keeping what is
 * already drawn: an excerpt is redrawn only when it, or the section nodes under it, changed.
 * Each sync is timed as the user-timing measure `gloss:highlights` (scripts/bench-reader.ts).
 */
export class HighlightPainter {
  private readonly drawn = new Map<string, Drawn>()
  private readonly byColor = new Map<string, Highlight>()
  private readonly active: Highlight | null = null
  private activeId: string | null = null
  private activeRanges: Range[] = []

  constructor() {
    if (!supported()) return
    for (const color of EXCERPT_COLORS) {
      const highlight = new Highlight()
      this.byColor.set(color, highlight)
      CSS.highlights.set(`gloss-${color}`, highlight)
    }
    this.active = new Highlight()
    this.active.priority = 1
    CSS.highlights.set('gloss-active', this.active)
  }

  sync(excerpts: readonly Excerpt[], nodes: SectionNode[], activeId: string | null): void {
    if (!this.active) return
    const began = performance.now()
    let changed = 0
    const seen = new Set<string>()
    for (const excerpt of excerpts) {
      const covered = nodesUnder(excerpt, nodes)
      if (covered.length === 0) continue
      seen.add(excerpt.id)
      const previous = this.drawn.get(excerpt.id)
      if (previous && previous.excerpt === excerpt && sameNodes(previous.nodes, covered)) continue
      if (previous) this.erase(previous)
      const ranges = offsetsToRanges(excerpt.position.start, excerpt.position.end, covered)
      const highlight = this.byColor.get(excerpt.color)
      for (const range of ranges) highlight?.add(range)
      this.drawn.set(excerpt.id, { excerpt, nodes: covered.map((n) => n.node), ranges })
      changed++
    }
    for (const [id, drawn] of this.drawn) {
      if (seen.has(id)) continue
      this.erase(drawn)
      this.drawn.delete(id)
      changed++
    }
    const activeRanges = (activeId && this.drawn.get(activeId)?.ranges) || []
    if (activeId !== this.activeId || activeRanges !== this.activeRanges) {
      this.active.clear()
      for (const range of activeRanges) this.active.add(range)
      this.activeId = activeId
      this.activeRanges = activeRanges
    }
    if (changed > 0)
      performance.measure('gloss:highlights', {
        start: began,
        detail: { changed, drawn: this.drawn.size },
      })
  }

  private erase(drawn: Drawn): void {
    const highlight = this.byColor.get(drawn.excerpt.color)
    for (const range of drawn.ranges) highlight?.delete(range)
  }

  dispose(): void {
    if (!supported()) return
    for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name)
    this.drawn.clear()
  }
}

let flashTimer: number | undefined

/** Briefly mark a passage (an excerpt just jumped to, a section opened from search). */
export function flash(start: number, end: number, nodes: SectionNode[], ms = 1600): void {
  if (!supported()) return
  const highlight = new Highlight(...offsetsToRanges(start, end, nodes))
  highlight.priority = 2
  CSS.highlights.set('gloss-flash', highlight)
  window.clearTimeout(flashTimer)
  flashTimer = window.setTimeout(() => CSS.highlights.delete('gloss-flash'), ms)
}
