/**
 * The Gloss notebook document: everything a scope holds, as one versioned JSON file that
 * `importNotebook` reads back.
 *
 *   { format: 'gloss-notebook', version: 1, exportedAt, generator,
 *     articles: [{ …, text, contentHtml, sections: [{ id, ordinal, kind, baseKind, … }] }],
 *     excerpts: [{ id, articleId, sectionId, quote: TextQuoteSelector, position: TextPositionSelector,
 *                  color, comment, anchorStatus, tags: [{ id, name }], createdAt, updatedAt }],
 *     tags: [{ id, name, color, createdAt }],
 *     notes: [{ id, title, content (Lexical JSON), createdAt, updatedAt }],
 *     noteLinks: [{ noteId, targetType, targetId, articleId }] }
 *
 * Offsets are UTF-16 code units into the article text (as Gloss stores them). Sections
 * include quarantined ones (kind 'quarantined', with the kind they return to as baseKind):
 * the text, the ordinals and "restore hidden sections" depend on them. Deleted excerpts and
 * notes are never written. noteLinks are informative: on import they are derived again from
 * each note's content, as every save does, and must agree with it.
 *
 * Versioning: `version` changes only when a reader of the previous version would misread
 * the document. Adding an optional field is not a new version. A document with a version
 * newer than this build reads is refused with `future_schema`.
 *
 * Import merges by id, in one transaction (see `importNotebookDocument`).
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { z } from 'zod'
import { GlossError } from '../../shared/errors'
import { isHttpUrl, isoDateLike, isoTimestamp } from '../../shared/formats'
import { EXCERPT_COLORS, type ImportCounts, type NotebookImportReport } from '../../shared/model'
import { EXCERPT_CARD_TYPE } from '../../shared/notes/nodes/ExcerptCardNode'
import { SECTION_LINK_TYPE } from '../../shared/notes/nodes/SectionLinkNode'
import { sanitizeHtml } from '../import/sanitize'
import { deriveNoteIndex } from '../notes/derive'
import { newId, now } from '../store/clock'
import type { Db } from '../store/open'
import { normalizeTagName } from '../tags'
import type { ExportData } from './collect'

export const NOTEBOOK_FORMAT = 'gloss-notebook'
export const NOTEBOOK_VERSION = 1

/* ---------- the schema ---------- */

const text = z.string()
const nullableText = z.string().nullable()
const offset = z.number().int().nonnegative()
const timestamp = isoTimestamp // the contract's, so what it accepts always comes back
const docId = z.string().min(1).max(200)
const tagNameSchema = z
  .string()
  .trim()
  .min(1, 'tag name is empty')
  .max(200, 'tag name is longer than 200 characters')
  .refine(
    (name) => !name.split('/').some((part) => part.trim() === ''),
    'tag name has an empty level between slashes',
  )

const sectionSchema = z.object({
  id: docId,
  ordinal: z.number().int().positive(),
  kind: z.enum(['heading', 'paragraph', 'quarantined']),
  baseKind: z.enum(['heading', 'paragraph']),
  level: z.number().int().min(1).max(6).nullable(),
  text,
  start: offset,
  end: offset,
  quarantineReason: nullableText,
})

const articleSchema = z.object({
  id: docId,
  title: z.string().min(1).max(500),
  format: z.enum(['text', 'markdown', 'html']),
  sourcePath: nullableText,
  sourceUrl: nullableText.transform((url) => (url !== null && isHttpUrl(url) ? url : null)), // as HTML import: http(s) only
  byline: nullableText,
  publishedAt: isoDateLike.nullable(),
  importedAt: timestamp,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'),
  text,
  contentHtml: nullableText,
  sections: z.array(sectionSchema),
})

const excerptSchema = z.object({
  id: docId,
  articleId: docId,
  sectionId: docId,
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: text,
    suffix: text,
  }),
  position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  color: z.enum(EXCERPT_COLORS),
  comment: z.string().max(100_000),
  anchorStatus: z.enum(['anchored', 'fuzzy', 'orphaned']),
  tags: z.array(z.object({ id: docId, name: z.string() })),
  createdAt: timestamp,
  updatedAt: timestamp,
})

const tagSchema = z.object({
  id: docId,
  name: tagNameSchema,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'tag color must look like #a1b2c3')
    .nullable(),
  createdAt: timestamp,
})

const noteSchema = z.object({
  id: docId,
  title: z.string().max(500),
  content: z.unknown().refine((v) => v !== undefined, 'note content is missing'),
  createdAt: timestamp,
  updatedAt: timestamp,
})

const noteLinkSchema = z.object({
  noteId: docId,
  targetType: z.enum(['section', 'excerpt']),
  targetId: docId,
  articleId: docId,
})

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex')

export const notebookDocumentSchema = z
  .object({
    format: z.literal(NOTEBOOK_FORMAT),
    version: z.literal(NOTEBOOK_VERSION),
    exportedAt: timestamp,
    generator: z.string().optional(),
    articles: z.array(articleSchema),
    excerpts: z.array(excerptSchema),
    tags: z.array(tagSchema),
    notes: z.array(noteSchema),
    noteLinks: z.array(noteLinkSchema),
  })
  .superRefine((doc, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message })
    const unique = <T>(list: T[], key: (item: T) => string, path: string, what: string) => {
      const seen = new Set<string>()
      list.forEach((item, i) => {
        const k = key(item)
        if (seen.has(k)) issue([path, i, 'id'], `duplicate ${what} "${k}"`)
        seen.add(k)
      })
    }
    unique(doc.articles, (a) => a.id, 'articles', 'article id')
    unique(doc.excerpts, (e) => e.id, 'excerpts', 'excerpt id')
    unique(doc.tags, (t) => t.id, 'tags', 'tag id')
    unique(doc.notes, (n) => n.id, 'notes', 'note id')
    const tagNames = new Set<string>()
    doc.tags.forEach((t, i) => {
      const key = normalizeTagName(t.name).toLowerCase()
      if (tagNames.has(key)) issue(['tags', i, 'name'], `duplicate tag name "${t.name}"`)
      tagNames.add(key)
    })

    const sectionOwner = new Map<string, string>()
    const articleText = new Map<string, string>()
    doc.articles.forEach((a, i) => {
      articleText.set(a.id, a.text)
      if (sha256(a.text) !== a.contentHash)
        issue(['articles', i, 'contentHash'], 'does not match the article text')
      const ordinals = new Set<number>()
      a.sections.forEach((s, j) => {
        const at = ['articles', i, 'sections', j]
        if (sectionOwner.has(s.id)) issue([...at, 'id'], `duplicate section id "${s.id}"`)
        sectionOwner.set(s.id, a.id)
        if (ordinals.has(s.ordinal)) issue([...at, 'ordinal'], `duplicate ordinal ${s.ordinal}`)
        ordinals.add(s.ordinal)
        if (s.end < s.start || s.end > a.text.length)
          issue([...at, 'end'], `range ${s.start}–${s.end} is outside the text (${a.text.length})`)
        else if (a.text.slice(s.start, s.end) !== s.text)
          issue([...at, 'text'], 'does not match the article text at its offsets')
        if (s.kind !== 'quarantined' && s.kind !== s.baseKind)
          issue([...at, 'baseKind'], `must be "${s.kind}"`)
      })
    })
    const tagIds = new Set(doc.tags.map((t) => t.id))
    doc.excerpts.forEach((e, i) => {
      const at = ['excerpts', i]
      const textOf = articleText.get(e.articleId)
      if (textOf === undefined) issue([...at, 'articleId'], `no article "${e.articleId}" in the document`)
      if (sectionOwner.get(e.sectionId) !== e.articleId)
        issue([...at, 'sectionId'], `no section "${e.sectionId}" in article "${e.articleId}"`)
      if (e.position.end <= e.position.start) issue([...at, 'position', 'end'], 'must be after start')
      else if (textOf !== undefined && e.position.end > textOf.length)
        issue([...at, 'position', 'end'], `is past the end of the article (${textOf.length})`)
      e.tags.forEach((t, j) => {
        if (!tagIds.has(t.id)) issue([...at, 'tags', j, 'id'], `no tag "${t.id}" in the document's tags`)
      })
    })
    const noteIds = new Set(doc.notes.map((n) => n.id))
    doc.noteLinks.forEach((l, i) => {
      if (!noteIds.has(l.noteId)) issue(['noteLinks', i, 'noteId'], `no note "${l.noteId}" in the document`)
    })
  })

export type NotebookDocument = z.infer<typeof notebookDocumentSchema>

/* ---------- export ---------- */

export function buildNotebookDocument(data: ExportData, generator?: string): NotebookDocument {
  return {
    format: NOTEBOOK_FORMAT,
    version: NOTEBOOK_VERSION,
    exportedAt: data.exportedAt,
    generator: generator ?? 'Gloss',
    articles: data.articles.map((a) => ({ ...a, sections: a.sections.map((s) => ({ ...s })) })),
    excerpts: data.excerpts.map((e) => ({
      id: e.id,
      articleId: e.articleId,
      sectionId: e.sectionId,
      quote: { ...e.quote },
      position: { ...e.position },
      color: e.color,
      comment: e.comment,
      anchorStatus: e.anchorStatus,
      tags: e.tags.map((t) => ({ id: t.id, name: t.name })),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    })),
    tags: data.tags.map((t) => ({ ...t })),
    notes: data.notes.map((n) => ({
      id: n.id,
      title: n.title,
      content: n.content,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    })),
    noteLinks: data.noteLinks.map((l) => ({ ...l })),
  }
}

export function renderNotebookJson(data: ExportData, generator?: string): string {
  return JSON.stringify(buildNotebookDocument(data, generator), null, 2) + '\n'
}

/* ---------- validation ---------- */

const pathOf = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.') || '(document)'

/** Check a parsed document; throws GlossError naming the path of the first bad field. */
export function parseNotebookDocument(raw: unknown): NotebookDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new GlossError(
      'invalid_input',
      'This is not a Gloss notebook document: expected a JSON object.',
      'document',
    )
  }
  const head = raw as { format?: unknown; version?: unknown }
  if (head.format !== NOTEBOOK_FORMAT) {
    throw new GlossError(
      'invalid_input',
      `This is not a Gloss notebook document: format is ${JSON.stringify(head.format)}, expected "${NOTEBOOK_FORMAT}".`,
      'document.format',
    )
  }
  if (typeof head.version === 'number' && head.version > NOTEBOOK_VERSION) {
    throw new GlossError(
      'future_schema',
      `This notebook document was written by a newer Gloss (version ${head.version}; this Gloss reads up to ${NOTEBOOK_VERSION}). Update Gloss to import it.`,
      'document.version',
    )
  }
  const result = notebookDocumentSchema.safeParse(raw)
  if (!result.success) {
    const first = result.error.issues[0]!
    const path = pathOf(first.path)
    throw new GlossError(
      'invalid_input',
      `The notebook document is invalid at ${path}: ${first.message}`,
      `document.${path}`,
    )
  }
  return result.data
}

/** Read a notebook document from disk (JSON). */
export function readNotebookDocumentFile(path: string): unknown {
  const name = basename(path)
  let raw: string
  try {
    const stat = statSync(path)
    if (stat.isDirectory())
      throw new GlossError('bad_file', `Cannot import "${name}": it is a folder, not a file.`, 'path')
    if (stat.size > 512 * 1024 * 1024)
      throw new GlossError('bad_file', `Cannot import "${name}": it is larger than 512 MB.`, 'path')
    raw = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof GlossError) throw error
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    throw new GlossError('bad_file', `Cannot import "${name}": ${reason}.`, 'path')
  }
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new GlossError(
      'bad_file',
      `Cannot import "${name}": it is not valid JSON (${(error as Error).message}).`,
      'path',
    )
  }
}

/* ---------- import (merge) ---------- */

const zero = (): ImportCounts => ({ articles: 0, sections: 0, excerpts: 0, tags: 0, notes: 0 })

/** Is the document's copy strictly newer than the local one? */
function newer(documentStamp: string, localStamp: string): boolean {
  const d = Date.parse(documentStamp)
  const l = Date.parse(localStamp)
  if (Number.isNaN(d) || Number.isNaN(l)) return documentStamp > localStamp
  return d > l
}

const maxStamp = (a: string, b: string | null) => (b !== null && newer(b, a) ? b : a)

/** Rewrites the article and section ids inside a note's content (for articles found under another id). */
function remapNoteContent(
  content: unknown,
  articleMap: Map<string, string>,
  sectionMap: Map<string, string>,
): unknown {
  if (articleMap.size === 0 && sectionMap.size === 0) return content
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk)
    if (typeof value !== 'object' || value === null) return value
    const node = { ...(value as Record<string, unknown>) }
    if (node.type === SECTION_LINK_TYPE || node.type === EXCERPT_CARD_TYPE) {
      if (typeof node.articleId === 'string')
        node.articleId = articleMap.get(node.articleId) ?? node.articleId
      if (node.type === SECTION_LINK_TYPE && typeof node.sectionId === 'string') {
        node.sectionId = sectionMap.get(node.sectionId) ?? node.sectionId
      }
    }
    if (Array.isArray(node.children)) node.children = node.children.map(walk)
    if (node.root) node.root = walk(node.root)
    return node
  }
  return walk(content)
}

/**
 * Merge a notebook document into the notebook, in one transaction.
 *
 * Into an empty notebook this reproduces the exported notebook exactly: same ids, text,
 * sections, anchors, timestamps, tags, notes and (derived) note links. Into a notebook with
 * content it merges by id:
 * - missing rows are inserted with their ids; nothing is ever duplicated;
 * - an excerpt or note present on both sides is replaced only when the document's
 *   `updatedAt` is newer than the local one (a local deletion counts as an edit at its time);
 *   otherwise the local row is kept ("skipped");
 * - articles and sections have no edit time: existing ids are skipped. An article whose text
 *   is already here under another id (the same file imported on two machines) is matched to
 *   it; its sections are matched by ordinal, and excerpts and notes follow (reported in
 *   `mappedArticles`);
 * - a tag whose name is taken case-insensitively by a tag with another id is mapped to that
 *   tag (reported in `mappedTags`).
 */
export function importNotebookDocument(db: Db, raw: unknown): NotebookImportReport {
  const doc = parseNotebookDocument(raw)
  const report: NotebookImportReport = {
    added: zero(),
    skipped: zero(),
    updated: zero(),
    mappedTags: [],
    mappedArticles: [],
  }

  const q = {
    tagById: db.prepare<[string], { id: string; name: string }>(`SELECT id, name FROM tags WHERE id = ?`),
    tagByName: db.prepare<[string], { id: string; name: string }>(
      `SELECT id, name FROM tags WHERE name = ? COLLATE NOCASE`,
    ),
    insertTag: db.prepare(`INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)`),
    articleById: db.prepare<[string], { id: string }>(`SELECT id FROM articles WHERE id = ?`),
    articleByHash: db.prepare<[string], { id: string }>(`SELECT id FROM articles WHERE content_hash = ?`),
    insertArticle: db.prepare(`
      INSERT INTO articles (id, title, format, source_path, source_url, byline, published_at, imported_at, content_hash, text, content_html)
      VALUES (@id, @title, @format, @sourcePath, @sourceUrl, @byline, @publishedAt, @importedAt, @contentHash, @text, @contentHtml)`),
    sectionById: db.prepare<[string], { id: string; article_id: string }>(
      `SELECT id, article_id FROM sections WHERE id = ?`,
    ),
    localSections: db.prepare<
      [string],
      { id: string; ordinal: number; start_offset: number; end_offset: number }
    >(`SELECT id, ordinal, start_offset, end_offset FROM sections WHERE article_id = ? ORDER BY ordinal`),
    insertSection: db.prepare(`
      INSERT INTO sections (id, article_id, ordinal, kind, base_kind, level, text, start_offset, end_offset, quarantine_reason)
      VALUES (@id, @articleId, @ordinal, @kind, @baseKind, @level, @text, @start, @end, @quarantineReason)`),
    excerptById: db.prepare<[string], { updated_at: string; deleted_at: string | null }>(
      `SELECT updated_at, deleted_at FROM excerpts WHERE id = ?`,
    ),
    insertExcerpt: db.prepare(`
      INSERT INTO excerpts (id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment, anchor_status, created_at, updated_at)
      VALUES (@id, @articleId, @sectionId, @exact, @prefix, @suffix, @start, @end, @color, @comment, @anchorStatus, @createdAt, @updatedAt)`),
    updateExcerpt: db.prepare(`
      UPDATE excerpts SET article_id = @articleId, section_id = @sectionId, exact = @exact, prefix = @prefix, suffix = @suffix,
        start_offset = @start, end_offset = @end, color = @color, comment = @comment, anchor_status = @anchorStatus,
        created_at = @createdAt, updated_at = @updatedAt, deleted_at = NULL
      WHERE id = @id`),
    clearExcerptTags: db.prepare(`DELETE FROM excerpt_tags WHERE excerpt_id = ?`),
    addExcerptTag: db.prepare(`INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)`),
    noteById: db.prepare<[string], { updated_at: string; deleted_at: string | null }>(
      `SELECT updated_at, deleted_at FROM notes WHERE id = ?`,
    ),
    insertNote: db.prepare(`
      INSERT INTO notes (id, title, content, text, created_at, updated_at) VALUES (@id, @title, @content, @text, @createdAt, @updatedAt)`),
    updateNote: db.prepare(`
      UPDATE notes SET title = @title, content = @content, text = @text, created_at = @createdAt, updated_at = @updatedAt, deleted_at = NULL
      WHERE id = @id`),
    clearLinks: db.prepare(`DELETE FROM note_links WHERE note_id = ?`),
    addLink: db.prepare(
      `INSERT OR IGNORE INTO note_links (note_id, target_type, target_id, article_id) VALUES (?, ?, ?, ?)`,
    ),
  }

  const run = db.transaction(() => {
    /* tags, in document order (which keeps their order in the notebook); a parent the
       notebook lacks is taken from the document first, or created */
    const tagMap = new Map<string, string>()
    const docTagByName = new Map(doc.tags.map((t) => [normalizeTagName(t.name).toLowerCase(), t]))
    const importTag = (tag: (typeof doc.tags)[number]): void => {
      if (tagMap.has(tag.id)) return
      const name = normalizeTagName(tag.name)
      if (q.tagById.get(tag.id)) {
        tagMap.set(tag.id, tag.id)
        report.skipped.tags++
        return
      }
      const clash = q.tagByName.get(name)
      if (clash) {
        tagMap.set(tag.id, clash.id)
        report.skipped.tags++
        report.mappedTags.push({ id: tag.id, name, toId: clash.id, toName: clash.name })
        return
      }
      const parts = name.split('/')
      for (let i = 1; i < parts.length; i++) {
        const ancestor = parts.slice(0, i).join('/')
        if (q.tagByName.get(ancestor)) continue
        const fromDocument = docTagByName.get(ancestor.toLowerCase())
        if (fromDocument) importTag(fromDocument)
        else {
          q.insertTag.run(newId(), ancestor, null, now())
          report.added.tags++
        }
      }
      q.insertTag.run(tag.id, name, tag.color, tag.createdAt)
      tagMap.set(tag.id, tag.id)
      report.added.tags++
    }
    for (const tag of doc.tags) importTag(tag)

    /* articles and their sections */
    const articleMap = new Map<string, string>()
    const sectionMap = new Map<string, string>()
    for (const article of doc.articles) {
      const existing = q.articleById.get(article.id) ?? q.articleByHash.get(article.contentHash)
      if (existing) {
        articleMap.set(article.id, existing.id)
        if (existing.id !== article.id)
          report.mappedArticles.push({ id: article.id, title: article.title, toId: existing.id })
        report.skipped.articles++
        const local = q.localSections.all(existing.id)
        for (const s of article.sections) {
          const same =
            local.find((l) => l.id === s.id) ??
            local.find((l) => l.ordinal === s.ordinal && l.start_offset === s.start && l.end_offset === s.end)
          // the same text split differently (a newer importer): the section holding the start
          const holder = same ?? [...local].reverse().find((l) => l.start_offset <= s.start) ?? local[0]
          if (holder) sectionMap.set(s.id, holder.id)
          report.skipped.sections++
        }
        continue
      }
      q.insertArticle.run({
        ...article,
        contentHtml: article.contentHtml === null ? null : sanitizeHtml(article.contentHtml),
      })
      articleMap.set(article.id, article.id)
      report.added.articles++
      for (const s of article.sections) {
        // a section id taken by another article's section (ids reused by hand): give it a new one
        const id = q.sectionById.get(s.id) ? newId() : s.id
        q.insertSection.run({ ...s, id, articleId: article.id })
        sectionMap.set(s.id, id)
        report.added.sections++
      }
    }

    /* excerpts */
    for (const e of doc.excerpts) {
      const row = {
        id: e.id,
        articleId: articleMap.get(e.articleId)!,
        sectionId: sectionMap.get(e.sectionId)!,
        exact: e.quote.exact,
        prefix: e.quote.prefix,
        suffix: e.quote.suffix,
        start: e.position.start,
        end: e.position.end,
        color: e.color,
        comment: e.comment,
        anchorStatus: e.anchorStatus,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
      }
      const local = q.excerptById.get(e.id)
      if (local && !newer(e.updatedAt, maxStamp(local.updated_at, local.deleted_at))) {
        report.skipped.excerpts++
        continue
      }
      if (local) {
        q.updateExcerpt.run(row)
        q.clearExcerptTags.run(e.id)
        report.updated.excerpts++
      } else {
        q.insertExcerpt.run(row)
        report.added.excerpts++
      }
      for (const t of e.tags) q.addExcerptTag.run(e.id, tagMap.get(t.id)!)
    }

    /* notes: content validated and indexed as every save does; links derived from it */
    doc.notes.forEach((note, i) => {
      const local = q.noteById.get(note.id)
      if (local && !newer(note.updatedAt, maxStamp(local.updated_at, local.deleted_at))) {
        report.skipped.notes++
        return
      }
      let index: ReturnType<typeof deriveNoteIndex>
      try {
        index = deriveNoteIndex(remapNoteContent(note.content, articleMap, sectionMap))
      } catch (error) {
        if (error instanceof GlossError) {
          throw new GlossError(
            error.code,
            `The notebook document is invalid at notes.${i}.content: ${error.message}`,
            `document.notes.${i}.content`,
          )
        }
        throw error
      }
      const row = {
        id: note.id,
        title: note.title.trim(),
        content: JSON.stringify(index.content),
        text: index.text,
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
      }
      if (local) {
        q.updateNote.run(row)
        report.updated.notes++
      } else {
        q.insertNote.run(row)
        report.added.notes++
      }
      q.clearLinks.run(note.id)
      for (const link of index.links) q.addLink.run(note.id, link.targetType, link.targetId, link.articleId)
    })
  })
  run()
  return report
}
