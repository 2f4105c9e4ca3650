/**
 * The review queue: live excerpts a new version left fuzzy (found with changed words) or
 * orphaned (not found; placed at a best guess), until the person settles each one.
 */
import { diffWordsWithSpace } from 'diff'
import { GlossError } from '../shared/errors'
import type { DiffPart, Excerpt, ReviewAction, ReviewItem } from '../shared/model'
import { describeRange } from './anchoring'
import type { Articles } from './articles'
import type { Excerpts } from './excerpts'
import { now } from './store/clock'
import type { Db } from './store/open'

/** The old quote against the new text, word by word (whitespace kept, so the parts rebuild both). */
export function wordDiff(oldText: string, newText: string): DiffPart[] {
  return diffWordsWithSpace(oldText, newText).map((part) => ({
    op: part.added ? 'inserted' : part.removed ? 'deleted' : 'equal',
    text: part.value,
  }))
}

export interface ResolveInput {
  excerptId: string
  action: ReviewAction
  start?: number
  end?: number
}

export function createReview(db: Db, articles: Articles, excerpts: Excerpts) {
  const QUEUE = `e.anchor_status != 'anchored' AND e.deleted_at IS NULL AND e.reviewed_at IS NULL`
  const queued = db.prepare<{ articleId: string | null }, { id: string; title: string }>(`
    SELECT e.id, a.title FROM excerpts e JOIN articles a ON a.id = e.article_id
    WHERE ${QUEUE} AND a.deleted_at IS NULL AND (@articleId IS NULL OR e.article_id = @articleId)
    ORDER BY a.imported_at DESC, a.seq DESC, e.start_offset, e.seq`)
  const inQueue = db.prepare<[string], { ok: 1 }>(
    `SELECT 1 AS ok FROM excerpts e WHERE e.id = ? AND ${QUEUE}`,
  )
  const sectionAt = db.prepare<[string, number], { id: string }>(
    `SELECT id FROM sections WHERE article_id = ? AND start_offset <= ? ORDER BY start_offset DESC LIMIT 1`,
  )
  const settle = db.prepare(`
    UPDATE excerpts SET section_id = @sectionId, start_offset = @start, end_offset = @end,
      exact = @exact, prefix = @prefix, suffix = @suffix,
      anchor_status = 'anchored', verbatim = 1, reviewed_at = @at, updated_at = @at WHERE id = @id`)
  const keep = db.prepare(
    `UPDATE excerpts SET anchor_status = 'orphaned', verbatim = 0, reviewed_at = @at, updated_at = @at WHERE id = @id`,
  )

  function item(excerpt: Excerpt, articleTitle: string): ReviewItem {
    const text = articles.text(excerpt.articleId)
    const newText = text.slice(excerpt.position.start, excerpt.position.end)
    return {
      excerpt,
      articleTitle,
      oldQuote: excerpt.quote.exact,
      newText,
      diff: wordDiff(excerpt.quote.exact, newText),
    }
  }

  /** Attach the excerpt to [start, end) of the current text: its quote becomes those words. */
  function attach(excerpt: Excerpt, start: number, end: number): void {
    const text = articles.text(excerpt.articleId)
    if (end > text.length) {
      throw new GlossError(
        'invalid_input',
        `end ${end} is past the end of the article (${text.length} characters).`,
        'end',
      )
    }
    while (start < end && /\s/.test(text[start]!)) start++
    while (end > start && /\s/.test(text[end - 1]!)) end--
    if (start === end)
      throw new GlossError('invalid_input', 'The selected range holds only whitespace.', 'start')
    const selector = describeRange(text, start, end)
    settle.run({
      id: excerpt.id,
      sectionId: sectionAt.get(excerpt.articleId, start)!.id,
      start,
      end,
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      at: now(),
    })
  }

  return {
    list: db.transaction((articleId?: string): ReviewItem[] => {
      if (articleId) articles.summary(articleId)
      const rows = queued.all({ articleId: articleId ?? null })
      const titles = new Map(rows.map((r) => [r.id, r.title]))
      return excerpts.getMany(rows.map((r) => r.id)).map((e) => item(e, titles.get(e.id)!))
    }).deferred,

    resolve: db.transaction((input: ResolveInput): Excerpt => {
      const excerpt = excerpts.get(input.excerptId)
      if (excerpt.deletedAt)
        throw new GlossError('conflict', 'This excerpt is in the trash; restore it first.', 'excerptId')
      articles.live(excerpt.articleId, 'excerptId')
      if (!inQueue.get(excerpt.id)) {
        throw new GlossError(
          'conflict',
          `This excerpt is not in the review queue (it is ${excerpt.anchorStatus}${excerpt.anchorStatus === 'anchored' ? '' : ', already settled'}).`,
          'excerptId',
        )
      }
      switch (input.action) {
        case 'accept':
          attach(excerpt, excerpt.position.start, excerpt.position.end)
          break
        case 'reattach':
          attach(excerpt, input.start!, input.end!)
          break
        case 'keepOrphan':
          keep.run({ id: excerpt.id, at: now() })
          break
        case 'delete':
          return excerpts.delete(excerpt.id)
      }
      return excerpts.get(excerpt.id)
    }),
  }
}

export type Review = ReturnType<typeof createReview>
