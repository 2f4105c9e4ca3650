import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures/gloss'
import { callApi, waitForArticle } from './helpers'

interface Section {
  ordinal: number
  kind: string
  quarantineReason: string | null
}

const visible = (page: import('@playwright/test').Page) =>
  page.locator('article.article .article-body .section-block > [data-ordinal]')

test('hide a section from its ¶ margin, undo it, hide again and restore it as "hidden by you"', async ({
  page,
  gloss,
}) => {
  await waitForArticle(page)
  const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  await expect(visible(page)).toHaveCount(11)
  const third = page.locator('.section-block').filter({ has: page.locator('[data-ordinal="3"]') })
  await third.hover()
  const hide = third.getByRole('button', { name: 'Hide ¶3' })
  await expect(hide).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('hide-hover-1400.png') })
  await hide.click()

  await expect(visible(page)).toHaveCount(10)
  await expect(page.locator('article.article [data-ordinal="3"]')).toHaveCount(0)
  await expect(page.getByRole('button', { name: '2 hidden sections' })).toBeVisible()
  const toast = page.getByTestId('toast').filter({ hasText: 'Hid ¶3' })
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(visible(page)).toHaveCount(11)
  await expect(page.getByRole('button', { name: '1 hidden section' })).toBeVisible()

  // hide it again, then see it among the hidden with its reason, and restore it there
  await third.hover()
  await third.getByRole('button', { name: 'Hide ¶3' }).click()
  await expect(visible(page)).toHaveCount(10)
  const sections = await callApi<Section[]>(gloss, 'listSections', {
    articleId: article!.id,
    includeQuarantined: true,
  })
  expect(sections.find((s) => s.ordinal === 3)).toMatchObject({
    kind: 'quarantined',
    quarantineReason: 'hidden by you',
  })

  await page.getByRole('button', { name: '2 hidden sections' }).click()
  const shown = page.locator('.quarantined').filter({ has: page.locator('[data-ordinal="3"]') })
  await expect(shown).toContainText('Hidden by you')
  // the importer's own (the trailing Login) keeps its reason
  await expect(page.locator('.quarantined')).toHaveCount(2)
  await shown.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('hidden-shown-1400.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.setViewportSize({ width: 1024, height: 800 })
  await page.screenshot({ path: test.info().outputPath('hidden-shown-1024-dark.png') })
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([])
  await shown.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(page.locator('.quarantined')).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Hide 1 hidden section' })).toBeVisible()
  await page.getByRole('button', { name: 'Hide 1 hidden section' }).click()
  await expect(visible(page)).toHaveCount(11)
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('0 excerpts')
})

test('the palette hides ¶N and shows hidden sections', async ({ page, gloss }) => {
  await waitForArticle(page)
  const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  await page.locator('article.article h1').click()
  await page.keyboard.press('Control+K')
  const box = page.getByRole('combobox', { name: 'Type a command' })
  await box.fill('Hide ¶4')
  await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option').first()).toContainText(
    'Hide ¶4: ',
  )
  await page.screenshot({ path: test.info().outputPath('palette-hide-1400.png') })
  await box.press('Enter')
  await expect(page.locator('article.article [data-ordinal="4"]')).toHaveCount(0)
  await expect(visible(page)).toHaveCount(10)

  await page.keyboard.press('Control+K')
  await box.fill('Show hidden sections')
  await box.press('Enter')
  await expect(
    page.locator('.quarantined').filter({ has: page.locator('[data-ordinal="4"]') }),
  ).toContainText('Hidden by you')
  const sections = await callApi<Section[]>(gloss, 'listSections', { articleId: article!.id })
  expect(sections.map((s) => s.ordinal)).not.toContain(4)
})
