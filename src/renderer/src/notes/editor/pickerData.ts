/** What the [[ / @ picker offers, and how it filters as you type. Pure (unit-tested in Node). */
import type { ArticleDetail, Excerpt } from '../../../../shared/model'
import { firstWords, sectionLinkLabel } from '../../../../shared/notes/labels'

export type Pick =
  | {
      kind: 'section'
      key: string
      articleId: string
      articleTitle: string
      sectionId: string
      ordinal: number
      text: string
      /** from the article open in the reader */
      current: boolean
    }
  | { kind: 'excerpt'; key: string; excerpt: Excerpt; current: boolean }

export function sectionPicks(article: ArticleDetail, current: boolean): Pick[] {
  return article.sections
    .filter((s) => s.kind !== 'quarantined' && s.text.trim() !== '')
    .map((s) => ({
      kind: 'section' as const,
      key: `s:${s.id}`,
      articleId: article.id,
      articleTitle: article.title,
      sectionId: s.id,
      ordinal: s.ordinal,
      text: s.text,
      current,
    }))
}

export function excerptPicks(excerpts: readonly Excerpt[], current = true): Pick[] {
  return excerpts
    .filter((e) => !e.deletedAt)
    .map((excerpt) => ({ kind: 'excerpt' as const, key: `e:${excerpt.id}`, excerpt, current }))
}

/** The chip label a section pick inserts: "¶6 · Despite these shifts, the question…". */
export function pickLabel(pick: Pick): string {
  return pick.kind === 'section'
    ? sectionLinkLabel(pick.ordinal, pick.text)
    : `¶${pick.excerpt.sectionOrdinal} · ${firstWords(pick.excerpt.quote.exact)}`
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

function haystack(pick: Pick): string {
  if (pick.kind === 'section') return fold(`${pick.text} ${pick.articleTitle}`)
  const e = pick.excerpt
  return fold(`${e.quote.exact} ${e.comment} ${e.tags.map((t) => t.name).join(' ')}`)
}

function ordinalOf(pick: Pick): number {
  return pick.kind === 'section' ? pick.ordinal : pick.excerpt.sectionOrdinal
}

/**
 * Picks matching every word of the query (case- and accent-insensitive); "6" or "¶6" matches
 * ¶6. Best first: exact ¶ number, then the open article, then words starting a word. With an
 * empty query: the open article's excerpts, then its sections.
 */
export function filterPicks(picks: readonly Pick[], query: string, limit = 30): Pick[] {
  const words = fold(query).replace(/¶/g, ' ').split(/\s+/).filter(Boolean)
  if (words.length === 0) {
    const current = picks.filter((p) => p.current)
    return [
      ...current.filter((p) => p.kind === 'excerpt'),
      ...current.filter((p) => p.kind === 'section'),
    ].slice(0, limit)
  }
  const scored: Array<{ pick: Pick; score: number; index: number }> = []
  picks.forEach((pick, index) => {
    const text = haystack(pick)
    let score = pick.current ? 10 : 0
    for (const word of words) {
      if (/^\d+$/.test(word) && Number(word) === ordinalOf(pick)) {
        score += 100
        continue
      }
      const at = text.indexOf(word)
      if (at === -1) return
      if (at === 0 || /\W/.test(text[at - 1]!)) score += 2
    }
    scored.push({ pick, score, index })
  })
  scored.sort((a, b) => b.score - a.score || a.index - b.index)
  return scored.slice(0, limit).map((s) => s.pick)
}
