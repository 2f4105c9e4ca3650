import { newId, now } from '../store/clock'
import { normalizeTagName } from '../tags'
import type { Merge } from './merge'
import type { NotebookDocument } from './schema'

type DocumentTag = NotebookDocument['tags'][number]

/**
 * Tags, in document order (which keeps their order in the notebook). A tag whose name is
 * taken case-insensitively by a tag with another id is mapped to that tag; a parent the
 * notebook lacks is taken from the document first, or created.
 */
export function mergeTags(merge: Merge, tags: DocumentTag[]): void {
  const { db, report, tagIds } = merge
  const byId = db.prepare<[string], { id: string }>(`SELECT id FROM tags WHERE id = ?`)
  const byName = db.prepare<[string], { id: string; name: string }>(
    `SELECT id, name FROM tags WHERE name = ? COLLATE NOCASE`,
  )
  const insert = db.prepare(`INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)`)
  const documentTagByName = new Map(tags.map((t) => [normalizeTagName(t.name).toLowerCase(), t]))

  const mergeTag = (tag: DocumentTag): void => {
    if (tagIds.has(tag.id)) return
    const name = normalizeTagName(tag.name)
    if (byId.get(tag.id)) {
      tagIds.set(tag.id, tag.id)
      report.skipped.tags++
      return
    }
    const clash = byName.get(name)
    if (clash) {
      tagIds.set(tag.id, clash.id)
      report.skipped.tags++
      report.mappedTags.push({ id: tag.id, name, toId: clash.id, toName: clash.name })
      return
    }
    const parts = name.split('/')
    for (let i = 1; i < parts.length; i++) {
      const ancestor = parts.slice(0, i).join('/')
      if (byName.get(ancestor)) continue
      const fromDocument = documentTagByName.get(ancestor.toLowerCase())
      if (fromDocument) mergeTag(fromDocument)
      else {
        insert.run(newId(), ancestor, null, now())
        report.added.tags++
      }
    }
    insert.run(tag.id, name, tag.color, tag.createdAt)
    tagIds.set(tag.id, tag.id)
    report.added.tags++
  }
  for (const tag of tags) mergeTag(tag)
}
