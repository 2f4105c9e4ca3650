/**
 * Tiny app-wide signals for notes, so views that cannot see each other stay in step:
 * the notes panel, the reader's backlink badges, the excerpt cards inside notes.
 * No React here; hooks subscribe in effects.
 */

type Listener<T> = (value: T) => void

export class Emitter<T> {
  private listeners = new Set<Listener<T>>()

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value)
      } catch (error) {
        console.error(error)
      }
    }
  }

  /** Returns the unsubscribe function (handy as an effect cleanup). */
  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }
}

export type NotesChangeKind = 'created' | 'saved' | 'renamed' | 'deleted' | 'restored'

export interface NotesChange {
  kind: NotesChangeKind
  noteId: string
}

/**
 * A note was created, saved, renamed, deleted or restored. Backlinks and note lists refetch.
 * Whoever creates a note outside the notes panel (e.g. the "New note" command) should emit
 * `{ kind: 'created', noteId }`: the panel then opens that note.
 */
export const notesChanged = new Emitter<NotesChange>()

/**
 * Excerpts changed (comment, tags, color, deleted, restored). Excerpt cards inside notes
 * refetch. `excerptIds` narrows it; omitted means "any".
 */
export const excerptsChanged = new Emitter<{ excerptIds?: string[] }>()

/** Someone asked for a note to be shown in the notes panel. */
export const openNoteRequests = new Emitter<string>()

/**
 * What the notes panel remembers while it is unmounted (it lives in a tab): the open note and
 * the list scope.
 */
export const notesPanelMemory: { openNoteId: string | null; scope: 'all' | 'article' } = {
  openNoteId: null,
  scope: 'all',
}

/** Show this note in the notes panel (now if it is on screen, else when it next mounts). */
export function requestOpenNote(noteId: string): void {
  notesPanelMemory.openNoteId = noteId
  openNoteRequests.emit(noteId)
}

notesChanged.subscribe((change) => {
  if (change.kind === 'created') requestOpenNote(change.noteId)
  if (change.kind === 'deleted' && notesPanelMemory.openNoteId === change.noteId)
    notesPanelMemory.openNoteId = null
})
