/**
 * Pictures stored with an article (schema 10): the bytes of those that came inside the import,
 * once per article and content hash, named by the sections' layouts (SectionImage.mediaId). They
 * go with the article when the trash is emptied (ON DELETE CASCADE).
 */
import { createHash } from 'node:crypto'
import { GlossError } from '../shared/errors'
import type { SectionLayout } from '../shared/model'
import { sniffPicture, type ParsedMedia } from './import/pictures'
import { newId } from './store/clock'
import type { Db } from './store/open'

export interface MediaRow {
  id: string
  article_id: string
  mime: string
  sha256: string
  byte_length: number
  bytes: Buffer
}

/** What getMedia returns: the picture's type and its bytes in base64 (the contract is JSON). */
export interface MediaContent {
  mime: string
  base64: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function createMedia(db: Db) {
  const insert = db.prepare(`
    INSERT INTO media (id, article_id, mime, sha256, byte_length, bytes)
    VALUES (@id, @articleId, @mime, @sha256, @byteLength, @bytes)
    ON CONFLICT (article_id, sha256) DO NOTHING`)
  const idOf = db.prepare<[string, string], { id: string }>(
    `SELECT id FROM media WHERE article_id = ? AND sha256 = ?`,
  )
  const byId = db.prepare<[string], MediaRow>(`SELECT * FROM media WHERE id = ?`)
  const ofArticle = db.prepare<[string], MediaRow>(`SELECT * FROM media WHERE article_id = ? ORDER BY seq`)

  /** Each picture stored once for the article (by hash); their ids by hash. Inside the caller's transaction. */
  function store(articleId: string, media: ParsedMedia[]): Map<string, string> {
    const ids = new Map<string, string>()
    for (const m of media) {
      if (ids.has(m.sha256)) continue
      insert.run({
        id: newId(),
        articleId,
        mime: m.mime,
        sha256: m.sha256,
        byteLength: m.bytes.byteLength,
        bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength),
      })
      ids.set(m.sha256, idOf.get(articleId, m.sha256)!.id)
    }
    return ids
  }

  return {
    store,

    /** getMedia: one picture's type and bytes; an id that names none is refused saying so. */
    get(id: string): MediaContent {
      if (!UUID.test(id)) throw new GlossError('invalid_input', `"${id}" is not a media id (a UUID).`, 'id')
      const row = byId.get(id)
      if (!row) throw new GlossError('not_found', `No picture with id "${id}" in this notebook.`, 'id')
      return { mime: row.mime, base64: row.bytes.toString('base64') }
    },

    /** An article's pictures, oldest first (the notebook export carries them). */
    ofArticle: (articleId: string): MediaRow[] => ofArticle.all(articleId),
  }
}

export type Media = ReturnType<typeof createMedia>

/**
 * A section's layout as stored: its pictures' hashes replaced by the ids `ids` gives (a picture
 * that was not stored keeps only its alt); JSON, or null for none.
 */
export function layoutJson(
  layout: SectionLayout | undefined | null,
  ids: Map<string, string>,
): string | null {
  if (layout === undefined || layout === null) return null
  if (layout.images === undefined) return JSON.stringify(layout)
  const images = layout.images.map((image) => {
    if (image.mediaId === null) return image
    const id = ids.get(image.mediaId)
    return id === undefined ? { mediaId: null, alt: image.alt } : { ...image, mediaId: id }
  })
  return JSON.stringify({ ...layout, images })
}

/** Why a picture from outside (a notebook file) is not one of ours, or null: its bytes must be its type and hash. */
export function mediaProblem(value: { mime: string; sha256: string; base64: string }): string | null {
  const bytes = Buffer.from(value.base64, 'base64')
  const mime = sniffPicture(bytes)
  if (mime === null) return 'is not a png, jpeg, gif or webp picture'
  if (mime !== value.mime) return `is a ${mime} picture, not ${value.mime}`
  if (createHash('sha256').update(bytes).digest('hex') !== value.sha256)
    return 'its bytes do not match its sha256'
  return null
}
