import type { Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { flash } from './highlights'
import { offsetsToRanges, type SectionNode } from './offsets'

/**
 * Where the reader should scroll to. Rows far away are not rendered, so the first scroll uses
 * estimated heights; once the row is on screen its real position is corrected, again while rows
 * measured meanwhile move it.
 */
export type ScrollTarget =
  /** these article offsets a third of the way down the pane, then flashed */
  | { kind: 'words'; index: number; start: number; end: number }
  /** row `index` with its top `offset` px below the pane's top (negative: scrolled past) */
  | { kind: 'row'; index: number; offset: number }

const MAX_TRIES = 12

export function useScrollTarget(
  virtualizer: Virtualizer<HTMLElement, Element>,
  scroller: () => HTMLElement | null,
  nodes: () => SectionNode[],
  /** what changes as rows render and measure (re-check after each) */
  rendered: unknown,
  /** called when a target was reached (or given up on) */
  onDone?: (target: ScrollTarget) => void,
): { scrollTo: (target: ScrollTarget) => void; moving: RefObject<boolean> } {
  const [target, setTarget] = useState<(ScrollTarget & { tries: number }) | null>(null)
  const moving = useRef(false)

  /** Scroll to where the estimates put the target (again, until its row is rendered). */
  const approach = useCallback(
    (next: ScrollTarget) => {
      const [offset] = virtualizer.getOffsetForIndex(next.index, 'start') ?? [0]
      const pane = scroller()
      const shift = next.kind === 'row' ? -next.offset : -(pane ? pane.clientHeight / 3 : 0)
      virtualizer.scrollToOffset(Math.max(0, offset + shift))
    },
    [virtualizer, scroller],
  )

  const scrollTo = useCallback(
    (next: ScrollTarget) => {
      moving.current = true
      approach(next)
      setTarget({ ...next, tries: 0 })
    },
    [approach],
  )

  useLayoutEffect(() => {
    const pane = scroller()
    if (!target || !pane) return
    const retry = () => {
      requestAnimationFrame(() => setTarget((t) => t && { ...t, tries: t.tries + 1 }))
    }
    const finish = () => {
      moving.current = false
      setTarget(null)
      onDone?.(target)
    }
    const all = nodes()
    const box = pane.getBoundingClientRect()
    let delta: number
    if (target.kind === 'words') {
      const range = offsetsToRanges(target.start, target.end, all)[0]
      if (!range) {
        if (target.tries > MAX_TRIES) finish()
        else {
          approach(target)
          retry()
        }
        return
      }
      delta = range.getBoundingClientRect().top - box.top - box.height / 3
    } else {
      const row = pane.querySelector(`.article-body > [data-index="${target.index}"]`)
      if (!row) {
        if (target.tries > MAX_TRIES) finish()
        else {
          approach(target)
          retry()
        }
        return
      }
      delta = row.getBoundingClientRect().top - box.top - target.offset
    }
    const before = pane.scrollTop
    if (Math.abs(delta) > 2 && target.tries < MAX_TRIES) pane.scrollTop = before + delta
    if (Math.abs(delta) <= 2 || pane.scrollTop === before || target.tries >= MAX_TRIES) {
      if (target.kind === 'words' && target.end > target.start) flash(target.start, target.end, all)
      finish()
    } else retry()
  }, [target, nodes, rendered, scroller, onDone, approach])

  return { scrollTo, moving }
}
