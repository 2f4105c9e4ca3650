import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures/gloss'
import { callApi, seedExcerpts, waitForArticle } from './helpers'

/** The reader's screens (reading bar, outline, settings, a cited card) at two widths in both themes, through axe. */

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, `axe on ${screen}`).toEqual([])
}

const markdown = [
  '# Field notes',
  '## Arrival',
  'We reached the valley after two days on foot, and the first thing we noticed was the silence.',
  'The villagers had heard we were coming; a long table was set outside the school.',
  '## The survey',
  'Each household was visited twice, once in the morning and once after the harvest work was done.',
].join('\n\n')

for (const theme of ['light', 'dark'] as const) {
  test(`reader screens in the ${theme} theme at 1400 and 1024 px`, async ({ page, gloss }) => {
    await seedExcerpts(gloss)
    const { article } = await callApi<{ article: { id: string } }>(gloss, 'importContent', {
      content: markdown,
      fileName: 'field-notes.md',
      format: 'markdown',
    })
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1400, 1024]) {
      await page.setViewportSize({ width, height: 860 })
      await page.reload()
      await waitForArticle(page)
      await page.locator(`[data-article-id="${article.id}"] .article-item`).click()
      await expect(page.locator('article.article')).toHaveAttribute('data-article-id', article.id)
      await page.getByRole('button', { name: 'Outline' }).click()
      await expect(page.getByRole('navigation', { name: 'Outline' })).toBeVisible()
      await page.screenshot({ path: `/tmp/reader-outline-${theme}-${width}.png` })
      await expectNoSeriousViolations(page, `outline ${theme} ${width}`)
      await page.getByRole('button', { name: 'Aa Reading settings' }).click()
      await expect(page.getByRole('group', { name: 'Reading settings' })).toBeVisible()
      await page.screenshot({ path: `/tmp/reader-settings-${theme}-${width}.png` })
      await expectNoSeriousViolations(page, `settings ${theme} ${width}`)
      await page.keyboard.press('Escape')
      await page.locator('body').press('j')
      await page.keyboard.press('j')
      await expect(page.locator('.section-current')).toHaveCount(1)
      await page.screenshot({ path: `/tmp/reader-current-${theme}-${width}.png` })
    }
  })
}
