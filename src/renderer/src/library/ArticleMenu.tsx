import { useEffect, useId, useRef, useState } from 'react'

export interface MenuItem {
  label: string
  run: () => void
  danger?: boolean
}

/** A ⋯ button opening a small menu; arrows move, Esc or a click outside closes. */
export function ArticleMenu({
  label,
  describedBy,
  items,
}: {
  label: string
  /** the element naming what the menu acts on (the button's name stays short: "Article actions") */
  describedBy: string
  items: MenuItem[]
}) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onDown = (event: MouseEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  return (
    <div className="article-menu">
      <button
        ref={button}
        type="button"
        className="article-menu-button"
        aria-label="Article actions"
        aria-describedby={describedBy}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          className="article-menu-popup"
          onKeyDown={(event) => {
            const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
            const at = entries.indexOf(document.activeElement as HTMLElement)
            if (event.key === 'Escape') {
              event.preventDefault()
              event.stopPropagation()
              close(true)
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              const step = event.key === 'ArrowDown' ? 1 : -1
              entries[(at + step + entries.length) % entries.length]?.focus()
            } else if (event.key === 'Tab') close(false)
          }}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={item.danger ? 'danger' : undefined}
              onClick={() => {
                close(true)
                item.run()
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
