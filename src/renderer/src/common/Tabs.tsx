import { useEffect, useId, useRef, type ReactNode } from 'react'

interface Tab<K extends string> {
  key: K
  label: string
}

/**
 * Tabs that open when something is dragged onto them, as browser and editor tabs do: a drag
 * that `accepts` takes resting over a tab for `delay` ms switches to it, so the drop can land
 * in that tab's panel. A drop on the tab itself switches at once and calls `onDrop`.
 */
export interface DragToOpen<K extends string> {
  accepts: (transfer: DataTransfer | null) => boolean
  delay?: number
  onDrop?: (key: K, transfer: DataTransfer) => void
}

interface Props<K extends string> {
  label: string
  tabs: Tab<K>[]
  selected: K
  onSelect: (key: K) => void
  children: ReactNode
  /** extra controls at the end of the tab row */
  extra?: ReactNode
  dragToOpen?: DragToOpen<K>
}

const DRAG_OPEN_DELAY_MS = 300

/** ARIA tabs: arrow keys move between tabs, the panel below shows the selected one. */
export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  extra,
  dragToOpen,
}: Props<K>) {
  const base = useId()
  const list = useRef<HTMLDivElement>(null)
  const hover = useRef<{ key: K; timer: number } | null>(null)
  const tabId = (key: K) => `${base}-tab-${key}`
  const panelId = `${base}-panel`

  const stopHover = () => {
    if (hover.current) window.clearTimeout(hover.current.timer)
    hover.current = null
  }
  useEffect(() => stopHover, [])

  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.key === selected)
    let next: number | undefined
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = tabs.length - 1
    if (next === undefined) return
    event.preventDefault()
    const tab = tabs[next]!
    onSelect(tab.key)
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(tab.key))}`)?.focus()
  }

  const dragProps = (key: K) => {
    if (!dragToOpen) return {}
    return {
      onDragEnter: (event: React.DragEvent) => {
        if (!dragToOpen.accepts(event.dataTransfer) || key === selected) return
        if (hover.current?.key === key) return
        stopHover()
        hover.current = {
          key,
          timer: window.setTimeout(() => {
            hover.current = null
            onSelect(key)
          }, dragToOpen.delay ?? DRAG_OPEN_DELAY_MS),
        }
      },
      onDragOver: (event: React.DragEvent) => {
        if (!dragToOpen.onDrop || !dragToOpen.accepts(event.dataTransfer)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
      },
      onDragLeave: () => {
        if (hover.current?.key === key) stopHover()
      },
      onDrop: (event: React.DragEvent) => {
        stopHover()
        if (!dragToOpen.onDrop || !dragToOpen.accepts(event.dataTransfer)) return
        event.preventDefault()
        onSelect(key)
        dragToOpen.onDrop(key, event.dataTransfer)
      },
    }
  }

  return (
    <div className="tabs">
      <div className="tab-row">
        <div role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown} className="tab-list">
          {tabs.map((tab) => (
            <button
              key={tab.key}
              id={tabId(tab.key)}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab.key === selected}
              aria-controls={panelId}
              tabIndex={tab.key === selected ? 0 : -1}
              onClick={() => onSelect(tab.key)}
              {...dragProps(tab.key)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        {extra}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} className="tab-panel">
        {children}
      </div>
    </div>
  )
}
