import { describe, expect, it } from 'vitest'
import type { GlossApi } from '../../../shared/contract'
import type { ArticleSummary } from '../../../shared/model'
import { ArticlesStore } from './articlesStore'

const article = (id: string, importedAt: string, deletedAt: string | null = null): ArticleSummary => ({
  id,
  title: id,
  format: 'text',
  sourceFormat: 'text',
  sourcePath: null,
  sourceUrl: null,
  byline: null,
  publishedAt: null,
  importedAt,
  contentHash: id,
  sectionCount: 1,
  hiddenCount: 0,
  excerptCount: 0,
  noteCount: 0,
  reviewCount: 0,
  version: 1,
  deletedAt,
})

describe('ArticlesStore', () => {
  it('puts a restored article back where its import time belongs, a new one first, a deleted one out', () => {
    const store = new ArticlesStore({} as GlossApi)
    store.put(article('old', '2026-01-01T00:00:00Z'))
    store.put(article('new', '2026-03-01T00:00:00Z'))
    store.put(article('mid', '2026-02-01T00:00:00Z'))
    expect(store.get().list.map((a) => a.id)).toEqual(['new', 'mid', 'old'])

    store.put(article('mid', '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z'))
    expect(store.get().list.map((a) => a.id)).toEqual(['new', 'old'])
    store.put(article('mid', '2026-02-01T00:00:00Z'))
    expect(store.get().list.map((a) => a.id)).toEqual(['new', 'mid', 'old'])

    // an edit stays in place
    store.put({ ...article('old', '2026-01-01T00:00:00Z'), title: 'Renamed' })
    expect(store.get().list.map((a) => a.title)).toEqual(['new', 'mid', 'Renamed'])
    store.remove('new')
    store.remove('absent')
    expect(store.get().list.map((a) => a.id)).toEqual(['mid', 'old'])
  })
})
