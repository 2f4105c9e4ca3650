import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { JSDOM } from 'jsdom'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { renderExport } from './index'
import { CHROMIUM_ARGS, chromiumPath, pdfUnavailable } from './pdf'
import { generatorName, glossVersion } from './version'
import { expectGolden } from '../testing/golden'
import {
  EXPORTED_AT as AT,
  SAMPLE_TITLE as TITLE,
  IDS,
  normalizeVolatile,
  openSampleNotebook,
  SILENCE_QUOTE,
  type SampleNotebook,
} from '../testing/sampleNotebook'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

const html = (scope: Parameters<typeof renderExport>[1]['scope']) =>
  renderExport(nb.notebook.db, { scope, format: 'html' }, { exportedAt: AT }).content

/** A page for its golden file: besides ids and times, the anchors made of an id's end, and the version. */
const stable = (page: string) =>
  normalizeVolatile(page)
    .replace(/\ba-[0-9a-f]{8}\b/g, 'a-<id end>')
    .replaceAll(generatorName(), 'Gloss <version>')

/** The in-page links (href="#…") whose anchor is not in the page. */
function danglingAnchors(doc: Document): string[] {
  const links = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1))
  expect(links.length).toBeGreaterThan(0)
  return links.filter((id) => doc.getElementById(decodeURIComponent(id)) === null)
}

/** Everything that could run: script elements, event attributes, javascript: URLs, remote loads. */
function activeContent(page: string): string[] {
  const doc = new JSDOM(page).window.document
  const found: string[] = []
  if (/<script/i.test(page)) found.push('<script in the source')
  for (const el of doc.querySelectorAll('*')) {
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'LINK'].includes(el.tagName))
      found.push(`<${el.tagName}>`)
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}=`)
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) &&
        !/^(https?:|mailto:|\.\.?\/|[^:]+$)/i.test(attr.value)
      ) {
        found.push(`${el.tagName} ${attr.name}="${attr.value}"`)
      }
    }
  }
  return found
}

describe('HTML export', () => {
  test('an article page: standalone, styled, printable, the same content as the Markdown', () => {
    const page = html({ kind: 'article', id: nb.article.id })
    expectGolden('article.html', stable(page))
    expect(page).toContain(`<meta name="generator" content="Gloss ${glossVersion()}">`)
    expect(page).toMatch(/^<!DOCTYPE html>/)
    expect(page).toContain('<style>')
    expect(page).toContain('@media print')
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none'/)
    // no scripts at all, not even the words
    expect(page).not.toMatch(/<script|javascript:|\son\w+\s*=/i)
    expect(activeContent(page)).toEqual([])

    const doc = new JSDOM(page).window.document
    const figures = [...doc.querySelectorAll('figure.excerpt')]
    expect(
      figures.map((f) => [
        f.querySelector('blockquote')!.textContent,
        f.querySelector('figcaption')!.textContent,
      ]),
    ).toEqual([
      ['three landmark summits between 2018 and 2019', `— ${TITLE}, ¶1`],
      [SILENCE_QUOTE, `— ${TITLE}, ¶6`],
      ['Bruce Klingner', `— ${TITLE}, ¶10`],
      [SILENCE_QUOTE, `— ${TITLE}, ¶6`], // the card in the embedded note
    ])
    expect(figures[0]!.className).toBe('excerpt c-blue')
    expect([...figures[1]!.querySelectorAll('.tag')].map((t) => t.textContent)).toEqual([
      '#open questions',
      '#people/Trump',
    ])
    expect(figures[1]!.querySelector('.comment')!.innerHTML).toBe(
      '<p>Silence, again.<br>"No comment" is, of course, a comment.</p><p>Ask: will they, or won’t they?</p>',
    )
    // section chip: text and its ¶ reference, a link to the anchored section
    const ref = doc.querySelector('.section-ref')!
    expect(ref.textContent).toBe(`“Since those initial summits, North…” (¶4, ${TITLE})`)
    expect(ref.getAttribute('href')).toBe('#p4')
    expect(doc.getElementById('p4')!.textContent).toMatch(/^¶4Since those initial summits, North/)
    // each excerpt's ¶ leads to its section, the card's to the excerpt
    expect(figures.map((f) => f.querySelector('figcaption a')!.getAttribute('href'))).toEqual([
      '#p1',
      '#p6',
      '#p10',
      `#e-${IDS.silence.slice(-8)}`,
    ])
    expect(danglingAnchors(doc)).toEqual([])
    // external links kept, with rel=noopener
    const link = doc.querySelector('a[href="https://example.org/report"]')!
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    // the text: visible sections only
    expect([...doc.querySelectorAll('.text p')]).toHaveLength(11)
    expect(page).not.toMatch(/Login|TRASHED/)
  })

  test('anything a person or a web page wrote is escaped, and unsafe links are dropped', async () => {
    await nb.call('renameArticle', {
      id: nb.article.id,
      title: '<img src=x onerror=alert(1)>"Evil" & <script>alert(2)</script>',
    })
    await nb.call('updateExcerpt', {
      id: IDS.silence,
      comment: '<script>alert(3)</script><a href="javascript:alert(4)" onclick="x()">click</a>',
    })
    const content = structuredClone(nb.noteContent) as { root: { children: Array<{ children?: unknown[] }> } }
    content.root.children[1]!.children!.push(
      {
        type: 'link',
        url: 'javascript:alert(5)',
        version: 1,
        children: [
          { type: 'text', text: 'evil link', format: 0, version: 1, detail: 0, mode: 'normal', style: '' },
        ],
      },
      {
        type: 'link',
        url: 'data:text/html,<script>alert(6)</script>',
        version: 1,
        children: [
          { type: 'text', text: 'data link', format: 0, version: 1, detail: 0, mode: 'normal', style: '' },
        ],
      },
    )
    await nb.call('saveNote', { id: IDS.note, content })
    for (const scope of [
      { kind: 'article', id: nb.article.id },
      { kind: 'note', id: IDS.note },
    ] as const) {
      const page = html(scope)
      expect(activeContent(page), scope.kind).toEqual([])
      const doc = new JSDOM(page).window.document
      expect(doc.querySelectorAll('a').length).toBeGreaterThan(0)
      for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https:|#[\w-]+$)/)
      expect(danglingAnchors(doc)).toEqual([])
      expect(doc.body.textContent).toContain('evil link')
    }
    const article = new JSDOM(html({ kind: 'article', id: nb.article.id })).window.document
    expect(article.querySelector('h1')!.textContent).toBe(
      '<img src=x onerror=alert(1)>"Evil" & <script>alert(2)</script>',
    )
    expect(article.title).toBe('<img src=x onerror=alert(1)>"Evil" & <script>alert(2)</script>')
  })

  test('a note page with its sources, and the whole notebook as one page with a table of contents', async () => {
    const page = html({ kind: 'note', id: IDS.note })
    expectGolden('note.html', stable(page))
    expect(activeContent(page)).toEqual([])
    const note = new JSDOM(page).window.document
    expect(danglingAnchors(note)).toEqual([])
    // the sources hold the cited sections (the chip's ¶4, the card's ¶6) and nothing else
    expect([...note.querySelectorAll('.sources .text p')].map((p) => p.id)).toEqual(['p4', 'p6'])
    expect(note.querySelector('.sources #p6')!.textContent).toContain(SILENCE_QUOTE)
    // the page the PDF export prints, and what the desktop app hands to printToPDF
    expect(
      renderExport(nb.notebook.db, { scope: { kind: 'note', id: IDS.note }, format: 'html' }).content,
    ).toContain('<h1>Kim, Trump and the next round</h1>')

    const out = join(nb.dir, 'notebook.html')
    const result = await nb.call('export', { scope: { kind: 'notebook' }, format: 'html', path: out })
    expect(result.files).toBe(1)
    const whole = readFileSync(out, 'utf8')
    expect(activeContent(whole)).toEqual([])
    const doc = new JSDOM(whole).window.document
    expect(danglingAnchors(doc)).toEqual([])
    const counts = [...doc.querySelector('.meta')!.querySelectorAll('span')].map((s) =>
      s.textContent!.split(' '),
    )
    expect(counts.map(([, noun]) => noun!.replace(/s$/, ''))).toEqual(['article', 'excerpt', 'note'])
    // "1 article", "2 articles"
    for (const [n, noun] of counts) expect(noun!.endsWith('s')).toBe(n !== '1')
    expect([counts[0]!.join(' '), counts[2]!.join(' ')]).toEqual(['2 articles', '2 notes'])
    const toc = [...doc.querySelectorAll('nav a.toc-link')]
    expect(toc.map((a) => a.textContent)).toEqual([
      TITLE,
      'Maps and territories',
      'Kim, Trump and the next round',
      'Loose ends',
    ])
    expect(doc.getElementById(toc[1]!.getAttribute('href')!.slice(1))!.textContent).toBe(
      'Maps and territories',
    )
    // every section of both articles anchored, with the article's prefix
    const anchored = [...doc.querySelectorAll('.text [id]')].map((el) => el.id)
    expect(anchored.length).toBe(11 + 3)
    expect(new Set(anchored).size).toBe(anchored.length)
    expect(anchored.every((id) => /^a-[0-9a-f]{8}-p\d+$/.test(id))).toBe(true)
    // the note's chip leads to ¶4 of the sample, its card to the excerpt under the sample
    const chip = doc.querySelector(`#n-${IDS.note.slice(-8)} a.section-ref`)!
    expect(doc.getElementById(chip.getAttribute('href')!.slice(1))!.textContent).toMatch(/^¶4Since those/)
    const card = doc.querySelector(`#n-${IDS.note.slice(-8)} figure.excerpt figcaption a`)!
    expect(card.getAttribute('href')).toBe(`#e-${IDS.silence.slice(-8)}`)
    expect(doc.getElementById(`e-${IDS.silence.slice(-8)}`)!.querySelector('blockquote')!.textContent).toBe(
      SILENCE_QUOTE,
    )
  })

  test('renders in Chromium (screenshot in screenshots/export-html.png)', async (ctx) => {
    const missing = pdfUnavailable()
    if (missing) {
      console.info(`skipped: ${missing}`)
      ctx.skip()
    }
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, javaScriptEnabled: false })
      const errors: string[] = []
      page.on('console', (m) => errors.push(m.text()))
      await page.setContent(html({ kind: 'article', id: nb.article.id }), { waitUntil: 'load' })
      const dir = fileURLToPath(new URL('../../../screenshots', import.meta.url))
      mkdirSync(dir, { recursive: true })
      await page.screenshot({ path: join(dir, 'export-html.png'), fullPage: false })
      expect(await page.locator('figure.excerpt').count()).toBe(4)
      // the highlight color is applied
      const background = await page
        .locator('figure.excerpt.c-blue blockquote p')
        .evaluate((el) => getComputedStyle(el).backgroundColor)
      expect(background).toBe('rgb(207, 227, 255)')
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

test('a notebook export counts in the singular where there is one', async () => {
  await nb.call('deleteArticle', { id: nb.maps.id })
  await nb.call('deleteNote', { id: IDS.otherNote })
  const page = new JSDOM(html({ kind: 'notebook' })).window.document
  const counts = [...page.querySelector('.meta')!.querySelectorAll('span')].map((s) => s.textContent)
  expect(counts[0]).toBe('1 article')
  expect(counts[2]).toBe('1 note')
  const markdown = renderExport(nb.notebook.db, { scope: { kind: 'notebook' }, format: 'md' }).content
  expect(markdown).toMatch(/: 1 article, \d+ excerpts?, 1 note\./)
})
