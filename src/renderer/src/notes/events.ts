/**
 * Tiny app-wide signals for notes, so views that cannot see each other stay in step:
 * the notes panel, the reader's backlink badges, the excerpt cards inside notes.
 * No React here; hooks subscribe in effects.
 */

import type { ExcerptCardPayload } from '../../../shared/notes/nodes'

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

let openNoteId: string | null = null
const openNoteWatchers = new Set<() => void>()

/**
 * What the notes panel remembers while it is unmounted (it lives in a tab that can be hidden):
 * the open note and the list scope. Setting `openNoteId` tells `watchOpenNote` subscribers.
 */
export const notesPanelMemory: { openNoteId: string | null; scope: 'all' | 'article' } = {
  get openNoteId() {
    return openNoteId
  },
  set openNoteId(id: string | null) {
    if (id === openNoteId) return
    openNoteId = id
    for (const watcher of [...openNoteWatchers]) watcher()
  },
  scope: 'all',
}

/** Called whenever the open note changes (read it from `notesPanelMemory.openNoteId`). */
export function watchOpenNote(watcher: () => void): () => void {
  openNoteWatchers.add(watcher)
  return () => {
    openNoteWatchers.delete(watcher)
  }
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

/**
 * Like Emitter, but each value goes to one taker: a listener returns true when it took the
 * value. A value nobody takes waits (up to `ttlMs`) and is offered to listeners that subscribe
 * later, so a request can be made before its receiver has mounted.
 */
export class Mailbox<T> {
  private listeners = new Set<(value: T) => boolean>()
  private waiting: { value: T; at: number }[] = []

  constructor(private readonly ttlMs = 10_000) {}

  /** True when a listener took the value now; false when it waits for one. */
  emit(value: T): boolean {
    if (this.offer(value)) return true
    this.waiting.push({ value, at: Date.now() })
    return false
  }

  subscribe(listener: (value: T) => boolean): () => void {
    this.listeners.add(listener)
    const now = Date.now()
    this.waiting = this.waiting.filter(({ at }) => now - at <= this.ttlMs)
    for (const item of [...this.waiting]) {
      if (!this.take(listener, item.value)) continue
      this.waiting = this.waiting.filter((w) => w !== item)
    }
    return () => {
      this.listeners.delete(listener)
    }
  }

  private offer(value: T): boolean {
    for (const listener of [...this.listeners]) if (this.take(listener, value)) return true
    return false
  }

  private take(listener: (value: T) => boolean, value: T): boolean {
    try {
      return listener(value)
    } catch (error) {
      console.error(error)
      return false
    }
  }
}

export interface ExcerptInsertRequest {
  excerptId: string
  /** the note to insert into (the open one when the request was made) */
  noteId: string
  /** the card, when the sender has the excerpt at hand; otherwise the editor fetches it */
  card?: ExcerptCardPayload | null
}

/**
 * Insert an excerpt card into a note (the "Insert into note" button, a drop on the Notes tab
 * or on a note in the list). The note's editor takes it at its caret, or at the end; if that
 * note's editor is not on screen yet, the request waits for it to mount.
 */
export const insertExcerptIntoNote = new Mailbox<ExcerptInsertRequest>()
