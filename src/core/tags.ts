import { GlossError } from '../shared/errors'
import type { Tag, TagMergeResult, TagRef, TagSnapshot } from '../shared/model'
import { newId, now } from './store/clock'
import type { Db } from './store/open'

interface TagRow {
  id: string
  name: string
  color: string | null
  created_at: string
  usage_count: number
  total_count: number
}

/** "people / Kim  Jong Un " → "people/Kim Jong Un": trimmed levels, single spaces. */
export function normalizeTagName(name: string): string {
  return name
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .join('/')
}

/** "a/b/c" → ["a", "a/b"] */
function ancestorsOf(name: string): string[] {
  const parts = name.split('/')
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** A name's next code point for NOCASE order: ASCII letters folded; a lone surrogate as UTF-8 writes it (U+FFFD). */
function foldedAt(s: string, i: number): number {
  const c = s.codePointAt(i)!
  if (c >= 0x41 && c <= 0x5a) return c + 32
  return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c
}

/**
 * SQLite's NOCASE order: ASCII letters folded, then UTF-8 bytes (as ORDER BY … COLLATE NOCASE).
 * UTF-8 bytes sort as code points do, so code points are compared, without encoding each name.
 */
export function compareNames(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = foldedAt(a, i)
    const y = foldedAt(b, j)
    if (x !== y) return x < y ? -1 : 1
    i += x > 0xffff ? 2 : 1
    j += y > 0xffff ? 2 : 1
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0
}

const isBelow = (name: string, parent: string) => name.toLowerCase().startsWith(parent.toLowerCase() + '/')

/** How many names' tags a notebook keeps at hand for linking (a few hundred are in use at most). */
const KNOWN_NAMES = 1000

export function createTags(db: Db) {
  // counts kept by the store (schema 14's triggers), so a listing reads one row per tag
  const counted = `
    SELECT t.id, t.name, t.color, t.created_at, coalesce(c.usage, 0) AS usage_count, coalesce(c.total, 0) AS total_count
    FROM tags t LEFT JOIN tag_counts c ON c.tag_id = t.id`
  const countedById = db.prepare<[string], TagRow>(`${counted} WHERE t.id = ?`)
  const allTags = db.prepare<[], TagRow>(`${counted} ORDER BY t.name COLLATE NOCASE`)
  const byName = db.prepare<[string], TagRef>(
    `SELECT id, name, color FROM tags WHERE name = ? COLLATE NOCASE`,
  )
  const byId = db.prepare<[string], TagRef & { created_at: string }>(
    `SELECT id, name, color, created_at FROM tags WHERE id = ?`,
  )
  const descendantsOf = db.prepare<{ name: string }, TagRef & { created_at: string }>(
    `SELECT id, name, color, created_at FROM tags WHERE substr(name, 1, length(@name) + 1) = @name || '/' COLLATE NOCASE ORDER BY length(name) DESC`,
  )
  const descendants = { all: (name: string) => descendantsOf.all({ name }) }
  const insert = db.prepare(`INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)`)
  const setName = db.prepare(`UPDATE tags SET name = ? WHERE id = ?`)
  const setColor = db.prepare(`UPDATE tags SET color = ? WHERE id = ?`)
  const remove = db.prepare(`DELETE FROM tags WHERE id = ?`)
  const excerptsOf = db.prepare<[string], { excerpt_id: string }>(
    `SELECT excerpt_id FROM excerpt_tags WHERE tag_id = ?`,
  )
  const link = db.prepare(`INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)`)
  const unlink = db.prepare(`DELETE FROM excerpt_tags WHERE excerpt_id = ? AND tag_id = ?`)
  // a link by a name's tag as last found, taken only if the tag still has that id, name and color
  // (checked by the insert itself), so a rename, recolor or delete by anyone (sync) is never missed
  const linkKnown = db.prepare<[string, string, string, string | null]>(
    `INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id)
     SELECT ?, id FROM tags WHERE id = ? AND name = ? COLLATE BINARY AND color IS ?`,
  )
  const known = new Map<string, TagRef>()
  const excerptExists = db.prepare<[string], { ok: 1 }>(`SELECT 1 AS ok FROM excerpts WHERE id = ?`)

  const toTag = (row: TagRow): Tag => ({
    id: row.id,
    name: row.name,
    color: row.color,
    createdAt: row.created_at,
    usageCount: row.usage_count,
    totalCount: row.total_count,
  })

  function get(id: string): Tag {
    const row = countedById.get(id)
    if (!row) throw new GlossError('not_found', `No tag with id "${id}".`, 'id')
    return toTag(row)
  }

  /** Find or create a tag and its parents; returns the tag itself. */
  function ensure(rawName: string, color: string | null = null): TagRef {
    const name = normalizeTagName(rawName)
    // a tag's ancestors always exist (made with it, deleted with it), so a known tag is one lookup
    const existing = byName.get(name)
    if (existing) return existing
    for (const ancestor of ancestorsOf(name)) {
      if (!byName.get(ancestor)) insert.run(newId(), ancestor, null, now())
    }
    const id = newId()
    insert.run(id, name, color, now())
    return { id, name, color }
  }

  /** Link the excerpt to the named tag (made, with its parents, if new); one statement when known. */
  function tagExcerpt(excerptId: string, rawName: string): TagRef {
    const last = known.get(rawName)
    if (last && linkKnown.run(excerptId, last.id, last.name, last.color).changes === 1) return { ...last }
    const tag = ensure(rawName)
    link.run(excerptId, tag.id)
    if (known.size >= KNOWN_NAMES) known.clear()
    known.set(rawName, tag)
    return tag
  }

  function snapshot(tag: TagRef & { created_at: string }): TagSnapshot {
    return {
      id: tag.id,
      name: tag.name,
      color: tag.color,
      createdAt: tag.created_at,
      excerptIds: excerptsOf.all(tag.id).map((r) => r.excerpt_id),
    }
  }

  function requireTag(id: string, field = 'id') {
    const tag = byId.get(id)
    if (!tag) throw new GlossError('not_found', `No tag with id "${id}".`, field)
    return tag
  }

  return {
    list: (): Tag[] => allTags.all().map(toTag),
    get,
    ensure,
    tagExcerpt,

    create: db.transaction((name: string, color: string | null): Tag => {
      const normalized = normalizeTagName(name)
      if (byName.get(normalized))
        throw new GlossError('conflict', `A tag named "${normalized}" already exists.`, 'name')
      return get(ensure(normalized, color).id)
    }),

    rename: db.transaction((id: string, rawName: string): Tag => {
      const tag = requireTag(id)
      const name = normalizeTagName(rawName)
      if (isBelow(name, tag.name)) {
        throw new GlossError('invalid_input', `Cannot move "${tag.name}" under itself ("${name}").`, 'name')
      }
      const clash = byName.get(name)
      if (clash && clash.id !== id)
        throw new GlossError('conflict', `A tag named "${clash.name}" already exists; merge instead.`, 'name')
      for (const child of descendants.all(tag.name)) {
        const renamed = name + child.name.slice(tag.name.length)
        const childClash = byName.get(renamed)
        if (childClash && childClash.id !== child.id) {
          throw new GlossError('conflict', `Renaming would make "${renamed}", which already exists.`, 'name')
        }
        setName.run(renamed, child.id)
      }
      setName.run(name, id)
      for (const ancestor of ancestorsOf(name))
        if (!byName.get(ancestor)) insert.run(newId(), ancestor, null, now())
      return get(id)
    }),

    recolor: db.transaction((id: string, color: string | null): Tag => {
      requireTag(id)
      setColor.run(color, id)
      return get(id)
    }),

    merge: db.transaction((fromIds: string[], intoId: string): TagMergeResult => {
      const into = requireTag(intoId, 'intoId')
      const removed: TagSnapshot[] = []
      const addedTo = new Set<string>()
      const hadTarget = new Set(excerptsOf.all(intoId).map((r) => r.excerpt_id))
      for (const fromId of new Set(fromIds)) {
        if (fromId === intoId)
          throw new GlossError('invalid_input', `Cannot merge "${into.name}" into itself.`, 'fromIds')
        const from = requireTag(fromId, 'fromIds')
        if (descendants.all(from.name).length > 0) {
          throw new GlossError(
            'conflict',
            `Cannot merge "${from.name}": it has sub-tags. Merge or rename them first.`,
            'fromIds',
          )
        }
        if (isBelow(into.name, from.name)) {
          throw new GlossError(
            'invalid_input',
            `Cannot merge "${from.name}" into its own sub-tag "${into.name}".`,
            'fromIds',
          )
        }
        const snap = snapshot(from)
        for (const excerptId of snap.excerptIds) {
          if (!hadTarget.has(excerptId)) addedTo.add(excerptId)
          link.run(excerptId, intoId)
        }
        remove.run(fromId)
        removed.push(snap)
      }
      return { into: get(intoId), removed, addedTo: [...addedTo] }
    }),

    /** Deletes the tag and every tag below it; the snapshots let undo put them back. */
    delete: db.transaction((id: string): TagSnapshot[] => {
      const tag = requireTag(id)
      const doomed = [tag, ...descendants.all(tag.name)]
      const snapshots = doomed.map(snapshot)
      for (const t of doomed) remove.run(t.id)
      return snapshots
    }),

    restore: db.transaction(
      (snapshots: TagSnapshot[], untag?: { tagId: string; excerptIds: string[] }): Tag[] => {
        // parents first, so a restored child never creates a fresh parent
        const ordered = [...snapshots].sort((a, b) => a.name.split('/').length - b.name.split('/').length)
        for (const snap of ordered) {
          const clash = byName.get(snap.name)
          if (clash && clash.id !== snap.id) {
            throw new GlossError(
              'conflict',
              `Cannot restore "${snap.name}": another tag now has that name.`,
              'snapshots',
            )
          }
          if (!clash) {
            for (const ancestor of ancestorsOf(snap.name)) {
              if (
                !byName.get(ancestor) &&
                !ordered.some((s) => s.name.toLowerCase() === ancestor.toLowerCase())
              ) {
                insert.run(newId(), ancestor, null, now())
              }
            }
            insert.run(snap.id, snap.name, snap.color, snap.createdAt)
          }
          for (const excerptId of snap.excerptIds)
            if (excerptExists.get(excerptId)) link.run(excerptId, snap.id)
        }
        if (untag) for (const excerptId of untag.excerptIds) unlink.run(excerptId, untag.tagId)
        return snapshots.map((s) => get(s.id))
      },
    ),
  }
}

export type Tags = ReturnType<typeof createTags>
