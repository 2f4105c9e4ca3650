/**
 * Every excerpt the screen shows, by id: the open article's (the reader and the excerpts panel)
 * and those cited by cards inside notes, from any article. One article's excerpts arrive in one
 * listExcerpts call (trash included, so a card can still show a deleted source as it was); a
 * write's result replaces its excerpt here, and everyone showing it follows. Nothing polls.
 */
import type { GlossApi } from '../../../shared/contract'
import type { Excerpt } from '../../../shared/model'
import { errorMessage } from '../api/errors'

export type LiveExcerpt =
  | { status: 'loading' }
  | { status: 'ready'; excerpt: Excerpt }
  /** in the trash (still restorable) */
  | { status: 'deleted'; excerpt: Excerpt }
  /** gone for good, or never existed */
  | { status: 'missing' }
  | { status: 'error'; message: string }

const LOADING: LiveExcerpt = { status: 'loading' }
const NONE: readonly Excerpt[] = Object.freeze([])

const live = (excerpt: Excerpt): LiveExcerpt =>
  excerpt.deletedAt ? { status: 'deleted', excerpt } : { status: 'ready', excerpt }

/** Reading order, as listExcerpts gives it. */
const byPosition = (a: Excerpt, b: Excerpt) =>
  a.position.start - b.position.start || a.position.end - b.position.end

function same(a: LiveExcerpt | undefined, b: LiveExcerpt): boolean {
  if (!a || a.status !== b.status) return false
  if ('excerpt' in a && 'excerpt' in b) return JSON.stringify(a.excerpt) === JSON.stringify(b.excerpt)
  if (a.status === 'error' && b.status === 'error') return a.message === b.message
  return true
}

export class ExcerptsStore {
  private readonly entries = new Map<string, LiveExcerpt>()
  /** articleId → the ids of its excerpts, trash included, once listed */
  private readonly articles = new Map<string, Set<string>>()
  /** articleId → its live excerpts in reading order, rebuilt when one of them changes */
  private readonly lists = new Map<string, readonly Excerpt[]>()
  private readonly loading = new Map<string, Promise<void>>()
  private readonly listeners = new Map<string, Set<() => void>>()
  /** articleId → how many views follow it or one of its excerpts */
  private readonly followers = new Map<string, number>()

  constructor(private readonly api: GlossApi) {}

  get(excerptId: string): LiveExcerpt {
    return this.entries.get(excerptId) ?? LOADING
  }

  /** The article's excerpts not in the trash, in reading order (empty until listed). */
  listOf(articleId: string): readonly Excerpt[] {
    let list = this.lists.get(articleId)
    if (!list) {
      const ids = this.articles.get(articleId)
      if (!ids) return NONE
      list = [...ids]
        .map((id) => this.entries.get(id))
        .flatMap((entry) => (entry?.status === 'ready' ? [entry.excerpt] : []))
        .sort(byPosition)
      this.lists.set(articleId, list)
    }
    return list
  }

  /** List one article's excerpts (one request at a time per article). */
  load(articleId: string): Promise<void> {
    const running = this.loading.get(articleId)
    if (running) return running
    const work = this.api
      .listExcerpts({ articleId, includeDeleted: true })
      .then((list) => {
        const before = this.articles.get(articleId)
        this.articles.set(articleId, new Set(list.map((e) => e.id)))
        for (const excerpt of list) this.set(excerpt.id, live(excerpt), false)
        // listed before but not now: gone for good (the trash was emptied)
        for (const id of before ?? [])
          if (!list.some((e) => e.id === id)) this.set(id, { status: 'missing' }, false)
        this.changedArticle(articleId)
      })
      .finally(() => this.loading.delete(articleId))
    this.loading.set(articleId, work)
    return work
  }

  /**
   * After a change that reaches many excerpts (a tag's): list again the articles on screen (the
   * open one, those of cards in the open note) and forget the rest, listed again when next shown.
   */
  async reload(): Promise<void> {
    const shown = [...this.articles.keys()].filter((articleId) => this.followers.has(articleId))
    for (const articleId of [...this.articles.keys()]) if (!shown.includes(articleId)) this.forget(articleId)
    await Promise.all(shown.map((articleId) => this.load(articleId)))
  }

  /** A write's result: created, changed, deleted or restored. */
  put(excerpt: Excerpt): void {
    this.articles.get(excerpt.articleId)?.add(excerpt.id)
    this.set(excerpt.id, live(excerpt), true)
  }

  /** Follow one excerpt (a card in a note); the first watcher of an unknown one loads it. */
  watch(excerptId: string, articleId: string, listener: () => void): () => void {
    const off = this.listen(excerptId, articleId, listener)
    if (!this.entries.has(excerptId)) void this.find(excerptId, articleId)
    return off
  }

  /** Follow one article's list; one forgotten since is listed again. */
  watchArticle(articleId: string, listener: () => void): () => void {
    const off = this.listen(`article:${articleId}`, articleId, listener)
    if (!this.articles.has(articleId)) void this.load(articleId).catch(() => undefined)
    return off
  }

  /** Its article's list, or, when that fails or lacks it, the excerpt alone. */
  private async find(excerptId: string, articleId: string): Promise<void> {
    if (!this.articles.has(articleId) || this.loading.has(articleId)) {
      // the article itself may be gone: then ask for the excerpt alone
      await this.load(articleId).catch(() => undefined)
    }
    if (this.entries.has(excerptId)) return
    try {
      this.set(excerptId, live(await this.api.getExcerpt({ id: excerptId })), false)
    } catch (error) {
      const code = (error as { code?: string } | null)?.code
      this.set(
        excerptId,
        code === 'not_found' ? { status: 'missing' } : { status: 'error', message: errorMessage(error) },
        false,
      )
    }
  }

  private set(id: string, value: LiveExcerpt, announceArticle: boolean): void {
    if (same(this.entries.get(id), value)) return
    this.entries.set(id, value)
    const articleId = 'excerpt' in value ? value.excerpt.articleId : null
    if (articleId && this.articles.has(articleId)) {
      this.lists.delete(articleId)
      if (announceArticle) this.emit(`article:${articleId}`)
    }
    this.emit(id)
  }

  private changedArticle(articleId: string): void {
    this.lists.delete(articleId)
    this.emit(`article:${articleId}`)
  }

  private forget(articleId: string): void {
    for (const id of this.articles.get(articleId) ?? []) this.entries.delete(id)
    this.articles.delete(articleId)
    this.lists.delete(articleId)
  }

  private listen(key: string, articleId: string, listener: () => void): () => void {
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    this.followers.set(articleId, (this.followers.get(articleId) ?? 0) + 1)
    return () => {
      if (!set.delete(listener)) return
      const left = (this.followers.get(articleId) ?? 1) - 1
      if (left > 0) this.followers.set(articleId, left)
      else this.followers.delete(articleId)
    }
  }

  private emit(key: string): void {
    for (const listener of [...(this.listeners.get(key) ?? [])]) listener()
  }
}
