/** What an importer produces before anything touches the database. */
import type { ArticleFormat, SectionLayout, SourceFormat } from '../../shared/model'
import type { ParsedMedia } from './pictures'

export type { ArticleFormat, SourceFormat } from '../../shared/model'

export type SectionKind = 'heading' | 'paragraph' | 'quarantined'

export interface ParsedSection {
  kind: SectionKind
  text: string
  /** heading level 1–6 for headings */
  level?: number
  /** why a section was quarantined, e.g. "scrape junk: login link" */
  quarantineReason?: string
  /** offsets into ParsedArticle.text, end exclusive */
  start: number
  end: number
  /** the PDF page the section starts on (1-based); absent for other formats */
  page?: number
  /** an image caption: shown as the caption of a picture, never as a body paragraph */
  role?: 'caption'
  /** the structure it had in its source; a picture's mediaId is the sha256 of one of ParsedArticle.media */
  layout?: SectionLayout
}

/** The kind a section goes back to when restored: a hidden heading keeps its level, so is one. */
export function baseKindOf(section: Pick<ParsedSection, 'kind' | 'level'>): 'heading' | 'paragraph' {
  return section.kind === 'heading' || (section.kind === 'quarantined' && section.level !== undefined)
    ? 'heading'
    : 'paragraph'
}

/**
 * A format an article's content is stored in (ArticleFormat). What an import may be read as, a
 * PDF, EPUB or .docx too (stored as text or HTML), is SourceFormat.
 */
export type ImportFormat = ArticleFormat

export interface ParsedArticle {
  title: string
  byline: string | null
  /** ISO 8601 date or date-time when known */
  publishedAt: string | null
  /** source URL from HTML metadata when present */
  sourceUrl: string | null
  /** how the content is stored */
  format: ArticleFormat
  /** what was imported: a PDF, EPUB or .docx, or the same as `format` */
  sourceFormat: SourceFormat
  /** canonical plain text: section texts joined by "\n\n" (NFC, \n line endings) */
  text: string
  /** sha256 hex of `text` */
  contentHash: string
  sections: ParsedSection[]
  /** sanitized HTML of the readable content, for HTML imports only */
  contentHtml: string | null
  /** pictures that came inside the import, named by the sections' layouts */
  media: ParsedMedia[]
}
