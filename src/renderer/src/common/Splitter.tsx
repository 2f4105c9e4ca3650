import { useRef } from 'react'

interface Props {
  label: string
  /** current width of the pane this handle resizes, in px */
  value: number
  min: number
  max: number
  /** +1 when dragging right grows the pane (a left pane), -1 when it shrinks it (a right pane) */
  direction: 1 | -1
  onChange: (width: number) => void
  onToggle: () => void
}

const STEP = 16

/** A vertical drag handle between panes; arrow keys resize, Enter collapses. */
export function Splitter({ label, value, min, max, direction, onChange, onToggle }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const clamp = (n: number) => Math.round(Math.min(max, Math.max(min, n)))

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="splitter"
      onPointerDown={(event) => {
        event.preventDefault()
        event.currentTarget.setPointerCapture(event.pointerId)
        drag.current = { x: event.clientX, width: value }
      }}
      onPointerMove={(event) => {
        if (!drag.current) return
        onChange(clamp(drag.current.width + direction * (event.clientX - drag.current.x)))
      }}
      onPointerUp={(event) => {
        drag.current = null
        event.currentTarget.releasePointerCapture(event.pointerId)
      }}
      onDoubleClick={onToggle}
      onKeyDown={(event) => {
        const step = event.shiftKey ? STEP * 4 : STEP
        let next: number | undefined
        if (event.key === 'ArrowLeft') next = value - direction * step
        else if (event.key === 'ArrowRight') next = value + direction * step
        else if (event.key === 'Home') next = min
        else if (event.key === 'End') next = max
        else if (event.key === 'Enter') {
          event.preventDefault()
          onToggle()
          return
        }
        if (next === undefined) return
        event.preventDefault()
        onChange(clamp(next))
      }}
    />
  )
}
