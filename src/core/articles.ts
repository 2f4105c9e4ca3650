import { resolve } from 'node:path'
import { GlossError } from '../shared/errors'
import type { ArticleDetail, ArticleSummary, ImportResult, Section } from '../shared/model'
import { runParseJob } from './import/parseJob'
import { defaultParsePool, type ParsePool } from './import/parsePool'
import type { ImportFormat, ParsedArticle } from './import/types'
import { newId, now } from './store/clock'
import type { Db } from './store/open'
import {
  ARTICLE_SUMMARY_COLUMNS,
  toArticleSummary,
  toSection,
  type ArticleRow,
  type SectionRow,
} from './store/rows'

const RECENT_TEXTS = 4

export interface ArticlesOptions {
  /** where imports are parsed; this thread's shared pool of parse workers by default */
  parser?: ParsePool
}

export function createArticles(db: Db, options: ArticlesOptions = {}) {
  const parser = () => options.parser ?? defaultParsePool()
  const byId = db.prepare<[string], ArticleRow>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`,
  )
  const byHash = db.prepare<[string], ArticleRow>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.content_hash = ?`,
  )
  const all = db.prepare<[], ArticleRow>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a ORDER BY a.imported_at DESC, a.seq DESC`,
  )
  const textOf = db.prepare<[string], { text: string }>(`SELECT text FROM articles WHERE id = ?`)
  const sectionsOf = db.prepare<[string], SectionRow>(
    `SELECT * FROM sections WHERE article_id = ? ORDER BY ordinal`,
  )
  const insertArticle = db.prepare(`
    INSERT INTO articles (id, title, format, source_format, source_path, source_url, byline, published_at, imported_at, content_hash, text, content_html)
    VALUES (@id, @title, @format, @sourceFormat, @sourcePath, @sourceUrl, @byline, @publishedAt, @importedAt, @contentHash, @text, @contentHtml)`)
  const insertSection = db.prepare(`
    INSERT INTO sections (id, article_id, ordinal, kind, base_kind, level, text, start_offset, end_offset, quarantine_reason, page, role)
    VALUES (@id, @articleId, @ordinal, @kind, @baseKind, @level, @text, @start, @end, @reason, @page, @role)`)
  const rename = db.prepare(`UPDATE articles SET title = ? WHERE id = ?`)
  const setKind = db.prepare(`
    UPDATE sections SET kind = CASE WHEN @quarantine THEN 'quarantined' ELSE base_kind END,
      quarantine_reason = CASE WHEN @quarantine THEN coalesce(quarantine_reason, 'hidden by you') ELSE quarantine_reason END
    WHERE article_id = @articleId AND id = @id`)

  // An article's text never changes once stored, so the last few read are kept: excerpts are
  // made in runs on one article, and reading a long text per excerpt cost more than the write.
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

  const store = db.transaction((parsed: ParsedArticle, sourcePath: string | null): ImportResult => {
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
    parsed.sections.forEach((section, index) => {
      insertSection.run({
        id: newId(),
        articleId: id,
        ordinal: index + 1,
        kind: section.kind,
        baseKind: section.kind === 'heading' ? 'heading' : 'paragraph',
        level: section.level ?? null,
        text: section.text,
        start: section.start,
        end: section.end,
        reason: section.quarantineReason ?? null,
        page: section.page ?? null,
        role: section.role ?? null,
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

  return {
    summary,
    list: (): ArticleSummary[] => all.all().map(toArticleSummary),

    /** The text travels once, as its sections; the reader needs only its length besides. */
    get(id: string): ArticleDetail {
      const article = summary(id)
      return { ...article, textLength: text(id).length, sections: sectionsOf.all(id).map(toSection) }
    },

    text,

    sections,

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
        format?: ImportFormat
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

    rename(id: string, title: string): ArticleSummary {
      summary(id)
      rename.run(title, id)
      return summary(id)
    },

    restoreSections: (articleId: string, ids?: string[]) => setQuarantine(articleId, ids, false),
    quarantineSections: (articleId: string, ids: string[]) => setQuarantine(articleId, ids, true),
  }
}

export type Articles = ReturnType<typeof createArticles>
