/**
 * Margin badges for the reader: "2 notes" beside a section, "Cited in 2 notes" on an excerpt.
 * Clicking the badge lists the notes; choosing one calls onOpenNote. Renders nothing when no
 * note links there.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { NoteRef } from '../../../shared/model'
import './backlinks.css'

export interface BacklinksBadgeProps {
  notes: readonly NoteRef[]
  onOpenNote: (noteId: string) => void
  className?: string
}

const plural = (n: number) => (n === 1 ? '1 note' : `${n} notes`)

function BacklinksBadge({
  notes,
  onOpenNote,
  className,
  text,
  label,
}: BacklinksBadgeProps & { text: string; label: string }) {
  const [open, setOpen] = useState(false)
  const listId = useId()
  const root = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  if (notes.length === 0) return null
  return (
    <span
      ref={root}
      className={`gloss-backlinks${className ? ` ${className}` : ''}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          setOpen(false)
          root.current?.querySelector<HTMLButtonElement>('.gloss-backlinks-badge')?.focus()
        }
      }}
    >
      <button
        type="button"
        className="gloss-backlinks-badge"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={label}
        onClick={(event) => {
          event.stopPropagation()
          setOpen((o) => !o)
        }}
      >
        {text}
      </button>
      {open && (
        <ul id={listId} className="gloss-backlinks-list" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id}>
              <button
                type="button"
                onClick={(event) => {
                  event.stopPropagation()
                  setOpen(false)
                  onOpenNote(note.id)
                }}
              >
                {note.title.trim() || 'Untitled note'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  )
}

/** Beside a section: "2 notes". */
export function SectionBacklinks(props: BacklinksBadgeProps) {
  const n = props.notes.length
  return <BacklinksBadge {...props} text={plural(n)} label={`${plural(n)} link here; show them`} />
}

/** On an excerpt: "Cited in 2 notes". */
export function ExcerptBacklinks(props: BacklinksBadgeProps) {
  const n = props.notes.length
  return (
    <BacklinksBadge {...props} text={`Cited in ${plural(n)}`} label={`Cited in ${plural(n)}; show them`} />
  )
}
