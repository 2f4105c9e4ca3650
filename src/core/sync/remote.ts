/**
 * Yjs → local: entries that changed in the notebook document are written to SQLite (the caller
 * runs each batch in one transaction, with the update that carried it). FTS follows by the
 * tables' triggers; a note's text and links are derived from its body as every save does.
 * An entry whose article, section, excerpt or tag has not arrived yet, or whose tag name or
 * article text is here under another id, is left pending with the reason.
 */
import { emptyNoteContent } from '../../shared/notes/schema'
import { sniffPicture } from '../import/pictures'
import { sanitizeHtml } from '../import/sanitize'
import { deriveNoteIndex } from '../notes/derive'
import type { Db } from '../store/open'
import { now } from '../store/clock'
import { currentComment, field, isPurged, splitTagLink, type CommentEntry, type NotebookDoc } from './doc'
import type { ArticleBlob, VersionEntry } from './local'
import type * as Y from 'yjs'

/** null when applied; else why it waits */
export type Applied = string | null

export interface ApplyHooks {
  /** a note body's content as it arrived (null while it has not) */
  bodyOf(noteId: string): unknown | null
  /** an article's text was replaced by a new version (caches of it must go) */
  textChanged(articleId: string): void
}

export function createApply(db: Db, nd: NotebookDoc, hooks: ApplyHooks) {
  const has = (table: string) => db.prepare<[string], number>(`SELECT 1 FROM ${table} WHERE id = ?`).pluck()
  const articleHere = has('articles')
  const sectionHere = has('sections')
  const excerptHere = has('excerpts')
  const tagHere = has('tags')
  const noteHere = has('notes')
  const articleByHash = db.prepare<[string], string>(`SELECT id FROM articles WHERE content_hash = ?`).pluck()
  const tagByName = db
    .prepare<[string, string], string>(`SELECT name FROM tags WHERE name = ? COLLATE NOCASE AND id != ?`)
    .pluck()
  const articleUsed = db
    .prepare<[string, string], number>(
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM excerpts WHERE article_id = ?) OR EXISTS (SELECT 1 FROM note_links WHERE article_id = ?)`,
    )
    .pluck()
  /** local articles that gave way to the same text arriving under a smaller id */
  const replaced: string[] = []
  const remove = (table: string) => db.prepare(`DELETE FROM ${table} WHERE id = ?`)
  const removeArticle = remove('articles')
  const removeExcerpt = remove('excerpts')
  const removeTag = remove('tags')
  const removeNote = remove('notes')

  const insertArticle = db.prepare(`
    INSERT INTO articles (id, title, format, source_format, source_path, source_url, byline, published_at, imported_at,
      content_hash, text, content_html, version, version_imported_at, deleted_at)
    VALUES (@id, @title, @format, @sourceFormat, @sourcePath, @sourceUrl, @byline, @publishedAt, @importedAt,
      @contentHash, @text, @contentHtml, @version, @versionImportedAt, @deletedAt)`)
  const updateArticle = db.prepare(`
    UPDATE articles SET title = @title, source_path = @sourcePath, source_url = @sourceUrl, byline = @byline,
      published_at = @publishedAt, deleted_at = @deletedAt WHERE id = @id`)
  const insertSection = db.prepare(`
    INSERT INTO sections (id, article_id, ordinal, kind, base_kind, level, text, start_offset, end_offset, quarantine_reason, page, role, layout)
    VALUES (@id, @articleId, @ordinal, @kind, @baseKind, @level, @text, @start, @end, @reason, @page, @role, @layout)`)
  const insertMedia = db.prepare(`
    INSERT INTO media (id, article_id, mime, sha256, byte_length, bytes) VALUES (@id, @articleId, @mime, @sha256, @byteLength, @bytes)
    ON CONFLICT DO NOTHING`)
  /** a blob's sections as rows of this article (hidden as the document says) */
  const sectionValues = (articleId: string, blob: ArticleBlob, hidden: Record<string, string> | undefined) =>
    blob.sections.map((s) => {
      const reason = hidden?.[s.id]
      return {
        id: s.id,
        articleId,
        ordinal: s.ordinal,
        kind: reason === undefined ? s.kind : 'quarantined',
        baseKind: s.kind,
        level: s.level,
        text: blob.text.slice(s.start, s.end),
        start: s.start,
        end: s.end,
        reason: reason ? reason : null,
        page: s.page,
        role: s.role ?? null,
        layout: s.layout === undefined || s.layout === null ? null : JSON.stringify(s.layout),
      }
    })
  /** the pictures the blob's layouts name, with their ids (bytes that are not the picture they say are left out) */
  const storeMedia = (articleId: string, blob: ArticleBlob) => {
    for (const m of blob.media ?? []) {
      const bytes = Buffer.from(m.base64, 'base64')
      if (sniffPicture(bytes) !== m.mime) continue
      insertMedia.run({
        id: m.id,
        articleId,
        mime: m.mime,
        sha256: m.sha256,
        byteLength: bytes.byteLength,
        bytes,
      })
    }
  }
  const sectionsState = db.prepare<
    [string],
    { id: string; kind: string; base_kind: string; reason: string | null }
  >(`SELECT id, kind, base_kind, quarantine_reason AS reason FROM sections WHERE article_id = ?`)
  const setSectionState = db.prepare(`UPDATE sections SET kind = ?, quarantine_reason = ? WHERE id = ?`)

  const currentVersion = db.prepare<
    [string],
    {
      content_hash: string
      version: number
      text: string
      content_html: string | null
      format: string
      source_format: string | null
    }
  >(`SELECT content_hash, version, text, content_html, format, source_format FROM articles WHERE id = ?`)
  const versionNumbers = db
    .prepare<[string], number>(`SELECT number FROM versions WHERE article_id = ?`)
    .pluck()
  const insertVersion = db.prepare(`
    INSERT INTO versions (article_id, number, format, source_format, text, content_html, content_hash, imported_at, text_length, sections)
    VALUES (@articleId, @number, @format, @sourceFormat, @text, @contentHtml, @contentHash, @importedAt, @textLength, @sections)`)
  const storedSections = db.prepare<[string], ArticleBlob['sections'][number] & { layout: string | null }>(`
    SELECT id, ordinal, kind, level, start_offset AS start, end_offset AS "end", page, layout FROM sections
    WHERE article_id = ? ORDER BY ordinal`)
  const sectionTexts = db.prepare<[string], { id: string; text: string }>(
    `SELECT id, text FROM sections WHERE article_id = ?`,
  )
  const negateOrdinals = db.prepare(`UPDATE sections SET ordinal = -ordinal WHERE article_id = ?`)
  // setting `text` fires the search index's trigger: only a changed text is set (as versions.ts does)
  const moveSection = db.prepare(`
    UPDATE sections SET ordinal = @ordinal, kind = @kind, base_kind = @baseKind, level = @level,
      start_offset = @start, end_offset = @end, quarantine_reason = @reason, page = @page, role = @role,
      layout = @layout WHERE id = @id`)
  const moveSectionText = db.prepare(`
    UPDATE sections SET ordinal = @ordinal, kind = @kind, base_kind = @baseKind, level = @level,
      start_offset = @start, end_offset = @end, quarantine_reason = @reason, page = @page, role = @role,
      layout = @layout, text = @text WHERE id = @id`)
  const deleteSection = db.prepare(`DELETE FROM sections WHERE id = ?`)
  const excerptsOfArticle = db
    .prepare<[string], string>(`SELECT id FROM excerpts WHERE article_id = ?`)
    .pluck()
  const setVersion = db.prepare(`
    UPDATE articles SET text = @text, content_html = @contentHtml, content_hash = @contentHash, format = @format,
      source_format = @sourceFormat, version = @version, version_imported_at = @versionImportedAt WHERE id = @id`)

  const excerptComment = db.prepare<[string], string>(`SELECT comment FROM excerpts WHERE id = ?`).pluck()
  const upsertExcerpt = db.prepare(`
    INSERT INTO excerpts (id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment,
      anchor_status, verbatim, reviewed_at, created_at, updated_at, deleted_at)
    VALUES (@id, @articleId, @sectionId, @exact, @prefix, @suffix, @start, @end, @color, @comment,
      @anchorStatus, @verbatim, @reviewedAt, @createdAt, @updatedAt, @deletedAt)
    ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, section_id = excluded.section_id,
      exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix, start_offset = excluded.start_offset,
      end_offset = excluded.end_offset, color = excluded.color, comment = excluded.comment,
      anchor_status = excluded.anchor_status, verbatim = excluded.verbatim, reviewed_at = excluded.reviewed_at,
      created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`)
  const keepReplaced = db.prepare(
    `INSERT INTO sync_replaced_comments (excerpt_id, text, written_at, replaced_at) VALUES (?, ?, ?, ?)`,
  )

  const upsertTag = db.prepare(`
    INSERT INTO tags (id, name, color, created_at) VALUES (@id, @name, @color, @createdAt)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color`)
  const addLink = db.prepare(`INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)`)
  const removeLink = db.prepare(`DELETE FROM excerpt_tags WHERE excerpt_id = ? AND tag_id = ?`)

  const insertNote = db.prepare(`
    INSERT INTO notes (id, title, content, text, created_at, updated_at, deleted_at)
    VALUES (@id, @title, @content, @text, @createdAt, @updatedAt, @deletedAt)`)
  const updateNoteMeta = db.prepare(`
    UPDATE notes SET title = @title, created_at = @createdAt, updated_at = @updatedAt, deleted_at = @deletedAt WHERE id = @id`)
  const updateNoteBody = db.prepare(`UPDATE notes SET content = ?, text = ? WHERE id = ?`)
  const clearLinks = db.prepare(`DELETE FROM note_links WHERE note_id = ?`)
  const addNoteLink = db.prepare(
    `INSERT OR IGNORE INTO note_links (note_id, target_type, target_id, article_id) VALUES (?, ?, ?, ?)`,
  )

  function article(id: string): Applied {
    const m = nd.articles.get(id)
    if (!m || isPurged(m)) {
      removeArticle.run(id)
      return null
    }
    const hidden = (m.get('hidden') as Y.Map<string> | undefined)?.toJSON() as
      Record<string, string> | undefined
    const meta = {
      id,
      title: field(m, 'title'),
      sourcePath: field(m, 'sourcePath'),
      sourceUrl: field(m, 'sourceUrl'),
      byline: field(m, 'byline'),
      publishedAt: field(m, 'publishedAt'),
      deletedAt: field(m, 'deletedAt'),
    }
    if (articleHere.get(id)) {
      const local = currentVersion.get(id)!
      if (
        field(m, 'contentHash') !== local.content_hash &&
        (field<number | null>(m, 'version') ?? 1) > local.version
      ) {
        const why = newVersion(id, m, local, hidden ?? {})
        if (why) return why
      }
      updateArticle.run(meta)
      for (const s of sectionsState.all(id)) {
        const reason = hidden?.[s.id]
        const kind = reason === undefined ? s.base_kind : 'quarantined'
        const wanted = reason === undefined ? null : reason || null
        if (s.kind !== kind || s.reason !== wanted) setSectionState.run(kind, wanted, s.id)
      }
      return null
    }
    const hash = field<string>(m, 'contentHash')
    const raw = nd.blobs.get(hash)
    if (!raw) return 'its text has not arrived'
    const unseen = versionsOf(m).find((v) => !nd.blobs.has(v.contentHash))
    if (unseen) return `the text of its version ${unseen.number} has not arrived`
    const twin = articleByHash.get(hash)
    if (twin) {
      // the same text imported on both sides (each new notebook imports the sample): the copy
      // with the larger id gives way while nothing points at it, so both sides keep the other
      if (twin < id || articleUsed.get(twin, twin)) return `the same text is here as article ${twin}`
      removeArticle.run(twin)
      replaced.push(twin)
    }
    const blob = JSON.parse(raw) as ArticleBlob
    insertArticle.run({
      ...meta,
      format: field(m, 'format'),
      sourceFormat: field(m, 'sourceFormat'),
      importedAt: field(m, 'importedAt'),
      contentHash: hash,
      text: blob.text,
      contentHtml: blob.contentHtml === null ? null : sanitizeHtml(blob.contentHtml),
      version: field<number | null>(m, 'version') ?? 1,
      versionImportedAt: field(m, 'versionImportedAt'),
    })
    storeMedia(id, blob)
    for (const values of sectionValues(id, blob, hidden)) insertSection.run(values)
    return pastVersions(id, m, null)
  }

  const versionsOf = (m: Y.Map<unknown>) =>
    JSON.parse(field<string | null>(m, 'versions') ?? '[]') as VersionEntry[]

  /** The versions the article had before its current one that are not here yet (null, or why they wait). */
  function pastVersions(
    id: string,
    m: Y.Map<unknown>,
    local: NonNullable<ReturnType<typeof currentVersion.get>> | null,
  ): Applied {
    const have = new Set(versionNumbers.all(id))
    const past = versionsOf(m).filter((v) => !have.has(v.number))
    const fromHere = (v: VersionEntry) => local !== null && v.contentHash === local.content_hash
    const unseen = past.find((v) => !fromHere(v) && !nd.blobs.has(v.contentHash))
    if (unseen) return `the text of its version ${unseen.number} has not arrived`
    for (const v of past) {
      const body: ArticleBlob = fromHere(v)
        ? {
            text: local!.text,
            contentHtml: local!.content_html,
            sections: storedSections
              .all(id)
              .map((s) => ({ ...s, layout: s.layout === null ? null : (JSON.parse(s.layout) as unknown) })),
          }
        : (JSON.parse(nd.blobs.get(v.contentHash)!) as ArticleBlob)
      insertVersion.run({
        articleId: id,
        number: v.number,
        format: v.format,
        sourceFormat: v.sourceFormat,
        text: body.text,
        contentHtml: body.contentHtml,
        contentHash: v.contentHash,
        importedAt: v.importedAt,
        textLength: body.text.length,
        sections: JSON.stringify(
          // as versions.ts stores them: the layout (an object) only where there is one
          body.sections.map(({ id, ordinal, kind, level, start, end, page, layout }) => ({
            id,
            ordinal,
            kind,
            level,
            start,
            end,
            page,
            ...(layout ? { layout } : {}),
          })),
        ),
      })
    }
    return null
  }

  /**
   * The article's new version, made elsewhere: the version it replaces into `versions` (from here,
   * as the other side stored it; versions never seen here from their blobs), its sections as the
   * blob has them (those that continue keep their ids), its excerpts re-placed as the other side
   * re-anchored them (they arrive with it), then the sections no longer there removed.
   */
  function newVersion(
    id: string,
    m: Y.Map<unknown>,
    local: NonNullable<ReturnType<typeof currentVersion.get>>,
    hidden: Record<string, string>,
  ): Applied {
    const hash = field<string>(m, 'contentHash')
    const raw = nd.blobs.get(hash)
    if (!raw) return `the text of its version ${field<number>(m, 'version')} has not arrived`
    const why = pastVersions(id, m, local)
    if (why) return why

    const blob = JSON.parse(raw) as ArticleBlob
    const before = new Map(sectionTexts.all(id).map((s) => [s.id, s.text]))
    negateOrdinals.run(id)
    storeMedia(id, blob)
    for (const values of sectionValues(id, blob, hidden)) {
      const old = before.get(values.id)
      if (old === undefined) insertSection.run(values)
      else (old === values.text ? moveSection : moveSectionText).run(values)
    }
    // excerpts onto the new sections before the old ones go (removing a section removes its excerpts)
    for (const excerptId of excerptsOfArticle.all(id)) if (nd.excerpts.has(excerptId)) excerpt(excerptId)
    const kept = new Set(blob.sections.map((s) => s.id))
    for (const sectionId of before.keys()) if (!kept.has(sectionId)) deleteSection.run(sectionId)
    setVersion.run({
      id,
      text: blob.text,
      contentHtml: blob.contentHtml === null ? null : sanitizeHtml(blob.contentHtml),
      contentHash: hash,
      format: field(m, 'format'),
      sourceFormat: field(m, 'sourceFormat'),
      version: field<number>(m, 'version'),
      versionImportedAt: field(m, 'versionImportedAt'),
    })
    hooks.textChanged(id)
    return null
  }

  function excerpt(id: string): Applied {
    const m = nd.excerpts.get(id)
    if (!m || isPurged(m)) {
      removeExcerpt.run(id)
      return null
    }
    const articleId = field<string>(m, 'articleId')
    const sectionId = field<string>(m, 'sectionId')
    if (!articleHere.get(articleId)) return `its article ${articleId} has not arrived`
    if (!sectionHere.get(sectionId)) return `its section ${sectionId} is not in this version of the article`
    const comment = currentComment(m)
    const before = excerptComment.get(id)
    if (before !== undefined && before !== comment.text && before !== '')
      keepIfConcurrent(id, m, before, comment.index)
    upsertExcerpt.run({
      id,
      articleId,
      sectionId,
      exact: field(m, 'exact'),
      prefix: field(m, 'prefix'),
      suffix: field(m, 'suffix'),
      start: field(m, 'start'),
      end: field(m, 'end'),
      color: field(m, 'color'),
      comment: comment.text,
      anchorStatus: field(m, 'anchorStatus'),
      verbatim: field<number | null>(m, 'verbatim') ?? 1,
      reviewedAt: field(m, 'reviewedAt'),
      createdAt: field(m, 'createdAt'),
      updatedAt: field(m, 'updatedAt'),
      deletedAt: field(m, 'deletedAt'),
    })
    return null
  }

  /** The text shown here is replaced by an entry written without knowing it: keep it to recover. */
  function keepIfConcurrent(id: string, m: Y.Map<unknown>, before: string, winner: number): void {
    const list = (m.get('comments') as Y.Array<CommentEntry>).toArray()
    const ours = list.findLastIndex((e) => e.text === before)
    if (ours >= 0 && list[winner]!.seen <= ours) keepReplaced.run(id, before, list[ours]!.at, now())
  }

  function tag(id: string): Applied {
    const m = nd.tags.get(id)
    if (!m) {
      removeTag.run(id)
      return null
    }
    const name = field<string>(m, 'name')
    const clash = tagByName.get(name, id)
    if (clash) return `the tag name "${clash}" is taken here by another tag`
    upsertTag.run({ id, name, color: field(m, 'color'), createdAt: field(m, 'createdAt') })
    return null
  }

  function tagLink(key: string): Applied {
    const [excerptId, tagId] = splitTagLink(key)
    if (!nd.tagLinks.has(key)) {
      removeLink.run(excerptId, tagId)
      return null
    }
    if (!excerptHere.get(excerptId)) return `its excerpt ${excerptId} has not arrived`
    if (!tagHere.get(tagId)) return `its tag ${tagId} has not arrived`
    addLink.run(excerptId, tagId)
    return null
  }

  function writeBody(id: string, content: unknown): void {
    const index = deriveNoteIndex(content)
    updateNoteBody.run(JSON.stringify(index.content), index.text, id)
    clearLinks.run(id)
    for (const l of index.links) addNoteLink.run(id, l.targetType, l.targetId, l.articleId)
  }

  function note(id: string): Applied {
    const m = nd.notes.get(id)
    if (!m || isPurged(m)) {
      removeNote.run(id)
      return null
    }
    const meta = {
      id,
      title: field<string | null>(m, 'title') ?? '',
      createdAt: field(m, 'createdAt'),
      updatedAt: field(m, 'updatedAt'),
      deletedAt: field(m, 'deletedAt'),
    }
    if (noteHere.get(id)) {
      updateNoteMeta.run(meta)
      return null
    }
    const empty = emptyNoteContent()
    insertNote.run({ ...meta, content: JSON.stringify(empty), text: '' })
    writeBody(id, hooks.bodyOf(id) ?? empty)
    return null
  }

  return {
    /** the local copies removed since the last call (the caller removes them from the document) */
    takeReplaced: (): string[] => replaced.splice(0),
    article,
    excerpt,
    tag,
    tagLink,
    note,
    /** a note body changed: its content, text and links (nothing until its note has arrived) */
    noteBody(id: string, content: unknown): void {
      if (noteHere.get(id)) writeBody(id, content)
    },
  }
}

export type Apply = ReturnType<typeof createApply>
