/**
 * The Notes tab: the list of notes (./NoteList.tsx), or the open note's editor. The open note
 * is the notes store's, so it stays open while the tab is hidden and other views can open one.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import type { Note } from '../../../shared/model'
import { errorMessage } from '../api/errors'
import { useGloss } from '../state/glossContext'
import { useOpenNoteId } from '../state/hooks'
import { NoteList } from './NoteList'
import './notes.css'

// the editor (Lexical, most of the bundle) loads when a note is first opened
const NoteEditor = lazy(() => import('./editor/NoteEditor').then((m) => ({ default: m.NoteEditor })))

type OpenState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; note: Note }
  | { status: 'failed'; id: string; message: string }

export function NotesPanel() {
  const { api, actions, stores, feedback } = useGloss()
  const openId = useOpenNoteId()
  const [open, setOpen] = useState<OpenState | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  useEffect(() => {
    if (!openId) {
      setOpen(null)
      return
    }
    let alive = true
    const close = (why: string) => {
      stores.notes.openNoteId.set(null)
      setMessage(why)
    }
    setOpen({ status: 'loading', id: openId })
    api.getNote({ id: openId }).then(
      (note) => {
        if (!alive) return
        if (note.deletedAt) close('That note is in the trash.')
        else setOpen({ status: 'ready', note })
      },
      (error: unknown) => {
        if (!alive) return
        if ((error as { code?: string })?.code === 'not_found') close('That note no longer exists.')
        else setOpen({ status: 'failed', id: openId, message: errorMessage(error) })
      },
    )
    return () => {
      alive = false
    }
  }, [api, openId, stores])

  const closeNote = () => stores.notes.openNoteId.set(null)

  if (openId) {
    return (
      <section className="notes-panel notes-panel-editing" aria-label="Note">
        {open?.status === 'ready' ? (
          <Suspense fallback={<p className="muted notes-loading">Opening note…</p>}>
            <NoteEditor
              key={open.note.id}
              note={open.note}
              onBack={closeNote}
              onDelete={(note) => void actions.deleteNote(note)}
              onError={feedback.reportError}
            />
          </Suspense>
        ) : open?.status === 'failed' ? (
          <div className="gloss-note-editor">
            <button type="button" className="small" onClick={closeNote}>
              ‹ All notes
            </button>
            <p className="error-text" role="alert">
              Could not open the note: {open.message}
            </p>
          </div>
        ) : (
          <p className="muted notes-loading">Opening note…</p>
        )}
      </section>
    )
  }
  return <NoteList message={message} onDismiss={() => setMessage(null)} />
}
