import type { GlossApi } from '../../../shared/contract'
import type { Tag, TagMergeResult, TagSnapshot } from '../../../shared/model'
import type { Stores } from './stores'
import type { UndoEntry } from './undo'
import type { Writes } from './writes'

/**
 * Renaming, recoloring, deleting and merging tags, each undoable. A tag change reaches every
 * excerpt carrying it (and, for a rename, the tags nested below it), so each lists the tags and
 * the excerpts on screen again rather than patching them one by one.
 */
export function createTagActions(api: GlossApi, stores: Stores, writes: Writes) {
  const { attempt, undo } = writes

  const refresh = () => Promise.all([stores.tags.fetch(), stores.excerpts.reload()])

  /** An undo step whose both directions refresh what a tag change reaches. */
  function entry(
    label: string,
    undoWork: () => Promise<unknown>,
    redoWork: () => Promise<unknown>,
  ): UndoEntry {
    return {
      label,
      undo: async () => {
        await undoWork()
        await refresh()
      },
      redo: async () => {
        await redoWork()
        await refresh()
      },
    }
  }

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    const done = await attempt(work)
    if (done !== undefined) await refresh().catch(writes.feedback.reportError)
    return done
  }

  async function renameTag(tag: Tag, name: string): Promise<boolean> {
    if (!(await run(() => api.renameTag({ id: tag.id, name })))) return false
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
    if (!(await run(() => api.recolorTag({ id: tag.id, color })))) return false
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
    let snapshots: TagSnapshot[] | undefined = await run(() => api.deleteTag({ id: tag.id }))
    if (!snapshots) return false
    const step = entry(
      'Delete tag',
      () => api.restoreTags({ snapshots: snapshots ?? [] }),
      async () => {
        snapshots = await api.deleteTag({ id: tag.id })
      },
    )
    writes.pushWithToast(step, `Deleted tag “${tag.name}”`)
    return true
  }

  async function mergeTags(from: Tag, into: Tag): Promise<boolean> {
    const merge = () => api.mergeTags({ fromIds: [from.id], intoId: into.id })
    let result: TagMergeResult | undefined = await run(merge)
    if (!result) return false
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
    writes.pushWithToast(step, `Merged “${from.name}” into “${into.name}”`)
    return true
  }

  return { renameTag, recolorTag, deleteTag, mergeTags }
}
