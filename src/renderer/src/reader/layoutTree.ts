import type { InlineMark, SectionLayout } from '../../../shared/model'

/**
 * A section's text as a tree of inline elements (marks, and a table row's cells), built from its
 * layout. Every character of the text is in exactly one text leaf, in order, so the rendered
 * element's text is the section's text and offsets into it stay the article's (offsets.ts).
 */
export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; mark: InlineMark; children: InlineNode[] }
  | { kind: 'cell'; children: InlineNode[] }
  /** text between a row's cells (" | "): kept for the offsets, not shown */
  | { kind: 'gap'; children: InlineNode[] }

/** Outermost first: a link is never split by the marks inside it. */
const MARK_ORDER = ['link', 'strong', 'em', 'code', 'sub', 'sup'] as const

/** A link target the reader opens: http(s) or mailto only, whatever import let through. */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null
  try {
    const url = new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
      ? url.href
      : null
  } catch {
    return null
  }
}

type Wrapper = { kind: 'mark'; mark: InlineMark } | { kind: 'cell' } | { kind: 'gap' }

export function inlineTree(text: string, layout: SectionLayout | null): InlineNode[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Math.trunc(n)))
  /** one list of non-overlapping [start, end) spans per level, outermost level first */
  const levels: Array<Array<{ start: number; end: number; wrapper: Wrapper }>> = []
  const block = layout?.block
  if (block?.type === 'row') {
    const spans: Array<{ start: number; end: number; wrapper: Wrapper }> = []
    let at = 0
    const cells = block.cells.map(([s, e]) => [clamp(s), clamp(e)] as const).sort((a, b) => a[0] - b[0])
    for (const [s, e] of cells) {
      if (s < at || e < s) continue // overlapping or reversed: its text stays in the gap
      if (s > at) spans.push({ start: at, end: s, wrapper: { kind: 'gap' } })
      spans.push({ start: s, end: e, wrapper: { kind: 'cell' } })
      at = e
    }
    if (at < text.length) spans.push({ start: at, end: text.length, wrapper: { kind: 'gap' } })
    levels.push(spans)
  }
  for (const type of MARK_ORDER) {
    const spans: Array<{ start: number; end: number; wrapper: Wrapper }> = []
    let at = 0
    const marks = (layout?.marks ?? [])
      .filter((m) => m.type === type && (type !== 'link' || safeHref(m.href)))
      .map((m) => ({ ...m, start: clamp(m.start), end: clamp(m.end) }))
      .sort((a, b) => a.start - b.start)
    for (const mark of marks) {
      if (mark.start < at || mark.end <= mark.start) continue
      spans.push({ start: mark.start, end: mark.end, wrapper: { kind: 'mark', mark } })
      at = mark.end
    }
    if (spans.length) levels.push(spans)
  }
  if (levels.length === 0) return text ? [{ kind: 'text', text }] : []

  // the text cut at every span's ends; each piece knows its span (or none) at each level
  const cuts = [...new Set([0, text.length, ...levels.flat().flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  )
  const cover = levels.map((spans) => {
    const of: Array<Wrapper | null> = Array.from({ length: cuts.length - 1 }, () => null)
    let piece = 0
    for (const span of spans) {
      while (cuts[piece]! < span.start) piece++
      for (let p = piece; cuts[p]! < span.end; p++) of[p] = span.wrapper
    }
    return of
  })

  const build = (from: number, to: number, level: number): InlineNode[] => {
    if (level === levels.length) {
      const leaf = text.slice(cuts[from], cuts[to])
      return leaf ? [{ kind: 'text', text: leaf }] : []
    }
    const out: InlineNode[] = []
    for (let p = from; p < to;) {
      const wrapper = cover[level]![p] ?? null
      let q = p + 1
      while (q < to && cover[level]![q] === wrapper) q++
      const children = build(p, q, level + 1)
      if (!wrapper) out.push(...children)
      else if (wrapper.kind === 'mark') out.push({ kind: 'mark', mark: wrapper.mark, children })
      else out.push({ kind: wrapper.kind, children })
      p = q
    }
    // adjacent text leaves (split by a span at a level they are not in) join again
    return out.reduce<InlineNode[]>((joined, node) => {
      const last = joined[joined.length - 1]
      if (last?.kind === 'text' && node.kind === 'text')
        joined[joined.length - 1] = { kind: 'text', text: last.text + node.text }
      else joined.push(node)
      return joined
    }, [])
  }
  return build(0, cuts.length - 1, 0)
}
