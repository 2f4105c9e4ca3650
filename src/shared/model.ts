/** Data shapes that cross the contract. Plain JSON: ISO timestamps, string ids. */
import type { EntityKind } from './research'

export const EXCERPT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type ExcerptColor = (typeof EXCERPT_COLORS)[number]

export type SectionKind = 'heading' | 'paragraph' | 'quarantined'
export type ArticleFormat = 'text' | 'markdown' | 'html'
/** What an article was imported from; its `format` is how the content is stored (a PDF as text, an EPUB or .docx as HTML). */
export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'pdf', 'epub', 'docx'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]
export type AnchorStatus = 'anchored' | 'fuzzy' | 'orphaned'

export interface ArticleSummary {
  id: string
  title: string
  format: ArticleFormat
  /** what the file was: a PDF, EPUB or .docx, or the same as `format` */
  sourceFormat: SourceFormat
  sourcePath: string | null
  sourceUrl: string | null
  byline: string | null
  publishedAt: string | null
  importedAt: string
  contentHash: string
  /** every section, hidden ones included: the reader shows sectionCount − hiddenCount */
  sectionCount: number
  /** quarantined sections, hidden from reading by default */
  hiddenCount: number
  /** live excerpts (the trash left out) */
  excerptCount: number
  /** live notes linking to the article */
  noteCount: number
  /** live excerpts a new version left fuzzy or orphaned and nobody has settled (listReview) */
  reviewCount: number
  /** the number of the version the article shows: 1 until its content is imported again */
  version: number
  /** in the trash since (restoreArticle brings it back; emptyTrash removes it for good), else null */
  deletedAt: string | null
}

/** How listArticles orders: newest import first, newest publication first (undated last), or by title. */
export const ARTICLE_SORTS = ['imported', 'published', 'title'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]

export interface Section {
  id: string
  articleId: string
  /** stable 1-based number shown as ¶N */
  ordinal: number
  kind: SectionKind
  level: number | null
  text: string
  /** offsets into the article text, end exclusive */
  start: number
  end: number
  quarantineReason: string | null
  /** the PDF page the section starts on, for citations ("p. 4, ¶2"); null for other formats */
  page: number | null
  /** 'caption' for an image caption (shown as the picture's caption, not a body paragraph); else null */
  role: 'caption' | null
  /** how the section looked in its source (list item, quote, emphasis, links, pictures); null: plain */
  layout: SectionLayout | null
}

/**
 * The structure a section had in its source, laid over its text: every offset is into the
 * section's own `text`, which stays exactly what anchors, search and ¶ numbers use, so a
 * layout can be added to or dropped from a section without moving any excerpt.
 */
export interface SectionLayout {
  /** the block the section was, when not a plain paragraph or heading */
  block?: SectionBlock
  /** inline marks sorted by start; a mark lies within the text and marks of one type do not overlap */
  marks?: InlineMark[]
  /** pictures that stood before this section's text (a caption's figure, an image in the flow) */
  images?: SectionImage[]
}

export type SectionBlock =
  /** a list item; depth 1 is the outermost list; number is an ordered item's own number */
  | { type: 'item'; ordered: boolean; depth: number; number?: number }
  | { type: 'quote' }
  | { type: 'code' }
  /** a table row: each cell a [start, end) range of the text (the text between cells is " | ") */
  | { type: 'row'; header: boolean; cells: Array<[number, number]> }

export const INLINE_MARKS = ['em', 'strong', 'code', 'sub', 'sup', 'link'] as const
export type InlineMarkType = (typeof INLINE_MARKS)[number]

export interface InlineMark {
  type: InlineMarkType
  start: number
  end: number
  /** a link's target: http(s) or mailto only (others are dropped at import) */
  href?: string
}

export interface SectionImage {
  /** a picture stored with the article (getMedia), or null when it was remote: never fetched, its alt shown */
  mediaId: string | null
  alt: string
  /** a remote picture's address, shown to the user, never loaded */
  remoteUrl?: string
}

export interface ArticleDetail extends ArticleSummary {
  /** length of the article's text in UTF-16 code units; the text itself is its sections' */
  textLength: number
  sections: Section[]
  /** where the reader left it (getArticle's answer; null when never read) */
  readingPosition?: ReadingPosition | null
}

/** Where an article was left in the reader: the section at the top and how far past its top. */
export interface ReadingPosition {
  articleId: string
  /** one of the article's sections (its current one of the same ordinal when a new version dropped it) */
  sectionId: string
  /** px of that section above the reader's top (negative: it starts below the top) */
  past: number
  updatedAt: string
}

export interface ImportResult {
  article: ArticleSummary
  /** true when the same content was already in the notebook; nothing was written */
  duplicate: boolean
  message: string
  /** set when the content became a new version of an article already here (same source, or importVersion) */
  version?: VersionReport
}

/** What importing a new version did to the article's excerpts and section links. */
export interface VersionReport {
  /** the new version's number (the article's `version` now) */
  number: number
  /** excerpts found again word for word (quote style, dashes and whitespace aside) */
  anchored: number
  /** excerpts found again with changed words: in the review queue */
  fuzzy: number
  /** excerpts not found: in the review queue at a best guess */
  orphaned: number
  /** sections of the old version that continue in the new one (same id, maybe a new ordinal) */
  sectionsFollowed: number
  /** note links to sections that continue (their chips now show the new ¶N) */
  sectionLinksFollowed: number
  /** note links to sections that have no counterpart in the new version (see Backlinks.orphanedSections) */
  sectionLinksOrphaned: number
}

/** One version of an article, newest last; the current one is the article itself. */
export interface VersionSummary {
  articleId: string
  number: number
  format: ArticleFormat
  contentHash: string
  importedAt: string
  textLength: number
  sectionCount: number
  /** true for the version the article shows now */
  current: boolean
}

/** A version's content, read-only. Its sections are described by offsets into `text`. */
export interface VersionDetail extends VersionSummary {
  text: string
  contentHtml: string | null
  sections: Array<Pick<Section, 'id' | 'ordinal' | 'kind' | 'level' | 'start' | 'end' | 'text'>>
}

/** An excerpt a new version unsettled, as the review queue shows it. */
export interface ReviewItem {
  excerpt: Excerpt
  articleTitle: string
  /** the quote as it was highlighted (the excerpt's quote, kept until the review is resolved) */
  oldQuote: string
  /** the current version's text at the best guess (excerpt.position), '' when there is none */
  newText: string
  /** the old quote against the new text, word by word */
  diff: DiffPart[]
}

/** A run of words: in both, only in the old quote ('deleted'), or only in the new text ('inserted'). */
export interface DiffPart {
  op: 'equal' | 'deleted' | 'inserted'
  text: string
}

export const REVIEW_ACTIONS = ['accept', 'reattach', 'keepOrphan', 'delete'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

export interface TagRef {
  id: string
  name: string
  color: string | null
}

export interface Tag extends TagRef {
  /** excerpts carrying this exact tag */
  usageCount: number
  /** excerpts carrying this tag or any tag below it */
  totalCount: number
  createdAt: string
}

/** W3C Web Annotation selectors, as stored. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface Excerpt {
  id: string
  articleId: string
  sectionId: string
  sectionOrdinal: number
  quote: TextQuoteSelector
  position: TextPositionSelector
  color: ExcerptColor
  comment: string
  tags: TagRef[]
  anchorStatus: AnchorStatus
  /**
   * The quote's words are still those of the current version at the excerpt's place: the text
   * there equals quote.exact once curly and straight quotes, dashes (‐ ‑ ‒ – — ― −, -) and runs of
   * whitespace are treated alike. False after a new version changed the words (fuzzy), lost them
   * (orphaned), or the person kept the old quote as a snapshot (keepOrphan).
   */
  verbatim: boolean
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

/** Everything needed to put a deleted tag back exactly as it was. */
export interface TagSnapshot {
  id: string
  name: string
  color: string | null
  createdAt: string
  excerptIds: string[]
}

export interface TagMergeResult {
  into: Tag
  /** the merged-away tags, for undo */
  removed: TagSnapshot[]
  /** excerpts that received the target tag through the merge (did not have it before) */
  addedTo: string[]
}

export type SearchHitKind = 'article' | 'section' | 'excerpt' | 'note'

/** Snippet text marks matches with these two control characters; the UI renders them. */
export const SNIPPET_OPEN = '\u0002'
export const SNIPPET_CLOSE = '\u0003'

export interface SearchHit {
  kind: SearchHitKind
  id: string
  articleId: string | null
  articleTitle: string | null
  sectionId: string | null
  sectionOrdinal: number | null
  /** the note title, or the article title */
  title: string
  snippet: string
  /** lower is better (bm25) */
  rank: number
}

export interface SearchResult {
  query: string
  hits: SearchHit[]
}

export interface NoteSummary {
  id: string
  title: string
  excerptText: string
  createdAt: string
  updatedAt: string
  articleIds: string[]
}

export interface Note extends NoteSummary {
  /** Lexical editor state as JSON (see src/shared/notes/schema.ts for versioning) */
  content: unknown
  text: string
  deletedAt: string | null
  /** each article the note links to, and whether it is still there ('trashed': restorable; 'gone': emptied from the trash) */
  sources: NoteSource[]
}

export interface NoteSource {
  articleId: string
  /** null once the article is gone for good */
  title: string | null
  state: 'live' | 'trashed' | 'gone'
}

export interface NoteLink {
  noteId: string
  targetType: 'section' | 'excerpt'
  targetId: string
  articleId: string
}

export interface NoteRef {
  id: string
  title: string
}

export interface Backlinks {
  /** sectionId → notes linking to it */
  sections: Record<string, NoteRef[]>
  /** excerptId → notes citing it */
  excerpts: Record<string, NoteRef[]>
  /** the article itself: 'trashed' (restorable) or 'gone' (emptied from the trash; the notes keep their cards' quotes) */
  source: 'live' | 'trashed' | 'gone'
  /**
   * sectionId → links to a section that a new version dropped: the ¶N it had and the last
   * version it was in (the notes' chips still show that ¶N)
   */
  orphanedSections: Record<string, { ordinal: number; version: number; notes: NoteRef[] }>
}

export interface NotebookInfo {
  path: string
  schemaVersion: number
  appVersion: string
  articleCount: number
  excerptCount: number
  noteCount: number
  tagCount: number
  deletedCount: number
  /** open read-only (asked for, the file is not writable, or the disk refused a write): writes fail with `read_only` */
  readOnly: boolean
  /** what Gloss's own check of the file found damaged, or null (see src/core/store/integrity.ts) */
  damage: NotebookDamage | null
}

/** Damage SQLite's integrity_check can miss: text that no longer agrees with itself. */
export interface NotebookDamage {
  /** 'sample': some sections, checked on open; 'full': every article and section, and SQLite's own check */
  scope: 'sample' | 'full'
  /** articles whose sections no longer match their text, or whose text no longer matches its hash */
  articles: Array<{ id: string; title: string; sectionOrdinals: number[]; textChanged: boolean }>
  /** what SQLite reported, when it found the file itself damaged */
  sqlite: string | null
  /** the newest backup that passes its check, or null when none was found */
  backup: string | null
  /** for a person: what is damaged and how to restore the backup */
  message: string
}

/* ---- export, import of notebook documents, backups ---- */

export const EXPORT_FORMATS = [
  'md',
  'obsidian',
  'html',
  'json',
  'w3c',
  'csv',
  'pdf',
  'bibtex',
  'csl',
  'ris',
] as const
/**
 * md: Markdown · obsidian: an Obsidian vault (wiki-links to block ids) · html: one standalone
 * printable page · json: Gloss notebook document (round-trips through importNotebook) · w3c: W3C
 * Web Annotation JSON-LD · csv: excerpts table · pdf: the HTML printed by Chromium · bibtex / csl /
 * ris: one citation entry per article.
 */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** What an export covers: one note; one article with its excerpts and the notes citing it; everything. */
export type ExportScope =
  { kind: 'note'; id: string } | { kind: 'article'; id: string } | { kind: 'notebook' }

export interface ExportResult {
  /** the file written, or the folder for a whole-notebook Markdown/HTML export */
  path: string
  /** total bytes written */
  bytes: number
  /** number of files written */
  files: number
}

export interface RenderedFile {
  /** relative path inside the export ('index.md', 'articles/….md'), or the suggested file name */
  path: string
  content: string
}

export interface RenderedExport {
  format: Exclude<ExportFormat, 'pdf'>
  mediaType: string
  /** a file (or, for a whole-notebook Markdown/HTML export, folder) name to offer */
  suggestedName: string
  /** the main file: the only one, or the index of a folder export */
  content: string
  /** every file of the export; one entry unless it is a folder */
  files: RenderedFile[]
}

export interface ImportCounts {
  articles: number
  sections: number
  excerpts: number
  tags: number
  notes: number
}

export interface NotebookImportReport {
  added: ImportCounts
  /** already present (same id, or same content for articles) and not newer in the document */
  skipped: ImportCounts
  /** present, but the document's copy was edited later (updatedAt), so it replaced the local one */
  updated: ImportCounts
  /** document tags whose name is taken (case-insensitively) by a local tag with another id */
  mappedTags: Array<{ id: string; name: string; toId: string; toName: string }>
  /** document articles already in the notebook under another id (same text) */
  mappedArticles: Array<{ id: string; title: string; toId: string }>
}

export interface BackupResult {
  path: string
  bytes: number
  /** the result of PRAGMA integrity_check on the written copy */
  integrity: 'ok'
}

export interface RestoreResult {
  restoredFrom: string
  /** the copy of the notebook as it was just before the restore */
  safetyBackup: string | null
  articleCount: number
  excerptCount: number
  noteCount: number
  tagCount: number
}

/** An entity of the index as a picker lists it: how often it is named, not where (listEntities has the mentions). */
export interface EntityName {
  kind: EntityKind
  name: string
  /** articles that name it */
  articleCount: number
  mentionCount: number
}
