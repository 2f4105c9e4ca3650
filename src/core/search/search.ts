import {
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type SearchHit,
  type SearchHitKind,
  type SearchResult,
} from '../../shared/model'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../store/open'
import { toFtsQuery } from './query'

export interface SearchInput {
  query: string
  articleId?: string
  tag?: string
  kinds?: SearchHitKind[]
  includeQuarantined: boolean
  limit: number
}

interface HitRow {
  id: string
  article_id: string | null
  article_title: string | null
  section_id: string | null
  section_ordinal: number | null
  title: string
  snippet: string
  rank: number
}

/** excerpt alias `e` carries the tag, or its descendant */
const HAS_TAG = `EXISTS (SELECT 1 FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id
  WHERE et.excerpt_id = e.id AND (t.name = @tag COLLATE NOCASE OR substr(t.name, 1, length(@tag) + 1) = @tag || '/' COLLATE NOCASE))`
const LIVE_TAGGED = `SELECT 1 FROM excerpts e WHERE e.deleted_at IS NULL AND ${HAS_TAG}`

/**
 * One statement per kind. FTS5 hands matches over best first (it consumes `ORDER BY rank`), each
 * is joined and filtered as it comes, and snippet() runs only for the rows that pass, so a common
 * word costs its ranking plus `limit` snippets, never a snippet per match. The FTS table is not
 * aliased: snippet() and MATCH take its name. LIMIT is written in (see createSearch).
 */
function kindQuery(table: string, column: number, select: string, from: string, where: string) {
  return (limit: number) => `SELECT ${select}, ${table}.rank AS rank,
      snippet(${table}, ${column}, @open, @close, '…', 14) AS snippet
    FROM ${table} ${from}
    WHERE ${table} MATCH @q AND ${where}
    ORDER BY ${table}.rank LIMIT ${limit}`
}

const QUERIES: Record<SearchHitKind, (limit: number) => string> = {
  article: kindQuery(
    'articles_fts',
    -1,
    `a.id, a.id AS article_id, a.title AS article_title, NULL AS section_id, NULL AS section_ordinal, a.title`,
    `JOIN articles a ON a.seq = articles_fts.rowid`,
    `a.deleted_at IS NULL AND (@articleId IS NULL OR a.id = @articleId)
       AND (@tag IS NULL OR EXISTS (${LIVE_TAGGED} AND e.article_id = a.id))`,
  ),
  section: kindQuery(
    'sections_fts',
    0,
    `s.id, s.article_id, a.title AS article_title, s.id AS section_id, s.ordinal AS section_ordinal, a.title`,
    `JOIN sections s ON s.seq = sections_fts.rowid JOIN articles a ON a.id = s.article_id`,
    `a.deleted_at IS NULL AND (@includeQuarantined OR s.kind != 'quarantined')
       AND (@articleId IS NULL OR s.article_id = @articleId)
       AND (@tag IS NULL OR EXISTS (${LIVE_TAGGED} AND e.section_id = s.id))`,
  ),
  excerpt: kindQuery(
    'excerpts_fts',
    -1,
    `e.id, e.article_id, a.title AS article_title, e.section_id, s.ordinal AS section_ordinal, a.title`,
    `JOIN excerpts e ON e.seq = excerpts_fts.rowid
       JOIN sections s ON s.id = e.section_id JOIN articles a ON a.id = e.article_id`,
    `e.deleted_at IS NULL
       AND (@articleId IS NULL OR e.article_id = @articleId)
       AND (@tag IS NULL OR ${HAS_TAG})`,
  ),
  note: kindQuery(
    'notes_fts',
    -1,
    `n.id, NULL AS article_id, NULL AS article_title, NULL AS section_id, NULL AS section_ordinal,
       CASE WHEN n.title = '' THEN 'Untitled note' ELSE n.title END AS title`,
    `JOIN notes n ON n.seq = notes_fts.rowid`,
    `n.deleted_at IS NULL
       AND (@articleId IS NULL OR EXISTS (SELECT 1 FROM note_links l WHERE l.note_id = n.id AND l.article_id = @articleId))
       AND (@tag IS NULL OR EXISTS (SELECT 1 FROM note_links l JOIN excerpts e ON e.id = l.target_id
         WHERE l.note_id = n.id AND l.target_type = 'excerpt' AND e.deleted_at IS NULL AND ${HAS_TAG}))`,
  ),
}

export const SEARCH_KINDS: SearchHitKind[] = ['article', 'section', 'excerpt', 'note']

export function createSearch(db: Db) {
  // a statement per kind and limit: a LIMIT known when the statement is planned lets FTS5 keep
  // only the best rows while it ranks (a bound one costs a quarter more on a short answer)
  const prepared = new Map<string, Statement<Record<string, unknown>, HitRow>>()
  const statement = (kind: SearchHitKind, limit: number) => {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`search limit ${limit}`)
    const key = `${kind} ${limit}`
    let found = prepared.get(key)
    if (!found) prepared.set(key, (found = db.prepare(QUERIES[kind](limit))))
    return found
  }

  /** Up to `limit` hits of each kind, best first within the kind. */
  return function search(input: SearchInput): SearchResult {
    const q = toFtsQuery(input.query)
    if (q === null) return { query: input.query, hits: [] }
    const params = {
      q,
      articleId: input.articleId ?? null,
      tag: input.tag ?? null,
      includeQuarantined: input.includeQuarantined ? 1 : 0,
      open: SNIPPET_OPEN,
      close: SNIPPET_CLOSE,
    }
    const hits: SearchHit[] = []
    for (const kind of input.kinds ?? SEARCH_KINDS) {
      for (const row of statement(kind, input.limit).all(params)) {
        hits.push({
          kind,
          id: row.id,
          articleId: row.article_id,
          articleTitle: row.article_title,
          sectionId: row.section_id,
          sectionOrdinal: row.section_ordinal,
          title: row.title,
          snippet: row.snippet,
          rank: row.rank,
        })
      }
    }
    return { query: input.query, hits }
  }
}
