import { GlossError } from '../../shared/errors'
import type { Backlinks, Note, NoteRef, NoteSource, NoteSummary } from '../../shared/model'
import { newId, now } from '../store/clock'
import type { Db } from '../store/open'
import type { DerivedLink, NoteIndex } from './derive'
import { relabelText, relinkContent, type SectionMove } from './relink'

/** Lexical's headless editor takes a third of a second to load: notes load it on first write. */
let derived: ((content: unknown | undefined) => NoteIndex) | undefined
const loadDerive = (() => {
  let loaded: Promise<(content: unknown | undefined) => NoteIndex> | undefined
  return () =>
    (loaded ??= Promise.all([import('./derive'), import('../../shared/notes/schema')]).then(
      ([{ deriveNoteIndex }, { emptyNoteContent }]) =>
        (derived = (content: unknown | undefined) => deriveNoteIndex(content ?? emptyNoteContent())),
    ))
})()

/** Load the indexer now (before a write that must re-derive notes inside its transaction). */
export const preloadDerive = (): Promise<unknown> => loadDerive()

export interface NoteRow {
  id: string
  title: string
  content: string
  text: string
  created_at: string
  updated_at: string
  deleted_at: string | null
  article_ids: string | null
}

const EXCERPT_LENGTH = 160
/**
 * A summary reads this much of a note's text, not all of it: a list of long notes would read
 * every one whole, and a save read the note it had just written back. More is read only when
 * the head is mostly blank (see toSummary).
 */
const HEAD = 4096
const ARTICLE_IDS = `(SELECT json_group_array(DISTINCT l.article_id) FROM note_links l WHERE l.note_id = n.id) AS article_ids`
const SELECT = `
  SELECT n.id, n.title, n.content, n.text, n.created_at, n.updated_at, n.deleted_at, ${ARTICLE_IDS}
  FROM notes n`
const SELECT_SUMMARY = `
  SELECT n.id, n.title, substr(n.text, 1, ${HEAD}) AS head, length(n.text) > ${HEAD} AS cut,
    n.created_at, n.updated_at, n.deleted_at, ${ARTICLE_IDS}
  FROM notes n`

interface SummaryRow extends Omit<NoteRow, 'content' | 'text'> {
  /** the text's first HEAD characters */
  head: string
  /** 1 when the text goes on past the head */
  cut: number
}

/** The text's words joined by single spaces, cut at EXCERPT_LENGTH; stops reading once it has enough. */
function excerptOf(text: string): { excerpt: string; complete: boolean } {
  let out = ''
  for (const [word] of text.matchAll(/\S+/g)) {
    out = out ? `${out} ${word}` : word
    if (out.length > EXCERPT_LENGTH)
      return { excerpt: out.slice(0, EXCERPT_LENGTH - 1) + '…', complete: true }
  }
  return { excerpt: out, complete: false }
}

function toSummary(row: SummaryRow, fullText: () => string): NoteSummary {
  const first = excerptOf(row.head)
  // a head that is mostly blank: what follows it may still belong in the excerpt
  const { excerpt } = !first.complete && row.cut ? excerptOf(fullText()) : first
  return {
    id: row.id,
    title: row.title,
    excerptText: excerpt,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    articleIds: row.article_ids ? (JSON.parse(row.article_ids) as string[]) : [],
  }
}

export function createNotes(db: Db) {
  const byId = db.prepare<[string], NoteRow>(`${SELECT} WHERE n.id = ?`)
  const summaryById = db.prepare<[string], SummaryRow>(`${SELECT_SUMMARY} WHERE n.id = ?`)
  const textOf = db.prepare<[string], string>(`SELECT text FROM notes WHERE id = ?`).pluck()
  const stateOf = db.prepare<[string], { deleted_at: string | null }>(
    `SELECT deleted_at FROM notes WHERE id = ?`,
  )
  const list = db.prepare<Record<string, unknown>, SummaryRow>(`${SELECT_SUMMARY}
    WHERE (@includeDeleted OR n.deleted_at IS NULL)
      AND (@articleId IS NULL OR EXISTS (SELECT 1 FROM note_links l WHERE l.note_id = n.id AND l.article_id = @articleId))
    ORDER BY n.updated_at DESC, n.seq DESC`)
  const insert = db.prepare(
    `INSERT INTO notes (id, title, content, text, created_at, updated_at) VALUES (@id, @title, @content, @text, @at, @at)`,
  )
  const saveRow = db.prepare(
    `UPDATE notes SET title = coalesce(@title, title), content = @content, text = @text, updated_at = @at WHERE id = @id`,
  )
  const rename = db.prepare(`UPDATE notes SET title = ?, updated_at = ? WHERE id = ?`)
  const setDeleted = db.prepare(`UPDATE notes SET deleted_at = ? WHERE id = ?`)
  const clearLinks = db.prepare(`DELETE FROM note_links WHERE note_id = ?`)
  const addLink = db.prepare(
    `INSERT OR IGNORE INTO note_links (note_id, target_type, target_id, article_id) VALUES (?, ?, ?, ?)`,
  )
  const purge = db.prepare(`DELETE FROM notes WHERE deleted_at IS NOT NULL`)
  const articleState = db.prepare<[string], { title: string; deleted_at: string | null }>(
    `SELECT title, deleted_at FROM articles WHERE id = ?`,
  )
  const linkedTo = db.prepare<[string], { note_id: string; content: string; text: string }>(`
    SELECT n.id AS note_id, n.content, n.text FROM notes n
    WHERE n.id IN (SELECT note_id FROM note_links WHERE article_id = ?)`)
  const setDerived = db.prepare(`UPDATE notes SET content = @content, text = @text WHERE id = @id`)
  const deadSections = db.prepare<[string], { target_id: string }>(`
    SELECT DISTINCT l.target_id FROM note_links l
    WHERE l.article_id = ? AND l.target_type = 'section'
      AND NOT EXISTS (SELECT 1 FROM sections s WHERE s.id = l.target_id)`)
  const versionSections = db.prepare<[string], { number: number; sections: string }>(
    `SELECT number, sections FROM versions WHERE article_id = ? ORDER BY number DESC`,
  )
  const backlinks = db.prepare<
    [string],
    { target_type: 'section' | 'excerpt'; target_id: string; id: string; title: string }
  >(`
    SELECT l.target_type, l.target_id, n.id, n.title FROM note_links l JOIN notes n ON n.id = l.note_id
    WHERE l.article_id = ? AND n.deleted_at IS NULL ORDER BY n.updated_at DESC`)

  const missing = (id: string) => new GlossError('not_found', `No note with id "${id}".`, 'id')

  function row(id: string): NoteRow {
    const found = byId.get(id)
    if (!found) throw missing(id)
    return found
  }

  function state(id: string): { deleted_at: string | null } {
    const found = stateOf.get(id)
    if (!found) throw missing(id)
    return found
  }

  function summary(id: string): NoteSummary {
    const found = summaryById.get(id)
    if (!found) throw missing(id)
    return toSummary(found, () => textOf.get(id)!)
  }

  function sourceOf(articleId: string): NoteSource {
    const article = articleState.get(articleId)
    if (!article) return { articleId, title: null, state: 'gone' }
    return { articleId, title: article.title, state: article.deleted_at ? 'trashed' : 'live' }
  }

  function get(id: string): Note {
    const r = row(id)
    const brief = toSummary({ ...r, head: r.text, cut: 0 }, () => r.text)
    return {
      ...brief,
      content: JSON.parse(r.content),
      text: r.text,
      deletedAt: r.deleted_at,
      sources: brief.articleIds.map(sourceOf),
    }
  }

  /** Content, plain text and links are written in one transaction: links always match what is saved. */
  function writeLinks(id: string, links: DerivedLink[]): void {
    clearLinks.run(id)
    for (const link of links) addLink.run(id, link.targetType, link.targetId, link.articleId)
  }

  type Derive = (content: unknown | undefined) => NoteIndex

  const create = db.transaction(
    (input: { title: string; content?: unknown; id?: string }, derive: Derive): Note => {
      const id = input.id ?? newId()
      if (input.id && byId.get(input.id))
        throw new GlossError('conflict', `A note with id "${input.id}" already exists.`, 'id')
      const index = derive(input.content)
      insert.run({
        id,
        title: input.title,
        content: JSON.stringify(index.content),
        text: index.text,
        at: now(),
      })
      writeLinks(id, index.links)
      return get(id)
    },
  )

  const save = db.transaction(
    (input: { id: string; title?: string; content: unknown }, derive: Derive): NoteSummary => {
      if (state(input.id).deleted_at)
        throw new GlossError('conflict', 'This note is deleted; restore it before editing.', 'id')
      const index = derive(input.content)
      saveRow.run({
        id: input.id,
        title: input.title ?? null,
        content: JSON.stringify(index.content),
        text: index.text,
        at: now(),
      })
      writeLinks(input.id, index.links)
      return summary(input.id)
    },
  )

  return {
    get,
    list: (articleId: string | undefined, includeDeleted: boolean): NoteSummary[] =>
      list
        .all({ articleId: articleId ?? null, includeDeleted: includeDeleted ? 1 : 0 })
        .map((r) => toSummary(r, () => textOf.get(r.id)!)),

    create: async (input: { title: string; content?: unknown; id?: string }): Promise<Note> =>
      create(input, await loadDerive()),
    save: async (input: { id: string; title?: string; content: unknown }): Promise<NoteSummary> =>
      save(input, await loadDerive()),

    rename: db.transaction((id: string, title: string): NoteSummary => {
      state(id)
      rename.run(title, now(), id)
      return summary(id)
    }),

    delete: db.transaction((id: string): NoteSummary => {
      if (!state(id).deleted_at) setDeleted.run(now(), id)
      return summary(id)
    }),

    restore: db.transaction((id: string): NoteSummary => {
      state(id)
      setDeleted.run(null, id)
      return summary(id)
    }),

    backlinks(articleId: string): Backlinks {
      const result: Backlinks = {
        sections: {},
        excerpts: {},
        source: sourceOf(articleId).state,
        orphanedSections: {},
      }
      for (const r of backlinks.all(articleId)) {
        const bucket = r.target_type === 'section' ? result.sections : result.excerpts
        const refs: NoteRef[] = (bucket[r.target_id] ??= [])
        if (!refs.some((n) => n.id === r.id)) refs.push({ id: r.id, title: r.title })
      }
      // links to sections a new version dropped: the ¶N and version they were last seen in
      const dead = new Set(deadSections.all(articleId).map((r) => r.target_id))
      if (dead.size > 0 && result.source !== 'gone') {
        for (const version of versionSections.all(articleId)) {
          for (const s of JSON.parse(version.sections) as Array<{ id: string; ordinal: number }>) {
            if (!dead.has(s.id)) continue
            dead.delete(s.id)
            result.orphanedSections[s.id] = {
              ordinal: s.ordinal,
              version: version.number,
              notes: result.sections[s.id] ?? [],
            }
          }
        }
      }
      return result
    },

    /**
     * A new version of the article moved its sections and excerpts: every note linking to it
     * gets its chips' ¶N (and generated labels) updated, its text and links derived again.
     * Runs inside the caller's transaction; updated_at is left alone (nobody edited the note).
     * Returns how many section links followed.
     */
    followArticle(
      articleId: string,
      sections: ReadonlyMap<string, SectionMove>,
      excerptOrdinals: ReadonlyMap<string, number>,
    ): number {
      let followed = 0
      for (const note of linkedTo.all(articleId)) {
        const relinked = relinkContent(JSON.parse(note.content), articleId, sections, excerptOrdinals)
        if (!relinked.changed) continue
        followed += relinked.labels.filter(([from]) => !from.startsWith('— ¶')).length
        if (derived) {
          const index = derived(relinked.content)
          setDerived.run({ id: note.note_id, content: JSON.stringify(index.content), text: index.text })
          writeLinks(note.note_id, index.links)
        } else {
          // the indexer is not loaded (a caller that did not preload it): same links, the chips' text swapped
          setDerived.run({
            id: note.note_id,
            content: JSON.stringify(relinked.content),
            text: relabelText(note.text, relinked.labels),
          })
        }
      }
      return followed
    },

    purgeDeleted: (): number => purge.run().changes,
  }
}

export type Notes = ReturnType<typeof createNotes>
