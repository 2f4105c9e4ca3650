import { describe, expect, it, vi } from 'vitest'
import type { GlossApi } from '../../../shared/contract'
import type { NoteSummary } from '../../../shared/model'
import { NotesStore } from './notesStore'

const note = (id: string, updatedAt: string): NoteSummary => ({
  id,
  title: id,
  excerptText: '',
  createdAt: updatedAt,
  updatedAt,
  articleIds: [],
})

describe('NotesStore', () => {
  it('lists the notes once, however many views ask', async () => {
    const listNotes = vi.fn(async () => [note('n1', '2026-01-02')])
    const store = new NotesStore({ listNotes } as unknown as GlossApi)
    await Promise.all([store.ensure(), store.ensure()])
    await store.ensure()
    expect(listNotes).toHaveBeenCalledOnce()
    expect(store.get()).toEqual({ status: 'ready', notes: [note('n1', '2026-01-02')] })
  })

  it('says why the list failed, and tries again when asked', async () => {
    const listNotes = vi
      .fn()
      .mockRejectedValueOnce({ code: 'internal', message: 'no server' })
      .mockResolvedValueOnce([])
    const store = new NotesStore({ listNotes } as unknown as GlossApi)
    await store.ensure()
    expect(store.get()).toEqual({ status: 'failed', message: 'no server' })
    await store.ensure()
    expect(store.get()).toEqual({ status: 'ready', notes: [] })
  })

  it('keeps the newest first as notes are saved, and closes a removed note', async () => {
    const listNotes = async () => [note('n2', '2026-01-02'), note('n1', '2026-01-01')]
    const store = new NotesStore({ listNotes } as unknown as GlossApi)
    await store.ensure()
    store.put(note('n1', '2026-01-03'))
    store.put(note('n3', '2026-01-03'))
    const ids = () => {
      const state = store.get()
      return state.status === 'ready' ? state.notes.map((n) => n.id) : []
    }
    expect(ids()).toEqual(['n3', 'n1', 'n2'])
    store.openNoteId.set('n1')
    store.remove('n1')
    expect(ids()).toEqual(['n3', 'n2'])
    expect(store.openNoteId.get()).toBeNull()
  })
})
