import type { GlossApi } from '../../../shared/contract'
import type { Excerpt, ExcerptColor, Section } from '../../../shared/model'
import type { Feedback } from './feedback'
import { createArticleActions } from './articleActions'
import { createNoteActions } from './noteActions'
import type { Stores } from './stores'
import { createTagActions } from './tagActions'
import type { UndoStack } from './undo'
import { createWrites } from './writes'

export interface ExcerptPatch {
  comment?: string
  color?: ExcerptColor
  tags?: string[]
}

/**
 * Every change the screen makes goes through here: it calls the contract, puts the result into
 * the store it changed (and the counts that follow from it), and pushes the inverse onto the
 * undo stack, whose steps do the same with their own results. Each returns undefined/false on
 * failure (after reporting it) so callers can keep the user's work in progress.
 */
export function createActions(api: GlossApi, stores: Stores, undo: UndoStack, feedback: Feedback) {
  const writes = createWrites(undo, feedback)
  const { attempt, background } = writes
  const { excerpts, articles, tags } = stores

  /** A write's excerpt: in the store, the article's count moved if it entered or left the trash. */
  function putExcerpt(excerpt: Excerpt, before: Excerpt | null, tagsChanged: boolean): Excerpt {
    excerpts.put(excerpt)
    const wasLive = before !== null && !before.deletedAt
    const isLive = !excerpt.deletedAt
    if (wasLive !== isLive) articles.count(excerpt.articleId, 'excerptCount', isLive ? 1 : -1)
    // tag counts span nested tags: list them again when they moved
    if (tagsChanged || (wasLive !== isLive && excerpt.tags.length > 0)) background(tags.fetch())
    return excerpt
  }

  /** Delete and restore, as undo steps of each other. */
  const remove = async (excerpt: Excerpt) =>
    putExcerpt(await api.deleteExcerpt({ id: excerpt.id }), excerpt, false)
  const restore = async (excerpt: Excerpt) =>
    putExcerpt(await api.restoreExcerpt({ id: excerpt.id }), { ...excerpt, deletedAt: 'deleted' }, false)

  async function createExcerpt(input: {
    articleId: string
    start: number
    end: number
    color: ExcerptColor
  }) {
    const excerpt = await attempt(() => api.createExcerpt(input))
    if (!excerpt) return undefined
    putExcerpt(excerpt, null, false)
    undo.push({
      label: 'Highlight',
      undo: async () => void (await remove(excerpt)),
      redo: async () => void (await restore(excerpt)),
    })
    return excerpt
  }

  async function updateExcerpt(excerpt: Excerpt, patch: ExcerptPatch): Promise<boolean> {
    const previous: ExcerptPatch = {}
    if (patch.comment !== undefined) previous.comment = excerpt.comment
    if (patch.color !== undefined) previous.color = excerpt.color
    if (patch.tags !== undefined) previous.tags = excerpt.tags.map((t) => t.name)
    const tagsChanged = patch.tags !== undefined
    const write = async (change: ExcerptPatch) =>
      putExcerpt(await api.updateExcerpt({ id: excerpt.id, ...change }), excerpt, tagsChanged)
    const updated = await attempt(() => write(patch))
    if (!updated) return false
    const label = tagsChanged ? 'Change tags' : patch.color !== undefined ? 'Change color' : 'Edit comment'
    undo.push({
      label,
      undo: async () => void (await write(previous)),
      redo: async () => void (await write(patch)),
    })
    return true
  }

  async function deleteExcerpt(excerpt: Excerpt): Promise<boolean> {
    const deleted = await attempt(() => remove(excerpt))
    if (!deleted) return false
    writes.pushWithToast(
      {
        label: 'Delete excerpt',
        undo: async () => void (await restore(excerpt)),
        redo: async () => void (await remove(excerpt)),
      },
      'Deleted excerpt',
    )
    return true
  }

  /** Sections a restore or quarantine returned: in the reader, and the article's hidden count. */
  function putSections(articleId: string, sections: Section[]): void {
    stores.article.putSections(articleId, sections)
    const hiddenCount = stores.article.get().article?.hiddenCount
    if (hiddenCount !== undefined) articles.patch(articleId, () => ({ hiddenCount }))
  }

  /** Bring quarantined sections back; `all` uses the contract's restore-everything form. */
  async function restoreSections(articleId: string, ids: string[], all = false): Promise<boolean> {
    const restored = await attempt(() =>
      api.restoreSections(all ? { articleId } : { articleId, sectionIds: ids }),
    )
    if (!restored) return false
    putSections(articleId, restored)
    if (ids.length > 0) {
      undo.push({
        label: ids.length === 1 ? 'Restore section' : 'Restore sections',
        undo: async () =>
          putSections(articleId, await api.quarantineSections({ articleId, sectionIds: ids })),
        redo: async () => putSections(articleId, await api.restoreSections({ articleId, sectionIds: ids })),
      })
    }
    return true
  }

  async function step(run: () => Promise<string | undefined>, done: string, nothing: string) {
    try {
      const label = await run()
      feedback.notify(label ? `${done}: ${label}` : nothing)
    } catch (error) {
      feedback.reportError(error)
    }
  }

  return {
    createExcerpt,
    updateExcerpt,
    deleteExcerpt,
    restoreSections,
    ...createArticleActions(api, stores, writes),
    ...createTagActions(api, stores, writes),
    ...createNoteActions(api, stores, writes),
    undo: () => step(() => undo.undo(), 'Undid', 'Nothing to undo'),
    redo: () => step(() => undo.redo(), 'Redid', 'Nothing to redo'),
  }
}

export type Actions = ReturnType<typeof createActions>
