/**
 * Where each article was left in the reader (schema 12): one row per article, replaced by each
 * write. Kept in the notebook so that it survives a restart whatever the shell (a web shell on
 * another port is another origin, with other page storage). Not synced: it is this notebook's.
 */
import { GlossError } from '../shared/errors'
import type { ReadingPosition, Section } from '../shared/model'
import { now } from './store/clock'
import type { Db } from './store/open'

interface PositionRow {
  article_id: string
  section_id: string
  section_ordinal: number
  past: number
  updated_at: string
}

export interface ReadingPositionInput {
  articleId: string
  sectionId: string
  past: number
}

export function createReadingPositions(db: Db) {
  const byArticle = db.prepare<[string], PositionRow>(`SELECT * FROM reading_positions WHERE article_id = ?`)
  const articleExists = db.prepare<[string], 1>(`SELECT 1 FROM articles WHERE id = ?`).pluck()
  const ordinalOf = db
    .prepare<[string, string], number>(`SELECT ordinal FROM sections WHERE article_id = ? AND id = ?`)
    .pluck()
  const upsert = db.prepare(`
    INSERT INTO reading_positions (article_id, section_id, section_ordinal, past, updated_at)
    VALUES (@articleId, @sectionId, @ordinal, @past, @updatedAt)
    ON CONFLICT (article_id) DO UPDATE SET section_id = excluded.section_id,
      section_ordinal = excluded.section_ordinal, past = excluded.past, updated_at = excluded.updated_at`)

  return {
    /**
     * The place in an article with these sections (its current ones). A section a new version
     * dropped gives way to the one now at its ordinal (or the last), from its top.
     */
    get(articleId: string, sections: readonly Pick<Section, 'id' | 'ordinal'>[]): ReadingPosition | null {
      const row = byArticle.get(articleId)
      if (!row || sections.length === 0) return null
      const same = sections.find((s) => s.id === row.section_id)
      const section = same ?? sections.find((s) => s.ordinal >= row.section_ordinal) ?? sections.at(-1)!
      return { articleId, sectionId: section.id, past: same ? row.past : 0, updatedAt: row.updated_at }
    },

    set: db.transaction((input: ReadingPositionInput): ReadingPosition => {
      if (!articleExists.get(input.articleId))
        throw new GlossError('not_found', `No article with id "${input.articleId}".`, 'articleId')
      const ordinal = ordinalOf.get(input.articleId, input.sectionId)
      if (ordinal === undefined)
        throw new GlossError(
          'invalid_input',
          `sectionId "${input.sectionId}" is not a section of article "${input.articleId}".`,
          'sectionId',
        )
      const position = { ...input, updatedAt: now() }
      upsert.run({ ...position, ordinal })
      return position
    }),
  }
}
