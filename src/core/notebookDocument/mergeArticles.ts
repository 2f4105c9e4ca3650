import type { SectionLayout } from '../../shared/model'
import { sanitizeHtml } from '../import/sanitize'
import { layoutJson } from '../media'
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
  const articleMedia = new Map<string, Map<string, string>>()
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
      const mediaIds = mergeMedia(merge, article)
      // the versions it replaced come with a new article; an article here keeps its own history
      for (const v of article.versions) {
        insertVersion.run({
          ...v,
          articleId: article.id,
          contentHtml: v.contentHtml === null ? null : sanitizeHtml(v.contentHtml),
          textLength: v.text.length, // UTF-16 code units, as offsets count
          sections: JSON.stringify(
            v.sections.map(({ layout, ...s }) => {
              const stored = layoutJson(layout as SectionLayout | null | undefined, mediaIds)
              return stored === null ? s : { ...s, layout: JSON.parse(stored) as SectionLayout }
            }),
          ),
        })
      }
      articleMedia.set(article.id, mediaIds)
      articleIds.set(article.id, article.id)
      report.added.articles++
    }
    mergeSections(merge, article, {
      id: articleIds.get(article.id)!,
      existed: existing !== undefined,
      mediaIds: articleMedia.get(article.id) ?? new Map(),
    })
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
/**
 * A new article's pictures (checked by the document schema), under their ids unless one is taken;
 * the ids its layouts name, by the document's.
 */
function mergeMedia(merge: Merge, article: DocumentArticle): Map<string, string> {
  const ids = new Map<string, string>()
  const taken = merge.db.prepare<[string], { id: string }>(`SELECT id FROM media WHERE id = ?`)
  const insert = merge.db.prepare(`
    INSERT INTO media (id, article_id, mime, sha256, byte_length, bytes) VALUES (@id, @articleId, @mime, @sha256, @byteLength, @bytes)
    ON CONFLICT (article_id, sha256) DO NOTHING`)
  const byHash = merge.db.prepare<[string, string], { id: string }>(
    `SELECT id FROM media WHERE article_id = ? AND sha256 = ?`,
  )
  for (const m of article.media ?? []) {
    const bytes = Buffer.from(m.base64, 'base64')
    const id = taken.get(m.id) ? newId() : m.id
    insert.run({
      id,
      articleId: article.id,
      mime: m.mime,
      sha256: m.sha256,
      byteLength: bytes.byteLength,
      bytes,
    })
    // the key layoutJson maps: the document's id
    ids.set(m.id, byHash.get(article.id, m.sha256)!.id)
  }
  return ids
}

function mergeSections(
  merge: Merge,
  article: DocumentArticle,
  into: { id: string; existed: boolean; mediaIds: Map<string, string> },
): void {
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
    INSERT INTO sections (id, article_id, ordinal, kind, base_kind, level, text, start_offset, end_offset, quarantine_reason, page, role, layout)
    VALUES (@id, @articleId, @ordinal, @kind, @baseKind, @level, @text, @start, @end, @quarantineReason, @page, @role, @layout)`)
  for (const s of article.sections) {
    // a section id taken by another article's section (ids reused by hand): give it a new one
    const id = byId.get(s.id) ? newId() : s.id
    const layout = layoutJson(s.layout as SectionLayout | null | undefined, into.mediaIds)
    insert.run({ ...s, id, articleId: into.id, page: s.page ?? null, layout })
    sectionIds.set(s.id, id)
    report.added.sections++
  }
}
