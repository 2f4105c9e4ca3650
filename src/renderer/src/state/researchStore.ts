/**
 * What the research views share with the library and the excerpts panel: the entity each filters
 * by (set there, or from the entity index's "Show articles" / "Show excerpts"), and the open
 * article's quotations behind the speakers on excerpt cards, read once per article version and
 * kept current by the corrections the Quotes view makes (no list is fetched again).
 */
import type { GlossApi } from '../../../shared/contract'
import { useCallback, useState } from 'react'
import type { EntityName } from '../../../shared/model'
import type { EntityKind, ResearchQuote } from '../../../shared/research'
import { useGloss } from './glossContext'
import { Store, useStore } from './store'

/** A person, organisation or place of the entity index, as listArticles and listExcerpts take it. */
export interface EntityRef {
  name: string
  kind: EntityKind
}

export const ENTITY_KIND_LABEL: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
}

/** One entity's key in the lists ("person:Bruce Klingner"): the index merges by kind and name. */
export const entityKey = (e: EntityRef): string => `${e.kind}:${e.name}`

export interface EntityOption {
  key: string
  label: string
  detail: string
  entity: EntityRef
}

/**
 * The entities a filter can pick from (an article's, or the notebook's), read the first time
 * `load` is called: the library and the panel ask only when their picker opens. Names and counts
 * only: the mentions (listEntities) grow with the notebook's text, not with the list.
 */
export function useEntityOptions(articleId: string | null): {
  options: EntityOption[] | null
  load: () => void
} {
  const { api, feedback } = useGloss()
  const [loaded, setLoaded] = useState<{ of: string | null; options: EntityOption[] } | null>(null)
  const load = useCallback(() => {
    api.listEntityNames(articleId ? { articleId } : {}).then(
      (entities: EntityName[]) =>
        setLoaded({
          of: articleId,
          options: entities.map((e) => ({
            key: entityKey(e),
            label: e.name,
            detail: ENTITY_KIND_LABEL[e.kind],
            entity: { name: e.name, kind: e.kind },
          })),
        }),
      (error: unknown) => feedback.reportError(error),
    )
  }, [api, feedback, articleId])
  return { options: loaded && loaded.of === articleId ? loaded.options : null, load }
}

export interface Quotations {
  /** the article and version they are of; null before the first read */
  articleId: string | null
  version: number
  quotes: readonly ResearchQuote[]
}

const NONE: Quotations = { articleId: null, version: 0, quotes: [] }

export class QuotationsStore extends Store<Quotations> {
  private loading: string | null = null

  constructor(private readonly api: GlossApi) {
    super(NONE)
  }

  /** Read the article's quotations unless they are here (or on their way) for this version. */
  load(articleId: string, version: number): void {
    const key = `${articleId}@${version}`
    const { articleId: id, version: v } = this.get()
    if ((id === articleId && v === version) || this.loading === key) return
    this.loading = key
    this.api.listQuotes({ articleId }).then(
      (quotes) => {
        if (this.loading === key) this.set({ articleId, version, quotes })
      },
      () => {
        if (this.loading === key) this.set({ articleId, version, quotes: [] })
      },
    )
  }

  /** A quotation a correction changed (a reset re-analyses: its id may be new, its place is the same). */
  put(quote: ResearchQuote): void {
    const current = this.get()
    if (current.articleId !== quote.articleId) return
    this.set({
      ...current,
      quotes: current.quotes.map((q) => (q.id === quote.id || q.start === quote.start ? quote : q)),
    })
  }
}

export interface ResearchState {
  quotations: QuotationsStore
  /** the library's entity filter */
  libraryEntity: Store<EntityRef | null>
  /** the excerpts panel's entity filter */
  excerptsEntity: Store<EntityRef | null>
}

// one per notebook connection, beside the stores (created on first use)
const states = new WeakMap<GlossApi, ResearchState>()

export function researchState(api: GlossApi): ResearchState {
  let state = states.get(api)
  if (!state) {
    state = {
      quotations: new QuotationsStore(api),
      libraryEntity: new Store<EntityRef | null>(null),
      excerptsEntity: new Store<EntityRef | null>(null),
    }
    states.set(api, state)
  }
  return state
}

export const useResearchState = (): ResearchState => researchState(useGloss().api)

/** A filter's entity, and its setter. */
export function useEntityFilter(which: 'libraryEntity' | 'excerptsEntity') {
  const store = useResearchState()[which]
  return [useStore(store), (entity: EntityRef | null) => store.set(entity)] as const
}

/** The open article's quotations, once it is loaded for this version. */
export const useQuotations = (): Quotations => useStore(useResearchState().quotations)
