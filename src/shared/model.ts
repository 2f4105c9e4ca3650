/** Data shapes that cross the contract. Plain JSON: ISO timestamps, string ids. */

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
  sectionCount: number
  /** quarantined sections, hidden from reading by default */
  hiddenCount: number
  excerptCount: number
  noteCount: number
}

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
}

export interface ArticleDetail extends ArticleSummary {
  /** length of the article's text in UTF-16 code units; the text itself is its sections' */
  textLength: number
  sections: Section[]
}

export interface ImportResult {
  article: ArticleSummary
  /** true when the same content was already in the notebook; nothing was written */
  duplicate: boolean
  message: string
}

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

export const EXPORT_FORMATS = ['md', 'html', 'json', 'w3c', 'csv', 'pdf', 'bibtex', 'csl'] as const
/**
 * md: Obsidian-ready Markdown · html: standalone printable page · json: Gloss notebook document
 * (round-trips through importNotebook) · w3c: W3C Web Annotation JSON-LD · csv: excerpts table ·
 * pdf: the HTML printed by Chromium · bibtex / csl: one citation entry per article.
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
