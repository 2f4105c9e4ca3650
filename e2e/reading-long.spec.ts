import { test, expect } from './fixtures/gloss'
import { callApi, highlightSize, highlightText, waitForArticle } from './helpers'
import type { Page } from '@playwright/test'

/** ¶N's text: a numbered paragraph with a word of its own (search finds exactly it). */
const paragraph = (n: number) =>
  `Paragraph ${n} of the long report: the delegates met again and word${n}x was noted by everyone present at the table.`
const SECTIONS = 3000

interface Article {
  id: string
  title: string
  sections: { id: string; ordinal: number; start: number; end: number; text: string }[]
}

async function importLong(gloss: { origin: string; token: string }): Promise<Article> {
  const content = Array.from({ length: SECTIONS }, (_, i) => paragraph(i + 1)).join('\n\n')
  const { article } = await callApi<{ article: { id: string } }>(gloss, 'importContent', {
    content,
    fileName: 'long-report.txt',
    format: 'text',
  })
  return callApi<Article>(gloss, 'getArticle', { id: article.id })
}

/** Reload (the library lists what the API imported) and open the article from it. */
async function openInLibrary(page: Page, article: Article) {
  await page.reload()
  await page.locator(`[data-article-id="${article.id}"] .article-item`).click()
  await expect(page.locator('article.article')).toHaveAttribute('aria-label', article.title)
  await waitForArticle(page)
}

/** The flash's range lies inside the reader's viewport. */
function flashInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const range = [...(CSS.highlights.get('gloss-flash') ?? [])][0] as Range | undefined
    if (!range) return false
    const rect = range.getBoundingClientRect()
    const box = document.querySelector('.pane-scroll')!.getBoundingClientRect()
    return rect.height > 0 && rect.top >= box.top && rect.bottom <= box.bottom
  })
}

test('a 3,000-section article renders only the sections near the viewport; search and excerpts land on the exact words', async ({
  page,
  gloss,
}) => {
  const article = await importLong(gloss)
  const target = article.sections.find((s) => s.ordinal === 2500)!
  const quote = `word2500x was noted by everyone`
  await callApi(gloss, 'createExcerpt', { articleId: article.id, quote, comment: 'deep in the report' })
  await openInLibrary(page, article)

  const rendered = page.locator('article.article .article-body [data-ordinal]')
  await expect(rendered.first()).toHaveAttribute('data-ordinal', '1')
  expect(await rendered.count()).toBeLessThan(100)
  // the body is as tall as the whole article, so the scrollbar means the real length
  const height = await page.locator('.article-body').evaluate((e) => e.getBoundingClientRect().height)
  expect(height).toBeGreaterThan(SECTIONS * 40)

  // a section hit from search: ¶2800 comes into view and flashes whole
  await page.keyboard.press('Control+Shift+F')
  await page.getByRole('combobox', { name: 'Search articles, excerpts and notes' }).fill('word2800x')
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
  ).toBeVisible()
  await page.keyboard.press('Enter')
  await expect.poll(() => highlightText(page, 'gloss-flash')).toBe(paragraph(2800))
  expect(await flashInView(page)).toBe(true)
  expect(await rendered.count()).toBeLessThan(100)

  // the excerpt card jumps back to ¶2500's exact words, drawn where it is
  await page
    .getByRole('list', { name: 'Excerpts' })
    .getByRole('button', { name: /word2500x/ })
    .click()
  await expect.poll(() => highlightText(page, 'gloss-flash')).toBe(quote)
  expect(await flashInView(page)).toBe(true)
  expect(await highlightText(page, 'gloss-yellow')).toBe(quote)
  await expect(page.locator(`[data-section-id="${target.id}"]`)).toBeVisible()
})

test('highlights are drawn for the sections on screen, and a recoloured excerpt redraws only itself', async ({
  page,
  gloss,
}) => {
  const article = await importLong(gloss)
  // one excerpt on each of the first 400 paragraphs
  for (const s of article.sections.slice(0, 400))
    await callApi(gloss, 'createExcerpt', { articleId: article.id, start: s.start, end: s.start + 9 })
  await openInLibrary(page, article)
  await expect.poll(() => highlightSize(page, 'gloss-yellow')).toBeGreaterThan(3)
  const drawn = await highlightSize(page, 'gloss-yellow')
  expect(drawn).toBeLessThan(100)

  // scrolled on, the sections that left are no longer drawn and the ones that came are
  await page
    .locator('.pane-scroll')
    .first()
    .evaluate((e) => e.scrollTo({ top: e.scrollHeight / 20 }))
  await expect
    .poll(() =>
      page.evaluate(() => {
        const ordinals = [...(CSS.highlights.get('gloss-yellow') ?? [])].map((r) =>
          Number((r as Range).startContainer.parentElement?.dataset.ordinal),
        )
        return Math.min(...ordinals)
      }),
    )
    .toBeGreaterThan(20)
  await page
    .locator('.pane-scroll')
    .first()
    .evaluate((e) => e.scrollTo({ top: 0 }))
  await expect(page.locator('[data-ordinal="1"]')).toBeVisible()

  // mark every drawn range, recolour the first excerpt: the others are the same ranges
  await expect.poll(() => highlightSize(page, 'gloss-yellow')).toBe(drawn)
  await page.evaluate(() => {
    for (const range of CSS.highlights.get('gloss-yellow') ?? [])
      (range as { marked?: boolean }).marked = true
  })
  const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]').first()
  await card.getByRole('group', { name: 'Color' }).getByRole('button', { name: 'Green' }).click()
  await expect.poll(() => highlightSize(page, 'gloss-green')).toBe(1)
  expect(await highlightText(page, 'gloss-green')).toBe('Paragraph')
  const kept = await page.evaluate(() =>
    [...(CSS.highlights.get('gloss-yellow') ?? [])].map((r) => (r as { marked?: boolean }).marked === true),
  )
  expect(kept).toHaveLength(drawn - 1)
  expect(kept.every(Boolean)).toBe(true)
})

test('a selection keeps its ends while they scroll out of the rendered window', async ({ page, gloss }) => {
  const article = await importLong(gloss)
  await openInLibrary(page, article)
  // select from ¶3 into ¶4, as a drag would
  await page.evaluate(() => {
    const a = document.querySelector('[data-ordinal="3"]')!.firstChild as Text
    const b = document.querySelector('[data-ordinal="4"]')!.firstChild as Text
    const range = document.createRange()
    range.setStart(a, a.data.indexOf('the delegates'))
    range.setEnd(b, b.data.indexOf(' of the long'))
    document.getSelection()!.removeAllRanges()
    document.getSelection()!.addRange(range)
  })
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  const scroller = page.locator('.pane-scroll').first()
  await scroller.evaluate((e) => e.scrollTo({ top: e.scrollHeight / 2 }))
  // far away, the rows between are gone but the selection's own stay, and so does the selection
  await expect(page.locator('[data-ordinal="10"]')).toHaveCount(0)
  await expect(page.locator('[data-ordinal="3"]')).toHaveCount(1)
  expect(await page.evaluate(() => document.getSelection()!.toString())).toContain('the delegates met again')
  await scroller.evaluate((e) => e.scrollTo({ top: 0 }))
  await page.keyboard.press('h')
  const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('the delegates met again')
  await expect(card).toContainText('Paragraph 4')
})
