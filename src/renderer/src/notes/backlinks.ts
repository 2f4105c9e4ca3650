/**
 * Which notes link to each section and excerpt of an article, for the reader's margin badges.
 * Refetches when the article changes and whenever a note is saved, renamed, deleted or
 * restored (the `notesChanged` event).
 */
import { useEffect, useState } from 'react'
import type { GlossApi } from '../../../shared/contract'
import type { Backlinks } from '../../../shared/model'
import { notesChanged } from './events'

export const NO_BACKLINKS: Backlinks = Object.freeze({ sections: {}, excerpts: {} }) as Backlinks

/**
 * `getBacklinks` for the article, kept current. Empty while loading, with no article, or when
 * the request fails (backlinks are a hint; the failure is logged, not shown).
 */
export function useBacklinks(api: GlossApi, articleId: string | null): Backlinks {
  const [state, setState] = useState<{ articleId: string | null; backlinks: Backlinks }>({
    articleId: null,
    backlinks: NO_BACKLINKS,
  })

  useEffect(() => {
    if (!articleId) return
    let alive = true
    let timer: ReturnType<typeof setTimeout> | null = null
    const load = () => {
      api.getBacklinks({ articleId }).then(
        (backlinks) => {
          if (alive) setState({ articleId, backlinks })
        },
        (error: unknown) => console.warn('Could not load backlinks', error),
      )
    }
    load()
    const off = notesChanged.subscribe(() => {
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(load, 150)
    })
    return () => {
      alive = false
      off()
      if (timer !== null) clearTimeout(timer)
    }
  }, [api, articleId])

  return articleId && state.articleId === articleId ? state.backlinks : NO_BACKLINKS
}
