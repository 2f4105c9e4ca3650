/** The stores as React hooks: each re-renders its component when what it reads changes. */
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { Backlinks, Excerpt, Tag } from '../../../shared/model'
import type { ArticleList } from './articlesStore'
import { useGloss } from './glossContext'
import type { LiveExcerpt } from './excerptsStore'
import type { NoteList } from './notesStore'
import type { OpenArticle } from './openArticleStore'
import type { ReviewQueue } from './reviewStore'
import { useStore } from './store'

export const useArticles = (): ArticleList => useStore(useGloss().stores.articles)

export const useOpenArticle = (): OpenArticle => useStore(useGloss().stores.article)

export const useReview = (): ReviewQueue => useStore(useGloss().stores.review)

export const useTags = (): Tag[] => useStore(useGloss().stores.tags)

/** An article's excerpts not in the trash, in reading order. */
export function useArticleExcerpts(articleId: string | null): readonly Excerpt[] {
  const { excerpts } = useGloss().stores
  const subscribe = useCallback(
    (listener: () => void) => (articleId ? excerpts.watchArticle(articleId, listener) : () => undefined),
    [excerpts, articleId],
  )
  return useSyncExternalStore(subscribe, () => excerpts.listOf(articleId ?? ''))
}

/** The excerpt behind a card in a note, kept current by every write to it. */
export function useExcerpt(excerptId: string, articleId: string): LiveExcerpt {
  const { excerpts } = useGloss().stores
  const subscribe = useCallback(
    (listener: () => void) => excerpts.watch(excerptId, articleId, listener),
    [excerpts, excerptId, articleId],
  )
  return useSyncExternalStore(subscribe, () => excerpts.get(excerptId))
}

/** Every note's summary; the first user lists them. */
export function useNotes(): NoteList {
  const { notes } = useGloss().stores
  useEffect(() => void notes.ensure(), [notes])
  return useStore(notes)
}

/** The note open in the notes panel (shown or not), or null. */
export const useOpenNoteId = (): string | null => useStore(useGloss().stores.notes.openNoteId)

/** Which notes link to the article's sections and excerpts (none for any but the open one). */
export function useBacklinks(articleId: string | null): Backlinks {
  const { backlinks } = useGloss().stores
  useStore(backlinks)
  return backlinks.of(articleId)
}

/**
 * Open a note in the notes panel from anywhere (a backlink badge, search): switches the right
 * panel to the Notes tab, shows the panel if it was hidden, and opens the note.
 */
export function useOpenNote(): (noteId: string) => void {
  const { stores, ui, panes } = useGloss()
  const { setRightTab } = ui
  const { showRight } = panes
  return useCallback(
    (noteId: string) => {
      stores.notes.openNoteId.set(noteId)
      setRightTab('notes')
      showRight()
    },
    [stores, setRightTab, showRight],
  )
}
