import { useMemo } from 'react'
import type { GlossApi } from '../../../shared/contract'
import type { Excerpt, ExcerptColor, Tag, TagMergeResult, TagSnapshot } from '../../../shared/model'
import { excerptsChanged } from '../notes/events'
import type { Feedback, Notebook } from './notebook'
import type { UndoEntry, UndoStack } from './undo'

export interface ExcerptPatch {
  comment?: string
  color?: ExcerptColor
  tags?: string[]
}

/**
 * Every excerpt and tag change goes through here: it calls the contract, pushes the
 * inverse onto the undo stack and refreshes what is on screen. Each returns undefined/false
 * on failure (after reporting it) so callers can keep the user's work in progress.
 */
export function useActions(api: GlossApi, notebook: Notebook, undo: UndoStack, feedback: Feedback) {
  const { refreshAll, replaceExcerpt, refreshTags, refreshExcerpts, refreshArticles, refreshArticle } =
    notebook
  return useMemo(() => {
    async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
      try {
        return await work()
      } catch (error) {
        feedback.reportError(error)
        return undefined
      }
    }

    const background = (work: Promise<unknown>) => void work.catch(feedback.reportError)

    /** Tell other views (excerpt cards embedded in notes) that excerpts changed. */
    const changed = (excerptIds?: string[]) => excerptsChanged.emit(excerptIds ? { excerptIds } : {})

    function entry(
      label: string,
      undoWork: () => Promise<unknown>,
      redoWork: () => Promise<unknown>,
    ): UndoEntry {
      return {
        label,
        undo: async () => {
          await undoWork()
          changed()
          await refreshAll()
        },
        redo: async () => {
          await redoWork()
          changed()
          await refreshAll()
        },
      }
    }

    async function createExcerpt(input: {
      articleId: string
      start: number
      end: number
      color: ExcerptColor
    }) {
      const excerpt = await attempt(() => api.createExcerpt(input))
      if (!excerpt) return undefined
      replaceExcerpt(excerpt)
      changed([excerpt.id])
      background(refreshArticles())
      undo.push(
        entry(
          'Highlight',
          () => api.deleteExcerpt({ id: excerpt.id }),
          () => api.restoreExcerpt({ id: excerpt.id }),
        ),
      )
      return excerpt
    }

    async function updateExcerpt(excerpt: Excerpt, patch: ExcerptPatch): Promise<boolean> {
      const previous: ExcerptPatch = {}
      if (patch.comment !== undefined) previous.comment = excerpt.comment
      if (patch.color !== undefined) previous.color = excerpt.color
      if (patch.tags !== undefined) previous.tags = excerpt.tags.map((t) => t.name)
      const updated = await attempt(() => api.updateExcerpt({ id: excerpt.id, ...patch }))
      if (!updated) return false
      replaceExcerpt(updated)
      changed([excerpt.id])
      if (patch.tags !== undefined) background(refreshTags())
      const label =
        patch.tags !== undefined ? 'Change tags' : patch.color !== undefined ? 'Change color' : 'Edit comment'
      undo.push(
        entry(
          label,
          () => api.updateExcerpt({ id: excerpt.id, ...previous }),
          () => api.updateExcerpt({ id: excerpt.id, ...patch }),
        ),
      )
      return true
    }

    async function deleteExcerpt(excerpt: Excerpt): Promise<boolean> {
      const deleted = await attempt(() => api.deleteExcerpt({ id: excerpt.id }))
      if (!deleted) return false
      replaceExcerpt(deleted)
      changed([excerpt.id])
      background(Promise.all([refreshArticles(), refreshTags()]))
      const step = entry(
        'Delete excerpt',
        () => api.restoreExcerpt({ id: excerpt.id }),
        () => api.deleteExcerpt({ id: excerpt.id }),
      )
      undo.push(step)
      feedback.notify('Deleted excerpt', { action: { label: 'Undo', run: () => void undoThis(step) } })
      return true
    }

    async function renameTag(tag: Tag, name: string): Promise<boolean> {
      const done = await attempt(() => api.renameTag({ id: tag.id, name }))
      if (!done) return false
      changed()
      await refreshAll()
      undo.push(
        entry(
          'Rename tag',
          () => api.renameTag({ id: tag.id, name: tag.name }),
          () => api.renameTag({ id: tag.id, name }),
        ),
      )
      return true
    }

    async function recolorTag(tag: Tag, color: string | null): Promise<boolean> {
      const done = await attempt(() => api.recolorTag({ id: tag.id, color }))
      if (!done) return false
      changed()
      await refreshAll()
      undo.push(
        entry(
          'Recolor tag',
          () => api.recolorTag({ id: tag.id, color: tag.color }),
          () => api.recolorTag({ id: tag.id, color }),
        ),
      )
      return true
    }

    async function deleteTag(tag: Tag): Promise<boolean> {
      let snapshots: TagSnapshot[] | undefined = await attempt(() => api.deleteTag({ id: tag.id }))
      if (!snapshots) return false
      changed()
      await refreshAll()
      const step = entry(
        'Delete tag',
        () => api.restoreTags({ snapshots: snapshots ?? [] }),
        async () => {
          snapshots = await api.deleteTag({ id: tag.id })
        },
      )
      undo.push(step)
      feedback.notify(`Deleted tag “${tag.name}”`, {
        action: { label: 'Undo', run: () => void undoThis(step) },
      })
      return true
    }

    async function mergeTags(from: Tag, into: Tag): Promise<boolean> {
      const merge = () => api.mergeTags({ fromIds: [from.id], intoId: into.id })
      let result: TagMergeResult | undefined = await attempt(merge)
      if (!result) return false
      changed()
      await refreshAll()
      const step = entry(
        'Merge tags',
        async () => {
          if (!result) return
          await api.restoreTags({
            snapshots: result.removed,
            untag: { tagId: result.into.id, excerptIds: result.addedTo },
          })
        },
        async () => {
          result = await merge()
        },
      )
      undo.push(step)
      feedback.notify(`Merged “${from.name}” into “${into.name}”`, {
        action: { label: 'Undo', run: () => void undoThis(step) },
      })
      return true
    }

    /** Bring quarantined sections back; `all` uses the contract's restore-everything form. */
    async function restoreSections(articleId: string, ids: string[], all = false): Promise<boolean> {
      const restored = await attempt(() =>
        api.restoreSections(all ? { articleId } : { articleId, sectionIds: ids }),
      )
      if (!restored) return false
      await Promise.all([refreshArticle(), refreshArticles(), refreshExcerpts()]).catch(feedback.reportError)
      if (ids.length > 0) {
        undo.push({
          label: ids.length === 1 ? 'Restore section' : 'Restore sections',
          undo: async () => {
            await api.quarantineSections({ articleId, sectionIds: ids })
            await Promise.all([refreshArticle(), refreshArticles()])
          },
          redo: async () => {
            await api.restoreSections({ articleId, sectionIds: ids })
            await Promise.all([refreshArticle(), refreshArticles()])
          },
        })
      }
      return true
    }

    /** The Undo button of a toast undoes that step, even if others came after it. */
    async function undoThis(step: UndoEntry) {
      try {
        if (undo.peek() === step) await undo.undo()
        else await undo.undoOutOfOrder(step)
      } catch (error) {
        feedback.reportError(error)
      }
    }

    async function runUndo() {
      try {
        const label = await undo.undo()
        if (label) feedback.notify(`Undid: ${label}`)
        else feedback.notify('Nothing to undo')
      } catch (error) {
        feedback.reportError(error)
      }
    }

    async function runRedo() {
      try {
        const label = await undo.redo()
        if (label) feedback.notify(`Redid: ${label}`)
        else feedback.notify('Nothing to redo')
      } catch (error) {
        feedback.reportError(error)
      }
    }

    return {
      createExcerpt,
      updateExcerpt,
      deleteExcerpt,
      renameTag,
      recolorTag,
      deleteTag,
      mergeTags,
      restoreSections,
      undo: runUndo,
      redo: runRedo,
    }
  }, [
    api,
    undo,
    feedback,
    refreshAll,
    replaceExcerpt,
    refreshTags,
    refreshExcerpts,
    refreshArticles,
    refreshArticle,
  ])
}

export type Actions = ReturnType<typeof useActions>
