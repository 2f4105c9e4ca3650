import type { GlossApi } from '../../../shared/contract'
import type { NoteSummary } from '../../../shared/model'
import type { NotePeer } from '../../../shared/sync'
import { errorMessage } from '../api/errors'
import { Store } from './store'

export type NoteList =
  { status: 'loading' } | { status: 'ready'; notes: NoteSummary[] } | { status: 'failed'; message: string }

/** Newest first, as listNotes gives them; a just-saved note is the newest. */
const newestFirst = (a: NoteSummary, b: NoteSummary) => b.updatedAt.localeCompare(a.updatedAt)

/**
 * Every note's summary, listed once; each note write (create, save, rename, delete, restore)
 * puts its result here. The panel's "linked to this article" view filters it by articleIds,
 * which is what listNotes({ articleId }) would answer. Also the note open in the notes panel,
 * which other views (Insert, export, drops on the Notes tab) read.
 */
export class NotesStore extends Store<NoteList> {
  /** the note open in the notes panel, shown or not */
  readonly openNoteId = new Store<string | null>(null)
  /** per note id, how many changes to its body arrived from sync (an open editor reloads on a new one) */
  readonly arrivals = new Store<Readonly<Record<string, number>>>({})
  /** per note id, the others in it now (sync's presence); null while sync is off */
  readonly presence = new Store<Readonly<Record<string, NotePeer[]>> | null>(null)
  /** the panel's list scope, kept while the panel is hidden */
  scope: 'all' | 'article' = 'all'
  /** a note just created: its editor takes the caret when it opens */
  private focusOnOpen: string | null = null
  private running: Promise<void> | null = null

  constructor(private readonly api: GlossApi) {
    super({ status: 'loading' })
  }

  /** The caret goes into this note's text when its editor opens (once). */
  requestFocus(id: string): void {
    this.focusOnOpen = id
  }

  /** True once for the note a focus was requested for. */
  takeFocus(id: string): boolean {
    if (this.focusOnOpen !== id) return false
    this.focusOnOpen = null
    return true
  }

  /** List the notes unless that is done (or under way); a failed list is tried again. */
  ensure(): Promise<void> {
    const state = this.get()
    if (state.status === 'ready') return Promise.resolve()
    if (this.running) return this.running
    if (state.status === 'failed') this.set({ status: 'loading' })
    this.running = this.api
      .listNotes({})
      .then(
        (notes) => this.set({ status: 'ready', notes }),
        (error: unknown) => this.set({ status: 'failed', message: errorMessage(error) }),
      )
      .finally(() => {
        this.running = null
      })
    return this.running
  }

  find(noteId: string): NoteSummary | undefined {
    const state = this.get()
    return state.status === 'ready' ? state.notes.find((n) => n.id === noteId) : undefined
  }

  put(summary: NoteSummary): void {
    this.update((state) =>
      state.status === 'ready'
        ? { ...state, notes: [summary, ...state.notes.filter((n) => n.id !== summary.id)].sort(newestFirst) }
        : state,
    )
  }

  remove(noteId: string): void {
    this.update((state) =>
      state.status === 'ready' ? { ...state, notes: state.notes.filter((n) => n.id !== noteId) } : state,
    )
    if (this.openNoteId.get() === noteId) this.openNoteId.set(null)
  }
}
