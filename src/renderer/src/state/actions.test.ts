import { describe, expect, it, vi } from 'vitest'
import type { Excerpt } from '../../../shared/model'
import { createActions } from './actions'
import { createStores } from './stores'
import { fakeNotebook } from './testing/fakeNotebook'
import { UndoStack } from './undo'

/** The app's state over a fresh notebook, started, with the open article on screen. */
async function started() {
  const notebook = fakeNotebook()
  const feedback = { notify: vi.fn(), reportError: vi.fn() }
  const stores = createStores(notebook.api, feedback)
  const undo = new UndoStack()
  const actions = createActions(notebook.api, stores, undo, feedback)
  await stores.start()
  // the reader follows the open article's excerpts
  stores.excerpts.watchArticle('a1', () => undefined)
  await stores.notes.ensure()
  const startCalls = notebook.takeCalls()
  return { notebook, feedback, stores, undo, actions, startCalls }
}

type Started = Awaited<ReturnType<typeof started>>

/** Let fire-and-forget work (a background fetch, a backlinks refresh) finish. */
const settle = () => new Promise((done) => setTimeout(done, 0))

/** What the stores hold is what asking the notebook afresh would give. */
async function expectInStep({ notebook, stores }: Started) {
  await settle()
  const { api } = notebook
  expect(stores.articles.get().list).toEqual(await api.listArticles({}))
  expect(stores.article.get().article).toEqual(await api.getArticle({ id: 'a1' }))
  expect(stores.excerpts.listOf('a1')).toEqual(await api.listExcerpts({ articleId: 'a1' }))
  expect(stores.tags.get()).toEqual(await api.listTags({}))
  expect(stores.notes.get()).toEqual({ status: 'ready', notes: await api.listNotes({}) })
  expect(stores.backlinks.of('a1')).toEqual(await api.getBacklinks({ articleId: 'a1' }))
  notebook.takeCalls()
}

const sorted = (names: string[]) => [...names].sort()

describe('starting', () => {
  it('lists articles and tags, then opens the newest with its excerpts and backlinks, once each', async () => {
    const state = await started()
    expect(sorted(state.startCalls)).toEqual([
      'getArticle',
      'getBacklinks',
      'listArticles',
      'listExcerpts',
      'listNotes',
      'listTags',
    ])
    expect(state.stores.articles.get().load).toEqual({ status: 'ready' })
    expect(state.stores.article.get().id).toBe('a1')
    // opening the open article again asks for nothing
    expect(await state.stores.article.open('a1')).toBe(true)
    expect(state.notebook.takeCalls()).toEqual([])
    await expectInStep(state)
  })
})

describe('excerpt actions', () => {
  const highlight = (state: Started) =>
    state.actions.createExcerpt({ articleId: 'a1', start: 6, end: 15, color: 'green' })

  it('createExcerpt makes one call; the excerpt and the article’s count come from its result', async () => {
    const state = await started()
    const excerpt = (await highlight(state))!
    expect(state.notebook.takeCalls()).toEqual(['createExcerpt'])
    expect(excerpt.quote.exact).toBe('paragraph')
    expect(state.stores.excerpts.listOf('a1')).toEqual([excerpt])
    expect(state.stores.articles.get().list[0]!.excerptCount).toBe(1)
    await expectInStep(state)
  })

  it('undo and redo of a highlight make one call each and keep every store in step', async () => {
    const state = await started()
    const excerpt = (await highlight(state))!
    state.notebook.takeCalls()
    expect(await state.undo.undo()).toBe('Highlight')
    expect(state.notebook.takeCalls()).toEqual(['deleteExcerpt'])
    expect(state.stores.excerpts.listOf('a1')).toEqual([])
    expect(state.stores.excerpts.get(excerpt.id)).toMatchObject({ status: 'deleted' })
    await expectInStep(state)
    expect(await state.undo.redo()).toBe('Highlight')
    expect(state.notebook.takeCalls()).toEqual(['restoreExcerpt'])
    expect(state.stores.excerpts.get(excerpt.id)).toMatchObject({ status: 'ready' })
    await expectInStep(state)
  })

  it('a tag change lists the tags again (their counts span nested tags); undo puts it back', async () => {
    const state = await started()
    const excerpt = (await highlight(state))!
    state.notebook.takeCalls()
    expect(await state.actions.updateExcerpt(excerpt, { tags: ['people/Kim'] })).toBe(true)
    await settle()
    expect(sorted(state.notebook.takeCalls())).toEqual(['listTags', 'updateExcerpt'])
    await expectInStep(state)
    const tagged = state.stores.excerpts.listOf('a1')[0]!
    expect(tagged.tags.map((t) => t.name)).toEqual(['people/Kim'])
    await state.undo.undo()
    await settle()
    expect(sorted(state.notebook.takeCalls())).toEqual(['listTags', 'updateExcerpt'])
    expect(state.stores.excerpts.listOf('a1')[0]!.tags).toEqual([])
    await expectInStep(state)
  })

  it('a comment or color change is one call and leaves the tags alone', async () => {
    const state = await started()
    const excerpt = (await highlight(state))!
    state.notebook.takeCalls()
    await state.actions.updateExcerpt(excerpt, { comment: 'why' })
    await state.actions.updateExcerpt(state.stores.excerpts.listOf('a1')[0]!, { color: 'blue' })
    await settle()
    expect(state.notebook.takeCalls()).toEqual(['updateExcerpt', 'updateExcerpt'])
    expect(state.stores.excerpts.listOf('a1')[0]).toMatchObject({ comment: 'why', color: 'blue' })
    expect(state.undo.nextUndoLabel).toBe('Change color')
    await expectInStep(state)
  })

  it('deleteExcerpt offers Undo in a toast, which restores it', async () => {
    const state = await started()
    const excerpt = (await highlight(state))!
    expect(await state.actions.deleteExcerpt(excerpt)).toBe(true)
    expect(state.stores.articles.get().list[0]!.excerptCount).toBe(0)
    await expectInStep(state)
    const [message, options] = state.feedback.notify.mock.calls.at(-1)!
    expect(message).toBe('Deleted excerpt')
    options!.action!.run()
    await settle()
    expect(state.notebook.takeCalls()).toEqual(['restoreExcerpt'])
    expect(state.stores.excerpts.listOf('a1').map((e: Excerpt) => e.id)).toEqual([excerpt.id])
    await expectInStep(state)
  })

  it('a failed write is reported and changes nothing', async () => {
    const state = await started()
    const ghost = {
      id: 'nope',
      articleId: 'a1',
      comment: '',
      color: 'yellow',
      tags: [],
    } as unknown as Excerpt
    expect(await state.actions.updateExcerpt(ghost, { comment: 'x' })).toBe(false)
    expect(state.feedback.reportError).toHaveBeenCalledWith(expect.objectContaining({ code: 'not_found' }))
    expect(state.undo.canUndo).toBe(false)
    await expectInStep(state)
  })
})

describe('sections and tags', () => {
  it('restoring a hidden section is one call; the reader and the article’s hidden count follow', async () => {
    const state = await started()
    expect(state.stores.articles.get().list[0]!.hiddenCount).toBe(1)
    expect(await state.actions.restoreSections('a1', ['s3'])).toBe(true)
    expect(state.notebook.takeCalls()).toEqual(['restoreSections'])
    expect(state.stores.articles.get().list[0]!.hiddenCount).toBe(0)
    await expectInStep(state)
    await state.undo.undo()
    expect(state.notebook.takeCalls()).toEqual(['quarantineSections'])
    expect(state.stores.article.get().article!.hiddenCount).toBe(1)
    await expectInStep(state)
  })

  it('renaming a tag lists the tags and the shown excerpts again, and forgets articles not shown', async () => {
    const state = await started()
    const excerpt = (await state.actions.createExcerpt({
      articleId: 'a1',
      start: 0,
      end: 5,
      color: 'yellow',
    }))!
    await state.actions.updateExcerpt(excerpt, { tags: ['old'] })
    await settle()
    const tag = state.stores.tags.get()[0]!
    state.notebook.takeCalls()
    expect(await state.actions.renameTag(tag, 'new')).toBe(true)
    expect(sorted(state.notebook.takeCalls())).toEqual(['listExcerpts', 'listTags', 'renameTag'])
    expect(state.stores.excerpts.listOf('a1')[0]!.tags.map((t) => t.name)).toEqual(['new'])
    await expectInStep(state)
  })
})

describe('note actions', () => {
  /** Note content linking ¶1 of the article, as the editor writes it (only the link matters). */
  const linkingP1 = {
    root: { children: [{ children: [{ type: 'section-link', articleId: 'a1', sectionId: 's1' }] }] },
  }

  it('a saved note that links no article changes no backlinks and asks for nothing more', async () => {
    const state = await started()
    const note = (await state.actions.createNote())!
    expect(state.stores.notes.openNoteId.get()).toBe(note.id)
    const summary = await state.notebook.api.saveNote({ id: note.id, content: { root: { children: [] } } })
    state.notebook.takeCalls()
    state.actions.noteSaved(summary)
    await settle()
    expect(state.notebook.takeCalls()).toEqual([])
    await expectInStep(state)
  })

  it('a save that links the open article fetches its backlinks once, and counts the note', async () => {
    const state = await started()
    const note = (await state.actions.createNote())!
    const summary = await state.notebook.api.saveNote({ id: note.id, content: linkingP1 })
    state.notebook.takeCalls()
    state.actions.noteSaved(summary)
    await settle()
    expect(state.notebook.takeCalls()).toEqual(['getBacklinks'])
    expect(state.stores.articles.get().list[0]!.noteCount).toBe(1)
    expect(state.stores.backlinks.of('a1').sections.s1).toEqual([{ id: note.id, title: '' }])
    await expectInStep(state)
  })

  it('deleting a linked note updates the list, counts and backlinks; Undo in the toast restores it', async () => {
    const state = await started()
    const note = (await state.actions.createNote())!
    state.actions.noteSaved(await state.notebook.api.saveNote({ id: note.id, content: linkingP1 }))
    await settle()
    state.notebook.takeCalls()
    expect(await state.actions.deleteNote({ id: note.id, title: '' })).toBe(true)
    await settle()
    expect(sorted(state.notebook.takeCalls())).toEqual(['deleteNote', 'getBacklinks'])
    expect(state.stores.notes.openNoteId.get()).toBeNull()
    expect(state.stores.articles.get().list[0]!.noteCount).toBe(0)
    await expectInStep(state)
    const [message, options] = state.feedback.notify.mock.calls.at(-1)!
    expect(message).toBe('Deleted “Untitled note”')
    options!.action!.run()
    await settle()
    expect(sorted(state.notebook.takeCalls())).toEqual(['getBacklinks', 'restoreNote'])
    expect(state.stores.articles.get().list[0]!.noteCount).toBe(1)
    await expectInStep(state)
  })

  it('renaming a note puts its summary first; a linked one refreshes the backlinks’ titles', async () => {
    const state = await started()
    const first = (await state.actions.createNote())!
    await state.actions.createNote()
    state.actions.noteSaved(await state.notebook.api.saveNote({ id: first.id, content: linkingP1 }))
    await settle()
    state.notebook.takeCalls()
    expect(await state.actions.renameNote(first.id, 'Summits')).toBe(true)
    await settle()
    expect(sorted(state.notebook.takeCalls())).toEqual(['getBacklinks', 'renameNote'])
    const list = state.stores.notes.get()
    expect(list.status === 'ready' && list.notes[0]).toMatchObject({ id: first.id, title: 'Summits' })
    await expectInStep(state)
  })
})
