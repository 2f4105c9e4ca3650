/**
 * Gathers what one export scope covers, straight from the database, in one read transaction
 * (so a scope is a consistent snapshot even while the notebook is being written).
 *
 * Deleted excerpts and notes (the trash) are never collected. Quarantined sections ARE
 * collected, marked, because the Gloss notebook document must carry them (the article text,
 * the section ordinals and "restore hidden sections" depend on them); the human-readable
 * exporters drop them, and the excerpts that sit in them (src/core/export/visible.ts).
 */
import type { SerializedEditorState } from 'lexical'
import { GlossError } from '../../shared/errors'
import type { ExportScope, NoteLink, TagRef } from '../../shared/model'
import type { QuoteSpeaker } from '../../shared/research'
import type { NoteRow } from '../notes/repository'
import { now } from '../store/clock'
import type { Db } from '../store/open'
import { toExcerpt, type ArticleRow, type ExcerptRow, type SectionRow } from '../store/rows'
import { readLayout } from '../import/layout'
import type { PictureMime } from '../import/pictures'
import type {
  ArticleRecord,
  MediaRecord,
  ExcerptRecord,
  NoteRecord,
  QuoteCorrectionRecord,
  SectionRecord,
  Snapshot,
  TagRecord,
  VersionRecord,
  VersionSectionRecord,
} from './records'

/** An article's stored columns: its summary row without the counts, and its content. */
type ArticleContentRow = Omit<
  ArticleRow,
  'section_count' | 'hidden_count' | 'excerpt_count' | 'note_count'
> & {
  text: string
  content_html: string | null
  version_imported_at: string | null
}
type SectionContentRow = SectionRow & { base_kind: SectionRecord['baseKind'] }
type ExcerptContentRow = ExcerptRow & { hidden: number; reviewed_at: string | null; speaker: string | null }
interface VersionContentRow {
  article_id: string
  number: number
  format: VersionRecord['format']
  source_format: VersionRecord['sourceFormat']
  text: string
  content_html: string | null
  content_hash: string
  imported_at: string
  sections: string
}
type NoteContentRow = Omit<NoteRow, 'deleted_at' | 'article_ids'>

const ids = (list: string[]) => JSON.stringify(list)

export interface CollectOptions {
  /** the export timestamp (tests pin it) */
  exportedAt?: string
}

export function collect(db: Db, scope: ExportScope, options: CollectOptions = {}): Snapshot {
  return db.transaction(() => collectNow(db, scope, options)).deferred() // a read snapshot: no write lock
}

function collectNow(db: Db, scope: ExportScope, options: CollectOptions): Snapshot {
  const pluck = (sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .all(...params) as string[]

  let articleIds: string[]
  let noteIds: string[]
  let excerptIds: string[] | null // null: every excerpt of the articles

  if (scope.kind === 'notebook') {
    articleIds = pluck(`SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY seq`)
    noteIds = pluck(`SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY seq`)
    excerptIds = null
  } else if (scope.kind === 'article') {
    const article = db.prepare(`SELECT deleted_at FROM articles WHERE id = ?`).get(scope.id) as
      { deleted_at: string | null } | undefined
    if (!article) {
      throw new GlossError('not_found', `No article with id "${scope.id}".`, 'scope.id')
    }
    if (article.deleted_at)
      throw new GlossError('conflict', 'This article is in the trash; restore it to export it.', 'scope.id')
    articleIds = [scope.id]
    noteIds = pluck(
      `SELECT n.id FROM notes n WHERE n.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM note_links l WHERE l.note_id = n.id AND l.article_id = ?) ORDER BY n.seq`,
      scope.id,
    )
    excerptIds = null
  } else {
    const note = db.prepare(`SELECT deleted_at FROM notes WHERE id = ?`).get(scope.id) as
      { deleted_at: string | null } | undefined
    if (!note) throw new GlossError('not_found', `No note with id "${scope.id}".`, 'scope.id')
    if (note.deleted_at)
      throw new GlossError('conflict', 'This note is in the trash; restore it to export it.', 'scope.id')
    noteIds = [scope.id]
    articleIds = pluck(
      `SELECT a.id FROM articles a WHERE a.deleted_at IS NULL AND EXISTS (SELECT 1 FROM note_links l WHERE l.note_id = ? AND l.article_id = a.id) ORDER BY a.seq`,
      scope.id,
    )
    excerptIds = pluck(
      `SELECT target_id FROM note_links WHERE note_id = ? AND target_type = 'excerpt'`,
      scope.id,
    )
  }

  const articleRows = db
    .prepare(`SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`)
    .all(ids(articleIds)) as ArticleContentRow[]
  const sectionRows = db
    .prepare(
      `SELECT * FROM sections WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, ordinal`,
    )
    .all(ids(articleIds)) as SectionContentRow[]
  const sectionsByArticle = new Map<string, SectionRecord[]>()
  for (const s of sectionRows) {
    const list = sectionsByArticle.get(s.article_id) ?? []
    list.push({
      id: s.id,
      ordinal: s.ordinal,
      kind: s.kind,
      baseKind: s.base_kind,
      level: s.level,
      text: s.text,
      start: s.start_offset,
      end: s.end_offset,
      quarantineReason: s.quarantine_reason,
      page: s.page ?? null,
      role: s.role ?? null,
      layout: readLayout(s.layout ?? null, s.text.length),
    })
    sectionsByArticle.set(s.article_id, list)
  }
  const versionRows = db
    .prepare(
      `SELECT article_id, number, format, source_format, text, content_html, content_hash, imported_at, sections
       FROM versions WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, number`,
    )
    .all(ids(articleIds)) as VersionContentRow[]
  const versionsByArticle = new Map<string, VersionRecord[]>()
  for (const v of versionRows) {
    const list = versionsByArticle.get(v.article_id) ?? []
    list.push({
      number: v.number,
      format: v.format,
      sourceFormat: v.source_format,
      text: v.text,
      contentHtml: v.content_html,
      contentHash: v.content_hash,
      importedAt: v.imported_at,
      sections: (JSON.parse(v.sections) as VersionSectionRecord[]).map((s) => ({
        id: s.id,
        ordinal: s.ordinal,
        kind: s.kind,
        level: s.level ?? null,
        start: s.start,
        end: s.end,
        page: s.page ?? null,
        ...(s.layout ? { layout: s.layout } : {}),
      })),
    })
    versionsByArticle.set(v.article_id, list)
  }
  const mediaByArticle = new Map<string, MediaRecord[]>()
  for (const m of db
    .prepare(
      `SELECT article_id, id, mime, sha256, bytes FROM media WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    )
    .all(ids(articleIds)) as Array<{
    article_id: string
    id: string
    mime: PictureMime
    sha256: string
    bytes: Buffer
  }>) {
    const list = mediaByArticle.get(m.article_id) ?? []
    list.push({ id: m.id, mime: m.mime, sha256: m.sha256, base64: m.bytes.toString('base64') })
    mediaByArticle.set(m.article_id, list)
  }
  const corrections = new Map<string, QuoteCorrectionRecord[]>()
  for (const c of db
    .prepare(
      `SELECT * FROM quote_corrections WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, quote_key`,
    )
    .all(ids(articleIds)) as Array<{
    article_id: string
    quote_key: string
    speaker_kind: QuoteSpeaker['kind']
    speaker_name: string | null
    speaker_description: string | null
    corrected_at: string
  }>) {
    const speaker = { kind: c.speaker_kind, name: c.speaker_name, description: c.speaker_description }
    const list = corrections.get(c.article_id) ?? []
    list.push({ quoteKey: c.quote_key, speaker, correctedAt: c.corrected_at })
    corrections.set(c.article_id, list)
  }
  const articles: ArticleRecord[] = articleRows.map((a) => ({
    id: a.id,
    title: a.title,
    format: a.format,
    sourceFormat: a.source_format ?? a.format,
    sourcePath: a.source_path,
    sourceUrl: a.source_url,
    byline: a.byline,
    publishedAt: a.published_at,
    importedAt: a.imported_at,
    contentHash: a.content_hash,
    text: a.text,
    contentHtml: a.content_html,
    sections: sectionsByArticle.get(a.id) ?? [],
    version: a.version,
    versionImportedAt: a.version_imported_at,
    versions: versionsByArticle.get(a.id) ?? [],
    ...(mediaByArticle.has(a.id) ? { media: mediaByArticle.get(a.id) } : {}),
    ...(corrections.has(a.id) ? { quoteCorrections: corrections.get(a.id) } : {}),
  }))

  const excerptSelect = `
    SELECT e.id, e.article_id, e.section_id, s.ordinal AS section_ordinal, e.exact, e.prefix, e.suffix,
      e.start_offset, e.end_offset, e.color, e.comment, e.anchor_status, e.verbatim, e.created_at, e.updated_at, e.deleted_at,
      e.reviewed_at, s.kind = 'quarantined' AS hidden,
      -- a quotation's speaker (the research analysis, schema 7), for "— Bruce Klingner, in Title, ¶10"
      (SELECT q.speaker_name FROM quotes q WHERE q.article_id = e.article_id AND q.speaker_name IS NOT NULL
        AND q.start_offset < e.end_offset AND q.end_offset > e.start_offset ORDER BY q.start_offset LIMIT 1) AS speaker
    FROM excerpts e JOIN sections s ON s.id = e.section_id WHERE e.deleted_at IS NULL`
  const readExcerpts = (rows: ExcerptContentRow[]): ExcerptRecord[] => {
    const tagRows = db
      .prepare(
        `SELECT et.excerpt_id, t.id, t.name, t.color FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id
         WHERE et.excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
      )
      .all(ids(rows.map((r) => r.id))) as Array<TagRef & { excerpt_id: string }>
    const tagsOf = new Map<string, TagRef[]>()
    for (const { excerpt_id, ...tag } of tagRows) {
      const list = tagsOf.get(excerpt_id) ?? []
      list.push(tag)
      tagsOf.set(excerpt_id, list)
    }
    return rows.map(({ hidden, reviewed_at, speaker, ...row }) => ({
      ...toExcerpt(row, tagsOf.get(row.id) ?? []),
      hidden: hidden === 1,
      reviewedAt: reviewed_at,
      speaker,
    }))
  }
  const excerpts = readExcerpts(
    excerptIds === null
      ? (db
          .prepare(`${excerptSelect} AND e.article_id IN (SELECT value FROM json_each(?)) ORDER BY e.seq`)
          .all(ids(articleIds)) as ExcerptContentRow[])
      : (db
          .prepare(`${excerptSelect} AND e.id IN (SELECT value FROM json_each(?)) ORDER BY e.seq`)
          .all(ids(excerptIds)) as ExcerptContentRow[]),
  )

  const noteRows = db
    .prepare(
      `SELECT id, title, content, text, created_at, updated_at FROM notes WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    )
    .all(ids(noteIds)) as NoteContentRow[]
  const notes: NoteRecord[] = noteRows.map((n) => ({
    id: n.id,
    title: n.title,
    content: JSON.parse(n.content) as SerializedEditorState,
    text: n.text,
    createdAt: n.created_at,
    updatedAt: n.updated_at,
  }))
  const noteLinks = (
    db
      .prepare(
        `SELECT l.note_id, l.target_type, l.target_id, l.article_id FROM note_links l JOIN notes n ON n.id = l.note_id
         WHERE l.note_id IN (SELECT value FROM json_each(?)) ORDER BY n.seq, l.target_type DESC, l.target_id`,
      )
      .all(ids(noteIds)) as Array<{
      note_id: string
      target_type: 'section' | 'excerpt'
      target_id: string
      article_id: string
    }>
  ).map((l): NoteLink => ({
    noteId: l.note_id,
    targetType: l.target_type,
    targetId: l.target_id,
    articleId: l.article_id,
  }))

  // tags: all of them for the notebook; otherwise those the excerpts carry, with their parents
  let tags: TagRecord[]
  const allTags = (
    db.prepare(`SELECT id, name, color, created_at FROM tags ORDER BY seq`).all() as Array<{
      id: string
      name: string
      color: string | null
      created_at: string
    }>
  ).map((t): TagRecord => ({ id: t.id, name: t.name, color: t.color, createdAt: t.created_at }))
  if (scope.kind === 'notebook') {
    tags = allTags
  } else {
    const wanted = new Set<string>()
    for (const e of excerpts) {
      for (const t of e.tags) {
        const parts = t.name.split('/')
        for (let i = 1; i <= parts.length; i++) wanted.add(parts.slice(0, i).join('/').toLowerCase())
      }
    }
    tags = allTags.filter((t) => wanted.has(t.name.toLowerCase()))
  }

  const articleTitles = new Map(
    (db.prepare(`SELECT id, title FROM articles`).all() as Array<{ id: string; title: string }>).map((a) => [
      a.id,
      a.title,
    ]),
  )
  const citedIds = [...new Set(noteLinks.filter((l) => l.targetType === 'excerpt').map((l) => l.targetId))]
  const inScope = new Map(excerpts.map((e) => [e.id, e]))
  const missing = citedIds.filter((id) => !inScope.has(id))
  const extra =
    missing.length === 0
      ? []
      : readExcerpts(
          db
            .prepare(`${excerptSelect} AND e.id IN (SELECT value FROM json_each(?))`)
            .all(ids(missing)) as ExcerptContentRow[],
        )
  const citedExcerpts = new Map<string, ExcerptRecord>()
  for (const id of citedIds) {
    const found = inScope.get(id) ?? extra.find((e) => e.id === id)
    if (found) citedExcerpts.set(id, found)
  }

  return {
    scope,
    exportedAt: options.exportedAt ?? now(),
    articles,
    excerpts,
    tags,
    notes,
    noteLinks,
    articleTitles,
    citedExcerpts,
  }
}
