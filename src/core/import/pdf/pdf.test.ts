/**
 * PDF import. The layout tests print a PDF with Chromium from HTML written here (two pages of
 * single-column prose, then two columns; a running head and "Page N" foot on every page); they
 * are skipped, saying why, where Chromium is missing. The refusals use PDFs written by hand.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../../shared/errors'
import { openTempNotebook, tableCounts, type TempNotebook } from '../../testing/tempNotebook'
import { chromiumMissing, handWrittenPdf, printPdfs, simplePdf } from '../testing/documents'
import { findFurniture } from './furniture'
import { parsePdf } from './index'
import type { PdfLine } from './lines'
import { joinLines } from './paragraphs'

const WORDS = ['amber', 'basalt', 'cedar', 'delta', 'ember', 'fjord', 'granite', 'harbor', 'iris', 'juniper']
const WORDS2 = ['kelp', 'lagoon', 'meadow', 'nectar', 'orchid', 'prairie']
const word = (n: number) => [...WORDS, ...WORDS2][n - 1]!
/** Paragraph n: sentences that say which paragraph and sentence they are, so order shows. */
const para = (n: number, sentences = 5) =>
  Array.from(
    { length: sentences },
    (_, i) =>
      `Sentence ${i + 1} of paragraph ${n} talks about the ${word(n)} and how the delegates weighed it against the rest.`,
  ).join(' ')
const SINGLE = [1, 2, 3, 4, 5, 6, 7, 8]
const COLUMNS = [9, 10, 11, 12, 13, 14]
const HYPHENS =
  'The delegates resumed their nego-<br>tiations after lunch, and the well-<br>known mediator spoke first. Everyone agreed that well-known rules apply.'

const ARTICLE = `<!DOCTYPE html><html><head><title>The Summit Papers</title><style>
body { font: 12pt/1.45 serif; margin: 0 } p { margin: 0 0 0.9em }
h1 { font-size: 24pt; margin: 0 0 0.3em } h2 { font-size: 16pt; margin: 1em 0 0.5em }
.byline { margin-bottom: 1.5em } .cols { columns: 2; column-gap: 2.5em; text-align: justify }
</style></head><body>
<h1>The Summit Papers</h1>
<p class="byline">Ada Lovelace and Charles Babbage</p>
${SINGLE.map((n) => `<p>${para(n)}</p>`).join('\n')}
<p>${HYPHENS}</p>
<h2>Second part, in two columns</h2>
<div class="cols">${COLUMNS.map((n) => `<p>${para(n, 7)}</p>`).join('\n')}</div>
</body></html>`

const HEAD = '<div style="font-size:9px;width:100%;text-align:center">The Summit Papers — working draft</div>'
const FOOT =
  '<div style="font-size:9px;width:100%;text-align:center">Page <span class="pageNumber"></span></div>'

const missing = chromiumMissing()
if (missing !== null) console.log(`PDF layout tests skipped: ${missing}`)

let nb: TempNotebook
beforeAll(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterAll(() => nb.cleanup())

async function refusal(path: string): Promise<GlossError> {
  const before = tableCounts(nb.notebook.db)
  const error = await nb.call('importFile', { path }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GlossError)
  expect(tableCounts(nb.notebook.db)).toEqual(before)
  return error as GlossError
}

describe.skipIf(missing !== null)('a PDF printed by Chromium', () => {
  let pdf: Buffer
  let parseMs = 0
  beforeAll(async () => {
    ;[pdf] = (await printPdfs([{ html: ARTICLE, header: HEAD, footer: FOOT }])) as [Buffer]
    await parsePdf(pdf, 'warm-up') // pdf.js loads once
    const started = performance.now()
    await parsePdf(pdf, 'timed')
    parseMs = performance.now() - started
    console.log(`PDF of ${pdf.byteLength} bytes parsed in ${parseMs.toFixed(0)} ms`)
  }, 60_000)

  it('rebuilds paragraphs in reading order, both columns included, with their pages', async () => {
    const { drafts } = await parsePdf(pdf, 'summit.pdf')
    const body = drafts.filter((d) => d.kind !== 'quarantined')
    expect(body.map((d) => d.text)).toEqual([
      'The Summit Papers',
      'Ada Lovelace and Charles Babbage',
      ...SINGLE.map((n) => para(n)),
      'The delegates resumed their negotiations after lunch, and the well-known mediator spoke first. Everyone agreed that well-known rules apply.',
      'Second part, in two columns',
      ...COLUMNS.map((n) => para(n, 7)),
    ])
    const pages = body.map((d) => d.page)
    expect(pages[0]).toBe(1)
    expect(pages).toEqual([...pages].sort((a, b) => a - b)) // never backwards
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(3)
    expect(parseMs).toBeLessThan(5_000)
  })

  it('tells headings by their size: the title level 1, the section level 2', async () => {
    const { drafts } = await parsePdf(pdf, 'summit.pdf')
    const headings = drafts.filter((d) => d.kind === 'heading').map((d) => [d.text, d.level])
    expect(headings).toEqual([
      ['The Summit Papers', 1],
      ['Second part, in two columns', 2],
    ])
  })

  it('quarantines the running head and the page numbers of every page, keeping their pages', async () => {
    const { drafts } = await parsePdf(pdf, 'summit.pdf')
    const hidden = drafts.filter((d) => d.kind === 'quarantined')
    const pageCount = Math.max(...drafts.map((d) => d.page))
    const heads = hidden.filter((d) => d.quarantineReason === 'pdf: running header')
    const numbers = hidden.filter((d) => d.quarantineReason === 'pdf: page number')
    expect(heads.map((d) => [d.page, d.text])).toEqual(
      Array.from({ length: pageCount }, (_, i) => [i + 1, 'The Summit Papers — working draft']),
    )
    expect(numbers.map((d) => [d.page, d.text])).toEqual(
      Array.from({ length: pageCount }, (_, i) => [i + 1, `Page ${i + 1}`]),
    )
    expect(hidden).toHaveLength(2 * pageCount)
  })

  it('takes the title from the metadata, the byline from the first page, the date from the metadata', async () => {
    const { metadata } = await parsePdf(pdf, 'summit.pdf')
    const today = new Date()
    const yesterday = new Date(today.getTime() - 86_400_000)
    expect(metadata.title).toBe('The Summit Papers')
    expect(metadata.byline).toBe('Ada Lovelace and Charles Babbage')
    expect([today, yesterday].map((d) => d.toISOString().slice(0, 10))).toContain(metadata.publishedAt)
  })

  it('imports through the notebook as text from a pdf, each section with its page', async () => {
    const path = join(nb.dir, 'summit.pdf')
    writeFileSync(path, pdf)
    const { article, duplicate } = await nb.call('importFile', { path })
    expect(duplicate).toBe(false)
    expect(article).toMatchObject({
      title: 'The Summit Papers',
      byline: 'Ada Lovelace and Charles Babbage',
      format: 'text',
      sourceFormat: 'pdf',
    })
    const detail = await nb.call('getArticle', { id: article.id })
    expect(detail.sections.every((s) => s.page !== null && s.page >= 1)).toBe(true)
    expect(detail.hiddenCount).toBe(detail.sections.filter((s) => s.kind === 'quarantined').length)
    const ninth = detail.sections.find((s) => s.text.startsWith('Sentence 1 of paragraph 9 '))
    expect(ninth?.page).toBeGreaterThanOrEqual(2)
    // the same PDF again is a duplicate, as for any file
    expect((await nb.call('importFile', { path })).duplicate).toBe(true)
  })

  it('reads a long report whose sections alternate one and two columns, on pages that mix them', async () => {
    const long = (n: number) =>
      Array.from(
        { length: 6 },
        (_, i) =>
          `Sentence ${i + 1} of paragraph ${n} considers the negotiation record and the commitments made at each stage of the talks.`,
      ).join(' ')
    const sections = Array.from({ length: 20 }, (_, s) => s + 1)
    const html = `<!DOCTYPE html><html><head><title>A Long Report</title><style>body { font: 11pt/1.4 serif }
      .cols { columns: 2; column-gap: 2em; text-align: justify } p { margin: 0 0 .8em }</style></head><body>
      <h1>A Long Report</h1>${sections
        .map(
          (s) =>
            `<h2>Section ${s}</h2><div class="${s % 2 ? '' : 'cols'}">${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<p>${long(s * 100 + i)}</p>`).join('')}</div>`,
        )
        .join('')}</body></html>`
    const [bytes] = await printPdfs([{ html, footer: FOOT }])
    const started = performance.now()
    const { drafts } = await parsePdf(bytes!, 'report.pdf')
    console.log(
      `${Math.max(...drafts.map((d) => d.page))}-page report parsed in ${(performance.now() - started).toFixed(0)} ms`,
    )
    expect(drafts.filter((d) => d.kind !== 'quarantined').map((d) => d.text)).toEqual([
      'A Long Report',
      ...sections.flatMap((s) => [`Section ${s}`, ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => long(s * 100 + i))]),
    ])
  }, 60_000)

  it('refuses a scan (pages of images, no text layer) and writes nothing', async () => {
    const scan = `<!DOCTYPE html><html><body><svg width="600" height="800"><rect width="600" height="800" fill="#ddd"/>
      <circle cx="300" cy="300" r="120" fill="#555"/></svg><svg width="600" height="800"><rect width="600" height="800"/></svg></body></html>`
    const [bytes] = await printPdfs([{ html: scan, printBackground: true }])
    const path = join(nb.dir, 'scan.pdf')
    writeFileSync(path, bytes!)
    const error = await refusal(path)
    expect(error.code).toBe('bad_file')
    expect(error.message).toMatch(
      /^Cannot import "scan\.pdf": the PDF has no text layer \(its \d pages are images/,
    )
    expect(error.message).toContain('OCR')
  }, 60_000)
})

/** One page of Helvetica lines, each [size, y, text]; `info` becomes the trailer's /Info dictionary. */
function linesPdf(lines: Array<[number, number, string]>, info?: string): Buffer {
  const stream = lines.map(([size, y, text]) => `BT /F1 ${size} Tf 72 ${y} Td (${text}) Tj ET`).join('\n')
  return handWrittenPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ...(info === undefined ? [] : [info]),
    ],
    info === undefined ? '' : '/Info 6 0 R ',
  )
}

describe('PDF metadata', () => {
  const SURVEY: Array<[number, number, string]> = [
    [24, 720, 'Harbour Survey'],
    [12, 600, 'The survey of the harbour began in the spring, when the water was calm'],
    [12, 586, 'enough for the divers to work along the outer wall for most of the day.'],
    [12, 540, 'A second team measured the depth of the channel at every buoy from the'],
    [12, 526, 'lighthouse to the inner basin, and compared it with the charts of 1990.'],
  ]

  it('takes title, author and date from the document information dictionary first', async () => {
    const info =
      '<< /Title (The Harbour Survey of 2024) /Author (Nell Ward) /CreationDate (D:20240315120000Z) >>'
    const { metadata, drafts } = await parsePdf(linesPdf(SURVEY, info), 'survey.pdf')
    expect(metadata).toEqual({
      title: 'The Harbour Survey of 2024',
      byline: 'Nell Ward',
      publishedAt: '2024-03-15',
    })
    // the two lines of each paragraph joined by their spacing; the big line a heading
    expect(drafts.map((d) => [d.kind, d.text.slice(0, 24)])).toEqual([
      ['heading', 'Harbour Survey'],
      ['paragraph', 'The survey of the harbou'],
      ['paragraph', 'A second team measured t'],
    ])
  })

  it('without one, reads the title, the names under it and a date from the first page', async () => {
    const [title, ...body] = SURVEY
    const page = linesPdf([title!, [12, 690, 'Nell Ward and Tom Reed'], [12, 660, '15 March 2024'], ...body])
    const { metadata } = await parsePdf(page, 'survey.pdf')
    expect(metadata).toEqual({
      title: 'Harbour Survey',
      byline: 'Nell Ward and Tom Reed',
      publishedAt: '2024-03-15',
    })
  })
})

describe('PDFs that are refused, each saying why, with nothing written', () => {
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(nb.dir, name)
    writeFileSync(path, bytes)
    return path
  }

  it('reads a hand-written one-page PDF', async () => {
    const { drafts, metadata } = await parsePdf(simplePdf('A hand-made page of a PDF.'), 'hand.pdf')
    expect(drafts).toEqual([{ kind: 'paragraph', text: 'A hand-made page of a PDF.', page: 1 }])
    expect(metadata).toEqual({ title: null, byline: null, publishedAt: null })
  })

  it('a truncated PDF', async () => {
    const whole = simplePdf('A page that will be cut short.')
    const error = await refusal(write('cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.6))))
    expect(error.message).toBe(
      'Cannot import "cut.pdf": the PDF is incomplete: its end is missing (a truncated file or an unfinished download).',
    )
  })

  it('an encrypted PDF', async () => {
    const error = await refusal(write('locked.pdf', simplePdf('Secret words.', true)))
    expect(error.code).toBe('bad_file')
    expect(error.message).toBe(
      'Cannot import "locked.pdf": it is an encrypted PDF that needs a password to open; save a copy without the password and import that.',
    )
  })

  it('a PDF with pages but no text at all (a scan)', async () => {
    const stream = '0.5 g 72 72 468 648 re f'
    const scan = handWrittenPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    ])
    const error = await refusal(write('scanned.pdf', scan))
    expect(error.message).toMatch(
      /^Cannot import "scanned\.pdf": the PDF has no text layer \(its page is an image/,
    )
  })

  it('a damaged PDF, and a file named .pdf that is not one', async () => {
    const damaged = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n', 'latin1')
    expect((await refusal(write('damaged.pdf', damaged))).message).toMatch(
      /^Cannot import "damaged\.pdf": (it is damaged and cannot be read as a PDF|pdf\.js could not read it|the PDF has no pages)/,
    )
    expect((await refusal(write('notes.pdf', Buffer.from('Just some notes.\n')))).message).toBe(
      'Cannot import "notes.pdf": it is not a PDF (it has no "%PDF-" header).',
    )
  })
})

describe('PDF layout rules', () => {
  const line = (page: number, y: number, text: string): PdfLine => ({
    text,
    page,
    x0: 72,
    x1: 300,
    y,
    size: 10,
    column: 'single',
    band: 0,
  })

  it('joins a word broken at a line end, and keeps the hyphen of a compound the text hyphenates elsewhere', () => {
    const words = new Set(['well-known', 'cooperation'])
    expect(joinLines('the nego-', 'tiations', new Set())).toBe('the negotiations')
    expect(joinLines('the well-', 'known rules', words)).toBe('the well-known rules')
    expect(joinLines('co-', 'operation', words)).toBe('cooperation')
    expect(joinLines('the Franco-', 'German border', new Set())).toBe('the Franco-German border')
    expect(joinLines('a soft\u00ad', 'hyphen', new Set())).toBe('a softhyphen')
    expect(joinLines('one line', 'and the next', new Set())).toBe('one line and the next')
  })

  it('finds page numbers and running heads by repetition, alternating ones too', () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      number: n,
      height: 800,
      lines: [
        line(n, 780, n % 2 ? 'Chapter One: Beginnings' : 'A Book of Examples'),
        line(n, 700, `Body text unique to page ${n}, which never repeats anywhere.`),
        line(n, 688, 'and the next line of the body, close under the first one.'),
        line(n, 30, n % 2 ? String(n) : `– ${n} –`),
      ],
    }))
    const found = findFurniture(pages)
    expect([...found.entries()].map(([l, reason]) => [l.page, l.text, reason])).toEqual([
      [1, 'Chapter One: Beginnings', 'running header'],
      [1, '1', 'page number'],
      [2, 'A Book of Examples', 'running header'],
      [2, '– 2 –', 'page number'],
      [3, 'Chapter One: Beginnings', 'running header'],
      [3, '3', 'page number'],
      [4, 'A Book of Examples', 'running header'],
      [4, '– 4 –', 'page number'],
    ])
  })

  it('finds a running footer with the page number close under it', () => {
    const pages = [1, 2, 3].map((n) => ({
      number: n,
      height: 800,
      lines: [
        line(n, 500, `Body text unique to page ${n}, which never repeats anywhere.`),
        line(n, 488, 'and the last line of the body, far above the foot of the page.'),
        line(n, 45, 'Journal of Harbour Studies 12 (2024)'),
        line(n, 30, String(n + 40)),
      ],
    }))
    const found = findFurniture(pages)
    expect([...found.entries()].map(([l, reason]) => [l.page, l.text, reason])).toEqual(
      [1, 2, 3].flatMap((n) => [
        [n, 'Journal of Harbour Studies 12 (2024)', 'running footer'],
        [n, String(n + 40), 'page number'],
      ]),
    )
  })
})
