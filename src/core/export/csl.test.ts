import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  EXPORTED_AT as AT,
  IDS,
  MAPS_URL,
  openSampleNotebook,
  type SampleNotebook,
} from '../testing/sampleNotebook'
import { dateParts } from './citation'
import type { CslItem } from './csl'
import { renderExport } from './index'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

const render = (scope: Parameters<typeof renderExport>[1]['scope']) =>
  renderExport(nb.notebook.db, { scope, format: 'csl' }, { exportedAt: AT }).content

describe('CSL-JSON', () => {
  test('one item per article', () => {
    const items = JSON.parse(render({ kind: 'article', id: nb.maps.id })) as CslItem[]
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
    const cited = JSON.parse(render({ kind: 'note', id: IDS.note })) as CslItem[]
    expect(cited.map((i) => i.id)).toEqual([nb.article.id])
    expect(cited[0]).toEqual({ id: nb.article.id, type: 'document', title: nb.article.title })
  })
})
