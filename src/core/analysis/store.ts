/**
 * The research analysis in SQLite (schema 7): each live article analysed once per version, at
 * import and in the background for articles from before; read back by the research operations.
 * A speaker the user sets is kept by the quotation's words and put back on every re-analysis.
 */
import type { Handlers } from '../../shared/contract'
import { GlossError } from '../../shared/errors'
import type { EntityName, ImportResult } from '../../shared/model'
import type {
  EntityKind,
  EntityMention,
  QuoteSpeaker,
  ResearchEntity,
  ResearchEvent,
  ResearchQuote,
  ResearchStatus,
} from '../../shared/research'
import { newId, now } from '../store/clock'
import type { Db } from '../store/open'

// the language libraries (compromise, chrono-node) load on the first analysis: the CLI and the
// shells open a notebook without them
let analysisModule: typeof import('./index') | undefined
const loadAnalysis = async () => {
  if (!analysisModule) {
    const loaded = await import('./index')
    loaded.warmUp()
    analysisModule = loaded
  }
  return analysisModule
}

interface ArticleRow {
  id: string
  version: number
  published_at: string | null
  imported_at: string
  version_imported_at: string | null
}

interface QuoteRow {
  id: string
  article_id: string
  title: string
  section_id: string | null
  ordinal: number
  start_offset: number
  end_offset: number
  text: string
  speaker_kind: QuoteSpeaker['kind']
  speaker_name: string | null
  speaker_description: string | null
  cue_type: string
  cue_text: string
  cue_start: number | null
  cue_end: number | null
  confidence: number
  corrected: number
}

interface EntityRow {
  article_id: string
  title: string
  kind: ResearchEntity['kind']
  name: string
  aliases: string
  mentions: string
}

interface EventRow {
  id: string
  article_id: string
  title: string
  section_id: string | null
  ordinal: number
  start_offset: number
  end_offset: number
  text: string
  date: string
  guessed: number
  sentence: string
}

/** A quotation's words folded: what a correction is matched by after a re-analysis. */
export const quoteKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** The most named first, then by name: listEntities and listEntityNames list in the same order. */
const byMentions = (a: { mentionCount: number; name: string }, b: { mentionCount: number; name: string }) =>
  b.mentionCount - a.mentionCount || a.name.localeCompare(b.name)

/**
 * listEntityNames' query: from the index entities_counts alone (schema 15), neither the mentions
 * nor the articles' rows are read, only the trash's ids. An article has an entity once (the
 * analysis merges by kind and name), so its rows count its articles.
 */
export const entityNamesSql = (of: 'article' | 'notebook'): string =>
  `SELECT kind, name, count(*) AS articleCount, sum(mention_count) AS mentionCount FROM entities
  WHERE article_id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)
    AND (@kind IS NULL OR kind = @kind)${of === 'article' ? ' AND article_id = @articleId' : ''}
  GROUP BY kind, name`

const LIVE = `a.deleted_at IS NULL`
const STALE = `SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
  WHERE ${LIVE} AND (n.version IS NULL OR n.version != a.version)`

/**
 * Above this many characters an import leaves its analysis to the background pass (about a
 * millisecond per thousand characters: a 1 MB article would hold the notebook for a second).
 */
export const IMPORT_ANALYSIS_MAX_CHARS = 100_000

export interface ResearchOptions {
  /** writes refused: a read-only notebook is read as it is, unanalysed articles stay so */
  readOnly: () => boolean
}

export function createResearch(db: Db, options: ResearchOptions) {
  const articleRow = db.prepare<[string], ArticleRow>(
    `SELECT id, version, published_at, imported_at, version_imported_at FROM articles WHERE id = ?`,
  )
  const sectionRows = db.prepare<
    [string],
    { ordinal: number; text: string; start_offset: number; kind: string }
  >(
    `SELECT ordinal, text, start_offset, kind FROM sections WHERE article_id = ? AND kind != 'quarantined' ORDER BY ordinal`,
  )
  const analysedVersion = db.prepare<[string], { version: number }>(
    `SELECT version FROM analyses WHERE article_id = ?`,
  )
  const articleLength = db.prepare<[string], { length: number }>(
    `SELECT length(text) AS length FROM articles WHERE id = ?`,
  )
  const nextStale = db.prepare<[], { id: string }>(`${STALE} ORDER BY a.imported_at DESC LIMIT 1`)
  const clear = ['quotes', 'entities', 'events'].map((t) =>
    db.prepare(`DELETE FROM ${t} WHERE article_id = ?`),
  )
  const insertQuote = db.prepare(`
    INSERT INTO quotes (id, article_id, ordinal, start_offset, end_offset, text, speaker_kind, speaker_name,
      speaker_description, cue_type, cue_text, cue_start, cue_end, confidence, corrected)
    VALUES (@id, @articleId, @ordinal, @start, @end, @text, @kind, @name, @description, @cueType, @cueText,
      @cueStart, @cueEnd, @confidence, @corrected)`)
  const insertEntity = db.prepare(`
    INSERT INTO entities (id, article_id, kind, name, aliases, mentions, mention_count)
    VALUES (@id, @articleId, @kind, @name, @aliases, @mentions, @mentionCount)`)
  const insertEvent = db.prepare(`
    INSERT INTO events (id, article_id, ordinal, start_offset, end_offset, text, date, guessed, sentence)
    VALUES (@id, @articleId, @ordinal, @start, @end, @text, @date, @guessed, @sentence)`)
  const upsertAnalysis = db.prepare(`
    INSERT INTO analyses (article_id, version, analyzed_at, ms) VALUES (?, ?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, analyzed_at = excluded.analyzed_at, ms = excluded.ms`)
  const correctionsOf = db.prepare<
    [string],
    {
      quote_key: string
      speaker_kind: QuoteSpeaker['kind']
      speaker_name: string | null
      speaker_description: string | null
    }
  >(
    `SELECT quote_key, speaker_kind, speaker_name, speaker_description FROM quote_corrections WHERE article_id = ?`,
  )
  const upsertCorrection = db.prepare(`
    INSERT INTO quote_corrections (article_id, quote_key, speaker_kind, speaker_name, speaker_description, corrected_at)
    VALUES (@articleId, @key, @kind, @name, @description, @at)
    ON CONFLICT (article_id, quote_key) DO UPDATE SET speaker_kind = excluded.speaker_kind,
      speaker_name = excluded.speaker_name, speaker_description = excluded.speaker_description, corrected_at = excluded.corrected_at`)
  const deleteCorrection = db.prepare(`DELETE FROM quote_corrections WHERE article_id = ? AND quote_key = ?`)
  const setSpeaker = db.prepare(`
    UPDATE quotes SET speaker_kind = @kind, speaker_name = @name, speaker_description = @description,
      confidence = 1, corrected = 1 WHERE id = @id`)
  const QUOTE_SELECT = `SELECT q.*, a.title, (SELECT s.id FROM sections s WHERE s.article_id = q.article_id AND s.ordinal = q.ordinal) AS section_id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE ${LIVE}`
  const quoteById = db.prepare<[string], QuoteRow>(`${QUOTE_SELECT} AND q.id = ?`)
  const quotesOf = db.prepare<[string], QuoteRow>(
    `${QUOTE_SELECT} AND q.article_id = ? ORDER BY q.start_offset`,
  )
  const allQuotes = db.prepare<[], QuoteRow>(`${QUOTE_SELECT} ORDER BY a.imported_at DESC, q.start_offset`)
  const ENTITY_SELECT = `SELECT e.article_id, a.title, e.kind, e.name, e.aliases, e.mentions FROM entities e
    JOIN articles a ON a.id = e.article_id WHERE ${LIVE}`
  const entitiesOf = db.prepare<[string], EntityRow>(`${ENTITY_SELECT} AND e.article_id = ?`)
  const sectionIds = db.prepare<[string], { id: string; ordinal: number }>(
    `SELECT id, ordinal FROM sections WHERE article_id = ?`,
  )
  const allEntities = db.prepare<[], EntityRow>(`${ENTITY_SELECT} ORDER BY a.imported_at DESC`)
  const namesOf = db.prepare<{ articleId: string; kind: EntityKind | null }, EntityName>(
    entityNamesSql('article'),
  )
  const allNames = db.prepare<{ kind: EntityKind | null }, EntityName>(entityNamesSql('notebook'))
  const EVENT_SELECT = `SELECT v.*, a.title, (SELECT s.id FROM sections s WHERE s.article_id = v.article_id AND s.ordinal = v.ordinal) AS section_id FROM events v JOIN articles a ON a.id = v.article_id WHERE ${LIVE}`
  const eventsOf = db.prepare<[string], EventRow>(
    `${EVENT_SELECT} AND v.article_id = ? ORDER BY v.date, v.start_offset`,
  )
  const allEvents = db.prepare<[], EventRow>(`${EVENT_SELECT} ORDER BY v.date, a.imported_at, v.start_offset`)
  const counts = db.prepare<[], { total: number; analyzed: number }>(`
    SELECT count(*) AS total, count(n.article_id) AS analyzed FROM articles a
    LEFT JOIN analyses n ON n.article_id = a.id AND n.version = a.version WHERE ${LIVE}`)

  const analyze = db.transaction((articleId: string): number => {
    const article = articleRow.get(articleId)
    if (!article) throw new GlossError('not_found', `No article with id "${articleId}".`, 'articleId')
    const t0 = performance.now()
    const sections = sectionRows
      .all(articleId)
      .map((s) => ({ ordinal: s.ordinal, text: s.text, start: s.start_offset, kind: s.kind }))
    if (!analysisModule) throw new Error('the analysis module is not loaded (loadAnalysis first)')
    const analysis = analysisModule.analyzeArticle({
      sections,
      publishedAt: article.published_at,
      importedAt: article.version_imported_at ?? article.imported_at,
    })
    const corrections = new Map(correctionsOf.all(articleId).map((c) => [c.quote_key, c]))
    for (const statement of clear) statement.run(articleId)
    for (const q of analysis.quotes) {
      const fixed = corrections.get(quoteKey(q.text))
      insertQuote.run({
        id: newId(),
        articleId,
        ordinal: q.place.ordinal,
        start: q.place.start,
        end: q.place.end,
        text: q.text,
        kind: fixed?.speaker_kind ?? q.speaker.kind,
        name: fixed ? fixed.speaker_name : q.speaker.name,
        description: fixed ? fixed.speaker_description : q.speaker.description,
        cueType: q.cue.type,
        cueText: q.cue.text,
        cueStart: q.cue.place?.start ?? null,
        cueEnd: q.cue.place?.end ?? null,
        confidence: fixed ? 1 : q.confidence,
        corrected: fixed ? 1 : 0,
      })
    }
    for (const e of analysis.entities)
      insertEntity.run({
        id: newId(),
        articleId,
        kind: e.kind,
        name: e.name,
        aliases: JSON.stringify(e.aliases),
        mentions: JSON.stringify(
          e.mentions.map((m) => [m.place.start, m.place.end, m.place.ordinal, m.text]),
        ),
        mentionCount: e.mentions.length,
      })
    for (const v of analysis.events)
      insertEvent.run({
        id: newId(),
        articleId,
        ordinal: v.place.ordinal,
        start: v.place.start,
        end: v.place.end,
        text: v.text,
        date: v.date,
        guessed: v.guessed ? 1 : 0,
        sentence: v.sentence,
      })
    const ms = performance.now() - t0
    upsertAnalysis.run(articleId, article.version, now(), ms)
    return ms
  })

  /** Analyse the article's current version unless it is already (or the notebook is read-only). */
  async function ensure(articleId: string): Promise<void> {
    const stale = () => {
      const article = articleRow.get(articleId)
      return article && !options.readOnly() && analysedVersion.get(articleId)?.version !== article.version
    }
    if (!stale()) return
    await loadAnalysis()
    if (stale()) analyze(articleId)
  }

  const toQuote = (r: QuoteRow): ResearchQuote => ({
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.title,
    sectionId: r.section_id,
    ordinal: r.ordinal,
    start: r.start_offset,
    end: r.end_offset,
    text: r.text,
    speaker: { kind: r.speaker_kind, name: r.speaker_name, description: r.speaker_description },
    cue: { type: r.cue_type, text: r.cue_text, start: r.cue_start, end: r.cue_end },
    confidence: r.confidence,
    corrected: r.corrected === 1,
  })

  const toEvent = (r: EventRow): ResearchEvent => ({
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.title,
    sectionId: r.section_id,
    ordinal: r.ordinal,
    start: r.start_offset,
    end: r.end_offset,
    text: r.text,
    date: r.date,
    guessed: r.guessed === 1,
    sentence: r.sentence,
  })

  async function listQuotes(input: { articleId?: string; speaker?: string }): Promise<ResearchQuote[]> {
    if (input.articleId) await ensure(input.articleId)
    const rows = input.articleId ? quotesOf.all(input.articleId) : allQuotes.all()
    const quotes = rows.map(toQuote)
    return input.speaker === undefined ? quotes : quotes.filter((q) => q.speaker.name === input.speaker)
  }

  const correct = db.transaction((input: { id: string; speaker: QuoteSpeaker | null }): ResearchQuote => {
    const row = quoteById.get(input.id)
    if (!row) throw new GlossError('not_found', `No quotation with id "${input.id}".`, 'id')
    const key = quoteKey(row.text)
    if (input.speaker === null) {
      // back to what the analysis finds: the quotation is found again by its place
      deleteCorrection.run(row.article_id, key)
      analyze(row.article_id)
      const again = quotesOf.all(row.article_id).find((q) => q.start_offset === row.start_offset)
      if (!again) throw new GlossError('not_found', `The quotation “${row.text}” is no longer found.`, 'id')
      return toQuote(again)
    }
    const { kind, name, description } = input.speaker
    upsertCorrection.run({ articleId: row.article_id, key, kind, name, description, at: now() })
    setSpeaker.run({ id: row.id, kind, name, description })
    return toQuote(quoteById.get(row.id)!)
  })

  async function listEntities(input: {
    articleId?: string
    query?: string
    kind?: ResearchEntity['kind']
  }): Promise<ResearchEntity[]> {
    if (input.articleId) await ensure(input.articleId)
    const rows = input.articleId ? entitiesOf.all(input.articleId) : allEntities.all()
    const quotes = input.articleId ? quotesOf.all(input.articleId) : allQuotes.all()
    const quoted = new Map<string, number>()
    for (const q of quotes)
      if (q.speaker_name) quoted.set(q.speaker_name, (quoted.get(q.speaker_name) ?? 0) + 1)
    const merged = new Map<string, ResearchEntity>()
    const sectionsOf = new Map<string, Map<number, string>>()
    const sectionId = (articleId: string, ordinal: number) => {
      let ids = sectionsOf.get(articleId)
      if (!ids)
        sectionsOf.set(articleId, (ids = new Map(sectionIds.all(articleId).map((s) => [s.ordinal, s.id]))))
      return ids.get(ordinal) ?? null
    }
    for (const r of rows) {
      const key = `${r.kind}:${r.name}`
      const entity = merged.get(key) ?? {
        kind: r.kind,
        name: r.name,
        aliases: [],
        mentionCount: 0,
        quoteCount: r.kind === 'place' ? 0 : (quoted.get(r.name) ?? 0),
        articles: [],
        mentions: [],
      }
      const mentions = (JSON.parse(r.mentions) as Array<[number, number, number, string]>).map(
        ([start, end, ordinal, text]): EntityMention => ({
          articleId: r.article_id,
          sectionId: sectionId(r.article_id, ordinal),
          start,
          end,
          ordinal,
          text,
        }),
      )
      for (const alias of JSON.parse(r.aliases) as string[])
        if (!entity.aliases.includes(alias)) entity.aliases.push(alias)
      entity.mentionCount += mentions.length
      entity.mentions.push(...mentions)
      entity.articles.push({ id: r.article_id, title: r.title, mentionCount: mentions.length })
      merged.set(key, entity)
    }
    const query = input.query?.trim().toLowerCase() ?? ''
    return [...merged.values()]
      .filter((e) => !input.kind || e.kind === input.kind)
      .filter((e) => !query || [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(query)))
      .sort(byMentions)
  }

  async function listEntityNames(input: { articleId?: string; kind?: EntityKind }): Promise<EntityName[]> {
    const kind = input.kind ?? null
    if (input.articleId) await ensure(input.articleId)
    const names = input.articleId ? namesOf.all({ articleId: input.articleId, kind }) : allNames.all({ kind })
    return names.sort(byMentions)
  }

  async function listTimeline(input: { articleId?: string }): Promise<ResearchEvent[]> {
    if (input.articleId) await ensure(input.articleId)
    return (input.articleId ? eventsOf.all(input.articleId) : allEvents.all()).map(toEvent)
  }

  /** Analyse one article not analysed in its current version; false when none is left. */
  async function analyzeNext(): Promise<boolean> {
    if (options.readOnly()) return false
    const next = nextStale.get()
    if (!next) return false
    await loadAnalysis()
    analyze(next.id)
    return true
  }

  // the host's background pass: started by the host, started again by an import that leaves it an article
  let pause: (() => Promise<void>) | null = null
  let pass: Promise<void> | null = null
  const background = (woken: boolean): Promise<void> =>
    (pass ??= (async () => {
      try {
        // woken by an import: a pause first, so the import answers before the analysis holds the thread
        if (woken) await pause!()
        while (db.open && (await analyzeNext())) await pause!()
      } finally {
        pass = null
      }
    })())

  return {
    analyze,
    ensure,
    /** Each import analyses what it stored (a new article or a new version); a failed analysis never fails the import. */
    analyzeImports(handlers: Handlers): void {
      for (const name of ['importFile', 'importContent', 'importUrl', 'importVersion'] as const) {
        const run = handlers[name] as (input: unknown) => Promise<ImportResult>
        ;(handlers as Record<string, unknown>)[name] = async (input: unknown) => {
          const result = await run(input)
          // a duplicate stored nothing: it writes nothing either (the background analyses it if need be)
          if (result.duplicate) return result
          if (pause && articleLength.get(result.article.id)!.length > IMPORT_ANALYSIS_MAX_CHARS) {
            void background(true).catch((error: unknown) => {
              if (db.open) console.warn(`Gloss: the background analysis stopped: ${String(error)}`)
            })
            return result
          }
          try {
            await ensure(result.article.id)
          } catch (error) {
            console.warn(`Gloss: analysing “${result.article.title}” failed: ${String(error)}`)
          }
          return result
        }
      }
    },
    /**
     * The research analysis of every article not analysed yet, one per `pause`; from then on, an
     * import of a big article returns before its analysis and this picks it up.
     */
    analyzeGradually(wait: () => Promise<void>): Promise<void> {
      pause = wait
      return background(false)
    },
    handlers: {
      listQuotes,
      // a reset analyses the article again
      setQuoteSpeaker: async (input: { id: string; speaker: QuoteSpeaker | null }) => (
        await loadAnalysis(),
        correct(input)
      ),
      listEntities,
      listEntityNames,
      listTimeline,
      researchStatus: (): ResearchStatus => counts.get()!,
    },
  }
}

export type Research = ReturnType<typeof createResearch>
