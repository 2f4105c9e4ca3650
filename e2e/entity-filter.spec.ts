/**
 * The entity index as a filter (issue 14): the library and the excerpts panel by a person,
 * organisation or place, picked from a searchable list or from the entity index; and excerpt
 * cards that follow a speaker correction made in the Quotes view, with no list fetched again.
 */
import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, waitForArticle } from './helpers'

const SHOTS = '/tmp/pw-entity-filter-shots'
mkdirSync(SHOTS, { recursive: true })

const HARBOUR = [
  '# Harbour workers walk out',
  '',
  'Maria Okafor runs the harbour office in Lagos. “The cranes have been idle for a week,” Okafor said.',
  '',
  'The strike began on Monday. “Nobody here remembers a longer one,” she said.',
].join('\n')

interface Quote {
  start: number
  end: number
  text: string
  speaker: { name: string | null }
}

async function expectNoSeriousViolations(page: Page, where: string, screen: string) {
  const results = await new AxeBuilder({ page }).include(where).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([])
}

/** Screenshots at 1024 and 1400 px, light and dark, each checked with axe; back to light at 1400. */
async function shots(page: Page, name: string, where: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1024, 1400]) {
      await page.setViewportSize({ width, height: 860 })
      await page.waitForTimeout(200)
      await page.screenshot({ path: `${SHOTS}/${name}-${width}-${theme}.png` })
      await expectNoSeriousViolations(page, where, `${name} at ${width} (${theme})`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Every /api/<operation> the page sends while `step` runs and settles, sorted. */
async function callsDuring(page: Page, step: () => Promise<void>): Promise<string[]> {
  const names: string[] = []
  const record = (request: { url(): string }) => {
    const match = /\/api\/([A-Za-z]+)$/.exec(request.url())
    if (match) names.push(match[1]!)
  }
  page.on('request', record)
  try {
    await step()
    await page.waitForTimeout(1500)
  } finally {
    page.off('request', record)
  }
  return names.sort()
}

const articles = (page: Page) => page.getByRole('list', { name: 'Articles' }).locator('.article-row')
const cards = (page: Page) => page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')

/** The sample, opened, with a second article beside it in the library. */
async function twoArticles(page: Page, gloss: { origin: string; token: string }) {
  const [sample] = await callApi<{ id: string; title: string }[]>(gloss, 'listArticles')
  await callApi(gloss, 'importContent', { content: HARBOUR, fileName: 'harbour.md' })
  await page.reload()
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: sample!.title }).click()
  await waitForArticle(page)
  await expect(articles(page)).toHaveCount(2)
  return sample!
}

test('the library by a name picked from a searchable list, or from the entity index', async ({
  page,
  gloss,
}) => {
  test.setTimeout(120_000)
  const sample = await twoArticles(page, gloss)
  const picker = page.getByRole('button', { name: 'Filter by a person, organisation or place' })
  await picker.click()
  const find = page.getByRole('combobox', { name: 'Filter by a person, organisation or place' })
  await find.fill('klingner')
  const options = page
    .getByRole('listbox', { name: 'Filter by a person, organisation or place' })
    .getByRole('option')
  await expect(options).toHaveCount(1)
  await expect(options).toContainText(['Bruce Klingner'])
  await expect(options).toContainText(['Person'])
  await shots(page, 'library-picker', '.pane-left')
  await find.press('Enter')
  await expect(articles(page)).toHaveCount(1)
  await expect(articles(page)).toContainText(sample.title)
  await expect(page.getByRole('status').filter({ hasText: '1 of 2 articles' })).toBeVisible()

  // a name only the other article has
  await page.getByRole('button', { name: 'Stop filtering by Bruce Klingner' }).click()
  await expect(articles(page)).toHaveCount(2)
  await picker.click()
  await find.fill('lagos')
  await options.filter({ hasText: 'Lagos' }).click()
  await expect(articles(page)).toHaveCount(1)
  await expect(articles(page)).toContainText('Harbour workers walk out')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(articles(page)).toHaveCount(2)

  // from the entity index, across the notebook, with the library hidden: it comes back to show them
  await page.getByRole('button', { name: 'Hide library' }).click()
  await expect(page.getByRole('list', { name: 'Articles' })).toHaveCount(0)
  await page.getByRole('tab', { name: 'Research' }).click()
  await page.getByRole('combobox', { name: 'Show' }).selectOption('notebook')
  await page.getByRole('tab', { name: 'Names' }).click()
  await page.getByRole('searchbox', { name: 'Find' }).fill('Okafor')
  await page.getByRole('button', { name: 'Show articles naming Maria Okafor' }).click()
  await expect(articles(page)).toHaveCount(1)
  await expect(articles(page)).toContainText('Harbour workers walk out')
  await expect(page.getByRole('button', { name: 'Stop filtering by Maria Okafor' })).toBeVisible()

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1024, 1400]) {
      await page.setViewportSize({ width, height: 860 })
      await page.waitForTimeout(200)
      await page.screenshot({ path: `${SHOTS}/library-names-${width}-${theme}.png` })
      await expectNoSeriousViolations(page, '.pane-left', `the library by name at ${width} (${theme})`)
      await expectNoSeriousViolations(page, '.pane-right', `the entity index at ${width} (${theme})`)
    }
  }
})

test('the excerpts panel by a name the excerpts mention or that speaks in them', async ({ page, gloss }) => {
  test.setTimeout(120_000)
  const [sample] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  const quotes = await callApi<Quote[]>(gloss, 'listQuotes', { articleId: sample!.id })
  const klingner = quotes.find((q) => q.speaker.name === 'Bruce Klingner')!
  await callApi(gloss, 'createExcerpt', { articleId: sample!.id, start: klingner.start, end: klingner.end })
  await callApi(gloss, 'createExcerpt', {
    articleId: sample!.id,
    quote: 'Having good relations with Washington',
  })
  await page.reload()
  await waitForArticle(page)
  await expect(cards(page)).toHaveCount(2)

  await page.getByRole('button', { name: 'Show excerpts naming a person, organisation or place' }).click()
  const find = page.getByRole('combobox', { name: 'Show excerpts naming a person, organisation or place' })
  await find.fill('Klingner')
  await shots(page, 'excerpts-picker', '.excerpts-panel')
  await find.press('Enter')
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page)).toContainText('Kim could pitch')
  await expect(page.locator('.excerpt-count')).toHaveText('1 of 2 excerpts')
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1024, 1400]) {
      await page.setViewportSize({ width, height: 860 })
      await page.waitForTimeout(200)
      await page.screenshot({ path: `${SHOTS}/excerpts-name-${width}-${theme}.png` })
      await expectNoSeriousViolations(page, '.excerpts-panel', `the excerpts by name at ${width} (${theme})`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('button', { name: 'Clear', exact: true }).click()
  await expect(cards(page)).toHaveCount(2)

  // from the entity index of the open article
  await page.getByRole('tab', { name: 'Research' }).click()
  await page.getByRole('tab', { name: 'Names' }).click()
  await page.getByRole('searchbox', { name: 'Find' }).fill('Klingner')
  await shots(page, 'names-actions', '.pane-right')
  await page.getByRole('button', { name: 'Show excerpts naming Bruce Klingner' }).click()
  await expect(page.getByRole('tab', { name: 'Excerpts', selected: true })).toBeVisible()
  await expect(cards(page)).toHaveCount(1)
  await page.getByRole('button', { name: 'Stop filtering by Bruce Klingner' }).click()
  await expect(cards(page)).toHaveCount(2)
})

test('a speaker corrected in the Quotes view shows on its excerpt card, with no list fetched again', async ({
  page,
  gloss,
}) => {
  test.setTimeout(120_000)
  const [sample] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  const quotes = await callApi<Quote[]>(gloss, 'listQuotes', { articleId: sample!.id })
  const klingner = quotes.find((q) => q.speaker.name === 'Bruce Klingner')!
  await callApi(gloss, 'createExcerpt', { articleId: sample!.id, start: klingner.start, end: klingner.end })
  await page.reload()
  await waitForArticle(page)
  const card = cards(page).filter({ hasText: 'Kim could pitch' })
  await expect(card.locator('.quote-ordinal')).toHaveText('— Bruce Klingner · ¶10')

  const group = page.getByRole('region', { name: 'Quotations of Bruce Klingner' })
  await page.getByRole('tab', { name: 'Research' }).click()
  await expect(group).toBeVisible({ timeout: 30_000 })
  const correcting = await callsDuring(page, async () => {
    await group.getByRole('button', { name: /Change speaker of/ }).click()
    await page.getByRole('textbox', { name: 'Speaker' }).fill('Victor Cha')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('region', { name: 'Quotations of Victor Cha' })).toBeVisible()
    await page.getByRole('tab', { name: 'Excerpts' }).click()
    await expect(card.locator('.quote-ordinal')).toHaveText('— Victor Cha · ¶10')
  })
  // the correction's own answer updates the cards: no quotations listed again
  expect(correcting).toEqual(['setQuoteSpeaker'])

  // and back to what the analysis finds
  await page.getByRole('tab', { name: 'Research' }).click()
  await page
    .getByRole('region', { name: 'Quotations of Victor Cha' })
    .getByRole('button', { name: 'Reset' })
    .click()
  await expect(group).toBeVisible()
  await page.getByRole('tab', { name: 'Excerpts' }).click()
  await expect(card.locator('.quote-ordinal')).toHaveText('— Bruce Klingner · ¶10')
})
