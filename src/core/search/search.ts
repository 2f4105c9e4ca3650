import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit, type SearchHitKind, type SearchResult } from '../../shared/model'
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

const QUERIES: Record<SearchHitKind, string> = {
  article: `
    SELECT a.id, a.id AS article_id, a.title AS article_title, NULL AS section_id, NULL AS section_ordinal,
      a.title, ${snippet('articles_fts', -1)} AS snippet, bm25(articles_fts) AS rank
    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
    WHERE articles_fts MATCH @q AND (@articleId IS NULL OR a.id = @articleId)
      AND (@tag IS NULL OR EXISTS (${LIVE_TAGGED} AND e.article_id = a.id))
    ORDER BY rank LIMIT @limit`,
  section: `
    SELECT s.id, s.article_id, a.title AS article_title, s.id AS section_id, s.ordinal AS section_ordinal,
      a.title, ${snippet('sections_fts', 0)} AS snippet, bm25(sections_fts) AS rank
    FROM sections_fts JOIN sections s ON s.seq = sections_fts.rowid JOIN articles a ON a.id = s.article_id
    WHERE sections_fts MATCH @q AND (@includeQuarantined OR s.kind != 'quarantined')
      AND (@articleId IS NULL OR s.article_id = @articleId)
      AND (@tag IS NULL OR EXISTS (${LIVE_TAGGED} AND e.section_id = s.id))
    ORDER BY rank LIMIT @limit`,
  excerpt: `
    SELECT e.id, e.article_id, a.title AS article_title, e.section_id, s.ordinal AS section_ordinal,
      a.title, ${snippet('excerpts_fts', -1)} AS snippet, bm25(excerpts_fts) AS rank
    FROM excerpts_fts JOIN excerpts e ON e.seq = excerpts_fts.rowid
      JOIN sections s ON s.id = e.section_id JOIN articles a ON a.id = e.article_id
    WHERE excerpts_fts MATCH @q AND e.deleted_at IS NULL
      AND (@articleId IS NULL OR e.article_id = @articleId)
      AND (@tag IS NULL OR ${HAS_TAG})
    ORDER BY rank LIMIT @limit`,
  note: `
    SELECT n.id, NULL AS article_id, NULL AS article_title, NULL AS section_id, NULL AS section_ordinal,
      CASE WHEN n.title = '' THEN 'Untitled note' ELSE n.title END AS title,
      ${snippet('notes_fts', -1)} AS snippet, bm25(notes_fts) AS rank
    FROM notes_fts JOIN notes n ON n.seq = notes_fts.rowid
    WHERE notes_fts MATCH @q AND n.deleted_at IS NULL
      AND (@articleId IS NULL OR EXISTS (SELECT 1 FROM note_links l WHERE l.note_id = n.id AND l.article_id = @articleId))
      AND (@tag IS NULL OR EXISTS (SELECT 1 FROM note_links l JOIN excerpts e ON e.id = l.target_id
        WHERE l.note_id = n.id AND l.target_type = 'excerpt' AND e.deleted_at IS NULL AND ${HAS_TAG}))
    ORDER BY rank LIMIT @limit`,
}

const ALL_KINDS: SearchHitKind[] = ['article', 'section', 'excerpt', 'note']

export function createSearch(db: Db) {
  const statements = Object.fromEntries(ALL_KINDS.map((kind) => [kind, db.prepare<Record<string, unknown>, HitRow>(QUERIES[kind])])) as Record<
    SearchHitKind,
    ReturnType<typeof db.prepare<Record<string, unknown>, HitRow>>
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
      open: SNIPPET_OPEN,
      close: SNIPPET_CLOSE,
    }
    const hits: SearchHit[] = []
    for (const kind of input.kinds ?? ALL_KINDS) {
      for (const row of statements[kind].all(params)) {
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
