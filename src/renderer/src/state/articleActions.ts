import type { GlossApi } from '../../../shared/contract'
import type { ArticleSummary, ImportResult, ReviewAction, ReviewItem, Section } from '../../../shared/model'
import type { Stores } from './stores'
import type { Writes } from './writes'

/** The fields of an article a person may edit (updateArticle); null clears one. */
export interface ArticleDetails {
  title?: string
  byline?: string | null
  publishedAt?: string | null
  sourceUrl?: string | null
}

/**
 * Article writes: the trash (with undo), details, new versions, hiding sections. Each puts the
 * core's result into the articles store and, when it is the open one, the reader.
 */
export function createArticleActions(api: GlossApi, stores: Stores, writes: Writes) {
  const { attempt, background } = writes
  const { articles, article: open } = stores

  /** An article summary a write returned: the library's list, tags (their counts moved). */
  function putArticle(summary: ArticleSummary): void {
    articles.put(summary)
  }

  const remove = async (articleId: string) => {
    const summary = await api.deleteArticle({ id: articleId })
    putArticle(summary)
    background(stores.tags.fetch())
    if (open.get().id === articleId) {
      const next = articles.get().list[0]
      if (next) await open.open(next.id)
      else open.close()
    }
    return summary
  }
  const restore = async (articleId: string) => {
    const summary = await api.restoreArticle({ id: articleId })
    putArticle(summary)
    background(stores.tags.fetch())
    await open.open(articleId)
    return summary
  }

  async function deleteArticle(summary: ArticleSummary): Promise<boolean> {
    const deleted = await attempt(() => remove(summary.id))
    if (!deleted) return false
    writes.pushWithToast(
      {
        label: 'Delete article',
        undo: async () => void (await restore(summary.id)),
        redo: async () => void (await remove(summary.id)),
      },
      `Moved “${summary.title}” to the trash`,
    )
    return true
  }

  /**
   * Edit details. Throws the core's error (the dialog shows it beside its field); on success the
   * previous values are one undo step away.
   */
  async function updateArticle(summary: ArticleSummary, change: ArticleDetails): Promise<ArticleSummary> {
    const previous: ArticleDetails = {}
    if (change.title !== undefined) previous.title = summary.title
    if (change.byline !== undefined) previous.byline = summary.byline
    if (change.publishedAt !== undefined) previous.publishedAt = summary.publishedAt
    if (change.sourceUrl !== undefined) previous.sourceUrl = summary.sourceUrl
    const write = async (details: ArticleDetails) => {
      const updated = await api.updateArticle({ id: summary.id, ...details })
      putArticle(updated)
      return updated
    }
    const updated = await write(change)
    writes.undo.push({
      label: 'Edit details',
      undo: async () => void (await write(previous)),
      redo: async () => void (await write(change)),
    })
    writes.feedback.notify(`Saved the details of “${updated.title}”`)
    return updated
  }

  /** A new version's import: the library, the reader (its text and excerpts again), the report. */
  async function versionImported(result: ImportResult): Promise<void> {
    putArticle(result.article)
    writes.feedback.notify(result.message)
    background(stores.tags.fetch())
    if (open.get().id === result.article.id) await open.reload(result.article.id)
    else await open.open(result.article.id)
    stores.backlinks.refresh()
    background(stores.review.load(result.article.id))
  }

  /**
   * Settle one excerpt of the review queue: the excerpt as the core returns it, out of the queue,
   * the article's counts. (No undo: the contract has no way back into the queue.)
   */
  async function resolveReview(
    item: ReviewItem,
    action: ReviewAction,
    range?: { start: number; end: number },
  ): Promise<boolean> {
    const excerpt = await attempt(() =>
      api.resolveReview({ excerptId: item.excerpt.id, action, ...(action === 'reattach' ? range : {}) }),
    )
    if (!excerpt) return false
    stores.excerpts.put(excerpt)
    stores.review.remove(excerpt.id)
    articles.patch(excerpt.articleId, (a) => ({
      reviewCount: Math.max(0, a.reviewCount - 1),
      excerptCount: excerpt.deletedAt ? Math.max(0, a.excerptCount - 1) : a.excerptCount,
    }))
    if (excerpt.deletedAt && excerpt.tags.length > 0) background(stores.tags.fetch())
    const done = {
      accept: 'Accepted the new text',
      reattach: 'Re-attached the excerpt',
      keepOrphan: 'Kept the old quote as an orphan',
      delete: 'Deleted the excerpt',
    }[action]
    writes.feedback.notify(`${done} (¶${excerpt.sectionOrdinal})`)
    return true
  }

  async function importVersion(
    articleId: string,
    content: { content: string; encoding: 'utf8' | 'base64'; fileName?: string },
  ): Promise<boolean> {
    const result = await attempt(() => api.importVersion({ articleId, ...content }))
    if (!result) return false
    await versionImported(result)
    return true
  }

  /** Sections hidden or shown by a write: the reader, and the article's hidden count. */
  function putSections(articleId: string, sections: Section[]): void {
    open.putSections(articleId, sections)
    const hiddenCount = open.get().article?.hiddenCount
    if (hiddenCount !== undefined) articles.patch(articleId, () => ({ hiddenCount }))
  }

  /** Hide sections by hand ("hidden by you"); undo shows them again. */
  async function hideSections(articleId: string, sectionIds: string[]): Promise<boolean> {
    const hidden = await attempt(() => api.quarantineSections({ articleId, sectionIds }))
    if (!hidden) return false
    putSections(articleId, hidden)
    const one = hidden.length === 1 ? hidden[0] : undefined
    writes.pushWithToast(
      {
        label: sectionIds.length === 1 ? 'Hide section' : 'Hide sections',
        undo: async () => putSections(articleId, await api.restoreSections({ articleId, sectionIds })),
        redo: async () => putSections(articleId, await api.quarantineSections({ articleId, sectionIds })),
      },
      one ? `Hid ¶${one.ordinal}` : `Hid ${hidden.length} sections`,
    )
    return true
  }

  return { deleteArticle, updateArticle, importVersion, hideSections, resolveReview }
}
