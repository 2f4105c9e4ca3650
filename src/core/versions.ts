/**
 * Articles that change: new content of an article already here becomes its next version.
 *
 * The article row always holds the newest version (text, HTML, hash), its sections are the
 * newest version's and its excerpts point into it, so every query of the notebook stays as it
 * was: no version filter anywhere. The versions table keeps each version that was replaced,
 * read-only (listVersions, getVersion). A section that continues into the new version keeps its
 * id (its row is updated: new ordinal, offsets, text), so note links and excerpts that point at
 * it follow by themselves; sections with no counterpart are removed, and links to them are
 * reported orphaned (Backlinks.orphanedSections). Every excerpt is re-anchored
 * (anchoring/reanchorVersion.ts) in the same transaction.
 */
import { resolve } from 'node:path'
import { GlossError } from '../shared/errors'
import type {
  ImportResult,
  SectionLayout,
  VersionDetail,
  VersionReport,
  VersionSummary,
} from '../shared/model'
import { describeRange } from './anchoring'
import { reanchorVersion, type ExcerptAnchor } from './anchoring/reanchorVersion'
import type { Articles } from './articles'
import { readLayout } from './import/layout'
import { defaultParsePool, type ParsePool } from './import/parsePool'
import { baseKindOf, type ImportFormat, type ParsedArticle } from './import/types'
import type { Notes } from './notes/repository'
import type { SectionMove } from './notes/relink'
import { layoutJson } from './media'
import { newId, now } from './store/clock'
import type { Db } from './store/open'
import type { SectionRow } from './store/rows'

export const HIDDEN_BY_YOU = 'hidden by you'

interface CurrentRow {
  id: string
  title: string
  format: ImportFormat
  source_format: string | null
  text: string
  content_html: string | null
  content_hash: string
  imported_at: string
  version: number
  version_imported_at: string | null
  deleted_at: string | null
}

interface ExcerptAnchorRow {
  id: string
  section_id: string
  exact: string
  prefix: string
  suffix: string
  start_offset: number
  end_offset: number
  anchor_status: 'anchored' | 'fuzzy' | 'orphaned'
  reviewed_at: string | null
}

interface StoredSection {
  id: string
  ordinal: number
  kind: SectionRow['kind']
  level: number | null
  start: number
  end: number
  page: number | null
  /** the section's layout then (schema 10; absent in versions stored before) */
  layout?: SectionLayout | null
}

export interface ImportVersionInput {
  articleId: string
  path?: string
  content?: string
  encoding: 'utf8' | 'base64'
  fileName?: string
  format?: ImportFormat
  sourceUrl?: string
}

export function createVersions(
  db: Db,
  articles: Articles,
  notes: Notes,
  options: { parser?: ParsePool } = {},
) {
  const parser = () => options.parser ?? defaultParsePool()
  const current = db.prepare<[string], CurrentRow>(`
    SELECT id, title, format, source_format, text, content_html, content_hash, imported_at, version, version_imported_at, deleted_at
    FROM articles WHERE id = ?`)
  const bySource = db.prepare<{ path: string | null; url: string | null }, { id: string }>(`
    SELECT id FROM articles
    WHERE deleted_at IS NULL AND ((@path IS NOT NULL AND source_path = @path) OR (@url IS NOT NULL AND source_url = @url))
    ORDER BY imported_at DESC, seq DESC LIMIT 1`)
  const byHash = db.prepare<[string], { id: string; title: string; deleted_at: string | null }>(
    `SELECT id, title, deleted_at FROM articles WHERE content_hash = ?`,
  )
  const sectionsOf = db.prepare<[string], SectionRow & { base_kind: 'heading' | 'paragraph' }>(
    `SELECT * FROM sections WHERE article_id = ? ORDER BY ordinal`,
  )
  const excerptsOf = db.prepare<[string], ExcerptAnchorRow>(`
    SELECT id, section_id, exact, prefix, suffix, start_offset, end_offset, anchor_status, reviewed_at
    FROM excerpts WHERE article_id = ? ORDER BY seq`)
  const sectionLinks = db.prepare<[string], { target_id: string }>(
    `SELECT target_id FROM note_links WHERE article_id = ? AND target_type = 'section'`,
  )
  const insertVersion = db.prepare(`
    INSERT INTO versions (article_id, number, format, source_format, text, content_html, content_hash, imported_at, text_length, sections)
    VALUES (@articleId, @number, @format, @sourceFormat, @text, @contentHtml, @contentHash, @importedAt, @textLength, @sections)`)
  const negateOrdinals = db.prepare(`UPDATE sections SET ordinal = -ordinal WHERE article_id = ?`)
  const insertSection = db.prepare(`
    INSERT INTO sections (id, article_id, ordinal, kind, base_kind, level, text, start_offset, end_offset, quarantine_reason, page, role, layout)
    VALUES (@id, @articleId, @ordinal, @kind, @baseKind, @level, @text, @start, @end, @reason, @page, @role, @layout)`)
  // two statements: setting `text` fires the search index's trigger, so only a changed text is set
  const moveSection = db.prepare(`
    UPDATE sections SET ordinal = @ordinal, kind = @kind, base_kind = @baseKind, level = @level,
      start_offset = @start, end_offset = @end, quarantine_reason = @reason, page = @page, role = @role, layout = @layout WHERE id = @id`)
  const moveSectionText = db.prepare(`
    UPDATE sections SET ordinal = @ordinal, kind = @kind, base_kind = @baseKind, level = @level,
      start_offset = @start, end_offset = @end, quarantine_reason = @reason, page = @page, role = @role, layout = @layout, text = @text WHERE id = @id`)
  const deleteSection = db.prepare(`DELETE FROM sections WHERE id = ?`)
  // likewise `exact` is indexed: a fuzzy or orphaned excerpt keeps its quote (the review shows it)
  const placeExcerpt = db.prepare(`
    UPDATE excerpts SET section_id = @sectionId, start_offset = @start, end_offset = @end,
      anchor_status = @status, verbatim = @verbatim, reviewed_at = @reviewedAt WHERE id = @id`)
  const placeExcerptQuote = db.prepare(`
    UPDATE excerpts SET section_id = @sectionId, start_offset = @start, end_offset = @end,
      anchor_status = @status, verbatim = @verbatim, reviewed_at = @reviewedAt,
      exact = @exact, prefix = @prefix, suffix = @suffix WHERE id = @id`)
  const setCurrent = db.prepare(`
    UPDATE articles SET text = @text, content_html = @contentHtml, content_hash = @contentHash, format = @format,
      source_format = @sourceFormat,
      version = @version, version_imported_at = @at,
      source_path = coalesce(@sourcePath, source_path), source_url = coalesce(source_url, @sourceUrl)
    WHERE id = @id`)
  const pastVersions = db.prepare<
    [string],
    {
      number: number
      format: ImportFormat
      content_hash: string
      imported_at: string
      text_length: number
      section_count: number
    }
  >(`
    SELECT number, format, content_hash, imported_at, text_length, json_array_length(sections) AS section_count
    FROM versions WHERE article_id = ? ORDER BY number`)
  const pastVersion = db.prepare<
    [string, number],
    {
      number: number
      format: ImportFormat
      content_hash: string
      imported_at: string
      text: string
      content_html: string | null
      sections: string
    }
  >(
    `SELECT number, format, content_hash, imported_at, text, content_html, sections FROM versions WHERE article_id = ? AND number = ?`,
  )

  /**
   * The new content replaces the article's: the old version into `versions`, sections mapped
   * (those that continue keep their ids), excerpts re-anchored, notes' chips renumbered.
   */
  function storeVersion(articleId: string, parsed: ParsedArticle, sourcePath: string | null): ImportResult {
    const article = current.get(articleId)
    if (!article) throw new GlossError('not_found', `No article with id "${articleId}".`, 'articleId')
    articles.live(articleId, 'articleId')
    if (parsed.contentHash === article.content_hash) {
      return {
        article: articles.summary(articleId),
        duplicate: true,
        message: `Version ${article.version} of “${article.title}” already has this content; nothing was imported.`,
      }
    }
    const other = byHash.get(parsed.contentHash)
    if (other) {
      throw new GlossError(
        'conflict',
        `This content is already the article “${other.title}” (${other.id}); it cannot also be a version of “${article.title}”.`,
        'articleId',
      )
    }
    const oldSections = sectionsOf.all(articleId)
    const rows = excerptsOf.all(articleId)
    const sectionIndex = new Map(oldSections.map((s, i) => [s.id, i]))
    const anchors: ExcerptAnchor[] = rows.map((r) => ({
      id: r.id,
      section: sectionIndex.get(r.section_id) ?? 0,
      exact: r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
      start: r.start_offset,
      end: r.end_offset,
    }))
    const newSpans = parsed.sections.map((s) => ({ start: s.start, end: s.end }))
    const anchoring = reanchorVersion(
      article.text,
      oldSections.map((s) => ({ start: s.start_offset, end: s.end_offset })),
      parsed.text,
      newSpans,
      anchors,
    )

    // the version being replaced, as it was
    const stored: StoredSection[] = oldSections.map((s) => {
      const layout = readLayout(s.layout ?? null, s.text.length)
      return {
        id: s.id,
        ordinal: s.ordinal,
        kind: s.kind,
        level: s.level,
        start: s.start_offset,
        end: s.end_offset,
        page: s.page ?? null,
        ...(layout ? { layout } : {}),
      }
    })
    insertVersion.run({
      articleId,
      number: article.version,
      format: article.format,
      sourceFormat: article.source_format,
      text: article.text,
      contentHtml: article.content_html,
      contentHash: article.content_hash,
      importedAt: article.version_imported_at ?? article.imported_at,
      textLength: article.text.length,
      sections: JSON.stringify(stored),
    })

    // sections: continuing ones keep their ids; the person's hide or show is kept
    const newIds: string[] = parsed.sections.map(() => '')
    const continues = new Map<number, (typeof oldSections)[number]>() // new index → old section
    anchoring.sectionMap.forEach((n, o) => {
      if (n >= 0) continues.set(n, oldSections[o]!)
    })
    negateOrdinals.run(articleId)
    // the new version's pictures join the article's (the old version's stay: its layouts name them)
    const mediaIds = articles.media.store(articleId, parsed.media)
    const moves = new Map<string, SectionMove>()
    parsed.sections.forEach((section, index) => {
      const old = continues.get(index)
      let kind: SectionRow['kind'] = section.kind
      let reason = section.quarantineReason ?? null
      if (old && old.kind === 'quarantined' && old.quarantine_reason === HIDDEN_BY_YOU) {
        kind = 'quarantined'
        reason = HIDDEN_BY_YOU
      } else if (old && old.kind !== 'quarantined' && old.quarantine_reason !== null) {
        kind = baseKindOf(section) // the person brought it back
        reason = old.quarantine_reason
      }
      const values = {
        id: old?.id ?? newId(),
        articleId,
        ordinal: index + 1,
        kind,
        baseKind: baseKindOf(section),
        level: section.level ?? null,
        text: section.text,
        start: section.start,
        end: section.end,
        reason,
        page: section.page ?? null,
        role: section.role ?? null,
        layout: layoutJson(section.layout, mediaIds),
      }
      newIds[index] = values.id
      if (!old) insertSection.run(values)
      else {
        ;(old.text === section.text ? moveSection : moveSectionText).run(values)
        moves.set(old.id, {
          oldOrdinal: old.ordinal,
          oldText: old.text,
          ordinal: index + 1,
          text: section.text,
        })
      }
    })

    // excerpts: anchored ones describe the new text; the others keep their quote for the review
    const counts = { anchored: 0, fuzzy: 0, orphaned: 0 }
    const excerptOrdinals = new Map<string, number>()
    const at = now()
    anchoring.excerpts.forEach((placed, i) => {
      const row = rows[i]!
      counts[placed.status]++
      excerptOrdinals.set(row.id, placed.section + 1)
      const values = {
        id: row.id,
        sectionId: newIds[placed.section]!,
        start: placed.start,
        end: placed.end,
        status: placed.status,
        verbatim: placed.status === 'anchored' ? 1 : 0,
        // a kept orphan that is still lost stays settled; anything else a new version moved is to review again
        reviewedAt: placed.status === 'orphaned' && row.anchor_status === 'orphaned' ? row.reviewed_at : null,
      }
      if (placed.status === 'anchored') {
        const selector = describeRange(parsed.text, placed.start, placed.end)
        if (
          selector.exact !== row.exact ||
          selector.prefix !== row.prefix ||
          selector.suffix !== row.suffix
        ) {
          placeExcerptQuote.run({
            ...values,
            exact: selector.exact,
            prefix: selector.prefix,
            suffix: selector.suffix,
          })
          return
        }
      }
      placeExcerpt.run(values)
    })
    for (const s of oldSections) if (!moves.has(s.id)) deleteSection.run(s.id)

    setCurrent.run({
      id: articleId,
      text: parsed.text,
      contentHtml: parsed.contentHtml,
      contentHash: parsed.contentHash,
      format: parsed.format,
      sourceFormat: parsed.sourceFormat,
      version: article.version + 1,
      at,
      sourcePath,
      sourceUrl: parsed.sourceUrl,
    })
    articles.forgetText(articleId)

    const links = sectionLinks.all(articleId)
    notes.followArticle(articleId, moves, excerptOrdinals)
    const report: VersionReport = {
      number: article.version + 1,
      ...counts,
      sectionsFollowed: moves.size,
      sectionLinksFollowed: links.filter((l) => moves.has(l.target_id)).length,
      sectionLinksOrphaned: links.filter((l) => !moves.has(l.target_id)).length,
    }
    const review = counts.fuzzy + counts.orphaned
    return {
      article: articles.summary(articleId),
      duplicate: false,
      version: report,
      message:
        `Imported version ${report.number} of “${article.title}”: ${rows.length} excerpts re-anchored` +
        (review ? `, ${review} to review (${counts.fuzzy} changed, ${counts.orphaned} not found)` : '') +
        '.',
    }
  }

  const storeVersionTx = db.transaction(storeVersion)

  function summaryOfCurrent(articleId: string): VersionSummary {
    const article = current.get(articleId)
    if (!article) throw new GlossError('not_found', `No article with id "${articleId}".`, 'articleId')
    return {
      articleId,
      number: article.version,
      format: article.format,
      contentHash: article.content_hash,
      importedAt: article.version_imported_at ?? article.imported_at,
      textLength: article.text.length,
      sectionCount: articles.summary(articleId).sectionCount,
      current: true,
    }
  }

  return {
    /**
     * The import's store step asks this first (articles.ts, `knownSource`): content whose source
     * (file path or web address) is an article here becomes its next version. Content that is
     * an article in the trash is refused with a word on where it is. Null: store a new article.
     */
    storeAsVersionIfKnown(parsed: ParsedArticle, sourcePath: string | null): ImportResult | null {
      const same = byHash.get(parsed.contentHash)
      if (same) {
        if (!same.deleted_at) return null // the import's own "already in the notebook"
        return {
          article: articles.summary(same.id),
          duplicate: true,
          message: `Already in the notebook as “${same.title}”, in the trash: restore it to read it again; nothing was imported.`,
        }
      }
      const known = bySource.get({ path: sourcePath, url: parsed.sourceUrl })
      return known ? storeVersion(known.id, parsed, sourcePath) : null
    },

    /** importVersion: parse in a worker like any import, then store as the article's next version. */
    async importVersion(
      input: ImportVersionInput,
      opts: { signal?: AbortSignal } = {},
    ): Promise<ImportResult> {
      articles.live(input.articleId, 'articleId')
      const { article, sourcePath } =
        input.path !== undefined
          ? await parser().parse({ kind: 'file', path: resolve(input.path) }, opts)
          : await parser().parse(
              {
                kind: 'bytes',
                bytes: Buffer.from(input.content!, input.encoding === 'base64' ? 'base64' : 'utf8'),
                fileName: input.fileName,
                format: input.format,
                sourceUrl: input.sourceUrl,
              },
              opts,
            )
      return storeVersionTx(input.articleId, article, sourcePath ?? null)
    },

    list: db.transaction((articleId: string): VersionSummary[] => {
      const past = pastVersions.all(articleId).map((v): VersionSummary => ({
        articleId,
        number: v.number,
        format: v.format,
        contentHash: v.content_hash,
        importedAt: v.imported_at,
        textLength: v.text_length,
        sectionCount: v.section_count,
        current: false,
      }))
      return [...past, summaryOfCurrent(articleId)]
    }).deferred,

    get: db.transaction((articleId: string, number: number): VersionDetail => {
      const now = summaryOfCurrent(articleId)
      if (number === now.number) {
        const text = articles.text(articleId)
        const detail = current.get(articleId)!
        return {
          ...now,
          text,
          contentHtml: detail.content_html,
          sections: articles.sections(articleId, true).map((s) => ({
            id: s.id,
            ordinal: s.ordinal,
            kind: s.kind,
            level: s.level,
            start: s.start,
            end: s.end,
            text: s.text,
          })),
        }
      }
      const v = pastVersion.get(articleId, number)
      if (!v) {
        throw new GlossError(
          'not_found',
          `The article has no version ${number} (its versions are 1 to ${now.number}).`,
          'number',
        )
      }
      const sections = (JSON.parse(v.sections) as StoredSection[]).map((s) => ({
        ...s,
        text: v.text.slice(s.start, s.end),
      }))
      return {
        articleId,
        number: v.number,
        format: v.format,
        contentHash: v.content_hash,
        importedAt: v.imported_at,
        textLength: v.text.length,
        sectionCount: sections.length,
        current: false,
        text: v.text,
        contentHtml: v.content_html,
        sections,
      }
    }).deferred,
  }
}

export type Versions = ReturnType<typeof createVersions>
