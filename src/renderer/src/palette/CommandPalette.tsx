import { useEffect, useId, useRef, useState } from 'react'
import { Dialog } from '../common/Dialog'
import { shortcutLabel } from '../common/dom'
import { useGloss } from '../state/glossContext'
import { useCommands, type Command } from './commands'
import './palette.css'

function matches(command: Command, query: string): boolean {
  const label = command.label.toLowerCase()
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => label.includes(word))
}

/** Every action with its shortcut, filtered as you type; arrows and Enter. */
export function CommandPalette() {
  const { ui } = useGloss()
  const all = useCommands()
  const [query, setQuery] = useState('')
  const [index, setIndex] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const base = useId()
  const shown = all.filter((c) => matches(c, query))
  const optionId = (i: number) => `${base}-cmd-${i}`

  useEffect(() => setIndex(0), [query])
  useEffect(() => {
    document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' })
  }, [index])

  const run = (command: Command) => {
    ui.closeDialog()
    // let the palette close (and return focus) before the command opens anything
    window.setTimeout(command.run, 0)
  }

  return (
    <Dialog label="Command palette" onClose={ui.closeDialog} initialFocus={input} className="palette-dialog">
      <input
        ref={input}
        type="text"
        className="dialog-query"
        role="combobox"
        aria-label="Type a command"
        aria-expanded={shown.length > 0}
        aria-controls={`${base}-list`}
        aria-activedescendant={shown.length > 0 ? optionId(index) : undefined}
        aria-autocomplete="list"
        placeholder="Type a command…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setIndex((i) => Math.min(i + 1, shown.length - 1))
          } else if (event.key === 'ArrowUp') {
            event.preventDefault()
            setIndex((i) => Math.max(i - 1, 0))
          } else if (event.key === 'Enter') {
            event.preventDefault()
            const command = shown[index]
            if (command) run(command)
          }
        }}
      />
      <div id={`${base}-list`} role="listbox" aria-label="Commands" className="dialog-options">
        {shown.map((command, i) => (
          <div
            key={command.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === index}
            className="dialog-option palette-item"
            onMouseMove={() => setIndex(i)}
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            {command.shortcut && <kbd className="palette-shortcut">{shortcutLabel(command.shortcut)}</kbd>}
          </div>
        ))}
        {shown.length === 0 && <p className="muted dialog-empty">No command matches “{query}”.</p>}
      </div>
    </Dialog>
  )
}
