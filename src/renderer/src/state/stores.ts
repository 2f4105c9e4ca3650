import type { GlossApi } from '../../../shared/contract'
import type { ImportResult } from '../../../shared/model'
import { errorMessage } from '../api/errors'
import { ArticlesStore } from './articlesStore'
import { BacklinksStore } from './backlinksStore'
import { ExcerptsStore } from './excerptsStore'
import type { Feedback } from './feedback'
import { NotesStore } from './notesStore'
import { OpenArticleStore } from './openArticleStore'
import { ReviewStore } from './reviewStore'
import { TagsStore } from './tagsStore'

/** One store per kind of data the screen shows, and the notebook's first load. */
export function createStores(api: GlossApi, feedback: Feedback) {
  const excerpts = new ExcerptsStore(api)
  const backlinks = new BacklinksStore(api)
  const articles = new ArticlesStore(api)
  const tags = new TagsStore(api)
  const article = new OpenArticleStore(api, excerpts, backlinks, (error) => feedback.reportError(error))
  const notes = new NotesStore(api)
  const review = new ReviewStore(api)
  // the open article's counts follow the articles store's, which the writes update
  articles.subscribe(() => {
    const open = articles.get().list.find((a) => a.id === article.get().article?.id)
    if (open) article.syncSummary(open)
  })

  /** List articles and tags, then open the newest (on first start the core imported the sample). */
  async function start(): Promise<void> {
    articles.setLoad({ status: 'loading' })
    try {
      const [list] = await Promise.all([articles.fetch(), tags.fetch()])
      articles.setLoad({ status: 'ready' })
      const newest = list[0]
      if (newest && !article.get().id) await article.open(newest.id)
    } catch (error) {
      articles.setLoad({ status: 'failed', message: errorMessage(error) })
    }
  }

  /** Imports finished (a file, a paste, the shell's File › Import): say so and open the last. */
  async function afterImport(results: ImportResult[]): Promise<void> {
    for (const result of results) {
      feedback.notify(result.message)
      articles.put(result.article)
    }
    const last = results.at(-1)
    if (last) await article.open(last.article.id)
  }

  return { articles, article, excerpts, tags, notes, backlinks, review, start, afterImport }
}

export type Stores = ReturnType<typeof createStores>
