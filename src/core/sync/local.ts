/**
 * Local → Yjs: what SQLite holds is written into the notebook document, field by field, only
 * where it differs (an unchanged row writes nothing). Runs after each local write and once when
 * sync starts (catching up writes made while it was off, e.g. by the CLI).
 */
import * as Y from 'yjs'
import type { Db } from '../store/open'
import { now } from '../store/clock'
import {
  currentComment,
  entity,
  field,
  markPurged,
  splitTagLink,
  tagLinkKey,
  type CommentEntry,
  type NotebookDoc,
} from './doc'

export interface Bodies {
  /** Make the note's body this content (a new note's body is seeded by the side that introduces it) */
  write(noteId: string, content: string): void
  remove(noteId: string): void
}

export interface PushOptions {
  /** entries in the document and not in SQLite were deleted here: remove them (except these) */
  keep: ReadonlySet<string>
}

interface ArticleMetaRow {
  id: string
  title: string
  format: string
  source_format: string | null
  source_path: string | null
  source_url: string | null
  byline: string | null
  published_at: string | null
  imported_at: string
  content_hash: string
  version: number
  version_imported_at: string | null
  deleted_at: string | null
}

interface ExcerptSyncRow {
  id: string
  article_id: string
  section_id: string
  exact: string
  prefix: string
  suffix: string
  start_offset: number
  end_offset: number
  color: string
  comment: string
  anchor_status: string
  verbatim: number
  reviewed_at: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** A version an article had before its current one (its text is the blob of its hash). */
export interface VersionEntry {
  number: number
  format: string
  sourceFormat: string | null
  contentHash: string
  importedAt: string
}

/** What an article version's blob holds: its text, how it was cut into sections, and its pictures. */
export interface ArticleBlob {
  text: string
  contentHtml: string | null
  sections: Array<{
    id: string
    ordinal: number
    kind: 'heading' | 'paragraph'
    level: number | null
    start: number
    end: number
    page: number | null
    role?: 'caption' | null
    /** its structure over its text (schema 10), as the versions table keeps it: parsed */
    layout?: unknown
  }>
  /** the article's pictures when the blob was made, which the layouts name by id (absent in a past version's) */
  media?: Array<{ id: string; mime: string; sha256: string; base64: string }>
}

function removeMissing(
  map: { keys(): IterableIterator<string>; delete(k: string): void },
  present: Set<string>,
  keep: ReadonlySet<string>,
): void {
  for (const id of [...map.keys()]) if (!present.has(id) && !keep.has(id)) map.delete(id)
}

/** Articles, excerpts and notes leave SQLite only when the trash is emptied: mark them purged (./doc.ts). */
function markMissing(
  map: Y.Map<Y.Map<unknown>>,
  present: Set<string>,
  keep: ReadonlySet<string>,
  purged?: (id: string) => void,
): void {
  const at = now()
  for (const [id, entry] of map) {
    if (present.has(id) || keep.has(id)) continue
    markPurged(entry, at)
    purged?.(id)
  }
}

export function createPush(db: Db, nd: NotebookDoc, bodies: Bodies) {
  // each read for every article, or one (@only)
  type Only = { only: string | null }
  const articleRows = db.prepare<Only, ArticleMetaRow>(`
    SELECT id, title, format, source_format, source_path, source_url, byline, published_at, imported_at,
      content_hash, version, version_imported_at, deleted_at FROM articles WHERE @only IS NULL OR id = @only`)
  const articleBody = db.prepare<[string], { text: string; content_html: string | null }>(
    `SELECT text, content_html FROM articles WHERE id = ?`,
  )
  const sectionsOf = db.prepare<[string], ArticleBlob['sections'][number] & { layout: string | null }>(`
    SELECT id, ordinal, base_kind AS kind, level, start_offset AS start, end_offset AS "end", page, role, layout
    FROM sections WHERE article_id = ? ORDER BY ordinal`)
  const mediaOf = db.prepare<[string], { id: string; mime: string; sha256: string; bytes: Buffer }>(
    `SELECT id, mime, sha256, bytes FROM media WHERE article_id = ? ORDER BY seq`,
  )
  const versionRows = db.prepare<
    Only,
    {
      article_id: string
      number: number
      format: string
      source_format: string | null
      content_hash: string
      imported_at: string
    }
  >(
    `SELECT article_id, number, format, source_format, content_hash, imported_at FROM versions
    WHERE @only IS NULL OR article_id = @only ORDER BY article_id, number`,
  )
  const versionBody = db.prepare<
    [string, number],
    { text: string; content_html: string | null; sections: string }
  >(`SELECT text, content_html, sections FROM versions WHERE article_id = ? AND number = ?`)
  const hiddenRows = db.prepare<Only, { article_id: string; id: string; reason: string }>(
    `SELECT article_id, id, coalesce(quarantine_reason, '') AS reason FROM sections
    WHERE kind = 'quarantined' AND (@only IS NULL OR article_id = @only)`,
  )
  const excerptColumns = `SELECT id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment,
      anchor_status, verbatim, reviewed_at, created_at, updated_at, deleted_at FROM excerpts`
  const excerptRows = db.prepare<[], ExcerptSyncRow>(excerptColumns)
  const excerptRow = db.prepare<[string], ExcerptSyncRow>(`${excerptColumns} WHERE id = ?`)
  const excerptsOfArticle = db.prepare<[string], ExcerptSyncRow>(`${excerptColumns} WHERE article_id = ?`)
  const tagRows = db.prepare<[], { id: string; name: string; color: string | null; created_at: string }>(
    `SELECT id, name, color, created_at FROM tags`,
  )
  const linkRows = db.prepare<[], { excerpt_id: string; tag_id: string }>(
    `SELECT excerpt_id, tag_id FROM excerpt_tags`,
  )
  const linksOf = db.prepare<[string], { excerpt_id: string; tag_id: string }>(
    `SELECT excerpt_id, tag_id FROM excerpt_tags WHERE excerpt_id = ?`,
  )
  const noteColumns = `SELECT id, title, created_at, updated_at, deleted_at FROM notes`
  const noteRows = db.prepare<[], NoteMetaRow>(noteColumns)
  const noteRow = db.prepare<[string], NoteMetaRow>(`${noteColumns} WHERE id = ?`)
  const noteContent = db.prepare<[string], string>(`SELECT content FROM notes WHERE id = ?`).pluck()
  const notesLinkedTo = db
    .prepare<[string], string>(`SELECT DISTINCT note_id FROM note_links WHERE article_id = ?`)
    .pluck()

  /** every article (entries gone from SQLite marked purged), or only this one */
  function articles({ keep }: PushOptions, only: string | null = null): void {
    const hidden = new Map<string, Map<string, string>>()
    for (const h of hiddenRows.all({ only })) {
      const of = hidden.get(h.article_id) ?? new Map<string, string>()
      of.set(h.id, h.reason)
      hidden.set(h.article_id, of)
    }
    const past = new Map<string, VersionEntry[]>()
    for (const v of versionRows.all({ only })) {
      const of = past.get(v.article_id) ?? []
      of.push({
        number: v.number,
        format: v.format,
        sourceFormat: v.source_format,
        contentHash: v.content_hash,
        importedAt: v.imported_at,
      })
      past.set(v.article_id, of)
      if (!nd.blobs.has(v.content_hash)) {
        const body = versionBody.get(v.article_id, v.number)!
        const blob: ArticleBlob = {
          text: body.text,
          contentHtml: body.content_html,
          sections: JSON.parse(body.sections) as ArticleBlob['sections'],
        }
        nd.blobs.set(v.content_hash, JSON.stringify(blob))
      }
    }
    const present = new Set<string>()
    for (const a of articleRows.all({ only })) {
      present.add(a.id)
      // one that arrived and waits (its new version's text) is not written back over
      if (keep.has(a.id)) continue
      if (!nd.blobs.has(a.content_hash)) {
        const body = articleBody.get(a.id)!
        const blob: ArticleBlob = {
          text: body.text,
          contentHtml: body.content_html,
          sections: sectionsOf
            .all(a.id)
            .map((s) => ({ ...s, layout: s.layout === null ? null : (JSON.parse(s.layout) as unknown) })),
          media: mediaOf.all(a.id).map((m) => ({
            id: m.id,
            mime: m.mime,
            sha256: m.sha256,
            base64: m.bytes.toString('base64'),
          })),
        }
        nd.blobs.set(a.content_hash, JSON.stringify(blob))
      }
      if (!nd.articles.has(a.id)) nd.articles.set(a.id, new Y.Map<unknown>([['hidden', new Y.Map()]]))
      const map = entity(nd.articles, a.id, {
        title: a.title,
        format: a.format,
        sourceFormat: a.source_format,
        sourcePath: a.source_path,
        sourceUrl: a.source_url,
        byline: a.byline,
        publishedAt: a.published_at,
        importedAt: a.imported_at,
        contentHash: a.content_hash,
        version: a.version,
        versionImportedAt: a.version_imported_at,
        deletedAt: a.deleted_at,
        versions: JSON.stringify(past.get(a.id) ?? []),
      })
      syncHidden(map, hidden.get(a.id) ?? new Map())
    }
    if (only === null) markMissing(nd.articles, present, keep)
  }

  function syncHidden(article: Y.Map<unknown>, hidden: Map<string, string>): void {
    const map = article.get('hidden') as Y.Map<string>
    for (const [id, reason] of hidden) if (map.get(id) !== reason) map.set(id, reason)
    for (const id of [...map.keys()]) if (!hidden.has(id)) map.delete(id)
  }

  function excerpt(e: ExcerptSyncRow): void {
    // nested types are made with their entry: made later on two sides at once, one would be lost
    if (!nd.excerpts.has(e.id)) nd.excerpts.set(e.id, new Y.Map<unknown>([['comments', new Y.Array()]]))
    const map = entity(nd.excerpts, e.id, {
      articleId: e.article_id,
      sectionId: e.section_id,
      exact: e.exact,
      prefix: e.prefix,
      suffix: e.suffix,
      start: e.start_offset,
      end: e.end_offset,
      color: e.color,
      anchorStatus: e.anchor_status,
      verbatim: e.verbatim,
      reviewedAt: e.reviewed_at,
      createdAt: e.created_at,
      updatedAt: e.updated_at,
      deletedAt: e.deleted_at,
    })
    if (currentComment(map).text !== e.comment) {
      const list = map.get('comments') as Y.Array<CommentEntry>
      list.push([{ text: e.comment, at: e.updated_at, by: nd.doc.clientID, seen: list.length }])
    }
  }

  function excerpts({ keep }: PushOptions): void {
    const present = new Set<string>()
    for (const e of excerptRows.all()) {
      present.add(e.id)
      excerpt(e)
    }
    markMissing(nd.excerpts, present, keep)
  }

  function tags({ keep }: PushOptions): void {
    const present = new Set<string>()
    for (const t of tagRows.all()) {
      present.add(t.id)
      entity(nd.tags, t.id, { name: t.name, color: t.color, createdAt: t.created_at })
    }
    removeMissing(nd.tags, present, keep)
  }

  function tagLinks({ keep }: PushOptions, only?: string): void {
    const present = new Set<string>()
    for (const l of only ? linksOf.all(only) : linkRows.all()) {
      const key = tagLinkKey(l.excerpt_id, l.tag_id)
      present.add(key)
      if (!nd.tagLinks.has(key)) nd.tagLinks.set(key, true)
    }
    for (const key of [...nd.tagLinks.keys()]) {
      if (only && splitTagLink(key)[0] !== only) continue
      if (!present.has(key) && !keep.has(key)) nd.tagLinks.delete(key)
    }
  }

  function note(n: NoteMetaRow): void {
    const known = nd.notes.get(n.id)
    // the body first: a note's entry appearing tells the other side its body is seeded
    if (!known || n.updated_at > field<string>(known, 'updatedAt')) bodies.write(n.id, noteContent.get(n.id)!)
    entity(nd.notes, n.id, {
      title: n.title,
      createdAt: n.created_at,
      updatedAt: n.updated_at,
      deletedAt: n.deleted_at,
    })
  }

  function notes({ keep }: PushOptions): void {
    const present = new Set<string>()
    for (const n of noteRows.all()) {
      present.add(n.id)
      note(n)
    }
    markMissing(nd.notes, present, keep, (id) => bodies.remove(id))
  }

  return {
    all(options: PushOptions): void {
      tags(options)
      articles(options)
      excerpts(options)
      tagLinks(options)
      notes(options)
    },
    /** articles' fields and hidden sections (their text once per version): all, or one */
    articles,
    /** the excerpts of one article (its trashing or a new version changed them) */
    excerptsOf(articleId: string): void {
      for (const row of excerptsOfArticle.all(articleId)) excerpt(row)
    },
    /** tags and which excerpts carry them */
    tags(options: PushOptions): void {
      tags(options)
      tagLinks(options)
    },
    /** one excerpt and its tag links (tags too: a new excerpt may have created some) */
    excerpt(id: string, options: PushOptions): void {
      tags(options)
      const row = excerptRow.get(id)
      if (row) excerpt(row)
      tagLinks(options, id)
    },
    note(id: string): void {
      const row = noteRow.get(id)
      if (row) note(row)
    },
    /** the bodies of the notes citing an article (a new version renumbered their chips without a save) */
    notesCiting(articleId: string): void {
      for (const id of notesLinkedTo.all(articleId)) bodies.write(id, noteContent.get(id)!)
    },
  }
}

interface NoteMetaRow {
  id: string
  title: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}
