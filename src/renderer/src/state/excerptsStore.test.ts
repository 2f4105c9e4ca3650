import { describe, expect, it, vi } from 'vitest'
import { ExcerptsStore } from './excerptsStore'
import { fakeNotebook } from './testing/fakeNotebook'

/** A notebook with two excerpts of the article (¶2's first, then ¶1's) and an empty store over it. */
async function withExcerpts() {
  const notebook = fakeNotebook()
  const second = await notebook.api.createExcerpt({ articleId: 'a1', start: 17, end: 23, color: 'yellow' })
  const first = await notebook.api.createExcerpt({ articleId: 'a1', start: 0, end: 5, color: 'pink' })
  notebook.takeCalls()
  return { notebook, store: new ExcerptsStore(notebook.api), first, second }
}

const settle = () => new Promise((done) => setTimeout(done, 0))

describe('ExcerptsStore', () => {
  it('lists an article once, trash included, and gives its live excerpts in reading order', async () => {
    const { notebook, store, first, second } = await withExcerpts()
    await notebook.api.deleteExcerpt({ id: second.id })
    notebook.takeCalls()
    expect(store.listOf('a1')).toEqual([])
    await store.load('a1')
    expect(notebook.takeCalls()).toEqual(['listExcerpts'])
    expect(store.listOf('a1').map((e) => e.id)).toEqual([first.id])
    // the same array until something in it changes
    expect(store.listOf('a1')).toBe(store.listOf('a1'))
    expect(store.get(second.id)).toMatchObject({ status: 'deleted', excerpt: { id: second.id } })
  })

  it('serves every card of an article from one list, and tells each card only of its excerpt', async () => {
    const { notebook, store, first, second } = await withExcerpts()
    const onFirst = vi.fn()
    const onSecond = vi.fn()
    store.watch(first.id, 'a1', onFirst)
    store.watch(second.id, 'a1', onSecond)
    expect(store.get(first.id)).toEqual({ status: 'loading' })
    await settle()
    expect(notebook.takeCalls()).toEqual(['listExcerpts'])
    expect(store.get(first.id)).toMatchObject({ status: 'ready', excerpt: { comment: '' } })
    onFirst.mockClear()
    onSecond.mockClear()

    store.put(await notebook.api.updateExcerpt({ id: first.id, comment: 'why' }))
    expect(store.get(first.id)).toMatchObject({ status: 'ready', excerpt: { comment: 'why' } })
    expect(onFirst).toHaveBeenCalledOnce()
    expect(onSecond).not.toHaveBeenCalled()
    // the same excerpt again is no change
    store.put(await notebook.api.getExcerpt({ id: first.id }))
    expect(onFirst).toHaveBeenCalledOnce()
  })

  it('a write’s result moves an excerpt in and out of its article’s list, telling the list’s watchers', async () => {
    const { notebook, store, first } = await withExcerpts()
    await store.load('a1')
    const onList = vi.fn()
    const off = store.watchArticle('a1', onList)
    store.put(await notebook.api.deleteExcerpt({ id: first.id }))
    expect(store.listOf('a1')).toHaveLength(1)
    expect(store.get(first.id)).toMatchObject({ status: 'deleted' })
    const created = await notebook.api.createExcerpt({ articleId: 'a1', start: 6, end: 15, color: 'blue' })
    store.put(created)
    expect(store.listOf('a1').map((e) => e.quote.exact)).toEqual(['paragraph', 'Second'])
    expect(onList).toHaveBeenCalledTimes(2)
    off()
    store.put(await notebook.api.restoreExcerpt({ id: first.id }))
    expect(onList).toHaveBeenCalledTimes(2)
    expect(store.listOf('a1')).toHaveLength(3)
  })

  it('a card whose excerpt is gone for good says so; one whose article cannot be listed asks for it alone', async () => {
    const { notebook, store, first } = await withExcerpts()
    store.watch('e-gone', 'a1', () => undefined)
    await settle()
    expect(store.get('e-gone')).toEqual({ status: 'missing' })
    expect(notebook.takeCalls()).toEqual(['listExcerpts', 'getExcerpt'])

    const elsewhere = new ExcerptsStore(notebook.api)
    // an article id the notebook does not list excerpts for: the excerpt alone
    elsewhere.watch(first.id, 'a-unknown', () => undefined)
    await settle()
    expect(elsewhere.get(first.id)).toMatchObject({ status: 'ready' })
    expect(notebook.takeCalls()).toEqual(['listExcerpts', 'getExcerpt'])
  })

  it('a failure other than not_found shows as an error on the card', async () => {
    const { notebook } = await withExcerpts()
    const api = {
      ...notebook.api,
      listExcerpts: () => Promise.reject(new Error('offline')),
      getExcerpt: () => Promise.reject({ code: 'internal', message: 'The server is gone' }),
    }
    const offline = new ExcerptsStore(api as typeof notebook.api)
    offline.watch('e1', 'a1', () => undefined)
    await settle()
    expect(offline.get('e1')).toEqual({ status: 'error', message: 'The server is gone' })
  })

  it('reload lists again the articles someone follows and forgets the others until shown again', async () => {
    const { notebook, store, first } = await withExcerpts()
    await store.load('a1')
    await store.load('a-other')
    notebook.takeCalls()
    const off = store.watchArticle('a1', () => undefined)
    await store.reload()
    expect(notebook.takeCalls()).toEqual(['listExcerpts'])
    off()
    await store.reload()
    expect(notebook.takeCalls()).toEqual([])
    expect(store.listOf('a1')).toEqual([])
    expect(store.get(first.id)).toEqual({ status: 'loading' })
    // shown again: listed again
    store.watchArticle('a1', () => undefined)
    await settle()
    expect(notebook.takeCalls()).toEqual(['listExcerpts'])
    expect(store.listOf('a1')).toHaveLength(2)
  })

  it('asks once per article while a list is under way', async () => {
    const { notebook, store, first, second } = await withExcerpts()
    await Promise.all([store.load('a1'), store.load('a1')])
    store.watch(first.id, 'a1', () => undefined)
    store.watch(second.id, 'a1', () => undefined)
    await settle()
    expect(notebook.takeCalls()).toEqual(['listExcerpts'])
  })
})
