import { useCallback, useEffect, useState } from 'react'
import type { ResearchEntity, ResearchEvent, ResearchQuote, ResearchStatus } from '../../../shared/research'
import { errorMessage } from '../api/errors'
import { useGloss } from '../state/glossContext'

export type Scope = 'article' | 'notebook'

export interface ResearchData {
  quotes: ResearchQuote[]
  entities: ResearchEntity[]
  events: ResearchEvent[]
  status: ResearchStatus | null
  loading: boolean
  error: string | null
  reload: () => void
  /** put a changed quotation in place (after a speaker correction) */
  replaceQuote: (quote: ResearchQuote) => void
}

const POLL_MS = 1000

/**
 * The research lists for the open article or the whole notebook. While the background analysis
 * of older articles runs, its progress is polled and the lists are read again when it moves.
 */
export function useResearch(articleId: string | null, scope: Scope): ResearchData {
  const { api } = useGloss()
  const [data, setData] = useState<Omit<ResearchData, 'reload' | 'replaceQuote'>>({
    quotes: [],
    entities: [],
    events: [],
    status: null,
    loading: true,
    error: null,
  })
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const target = scope === 'article' ? articleId : null

  useEffect(() => {
    if (scope === 'article' && !articleId) {
      setData((d) => ({ ...d, quotes: [], entities: [], events: [], loading: false, error: null }))
      return
    }
    let live = true
    const input = target ? { articleId: target } : {}
    setData((d) => ({ ...d, loading: true }))
    Promise.all([
      api.listQuotes(input),
      api.listEntities(input),
      api.listTimeline(input),
      api.researchStatus({}),
    ])
      .then(([quotes, entities, events, status]) => {
        if (live) setData({ quotes, entities, events, status, loading: false, error: null })
      })
      .catch((error: unknown) => {
        if (live) setData((d) => ({ ...d, loading: false, error: errorMessage(error) }))
      })
    return () => {
      live = false
    }
  }, [api, scope, articleId, target, generation])

  // the background analysis: read again each time it finishes an article, until it is done
  const pending = data.status !== null && data.status.analyzed < data.status.total
  useEffect(() => {
    if (!pending) return
    const timer = window.setInterval(() => {
      void api.researchStatus({}).then((status) => {
        setData((d) => {
          if (d.status && status.analyzed !== d.status.analyzed) reload()
          return { ...d, status }
        })
      })
    }, POLL_MS)
    return () => window.clearInterval(timer)
  }, [api, pending, reload])

  const replaceQuote = useCallback(
    (quote: ResearchQuote) =>
      setData((d) => ({
        ...d,
        quotes: d.quotes.map((q) => (q.start === quote.start && q.articleId === quote.articleId ? quote : q)),
      })),
    [],
  )
  return { ...data, reload, replaceQuote }
}

/** "Bruce Klingner", "the company" (an organisation), "a former official, who requested anonymity", "Unknown speaker". */
export function speakerLabel(quote: ResearchQuote): string {
  const { kind, name, description } = quote.speaker
  if (kind === 'unknown') return 'Unknown speaker'
  return name ?? description ?? 'Unnamed source'
}

/** The tag a quotation's excerpt gets: people/<Speaker> (organisations/<Name> for one). */
export function speakerTag(quote: ResearchQuote): string | null {
  const { kind, name } = quote.speaker
  if (!name) return null
  const clean = name.replace(/\//g, '-').trim()
  return kind === 'organization' ? `organizations/${clean}` : kind === 'person' ? `people/${clean}` : null
}
