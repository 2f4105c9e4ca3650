/** BibTeX: one @misc entry per article, readable by BibTeX, biblatex and Zotero. */
import type { ArticleRecord, Snapshot } from '../snapshot/records'
import { bylineAuthors, dateParts, pageRange, type PersonName } from './citation'

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
}

/** Text for a braced BibTeX field: LaTeX specials escaped, UTF-8 kept (biber and bibtex8+ read it). */
export function bibtexEscape(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}$&%#_^~]/g, (c) => LATEX_SPECIALS[c]!)
}

const ascii = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const STOP = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'to', 'for'])

function citationKey(article: ArticleRecord, used: Set<string>): string {
  const author = bylineAuthors(article.byline)[0]
  const who = ascii(author?.family ?? author?.literal ?? '').toLowerCase()
  const year = dateParts(article.publishedAt)?.[0] ?? ''
  const word = article.title
    .split(/\s+/)
    .map((w) => ascii(w).toLowerCase())
    .find((w) => w && !STOP.has(w))
  let base = `${who}${year}${word ?? ''}` || `gloss${article.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}`
  if (/^\d/.test(base)) base = `gloss${base}`
  let key = base
  for (let i = 0; used.has(key); i++)
    key = `${base}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`
  used.add(key)
  return key
}

function bibtexName(p: PersonName): string {
  return p.literal ? `{${bibtexEscape(p.literal)}}` : `${bibtexEscape(p.family!)}, ${bibtexEscape(p.given!)}`
}

function bibtexEntry(article: ArticleRecord, used = new Set<string>()): string {
  // [name, value, bare]: month is a BibTeX macro (nov), written without braces
  const fields: Array<[string, string, boolean?]> = [['title', bibtexEscape(article.title)]]
  const authors = bylineAuthors(article.byline)
  if (authors.length) fields.push(['author', authors.map(bibtexName).join(' and ')])
  const date = dateParts(article.publishedAt)
  if (date) {
    fields.push(['year', String(date[0])])
    if (date[1]) fields.push(['month', MONTHS[date[1] - 1] ?? String(date[1]), true])
    fields.push(['date', date.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-')])
  }
  const pages = pageRange(article)
  if (pages)
    fields.push(['pages', pages.first === pages.last ? `${pages.first}` : `${pages.first}--${pages.last}`])
  if (article.sourceUrl) {
    fields.push(['url', article.sourceUrl.replace(/[{}\\]/g, (c) => encodeURIComponent(c))])
    fields.push(['urldate', article.importedAt.slice(0, 10)])
  }
  fields.push(['note', `Gloss article ${bibtexEscape(article.id)}`])
  const key = citationKey(article, used)
  const body = fields.map(([k, v, bare]) => `  ${k.padEnd(7)} = ${bare ? v : `{${v}}`}`).join(',\n')
  return `@misc{${key},\n${body}\n}\n`
}

export function renderBibtex(data: Snapshot): string {
  const used = new Set<string>()
  return data.articles.map((a) => bibtexEntry(a, used)).join('\n')
}
