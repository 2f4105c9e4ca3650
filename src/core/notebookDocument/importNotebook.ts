import type { NotebookImportReport } from '../../shared/model'
import type { Db } from '../store/open'
import { startMerge } from './merge'
import { mergeArticles } from './mergeArticles'
import { mergeExcerpts } from './mergeExcerpts'
import { mergeNotes } from './mergeNotes'
import { mergeTags } from './mergeTags'
import { parseNotebookDocument } from './schema'

/**
 * Merge a notebook document into the notebook, in one transaction.
 *
 * Into an empty notebook this reproduces the exported notebook exactly: same ids, text,
 * sections, anchors, timestamps, tags, notes and (derived) note links. Into a notebook with
 * content it merges by id, entity by entity (each merge says how): missing rows are inserted
 * with their ids and nothing is ever duplicated; rows with an edit time (excerpts, notes) are
 * replaced only by a newer edit; articles, sections and tags found under another id are
 * mapped to it, and what refers to them follows. Tags come first, then articles and their
 * sections, then the excerpts and notes that point into them.
 */
export function importNotebook(db: Db, raw: unknown): NotebookImportReport {
  const doc = parseNotebookDocument(raw)
  const merge = startMerge(db)
  db.transaction(() => {
    mergeTags(merge, doc.tags)
    mergeArticles(merge, doc.articles)
    mergeExcerpts(merge, doc.excerpts)
    mergeNotes(merge, doc.notes)
  })()
  return merge.report
}
