/** CSL-JSON: one item per article, for Zotero, Pandoc citeproc and other citeproc tools. */
import type { ArticleRecord, Snapshot } from '../snapshot/records'
import { bylineAuthors, dateParts, pageRange, type PersonName } from './citation'

export interface CslItem {
  id: string
  type: 'webpage' | 'document'
  title: string
  author?: PersonName[]
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  URL?: string
  /** "1-12": the pages the article's sections span (a PDF's) */
  page?: string
  note?: string
}

function cslItem(article: ArticleRecord): CslItem {
  const item: CslItem = {
    id: article.id,
    type: article.sourceUrl ? 'webpage' : 'document',
    title: article.title,
  }
  const authors = bylineAuthors(article.byline)
  if (authors.length) item.author = authors
  const issued = dateParts(article.publishedAt)
  if (issued) item.issued = { 'date-parts': [issued] }
  const pages = pageRange(article)
  if (pages) item.page = pages.first === pages.last ? `${pages.first}` : `${pages.first}-${pages.last}`
  if (article.sourceUrl) {
    item.URL = article.sourceUrl
    item.accessed = { 'date-parts': [dateParts(article.importedAt) ?? []] }
  }
  return item
}

export function renderCsl(data: Snapshot): string {
  return JSON.stringify(data.articles.map(cslItem), null, 2) + '\n'
}
