import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, type GlossServer } from './fixtures/gloss'
import { callApi, waitForArticle } from './helpers'

interface Summary {
  id: string
  title: string
  excerptCount: number
}

const WHALES = `# Whales of the northern seas

Blue whales sing across whole ocean basins, and their songs have been getting lower for decades.

Humpbacks in the North Atlantic share one song that changes every year.
`
const ZEBRA = `# Zebra crossings in small towns

A zebra crossing gives way to people on foot, and the rules differ from one country to the next.

Some towns paint them in bright colours to slow the traffic down.
`

/** Two more articles beside the sample, with bylines and dates; one excerpt tagged marine. */
async function seedLibrary(gloss: GlossServer) {
  const [sample] = await callApi<Summary[]>(gloss, 'listArticles')
  const whales = await callApi<{ article: Summary }>(gloss, 'importContent', {
    content: WHALES,
    fileName: 'whales.md',
  })
  const zebra = await callApi<{ article: Summary }>(gloss, 'importContent', {
    content: ZEBRA,
    fileName: 'zebra.md',
  })
  await callApi(gloss, 'updateArticle', {
    id: whales.article.id,
    title: 'Whales of the northern seas',
    byline: 'Jane Doe',
    publishedAt: '2020-03-01',
  })
  await callApi(gloss, 'updateArticle', {
    id: zebra.article.id,
    title: 'Zebra crossings in small towns',
    byline: 'Sam Roe',
    publishedAt: '2023-06-15',
  })
  await callApi(gloss, 'createExcerpt', {
    articleId: whales.article.id,
    quote: 'Blue whales sing across whole ocean basins',
    tags: ['marine'],
  })
  return { sample: sample!, whales: whales.article, zebra: zebra.article }
}

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([])
}

const articleList = (page: Page) => page.getByRole('list', { name: 'Articles' })
const titles = (page: Page) => articleList(page).locator('.article-item-title')

async function openMenu(page: Page, title: string) {
  await articleList(page)
    .locator('.article-row')
    .filter({ hasText: title })
    .getByRole('button', { name: 'Article actions' })
    .click()
  return page.getByRole('menu', { name: `Actions for ${title}` })
}

test('delete an article to the trash, then Undo in the toast restores it', async ({ page, gloss }) => {
  const { sample, whales } = await seedLibrary(gloss)
  await page.reload()
  await waitForArticle(page)
  await expect(titles(page)).toHaveCount(3)
  await articleList(page)
    .getByRole('button', { name: /^Whales of the northern seas/ })
    .click()
  await expect(page.locator('article.article h1')).toHaveText('Whales of the northern seas')

  const menu = await openMenu(page, 'Whales of the northern seas')
  await expect(menu.getByRole('menuitem')).toHaveText(['Edit details…', 'Import new version…', 'Delete'])
  await menu.getByRole('menuitem', { name: 'Delete' }).click()

  await expect(titles(page)).toHaveCount(2)
  await expect(articleList(page)).not.toContainText('Whales')
  // the reader moved on to another article
  await expect(page.locator('article.article h1')).not.toHaveText('Whales of the northern seas')
  const trash = await callApi<Summary[]>(gloss, 'listArticles', { inTrash: true })
  expect(trash.map((a) => a.id)).toEqual([whales.id])

  const toast = page
    .getByTestId('toast')
    .filter({ hasText: 'Moved “Whales of the northern seas” to the trash' })
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Undo' }).click()

  await expect(titles(page)).toHaveCount(3)
  // back in its place (imported order: newest first), open, with its excerpt
  await expect(titles(page)).toHaveText([
    'Zebra crossings in small towns',
    'Whales of the northern seas',
    sample.title,
  ])
  await expect(page.locator('article.article h1')).toHaveText('Whales of the northern seas')
  await expect(articleList(page).locator('[data-article-id]').nth(1)).toContainText('1 excerpt')
  await expect(page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')).toHaveCount(1)
  expect(await callApi<Summary[]>(gloss, 'listArticles', { inTrash: true })).toEqual([])
})

test('edit details: a bad address is refused beside its field; the saved source is a link', async ({
  page,
  gloss,
}) => {
  const [sample] = await callApi<Summary[]>(gloss, 'listArticles')
  await waitForArticle(page)
  const menu = await openMenu(page, sample!.title)
  await menu.getByRole('menuitem', { name: 'Edit details…' }).click()

  const dialog = page.getByRole('dialog', { name: 'Edit details' })
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Trump and Kim, again')
  await dialog.getByRole('textbox', { name: 'Byline' }).fill('A. Reporter')
  await dialog.getByRole('textbox', { name: 'Published' }).fill('2024-11-20')
  const url = dialog.getByRole('textbox', { name: 'Source address' })
  await url.fill('ftp://example.org/story')
  await page.screenshot({ path: test.info().outputPath('edit-details-1400.png') })
  await dialog.getByRole('button', { name: 'Save' }).click()

  await expect(url).toHaveAttribute('aria-invalid', 'true')
  await expect(url).toBeFocused()
  const error = dialog.locator(`#${await url.getAttribute('aria-describedby')}`)
  await expect(error).toContainText(/http/i)
  await page.screenshot({ path: test.info().outputPath('edit-details-error-1400.png') })
  await expectNoSeriousViolations(page, 'edit details')
  // nothing was saved
  const [unchanged] = await callApi<(Summary & { byline: string | null })[]>(gloss, 'listArticles')
  expect(unchanged!.title).toBe(sample!.title)
  expect(unchanged!.byline).toBeNull()

  await url.fill('https://example.org/story')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)

  await expect(articleList(page)).toContainText('Trump and Kim, again')
  await expect(articleList(page)).toContainText('A. Reporter')
  const header = page.locator('article.article header')
  await expect(header.locator('h1')).toHaveText('Trump and Kim, again')
  await expect(header).toContainText('A. Reporter')
  const link = header.getByRole('link', { name: 'https://example.org/story' })
  await expect(link).toHaveAttribute('href', 'https://example.org/story')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', /noopener/)

  const [saved] = await callApi<(Summary & { publishedAt: string; sourceUrl: string })[]>(
    gloss,
    'listArticles',
  )
  expect(saved!.publishedAt.slice(0, 10)).toBe('2024-11-20')
  expect(saved!.sourceUrl).toBe('https://example.org/story')

  // undo puts the old title back
  await page.locator('body').press('Control+z')
  await expect(header.locator('h1')).toHaveText(sample!.title)
})

test('search, sort and filter the library over several articles', async ({ page, gloss }) => {
  const { sample } = await seedLibrary(gloss)
  await page.reload()
  await waitForArticle(page)
  await expect(titles(page)).toHaveText([
    'Zebra crossings in small towns',
    'Whales of the northern seas',
    sample.title,
  ])
  const filters = page.getByRole('search', { name: 'Library' })

  // search: title or byline words
  const box = filters.getByRole('searchbox', { name: 'Search titles and bylines' })
  await box.fill('jane')
  await expect(titles(page)).toHaveText(['Whales of the northern seas'])
  await expect(filters.getByRole('status')).toContainText('1 of 3 articles')
  await box.fill('zebra')
  await expect(titles(page)).toHaveText(['Zebra crossings in small towns'])
  await box.fill('nothing like this')
  await expect(page.getByText('No article matches.')).toBeVisible()
  await filters.getByRole('button', { name: 'Clear filters' }).click()
  await expect(box).toHaveValue('')
  await expect(titles(page)).toHaveCount(3)

  // sort
  const sort = filters.getByRole('combobox', { name: 'Sort' })
  await sort.selectOption({ label: 'Title' })
  const byTitle = [sample.title, 'Whales of the northern seas', 'Zebra crossings in small towns'].sort(
    (a, b) => a.localeCompare(b),
  )
  await expect(titles(page)).toHaveText(byTitle)
  await sort.selectOption({ label: 'Newest published' })
  await expect(titles(page).first()).toHaveText('Zebra crossings in small towns')
  await expect(titles(page).nth(1)).toHaveText('Whales of the northern seas')

  // filter by tag: only the article with a marine excerpt; its count agrees with the reader
  await filters.getByRole('combobox', { name: 'Tag' }).selectOption('marine')
  await expect(titles(page)).toHaveText(['Whales of the northern seas'])
  await expect(articleList(page)).toContainText('1 excerpt')
  await articleList(page)
    .getByRole('button', { name: /^Whales of the northern seas/ })
    .click()
  await expect(page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')).toHaveCount(1)
  await filters.getByRole('combobox', { name: 'Tag' }).selectOption('')

  // filter by notes: none has one yet
  const notes = filters.getByRole('combobox', { name: 'Notes' })
  await notes.selectOption({ label: 'With notes' })
  await expect(page.getByText('No article matches.')).toBeVisible()
  await notes.selectOption({ label: 'Without notes' })
  await expect(titles(page)).toHaveCount(3)

  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 800 })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await box.fill('')
      await openMenu(page, 'Whales of the northern seas')
      await page.screenshot({ path: test.info().outputPath(`library-${width}-${scheme}.png`) })
      await expectNoSeriousViolations(page, `library menu ${width} ${scheme}`)
      await page.keyboard.press('Escape')
    }
  }
})

test('Import new version… picks a file and the article becomes version 2, its excerpt to review', async ({
  page,
  gloss,
}) => {
  const { whales } = await seedLibrary(gloss)
  await page.reload()
  await waitForArticle(page)
  await articleList(page)
    .getByRole('button', { name: /^Whales of the northern seas/ })
    .click()
  const menu = await openMenu(page, 'Whales of the northern seas')
  const chooser = page.waitForEvent('filechooser')
  await menu.getByRole('menuitem', { name: 'Import new version…' }).click()
  await (
    await chooser
  ).setFiles({
    name: 'whales.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(WHALES.replace('whole ocean basins', 'entire ocean basins')),
  })
  await expect(page.getByRole('button', { name: 'Version 2 · Versions…' })).toBeVisible()
  await expect(page.locator('article.article')).toContainText('entire ocean basins')
  const row = articleList(page).locator(`[data-article-id="${whales.id}"]`)
  await expect(row).toContainText('v2')
  await expect(row).toContainText('1 to review')
  await expect(page.getByRole('tab', { name: 'Review (1)' })).toBeVisible()
})
