import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { reanchor } from '../anchoring'
import { renderExport } from './index'
import { expectGolden } from '../testing/golden'
import { generatorName } from './version'
import {
  EXPORTED_AT as AT,
  IDS,
  normalizeVolatile,
  openSampleNotebook,
  SILENCE_COMMENT,
  type SampleNotebook,
} from '../testing/sampleNotebook'
import { codePointOffset, utf16Offset, type AnnotationCollection, type WebAnnotation } from './w3c'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

const annotations = (scope: Parameters<typeof renderExport>[1]['scope']): AnnotationCollection =>
  JSON.parse(
    renderExport(nb.notebook.db, { scope, format: 'w3c' }, { exportedAt: AT }).content,
  ) as AnnotationCollection

describe('W3C Web Annotation export', () => {
  test('an AnnotationCollection of Annotations with both selectors and purposeful bodies', () => {
    const rendered = renderExport(
      nb.notebook.db,
      { scope: { kind: 'article', id: nb.article.id }, format: 'w3c' },
      { exportedAt: AT },
    )
    expect(rendered.mediaType).toMatch(/^application\/ld\+json/)
    expectGolden(
      'article.w3c.jsonld',
      normalizeVolatile(rendered.content).replaceAll(generatorName(), 'Gloss <version>'),
    )
    const collection = JSON.parse(rendered.content) as AnnotationCollection
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(collection.total).toBe(3)
    expect(collection.first.type).toBe('AnnotationPage')
    const items = collection.first.items
    expect(items.map((a) => a.id)).toEqual(
      [IDS.summits, IDS.silence, IDS.klingner].map((id) => `urn:uuid:${id}`),
    )
    for (const a of items) {
      expect(a.type).toBe('Annotation')
      expect(Date.parse(a.created)).not.toBeNaN()
      expect(Date.parse(a.modified)).not.toBeNaN()
      expect(a.target.source).toBe(`urn:uuid:${nb.article.id}`)
      expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector'])
    }
    const silence = items[1]!
    expect(silence.motivation).toBe('commenting')
    expect(silence.body).toEqual([
      { type: 'TextualBody', value: SILENCE_COMMENT, format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'open questions', purpose: 'tagging' },
      { type: 'TextualBody', value: 'people/Trump', purpose: 'tagging' },
    ])
    const klingner = items[2]!
    expect(klingner.motivation).toBe('highlighting')
    expect(klingner.body).toEqual([{ type: 'TextualBody', value: 'people/Klingner', purpose: 'tagging' }])
    expect(klingner.target.styleClass).toBe('gloss-green')
  })

  test('every selector re-anchors in the article text to the same offsets', () => {
    const texts = new Map([
      [`urn:uuid:${nb.article.id}`, nb.article.text],
      ['https://example.org/essays/maps?ref=gloss&id=(7)', nb.maps.text],
    ])
    const items = annotations({ kind: 'notebook' }).first.items
    expect(items).toHaveLength(4)
    const stored = new Map(
      [nb.excerpts.summits, nb.excerpts.silence, nb.excerpts.klingner, nb.excerpts.maps].map((e) => [
        `urn:uuid:${e.id}`,
        e.position,
      ]),
    )
    for (const a of items) {
      const text = texts.get(a.target.source)!
      expect(text, a.target.source).toBeDefined()
      const [quote, position] = a.target.selector
      const selector = {
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: utf16Offset(text, position.start),
        end: utf16Offset(text, position.end),
      }
      expect(reanchor(text, selector)).toEqual({
        start: selector.start,
        end: selector.end,
        status: 'anchored',
      })
      // with the position withheld, the quote and its context alone find the same place
      expect(reanchor(text, { ...selector, start: 0, end: 0 })).toMatchObject({
        start: selector.start,
        end: selector.end,
      })
      expect({ start: selector.start, end: selector.end }).toEqual({
        start: stored.get(a.id)!.start,
        end: stored.get(a.id)!.end,
      })
    }
  })

  test('a note exports the excerpts it cites; trash and hidden sections never appear', async () => {
    const items = annotations({ kind: 'note', id: IDS.note }).first.items
    expect(items.map((a: WebAnnotation) => a.id)).toEqual([`urn:uuid:${IDS.silence}`])
    const all = JSON.stringify(annotations({ kind: 'notebook' }))
    expect(all).not.toContain(IDS.trashed)
    // an excerpt in a section that is then hidden leaves the export
    await nb.call('quarantineSections', {
      articleId: nb.article.id,
      sectionIds: [nb.excerpts.klingner.sectionId],
    })
    expect(annotations({ kind: 'article', id: nb.article.id }).first.items.map((a) => a.id)).not.toContain(
      `urn:uuid:${IDS.klingner}`,
    )
  })

  test('positions count code points, as the model asks; Gloss offsets are UTF-16', () => {
    const text = 'a😀b c'
    expect(codePointOffset(text, 3)).toBe(2) // after the emoji (two UTF-16 units)
    expect(utf16Offset(text, 2)).toBe(3)
    for (let i = 0; i <= text.length; i++)
      if (i !== 2) expect(utf16Offset(text, codePointOffset(text, i))).toBe(i)
  })
})
