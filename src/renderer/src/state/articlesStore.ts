import type { GlossApi } from '../../../shared/contract'
import type { ArticleSummary } from '../../../shared/model'
import { Store } from './store'

export type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string }

export interface ArticleList {
  /** newest first, as listArticles gives them */
  list: ArticleSummary[]
  /** the notebook's first load (the screen shows why it failed) */
  load: LoadState
}

type Count = 'excerptCount' | 'noteCount'

/** Every article's summary, for the library. Writes put their results here; nothing polls. */
export class ArticlesStore extends Store<ArticleList> {
  constructor(private readonly api: GlossApi) {
    super({ list: [], load: { status: 'loading' } })
  }

  async fetch(): Promise<ArticleSummary[]> {
    const list = await this.api.listArticles({})
    this.update((state) => ({ ...state, list }))
    return list
  }

  setLoad(load: LoadState): void {
    this.update((state) => ({ ...state, load }))
  }

  /**
   * An imported, edited or restored article: in place when it was there, else where its import
   * time puts it (a new import is the newest, so first). One in the trash leaves the list.
   */
  put(summary: ArticleSummary): void {
    if (summary.deletedAt) {
      this.remove(summary.id)
      return
    }
    this.update((state) => {
      const at = state.list.findIndex((a) => a.id === summary.id)
      if (at !== -1) return { ...state, list: state.list.with(at, summary) }
      const before = state.list.findIndex((a) => a.importedAt < summary.importedAt)
      const list = before === -1 ? [...state.list, summary] : state.list.toSpliced(before, 0, summary)
      return { ...state, list }
    })
  }

  /** An article gone to the trash. */
  remove(articleId: string): void {
    this.update((state) =>
      state.list.some((a) => a.id === articleId)
        ? { ...state, list: state.list.filter((a) => a.id !== articleId) }
        : state,
    )
  }

  /** Change one article's fields (a count, the hidden sections) without listing them all again. */
  patch(articleId: string, change: (article: ArticleSummary) => Partial<ArticleSummary>): void {
    this.update((state) => {
      const at = state.list.findIndex((a) => a.id === articleId)
      if (at === -1) return state
      const article = state.list[at]!
      return { ...state, list: state.list.with(at, { ...article, ...change(article) }) }
    })
  }

  count(articleId: string, field: Count, delta: number): void {
    if (delta !== 0) this.patch(articleId, (article) => ({ [field]: Math.max(0, article[field] + delta) }))
  }
}
