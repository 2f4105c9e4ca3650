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
const snippet = (table: string, column: number) => `snippet(${table}, ${column}, @open, @close, '…', 14)`

/**
 * Two phases per kind: rank and filter every match without snippets (one statement), then
 * build snippets for the top `limit` rows only, one rowid seek each: on a common word,
 * snippets for every match would cost far more than the search itself.
 */
interface KindQuery {
  table: string
  column: number
  /** reads `matches(seq, rank)`; returns HitRow columns but the snippet, best first */
  top: string
}

const QUERIES: Record<SearchHitKind, KindQuery> = {
  article: {
    table: 'articles_fts',
    column: -1,
    top: `SELECT m.seq, m.rank, a.id, a.id AS article_id, a.title AS article_title, NULL AS section_id,
       NULL AS section_ordinal, a.title
     FROM matches m JOIN articles a ON a.seq = m.seq
     WHERE (@articleId IS NULL OR a.id = @articleId)
       AND (@tag IS NULL OR EXISTS (${LIVE_TAGGED} AND e.article_id = a.id))
     ORDER BY m.rank LIMIT @limit`,
  },
  section: {
    table: 'sections_fts',
    column: 0,
    top: `SELECT m.seq, m.rank, s.id, s.article_id, a.title AS article_title, s.id AS section_id,
       s.ordinal AS section_ordinal, a.title
     FROM matches m JOIN sections s ON s.seq = m.seq JOIN articles a ON a.id = s.article_id
     WHERE (@includeQuarantined OR s.kind != 'quarantined')
       AND (@articleId IS NULL OR s.article_id = @articleId)
       AND (@tag IS NULL OR EXISTS (${LIVE_TAGGED} AND e.section_id = s.id))
     ORDER BY m.rank LIMIT @limit`,
  },
  excerpt: {
    table: 'excerpts_fts',
    column: -1,
    top: `SELECT m.seq, m.rank, e.id, e.article_id, a.title AS article_title, e.section_id,
       s.ordinal AS section_ordinal, a.title
     FROM matches m JOIN excerpts e ON e.seq = m.seq
       JOIN sections s ON s.id = e.section_id JOIN articles a ON a.id = e.article_id
     WHERE e.deleted_at IS NULL
       AND (@articleId IS NULL OR e.article_id = @articleId)
       AND (@tag IS NULL OR ${HAS_TAG})
     ORDER BY m.rank LIMIT @limit`,
  },
  note: {
    table: 'notes_fts',
    column: -1,
    top: `SELECT m.seq, m.rank, n.id, NULL AS article_id, NULL AS article_title, NULL AS section_id,
       NULL AS section_ordinal, CASE WHEN n.title = '' THEN 'Untitled note' ELSE n.title END AS title
     FROM matches m JOIN notes n ON n.seq = m.seq
     WHERE n.deleted_at IS NULL
       AND (@articleId IS NULL OR EXISTS (SELECT 1 FROM note_links l WHERE l.note_id = n.id AND l.article_id = @articleId))
       AND (@tag IS NULL OR EXISTS (SELECT 1 FROM note_links l JOIN excerpts e ON e.id = l.target_id
         WHERE l.note_id = n.id AND l.target_type = 'excerpt' AND e.deleted_at IS NULL AND ${HAS_TAG}))
     ORDER BY m.rank LIMIT @limit`,
  },
}

const ALL_KINDS: SearchHitKind[] = ['article', 'section', 'excerpt', 'note']

type TopRow = Omit<HitRow, 'snippet'> & { seq: number }

export function createSearch(db: Db) {
  const statements = Object.fromEntries(
    ALL_KINDS.map((kind) => {
      const { table, column, top } = QUERIES[kind]
      return [
        kind,
        {
          top: db.prepare<Record<string, unknown>, TopRow>(
            `WITH matches AS (SELECT rowid AS seq, rank FROM ${table} WHERE ${table} MATCH @q) ${top}`,
          ),
          snippet: db
            .prepare<Record<string, unknown>, string>(
              `SELECT ${snippet(table, column)} FROM ${table} WHERE ${table} MATCH @q AND rowid = @seq`,
            )
            .pluck(),
        },
      ]
    }),
  ) as Record<
    SearchHitKind,
    { top: Statement<Record<string, unknown>, TopRow>; snippet: Statement<Record<string, unknown>, string> }
  >

  /** Up to `limit` hits of each kind, best first within the kind. */
  return function search(input: SearchInput): SearchResult {
    const q = toFtsQuery(input.query)
    if (q === null) return { query: input.query, hits: [] }
    const params = {
      q,
      articleId: input.articleId ?? null,
      tag: input.tag ?? null,
      includeQuarantined: input.includeQuarantined ? 1 : 0,
      limit: input.limit,
    }
    const hits: SearchHit[] = []
    for (const kind of input.kinds ?? ALL_KINDS) {
      const { top, snippet } = statements[kind]
      for (const row of top.all(params)) {
        hits.push({
          kind,
          id: row.id,
          articleId: row.article_id,
          articleTitle: row.article_title,
          sectionId: row.section_id,
          sectionOrdinal: row.section_ordinal,
          title: row.title,
          snippet: snippet.get({ q, seq: row.seq, open: SNIPPET_OPEN, close: SNIPPET_CLOSE }) ?? '',
          rank: row.rank,
        })
      }
    }
    return { query: input.query, hits }
  }
}
