/** Metadata every format may carry; null when the source does not say. */
export interface ArticleMetadata {
  title: string | null
  byline: string | null
  publishedAt: string | null
}

export const NO_METADATA: ArticleMetadata = { title: null, byline: null, publishedAt: null }

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** ISO 8601 for any date a parser understands; ISO-like input is kept exactly as given. */
export function normalizeDate(raw: string | null | undefined): string | null {
  const value = raw?.trim()
  if (!value) return null
  if (ISO_LIKE.test(value)) return value
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

export function cleanMetadataText(raw: string | null | undefined): string | null {
  const value = raw?.replace(/\s+/g, ' ').trim()
  return value ? value : null
}
