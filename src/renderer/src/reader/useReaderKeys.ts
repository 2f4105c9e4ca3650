/**
 * The reader's keys: j/k the next or previous section (marked as the current one), n/p the next
 * or previous excerpt, h/c/t highlight the selection (then comment or tag it), or act on the
 * active excerpt or the current section when nothing is selected, Escape steps back out.
 */
import { useCallback, useEffect } from 'react'
import type { Excerpt, ExcerptColor, Section } from '../../../shared/model'
import { isEditable } from '../common/dom'
import { useGloss } from '../state/glossContext'
import type { ScrollTarget } from './scrollTarget'

/** A selection in the article, waiting to become an excerpt: its offsets and where its toolbar goes. */
export interface Pending {
  start: number
  end: number
  top: number
  left: number
}

export interface ReaderKeysInput {
  articleId: string
  rows: readonly Section[]
  excerpts: readonly Excerpt[]
  /** the section marked by j/k (its row index) */
  current: number | null
  setCurrent: (index: number | null) => void
  currentRow: () => Element | null
  scroller: () => HTMLElement | null
  rowAtTop: () => { index: number; past: number } | null
  scrollTo: (target: ScrollTarget) => void
  barHeight: () => number
  pending: Pending | null
  setPending: (pending: Pending | null) => void
  measureSelection: () => Pending | null
  highlight: (color: ExcerptColor, then?: 'comment' | 'tags', target?: Pending | null) => Promise<void>
}

export function useReaderKeys({
  articleId,
  rows,
  excerpts,
  current,
  setCurrent,
  currentRow,
  scroller,
  rowAtTop,
  scrollTo,
  barHeight,
  pending,
  setPending,
  measureSelection,
  highlight,
}: ReaderKeysInput): void {
  const { ui, panes } = useGloss()
  /** j/k: the next or previous section to the top of the pane, marked as the current one. */
  const step = useCallback(
    (by: 1 | -1) => {
      const pane = scroller()
      const marked = currentRow()
      const box = pane?.getBoundingClientRect()
      const rect = marked?.getBoundingClientRect()
      // the marked section, while it is in view; else the one at the top of the pane
      let index: number
      if (current !== null && rect && box && rect.bottom > box.top && rect.top < box.bottom)
        index = current + by
      else {
        const top = rowAtTop()
        if (!top) index = 0
        else if (by === 1) index = top.past < -4 ? top.index : top.index + 1
        else index = top.past > 4 ? top.index : top.index - 1
      }
      index = Math.min(rows.length - 1, Math.max(0, index))
      setCurrent(index)
      scrollTo({ kind: 'row', index, offset: barHeight() + 12 })
    },
    [current, currentRow, scroller, rowAtTop, rows.length, scrollTo, barHeight, setCurrent],
  )

  /** n/p: the next or previous excerpt after the active one (or the top of the pane) becomes active. */
  const stepExcerpt = useCallback(
    (by: 1 | -1) => {
      const sorted = [...excerpts].sort((a, b) => a.position.start - b.position.start)
      const active = sorted.findIndex((e) => e.id === ui.activeExcerptId)
      let next: Excerpt | undefined
      if (active !== -1) next = sorted[active + by]
      else {
        const top = current ?? rowAtTop()?.index
        const at = top === undefined ? 0 : rows[top]!.start
        next =
          by === 1
            ? sorted.find((e) => e.position.start >= at)
            : sorted.findLast((e) => e.position.start < at)
      }
      if (!next) return
      ui.setActiveExcerptId(next.id)
      ui.revealTarget({ articleId, excerptId: next.id, sectionId: next.sectionId })
    },
    [articleId, current, excerpts, rowAtTop, rows, ui],
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (ui.dialog || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return
      if (event.key === 'Escape') {
        if (pending) {
          document.getSelection()?.removeAllRanges()
          setPending(null)
        } else if (ui.activeExcerptId) ui.setActiveExcerptId(null)
        else setCurrent(null)
        return
      }
      const key = event.key.toLowerCase()
      if (event.shiftKey && key !== event.key) return // J, K… are left to others
      if (key === 'j' || key === 'k') {
        event.preventDefault()
        step(key === 'j' ? 1 : -1)
        return
      }
      if (key === 'n' || key === 'p') {
        event.preventDefault()
        stepExcerpt(key === 'n' ? 1 : -1)
        return
      }
      if (key !== 'h' && key !== 'c' && key !== 't') return
      const then = key === 'c' ? 'comment' : key === 't' ? 'tags' : undefined
      // read the selection now: selectionchange may not have been delivered yet
      const target = measureSelection()
      if (target) {
        event.preventDefault()
        void highlight('yellow', then, target)
        return
      }
      // no selection: c and t act on the active excerpt; h highlights the current section (j/k)
      if (then && ui.activeExcerptId) {
        event.preventDefault()
        panes.showRight()
        ui.requestFocus(ui.activeExcerptId, then)
        return
      }
      const section = current === null ? undefined : rows[current]
      if (key === 'h' && section && section.kind !== 'quarantined') {
        event.preventDefault()
        void highlight('yellow', undefined, { start: section.start, end: section.end, top: 0, left: 0 })
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [
    current,
    setCurrent,
    highlight,
    measureSelection,
    panes,
    pending,
    setPending,
    rows,
    step,
    stepExcerpt,
    ui,
  ])
}
