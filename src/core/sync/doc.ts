/**
 * The notebook-wide Yjs document, keyed by public ids:
 *
 *   articles  id → Y.Map { title, format, sourceFormat, sourcePath, sourceUrl, byline, publishedAt,
 *                          importedAt, contentHash, version, versionImportedAt, deletedAt,
 *                          versions: JSON [{ number, format, sourceFormat, contentHash, importedAt }] (those replaced),
 *                          hidden: Y.Map sectionId → reason }   (sections' state: which are hidden)
 *   blobs     contentHash → JSON { text, contentHtml, sections }  (an article version's text: immutable, sent once)
 *   excerpts  id → Y.Map { articleId, sectionId, exact, prefix, suffix, start, end, color, anchorStatus,
 *                          verbatim, reviewedAt, createdAt, updatedAt, deletedAt,
 *                          comments: Y.Array<CommentEntry> }
 *   tags      id → Y.Map { name, color, createdAt }
 *   tagLinks  "<excerptId> <tagId>" → true
 *   notes     id → Y.Map { title, createdAt, updatedAt, deletedAt }   (bodies: one Y.Doc per note, ./noteBody.ts)
 *
 * Deletion is a field (deletedAt), so a deletion on one side and an edit on the other both stay:
 * the excerpt is in the trash, with the edit. Emptying the trash does not remove an article,
 * excerpt or note either: it marks it purged with the edit it saw (`purgedSeen`, `purgedAt`), so
 * an edit made meanwhile elsewhere brings it back into the trash instead of being lost with it.
 * Marks older than PURGE_KEPT_DAYS are removed for good when sync starts.
 */
import * as Y from 'yjs'

export type Fields = Record<string, string | number | null>

/**
 * A comment as written: the text shown is the entry with the latest `at` (then the larger
 * client id), so concurrent edits keep the last writer; every entry stays, so the other is
 * recoverable. `seen` is how many entries the writer had: an entry at an index ≥ a later
 * writer's `seen` was concurrent with it.
 */
export interface CommentEntry {
  text: string
  at: string
  by: number
  seen: number
}

export interface NotebookDoc {
  doc: Y.Doc
  articles: Y.Map<Y.Map<unknown>>
  blobs: Y.Map<string>
  excerpts: Y.Map<Y.Map<unknown>>
  tags: Y.Map<Y.Map<unknown>>
  tagLinks: Y.Map<true>
  notes: Y.Map<Y.Map<unknown>>
}

export function notebookDoc(doc: Y.Doc): NotebookDoc {
  return {
    doc,
    articles: doc.getMap('articles'),
    blobs: doc.getMap('blobs'),
    excerpts: doc.getMap('excerpts'),
    tags: doc.getMap('tags'),
    tagLinks: doc.getMap('tagLinks'),
    notes: doc.getMap('notes'),
  }
}

export type EntityKind = 'articles' | 'excerpts' | 'tags' | 'tagLinks' | 'notes' | 'blobs'
export const ENTITY_KINDS: EntityKind[] = ['tags', 'blobs', 'articles', 'excerpts', 'tagLinks', 'notes']

export const tagLinkKey = (excerptId: string, tagId: string) => `${excerptId} ${tagId}`
export const splitTagLink = (key: string) => key.split(' ') as [string, string]

/** Set the fields that differ (an unchanged field writes nothing, so an echo costs no update). */
export function setFields(map: Y.Map<unknown>, fields: Fields): void {
  for (const [key, value] of Object.entries(fields)) if (map.get(key) !== value) map.set(key, value)
}

/** The entity's map, created with its fields when new. */
export function entity(parent: Y.Map<Y.Map<unknown>>, id: string, fields: Fields): Y.Map<unknown> {
  const found = parent.get(id)
  if (found) {
    setFields(found, fields)
    return found
  }
  const created = new Y.Map<unknown>(Object.entries(fields))
  parent.set(id, created)
  return created
}

export const field = <T = string | null>(map: Y.Map<unknown>, key: string): T => (map.get(key) ?? null) as T

const later = (a: CommentEntry, b: CommentEntry) => a.at > b.at || (a.at === b.at && a.by > b.by)

/** The comment shown: the last writer's (index −1 and '' when none was written). */
export function currentComment(excerpt: Y.Map<unknown>): { text: string; index: number } {
  const list = excerpt.get('comments') as Y.Array<CommentEntry> | undefined
  let best: CommentEntry | null = null
  let index = -1
  list?.forEach((entry, i) => {
    if (!best || later(entry, best)) {
      best = entry
      index = i
    }
  })
  return { text: (best as CommentEntry | null)?.text ?? '', index }
}

/** Every text the excerpt's comment has had, newest first (what a concurrent edit replaced among them). */
export function commentHistory(excerpt: Y.Map<unknown>): CommentEntry[] {
  const list = excerpt.get('comments') as Y.Array<CommentEntry> | undefined
  return (list?.toArray() ?? []).sort((a, b) => (later(a, b) ? -1 : 1))
}

/** How long a purged entry's mark stays: an edit made offline for longer is lost with it. */
export const PURGE_KEPT_DAYS = 30

/**
 * What a purge saw of an entry: every field but the purge's own, each nested list by its length
 * (entries are only appended). An excerpt's `updatedAt` is left out: its deletion sets it, so a
 * concurrent edit's would lose or win by client id alone; the edit shows in the field it changed.
 */
export function purgeSignature(entry: Y.Map<unknown>): string {
  const seen: Array<[string, unknown]> = []
  const isExcerpt = entry.has('articleId') && entry.has('exact')
  for (const [key, value] of entry) {
    if (key === 'purgedSeen' || key === 'purgedAt' || (isExcerpt && key === 'updatedAt')) continue
    seen.push([
      key,
      value instanceof Y.Array ? value.length : value instanceof Y.Map ? value.toJSON() : value,
    ])
  }
  return JSON.stringify(seen.sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Emptying the trash here removed the entry: mark it (kept when already marked). */
export function markPurged(entry: Y.Map<unknown>, at: string): void {
  if (isPurged(entry)) return
  entry.set('purgedSeen', purgeSignature(entry))
  entry.set('purgedAt', at)
}

/** Purged, and edited nowhere since (an edit the purge did not see keeps it, in the trash). */
export const isPurged = (entry: Y.Map<unknown>): boolean =>
  entry.get('deletedAt') != null && entry.get('purgedSeen') === purgeSignature(entry)
