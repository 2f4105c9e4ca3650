import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures/gloss'
import { callApi, highlightText, waitForArticle } from './helpers'

/**
 * The article as its author wrote it (issue 12): an imported HTML page's lists, quote, emphasis,
 * code, table, links and pictures rendered from the sections' layouts, with selections, highlights
 * and jumps still on the exact words, and links that never navigate the app.
 */

/** a 24×16 red PNG */
const RED_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAGklEQVR4nGM4oaFBFcQwatCoQaMGjRpEGQIATMGkEDHeO18AAAAASUVORK5CYII='

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Field guide to structure</title></head>
<body><article>
<h1>Field guide to structure</h1>
<p>The survey team walked for <em>three long days</em> before the <strong>first village</strong> came into view, as the <a href="https://example.org/survey">survey report</a> tells it.</p>
<ul><li>Pack the <code>gps</code> unit first</li><li>Then the water<ul><li>Two litres each</li></ul></li></ul>
<ol start="3"><li>Count the households</li><li>Visit each one twice</li></ol>
<blockquote><p>We were welcomed as old friends, the headman said.</p></blockquote>
<pre><code>households = visits / 2</code></pre>
<table><thead><tr><th>Village</th><th>Households</th></tr></thead>
<tbody><tr><td>Upper Dell</td><td>42</td></tr><tr><td>Lower Dell</td><td>17</td></tr></tbody></table>
<figure><img src="data:image/png;base64,${RED_PNG}" alt="A red marker on the map"><figcaption>The meeting point, marked in red.</figcaption></figure>
<figure><img src="https://example.org/photos/valley.jpg" alt="The valley at dawn"><figcaption>The valley at dawn, from the pass.</figcaption></figure>
<p>Water there is H<sub>2</sub>O like anywhere, and the 10<sup>th</sup> visit was the last.</p>
</article></body></html>`

const TITLE = 'Field guide to structure'

interface Section {
  id: string
  ordinal: number
  text: string
  start: number
  end: number
}

/** Import the page and open it; every request the page makes is recorded. */
async function openStructured(page: Page, gloss: { origin: string; token: string }) {
  const { article } = await callApi<{ article: { id: string } }>(gloss, 'importContent', {
    content: PAGE,
    fileName: 'field-guide.html',
    format: 'html',
  })
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.reload()
  await waitForArticle(page)
  await page.locator(`[data-article-id="${article.id}"] .article-item`).click()
  await expect(page.locator('article.article')).toHaveAttribute('data-article-id', article.id)
  const detail = await callApi<{ sections: Section[] }>(gloss, 'getArticle', { id: article.id })
  return { articleId: article.id, sections: detail.sections, requests }
}

const reader = (page: Page) => page.locator('article.article')
const sectionWith = (page: Page, words: string) =>
  reader(page).locator('[data-section-id]').filter({ hasText: words })

/** Select from `from` (its first character) to the end of `to` in one section, across its elements. */
async function selectWords(page: Page, words: string, from: string, to: string) {
  await page.evaluate(
    ({ words, from, to }) => {
      const element = [...document.querySelectorAll('article.article [data-section-id]')].find((e) =>
        e.textContent!.includes(words),
      )!
      const point = (needle: string, end: boolean): [Text, number] => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        let at = 0
        const target = element.textContent!.indexOf(needle) + (end ? needle.length : 0)
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (target <= at + node.length && (end || target < at + node.length)) return [node, target - at]
          at += node.length
        }
        throw new Error(`no ${needle}`)
      }
      const range = document.createRange()
      range.setStart(...point(from, false))
      range.setEnd(...point(to, true))
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    { words, from, to },
  )
}

test('lists, quote, emphasis, code, table, link and pictures are rendered; a remote picture is never fetched', async ({
  page,
  gloss,
}) => {
  const { sections, requests } = await openStructured(page, gloss)
  const body = reader(page)
  // each section's element holds exactly its text: markers, ¶ and pictures are not in it
  for (const s of sections.filter((s) => s.text !== TITLE)) {
    const element = body.locator(`[data-section-id="${s.id}"]`)
    await expect(element).toHaveCount(1)
    expect(await element.evaluate((e) => e.textContent)).toBe(s.text)
  }

  const first = sectionWith(page, 'survey team')
  await expect(first.locator('em')).toHaveText('three long days')
  await expect(first.locator('strong')).toHaveText('first village')
  const link = first.locator('a')
  await expect(link).toHaveText('survey report')
  await expect(link).toHaveAttribute('href', 'https://example.org/survey')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')

  await expect(
    body.locator('ul > li[data-section-id]').filter({ hasText: 'Pack the gps unit first' }),
  ).toHaveCount(1)
  await expect(sectionWith(page, 'Pack the').locator('code')).toHaveText('gps')
  // the nested item sits deeper than its parent
  const indent = async (words: string) => (await sectionWith(page, words).boundingBox())!.x
  expect(await indent('Two litres each')).toBeGreaterThan(await indent('Then the water'))
  // the ordered list keeps its numbers, as markers outside the text
  await expect(
    body.locator('ol > li[data-section-id]').filter({ hasText: 'Count the households' }),
  ).toHaveAttribute('value', '3')
  await expect(
    body.locator('ol > li[data-section-id]').filter({ hasText: 'Visit each one twice' }),
  ).toHaveAttribute('value', '4')
  await expect(body.locator('blockquote[data-section-id]')).toHaveText(
    'We were welcomed as old friends, the headman said.',
  )
  await expect(body.locator('pre[data-section-id]')).toContainText('households = visits / 2')
  const rows = body.locator('.section-table-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toHaveClass(/section-table-header/)
  await expect(rows.nth(1).locator('.section-cell')).toHaveText(['Upper Dell', '42'])
  // the cells of consecutive rows line up
  const x = async (row: number, cell: number) =>
    (await rows.nth(row).locator('.section-cell').nth(cell).boundingBox())!.x
  expect(Math.abs((await x(0, 1)) - (await x(2, 1)))).toBeLessThan(1)
  await expect(sectionWith(page, 'Water there is').locator('sub')).toHaveText('2')
  await expect(sectionWith(page, 'Water there is').locator('sup')).toHaveText('th')

  // the stored picture comes from the notebook as a blob: URL and is drawn
  const img = body.locator('.section-picture img[alt="A red marker on the map"]')
  await expect(img).toHaveAttribute('src', /^blob:/)
  await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.naturalWidth)).toBe(24)
  const src = (await img.getAttribute('src'))!
  const loads = (url: string) =>
    page.evaluate(
      (url) =>
        new Promise<boolean>((done) => {
          const probe = new Image()
          probe.onload = () => done(true)
          probe.onerror = () => done(false)
          probe.src = url
        }),
      url,
    )
  expect(await loads(src)).toBe(true)
  // the remote one: its alt and address as text, nothing loaded
  const remote = body.locator('.section-picture').filter({ hasText: 'The valley at dawn' })
  await expect(remote).toContainText('https://example.org/photos/valley.jpg')
  await expect(remote).toContainText('Not loaded')
  await expect(remote.locator('img')).toHaveCount(0)
  expect(requests.filter((url) => !url.startsWith(gloss.origin) && !url.startsWith('blob:'))).toEqual([])

  // another article opens: the picture leaves the screen and its blob: URL is revoked
  await page.locator('.article-item').filter({ hasNotText: TITLE }).first().click()
  await expect(body).not.toHaveAttribute('aria-label', TITLE)
  await expect.poll(() => loads(src)).toBe(false)
})

test('a selection across an <em> boundary makes an excerpt of exactly those words, drawn on them', async ({
  page,
  gloss,
}) => {
  const { articleId } = await openStructured(page, gloss)
  // "walked for " is plain text, "three" is inside <em>; "wal" snaps to the whole word
  await selectWords(page, 'survey team', 'alked for', 'three')
  const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' })
  await expect(toolbar).toBeVisible()
  await toolbar.getByRole('button', { name: 'Highlight yellow' }).click()
  await expect.poll(() => highlightText(page, 'gloss-yellow')).toBe('walked for three')
  const [excerpt] = await callApi<{ quote: { exact: string } }[]>(gloss, 'listExcerpts', { articleId })
  expect(excerpt!.quote.exact).toBe('walked for three')
  // the highlight's range starts in the plain text and ends inside the <em>
  const ends = await page.evaluate(() => {
    const range = [...CSS.highlights.get('gloss-yellow')!][0] as Range
    return [range.startContainer.parentElement!.tagName, range.endContainer.parentElement!.tagName]
  })
  expect(ends).toEqual(['P', 'EM'])
})

test('a link opens outside the app; a drag on it opens nothing, and a selection ending on it makes a highlight', async ({
  page,
  gloss,
}) => {
  const { articleId } = await openStructured(page, gloss)
  await page
    .context()
    .route('https://example.org/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>elsewhere</title>' }),
    )
  const here = page.url()
  const link = sectionWith(page, 'survey team').locator('a')
  const popup = page.waitForEvent('popup')
  await link.click()
  const opened = await popup
  expect(opened.url()).toBe('https://example.org/survey')
  await opened.close()
  expect(page.url()).toBe(here)
  await expect(reader(page)).toHaveAttribute('data-article-id', articleId)

  let popups = 0
  page.on('popup', () => popups++)
  const box = await page.evaluate(() => {
    const a = document.querySelector('article.article a')!
    const before = a.previousSibling as Text // "… came into view, as the "
    const range = document.createRange()
    range.setStart(before, before.data.lastIndexOf('the '))
    range.setEnd(before, before.data.lastIndexOf('the ') + 1)
    const from = range.getBoundingClientRect()
    const to = a.getBoundingClientRect()
    return {
      x0: from.left + 1,
      y0: from.top + from.height / 2,
      x1: to.left + 3,
      x2: to.right - 2,
      y: to.top + to.height / 2,
    }
  })
  // Chromium starts no selection on a link: a drag along it clicks it, which must open nothing
  await page.mouse.move(box.x1, box.y)
  await page.mouse.down()
  await page.mouse.move(box.x2, box.y, { steps: 6 })
  await page.mouse.up()
  // a drag from the words before the link to its end: a selection ending on the link
  await page.mouse.move(box.x0, box.y0)
  await page.mouse.down()
  await page.mouse.move((box.x0 + box.x2) / 2, box.y, { steps: 6 })
  await page.mouse.move(box.x2, box.y, { steps: 6 })
  await page.mouse.up()
  const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' })
  await expect(toolbar).toBeVisible()
  await page.keyboard.press('h')
  await expect.poll(() => highlightText(page, 'gloss-yellow')).toBe('the survey report')
  const [excerpt] = await callApi<{ quote: { exact: string } }[]>(gloss, 'listExcerpts', { articleId })
  expect(excerpt!.quote.exact).toBe('the survey report')
  await page.waitForTimeout(300)
  expect(popups).toBe(0)
  expect(page.url()).toBe(here)
})

test('an excerpt jump and a search hit land on the words inside marked text', async ({ page, gloss }) => {
  const { articleId, sections } = await openStructured(page, gloss)
  const first = sections.find((s) => s.text.includes('survey team'))!
  const at = first.start + first.text.indexOf('first village')
  await callApi(gloss, 'createExcerpt', {
    articleId,
    start: at,
    end: at + 'first village'.length,
    color: 'green',
  })
  await page.reload()
  await waitForArticle(page)
  await page.locator(`[data-article-id="${articleId}"] .article-item`).click()
  await expect.poll(() => highlightText(page, 'gloss-green')).toBe('first village')
  await page
    .locator('.pane-scroll')
    .first()
    .evaluate((e) => e.scrollTo({ top: e.scrollHeight }))
  await page
    .getByRole('list', { name: 'Excerpts' })
    .locator('[data-excerpt-id]')
    .first()
    .getByTitle('Show in the article')
    .click()
  await expect.poll(() => highlightText(page, 'gloss-flash')).toBe('first village')
  await expect(sectionWith(page, 'survey team').locator('strong')).toBeInViewport()

  // a search hit in the quote opens its section, flashed over its marked words
  await page.locator('article.article h1').click()
  await page.keyboard.press('Control+Shift+F')
  const box = page.getByRole('combobox', { name: 'Search articles, excerpts and notes' })
  await box.fill('headman')
  await expect(page.getByRole('option').filter({ hasText: 'headman' }).first()).toBeVisible()
  await box.press('Enter')
  await expect
    .poll(() => highlightText(page, 'gloss-flash'))
    .toBe('We were welcomed as old friends, the headman said.')
  await expect(reader(page).locator('blockquote[data-section-id]')).toBeInViewport()
})

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).include('article.article').analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, `axe on ${screen}`).toEqual([])
}

for (const theme of ['light', 'dark'] as const) {
  test(`the structured article in the ${theme} theme at 1400 and 1024 px`, async ({ page, gloss }) => {
    const { articleId, sections } = await openStructured(page, gloss)
    const first = sections.find((s) => s.text.includes('survey team'))!
    const at = first.start + first.text.indexOf('walked for three')
    await callApi(gloss, 'createExcerpt', { articleId, start: at, end: at + 16, color: 'yellow' })
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1400, 1024]) {
      await page.setViewportSize({ width, height: 900 })
      await page.reload()
      await waitForArticle(page)
      await page.locator(`[data-article-id="${articleId}"] .article-item`).click()
      await expect(page.locator('.section-picture img')).toHaveAttribute('src', /^blob:/)
      await expect.poll(() => highlightText(page, 'gloss-yellow')).toBe('walked for three')
      await page.screenshot({ path: `/tmp/reader-structure-${theme}-${width}.png` })
      await reader(page).locator('.section-table-row').first().scrollIntoViewIfNeeded()
      await page.screenshot({ path: `/tmp/reader-structure-${theme}-${width}-lower.png` })
      await expectNoSeriousViolations(page, `structure ${theme} ${width}`)
    }
  })
}
