import type { GlossApi } from '../../../shared/contract'
import type { ArticleDetail, ArticleSummary, Section } from '../../../shared/model'
import type { BacklinksStore } from './backlinksStore'
import type { ExcerptsStore } from './excerptsStore'
import { Store } from './store'

export interface OpenArticle {
  /** the article asked for (the reader shows the previous one until it has arrived) */
  id: string | null
  article: ArticleDetail | null
}

/**
 * The article in the reader. Opening one asks for it, its excerpts (into the excerpts store)
 * and its backlinks at once; the screen switches when the article and its excerpts are there.
 */
export class OpenArticleStore extends Store<OpenArticle> {
  private loaded: string | null = null

  constructor(
    private readonly api: GlossApi,
    private readonly excerpts: ExcerptsStore,
    private readonly backlinks: BacklinksStore,
    private readonly reportError: (error: unknown) => void,
  ) {
    super({ id: null, article: null })
  }

  /** True once the article is on screen; false when another was asked for meanwhile, or it failed. */
  async open(id: string): Promise<boolean> {
    if (this.get().id === id && this.loaded === id) return true
    this.update((state) => ({ ...state, id }))
    this.backlinks.follow(id)
    try {
      const [article] = await Promise.all([this.api.getArticle({ id }), this.excerpts.load(id)])
      if (this.get().id !== id) return false
      this.loaded = id
      this.set({ id, article })
      return true
    } catch (error) {
      this.reportError(error)
      return false
    }
  }

  /** Show the article again from the notebook (a new version came in). */
  async reload(id: string): Promise<boolean> {
    if (this.get().id !== id) return false
    this.loaded = null
    return this.open(id)
  }

  /** Nothing in the reader (the article went to the trash and none is left). */
  close(): void {
    this.loaded = null
    this.set({ id: null, article: null })
  }

  /** The article's summary as the articles store has it now (its counts), kept in step. */
  syncSummary(summary: ArticleSummary): void {
    const article = this.get().article
    if (article?.id !== summary.id) return
    const keys = Object.keys(summary) as (keyof ArticleSummary)[]
    if (keys.every((key) => article[key] === summary[key])) return
    this.set({ ...this.get(), article: { ...article, ...summary } })
  }

  /** Sections a restore or quarantine returned, in place. */
  putSections(articleId: string, changed: readonly Section[]): void {
    this.update((state) => {
      if (state.article?.id !== articleId) return state
      const byId = new Map(changed.map((s) => [s.id, s]))
      const sections = state.article.sections.map((s) => byId.get(s.id) ?? s)
      const hiddenCount = sections.filter((s) => s.kind === 'quarantined').length
      return { ...state, article: { ...state.article, sections, hiddenCount } }
    })
  }
}
