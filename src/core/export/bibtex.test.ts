import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { expectGolden } from '../testing/golden'
import {
  EXPORTED_AT as AT,
  MAPS_URL,
  normalizeVolatile,
  openSampleNotebook,
  type SampleNotebook,
} from '../testing/sampleNotebook'
import { bibtexEscape } from './bibtex'
import { renderExport } from './index'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

describe('BibTeX', () => {
  test('one @misc per article with title, authors from the byline, date and URL', () => {
    const bib = renderExport(
      nb.notebook.db,
      { scope: { kind: 'notebook' }, format: 'bibtex' },
      { exportedAt: AT },
    ).content
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

  test('LaTeX specials are escaped', () => {
    expect(bibtexEscape('50% of R&D_costs #1 {x} ~ ^ $ \\')).toBe(
      '50\\% of R\\&D\\_costs \\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\$ \\textbackslash{}',
    )
  })
})
