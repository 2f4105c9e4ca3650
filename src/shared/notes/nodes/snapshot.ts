/**
 * An excerpt card's snapshot read from untrusted data, without Lexical: the renderer's
 * drag-and-drop uses it outside the editor, which loads on first use.
 */
import { EXCERPT_COLORS, type ExcerptColor } from '../../model'
import type { ExcerptSnapshot } from './decorators'

/** Read a snapshot from untrusted JSON, keeping what is valid and defaulting the rest. */
export function parseExcerptSnapshot(value: unknown): ExcerptSnapshot {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const color = (EXCERPT_COLORS as readonly string[]).includes(raw.color as string)
    ? (raw.color as ExcerptColor)
    : 'yellow'
  return {
    quote: typeof raw.quote === 'string' ? raw.quote : '',
    color,
    comment: typeof raw.comment === 'string' ? raw.comment : '',
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
  }
}
