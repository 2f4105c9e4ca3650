/** What a snapshot holds: the notebook's rows as the exporters and the notebook document read them. */
import type { SerializedEditorState } from 'lexical'
import type {
  ArticleSummary,
  Excerpt,
  ExportScope,
  NoteLink,
  SectionKind,
  SectionLayout,
  SourceFormat,
} from '../../shared/model'
import type { QuoteSpeaker } from '../../shared/research'
import type { PictureMime } from '../import/pictures'

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
  /** 'caption': a picture's caption (the reader shows it so) */
  role: 'caption' | null
  /** the structure it had in its source (list item, quote, marks, pictures); null: plain */
  layout: SectionLayout | null
}

/** A picture stored with an article (a layout image's mediaId is its id). */
export interface MediaRecord {
  id: string
  mime: PictureMime
  sha256: string
  base64: string
}

/** A section of a replaced version, as the versions table keeps it. */
export interface VersionSectionRecord {
  id: string
  ordinal: number
  kind: SectionRecord['kind']
  level: number | null
  start: number
  end: number
  page: number | null
  /** its layout then; absent for versions stored before layouts */
  layout?: SectionLayout | null
}

/** A version an article had before its current one (read-only). */
export interface VersionRecord {
  number: number
  format: 'text' | 'markdown' | 'html'
  /** what the file was; null reads as format */
  sourceFormat: SourceFormat | null
  text: string
  contentHtml: string | null
  contentHash: string
  importedAt: string
  sections: VersionSectionRecord[]
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
  /** the number of the version the article holds now (1 for one never re-imported) */
  version: number
  /** when the current version came in; null for version 1 (then importedAt) */
  versionImportedAt: string | null
  /** the versions it replaced, oldest first */
  versions: VersionRecord[]
  /** the pictures its sections' layouts name (those of past versions too); absent when none */
  media?: MediaRecord[]
  /** speakers the person set, by the quotation's folded words (the research analysis); absent when none */
  quoteCorrections?: QuoteCorrectionRecord[]
}

export interface QuoteCorrectionRecord {
  quoteKey: string
  speaker: QuoteSpeaker
  correctedAt: string
}

export interface ExcerptRecord extends Excerpt {
  /** its section is quarantined: left out of human-readable exports */
  hidden: boolean
  /** when the person settled a re-anchoring a new version asked about; null if never asked or not yet */
  reviewedAt: string | null
  /** who said it, when it is (part of) a quotation the research analysis attributed */
  speaker?: string | null
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
