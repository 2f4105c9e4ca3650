import { useEffect, useId, useMemo, useState } from 'react'
import type { ResearchQuote } from '../../../shared/research'
import { lastOrdinal } from '../../../shared/notes/labels'
import { COLOR_LABELS, EXCERPT_COLORS, type ExcerptColor } from '../common/colors'
import { displayTag, tagMatches } from '../common/tagNames'
import { VirtualList } from '../common/VirtualList'
import { useGloss } from '../state/glossContext'
import { useArticleExcerpts, useBacklinks, useOpenArticle, useOpenNote, useTags } from '../state/hooks'
import { ExcerptItem } from './ExcerptItem'
import { TAG_NAMES_LIST } from './TagEditor'
import './excerpts.css'

/** The open article's excerpts in reading order, filterable by tag and color. */
export function ExcerptsPanel() {
  const { ui, api } = useGloss()
  const { article } = useOpenArticle()
  const articleId = article?.id ?? null
  const excerpts = useArticleExcerpts(articleId)
  const tags = useTags()
  const backlinks = useBacklinks(articleId)
  const openNote = useOpenNote()
  const { filter, setFilter, activeExcerptId, focusRequest, clearFocusRequest } = ui
  const tagId = useId()
  const colorId = useId()
  const shown = excerpts.filter(
    (e) =>
      (filter.color === null || e.color === filter.color) &&
      (filter.tag === null || e.tags.some((t) => tagMatches(filter.tag!, t.name))),
  )
  const filtered = filter.tag !== null || filter.color !== null
  // readable sections in article order, for the last ¶ a passage runs into
  const readable = useMemo(() => article?.sections.filter((s) => s.kind !== 'quarantined') ?? [], [article])

  // the article's quotations, for the speaker of an excerpt that is one (read again as excerpts come and go)
  const [quotes, setQuotes] = useState<ResearchQuote[]>([])
  // asked for once an article has excerpts, not again for each new one (its quotations are the same)
  const hasExcerpts = excerpts.length > 0
  useEffect(() => {
    let live = true
    // none without excerpts: listing them would analyse an article the background pass has not reached yet
    if (!articleId || !hasExcerpts) setQuotes([])
    else
      api.listQuotes({ articleId }).then(
        (q) => live && setQuotes(q),
        () => live && setQuotes([]),
      )
    return () => {
      live = false
    }
  }, [api, articleId, article?.version, hasExcerpts])
  // the first attributed quotation the passage overlaps, as the exports cite it
  const speakerOf = (start: number, end: number) =>
    quotes.find((q) => q.speaker.name && q.start < end && q.end > start)?.speaker.name ?? null

  // a focus request is served once the card has mounted and focused its field
  useEffect(() => {
    if (!focusRequest) return
    const timer = window.setTimeout(clearFocusRequest, 500)
    return () => window.clearTimeout(timer)
  }, [focusRequest, clearFocusRequest])

  return (
    <div className="excerpts-panel">
      <div className="excerpt-filters">
        <label htmlFor={tagId}>Tag</label>
        <select
          id={tagId}
          value={filter.tag ?? ''}
          onChange={(e) => setFilter({ ...filter, tag: e.target.value || null })}
        >
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.id} value={t.name}>
              {displayTag(t.name)}
            </option>
          ))}
        </select>
        <label htmlFor={colorId}>Color</label>
        <select
          id={colorId}
          value={filter.color ?? ''}
          onChange={(e) => setFilter({ ...filter, color: (e.target.value || null) as ExcerptColor | null })}
        >
          <option value="">All colors</option>
          {EXCERPT_COLORS.map((c) => (
            <option key={c} value={c}>
              {COLOR_LABELS[c]}
            </option>
          ))}
        </select>
        {filtered && (
          <button type="button" className="small" onClick={() => setFilter({ tag: null, color: null })}>
            Clear
          </button>
        )}
      </div>
      <p className="excerpt-count muted" aria-live="polite">
        {filtered
          ? `${shown.length} of ${excerpts.length} excerpts`
          : `${excerpts.length} ${excerpts.length === 1 ? 'excerpt' : 'excerpts'}`}
      </p>
      {excerpts.length === 0 ? (
        <p className="excerpts-empty muted">
          {article
            ? 'Select text in the article, then pick a color or press H to highlight it.'
            : 'Open an article to see its excerpts.'}
        </p>
      ) : (
        <VirtualList
          label="Excerpts"
          className="excerpt-list"
          items={shown}
          getKey={(e) => e.id}
          scrollToKey={activeExcerptId}
          render={(excerpt) => (
            <ExcerptItem
              excerpt={excerpt}
              lastOrdinal={lastOrdinal(readable, excerpt.position.end, excerpt.sectionOrdinal)}
              speaker={speakerOf(excerpt.position.start, excerpt.position.end)}
              active={excerpt.id === activeExcerptId}
              focus={focusRequest}
              citedIn={backlinks.excerpts[excerpt.id]}
              onOpenNote={openNote}
            />
          )}
        />
      )}
      <datalist id={TAG_NAMES_LIST}>
        {tags.map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
    </div>
  )
}
