import { describe, expect, it, vi } from 'vitest'
import type { GlossApi } from '../../../shared/contract'
import type { Backlinks } from '../../../shared/model'
import { BacklinksStore } from './backlinksStore'

/** getBacklinks answered by hand, so a test decides when each reply arrives. */
function pending() {
  const replies: Array<{ articleId: string; answer: (value: Backlinks) => void }> = []
  const api = {
    getBacklinks: vi.fn(
      ({ articleId }: { articleId: string }) =>
        new Promise<Backlinks>((answer) => replies.push({ articleId, answer })),
    ),
  } as unknown as GlossApi
  return { api, replies }
}

const citing = (noteId: string): Backlinks => ({
  sections: { s1: [{ id: noteId, title: '' }] },
  excerpts: {},
  source: 'live',
  orphanedSections: {},
})
const NONE: Backlinks = { sections: {}, excerpts: {}, source: 'live', orphanedSections: {} }
const settle = () => new Promise((done) => setTimeout(done, 0))

describe('BacklinksStore', () => {
  it('fetches once per article opened, and shows them only for that article', async () => {
    const { api, replies } = pending()
    const store = new BacklinksStore(api)
    store.follow('a1')
    store.follow('a1')
    expect(replies).toHaveLength(1)
    expect(store.of('a1')).toEqual(NONE)
    replies[0]!.answer(citing('n1'))
    await settle()
    expect(store.of('a1')).toEqual(citing('n1'))
    expect(store.of('a2')).toEqual(NONE)
  })

  it('runs one request at a time and one more for every refresh asked meanwhile', async () => {
    const { api, replies } = pending()
    const store = new BacklinksStore(api)
    store.follow('a1')
    store.refresh()
    store.refresh()
    expect(replies).toHaveLength(1)
    replies[0]!.answer(citing('old'))
    await settle()
    expect(replies).toHaveLength(2)
    replies[1]!.answer(citing('new'))
    await settle()
    expect(replies).toHaveLength(2)
    expect(store.of('a1')).toEqual(citing('new'))
  })

  it('drops an answer for an article no longer open', async () => {
    const { api, replies } = pending()
    const store = new BacklinksStore(api)
    store.follow('a1')
    store.follow('a2')
    replies[0]!.answer(citing('for a1'))
    await settle()
    expect(store.get().articleId).toBeNull()
    expect(replies.map((r) => r.articleId)).toEqual(['a1', 'a2'])
    replies[1]!.answer(citing('for a2'))
    await settle()
    expect(store.of('a2')).toEqual(citing('for a2'))
  })
})
