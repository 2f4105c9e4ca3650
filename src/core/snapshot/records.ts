/** What a snapshot holds: the notebook's rows as the exporters and the notebook document read them. */
import type { SerializedEditorState } from 'lexical'
import type { ArticleSummary, Excerpt, ExportScope, NoteLink, SectionKind } from '../../shared/model'

export interface SectionRecord {
  id: string
  ordinal: number
  kind: SectionKind
  /** what a quarantined section becomes when restored */
  baseKind: 'heading' | 'paragraph'
  level: number | null
  text: string
  start: number
  end: number
  quarantineReason: string | null
  /** the PDF page the section starts on (cite as "p. 4, ¶2"); null for other formats */
  page: number | null
}

/** An article as the notebook stores it: its summary without the counts, and its content. */
export interface ArticleRecord extends Omit<
  ArticleSummary,
  'sectionCount' | 'hiddenCount' | 'excerptCount' | 'noteCount' | 'reviewCount' | 'version' | 'deletedAt'
> {
  text: string
  contentHtml: string | null
  /** every section in reading order, quarantined ones included */
  sections: SectionRecord[]
}

export interface ExcerptRecord extends Excerpt {
  /** its section is quarantined: left out of human-readable exports */
  hidden: boolean
}

export interface TagRecord {
  id: string
  name: string
  color: string | null
  createdAt: string
}

export interface NoteRecord {
  id: string
  title: string
  content: SerializedEditorState
  text: string
  createdAt: string
  updatedAt: string
}

/** What one export scope covers, read in one transaction. */
export interface Snapshot {
  scope: ExportScope
  exportedAt: string
  /** in the order they were added to the notebook */
  articles: ArticleRecord[]
  excerpts: ExcerptRecord[]
  tags: TagRecord[]
  notes: NoteRecord[]
  noteLinks: NoteLink[]
  /** the title of every article in the notebook, for references that leave the scope */
  articleTitles: ReadonlyMap<string, string>
  /** the live (not deleted) excerpts of the notebook cited by the scope's notes, by id */
  citedExcerpts: ReadonlyMap<string, ExcerptRecord>
}
