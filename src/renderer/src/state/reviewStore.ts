import type { GlossApi } from '../../../shared/contract'
import type { ReviewItem } from '../../../shared/model'
import { Store } from './store'

export interface ReviewQueue {
  /** the article whose queue this is, or null before the first load */
  articleId: string | null
  items: ReviewItem[]
  /** the excerpt waiting for new text to be selected in the reader (Re-attach), or null */
  reattaching: string | null
}

/** The open article's review queue (listReview); resolving an item takes it out. */
export class ReviewStore extends Store<ReviewQueue> {
  private asked = 0

  constructor(private readonly api: GlossApi) {
    super({ articleId: null, items: [], reattaching: null })
  }

  async load(articleId: string): Promise<void> {
    const ask = ++this.asked
    const items = await this.api.listReview({ articleId })
    if (ask !== this.asked) return
    const reattaching = this.get().reattaching
    this.set({
      articleId,
      items,
      reattaching: items.some((i) => i.excerpt.id === reattaching) ? reattaching : null,
    })
  }

  remove(excerptId: string): void {
    this.update((state) => ({
      ...state,
      items: state.items.filter((i) => i.excerpt.id !== excerptId),
      reattaching: state.reattaching === excerptId ? null : state.reattaching,
    }))
  }

  setReattaching(excerptId: string | null): void {
    this.update((state) => ({ ...state, reattaching: excerptId }))
  }
}
