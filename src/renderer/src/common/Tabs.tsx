import { useId, useRef, type ReactNode } from 'react'

interface Tab<K extends string> {
  key: K
  label: string
}

interface Props<K extends string> {
  label: string
  tabs: Tab<K>[]
  selected: K
  onSelect: (key: K) => void
  children: ReactNode
  /** extra controls at the end of the tab row */
  extra?: ReactNode
}

/** ARIA tabs: arrow keys move between tabs, the panel below shows the selected one. */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children, extra }: Props<K>) {
  const base = useId()
  const list = useRef<HTMLDivElement>(null)
  const tabId = (key: K) => `${base}-tab-${key}`
  const panelId = `${base}-panel`

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
