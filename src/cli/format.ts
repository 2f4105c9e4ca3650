/** Human-readable output of the CLI (`--json` prints the contract's data instead). */
import {
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type ArticleSummary,
  type Excerpt,
  type SearchResult,
  type Section,
  type Tag,
} from '../shared/model'
import { lastOrdinal, paragraphsLabel } from '../shared/notes/labels'
import { shortId } from './ids'

export function formatArticles(articles: ArticleSummary[]): string {
  if (articles.length === 0) return 'No articles yet. Import one with `gloss import <file>`.'
  return articles
    .map(
      (a) =>
        `${shortId(a.id)}  ${a.title}  (${a.sectionCount - a.hiddenCount} sections, ${a.excerptCount} excerpts, ${a.noteCount} notes${a.version > 1 ? `, version ${a.version}` : ''}${a.reviewCount ? `, ${a.reviewCount} to review` : ''})`,
    )
    .join('\n')
}

export function formatSections(sections: Section[]): string {
  return sections
    .map((s) => {
      const marker = s.kind === 'heading' ? '#'.repeat(s.level ?? 1) + ' ' : ''
      const hidden = s.kind === 'quarantined' ? `  [hidden: ${s.quarantineReason ?? 'page clutter'}]` : ''
      return `¶${s.ordinal}  ${marker}${s.text}${hidden}`
    })
    .join('\n\n')
}

/** "¶3, ¶7 (hidden by you)": sections by number, with why each is hidden. */
export function formatOrdinals(sections: Section[]): string {
  return sections
    .map((s) =>
      s.kind === 'quarantined' ? `¶${s.ordinal} (${s.quarantineReason ?? 'hidden'})` : `¶${s.ordinal}`,
    )
    .join(', ')
}

/** Excerpts of one article, each cited as "¶3", "¶3–4" or "p. 2, ¶3–4" from its article's sections. */
export function formatExcerpts(excerpts: Excerpt[], sections: readonly Section[]): string {
  if (excerpts.length === 0) return 'No excerpts.'
  return excerpts
    .map((e) => {
      const status = e.anchorStatus === 'anchored' ? '' : `  (${e.anchorStatus}: no longer verbatim)`
      const label = paragraphsLabel(
        e.sectionOrdinal,
        lastOrdinal(sections, e.position.end, e.sectionOrdinal),
        sections.find((s) => s.id === e.sectionId)?.page,
      )
      const lines = [`${shortId(e.id)}  ${label}  [${e.color}]  “${e.quote.exact}”${status}`]
      if (e.comment) lines.push(`    ${e.comment}`)
      if (e.tags.length) lines.push(`    ${e.tags.map((t) => '#' + t.name).join(' ')}`)
      return lines.join('\n')
    })
    .join('\n')
}

export function formatTags(tags: Tag[]): string {
  if (tags.length === 0) return 'No tags.'
  return tags
    .map((t) => {
      const depth = t.name.split('/').length - 1
      const leaf = t.name.split('/').pop()
      return `${'  '.repeat(depth)}${leaf}  ${t.usageCount}${t.totalCount !== t.usageCount ? ` (${t.totalCount} with sub-tags)` : ''}`
    })
    .join('\n')
}

const mark = (snippet: string) => snippet.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']')

export function formatSearch(result: SearchResult): string {
  if (result.hits.length === 0) return `Nothing found for “${result.query}”.`
  return result.hits
    .map((h) => {
      const where =
        h.kind === 'note'
          ? `note “${h.title}”`
          : `${h.articleTitle ?? h.title}${h.sectionOrdinal ? `, ¶${h.sectionOrdinal}` : ''}`
      return `${h.kind.padEnd(7)}  ${where}\n         ${mark(h.snippet)}`
    })
    .join('\n')
}
