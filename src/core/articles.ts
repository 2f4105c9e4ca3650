import { resolve } from 'node:path'
import { GlossError } from '../shared/errors'
import type { ArticleDetail, ArticleSort, ArticleSummary, ImportResult, Section } from '../shared/model'
import type { EntityKind } from '../shared/research'
import { runParseJob } from './import/parseJob'
import { defaultParsePool, type ParsePool } from './import/parsePool'
import { baseKindOf, type ParsedArticle, type SourceFormat } from './import/types'
import { createMedia, layoutJson } from './media'
import { newId, now } from './store/clock'
import type { Statement } from 'better-sqlite3'
import type { Db } from './store/open'
import {
  ARTICLE_SUMMARY_COLUMNS,
  toArticleSummary,
  toSection,
  type ArticleRow,
  type SectionRow,
} from './store/rows'

const RECENT_TEXTS = 4
/** How long a first read waits for an old article's layouts to be derived (see deriveLayouts). */
const DERIVE_WAIT_MS = 1500

export interface ArticlesOptions {
  /** where imports are parsed; this thread's shared pool of parse workers by default */
  parser?: ParsePool
  /**
   * Called first when parsed content is stored: the import of a new version of an article already
   * here (same source, see versions.ts) returns its result; null stores a new article.
   */
  knownSource?: (parsed: ParsedArticle, sourcePath: string | null) => ImportResult | null
}

export interface ArticleFilter {
  query?: string
  sort: ArticleSort
  tag?: string
  hasNotes?: boolean
  /** a person, organisation or place of the research analysis (schema 7), by its name */
  entity?: { name: string; kind?: EntityKind }
  inTrash: boolean
}

export interface ArticleEdit {
  title?: string
  byline?: string | null
  publishedAt?: string | null
  sourceUrl?: string | null
}

/** "Kim’s summit" → `"kim"* "s"* "summit"*`: every word a prefix term of the title/byline index, or null for none. */
function articleMatch(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu)
  return words ? words.map((w) => `"${w}"*`).join(' ') : null
}

const ORDER: Record<ArticleSort, string> = {
  imported: 'a.imported_at DESC, a.seq DESC',
  published: 'a.published_at IS NULL, a.published_at DESC, a.imported_at DESC, a.seq DESC',
  title: 'a.title COLLATE NOCASE, a.imported_at DESC, a.seq DESC',
}

export function createArticles(db: Db, options: ArticlesOptions = {}) {
  const parser = () => options.parser ?? defaultParsePool()
  const byId = db.prepare<[string], ArticleRow>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`,
  )
  const byHash = db.prepare<[string], ArticleRow>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.content_hash = ?`,
  )
  // one statement per sort (ORDER BY cannot be a parameter); each filter is off when its parameter is NULL
  const listStatements = (entity: boolean) =>
    Object.fromEntries(
      Object.entries(ORDER).map(([sort, order]) => [
        sort,
        db.prepare<Record<string, unknown>, ArticleRow>(`
        SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a
        WHERE (CASE WHEN @inTrash THEN a.deleted_at IS NOT NULL ELSE a.deleted_at IS NULL END)
          ${
            // its own statement: the articles naming it are looked up by name (schema 13's index)
            // and fetched by id, not every article checked against them
            entity
              ? `AND a.id IN (SELECT n.article_id FROM entities n
                  WHERE n.name = @entity AND (@entityKind IS NULL OR n.kind = @entityKind))`
              : ''
          }
          AND (@match IS NULL OR a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match))
          AND (@tag IS NULL OR a.id IN (
            SELECT e.article_id FROM tags t JOIN excerpt_tags et ON et.tag_id = t.id JOIN excerpts e ON e.id = et.excerpt_id
            WHERE (t.name = @tag OR (t.name > @tag || '/' AND t.name < @tag || '0')) AND e.deleted_at IS NULL))
          AND (@hasNotes IS NULL OR @hasNotes = EXISTS (
            SELECT 1 FROM note_links l JOIN notes n ON n.id = l.note_id WHERE l.article_id = a.id AND n.deleted_at IS NULL))
        ORDER BY ${order}`),
      ]),
    ) as Record<ArticleSort, Statement<Record<string, unknown>, ArticleRow>>
  const listed = listStatements(false)
  const listedNaming = listStatements(true)
  const setEdit = db.prepare(`
    UPDATE articles SET title = coalesce(@title, title),
      byline = CASE WHEN @setByline THEN @byline ELSE byline END,
      published_at = CASE WHEN @setPublished THEN @publishedAt ELSE published_at END,
      source_url = CASE WHEN @setSourceUrl THEN @sourceUrl ELSE source_url END
    WHERE id = @id`)
  const setArticleDeleted = db.prepare(`UPDATE articles SET deleted_at = ? WHERE id = ?`)
  // an article's excerpts go to the trash with it carrying its deleted_at, so a restore brings back
  // exactly those (not the ones deleted on their own before)
  const trashExcerpts = db.prepare(
    `UPDATE excerpts SET deleted_at = @at, updated_at = @at WHERE article_id = @id AND deleted_at IS NULL`,
  )
  const untrashExcerpts = db.prepare(
    `UPDATE excerpts SET deleted_at = NULL, updated_at = @now WHERE article_id = @id AND deleted_at = @at`,
  )
  const purgeTrashed = db.prepare(`DELETE FROM articles WHERE deleted_at IS NOT NULL`)
  const textOf = db.prepare<[string], { text: string }>(`SELECT text FROM articles WHERE id = ?`)
  const sectionsOf = db.prepare<[string], SectionRow>(
    `SELECT * FROM sections WHERE article_id = ? ORDER BY ordinal`,
  )
  const insertArticle = db.prepare(`
    INSERT INTO articles (id, title, format, source_format, source_path, source_url, byline, published_at, imported_at, content_hash, text, content_html)
    VALUES (@id, @title, @format, @sourceFormat, @sourcePath, @sourceUrl, @byline, @publishedAt, @importedAt, @contentHash, @text, @contentHtml)`)
  const insertSection = db.prepare(`
    INSERT INTO sections (id, article_id, ordinal, kind, base_kind, level, text, start_offset, end_offset, quarantine_reason, page, role, layout)
    VALUES (@id, @articleId, @ordinal, @kind, @baseKind, @level, @text, @start, @end, @reason, @page, @role, @layout)`)
  const media = createMedia(db)
  const setKind = db.prepare(`
    UPDATE sections SET kind = CASE WHEN @quarantine THEN 'quarantined'
        -- a hidden heading an older build stored as a paragraph still has its level
        WHEN base_kind = 'paragraph' AND level IS NOT NULL THEN 'heading' ELSE base_kind END,
      quarantine_reason = CASE WHEN @quarantine THEN coalesce(quarantine_reason, 'hidden by you') ELSE quarantine_reason END
    WHERE article_id = @articleId AND id = @id`)

  // Articles imported before layouts (schema 10) with stored HTML: derived once, on first read
  const backfillUntil = db.prepare<[], { value: string }>(
    `SELECT value FROM meta WHERE key = 'layout_backfill_until'`,
  )
  const withoutLayouts = db.prepare<[string, number], { content_html: string }>(`
    SELECT a.content_html FROM articles a
    WHERE a.id = ? AND a.seq <= ? AND a.format = 'html' AND coalesce(a.source_format, 'html') = 'html'
      AND a.content_html IS NOT NULL AND a.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM sections s WHERE s.article_id = a.id AND s.layout IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM meta m WHERE m.key = 'layouts derived ' || a.id)`)
  const setLayout = db.prepare(`UPDATE sections SET layout = ? WHERE id = ? AND layout IS NULL`)
  const markDerived = db.prepare(
    `INSERT OR IGNORE INTO meta (key, value) VALUES ('layouts derived ' || ?, ?)`,
  )
  // each article's derivation, while it runs and after (one that could not be stored, in a
  // read-only notebook, is not tried again this session)
  const deriving = new Map<string, Promise<void>>()
  const forgetDerived = db.prepare(
    `DELETE FROM meta WHERE key LIKE 'layouts derived %' AND substr(key, 17) NOT IN (SELECT id FROM articles)`,
  )

  /**
   * Each stored section whose text the stored HTML gives again, word for word and in order, takes
   * the layout derived with it (and the pictures it names); any other stays plain. Done once.
   */
  const applyDerived = db.transaction((articleId: string, derived: ParsedArticle | null) => {
    const stored = sectionsOf.all(articleId)
    const layouts: Array<[SectionRow, NonNullable<ParsedArticle['sections'][number]['layout']>]> = []
    let next = 0
    for (const s of stored) {
      const at = derived?.sections.findIndex((d, i) => i >= next && d.text === s.text) ?? -1
      if (at < 0) continue
      next = at + 1
      const layout = derived!.sections[at]!.layout
      if (layout !== undefined) layouts.push([s, layout])
    }
    const named = new Set(layouts.flatMap(([, l]) => l.images?.map((i) => i.mediaId) ?? []))
    const ids = media.store(
      articleId,
      (derived?.media ?? []).filter((m) => named.has(m.sha256)),
    )
    for (const [s, layout] of layouts) setLayout.run(layoutJson(layout, ids), s.id)
    markDerived.run(articleId, `${layouts.length}/${stored.length}`)
  })

  // An article's text changes only with a new version (versions.ts calls forgetText), so the last
  // few read are kept: excerpts are made in runs on one article, and reading a long text per
  // excerpt cost more than the write.
  const recentTexts = new Map<string, string>()
  function text(id: string): string {
    const cached = recentTexts.get(id)
    if (cached !== undefined) return cached
    const row = textOf.get(id)
    if (!row) throw new GlossError('not_found', `No article with id "${id}".`, 'articleId')
    recentTexts.set(id, row.text)
    if (recentTexts.size > RECENT_TEXTS) recentTexts.delete(recentTexts.keys().next().value!)
    return row.text
  }

  function summary(id: string): ArticleSummary {
    const row = byId.get(id)
    if (!row) throw new GlossError('not_found', `No article with id "${id}".`, 'id')
    return toArticleSummary(row)
  }

  /** The article, refused while it is in the trash (a write to it would come back on restore). */
  function live(id: string, field = 'id'): ArticleSummary {
    const article = summary(id)
    if (article.deletedAt) {
      throw new GlossError(
        'conflict',
        `“${article.title}” is in the trash; restore it (restoreArticle) before changing it.`,
        field,
      )
    }
    return article
  }

  const store = db.transaction((parsed: ParsedArticle, sourcePath: string | null): ImportResult => {
    const asVersion = options.knownSource?.(parsed, sourcePath)
    if (asVersion) return asVersion
    const existing = byHash.get(parsed.contentHash)
    if (existing) {
      const article = toArticleSummary(existing)
      return {
        article,
        duplicate: true,
        message: `Already in the notebook as “${article.title}”; nothing was imported.`,
      }
    }
    const id = newId()
    insertArticle.run({
      id,
      title: parsed.title,
      format: parsed.format,
      sourceFormat: parsed.sourceFormat,
      sourcePath,
      sourceUrl: parsed.sourceUrl,
      byline: parsed.byline,
      publishedAt: parsed.publishedAt,
      importedAt: now(),
      contentHash: parsed.contentHash,
      text: parsed.text,
      contentHtml: parsed.contentHtml,
    })
    const mediaIds = media.store(id, parsed.media)
    parsed.sections.forEach((section, index) => {
      insertSection.run({
        id: newId(),
        articleId: id,
        ordinal: index + 1,
        kind: section.kind,
        baseKind: baseKindOf(section),
        level: section.level ?? null,
        text: section.text,
        start: section.start,
        end: section.end,
        reason: section.quarantineReason ?? null,
        page: section.page ?? null,
        role: section.role ?? null,
        layout: layoutJson(section.layout, mediaIds),
      })
    })
    const article = summary(id)
    const hidden = article.hiddenCount ? `, ${article.hiddenCount} hidden as page clutter` : ''
    return {
      article,
      duplicate: false,
      message: `Imported “${article.title}”: ${article.sectionCount} sections${hidden}.`,
    }
  })

  function sections(articleId: string, includeQuarantined: boolean): Section[] {
    summary(articleId)
    return sectionsOf
      .all(articleId)
      .filter((row) => includeQuarantined || row.kind !== 'quarantined')
      .map(toSection)
  }

  const setQuarantine = db.transaction(
    (articleId: string, ids: string[] | undefined, quarantine: boolean): Section[] => {
      live(articleId, 'articleId')
      const all = sections(articleId, true)
      const targets = ids ?? all.filter((s) => s.kind === 'quarantined').map((s) => s.id)
      for (const id of targets) {
        if (!all.some((s) => s.id === id)) {
          throw new GlossError('not_found', `No section with id "${id}" in this article.`, 'sectionIds')
        }
        setKind.run({ articleId, id, quarantine: quarantine ? 1 : 0 })
      }
      return sections(articleId, true).filter((s) => targets.includes(s.id))
    },
  )

  const update = db.transaction((id: string, edit: ArticleEdit): ArticleSummary => {
    live(id)
    const blank = (value: string | null | undefined) => (value === '' ? null : value)
    setEdit.run({
      id,
      title: edit.title ?? null,
      setByline: edit.byline !== undefined ? 1 : 0,
      byline: blank(edit.byline) ?? null,
      setPublished: edit.publishedAt !== undefined ? 1 : 0,
      publishedAt: edit.publishedAt ?? null,
      setSourceUrl: edit.sourceUrl !== undefined ? 1 : 0,
      sourceUrl: edit.sourceUrl ?? null,
    })
    return summary(id)
  })

  return {
    summary,
    live,
    media,

    list: db.transaction((filter: ArticleFilter): ArticleSummary[] => {
      const query = filter.query?.trim() ?? ''
      const match = query === '' ? null : articleMatch(query)
      if (query !== '' && match === null) return [] // only punctuation: no title holds it as a word
      return (filter.entity ? listedNaming : listed)[filter.sort]
        .all({
          inTrash: filter.inTrash ? 1 : 0,
          match,
          tag: filter.tag ?? null,
          hasNotes: filter.hasNotes === undefined ? null : filter.hasNotes ? 1 : 0,
          ...(filter.entity && { entity: filter.entity.name, entityKind: filter.entity.kind ?? null }),
        })
        .map(toArticleSummary)
    }).deferred, // a read snapshot: counts and rows agree

    /** The text travels once, as its sections; the reader needs only its length besides. */
    get(id: string): ArticleDetail {
      const article = summary(id)
      return { ...article, textLength: text(id).length, sections: sectionsOf.all(id).map(toSection) }
    },

    text,

    sections,

    /**
     * The layouts of an article imported before them, from its stored HTML, parsed in a worker
     * (once; a read-only notebook keeps it plain). Resolves when they are stored, or after
     * `waitMs` (a long page's go on in the worker and show on the next read).
     */
    deriveLayouts(id: string, waitMs = DERIVE_WAIT_MS): Promise<void> {
      const until = Number(backfillUntil.get()?.value ?? 0)
      const row = until > 0 ? withoutLayouts.get(id, until) : undefined
      if (row === undefined) return Promise.resolve()
      let pending = deriving.get(id)
      if (pending === undefined) {
        pending = parser()
          .parse({ kind: 'layouts', html: row.content_html })
          .then(
            ({ article }) => article,
            () => null, // a page the worker cannot read again stays plain
          )
          .then((derived) => {
            if (db.open && withoutLayouts.get(id, until)) applyDerived(id, derived)
          })
          .catch(() => {}) // read-only, or closed meanwhile: plain this time
        deriving.set(id, pending)
      }
      let timer: NodeJS.Timeout | undefined
      const waited = new Promise<void>((done) => (timer = setTimeout(done, waitMs)))
      return Promise.race([pending, waited]).finally(() => clearTimeout(timer))
    },

    /**
     * Parse in a worker of its own (bounded in time and memory, see import/parsePool.ts), then
     * store here in one transaction: this thread stays free for other requests meanwhile.
     */
    async importFile(path: string, opts: { signal?: AbortSignal } = {}): Promise<ImportResult> {
      const { article, sourcePath } = await parser().parse({ kind: 'file', path: resolve(path) }, opts)
      return store(article, sourcePath)
    },

    /** The bundled sample on first open: our own small file, parsed in this thread. */
    importSample(path: string): ImportResult {
      const { article, sourcePath } = runParseJob({ kind: 'file', path: resolve(path) })
      return store(article, sourcePath)
    },

    async importContent(
      input: {
        content: string
        encoding: 'utf8' | 'base64'
        fileName?: string
        format?: SourceFormat
        sourceUrl?: string
      },
      opts: { signal?: AbortSignal } = {},
    ): Promise<ImportResult> {
      const bytes =
        input.encoding === 'base64'
          ? Buffer.from(input.content, 'base64')
          : Buffer.from(input.content, 'utf8')
      const { fileName, format, sourceUrl } = input
      const { article } = await parser().parse({ kind: 'bytes', bytes, fileName, format, sourceUrl }, opts)
      return store(article, null)
    },

    /** Fetch an http(s) address in a parse worker and import what it holds; the address is its source. */
    async importUrl(url: string, opts: { signal?: AbortSignal } = {}): Promise<ImportResult> {
      const { article } = await parser().parse({ kind: 'url', url }, opts)
      return store(article, null)
    },

    rename: (id: string, title: string): ArticleSummary => update(id, { title }),

    update,

    /** To the trash, with its live excerpts; notes keep their links (and their cards' quotes). */
    delete: db.transaction((id: string): ArticleSummary => {
      const article = summary(id)
      if (article.deletedAt) return article
      const at = now()
      setArticleDeleted.run(at, id)
      trashExcerpts.run({ id, at })
      return summary(id)
    }),

    restore: db.transaction((id: string): ArticleSummary => {
      const article = summary(id)
      if (!article.deletedAt) return article
      untrashExcerpts.run({ id, at: article.deletedAt, now: now() })
      setArticleDeleted.run(null, id)
      return summary(id)
    }),

    /** emptyTrash: articles in the trash, with their sections, excerpts and versions. */
    purgeDeleted: (): number => {
      const purged = purgeTrashed.run().changes
      if (purged > 0) forgetDerived.run()
      return purged
    },

    /** After a new version replaced the text: the cache must not serve the old one. */
    forgetText: (id: string): void => {
      recentTexts.delete(id)
    },

    restoreSections: (articleId: string, ids?: string[]) => setQuarantine(articleId, ids, false),
    quarantineSections: (articleId: string, ids: string[]) => setQuarantine(articleId, ids, true),
  }
}

export type Articles = ReturnType<typeof createArticles>
