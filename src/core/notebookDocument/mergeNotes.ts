import { GlossError } from '../../shared/errors'
import { EXCERPT_CARD_TYPE } from '../../shared/notes/nodes/ExcerptCardNode'
import { SECTION_LINK_TYPE } from '../../shared/notes/nodes/SectionLinkNode'
import { deriveNoteIndex } from '../notes/derive'
import { localIsNewer, type Merge } from './merge'
import type { NotebookDocument } from './schema'

/**
 * Notes: merged by id and edit time as excerpts are. The content is validated and indexed as
 * every save does, pointing at the articles and sections the merge matched, and the note's
 * links are derived from it (the document's noteLinks are not trusted).
 */
export function mergeNotes(merge: Merge, notes: NotebookDocument['notes']): void {
  const { db, report } = merge
  const byId = db.prepare<[string], { updated_at: string; deleted_at: string | null }>(
    `SELECT updated_at, deleted_at FROM notes WHERE id = ?`,
  )
  const insert = db.prepare(`
    INSERT INTO notes (id, title, content, text, created_at, updated_at) VALUES (@id, @title, @content, @text, @createdAt, @updatedAt)`)
  const update = db.prepare(`
    UPDATE notes SET title = @title, content = @content, text = @text, created_at = @createdAt, updated_at = @updatedAt, deleted_at = NULL
    WHERE id = @id`)
  const clearLinks = db.prepare(`DELETE FROM note_links WHERE note_id = ?`)
  const addLink = db.prepare(
    `INSERT OR IGNORE INTO note_links (note_id, target_type, target_id, article_id) VALUES (?, ?, ?, ?)`,
  )

  notes.forEach((note, i) => {
    const local = byId.get(note.id)
    if (local && localIsNewer(note.updatedAt, local)) {
      report.skipped.notes++
      return
    }
    let index: ReturnType<typeof deriveNoteIndex>
    try {
      index = deriveNoteIndex(remapNoteContent(note.content, merge.articleIds, merge.sectionIds))
    } catch (error) {
      if (error instanceof GlossError) {
        throw new GlossError(
          error.code,
          `The notebook document is invalid at notes.${i}.content: ${error.message}`,
          `document.notes.${i}.content`,
        )
      }
      throw error
    }
    const row = {
      id: note.id,
      title: note.title.trim(),
      content: JSON.stringify(index.content),
      text: index.text,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
    }
    if (local) {
      update.run(row)
      report.updated.notes++
    } else {
      insert.run(row)
      report.added.notes++
    }
    clearLinks.run(note.id)
    for (const link of index.links) addLink.run(note.id, link.targetType, link.targetId, link.articleId)
  })
}

/** Rewrites the article and section ids inside a note's content (for articles found under another id). */
function remapNoteContent(
  content: unknown,
  articleMap: ReadonlyMap<string, string>,
  sectionMap: ReadonlyMap<string, string>,
): unknown {
  if (articleMap.size === 0 && sectionMap.size === 0) return content
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk)
    if (typeof value !== 'object' || value === null) return value
    const node = { ...(value as Record<string, unknown>) }
    if (node.type === SECTION_LINK_TYPE || node.type === EXCERPT_CARD_TYPE) {
      if (typeof node.articleId === 'string')
        node.articleId = articleMap.get(node.articleId) ?? node.articleId
      if (node.type === SECTION_LINK_TYPE && typeof node.sectionId === 'string') {
        node.sectionId = sectionMap.get(node.sectionId) ?? node.sectionId
      }
    }
    if (Array.isArray(node.children)) node.children = node.children.map(walk)
    if (node.root) node.root = walk(node.root)
    return node
  }
  return walk(content)
}
