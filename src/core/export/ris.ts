/**
 * RIS: one record per article, for reference managers that import it (EndNote, Zotero,
 * Mendeley, RefWorks). Tags are two letters, two spaces, a hyphen and a space; lines end CRLF;
 * a record ends "ER  - ". Pages where the article's sections have them (a PDF's).
 */
import type { ArticleRecord, Snapshot } from '../snapshot/records'
import { bylineAuthors, dateParts, pageRange } from './citation'

/** A field's value on one line (RIS has no continuation lines). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

function risDate(parts: number[]): string {
  const [y, m, d] = parts
  return [String(y), m ? String(m).padStart(2, '0') : '', d ? String(d).padStart(2, '0') : ''].join('/')
}

function risRecord(article: ArticleRecord): string {
  const fields: Array<[string, string]> = [
    ['TY', article.sourceUrl ? 'ELEC' : 'GEN'],
    ['ID', article.id],
    ['TI', oneLine(article.title)],
  ]
  for (const p of bylineAuthors(article.byline))
    fields.push(['AU', p.literal ? oneLine(p.literal) : `${oneLine(p.family!)}, ${oneLine(p.given!)}`])
  const date = dateParts(article.publishedAt)
  if (date) fields.push(['PY', String(date[0])], ['DA', risDate(date)])
  const pages = pageRange(article)
  if (pages) fields.push(['SP', String(pages.first)], ['EP', String(pages.last)])
  if (article.sourceUrl) {
    fields.push(['UR', article.sourceUrl])
    fields.push(['Y2', risDate(dateParts(article.importedAt) ?? [])])
  }
  fields.push(['N1', `Gloss article ${article.id}`])
  return [...fields.map(([tag, value]) => `${tag}  - ${value}`), 'ER  - '].join('\r\n') + '\r\n'
}

export function renderRis(data: Snapshot): string {
  return data.articles.map(risRecord).join('\r\n')
}
