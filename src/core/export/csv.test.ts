import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { BOM, CSV_COLUMNS, csvField } from './csv'
import { renderExport } from './index'
import { expectGolden } from '../testing/golden'
import {
  EXPORTED_AT as AT,
  SAMPLE_TITLE as TITLE,
  IDS,
  normalizeVolatile,
  openSampleNotebook,
  SILENCE_COMMENT,
  SILENCE_QUOTE,
  type SampleNotebook,
} from '../testing/sampleNotebook'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

const csv = (scope: Parameters<typeof renderExport>[1]['scope']) =>
  renderExport(nb.notebook.db, { scope, format: 'csv' }, { exportedAt: AT }).content

describe('CSV export', () => {
  test('RFC 4180 with a BOM and CRLF rows; parses back to the same values', () => {
    const text = csv({ kind: 'notebook' })
    expectGolden('notebook.csv', normalizeVolatile(text))
    expect(text.startsWith(BOM)).toBe(true)
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    // every row ends in CRLF; the only bare LFs are inside the quoted comment
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(1 + 4 + 1)

    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS])
    expect(parsed.data.every((r) => r.verbatim === 'yes' && r.page === '')).toBe(true)
    expect(parsed.data.map((r) => [r.article, r['¶'], r.quote, r.comment, r.tags, r.color])).toEqual([
      [
        TITLE,
        '1',
        'three landmark summits between 2018 and 2019',
        'Singapore, Hanoi, the DMZ.',
        'people/Kim Jong Un; places',
        'blue',
      ],
      [TITLE, '6', SILENCE_QUOTE, SILENCE_COMMENT, 'open questions; people/Trump', 'yellow'],
      [TITLE, '10', 'Bruce Klingner', '', 'people/Klingner', 'green'],
      ['Maps and territories', '2', 'The map is not the territory', 'Korzybski', 'epistemics', 'purple'],
    ])
    expect(parsed.data.every((r) => !Number.isNaN(Date.parse(r.created!)))).toBe(true)
    expect(text).not.toContain('TRASHED')
  })

  test('an article’s excerpts, or the ones a note cites', () => {
    const rows = (text: string) => Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1)
    expect(rows(csv({ kind: 'article', id: nb.maps.id })).map((r) => r[3])).toEqual([
      'The map is not the territory',
    ])
    expect(rows(csv({ kind: 'note', id: IDS.note })).map((r) => r[3])).toEqual([SILENCE_QUOTE])
  })

  test('quotes, commas and newlines are quoted; formulas are neutralized', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"')
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-5', false)).toBe('-5')
  })
})
