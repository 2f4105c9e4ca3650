import { describe, expect, it } from 'vitest'
import type { ArticleDetail, Excerpt } from '../../../../shared/model'
import { excerptPicks, filterPicks, pickLabel, sectionPicks } from './pickerData'

const article = (id: string, title: string, texts: string[]): ArticleDetail =>
  ({
    id,
    title,
    sections: texts.map((text, i) => ({
      id: `${id}-s${i + 1}`,
      articleId: id,
      ordinal: i + 1,
      kind: text.startsWith('junk') ? 'quarantined' : 'paragraph',
      level: null,
      text,
      start: 0,
      end: 0,
      quarantineReason: null,
    })),
  }) as unknown as ArticleDetail

const excerpt = (id: string, ordinal: number, quote: string): Excerpt =>
  ({
    id,
    articleId: 'a',
    sectionOrdinal: ordinal,
    quote: { exact: quote },
    comment: '',
    tags: [],
    deletedAt: null,
  }) as unknown as Excerpt

describe('picker', () => {
  const open = article('a', 'Open one', [
    'Intro words',
    'Despite these shifts, the question of drift remains open',
    'junk footer',
  ])
  const other = article('b', 'Other', ['Drift in the commons', 'Café culture'])
  const picks = [
    ...excerptPicks([excerpt('e1', 2, 'the question of drift')]),
    ...sectionPicks(open, true),
    ...sectionPicks(other, false),
  ]

  it('shows the open article first when the query is empty, without quarantined sections', () => {
    expect(filterPicks(picks, '').map((p) => p.key)).toEqual(['e:e1', 's:a-s1', 's:a-s2'])
  })

  it('matches every word, open article first', () => {
    expect(filterPicks(picks, 'drift').map((p) => p.key)).toEqual(['e:e1', 's:a-s2', 's:b-s1'])
    expect(filterPicks(picks, 'drift commons').map((p) => p.key)).toEqual(['s:b-s1'])
    expect(filterPicks(picks, 'cafe').map((p) => p.key)).toEqual(['s:b-s2'])
  })

  it('matches a ¶ number', () => {
    expect(filterPicks(picks, '¶2')[0]?.key).toBe('e:e1')
    expect(
      filterPicks(picks, '1')
        .map((p) => p.key)
        .slice(0, 2),
    ).toEqual(['s:a-s1', 's:b-s1'])
  })

  it('labels a section chip with its first words', () => {
    expect(pickLabel(sectionPicks(open, true)[1]!)).toBe('¶2 · Despite these shifts, the question of…')
  })
})
