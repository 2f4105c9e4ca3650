/**
 * Drag an excerpt into a note. The excerpt list (or the reader) calls `setExcerptDragData`
 * from its item's onDragStart; the note editor accepts the drop and inserts an excerpt card.
 */
import type { Excerpt } from '../../../shared/model'
import type { ExcerptCardPayload } from '../../../shared/notes/nodes'
import { parseExcerptSnapshot } from '../../../shared/notes/nodes/snapshot'

const EXCERPT_DRAG_TYPE = 'application/x-gloss-excerpt'

/** What travels in the drag: the id (always) and a snapshot so the drop needs no fetch. */
export interface ExcerptDragData {
  excerptId: string
  articleId?: string
  ordinal?: number
  quote?: string
  color?: string
  comment?: string
  tags?: string[]
}

type DragEventLike = { dataTransfer: DataTransfer | null }

/** Call from onDragStart of anything that represents an excerpt. */
export function setExcerptDragData(event: DragEventLike, excerpt: Excerpt): void {
  const transfer = event.dataTransfer
  if (!transfer) return
  const data: ExcerptDragData = {
    excerptId: excerpt.id,
    articleId: excerpt.articleId,
    ordinal: excerpt.sectionOrdinal,
    quote: excerpt.quote.exact,
    color: excerpt.color,
    comment: excerpt.comment,
    tags: excerpt.tags.map((t) => t.name),
  }
  transfer.setData(EXCERPT_DRAG_TYPE, JSON.stringify(data))
  // plain text for drops outside Gloss
  transfer.setData('text/plain', `“${excerpt.quote.exact}” — ¶${excerpt.sectionOrdinal}`)
  transfer.effectAllowed = 'copy'
}

/** True while dragging something that carries an excerpt (data is unreadable until drop). */
export function isExcerptDrag(transfer: DataTransfer | null): boolean {
  return !!transfer && Array.from(transfer.types).includes(EXCERPT_DRAG_TYPE)
}

/** The dragged excerpt, or null when the drag carries none (or garbage). */
export function readExcerptDragData(transfer: DataTransfer | null): ExcerptDragData | null {
  const raw = transfer?.getData(EXCERPT_DRAG_TYPE)
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as unknown
    if (typeof value !== 'object' || value === null) return null
    const data = value as Record<string, unknown>
    if (typeof data.excerptId !== 'string' || !data.excerptId) return null
    return data as unknown as ExcerptDragData
  } catch {
    return null
  }
}

/** A card payload from drag data, when the drag carried enough to skip fetching. */
export function cardFromDragData(data: ExcerptDragData): ExcerptCardPayload | null {
  if (!data.articleId || typeof data.quote !== 'string' || typeof data.ordinal !== 'number') return null
  return {
    excerptId: data.excerptId,
    articleId: data.articleId,
    ordinal: data.ordinal,
    snapshot: parseExcerptSnapshot(data),
  }
}

/** A card payload from an excerpt as the notebook returns it. */
export function cardFromExcerpt(excerpt: Excerpt): ExcerptCardPayload {
  return {
    excerptId: excerpt.id,
    articleId: excerpt.articleId,
    ordinal: excerpt.sectionOrdinal,
    snapshot: {
      quote: excerpt.quote.exact,
      color: excerpt.color,
      comment: excerpt.comment,
      tags: excerpt.tags.map((t) => t.name),
    },
  }
}
