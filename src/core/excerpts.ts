import { GlossError } from '../shared/errors'
import type { Excerpt, ExcerptColor, TagRef } from '../shared/model'
import type { EntityKind } from '../shared/research'
import { describeRange, locateQuote } from './anchoring'
import type { Articles } from './articles'
import { newId, now } from './store/clock'
import type { Db } from './store/open'
import { EXCERPT_COLUMNS, toExcerpt, type ExcerptRow } from './store/rows'
import { compareNames, type Tags } from './tags'

export interface CreateExcerptInput {
  articleId: string
  quote?: string
  prefix?: string
  suffix?: string
  hint?: number
  start?: number
  end?: number
  color: ExcerptColor
  comment: string
  tags: string[]
  id?: string
}

export interface ExcerptFilter {
  articleId?: string
  tag?: string
  color?: ExcerptColor
  /** a person, organisation or place of the research analysis (schema 7), by its name */
  entity?: { name: string; kind?: EntityKind }
  includeDeleted: boolean
}

/** Shrink [start, end) so it neither begins nor ends in whitespace (selections often do). */
function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return [start, end]
}

export function createExcerpts(db: Db, articles: Articles, tags: Tags) {
  const select = `SELECT ${EXCERPT_COLUMNS} FROM excerpts e JOIN sections s ON s.id = e.section_id`
  const byId = db.prepare<[string], ExcerptRow>(`${select} WHERE e.id = ?`)
  const byIds = db.prepare<[string], ExcerptRow>(`${select} WHERE e.id IN (SELECT value FROM json_each(?))`)
  // two statements, not `@articleId IS NULL OR …`, so one article's list seeks its index
  const where = `(@includeDeleted OR e.deleted_at IS NULL)
      AND (@color IS NULL OR e.color = @color)
      AND (@tag IS NULL OR EXISTS (
        SELECT 1 FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id
        WHERE et.excerpt_id = e.id AND (t.name = @tag COLLATE NOCASE OR substr(t.name, 1, length(@tag) + 1) = @tag || '/' COLLATE NOCASE)))`
  const ofArticle = db.prepare<Record<string, unknown>, ExcerptRow>(`
    ${select} WHERE e.article_id = @articleId AND ${where}
    ORDER BY e.start_offset, e.end_offset, e.seq`)
  const ofNotebook = db.prepare<Record<string, unknown>, ExcerptRow>(`
    ${select} JOIN articles a ON a.id = e.article_id WHERE ${where}
    ORDER BY a.imported_at DESC, a.seq DESC, e.start_offset, e.end_offset, e.seq`)
  // Naming the entity: a mention of it overlaps the excerpt, or a quotation it is the speaker of
  // does. One article's excerpts are each checked (by the article's entity rows and quotations);
  // the notebook's are found from the entity's rows and its quotations (schema 13's indexes), so
  // either costs what the answer holds, not the notebook.
  const kindOk = `(@entityKind IS NULL OR n.kind = @entityKind)`
  const speakerOk = `q.speaker_name = @entity AND q.speaker_kind = coalesce(@entityKind, q.speaker_kind)`
  const namingOf = (x: string) => `(EXISTS (
      SELECT 1 FROM entities n, json_each(n.mentions) m
      WHERE n.name = @entity AND n.article_id = ${x}.article_id AND ${kindOk}
        AND m.value ->> 0 < ${x}.end_offset AND m.value ->> 1 > ${x}.start_offset)
    OR EXISTS (
      SELECT 1 FROM quotes q WHERE ${speakerOk} AND q.article_id = ${x}.article_id
        AND q.start_offset < ${x}.end_offset AND q.end_offset > ${x}.start_offset))`
  const ofArticleNaming = db.prepare<Record<string, unknown>, ExcerptRow>(`
    ${select} WHERE e.article_id = @articleId AND ${where} AND ${namingOf('e')}
    ORDER BY e.start_offset, e.end_offset, e.seq`)
  const ofNotebookNaming = db.prepare<Record<string, unknown>, ExcerptRow>(`
    ${select} JOIN articles a ON a.id = e.article_id
    WHERE e.id IN (
        SELECT x.id FROM entities n, json_each(n.mentions) m JOIN excerpts x
          ON x.article_id = n.article_id AND x.start_offset < m.value ->> 1 AND x.end_offset > m.value ->> 0
        WHERE n.name = @entity AND ${kindOk}
        UNION
        SELECT x.id FROM quotes q JOIN excerpts x
          ON x.article_id = q.article_id AND x.start_offset < q.end_offset AND x.end_offset > q.start_offset
        WHERE ${speakerOk})
      AND ${where}
    ORDER BY a.imported_at DESC, a.seq DESC, e.start_offset, e.end_offset, e.seq`)
  const tagsOf = db.prepare<[string], TagRef & { excerpt_id: string }>(`
    SELECT et.excerpt_id, t.id, t.name, t.color FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id
    WHERE et.excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`)
  // a write's check of its article: the summary's counts (articles.live) only to word a refusal
  const articleState = db.prepare<[string], { deleted_at: string | null }>(
    `SELECT deleted_at FROM articles WHERE id = ?`,
  )
  const refuseUnlessLive = (articleId: string) => {
    if (articleState.get(articleId)?.deleted_at !== null) articles.live(articleId, 'articleId')
  }
  // the new excerpt's section, found by offset, and its article's state, in one statement. As
  // arrays: better-sqlite3 compiles a new row builder at every run of a statement with ORDER BY
  // (~20 µs, a sixth of Gloss's own cost per excerpt)
  const placeOf = db
    .prepare<[number, string], [deleted_at: string | null, id: string, ordinal: number]>(
      `
    SELECT a.deleted_at, s.id, s.ordinal FROM articles a JOIN sections s ON s.seq = (
      SELECT seq FROM sections WHERE article_id = a.id AND start_offset <= ? ORDER BY start_offset DESC LIMIT 1)
    WHERE a.id = ?`,
    )
    .raw()
  const insert = db.prepare<
    [string, string, string, string, string, string, number, number, string, string, string, string]
  >(`
    INSERT INTO excerpts (id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const update = db.prepare(
    `UPDATE excerpts SET comment = @comment, color = @color, updated_at = @at WHERE id = @id`,
  )
  const setDeleted = db.prepare(`UPDATE excerpts SET deleted_at = ?, updated_at = ? WHERE id = ?`)
  const clearTags = db.prepare(`DELETE FROM excerpt_tags WHERE excerpt_id = ?`)
  const purge = db.prepare(`DELETE FROM excerpts WHERE deleted_at IS NOT NULL`)

  function withTags(rows: ExcerptRow[]): Excerpt[] {
    if (rows.length === 0) return []
    const byExcerpt = new Map<string, TagRef[]>()
    for (const { excerpt_id, ...tag } of tagsOf.all(JSON.stringify(rows.map((r) => r.id)))) {
      const list = byExcerpt.get(excerpt_id) ?? []
      list.push(tag)
      byExcerpt.set(excerpt_id, list)
    }
    return rows.map((row) => toExcerpt(row, byExcerpt.get(row.id) ?? []))
  }

  function get(id: string): Excerpt {
    const row = byId.get(id)
    if (!row) throw new GlossError('not_found', `No excerpt with id "${id}".`, 'id')
    return withTags([row])[0]!
  }

  /** Replaces the excerpt's tags; returns them as toExcerpt lists them (by name). */
  function setTags(id: string, names: string[], fresh = false): TagRef[] {
    if (!fresh) clearTags.run(id)
    const refs = new Map<string, TagRef>()
    for (const name of names) {
      const tag = tags.tagExcerpt(id, name)
      refs.set(tag.id, tag)
    }
    const list = [...refs.values()]
    return list.length > 1 ? list.sort((a, b) => compareNames(a.name, b.name)) : list
  }

  /** Where the excerpt goes: from offsets, or by finding the quote (with its context) in the text. */
  function resolveRange(text: string, input: CreateExcerptInput): [number, number] {
    if (input.start !== undefined && input.end !== undefined) {
      if (input.end > text.length) {
        throw new GlossError(
          'invalid_input',
          `end ${input.end} is past the end of the article (${text.length} characters).`,
          'end',
        )
      }
      const [start, end] = trimRange(text, input.start, input.end)
      if (start === end)
        throw new GlossError('invalid_input', 'The selected range holds only whitespace.', 'start')
      return [start, end]
    }
    const found = locateQuote(text, {
      exact: input.quote!,
      prefix: input.prefix,
      suffix: input.suffix,
      hint: input.hint,
    })
    return trimRange(text, found.start, found.end)
  }

  const create = db.transaction((input: CreateExcerptInput): Excerpt => {
    // the article's state is read with the section, once the range is known; a bad range in a
    // trashed or missing article is refused for the article, as if it were checked first
    let text: string, start: number, end: number, selectors: ReturnType<typeof describeRange>
    try {
      text = articles.text(input.articleId)
      ;[start, end] = resolveRange(text, input)
      selectors = describeRange(text, start, end)
    } catch (error) {
      refuseUnlessLive(input.articleId)
      throw error
    }
    const place = placeOf.get(start, input.articleId)
    if (!place || place[0] !== null) refuseUnlessLive(input.articleId)
    const [, sectionId, ordinal] = place!
    const id = input.id ?? newId()
    if (input.id && byId.get(input.id))
      throw new GlossError('conflict', `An excerpt with id "${input.id}" already exists.`, 'id')
    const at = now()
    const row: ExcerptRow = {
      id,
      article_id: input.articleId,
      section_id: sectionId,
      section_ordinal: ordinal,
      exact: selectors.exact,
      prefix: selectors.prefix,
      suffix: selectors.suffix,
      start_offset: start,
      end_offset: end,
      color: input.color,
      comment: input.comment,
      anchor_status: 'anchored',
      verbatim: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    }
    insert.run(
      id,
      row.article_id,
      row.section_id,
      row.exact,
      row.prefix,
      row.suffix,
      start,
      end,
      row.color,
      row.comment,
      at,
      at,
    )
    // built from what was written rather than read back: the read was a third of a write's cost
    return toExcerpt(row, setTags(id, input.tags, true))
  })

  return {
    get,
    create,

    /** These excerpts, in the order given (ids not found are left out). */
    getMany(ids: string[]): Excerpt[] {
      const order = new Map(ids.map((id, i) => [id, i]))
      const rows = byIds.all(JSON.stringify(ids)).sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      return withTags(rows)
    },

    list(filter: ExcerptFilter): Excerpt[] {
      if (filter.articleId) articles.summary(filter.articleId)
      const params = {
        articleId: filter.articleId ?? null,
        includeDeleted: filter.includeDeleted ? 1 : 0,
        color: filter.color ?? null,
        tag: filter.tag ?? null,
      }
      const { entity } = filter
      const rows = entity
        ? (filter.articleId ? ofArticleNaming : ofNotebookNaming).all({
            ...params,
            entity: entity.name,
            entityKind: entity.kind ?? null,
          })
        : filter.articleId
          ? ofArticle.all(params)
          : ofNotebook.all(params)
      return withTags(rows)
    },

    update: db.transaction(
      (input: { id: string; comment?: string; color?: ExcerptColor; tags?: string[] }): Excerpt => {
        const current = get(input.id)
        if (current.deletedAt)
          throw new GlossError('conflict', 'This excerpt is deleted; restore it before editing.', 'id')
        update.run({
          id: input.id,
          comment: input.comment ?? current.comment,
          color: input.color ?? current.color,
          at: now(),
        })
        if (input.tags) setTags(input.id, input.tags)
        return get(input.id)
      },
    ),

    delete: db.transaction((id: string): Excerpt => {
      const current = get(id)
      if (!current.deletedAt) setDeleted.run(now(), now(), id)
      return get(id)
    }),

    restore: db.transaction((id: string): Excerpt => {
      const current = get(id)
      if (current.deletedAt) articles.live(current.articleId, 'id')
      setDeleted.run(null, now(), id)
      return get(id)
    }),

    purgeDeleted: (): number => purge.run().changes,
  }
}

export type Excerpts = ReturnType<typeof createExcerpts>
