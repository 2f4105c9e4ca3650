import type { GlossApi } from '../../../shared/contract'
import type { Note, NoteSummary } from '../../../shared/model'
import type { Stores } from './stores'
import type { Writes } from './writes'

const summaryOf = ({ id, title, excerptText, createdAt, updatedAt, articleIds }: Note): NoteSummary => ({
  id,
  title,
  excerptText,
  createdAt,
  updatedAt,
  articleIds,
})

/**
 * Note writes outside the editor's text (which its saver sends), and what follows from each
 * result: the notes store, the articles' note counts, and the open article's backlinks, which
 * are fetched again only when the note linked, or now links, that article.
 */
export function createNoteActions(api: GlossApi, stores: Stores, writes: Writes) {
  const { attempt } = writes
  const { notes, articles, backlinks } = stores

  /** The note's linked articles went from `before` (null: not known) to `after`. */
  function linksMoved(before: readonly string[] | null, after: readonly string[]): void {
    if (before === null) writes.background(articles.fetch())
    else {
      for (const id of after) if (!before.includes(id)) articles.count(id, 'noteCount', 1)
      for (const id of before) if (!after.includes(id)) articles.count(id, 'noteCount', -1)
    }
    const open = stores.article.get().id
    if (open && (before === null || before.includes(open) || after.includes(open))) backlinks.refresh()
  }

  /** A saved or renamed note's summary. */
  function noteSaved(summary: NoteSummary): void {
    const before = notes.find(summary.id)?.articleIds ?? null
    notes.put(summary)
    linksMoved(before, summary.articleIds)
  }

  const remove = async (id: string) => {
    const summary = await api.deleteNote({ id })
    notes.remove(id)
    linksMoved(summary.articleIds, [])
    return summary
  }

  const restore = async (id: string) => {
    const summary = await api.restoreNote({ id })
    notes.put(summary)
    linksMoved([], summary.articleIds)
  }

  /** A new, empty note, opened in the notes panel. */
  async function createNote(): Promise<Note | undefined> {
    const note = await attempt(() => api.createNote({ title: '' }))
    if (!note) return undefined
    notes.put(summaryOf(note))
    linksMoved([], note.articleIds)
    notes.requestFocus(note.id)
    notes.openNoteId.set(note.id)
    return note
  }

  async function renameNote(id: string, title: string): Promise<boolean> {
    const summary = await attempt(() => api.renameNote({ id, title }))
    if (summary) noteSaved(summary)
    return !!summary
  }

  async function deleteNote(note: { id: string; title: string }): Promise<boolean> {
    if (!(await attempt(() => remove(note.id)))) return false
    const step = {
      label: 'Delete note',
      undo: () => restore(note.id),
      redo: async () => void (await remove(note.id)),
    }
    writes.pushWithToast(step, `Deleted “${note.title.trim() || 'Untitled note'}”`)
    return true
  }

  return { noteSaved, createNote, renameNote, deleteNote }
}
