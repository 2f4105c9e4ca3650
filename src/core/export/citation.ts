/**
 * What the citation formats (./bibtex.ts, ./csl.ts) read from an article. Authors come from the
 * byline ("By Jane Doe and John Smith", "Jane Doe, John Smith", "Doe, Jane; Smith, John"): a name
 * of two words or more is split into given and family name at its last space; a single word (an
 * agency, "Reuters") is kept whole.
 */
export interface PersonName {
  family?: string
  given?: string
  literal?: string
}

/** Authors from a byline. */
export function bylineAuthors(byline: string | null): PersonName[] {
  if (!byline) return []
  const cleaned = byline
    .replace(/^\s*(written\s+)?by\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!cleaned) return []
  const separator = cleaned.includes(';') ? /\s*;\s*/ : /\s*(?:,|&|\band\b)\s*/i
  return cleaned
    .split(separator)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name): PersonName => {
      // "Doe, Jane" (only possible with ";" between authors)
      const comma = name.indexOf(',')
      if (comma > 0) return { given: name.slice(comma + 1).trim(), family: name.slice(0, comma).trim() }
      const space = name.lastIndexOf(' ')
      return space > 0 ? { given: name.slice(0, space), family: name.slice(space + 1) } : { literal: name }
    })
}

/** An excerpt's source: "Bruce Klingner, in *Title*" for a quotation with its speaker, else the title as it is. */
export function quotedIn(
  speaker: string | null | undefined,
  title: string,
  cite: (title: string) => string,
): string {
  return speaker ? `${speaker}, in ${cite(title)}` : title
}

/** [year, month?, day?] from an ISO-like date. */
export function dateParts(value: string | null): number[] | null {
  const match = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value) : null
  if (!match) return null
  return [match[1], match[2], match[3]].filter((p): p is string => p !== undefined).map(Number)
}

/** The pages an article's sections span (a PDF's), or null when its sections have none. */
export function pageRange(article: { sections: ReadonlyArray<{ page: number | null }> }): {
  first: number
  last: number
} | null {
  const pages = article.sections.map((s) => s.page).filter((p): p is number => p !== null)
  return pages.length ? { first: Math.min(...pages), last: Math.max(...pages) } : null
}
