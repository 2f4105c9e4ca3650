/** Row shapes as SQLite returns them, and their mapping to the contract's model. */
import { readLayout } from '../import/layout'
import type { ArticleSummary, Excerpt, ExcerptColor, Section, TagRef } from '../../shared/model'

export interface ArticleRow {
  id: string
  title: string
  format: ArticleSummary['format']
  /** NULL for a row inserted without it (it then reads as its format) */
  source_format: ArticleSummary['sourceFormat'] | null
  source_path: string | null
  source_url: string | null
  byline: string | null
  published_at: string | null
  imported_at: string
  content_hash: string
  deleted_at: string | null
  version: number
  section_count: number
  hidden_count: number
  excerpt_count: number
  note_count: number
  review_count: number
}

/** Columns for ArticleRow, counts included; expects the articles table aliased `a`. */
export const ARTICLE_SUMMARY_COLUMNS = `
  a.id, a.title, a.format, a.source_format, a.source_path, a.source_url, a.byline, a.published_at, a.imported_at, a.content_hash,
  a.deleted_at, a.version,
  (SELECT count(*) FROM sections s WHERE s.article_id = a.id) AS section_count,
  (SELECT count(*) FROM sections s WHERE s.article_id = a.id AND s.kind = 'quarantined') AS hidden_count,
  (SELECT c.excerpts FROM article_counts c WHERE c.article_id = a.id) AS excerpt_count,
  (SELECT count(DISTINCT l.note_id) FROM note_links l JOIN notes n ON n.id = l.note_id
     WHERE l.article_id = a.id AND n.deleted_at IS NULL) AS note_count,
  (SELECT count(*) FROM excerpts e WHERE e.article_id = a.id
     AND e.anchor_status != 'anchored' AND e.deleted_at IS NULL AND e.reviewed_at IS NULL) AS review_count`

export function toArticleSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    format: row.format,
    sourceFormat: row.source_format ?? row.format,
    sourcePath: row.source_path,
    sourceUrl: row.source_url,
    byline: row.byline,
    publishedAt: row.published_at,
    importedAt: row.imported_at,
    contentHash: row.content_hash,
    sectionCount: row.section_count,
    hiddenCount: row.hidden_count,
    excerptCount: row.excerpt_count,
    noteCount: row.note_count,
    reviewCount: row.review_count,
    version: row.version,
    deletedAt: row.deleted_at,
  }
}

export interface SectionRow {
  id: string
  article_id: string
  ordinal: number
  kind: Section['kind']
  level: number | null
  text: string
  start_offset: number
  end_offset: number
  quarantine_reason: string | null
  page: number | null
  role: 'caption' | null
  /** SectionLayout as JSON (schema 10); NULL for a plain section (and absent before 10) */
  layout?: string | null
}

export function toSection(row: SectionRow): Section {
  return {
    id: row.id,
    articleId: row.article_id,
    ordinal: row.ordinal,
    kind: row.kind,
    level: row.level,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    quarantineReason: row.quarantine_reason,
    page: row.page ?? null,
    role: row.role ?? null,
    // read defensively: a damaged value shows the section plain
    layout: readLayout(row.layout ?? null, row.text.length),
  }
}

export interface ExcerptRow {
  id: string
  article_id: string
  section_id: string
  section_ordinal: number
  exact: string
  prefix: string
  suffix: string
  start_offset: number
  end_offset: number
  color: ExcerptColor
  comment: string
  anchor_status: Excerpt['anchorStatus']
  verbatim: number
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export const EXCERPT_COLUMNS = `
  e.id, e.article_id, e.section_id, s.ordinal AS section_ordinal, e.exact, e.prefix, e.suffix,
  e.start_offset, e.end_offset, e.color, e.comment, e.anchor_status, e.verbatim, e.created_at, e.updated_at, e.deleted_at`

export function toExcerpt(row: ExcerptRow, tags: TagRef[]): Excerpt {
  return {
    id: row.id,
    articleId: row.article_id,
    sectionId: row.section_id,
    sectionOrdinal: row.section_ordinal,
    quote: { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { type: 'TextPositionSelector', start: row.start_offset, end: row.end_offset },
    color: row.color,
    comment: row.comment,
    tags,
    anchorStatus: row.anchor_status,
    verbatim: row.verbatim === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}
