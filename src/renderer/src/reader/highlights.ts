import type { Excerpt } from '../../../shared/model'
import { EXCERPT_COLORS } from '../common/colors'
import { offsetsToRanges, type SectionNode } from './offsets'

/**
 * Highlights are drawn with the CSS Custom Highlight API: one named Highlight per color
 * (styled by ::highlight(gloss-<color>) in reader.css), built from excerpt offsets over
 * the section text nodes. The article's DOM is never touched.
 */
const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'

const HIGHLIGHT_NAMES = [...EXCERPT_COLORS.map((c) => `gloss-${c}`), 'gloss-active', 'gloss-flash']

export function paintHighlights(
  excerpts: readonly Excerpt[],
  nodes: SectionNode[],
  activeId: string | null,
): void {
  if (!supported()) return
  for (const color of EXCERPT_COLORS) {
    const ranges = excerpts
      .filter((e) => e.color === color)
      .flatMap((e) => offsetsToRanges(e.position.start, e.position.end, nodes))
    CSS.highlights.set(`gloss-${color}`, new Highlight(...ranges))
  }
  const active = excerpts.find((e) => e.id === activeId)
  const activeHighlight = new Highlight(
    ...(active ? offsetsToRanges(active.position.start, active.position.end, nodes) : []),
  )
  activeHighlight.priority = 1
  CSS.highlights.set('gloss-active', activeHighlight)
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

export function clearHighlights(): void {
  if (!supported()) return
  for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name)
}
