import { useEffect, useId, useRef, useState } from 'react'
import './searchPicker.css'

export interface PickerOption {
  key: string
  label: string
  /** a second, muted word ("Person") */
  detail?: string
}

const SHOWN = 60

/**
 * A button opening a search box over a list of options (a combobox and its listbox): type to
 * narrow, arrows move, Enter or a click picks, Esc or a click outside closes. `options` is null
 * while they load (`onOpen` asks for them the first time it opens).
 */
export function SearchPicker({
  label,
  text,
  placeholder,
  options,
  onOpen,
  onPick,
  wide = false,
}: {
  /** what the button picks ("Filter by name") */
  label: string
  /** the button's words ("Any name") */
  text: string
  placeholder: string
  options: readonly PickerOption[] | null
  onOpen: () => void
  onPick: (key: string) => void
  /** the button as wide as its column (beside full-width selects) */
  wide?: boolean
}) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const listId = useId()
  const q = query.trim().toLowerCase()
  const matching = (options ?? []).filter((o) => !q || o.label.toLowerCase().includes(q))
  const shown = matching.slice(0, SHOWN)

  useEffect(() => {
    if (!open) return
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [open])

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  const pick = (key: string) => {
    setOpen(false)
    setQuery('')
    onPick(key)
  }

  return (
    <div className={wide ? 'search-picker search-picker-wide' : 'search-picker'} ref={root}>
      <button
        ref={button}
        type="button"
        className="search-picker-button"
        title={label}
        aria-haspopup="listbox"
        aria-expanded={open}
        onClick={() => {
          if (!open) onOpen()
          setActive(0)
          setOpen(!open)
        }}
      >
        {/* the name says what it picks, then the visible words */}
        <span className="visually-hidden">{label}: </span>
        {text} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="search-picker-popup">
          <input
            type="search"
            role="combobox"
            aria-label={label}
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            placeholder={placeholder}
            autoFocus
            value={query}
            onChange={(event) => {
              setQuery(event.target.value)
              setActive(0)
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault()
                event.stopPropagation()
                close()
              } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault()
                const step = event.key === 'ArrowDown' ? 1 : -1
                if (shown.length) setActive((active + step + shown.length) % shown.length)
              } else if (event.key === 'Enter' && shown[active]) {
                event.preventDefault()
                pick(shown[active].key)
              } else if (event.key === 'Tab') setOpen(false)
            }}
          />
          <ul id={listId} role="listbox" aria-label={label} className="search-picker-list">
            {shown.map((o, i) => (
              <li
                key={o.key}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(o.key)}
              >
                <span>{o.label}</span>
                {o.detail && <span className="search-picker-detail">{o.detail}</span>}
              </li>
            ))}
          </ul>
          <p className="search-picker-note" role="status">
            {options === null
              ? 'Loading…'
              : matching.length === 0
                ? 'Nothing matches.'
                : matching.length > SHOWN
                  ? `${SHOWN} of ${matching.length}; type to narrow`
                  : ''}
          </p>
        </div>
      )}
    </div>
  )
}

/** A filter that is on: its value, and a button that clears it. */
export function FilterChip({
  text,
  clearLabel,
  onClear,
}: {
  text: string
  clearLabel: string
  onClear: () => void
}) {
  return (
    <span className="filter-chip">
      <span className="filter-chip-text">{text}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={clearLabel}
        title={clearLabel}
        onClick={onClear}
      >
        ×
      </button>
    </span>
  )
}
