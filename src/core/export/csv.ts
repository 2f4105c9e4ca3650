/**
 * Excerpts as CSV (RFC 4180): columns article, ¶ ("3", or "3–4" for a passage running into ¶4),
 * page (a PDF's, else empty), quote, comment, tags, color, verbatim ("yes", or "no" once a new
 * version of the article changed the words), created.
 * Every field is quoted when it holds a comma, a double quote (doubled), CR or LF; rows end
 * with CRLF; the file is UTF-8 with a byte-order mark so spreadsheet apps read it as UTF-8.
 *
 * Tags are joined with "; " (tag names may hold spaces and commas, rarely semicolons).
 *
 * Spreadsheet formula injection: quotes come from web pages, so a field starting with
 * =, +, -, @, TAB or CR would be run as a formula by Excel/LibreOffice. Such fields get a
 * leading apostrophe (the OWASP advice), which spreadsheets hide and show the text as typed.
 * `neutralizeFormulas: false` writes the values untouched.
 */
import type { Snapshot } from '../snapshot/records'
import { paragraphRange } from '../../shared/notes/labels'
import { excerptPlace } from './layout'
import { titleOf, visibleExcerpts } from './visible'

export const CSV_COLUMNS = [
  'article',
  '¶',
  'page',
  'quote',
  'comment',
  'tags',
  'color',
  'verbatim',
  'created',
] as const
export const BOM = '\uFEFF'

export interface CsvOptions {
  neutralizeFormulas?: boolean
}

export function csvField(value: string, neutralize = true): string {
  const safe = neutralize && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function renderCsv(data: Snapshot, options: CsvOptions = {}): string {
  const neutralize = options.neutralizeFormulas ?? true
  const rows: string[][] = [[...CSV_COLUMNS]]
  for (const e of visibleExcerpts(data)) {
    const { ordinal, lastOrdinal, page } = excerptPlace(data, e)
    rows.push([
      titleOf(data, e.articleId),
      paragraphRange(ordinal, lastOrdinal),
      page ? String(page) : '',
      e.quote.exact,
      e.comment,
      e.tags.map((t) => t.name).join('; '),
      e.color,
      e.verbatim ? 'yes' : 'no',
      e.createdAt,
    ])
  }
  return BOM + rows.map((row) => row.map((v) => csvField(v, neutralize)).join(',') + '\r\n').join('')
}
