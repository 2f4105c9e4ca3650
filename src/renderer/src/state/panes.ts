import { useCallback, useEffect, useMemo, useState } from 'react'
import { load, save } from './storage'

/** The side panes' widths and whether each is hidden, kept across sessions. */
export interface PaneLayout {
  leftWidth: number
  rightWidth: number
  leftCollapsed: boolean
  rightCollapsed: boolean
}

export const PANE_LIMITS = { min: 180, max: 640 }
const KEY = 'gloss-layout'
const DEFAULTS: PaneLayout = { leftWidth: 260, rightWidth: 360, leftCollapsed: false, rightCollapsed: false }

export function usePanes() {
  const [layout, setLayout] = useState<PaneLayout>(() => load(KEY, DEFAULTS))
  useEffect(() => save(KEY, layout), [layout])

  const update = useCallback((patch: Partial<PaneLayout>) => setLayout((l) => ({ ...l, ...patch })), [])
  const toggleLeft = useCallback(() => setLayout((l) => ({ ...l, leftCollapsed: !l.leftCollapsed })), [])
  const toggleRight = useCallback(() => setLayout((l) => ({ ...l, rightCollapsed: !l.rightCollapsed })), [])
  const showLeft = useCallback(() => setLayout((l) => ({ ...l, leftCollapsed: false })), [])
  const showRight = useCallback(() => setLayout((l) => ({ ...l, rightCollapsed: false })), [])
  return useMemo(
    () => ({ layout, update, toggleLeft, toggleRight, showLeft, showRight }),
    [layout, update, toggleLeft, toggleRight, showLeft, showRight],
  )
}

export type Panes = ReturnType<typeof usePanes>
