import { useCallback, useEffect, useState } from 'react'
import { load, save } from './storage'

export interface Layout {
  leftWidth: number
  rightWidth: number
  leftCollapsed: boolean
  rightCollapsed: boolean
}

export const PANE_LIMITS = { min: 180, max: 640 }
const KEY = 'gloss-layout'
const DEFAULTS: Layout = { leftWidth: 260, rightWidth: 360, leftCollapsed: false, rightCollapsed: false }

export function useLayout() {
  const [layout, setLayout] = useState<Layout>(() => load(KEY, DEFAULTS))
  useEffect(() => save(KEY, layout), [layout])

  const update = useCallback((patch: Partial<Layout>) => setLayout((l) => ({ ...l, ...patch })), [])
  const toggleLeft = useCallback(() => setLayout((l) => ({ ...l, leftCollapsed: !l.leftCollapsed })), [])
  const toggleRight = useCallback(() => setLayout((l) => ({ ...l, rightCollapsed: !l.rightCollapsed })), [])
  return { layout, update, toggleLeft, toggleRight }
}
