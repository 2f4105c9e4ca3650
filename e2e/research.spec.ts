import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, waitForArticle } from './helpers'

const SHOTS = '/tmp/pw-research-shots'
mkdirSync(SHOTS, { recursive: true })

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).include('.pane-right').analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([])
}

async function openResearch(page: Page) {
  await waitForArticle(page)
  await page.getByRole('tab', { name: 'Research' }).click()
  await expect(page.getByRole('tab', { name: 'Quotes (7)' })).toBeVisible({ timeout: 30_000 })
}

const group = (page: Page, speaker: string) => page.getByRole('region', { name: `Quotations of ${speaker}` })

test('the Quotes view groups the sample’s seven quotations by speaker, traps included', async ({ page }) => {
  await openResearch(page)
  await expect(group(page, 'Trump').getByRole('listitem')).toHaveCount(2)
  // "He continued" is Trump
  await expect(group(page, 'Trump')).toContainText('And when I was in there')
  await expect(group(page, 'Ramon Pacheco Pardo').getByRole('listitem')).toHaveCount(2)
  // "Kim said" is Duyeon Kim, not Kim Jong Un
  await expect(group(page, 'Duyeon Kim')).toContainText('Kim has made it clear')
  await expect(page.getByRole('region', { name: /Quotations of Kim Jong Un/ })).toHaveCount(0)
  // a source, not a name
  const unnamed = group(page, 'a former Trump administration official, who requested anonymity')
  await expect(unnamed).toContainText('unnamed source')
  await expect(unnamed).toContainText('President Trump faces a different geopolitical landscape')
  await expect(group(page, 'Bruce Klingner')).toContainText('Klingner said')
})

test('a quotation jumps to its place, and one click makes it an excerpt tagged with its speaker', async ({
  page,
  gloss,
}) => {
  await openResearch(page)
  const klingner = group(page, 'Bruce Klingner')
  await klingner.getByRole('button', { name: /^“Kim could pitch a peace declaration/ }).click()
  await expect(page.locator('article.article [data-ordinal="10"]')).toBeInViewport()

  await klingner.getByRole('button', { name: 'Excerpt', exact: true }).click()
  await expect(klingner.getByRole('button', { name: 'Excerpted' })).toBeDisabled()
  const excerpts = await callApi<Array<{ quote: { exact: string }; tags: Array<{ name: string }> }>>(
    gloss,
    'listExcerpts',
    {},
  )
  const made = excerpts.find((e) => e.quote.exact.startsWith('Kim could pitch'))
  expect(made?.tags.map((t) => t.name)).toEqual(['people/Bruce Klingner'])
})

test('a corrected speaker is kept', async ({ page }) => {
  await openResearch(page)
  const item = group(page, 'Trump').getByRole('listitem').filter({ hasText: 'And when I was' })
  await item.getByRole('button', { name: /Change speaker of/ }).click()
  await page.getByRole('textbox', { name: 'Speaker' }).fill('Donald Trump')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(group(page, 'Donald Trump')).toContainText('speaker set by you')
  await page.reload()
  await openResearch(page)
  await expect(group(page, 'Donald Trump')).toContainText('And when I was in there')
})

test('the entity index and the timeline of the sample', async ({ page }) => {
  await openResearch(page)
  await page.getByRole('tab', { name: 'Names' }).click()
  await page.getByRole('searchbox', { name: 'Find' }).fill('Kim')
  const names = page.locator('.entity-name')
  await expect(names.filter({ hasText: 'Kim Jong Un' })).toBeVisible()
  await expect(names.filter({ hasText: 'Duyeon Kim' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Find' }).fill('')
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('organization')
  await expect(names.filter({ hasText: 'Center for a New American Security' })).toBeVisible()
  await expect(names.filter({ hasText: 'CIA' })).toBeVisible()
  await names.filter({ hasText: 'CIA' }).click()
  await page.getByRole('list', { name: 'Mentions of CIA' }).getByRole('button').first().click()
  await expect(page.locator('article.article [data-ordinal="10"]')).toBeInViewport()

  await page.getByRole('tab', { name: 'Timeline' }).click()
  const timeline = page.locator('.timeline-item')
  await expect(timeline.filter({ hasText: '“December”' })).toContainText('In December, Trump denied reports')
  await expect(timeline.filter({ hasText: '“2018”' })).toContainText('between 2018 and 2019')
  await expect(page.locator('.timeline-item').filter({ hasText: '“today”' })).toHaveCount(0)
})

for (const theme of ['light', 'dark'] as const) {
  test(`the research views at 1024 and 1400 px in the ${theme} theme pass axe`, async ({ page }) => {
    test.setTimeout(180_000)
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1024, 1400]) {
      await page.setViewportSize({ width, height: 860 })
      await page.reload()
      await openResearch(page)
      for (const view of ['Quotes (7)', 'Names', 'Timeline']) {
        await page.getByRole('tab', { name: view }).click()
        await page.waitForTimeout(300)
        const name = view.split(' ')[0]!.toLowerCase()
        await page.screenshot({ path: `${SHOTS}/research-${name}-${width}-${theme}.png` })
        await expectNoSeriousViolations(page, `${view} at ${width} (${theme})`)
      }
    }
  })
}
