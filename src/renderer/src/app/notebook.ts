import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { GlossApi } from '../../../shared/contract'
import type { ArticleDetail, ArticleSummary, Excerpt, ImportResult, Tag } from '../../../shared/model'
import { errorMessage } from '../api/errors'

export interface Feedback {
  notify: (
    message: string,
    options?: { kind?: 'info' | 'error'; action?: { label: string; run: () => void } },
  ) => void
  reportError: (error: unknown) => void
}

export type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string }

/** What the notebook holds for the screen: the article list, the open article, its excerpts, all tags. */
export function useNotebook(api: GlossApi, feedback: Feedback) {
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [articleId, setArticleId] = useState<string | null>(null)
  const [article, setArticle] = useState<ArticleDetail | null>(null)
  const [excerpts, setExcerpts] = useState<Excerpt[]>([])
  const [tags, setTags] = useState<Tag[]>([])
  const [load, setLoad] = useState<LoadState>({ status: 'loading' })
  const current = useRef<string | null>(null)
  const loaded = useRef<string | null>(null)
  const feedbackRef = useRef(feedback)
  feedbackRef.current = feedback

  const refreshArticles = useCallback(async () => {
    setArticles(await api.listArticles({}))
  }, [api])

  const refreshTags = useCallback(async () => {
    setTags(await api.listTags({}))
  }, [api])

  const refreshExcerpts = useCallback(async () => {
    const id = current.current
    if (!id) return
    const list = await api.listExcerpts({ articleId: id })
    if (current.current === id) setExcerpts(list)
  }, [api])

  const refreshArticle = useCallback(async () => {
    const id = current.current
    if (!id) return
    const detail = await api.getArticle({ id })
    if (current.current === id) setArticle(detail)
  }, [api])

  /** Reload everything on screen; errors are reported, never thrown. */
  const refreshAll = useCallback(async () => {
    try {
      await Promise.all([refreshArticles(), refreshTags(), refreshExcerpts()])
    } catch (error) {
      feedbackRef.current.reportError(error)
    }
  }, [refreshArticles, refreshTags, refreshExcerpts])

  const openArticle = useCallback(
    async (id: string): Promise<boolean> => {
      if (current.current === id && loaded.current === id) return true
      current.current = id
      setArticleId(id)
      try {
        const [detail, list] = await Promise.all([
          api.getArticle({ id }),
          api.listExcerpts({ articleId: id }),
        ])
        if (current.current !== id) return false
        loaded.current = id
        setArticle(detail)
        setExcerpts(list)
        return true
      } catch (error) {
        feedbackRef.current.reportError(error)
        return false
      }
    },
    [api],
  )

  const start = useCallback(async () => {
    setLoad({ status: 'loading' })
    try {
      const [list, tagList] = await Promise.all([api.listArticles({}), api.listTags({})])
      setArticles(list)
      setTags(tagList)
      setLoad({ status: 'ready' })
      const newest = list[0]
      if (newest && !current.current) await openArticle(newest.id)
    } catch (error) {
      setLoad({ status: 'failed', message: errorMessage(error) })
    }
  }, [api, openArticle])

  // first start: the core has imported the sample already; open the newest article
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void start()
  }, [start])

  /** Put one changed excerpt in place without waiting for a reload. */
  const replaceExcerpt = useCallback((excerpt: Excerpt) => {
    setExcerpts((list) => {
      if (excerpt.articleId !== current.current) return list
      const without = list.filter((e) => e.id !== excerpt.id)
      if (excerpt.deletedAt) return without
      return [...without, excerpt].sort(
        (a, b) => a.position.start - b.position.start || a.position.end - b.position.end,
      )
    })
  }, [])

  const afterImport = useCallback(
    async (results: ImportResult[]) => {
      for (const result of results) feedbackRef.current.notify(result.message)
      await refreshArticles().catch(feedbackRef.current.reportError)
      const last = results.at(-1)
      if (last) await openArticle(last.article.id)
    },
    [openArticle, refreshArticles],
  )

  return useMemo(
    () => ({
      articles,
      articleId,
      article,
      excerpts,
      tags,
      load,
      start,
      openArticle,
      refreshArticles,
      refreshArticle,
      refreshExcerpts,
      refreshTags,
      refreshAll,
      replaceExcerpt,
      afterImport,
    }),
    [
      articles,
      articleId,
      article,
      excerpts,
      tags,
      load,
      start,
      openArticle,
      refreshArticles,
      refreshArticle,
      refreshExcerpts,
      refreshTags,
      refreshAll,
      replaceExcerpt,
      afterImport,
    ],
  )
}

export type Notebook = ReturnType<typeof useNotebook>
