import { describe, expect, it } from 'vitest'
import { describeRange } from './describe'
import { foldedEnd, foldedStart, normalizeQuote, normalizeText, originalRange, sameWords } from './normalize'
import { reanchorVersion, type ExcerptAnchor } from './reanchorVersion'
import { mapSections, type Span } from './sectionMap'

/** Paragraphs joined as an import joins them, with their spans. */
function article(paragraphs: string[]): { text: string; spans: Span[] } {
  const spans: Span[] = []
  let at = 0
  for (const p of paragraphs) {
    spans.push({ start: at, end: at + p.length })
    at += p.length + 2
  }
  return { text: paragraphs.join('\n\n'), spans }
}

function excerpt(a: { text: string; spans: Span[] }, id: string, quote: string, nth = 0): ExcerptAnchor {
  let start = -1
  for (let i = 0; i <= nth; i++) start = a.text.indexOf(quote, start + 1)
  expect(start).toBeGreaterThanOrEqual(0)
  const section = a.spans.findIndex((s) => s.start <= start && start < s.end)
  return { id, section, ...describeRange(a.text, start, start + quote.length) }
}

describe('the normalized copy', () => {
  it('treats quote styles, dashes with their spaces, and whitespace runs alike, mapping back exactly', () => {
    const text = 'He said “no”\u00a0— twice –\tand  ‘left’.'
    const n = normalizeText(text)
    expect(n.folded).toBe(`He said "no"-twice-and 'left'.`)
    for (let f = 0; f < n.folded.length; f++) {
      const { start, end } = originalRange(n, f, f + 1)
      expect(foldedStart(n, start)).toBe(f)
      expect(foldedEnd(n, end)).toBe(f + 1)
    }
    // every original character belongs to one normalized character, in order
    expect(n.starts[0]).toBe(0)
    expect(n.starts[n.starts.length - 1]).toBe(text.length)
    expect(sameWords('the so-called “deal”', "the so — called  'deal'".replace(/'/g, '"'))).toBe(true)
    expect(sameWords('the deal', 'the Deal')).toBe(false)
    expect(normalizeQuote('  “hi”  ')).toBe('"hi"')
  })

  it('keeps astral characters and lone surrogates as they are', () => {
    const text = 'a 😀 b \ud800 c'
    expect(normalizeText(text).folded).toBe(text)
  })
})

describe('mapping sections of two versions', () => {
  const A = 'Alpha paragraph about the summit in Singapore and its aftermath.'
  const B = 'Bravo paragraph on sanctions relief and the talks that stalled.'
  const C = 'Charlie paragraph: the missile tests resumed the following spring.'
  const D = 'Delta paragraph, quoting officials in Seoul on the new pact.'

  it('keeps repeated paragraphs with their own copy, pairs edited ones, finds moved ones', () => {
    const old = article([A, B, C, A, B, C, D])
    const edited = B.replace('stalled', 'broke down')
    const next = article([A, edited, C, D, A, C, B]) // second B moved after C; D moved up
    const map = mapSections(normalizeText(old.text), old.spans, normalizeText(next.text), next.spans)
    expect([...map]).toEqual([0, 1, 2, 4, 6, 5, 3])
  })

  it('leaves a removed paragraph unmapped even when its text repeats elsewhere', () => {
    const old = article([A, B, C, A, B, C])
    const next = article([A, B, C, A, C])
    const map = mapSections(normalizeText(old.text), old.spans, normalizeText(next.text), next.spans)
    expect([...map]).toEqual([0, 1, 2, 3, -1, 4])
  })
})

describe('re-anchoring every excerpt onto a new version', () => {
  const A = 'The first summit was held in Singapore in June, after months of threats.'
  const B = 'Sanctions relief was the price Pyongyang named, and Washington refused it.'
  const C = 'Analysts in Seoul said the talks had "stalled" by the autumn of that year.'
  const D = 'A fourth paragraph about the border meeting at Panmunjom, brief and staged.'

  it('anchors, follows, fuzzes and orphans as the edits call for, never into another copy', () => {
    const old = article([A, B, C, A, B, C, D])
    const next = article([
      'An introduction added in the new version.',
      A,
      B.replace('refused', 'rejected'),
      C.replace('"stalled"', '“stalled”'),
      A,
      C, // the second B is gone; its copy above is the first B's
      D,
    ])
    const excerpts = [
      excerpt(old, 'first-summit', 'The first summit was held in Singapore'),
      excerpt(old, 'refused', 'and Washington refused it'),
      excerpt(old, 'curled', 'the talks had "stalled" by the autumn'),
      excerpt(old, 'second-summit', 'The first summit was held in Singapore', 1),
      excerpt(old, 'gone', 'Sanctions relief was the price Pyongyang named', 1),
      excerpt(old, 'border', 'the border meeting at Panmunjom'),
    ]
    const { excerpts: placed } = reanchorVersion(old.text, old.spans, next.text, next.spans, excerpts)
    const at = (id: string) => {
      const p = placed.find((x) => x.id === id)!
      return { status: p.status, section: p.section, text: next.text.slice(p.start, p.end) }
    }
    expect(at('first-summit')).toEqual({
      status: 'anchored',
      section: 1,
      text: 'The first summit was held in Singapore',
    })
    expect(at('refused')).toEqual({ status: 'fuzzy', section: 2, text: 'and Washington rejected it' })
    expect(at('curled')).toEqual({
      status: 'anchored',
      section: 3,
      text: 'the talks had “stalled” by the autumn',
    })
    expect(at('second-summit')).toEqual({
      status: 'anchored',
      section: 4,
      text: 'The first summit was held in Singapore',
    })
    expect(at('gone').status).toBe('orphaned')
    expect([4, 5]).toContain(at('gone').section) // the best guess: where it was, not the first B
    expect(at('border')).toEqual({ status: 'anchored', section: 6, text: 'the border meeting at Panmunjom' })
  })

  it('follows a sentence that moved into another paragraph', () => {
    const old = article([A, B + ' It was never offered again.', C])
    const next = article([A + ' It was never offered again.', B, C])
    const { excerpts: placed } = reanchorVersion(old.text, old.spans, next.text, next.spans, [
      excerpt(old, 'moved', 'It was never offered again.'),
      excerpt(old, 'stays', 'Analysts in Seoul'),
    ])
    expect(placed.map((p) => [p.id, p.status, p.section, next.text.slice(p.start, p.end)])).toEqual([
      ['moved', 'anchored', 0, 'It was never offered again.'],
      ['stays', 'anchored', 2, 'Analysts in Seoul'],
    ])
  })

  it('keeps an excerpt that runs across two paragraphs', () => {
    const old = article([A, B, C])
    const next = article(['A new first paragraph.', A, B, C.replace('Seoul', 'Busan')])
    const start = old.text.indexOf('after months of threats.')
    const end = old.text.indexOf('Sanctions relief') + 'Sanctions relief'.length
    const across: ExcerptAnchor = { id: 'across', section: 0, ...describeRange(old.text, start, end) }
    const [placed] = reanchorVersion(old.text, old.spans, next.text, next.spans, [across]).excerpts
    expect(placed).toMatchObject({ status: 'anchored', section: 1 })
    expect(next.text.slice(placed!.start, placed!.end)).toBe(old.text.slice(start, end))
  })
})
