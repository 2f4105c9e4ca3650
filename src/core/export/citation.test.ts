import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { bibtexEscape, bylineAuthors, dateParts, type CslItem } from './citation'
import { renderExport } from './index'
import { expectGolden } from './testing/golden'
import {
  EXPORTED_AT as AT,
  IDS,
  MAPS_URL,
  normalizeVolatile,
  openSampleNotebook,
  type SampleNotebook,
} from './testing/sample'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

const render = (scope: Parameters<typeof renderExport>[1]['scope'], format: 'bibtex' | 'csl') =>
  renderExport(nb.notebook.db, { scope, format }, { exportedAt: AT }).content

describe('citations', () => {
  test('BibTeX: one @misc per article with title, authors from the byline, date and URL', () => {
    const bib = render({ kind: 'notebook' }, 'bibtex')
    expectGolden('notebook.bib', normalizeVolatile(bib))
    const entries = bib.split(/\n(?=@)/)
    expect(entries).toHaveLength(2)
    const maps = entries.find((e) => e.includes('Maps and territories'))!
    expect(maps).toMatch(/^@misc\{doe2024maps,\n/)
    expect(maps).toContain('  author  = {Doe, Jane and Smith, John}')
    expect(maps).toContain('  year    = {2024}')
    expect(maps).toContain('  month   = nov')
    expect(maps).toContain(`  url     = {${MAPS_URL}}`)
    // balanced braces
    for (const e of entries) expect(e.split('{').length).toBe(e.split('}').length)
  })

  test('CSL-JSON: one item per article', () => {
    const items = JSON.parse(render({ kind: 'article', id: nb.maps.id }, 'csl')) as CslItem[]
    expect(items).toEqual([
      {
        id: nb.maps.id,
        type: 'webpage',
        title: 'Maps and territories',
        author: [
          { given: 'Jane', family: 'Doe' },
          { given: 'John', family: 'Smith' },
        ],
        issued: { 'date-parts': [[2024, 11, 5]] },
        URL: MAPS_URL,
        accessed: { 'date-parts': [dateParts(nb.maps.importedAt)] },
      },
    ])
    // a note cites the articles it links to
    const cited = JSON.parse(render({ kind: 'note', id: IDS.note }, 'csl')) as CslItem[]
    expect(cited.map((i) => i.id)).toEqual([nb.article.id])
    expect(cited[0]).toEqual({ id: nb.article.id, type: 'document', title: nb.article.title })
  })

  test('bylines and LaTeX specials', () => {
    expect(bylineAuthors('By Jane Doe and John Smith')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Smith' },
    ])
    expect(bylineAuthors('Doe, Jane; Smith, John')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Smith' },
    ])
    expect(bylineAuthors('Reuters')).toEqual([{ literal: 'Reuters' }])
    expect(bylineAuthors(null)).toEqual([])
    expect(bibtexEscape('50% of R&D_costs #1 {x} ~ ^ $ \\')).toBe(
      '50\\% of R\\&D\\_costs \\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\$ \\textbackslash{}',
    )
  })
})
