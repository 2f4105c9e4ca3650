import { localIsNewer, type Merge } from './merge'
import type { NotebookDocument } from './schema'

/**
 * Excerpts: a missing one is inserted with its id; one present on both sides is replaced
 * only when the document's edit is newer (its tags with it), else kept ("skipped").
 */
export function mergeExcerpts(merge: Merge, excerpts: NotebookDocument['excerpts']): void {
  const { db, report, articleIds, sectionIds, tagIds } = merge
  const byId = db.prepare<[string], { updated_at: string; deleted_at: string | null }>(
    `SELECT updated_at, deleted_at FROM excerpts WHERE id = ?`,
  )
  const insert = db.prepare(`
    INSERT INTO excerpts (id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment, anchor_status, verbatim, reviewed_at, created_at, updated_at)
    VALUES (@id, @articleId, @sectionId, @exact, @prefix, @suffix, @start, @end, @color, @comment, @anchorStatus, @verbatim, @reviewedAt, @createdAt, @updatedAt)`)
  const update = db.prepare(`
    UPDATE excerpts SET article_id = @articleId, section_id = @sectionId, exact = @exact, prefix = @prefix, suffix = @suffix,
      start_offset = @start, end_offset = @end, color = @color, comment = @comment, anchor_status = @anchorStatus,
      verbatim = @verbatim, reviewed_at = @reviewedAt, created_at = @createdAt, updated_at = @updatedAt, deleted_at = NULL
    WHERE id = @id`)
  const clearTags = db.prepare(`DELETE FROM excerpt_tags WHERE excerpt_id = ?`)
  const addTag = db.prepare(`INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)`)

  for (const e of excerpts) {
    const local = byId.get(e.id)
    if (local && localIsNewer(e.updatedAt, local)) {
      report.skipped.excerpts++
      continue
    }
    const row = {
      id: e.id,
      articleId: articleIds.get(e.articleId)!,
      sectionId: sectionIds.get(e.sectionId)!,
      exact: e.quote.exact,
      prefix: e.quote.prefix,
      suffix: e.quote.suffix,
      start: e.position.start,
      end: e.position.end,
      color: e.color,
      comment: e.comment,
      anchorStatus: e.anchorStatus,
      verbatim: e.verbatim ? 1 : 0,
      reviewedAt: e.reviewedAt,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    }
    if (local) {
      update.run(row)
      clearTags.run(e.id)
      report.updated.excerpts++
    } else {
      insert.run(row)
      report.added.excerpts++
    }
    for (const t of e.tags) addTag.run(e.id, tagIds.get(t.id)!)
  }
}
