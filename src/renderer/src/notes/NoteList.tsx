/**
 * The list of notes: all, or only those linking to the open article, newest first, with
 * create, inline rename and delete (undoable). An excerpt dropped on a note (or on "New note")
 * goes into that note.
 */
import { useId, useState } from 'react'
import type { NoteSummary } from '../../../shared/model'
import { formatDate } from '../common/dom'
import { useGloss } from '../state/glossContext'
import { cardFromDragData, isExcerptDrag, readExcerptDragData, type ExcerptDragData } from '../state/dnd'
import { useNotes, useOpenArticle } from '../state/hooks'
import { insertExcerptIntoNote } from '../state/mailbox'

interface Props {
  /** why the note asked for did not open, until dismissed */
  message: string | null
  onDismiss: () => void
}

const insertInto = (noteId: string, data: ExcerptDragData) =>
  insertExcerptIntoNote.emit({ excerptId: data.excerptId, noteId, card: cardFromDragData(data) })

export function NoteList({ message, onDismiss }: Props) {
  const { actions, stores } = useGloss()
  const list = useNotes()
  const articleId = useOpenArticle().id
  const headingId = useId()
  const [scope, setScopeState] = useState(stores.notes.scope)
  const [renaming, setRenaming] = useState<{ id: string; value: string } | null>(null)
  const [dropOver, setDropOver] = useState<string | null>(null)
  const effectiveScope = scope === 'article' && articleId ? 'article' : 'all'

  const setScope = (next: 'all' | 'article') => {
    stores.notes.scope = next
    setScopeState(next)
  }
  const openNote = (id: string) => stores.notes.openNoteId.set(id)

  const createNote = async (withExcerpt?: ExcerptDragData) => {
    const note = await actions.createNote() // opens it
    if (note && withExcerpt) insertInto(note.id, withExcerpt)
  }

  const dropProps = (target: string, onExcerpt: (data: ExcerptDragData) => void) => ({
    onDragOver: (event: React.DragEvent) => {
      if (!isExcerptDrag(event.dataTransfer)) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
      if (dropOver !== target) setDropOver(target)
    },
    onDragLeave: (event: React.DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropOver(null)
    },
    onDrop: (event: React.DragEvent) => {
      setDropOver(null)
      const data = readExcerptDragData(event.dataTransfer)
      if (!data) return
      event.preventDefault()
      onExcerpt(data)
    },
  })

  const all = list.status === 'ready' ? list.notes : []
  // what listNotes({ articleId }) would answer: the notes linking to it
  const notes =
    effectiveScope === 'article' && articleId ? all.filter((n) => n.articleIds.includes(articleId)) : all

  const commitRename = async () => {
    if (!renaming) return
    const { id, value } = renaming
    setRenaming(null)
    const before = all.find((n) => n.id === id)
    if (before && before.title === value.trim()) return
    await actions.renameNote(id, value)
  }

  return (
    <section className="notes-panel" aria-labelledby={headingId}>
      <div className="notes-panel-head">
        <h2 id={headingId} className="pane-heading">
          Notes
        </h2>
        <button
          type="button"
          className={`small primary${dropOver === 'new' ? ' drop-over' : ''}`}
          title="New note (drop an excerpt here to start a note with it)"
          onClick={() => void createNote()}
          {...dropProps('new', (data) => void createNote(data))}
        >
          New note
        </button>
      </div>
      <div className="notes-scope" role="group" aria-label="Which notes">
        <button
          type="button"
          className="small"
          aria-pressed={effectiveScope === 'all'}
          onClick={() => setScope('all')}
        >
          All notes
        </button>
        <button
          type="button"
          className="small"
          aria-pressed={effectiveScope === 'article'}
          disabled={!articleId}
          title={articleId ? 'Notes that link to the open article' : 'Open an article first'}
          onClick={() => setScope('article')}
        >
          Linked to this article
        </button>
      </div>
      {message && (
        <p className="notes-message" role="status">
          {message}{' '}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
      {list.status === 'failed' && (
        <p className="error-text" role="alert">
          Could not list notes: {list.message}{' '}
          <button type="button" className="small" onClick={() => void stores.notes.ensure()}>
            Try again
          </button>
        </p>
      )}
      {list.status === 'loading' && <p className="muted notes-loading">Loading notes…</p>}
      {list.status === 'ready' && notes.length === 0 && (
        <p className="muted notes-empty">
          {effectiveScope === 'article'
            ? 'No note links to this article yet.'
            : 'No notes yet. Create one to start writing.'}
        </p>
      )}
      {notes.length > 0 && (
        <ul
          className="notes-list"
          aria-label={effectiveScope === 'article' ? 'Notes linked to this article' : 'All notes'}
        >
          {notes.map((note) => (
            <NoteRow
              key={note.id}
              note={note}
              renaming={renaming?.id === note.id ? renaming.value : null}
              dropOver={dropOver === note.id}
              dropProps={dropProps(note.id, (data) => {
                insertInto(note.id, data)
                openNote(note.id)
              })}
              onOpen={() => openNote(note.id)}
              onRename={(value) => setRenaming({ id: note.id, value })}
              onCommitRename={() => void commitRename()}
              onCancelRename={() => setRenaming(null)}
              onDelete={() => void actions.deleteNote(note)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

interface RowProps {
  note: NoteSummary
  /** the title being typed, while renaming */
  renaming: string | null
  dropOver: boolean
  dropProps: React.HTMLAttributes<HTMLLIElement>
  onOpen: () => void
  onRename: (value: string) => void
  onCommitRename: () => void
  onCancelRename: () => void
  onDelete: () => void
}

function NoteRow({ note, renaming, dropOver, dropProps, ...on }: RowProps) {
  const name = note.title.trim() || 'Untitled note'
  return (
    <li className={`notes-item${dropOver ? ' drop-over' : ''}`} {...dropProps}>
      {renaming !== null ? (
        <input
          className="notes-rename"
          type="text"
          aria-label={`New title for “${name}”`}
          value={renaming}
          maxLength={500}
          autoFocus
          onChange={(event) => on.onRename(event.target.value)}
          onBlur={on.onCommitRename}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              on.onCommitRename()
            } else if (event.key === 'Escape') {
              event.preventDefault()
              on.onCancelRename()
            }
          }}
        />
      ) : (
        <button type="button" className="notes-item-open" onClick={on.onOpen}>
          <span className={`notes-item-title${note.title.trim() ? '' : ' untitled'}`}>{name}</span>
          {note.excerptText && <span className="notes-item-preview">{note.excerptText}</span>}
          <span className="notes-item-date">{formatDate(note.updatedAt)}</span>
        </button>
      )}
      <div className="notes-item-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Rename “${name}”`}
          title="Rename"
          onClick={() => on.onRename(note.title)}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete “${name}”`}
          title="Delete"
          onClick={on.onDelete}
        >
          ✕
        </button>
      </div>
    </li>
  )
}
