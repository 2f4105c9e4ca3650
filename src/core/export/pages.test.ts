/**
 * Where an article has pages (a PDF's) every export cites them ("p. 2, ¶5") and the citation
 * formats give the page range (BibTeX, CSL-JSON, RIS); where an excerpt's words are no longer the
 * current version's, every human-readable export says so.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { ArticleDetail } from '../../shared/model'
import { printPdfs } from '../import/testing/documents'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'
import { NOT_VERBATIM } from './markdown'
import { pdfUnavailable } from './pdf'

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterEach(() => nb.cleanup())

const para = (text: string, pageBreak = false) =>
  `<p style="font: 14pt serif;${pageBreak ? ' break-before: page;' : ''}">${text}</p>`

const render = async (format: 'md' | 'html' | 'csv' | 'bibtex' | 'csl' | 'ris' | 'obsidian') =>
  (await nb.call('renderExport', { scope: { kind: 'notebook' }, format })).files

describe('pages', () => {
  test('a PDF’s excerpts are cited by page and ¶; its citations carry the page range', async (ctx) => {
    const missing = pdfUnavailable()
    if (missing) {
      console.info(`skipped: ${missing}`)
      ctx.skip()
    }
    const [pdf] = await printPdfs([
      {
        html: `<title>Tides and deltas</title>${para('Rivers carry sediment down to the sea, where the tides sort it.')}${para(
          'Deltas grow where the river brings more than the sea takes away, year after year.',
          true,
        )}`,
      },
    ])
    const file = join(nb.dir, 'tides.pdf')
    writeFileSync(file, pdf!)
    const { article } = await nb.call('importFile', { path: file })
    const detail: ArticleDetail = await nb.call('getArticle', { id: article.id })
    const second = detail.sections.find((s) => s.text.startsWith('Deltas grow'))!
    expect(second.page).toBe(2)
    await nb.call('createExcerpt', { articleId: article.id, quote: 'more than the sea takes away' })
    const cite = `p. 2, ¶${second.ordinal}`
    // a passage from page 1's paragraph into page 2's: cited from its first page, over both ¶
    const first = detail.sections.find((s) => s.text.startsWith('Rivers carry'))!
    await nb.call('createExcerpt', { articleId: article.id, start: first.end - 9, end: second.start + 6 })
    const across = `p. 1, ¶${first.ordinal}–${second.ordinal}`

    const md = (await render('md')).find((f) => f.path.startsWith('articles/'))!.content
    expect(md).toContain(`, ${cite}\n`)
    expect(md).toContain(`, ${across}\n`)
    expect(md).toContain(`**${cite}** Deltas grow`)
    const vault = (await render('obsidian')).find((f) => f.path.startsWith('Articles/'))!.content
    expect(vault).toContain(`[[#^p${second.ordinal}|${cite}]]`)
    expect(vault).toContain(`[[#^p${first.ordinal}|${across}]]`)
    const html = (await render('html'))[0]!.content
    expect(html).toMatch(new RegExp(`<a class="ref" href="#a-[0-9a-f]{8}-p${second.ordinal}">${cite}</a>`))
    expect(html).toContain(`">${across}</a>`)
    const rows = Papa.parse<Record<string, string>>((await render('csv'))[0]!.content.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(rows.map((r) => [r['¶'], r.page])).toEqual([
      [`${first.ordinal}–${second.ordinal}`, '1'],
      [String(second.ordinal), '2'],
    ])

    expect((await render('bibtex'))[0]!.content).toMatch(/pages\s+= \{1--2\}/)
    expect(JSON.parse((await render('csl'))[0]!.content)[0]).toMatchObject({ page: '1-2' })
    const ris = (await render('ris'))[0]!.content
    expect(ris).toContain('\r\nSP  - 1\r\nEP  - 2\r\n')
  }, 120_000)
})

describe('RIS', () => {
  test('one record per article: type, title, authors, dates, URL, CRLF lines, ER to end', async () => {
    await nb.call('importContent', {
      content:
        '---\ntitle: Maps and territories\nauthor: Jane Doe, John Smith\ndate: 2024-11-05\n---\n\nThe map is not the territory.\n',
      fileName: 'maps.md',
      sourceUrl: 'https://example.org/maps',
    })
    await nb.call('importContent', { content: 'Plain words.\n', fileName: 'plain.txt' })
    const [file] = await render('ris')
    expect(file!.path).toMatch(/\.ris$/)
    const records = file!.content.split('ER  - \r\n').filter((r) => r.trim())
    expect(records).toHaveLength(2)
    const lines = records[0]!.trim().split('\r\n')
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- \S/)
    expect(lines.filter((l) => !/^(ID|Y2|N1)/.test(l))).toEqual([
      'TY  - ELEC',
      'TI  - Maps and territories',
      'AU  - Doe, Jane',
      'AU  - Smith, John',
      'PY  - 2024',
      'DA  - 2024/11/05',
      'UR  - https://example.org/maps',
    ])
    expect(records[1]!).toContain('TY  - GEN')
    expect(file!.content).not.toMatch(/[^\r]\n/)
  })
})

describe('captions', () => {
  test('a picture’s caption reads as a caption in the HTML page and the vault', async () => {
    await nb.call('importContent', {
      content: `<!DOCTYPE html><html><head><title>Deltas</title></head><body><article><h1>Deltas</h1>
        <p>Deltas form where rivers meet the sea, and they move with every flood.</p>
        <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><figcaption>The Nile delta from orbit.</figcaption></figure>
        <p>Their shape follows the tides and the sediment the river carries to them.</p></article></body></html>`,
      fileName: 'deltas.html',
    })
    const html = (await render('html'))[0]!.content
    expect(html).toMatch(
      /<p id="a-[0-9a-f]{8}-p\d+" class="caption"><span class="pnum">¶\d+<\/span>The Nile delta from orbit\.<\/p>/,
    )
    expect(html.match(/class="caption"/g)).toHaveLength(1)
    const vault = (await render('obsidian')).find((f) => f.path.startsWith('Articles/'))!.content
    expect(vault).toMatch(/\*\*¶\d+\*\* \*The Nile delta from orbit\.\* \^p\d+/)
  })
})

describe('verbatim', () => {
  test('an excerpt a new version changed says so in Markdown, the vault, HTML and CSV', async () => {
    const { article } = await nb.call('importContent', {
      content: '# Maps\n\nThe map is not the territory, and a model is not the world.\n',
      fileName: 'maps.md',
    })
    await nb.call('createExcerpt', { articleId: article.id, quote: 'The map is not the territory' })
    await nb.call('importVersion', {
      articleId: article.id,
      content: '# Maps\n\nA map is never the territory, and a model is not the world.\n',
      fileName: 'maps.md',
    })
    const [excerpt] = await nb.call('listExcerpts', { articleId: article.id })
    expect(excerpt!.verbatim).toBe(false)
    expect((await render('md')).find((f) => f.path.startsWith('articles/'))!.content).toContain(NOT_VERBATIM)
    expect((await render('obsidian')).find((f) => f.path.startsWith('Articles/'))!.content).toContain(
      `> ${NOT_VERBATIM}`,
    )
    expect((await render('html'))[0]!.content).toContain(`<p class="not-verbatim">${NOT_VERBATIM}</p>`)
    const [row] = Papa.parse<Record<string, string>>((await render('csv'))[0]!.content.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(row!.verbatim).toBe('no')
  })
})
