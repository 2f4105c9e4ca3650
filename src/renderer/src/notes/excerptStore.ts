/**
 * The current state of excerpts shown as cards inside notes. Cards subscribe by id; the store
 * refetches per article (one listExcerpts call covers every card from that article) when an
 * `excerptsChanged` event arrives, when the window regains focus, and every few seconds while
 * the page is visible and any card is on screen.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { GlossApi } from '../../../shared/contract'
import type { Excerpt } from '../../../shared/model'
import { excerptsChanged } from './events'

export type LiveExcerpt =
  | { status: 'loading' }
  | { status: 'ready'; excerpt: Excerpt }
  /** in the trash (still restorable) */
  | { status: 'deleted'; excerpt: Excerpt }
  /** gone for good, or never existed */
  | { status: 'missing' }
  | { status: 'error'; message: string }

const LOADING: LiveExcerpt = { status: 'loading' }
const POLL_MS = 5000

class ExcerptStore {
  private entries = new Map<string, LiveExcerpt>()
  /** excerptId → articleId, with a count of subscribers */
  private watched = new Map<string, { articleId: string; count: number }>()
  private listeners = new Map<string, Set<() => void>>()
  private timer: ReturnType<typeof setInterval> | null = null
  private detach: (() => void) | null = null
  private running = new Map<string, Promise<void>>()

  constructor(private readonly api: GlossApi) {}

  get(excerptId: string): LiveExcerpt {
    return this.entries.get(excerptId) ?? LOADING
  }

  subscribe(excerptId: string, articleId: string, listener: () => void): () => void {
    const watch = this.watched.get(excerptId)
    if (watch) watch.count += 1
    else this.watched.set(excerptId, { articleId, count: 1 })
    let set = this.listeners.get(excerptId)
    if (!set) this.listeners.set(excerptId, (set = new Set()))
    set.add(listener)
    if (!this.entries.has(excerptId)) void this.refreshArticle(articleId)
    this.start()
    return () => {
      set.delete(listener)
      const w = this.watched.get(excerptId)
      if (w && --w.count <= 0) this.watched.delete(excerptId)
      if (this.watched.size === 0) this.stop()
    }
  }

  /** Refetch every watched excerpt (or only those given). */
  refresh(excerptIds?: string[]): void {
    const articles = new Set<string>()
    for (const [id, w] of this.watched) if (!excerptIds || excerptIds.includes(id)) articles.add(w.articleId)
    for (const articleId of articles) void this.refreshArticle(articleId)
  }

  private refreshArticle(articleId: string): Promise<void> {
    const running = this.running.get(articleId)
    if (running) return running
    const work = this.load(articleId).finally(() => this.running.delete(articleId))
    this.running.set(articleId, work)
    return work
  }

  private async load(articleId: string): Promise<void> {
    const ids = [...this.watched].filter(([, w]) => w.articleId === articleId).map(([id]) => id)
    try {
      const list = await this.api.listExcerpts({ articleId, includeDeleted: true })
      const byId = new Map(list.map((e) => [e.id, e]))
      for (const id of ids) {
        const excerpt = byId.get(id)
        if (excerpt)
          this.set(id, excerpt.deletedAt ? { status: 'deleted', excerpt } : { status: 'ready', excerpt })
        else this.set(id, await this.loadOne(id))
      }
    } catch (error) {
      // the article itself may be gone: fall back to one request per excerpt
      for (const id of ids) this.set(id, await this.loadOne(id, error))
    }
  }

  private async loadOne(id: string, earlier?: unknown): Promise<LiveExcerpt> {
    try {
      const excerpt = await this.api.getExcerpt({ id })
      return excerpt.deletedAt ? { status: 'deleted', excerpt } : { status: 'ready', excerpt }
    } catch (error) {
      const data = error as { code?: string; message?: string }
      if (data?.code === 'not_found') return { status: 'missing' }
      const message = data?.message ?? (earlier as { message?: string } | undefined)?.message ?? String(error)
      return { status: 'error', message }
    }
  }

  private set(id: string, value: LiveExcerpt): void {
    const before = this.entries.get(id)
    if (before && sameLive(before, value)) return
    this.entries.set(id, value)
    for (const listener of this.listeners.get(id) ?? []) listener()
  }

  private start(): void {
    if (this.timer !== null || typeof window === 'undefined') return
    this.timer = setInterval(() => {
      if (document.visibilityState === 'visible') this.refresh()
    }, POLL_MS)
    const onFocus = () => this.refresh()
    window.addEventListener('focus', onFocus)
    const off = excerptsChanged.subscribe(({ excerptIds }) => this.refresh(excerptIds))
    this.detach = () => {
      window.removeEventListener('focus', onFocus)
      off()
    }
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    this.detach?.()
    this.detach = null
  }
}

function sameLive(a: LiveExcerpt, b: LiveExcerpt): boolean {
  if (a.status !== b.status) return false
  if ((a.status === 'ready' || a.status === 'deleted') && (b.status === 'ready' || b.status === 'deleted')) {
    return (
      a.excerpt.updatedAt === b.excerpt.updatedAt &&
      a.excerpt.deletedAt === b.excerpt.deletedAt &&
      a.excerpt.comment === b.excerpt.comment
    )
  }
  if (a.status === 'error' && b.status === 'error') return a.message === b.message
  return true
}

const stores = new WeakMap<GlossApi, ExcerptStore>()
function storeFor(api: GlossApi): ExcerptStore {
  let store = stores.get(api)
  if (!store) stores.set(api, (store = new ExcerptStore(api)))
  return store
}

/** The excerpt behind a card, kept current. */
export function useLiveExcerpt(api: GlossApi, excerptId: string, articleId: string): LiveExcerpt {
  const store = storeFor(api)
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(excerptId, articleId, listener),
    [store, excerptId, articleId],
  )
  return useSyncExternalStore(subscribe, () => store.get(excerptId))
}

/** Refetch cards when the given excerpt list changes (e.g. the open article's excerpts). */
export function useExcerptsChangedSignal(excerpts: readonly Excerpt[] | undefined): void {
  useEffect(() => {
    // "any": a deleted excerpt leaves the list, so its id would be missed
    if (excerpts) excerptsChanged.emit({})
  }, [excerpts])
}
