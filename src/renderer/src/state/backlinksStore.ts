import type { GlossApi } from '../../../shared/contract'
import type { Backlinks } from '../../../shared/model'
import { Store } from './store'

const NO_BACKLINKS: Backlinks = Object.freeze({
  sections: {},
  excerpts: {},
  source: 'live',
  orphanedSections: {},
})

interface Shown {
  articleId: string | null
  backlinks: Backlinks
}

/**
 * Which notes link to each section and excerpt of the open article, for the reader's margin
 * badges and the excerpts panel: fetched once when the article opens and once after each
 * note change that can reach it (see noteActions.ts). A failure is logged, not shown:
 * backlinks are a hint.
 */
export class BacklinksStore extends Store<Shown> {
  private target: string | null = null
  private running: Promise<void> | null = null
  private again = false

  constructor(private readonly api: GlossApi) {
    super({ articleId: null, backlinks: NO_BACKLINKS })
  }

  /** The article's backlinks, or none while they load or for another article. */
  of(articleId: string | null): Backlinks {
    const shown = this.get()
    return articleId && shown.articleId === articleId ? shown.backlinks : NO_BACKLINKS
  }

  /** The article now open; fetched unless it is the one shown. */
  follow(articleId: string | null): void {
    if (articleId === this.target) return
    this.target = articleId
    if (articleId) this.refresh()
  }

  /** Fetch the open article's again: one request at a time, and one more if asked meanwhile. */
  refresh(): void {
    if (!this.target) return
    if (this.running) {
      this.again = true
      return
    }
    const articleId = this.target
    this.running = this.api
      .getBacklinks({ articleId })
      .then(
        (backlinks) => {
          if (this.target === articleId) this.set({ articleId, backlinks })
        },
        (error: unknown) => console.warn('Could not load backlinks', error),
      )
      .finally(() => {
        this.running = null
        if (this.again) {
          this.again = false
          this.refresh()
        }
      })
  }
}
