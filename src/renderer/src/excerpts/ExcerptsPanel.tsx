import { useEffect, useId, useMemo, useState } from 'react'
import type { Excerpt } from '../../../shared/model'
import { lastOrdinal } from '../../../shared/notes/labels'
import { COLOR_LABELS, EXCERPT_COLORS, type ExcerptColor } from '../common/colors'
import { displayTag, tagMatches } from '../common/tagNames'
import { FilterChip, SearchPicker } from '../common/SearchPicker'
import { VirtualList } from '../common/VirtualList'
import { useGloss } from '../state/glossContext'
import { useArticleExcerpts, useBacklinks, useOpenArticle, useOpenNote, useTags } from '../state/hooks'
import {
  entityKey,
  useEntityFilter,
  useEntityOptions,
  useQuotations,
  useResearchState,
  type EntityRef,
} from '../state/researchStore'
import { ExcerptItem } from './ExcerptItem'
import { TAG_NAMES_LIST } from './TagEditor'
import './excerpts.css'

/** The open article's excerpts in reading order, filterable by tag, color and a name they mention. */
export function ExcerptsPanel() {
  const { ui } = useGloss()
  const { article } = useOpenArticle()
  const articleId = article?.id ?? null
  const excerpts = useArticleExcerpts(articleId)
  const tags = useTags()
  const backlinks = useBacklinks(articleId)
  const openNote = useOpenNote()
  const { filter, setFilter, activeExcerptId, focusRequest, clearFocusRequest } = ui
  const tagId = useId()
  const colorId = useId()
  const nameId = useId()
  // the entity filter is shared: the entity index's "Show excerpts" sets it
  const [entity, setEntity] = useEntityFilter('excerptsEntity')
  const entities = useEntityOptions(articleId)
  const naming = useNaming(articleId, entity, excerpts)
  const shown = excerpts.filter(
    (e) =>
      (filter.color === null || e.color === filter.color) &&
      (filter.tag === null || e.tags.some((t) => tagMatches(filter.tag!, t.name))) &&
      (naming === null || naming.has(e.id)),
  )
  const filtered = filter.tag !== null || filter.color !== null || entity !== null
  // readable sections in article order, for the last ¶ a passage runs into
  const readable = useMemo(() => article?.sections.filter((s) => s.kind !== 'quarantined') ?? [], [article])

  // the article's quotations, for the speaker of an excerpt that is one: read once an article has
  // excerpts (none before: listing them would analyse an article the background pass has not
  // reached yet), not again for each new one nor when the panel comes back; a correction in the
  // Quotes view puts its quotation in place
  const { quotations } = useResearchState()
  const loaded = useQuotations()
  const hasExcerpts = excerpts.length > 0
  const version = article?.version ?? 0
  useEffect(() => {
    if (articleId && hasExcerpts) quotations.load(articleId, version)
  }, [quotations, articleId, version, hasExcerpts])
  const quotes = loaded.articleId === articleId && loaded.version === version ? loaded.quotes : []
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
        <span id={nameId}>Name</span>
        <div role="group" aria-labelledby={nameId}>
          {entity ? (
            <FilterChip
              text={entity.name}
              clearLabel={`Stop filtering by ${entity.name}`}
              onClear={() => setEntity(null)}
            />
          ) : (
            <SearchPicker
              label="Show excerpts naming a person, organisation or place"
              text="Anyone"
              placeholder="Find a name"
              options={articleId ? entities.options : []}
              onOpen={() => articleId && entities.load()}
              onPick={(key) => setEntity(entities.options?.find((o) => o.key === key)?.entity ?? null)}
            />
          )}
        </div>
        {filtered && (
          <button
            type="button"
            className="small"
            onClick={() => {
              setFilter({ tag: null, color: null })
              setEntity(null)
            }}
          >
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

/**
 * Which of the article's excerpts name the entity (listExcerpts by entity), null with no entity;
 * asked again when excerpts come or go (a new one may name it), not for an edit of one.
 */
function useNaming(
  articleId: string | null,
  entity: EntityRef | null,
  excerpts: readonly Excerpt[],
): ReadonlySet<string> | null {
  const { api, feedback } = useGloss()
  const [found, setFound] = useState<{ key: string; ids: ReadonlySet<string> } | null>(null)
  const key = entity && articleId ? `${articleId}|${entityKey(entity)}` : null
  const which = excerpts.map((e) => e.id).join(' ')
  useEffect(() => {
    if (!key || !entity || !articleId) return
    let live = true
    api.listExcerpts({ articleId, entity }).then(
      (list) => live && setFound({ key, ids: new Set(list.map((e) => e.id)) }),
      (error: unknown) => live && feedback.reportError(error),
    )
    return () => {
      live = false
    }
  }, [api, feedback, key, entity, articleId, which])
  if (!entity) return null
  return found && found.key === key ? found.ids : new Set()
}
