import { sanitizeHtml } from '../import/sanitize'
import { newId } from '../store/clock'
import type { Merge } from './merge'
import type { NotebookDocument } from './schema'

type DocumentArticle = NotebookDocument['articles'][number]

/**
 * Articles have no edit time: one already here by id is skipped. One whose text is here under
 * another id (the same file imported on two machines) is matched to it, and its excerpts and
 * notes follow (reported in `mappedArticles`).
 */
export function mergeArticles(merge: Merge, articles: DocumentArticle[]): void {
  const { db, report, articleIds } = merge
  const byId = db.prepare<[string], { id: string }>(`SELECT id FROM articles WHERE id = ?`)
  const byHash = db.prepare<[string], { id: string }>(`SELECT id FROM articles WHERE content_hash = ?`)
  const insert = db.prepare(`
    INSERT INTO articles (id, title, format, source_format, source_path, source_url, byline, published_at, imported_at, content_hash, text, content_html, version, version_imported_at)
    VALUES (@id, @title, @format, @sourceFormat, @sourcePath, @sourceUrl, @byline, @publishedAt, @importedAt, @contentHash, @text, @contentHtml, @version, @versionImportedAt)`)
  const insertVersion = db.prepare(`
    INSERT INTO versions (article_id, number, format, source_format, text, content_html, content_hash, imported_at, text_length, sections)
    VALUES (@articleId, @number, @format, @sourceFormat, @text, @contentHtml, @contentHash, @importedAt, @textLength, @sections)`)
  for (const article of articles) {
    const existing = byId.get(article.id) ?? byHash.get(article.contentHash)
    if (existing) {
      articleIds.set(article.id, existing.id)
      if (existing.id !== article.id)
        report.mappedArticles.push({ id: article.id, title: article.title, toId: existing.id })
      report.skipped.articles++
    } else {
      insert.run({
        ...article,
        sourceFormat: article.sourceFormat ?? article.format,
        contentHtml: article.contentHtml === null ? null : sanitizeHtml(article.contentHtml),
      })
      // the versions it replaced come with a new article; an article here keeps its own history
      for (const v of article.versions) {
        insertVersion.run({
          ...v,
          articleId: article.id,
          contentHtml: v.contentHtml === null ? null : sanitizeHtml(v.contentHtml),
          textLength: v.text.length, // UTF-16 code units, as offsets count
          sections: JSON.stringify(v.sections),
        })
      }
      articleIds.set(article.id, article.id)
      report.added.articles++
    }
    mergeSections(merge, article, { id: articleIds.get(article.id)!, existed: existing !== undefined })
    mergeQuoteCorrections(merge, article, articleIds.get(article.id)!)
  }
}

/** Speakers the person set: one set here already for the same words stays; the article is analysed again to show them. */
function mergeQuoteCorrections(merge: Merge, article: DocumentArticle, articleId: string): void {
  const insert = merge.db.prepare(`
    INSERT INTO quote_corrections (article_id, quote_key, speaker_kind, speaker_name, speaker_description, corrected_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, quote_key) DO NOTHING`)
  let added = 0
  for (const c of article.quoteCorrections ?? [])
    added += insert.run(
      articleId,
      c.quoteKey,
      c.speaker.kind,
      c.speaker.name,
      c.speaker.description,
      c.correctedAt,
    ).changes
  if (added) merge.db.prepare(`DELETE FROM analyses WHERE article_id = ?`).run(articleId)
}

/**
 * The sections of one article. Into an article that was here, each is matched to a local
 * section (by id, else by ordinal and offsets, else the one holding its start: the same text
 * split differently by a newer importer). Into a new article they are inserted.
 */
function mergeSections(merge: Merge, article: DocumentArticle, into: { id: string; existed: boolean }): void {
  const { db, report, sectionIds } = merge
  if (into.existed) {
    const local = db
      .prepare<[string], { id: string; ordinal: number; start_offset: number; end_offset: number }>(
        `SELECT id, ordinal, start_offset, end_offset FROM sections WHERE article_id = ? ORDER BY ordinal`,
      )
      .all(into.id)
    for (const s of article.sections) {
      const same =
        local.find((l) => l.id === s.id) ??
        local.find((l) => l.ordinal === s.ordinal && l.start_offset === s.start && l.end_offset === s.end)
      const holder = same ?? [...local].reverse().find((l) => l.start_offset <= s.start) ?? local[0]
      if (holder) sectionIds.set(s.id, holder.id)
      report.skipped.sections++
    }
    return
  }
  const byId = db.prepare<[string], { id: string }>(`SELECT id FROM sections WHERE id = ?`)
  const insert = db.prepare(`
    INSERT INTO sections (id, article_id, ordinal, kind, base_kind, level, text, start_offset, end_offset, quarantine_reason, page, role)
    VALUES (@id, @articleId, @ordinal, @kind, @baseKind, @level, @text, @start, @end, @quarantineReason, @page, @role)`)
  for (const s of article.sections) {
    // a section id taken by another article's section (ids reused by hand): give it a new one
    const id = byId.get(s.id) ? newId() : s.id
    insert.run({ ...s, id, articleId: into.id, page: s.page ?? null })
    sectionIds.set(s.id, id)
    report.added.sections++
  }
}
